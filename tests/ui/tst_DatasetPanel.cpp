// SPDX-License-Identifier: GPL-3.0-or-later
// The dataset panel on a demo dataset written at test time, with one corrupt file (a text file
// named broken.mp4) and one clip of another size and length made with ffmpeg.
#include "panels/DatasetPanel.h"

#include "ProjectSession.h"
#include "models/ClipFilterProxyModel.h"
#include "models/ClipTableModel.h"
#include "util/ThumbnailCache.h"
#include "widgets/ModelInputStrip.h"
#include "widgets/VideoFilePlayer.h"

#include "common/ProjectFixture.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using vd::ui::ClipFilterProxyModel;
using vd::ui::ClipTableModel;
using vd::ui::DatasetPanel;
using vd::ui::ProjectSession;

namespace {

constexpr int kDemoClips = 12;
constexpr int kDemoSize = 32;
constexpr int kDemoFrames = 8;
constexpr int kTrainFrames = 4;
constexpr int kTrainSize = 32;

/// The rows of the proxy, as the names (relative paths) it shows in order.
QStringList proxyNames(const QAbstractItemModel* model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row) {
        names << model->index(row, ClipTableModel::NameColumn).data().toString();
    }
    return names;
}

} // namespace

class tst_DatasetPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsEveryClip();
    void listsSkippedFileWithReason();
    void filtersByLabelStatusAndName();
    void sortsByEveryColumn_data();
    void sortsByEveryColumn();
    void thumbnailsArriveAndAreCached();
    void selectingClipPlaysItAndShowsModelInput();
    void settingsChangeResamples();
    void doubleClickActivatesClip();
    void rescanFindsNewFilesAndKeepsSelection();
    void missingFolderReportsError();

private:
    /// A panel over the fixture project, after its first scan.
    std::unique_ptr<DatasetPanel> scannedPanel();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
    QString m_data;
    QStringList m_labels;
    QString m_brokenRel; ///< "<label>/broken.mp4"
    QString m_extraRel;  ///< the ffmpeg clip: 48x40, 12 frames
    ProjectSession m_session;
};

void tst_DatasetPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QDir(vd::ui::ThumbnailCache::defaultCacheDir()).removeRecursively();
    const QString base = qEnvironmentVariable("VD_TEST_TMP", QDir::tempPath());
    QVERIFY(QDir().mkpath(base));
    m_dir = std::make_unique<QTemporaryDir>(base + "/tst_DatasetPanel-XXXXXX");
    QVERIFY(m_dir->isValid());
    m_project = vdtest::makeDemoProject(m_dir->path(), kDemoClips, kDemoSize, kDemoFrames,
                                        {{"/dataset/width", kTrainSize},
                                         {"/dataset/height", kTrainSize},
                                         {"/dataset/frames", kTrainFrames}});
    QVERIFY(!m_project.isEmpty());
    m_data = m_dir->path() + "/data";
    m_labels = QDir(m_data).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(m_labels.size() >= 2);

    m_brokenRel = m_labels.first() + "/broken.mp4";
    QFile broken(m_data + "/" + m_brokenRel);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("this is a text file, not a video\n");
    broken.close();

    m_extraRel = m_labels.last() + "/zz_extra.mp4";
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "testsrc=size=48x40:rate=10", "-frames:v", "12",
                            "-pix_fmt", "yuv420p", m_data + "/" + m_extraRel}));

    QString error;
    QVERIFY2(m_session.open(m_project, &error), qPrintable(error));
}

std::unique_ptr<DatasetPanel> tst_DatasetPanel::scannedPanel()
{
    auto panel = std::make_unique<DatasetPanel>(&m_session);
    QSignalSpy finished(panel.get(), &DatasetPanel::scanFinished);
    // The scan starts in the constructor: it may already have finished.
    if (panel->isScanning()) {
        finished.wait(30000);
    }
    return panel;
}

