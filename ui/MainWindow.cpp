// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "util/Version.h"
#include "util/VersionInfo.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace vd::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("VDStudio"));
    resize(1280, 800);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About VDStudio"), this, &MainWindow::showAbout);

    auto* welcome = new QLabel(
        tr("<h2>VDStudio %1</h2><p>Latent video diffusion studio.</p>"
           "<p>Use <code>vdstudio-cli</code> to make a dataset and train; the studio panels "
           "are being built.</p>")
            .arg(QString::fromLatin1(vd::kVersion)),
        this);
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);
    statusBar()->showMessage(tr("Ready"));
}

QString MainWindow::versionReport()
{
    return QStringLiteral("VDStudio %1\nQt %2\n%3")
        .arg(QString::fromLatin1(vd::kVersion), QString::fromLatin1(qVersion()),
             QString::fromStdString(vd::libraryVersions()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About VDStudio"),
                       tr("<h3>VDStudio %1</h3><p>Training and sampling latent video diffusion "
                          "models.</p><pre>%2</pre><p>License: GPL-3.0-or-later</p>")
                           .arg(QString::fromLatin1(vd::kVersion), versionReport().toHtmlEscaped()));
}

} // namespace vd::ui
