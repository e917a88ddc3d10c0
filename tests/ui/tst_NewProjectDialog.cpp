// SPDX-License-Identifier: GPL-3.0-or-later
// The New Project dialog: it says what the chosen preset trains on and for how long, and the
// demo dataset it writes has the preset's resolution (the small preset's 128x128, not 64x64
// scaled up).
#include "dialogs/NewProjectDialog.h"

#include "media/VideoReader.h"
#include "project/Project.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using vd::ui::NewProjectDialog;

class tst_NewProjectDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presetInfoFollowsThePreset();
    void demoDataHasThePresetsResolution();

private:
    static void choosePreset(NewProjectDialog& dialog, const QString& preset);
    static QString presetInfo(const NewProjectDialog& dialog);
};

void tst_NewProjectDialog::choosePreset(NewProjectDialog& dialog, const QString& preset)
{
    auto* combo = dialog.findChild<QComboBox*>();
    QVERIFY(combo != nullptr);
    const int index = combo->findData(preset);
    QVERIFY2(index >= 0, qPrintable(preset));
    combo->setCurrentIndex(index);
    QCOMPARE(dialog.preset(), preset);
}

QString tst_NewProjectDialog::presetInfo(const NewProjectDialog& dialog)
{
    for (const QLabel* label : dialog.findChildren<QLabel*>()) {
        if (label->text().startsWith(QLatin1String("Clips of"))) {
            return label->text();
        }
    }
    return {};
}

void tst_NewProjectDialog::presetInfoFollowsThePreset()
{
    NewProjectDialog dialog;
    for (const char* name : {"small", "demo", "base"}) {
        choosePreset(dialog, QString::fromLatin1(name));
        const vd::Project p = vd::Project::fromPreset(name);
        const QString info = presetInfo(dialog);
        QVERIFY2(info.contains(QStringLiteral("%1×%2 pixels and %3 frames")
                                   .arg(p.dataset.width)
                                   .arg(p.dataset.height)
                                   .arg(p.dataset.frames)),
                 qPrintable(info));
        // Time budgets where the preset has them, step counts always.
        QVERIFY2(info.contains(QString::number(p.diffusion.train.steps)), qPrintable(info));
        QCOMPARE(info.contains(QLatin1String("minutes")), p.diffusion.train.maxMinutes > 0.0);
    }
}

void tst_NewProjectDialog::demoDataHasThePresetsResolution()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    NewProjectDialog dialog;
    dialog.setProjectPath(dir.filePath("p.vdproj"));
    dialog.setDataDir(dir.filePath("shapes"));
    choosePreset(dialog, QStringLiteral("small"));
    dialog.setMakeDemoData(true, 4);
    dialog.accept(); // writes the clips on a worker thread, then accepts
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 60000);

    // One clip per class: the demo writes each class into its own folder.
    const QDir circles(dir.filePath("shapes/circle"));
    const QStringList clips = circles.entryList({QStringLiteral("*.mp4")}, QDir::Files);
    QVERIFY2(!clips.isEmpty(), qPrintable(circles.path()));
    const QString first = circles.filePath(clips.first());
    const vd::VideoReader reader(first.toStdString());
    QCOMPARE(reader.info().width, vd::Project::fromPreset("small").dataset.width);
    QCOMPARE(reader.info().height, vd::Project::fromPreset("small").dataset.height);
}

QTEST_MAIN(tst_NewProjectDialog)
#include "tst_NewProjectDialog.moc"