void tst_DatasetPanel::listsEveryClip()
{
    auto panel = std::make_unique<DatasetPanel>(&m_session);
    QSignalSpy finished(panel.get(), &DatasetPanel::scanFinished);
    QVERIFY(panel->isScanning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toInt(), kDemoClips + 1);
    QCOMPARE(finished.first().at(1).toInt(), 1);
    QCOMPARE(QDir(panel->folder()), QDir(m_data));

    const ClipTableModel* model = panel->clipModel();
    QCOMPARE(model->rowCount(), kDemoClips + 2);
    QCOMPARE(model->clipCount(), kDemoClips + 1);
    for (int row = 0; row < model->clipCount(); ++row) {
        const auto cell = [&](int column) { return model->index(row, column).data().toString(); };
        const QString name = cell(ClipTableModel::NameColumn);
        QVERIFY(QFileInfo::exists(m_data + "/" + name));
        QCOMPARE(cell(ClipTableModel::LabelColumn), name.section('/', 0, 0));
        QCOMPARE(cell(ClipTableModel::StatusColumn), QString("ok"));
        if (name == m_extraRel) {
            QCOMPARE(cell(ClipTableModel::ResolutionColumn), QString("48×40"));
            QCOMPARE(cell(ClipTableModel::FramesColumn), QString("12"));
            QCOMPARE(cell(ClipTableModel::FpsColumn), QString("10"));
            QCOMPARE(cell(ClipTableModel::DurationColumn), QString("1.20 s"));
        } else {
            QCOMPARE(cell(ClipTableModel::ResolutionColumn), QString("%1×%1").arg(kDemoSize));
            QCOMPARE(cell(ClipTableModel::FramesColumn), QString::number(kDemoFrames));
        }
    }
    // The proxy shows everything without filters, and the table shows the proxy.
    QCOMPARE(panel->filterModel()->rowCount(), kDemoClips + 2);
    QCOMPARE(panel->tableView()->model(), panel->filterModel());
}

void tst_DatasetPanel::listsSkippedFileWithReason()
{
    auto panel = scannedPanel();
    const ClipTableModel* model = panel->clipModel();
    const int row = model->rowOfPath(m_data + "/" + m_brokenRel);
    QVERIFY(row >= model->clipCount());
    const QModelIndex name = model->index(row, ClipTableModel::NameColumn);
    QCOMPARE(name.data().toString(), m_brokenRel);
    QVERIFY(name.data(ClipTableModel::SkippedRole).toBool());
    QCOMPARE(model->index(row, ClipTableModel::LabelColumn).data().toString(), m_labels.first());
    const QString reason = name.data(ClipTableModel::ReasonRole).toString();
    QVERIFY(!reason.isEmpty());
    const QString status = model->index(row, ClipTableModel::StatusColumn).data().toString();
    QVERIFY2(status.startsWith("skipped") && status.contains(reason), qPrintable(status));
    QVERIFY(model->index(row, ClipTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(reason));
}

void tst_DatasetPanel::filtersByLabelStatusAndName()
{
    auto panel = scannedPanel();
    auto* labelCombo = panel->findChild<QComboBox*>("labelFilter");
    auto* statusCombo = panel->findChild<QComboBox*>("statusFilter");
    auto* nameEdit = panel->findChild<QLineEdit*>("nameFilter");
    QVERIFY(labelCombo && statusCombo && nameEdit);
    const QAbstractItemModel* proxy = panel->filterModel();

    // Every label of the dataset is offered, plus "all".
    QCOMPARE(labelCombo->count(), m_labels.size() + 1);
    const QString label = m_labels.first();
    labelCombo->setCurrentIndex(labelCombo->findData(label));
    int clipsOfLabel = 0;
    for (const QString& name : QDir(m_data + "/" + label).entryList({"*.mp4"}, QDir::Files)) {
        clipsOfLabel += name == "broken.mp4" ? 0 : 1;
    }
    QCOMPARE(proxy->rowCount(), clipsOfLabel + 1); // its clips and the broken file
    for (const QString& name : proxyNames(proxy)) {
        QVERIFY2(name.startsWith(label + "/"), qPrintable(name));
    }

    statusCombo->setCurrentIndex(
        statusCombo->findData(int(ClipFilterProxyModel::StatusFilter::Ok)));
    QCOMPARE(proxy->rowCount(), clipsOfLabel);
    QVERIFY(!proxyNames(proxy).contains(m_brokenRel));

    statusCombo->setCurrentIndex(
        statusCombo->findData(int(ClipFilterProxyModel::StatusFilter::Skipped)));
    QCOMPARE(proxyNames(proxy), QStringList{m_brokenRel});

    // Another label has no skipped file.
    labelCombo->setCurrentIndex(labelCombo->findData(m_labels.last()));
    QCOMPARE(proxy->rowCount(), 0);

    labelCombo->setCurrentIndex(0);
    statusCombo->setCurrentIndex(0);
    QCOMPARE(proxy->rowCount(), kDemoClips + 2);
    nameEdit->setText("BROKEN");
    QCOMPARE(proxyNames(proxy), QStringList{m_brokenRel});
    nameEdit->setText("zz_extra");
    QCOMPARE(proxyNames(proxy), QStringList{m_extraRel});
    nameEdit->clear();
    QCOMPARE(proxy->rowCount(), kDemoClips + 2);
}

void tst_DatasetPanel::sortsByEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("firstIs"); // "extra", "broken" or "" (check order only)
    QTest::newRow("name asc") << int(ClipTableModel::NameColumn) << int(Qt::AscendingOrder) << "";
    QTest::newRow("label desc") << int(ClipTableModel::LabelColumn) << int(Qt::DescendingOrder)
                                << "";
    QTest::newRow("resolution desc")
        << int(ClipTableModel::ResolutionColumn) << int(Qt::DescendingOrder) << "extra";
    QTest::newRow("fps asc") << int(ClipTableModel::FpsColumn) << int(Qt::AscendingOrder)
                             << "broken";
    QTest::newRow("frames desc") << int(ClipTableModel::FramesColumn) << int(Qt::DescendingOrder)
                                 << "extra";
    QTest::newRow("frames asc") << int(ClipTableModel::FramesColumn) << int(Qt::AscendingOrder)
                                << "broken";
    QTest::newRow("duration desc")
        << int(ClipTableModel::DurationColumn) << int(Qt::DescendingOrder) << "extra";
    QTest::newRow("status desc") << int(ClipTableModel::StatusColumn) << int(Qt::DescendingOrder)
                                 << "broken";
}

