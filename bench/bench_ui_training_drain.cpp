// SPDX-License-Identifier: GPL-3.0-or-later
// How the studio's TrainingController hands a run's steps to the UI thread: it buffers them and
// drains them at about 15 Hz (kDrainIntervalMs) into one metricsReady per tick, however fast the
// steps come. Trains a tiny VAE on a demo dataset from the UI thread for --seconds and reports
// steps, signals, steps per signal and the time between signals. The UI tests check that steps
// arrive batched; the rate is measured here.
//
//   bench_ui_training_drain [--seconds 10] [--size 32]
#include "AppSettings.h"
#include "ProjectSession.h"
#include "controllers/TrainingController.h"

#include "data/DemoDataset.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0.0;
    }
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName("VDStudioBench"); // not the studio's own settings
    QCoreApplication::setApplicationName("bench_ui_training_drain");
    int seconds = 10;
    int size = 32;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--seconds") == 0) {
            seconds = std::atoi(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--size") == 0) {
            size = std::atoi(argv[i + 1]);
        }
    }
    vd::ui::AppSettings::setLocalProcesses(1);

    QTemporaryDir dir;
    vd::DemoOptions demo;
    demo.clips = 12;
    demo.size = size;
    demo.frames = 8;
    demo.seed = 5;
    vd::makeDemoDataset(dir.filePath("data").toStdString(), demo);
    vd::ui::ProjectSession session;
    QString error;
    if (!session.create(dir.filePath("p.vdproj"), dir.filePath("data"), "demo", &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    vd::Project p = session.project();
    p.dataset.width = size;
    p.dataset.height = size;
    p.dataset.frames = 4;
    p.dataset.heldOut = 0.2;
    p.vae.train.batchSize = 4;
    p.vae.train.steps = 1000000;
    p.vae.train.checkpointEvery = 1000000;
    p.vae.train.previewEvery = 0;
    p.vae.train.logEvery = 1;
    session.updateProject(p);

    vd::ui::TrainingController controller(&session);
    // Measured from the first signal (the run's preparation does not count) until Stop.
    bool measuring = false;
    int64_t steps = 0;
    int signals = 0;
    int mostInOne = 0;
    double elapsedS = 0.0;
    std::vector<double> gapsMs;
    QElapsedTimer clock;
    QElapsedTimer sinceLast;
    QObject::connect(&controller, &vd::ui::TrainingController::metricsReady,
                     [&](const QVector<vd::StepMetrics>& metrics) {
                         if (!clock.isValid()) {
                             clock.start();
                             sinceLast.start();
                             measuring = true;
                             QTimer::singleShot(seconds * 1000, &controller, [&] {
                                 measuring = false;
                                 elapsedS = static_cast<double>(clock.elapsed()) / 1000.0;
                                 controller.stop();
                             });
                             return;
                         }
                         if (!measuring) {
                             return;
                         }
                         gapsMs.push_back(static_cast<double>(sinceLast.nsecsElapsed()) / 1e6);
                         sinceLast.start();
                         ++signals;
                         steps += metrics.size();
                         mostInOne = std::max(mostInOne, static_cast<int>(metrics.size()));
                     });
    QObject::connect(&controller, &vd::ui::TrainingController::finished, &app,
                     &QCoreApplication::quit);
    QObject::connect(
        &controller, &vd::ui::TrainingController::errorOccurred,
        [](const QString& message) { std::fprintf(stderr, "%s\n", qPrintable(message)); });
    if (!controller.start(vd::Stage::VAE, false)) {
        return 1;
    }
    app.exec();
    if (elapsedS <= 0.0) {
        std::fprintf(stderr, "the run ended before the measurement did\n");
        return 1;
    }
    const int ms = vd::ui::TrainingController::kDrainIntervalMs;
    std::printf("| seconds | steps | metricsReady | steps/s | signals/s | drain ticks in the time "
                "(%d ms) | steps per signal (mean, most) | ms between signals (median, p95, "
                "max) |\n|--:|--:|--:|--:|--:|--:|--:|--:|\n",
                ms);
    std::printf("| %.1f | %lld | %d | %.1f | %.1f | %.0f | %.2f, %d | %.0f, %.0f, %.0f |\n",
                elapsedS, static_cast<long long>(steps), signals,
                static_cast<double>(steps) / elapsedS, signals / elapsedS, elapsedS * 1000.0 / ms,
                signals > 0 ? static_cast<double>(steps) / signals : 0.0, mostInOne,
                percentile(gapsMs, 0.5), percentile(gapsMs, 0.95), percentile(gapsMs, 1.0));
    QSettings().clear();
    return 0;
}
