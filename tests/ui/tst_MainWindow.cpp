// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QApplication>
#include <QMenuBar>
#include <QtTest>

class tst_MainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensWithMenus();
    void versionReportNamesLibraries();
};

void tst_MainWindow::opensWithMenus()
{
    vd::ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList menus;
    for (QAction* a : w.menuBar()->actions()) {
        menus << a->text();
    }
    QVERIFY(menus.contains("&File"));
    QVERIFY(menus.contains("&Help"));
    QVERIFY(w.windowTitle().contains("VDStudio"));
}

void tst_MainWindow::versionReportNamesLibraries()
{
    const QString report = vd::ui::MainWindow::versionReport();
    QVERIFY(report.contains(QString::fromLatin1(qVersion())));
    QVERIFY(report.contains("LibTorch"));
    QVERIFY(report.contains("FFmpeg"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