void tst_DatasetPanel::sortsByEveryColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, firstIs);
    auto panel = scannedPanel();
    // Through the view's header, as a user clicking it would.
    panel->tableView()->sortByColumn(column, Qt::SortOrder(order));
    const QAbstractItemModel* proxy = panel->filterModel();
    QCOMPARE(proxy->rowCount(), kDemoClips + 2);
    const QVariant first =
        proxy->index(0, ClipTableModel::NameColumn).data(Qt::DisplayRole).toString();
    if (firstIs == "extra") {
        QCOMPARE(first.toString(), m_extraRel);
    } else if (firstIs == "broken") {
        QCOMPARE(first.toString(), m_brokenRel);
    }
    // Each row's sort key is in order (numbers as numbers, text ignoring case).
    for (int row = 1; row < proxy->rowCount(); ++row) {
        const QVariant a = proxy->index(row - 1, column).data(ClipTableModel::SortRole);
        const QVariant b = proxy->index(row, column).data(ClipTableModel::SortRole);
        int cmp = 0;
        if (a.typeId() == QMetaType::QString) {
            cmp = QString::localeAwareCompare(a.toString().toLower(), b.toString().toLower());
        } else {
            cmp = a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
        }
        QVERIFY2(
            order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0,
            qPrintable(QString("row %1: %2 then %3").arg(row).arg(a.toString(), b.toString())));
    }
}

