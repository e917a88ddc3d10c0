// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "Theme.h"
#include "Translations.h"

#include "util/DurableFile.h"
#include "util/Memory.h"
#include "util/Threads.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>

int main(int argc, char* argv[])
{
    vd::selectBlasKernels(argv);
    vd::tuneAllocator();
    vd::ignoreFileSizeSignal();
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
    QCommandLineOption versionOption(
        QStringList{"v", "version"},
        QStringLiteral("Show the versions of VDStudio and its libraries."));
    parser.addOption(versionOption);
    QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QStringLiteral("Open the project given as path, fill every panel, save screenshots of "
                       "each panel in light and dark at 1280x800 and 1920x1080 into DIR, quit."),
        QStringLiteral("DIR"));
    parser.addOption(screenshotsOption);
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QStringLiteral("A project file (.vdproj), a dataset folder or a video file to open."),
        QStringLiteral("[path]"));
    parser.process(app);
    if (parser.isSet(versionOption)) {
        std::printf("%s\n", qPrintable(vd::ui::MainWindow::versionReport()));
        return 0;
    }

    vd::ui::LogModel::shared(); // the log panel sees start-up messages too
    // Before any widget exists: widgets translate their text when they are built. The
    // command-line help above stays English, like vdstudio-cli.
    vd::ui::installTranslations(vd::ui::AppSettings::language());
    vd::ThreadSettings threads = vd::defaultThreadSettings();
    if (vd::ui::AppSettings::torchThreads() > 0) {
        threads.torchThreads = vd::ui::AppSettings::torchThreads();
    }
    vd::configureThreads(threads);
    vd::ui::applyTheme(vd::ui::AppSettings::theme());
    vd::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        window.openPath(parser.positionalArguments().constFirst());
    }
    if (parser.isSet(screenshotsOption)) {
        QString error;
        const int written =
            vd::ui::takeScreenshots(window, parser.value(screenshotsOption),
                                    {QStringLiteral("light"), QStringLiteral("dark")},
                                    {QSize(1280, 800), QSize(1920, 1080)}, &error);
        if (written < 0) {
            std::fprintf(stderr, "vdstudio: screenshots: %s\n", qPrintable(error));
            return 4;
        }
        std::printf("wrote %d screenshots to %s\n", written,
                    qPrintable(parser.value(screenshotsOption)));
        return 0;
    }
    return QApplication::exec();
}
