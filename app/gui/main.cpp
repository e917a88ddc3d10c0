// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "util/Threads.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("VDStudio"));
    QApplication::setOrganizationName(QStringLiteral("VDStudio"));
    QApplication::setApplicationVersion(QString::fromLatin1(vd::kVersion));
    // The reverse-DNS id names the desktop entry, the icon, the AppStream and MIME files.
    const QString appId = QStringLiteral("io.github.vdstudio.VDStudio");
    QApplication::setDesktopFileName(appId);
    QIcon bundledIcon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        bundledIcon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
    }
    // The installed theme icon wins, so that the window and the launcher show the same one.
    QApplication::setWindowIcon(QIcon::fromTheme(appId, bundledIcon));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Latent video diffusion studio"));
    parser.addHelpOption();
    QCommandLineOption versionOption(QStringList{"v", "version"},
                                     QStringLiteral("Show the versions of VDStudio and its libraries."));
    parser.addOption(versionOption);
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate(
            "main", "A project file (.vdproj), a dataset folder or a video file to open."),
        QStringLiteral("[path]"));
    parser.process(app);
    if (parser.isSet(versionOption)) {
        std::printf("%s\n", qPrintable(vd::ui::MainWindow::versionReport()));
        return 0;
    }

    vd::configureThreads(vd::defaultThreadSettings());
    vd::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        window.openPath(parser.positionalArguments().constFirst());
    }
    return QApplication::exec();
}