void tst_DatasetPanel::thumbnailsArriveAndAreCached()
{
    auto panel = scannedPanel();
    panel->resize(1280, 800);
    panel->setViewMode(DatasetPanel::ViewMode::Grid);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QCOMPARE(panel->gridView()->isVisible(), true);

    const ClipTableModel* model = panel->clipModel();
    const auto thumbnailsShown = [&] {
        for (int row = 0; row < model->clipCount(); ++row) {
            const QModelIndex name = model->index(row, ClipTableModel::NameColumn);
            // Asking for the decoration is what queues the thumbnail (views ask for what they
            // show).
            if (name.data(Qt::DecorationRole).value<QIcon>().isNull() ||
                name.data(ClipTableModel::ThumbnailRole).value<QImage>().isNull()) {
                return false;
            }
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(thumbnailsShown(), 30000);

    // 32 px clips are enlarged 3x (nearest neighbour) to the 96 px thumbnail; the 48x40 clip 2x.
    const int extraRow = model->rowOfPath(m_data + "/" + m_extraRel);
    const int demoRow = extraRow == 0 ? 1 : 0;
    QCOMPARE(model->index(demoRow, 0).data(ClipTableModel::ThumbnailRole).value<QImage>().size(),
             QSize(96, 96));
    QCOMPARE(model->index(extraRow, 0).data(ClipTableModel::ThumbnailRole).value<QImage>().size(),
             QSize(96, 80));

    // Cached on disk: a new panel reads them back (its memory cache is new) with the same
    // pixels, and the cache folder holds one file per clip.
    const QString cacheDir = panel->thumbnailCache()->cacheDir();
    QCOMPARE(QDir(cacheDir).entryList({"*.png"}, QDir::Files).size(), kDemoClips + 1);
    const QImage first =
        model->index(demoRow, 0).data(ClipTableModel::ThumbnailRole).value<QImage>();
    const QString firstPath = model->index(demoRow, 0).data(ClipTableModel::PathRole).toString();
    panel.reset();

    auto again = scannedPanel();
    const ClipTableModel* model2 = again->clipModel();
    const QModelIndex same = model2->index(model2->rowOfPath(firstPath), 0);
    same.data(Qt::DecorationRole);
    QTRY_VERIFY_WITH_TIMEOUT(!same.data(ClipTableModel::ThumbnailRole).value<QImage>().isNull(),
                             10000);
    QCOMPARE(same.data(ClipTableModel::ThumbnailRole)
                 .value<QImage>()
                 .convertToFormat(QImage::Format_RGB888),
             first.convertToFormat(QImage::Format_RGB888));
    QCOMPARE(QDir(cacheDir).entryList({"*.png"}, QDir::Files).size(), kDemoClips + 1);
}

void tst_DatasetPanel::selectingClipPlaysItAndShowsModelInput()
{
    auto panel = scannedPanel();
    panel->resize(1280, 800);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));

    // Select through the table, as a click would.
    QTableView* table = panel->tableView();
    int proxyRow = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == m_extraRel) {
            proxyRow = row;
        }
    }
    QVERIFY(proxyRow >= 0);
    table->selectionModel()->setCurrentIndex(table->model()->index(proxyRow, 0),
                                             QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);

    vd::ui::VideoFilePlayer* player = panel->player();
    QTRY_COMPARE_WITH_TIMEOUT(player->frames().size(), 12, 20000);
    QCOMPARE(player->frames().first().size(), QSize(48, 40));
    QCOMPARE(player->fps(), 10.0);
    QVERIFY(player->isPlaying());
    QVERIFY2(player->infoText().contains("48×40") && player->infoText().contains("12 frames"),
             qPrintable(player->infoText()));
    // The grid follows the table's selection.
    QCOMPARE(panel->gridView()->currentIndex().row(), proxyRow);

    vd::ui::ModelInputStrip* strip = panel->modelInputStrip();
    QTRY_COMPARE_WITH_TIMEOUT(strip->frames().size(), kTrainFrames, 20000);
    QCOMPARE(strip->frameViewCount(), kTrainFrames);
    for (const QImage& frame : strip->frames()) {
        QCOMPARE(frame.size(), QSize(kTrainSize, kTrainSize));
    }
    // A demo clip (with its caption) replaces it: newest selection wins.
    const QString demoPath = m_data + "/" + m_labels.first() + "/" + m_labels.first() + "_0000.mp4";
    QVERIFY(panel->selectFile(demoPath));
    QTRY_COMPARE_WITH_TIMEOUT(player->path(), demoPath, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(player->frames().size(), kDemoFrames, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!strip->isLoading(), 20000);
    QCOMPARE(strip->frames().size(), kTrainFrames);
    QVERIFY2(player->infoText().contains("Caption:"), qPrintable(player->infoText()));

    // A skipped file plays nothing and says why.
    QVERIFY(panel->selectFile(m_data + "/" + m_brokenRel));
    QTRY_VERIFY(player->frames().isEmpty());
    QVERIFY(strip->frames().isEmpty());
}

