// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "Theme.h"
#include "panels/DatasetPanel.h"
#include "util/QCustomPlotInclude.h"

#include "project/Project.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using vd::ui::MainWindow;

class tst_MainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensWithMenusAndPanels();
    void versionReportNamesLibraries();
    void opensAProjectAndRemembersIt();
    void badProjectKeepsTheCurrentOne();
    void droppedProjectFileOpens();
    void layoutIsSavedOnClose();
    void plotsFollowTheTheme();

private:
    QString writeProject(const QString& name);
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keep the user's real settings out of the test.
    QCoreApplication::setOrganizationName("VDStudioTest");
    QCoreApplication::setApplicationName("tst_MainWindow");
    QSettings().clear();
}

QString tst_MainWindow::writeProject(const QString& name)
{
    vd::Project project = vd::Project::fromPreset("demo");
    project.name = name.toStdString();
    project.dataset.root = "data";
    QDir(m_dir.path()).mkpath("data");
    const QString path = m_dir.filePath(name + ".vdproj");
    project.save(path.toStdString());
    return path;
}

void tst_MainWindow::opensWithMenusAndPanels()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList menus;
    for (QAction* a : w.menuBar()->actions()) {
        menus << a->text();
    }
    for (const char* menu : {"&File", "&Edit", "&Training", "&Clips", "&View", "&Help"}) {
        QVERIFY2(menus.contains(menu), menu);
    }
    QStringList docks;
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        docks << dock->objectName();
        QVERIFY(dock->widget() != nullptr);
    }
    docks.sort();
    QCOMPARE(docks, QStringList({"dataset", "experiments", "inspector", "preview", "training"}));
    QVERIFY(w.windowTitle().contains("VDStudio"));
}

void tst_MainWindow::versionReportNamesLibraries()
{
    const QString report = MainWindow::versionReport();
    QVERIFY(report.contains(QString::fromLatin1(qVersion())));
    QVERIFY(report.contains("LibTorch"));
    QVERIFY(report.contains("FFmpeg"));
}

void tst_MainWindow::opensAProjectAndRemembersIt()
{
    const QString path = writeProject("alpha");
    MainWindow w;
    QSignalSpy changed(w.session(), &vd::ui::ProjectSession::projectChanged);
    QString error;
    QVERIFY2(w.openProject(path, &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QVERIFY(w.windowTitle().startsWith("alpha"));
    QCOMPARE(vd::ui::AppSettings::recentProjects().value(0), QFileInfo(path).absoluteFilePath());
}

void tst_MainWindow::badProjectKeepsTheCurrentOne()
{
    const QString good = writeProject("beta");
    const QString bad = m_dir.filePath("bad.vdproj");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "vdstudio-project", "version": 1, "vae": {"train": {"steps": -5}}})");
    f.close();
    MainWindow w;
    QVERIFY(w.openProject(good));
    QString error;
    QVERIFY(!w.openProject(bad, &error));
    QVERIFY2(error.contains("vae.train.steps"), qPrintable(error));
    QVERIFY2(error.contains("bad.vdproj"), qPrintable(error));
    QCOMPARE(w.session()->project().name, std::string("beta"));
}

void tst_MainWindow::droppedProjectFileOpens()
{
    const QString path = writeProject("gamma");
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    // Qt delivers a drop only to the widget that accepted the drag entering it.
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY2(w.session()->hasProject(), qPrintable(w.statusBar()->currentMessage()));
    QCOMPARE(w.session()->project().name, std::string("gamma"));
    // A dropped folder goes to the dataset panel.
    QMimeData folder;
    folder.setUrls({QUrl::fromLocalFile(m_dir.filePath("data"))});
    QDragEnterEvent enterFolder(QPoint(100, 100), Qt::CopyAction, &folder, Qt::LeftButton,
                                Qt::NoModifier);
    QApplication::sendEvent(&w, &enterFolder);
    QDropEvent dropFolder(QPointF(100, 100), Qt::CopyAction, &folder, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(&w, &dropFolder);
    QCOMPARE(QFileInfo(w.datasetPanel()->folder()).absoluteFilePath(),
             QFileInfo(m_dir.filePath("data")).absoluteFilePath());
}

void tst_MainWindow::layoutIsSavedOnClose()
{
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QDockWidget*>("inspector")->hide();
        QVERIFY(w.close());
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.findChild<QDockWidget*>("inspector")->isVisible());
    QVERIFY(again.findChild<QDockWidget*>("dataset")->isVisible() ||
            again.findChild<QDockWidget*>("training")->isVisible());
}

void tst_MainWindow::plotsFollowTheTheme()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QList<QCustomPlot*> plots = w.findChildren<QCustomPlot*>();
    QVERIFY(plots.size() >= 4); // training curves, flicker, histogram, blob score
    for (const QString& theme : {QStringLiteral("dark"), QStringLiteral("light")}) {
        vd::ui::applyTheme(theme);
        QCoreApplication::processEvents();
        const QColor text = QApplication::palette().color(QPalette::Text);
        const QColor base = QApplication::palette().color(QPalette::Base);
        for (QCustomPlot* plot : plots) {
            QCOMPARE(plot->xAxis->tickLabelColor(), text);
            QCOMPARE(plot->yAxis->labelColor(), text);
            QCOMPARE(plot->legend->brush().color().rgb(), base.rgb());
            // What is drawn: the plot's background is the theme's base colour.
            const QImage image = plot->toPixmap(80, 60).toImage();
            QCOMPARE(image.pixelColor(2, 2).rgb(), base.rgb());
        }
    }
    vd::ui::applyTheme(QStringLiteral("system"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
