// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/RunCheckpointList.h"

#include "train/Checkpoint.h"

#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QUrl>

namespace vd::ui {

namespace {

qint64 folderSize(const QString& dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

RunCheckpointList::RunCheckpointList(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Step"), tr("Saved"), tr("Size")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setToolTip(tr("Checkpoints of this stage's run; double-click opens the folder"));
    connect(this, &QTreeWidget::itemDoubleClicked, this, [](QTreeWidgetItem* item) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(item->data(0, Qt::UserRole).toString()));
    });
}

void RunCheckpointList::showRun(const QString& checkpointsDir)
{
    clear();
    if (checkpointsDir.isEmpty()) {
        return;
    }
    const auto list = Checkpoint::listComplete(checkpointsDir.toStdString());
    const QLocale locale;
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        const QString path = QString::fromStdString(it->second);
        const QFileInfo state(QDir(path).filePath(QString::fromLatin1(Checkpoint::kStateFile)));
        auto* item = new QTreeWidgetItem(this);
        item->setText(0, QString::number(it->first));
        item->setTextAlignment(0, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(1, locale.toString(state.lastModified(), QLocale::ShortFormat));
        item->setText(2, locale.formattedDataSize(folderSize(path)));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, Qt::UserRole, path);
        item->setToolTip(0, QDir::toNativeSeparators(path));
    }
}

} // namespace vd::ui