void tst_DatasetPanel::settingsChangeResamples()
{
    auto panel = scannedPanel();
    const QString demoPath = m_data + "/" + m_labels.last() + "/" + m_labels.last() + "_0000.mp4";
    QVERIFY(panel->selectFile(demoPath));
    vd::ui::ModelInputStrip* strip = panel->modelInputStrip();
    QTRY_COMPARE_WITH_TIMEOUT(strip->frames().size(), kTrainFrames, 20000);

    vd::Project changed = m_session.project();
    changed.dataset.frames = 2;
    changed.dataset.width = 16;
    changed.dataset.height = 16;
    m_session.updateProject(changed);
    QTRY_COMPARE_WITH_TIMEOUT(strip->frames().size(), 2, 20000);
    QCOMPARE(strip->frames().first().size(), QSize(16, 16));

    // Back to the fixture's settings for the other tests.
    changed.dataset.frames = kTrainFrames;
    changed.dataset.width = kTrainSize;
    changed.dataset.height = kTrainSize;
    m_session.updateProject(changed);
}

void tst_DatasetPanel::doubleClickActivatesClip()
{
    auto panel = scannedPanel();
    panel->resize(1280, 800);
    panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QSignalSpy activated(panel.get(), &DatasetPanel::clipActivated);
    QTableView* table = panel->tableView();
    // Usable clips first, so row 0 is a clip (the broken file would sort first by name).
    table->sortByColumn(ClipTableModel::StatusColumn, Qt::AscendingOrder);
    const QModelIndex first = table->model()->index(0, ClipTableModel::NameColumn);
    QVERIFY(!first.data(ClipTableModel::SkippedRole).toBool());
    const QPoint centre = table->visualRect(first).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTRY_COMPARE(activated.size(), 1);
    Q_EMIT panel->gridView()->doubleClicked(
        panel->gridView()->model()->index(0, ClipTableModel::NameColumn));
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.first().first().toString(), first.data(ClipTableModel::PathRole).toString());
    // Skipped files have nothing to play.
    table->sortByColumn(ClipTableModel::StatusColumn, Qt::DescendingOrder);
    QVERIFY(table->model()->index(0, 0).data(ClipTableModel::SkippedRole).toBool());
    Q_EMIT table->doubleClicked(table->model()->index(0, 0));
    QCOMPARE(activated.size(), 2);
}

void tst_DatasetPanel::rescanFindsNewFilesAndKeepsSelection()
{
    auto panel = scannedPanel();
    const QString selected = m_data + "/" + m_extraRel;
    QVERIFY(panel->selectFile(selected));
    QTRY_COMPARE_WITH_TIMEOUT(panel->player()->frames().size(), 12, 20000);

    const QString copy = m_data + "/" + m_labels.last() + "/zz_copy.mp4";
    QVERIFY(QFile::copy(selected, copy));
    QSignalSpy finished(panel.get(), &DatasetPanel::scanFinished);
    auto* rescan = panel->findChild<QToolButton*>("rescanButton");
    QVERIFY(rescan);
    rescan->click();
    QVERIFY(panel->isScanning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toInt(), kDemoClips + 2);
    // The scan's progress counted the one file it had to probe (the rest came from the index).
    auto* progress = panel->findChild<QProgressBar*>("scanProgress");
    QVERIFY(progress);
    QCOMPARE(progress->maximum(), 1);
    QVERIFY(!progress->isVisible());
    QCOMPARE(panel->clipModel()->rowCount(), kDemoClips + 3);
    QVERIFY(panel->clipModel()->rowOfPath(copy) >= 0);
    // The selection survives the rescan.
    const QModelIndex current = panel->tableView()->currentIndex();
    QCOMPARE(current.data(ClipTableModel::PathRole).toString(), selected);
    QCOMPARE(panel->player()->path(), selected);

    QVERIFY(QFile::remove(copy));
}

void tst_DatasetPanel::missingFolderReportsError()
{
    auto panel = scannedPanel();
    QSignalSpy failed(panel.get(), &DatasetPanel::scanFailed);
    panel->openFolder(m_dir->path() + "/does-not-exist");
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains("does-not-exist"),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(panel->clipModel()->rowCount(), 0);
}

QTEST_MAIN(tst_DatasetPanel)
#include "tst_DatasetPanel.moc"
