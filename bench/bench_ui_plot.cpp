// SPDX-License-Identifier: GPL-3.0-or-later
// How the Training panel's curves (ui/widgets/MetricsPlot) keep up with long runs: time to
// append a drain batch, and time to replot the whole figure, at 1e4, 1e5 and 1e6 logged steps.
// Runs offscreen by default. Usage: bench_ui_plot [--max-points N] [--batch B] [--hints fast]
#include "widgets/MetricsPlot.h"

#include "train/TrainerObserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include "util/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

QVector<vd::StepMetrics> batch(int64_t first, int count)
{
    QVector<vd::StepMetrics> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        vd::StepMetrics m;
        m.step = first + i;
        m.totalSteps = 1000000;
        const double t = static_cast<double>(m.step);
        m.loss = 0.2 + 1.0 / std::sqrt(1.0 + t / 50.0) + 0.05 * std::sin(t * 0.37);
        m.terms = {{"l1", m.loss * 0.6}, {"mse", m.loss * 0.4}, {"kl", 3.0 + std::cos(t * 1e-3)}};
        m.learningRate = 1e-3;
        m.gradNorm = 0.5 + 0.2 * std::sin(t * 0.11);
        m.stepTimeMs = 120.0;
        m.loaderWaitMs = 1.0;
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    int64_t maxPoints = 1000000;
    int batchSize = 1000;
    bool hints = false; // --hints fast: no antialiasing of the curves, fast polylines
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--max-points") == 0) {
            maxPoints = std::atoll(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--hints") == 0) {
            hints = std::strcmp(argv[i + 1], "fast") == 0;
        } else if (std::strcmp(argv[i], "--batch") == 0) {
            batchSize = std::atoi(argv[i + 1]);
        }
    }
    vd::ui::MetricsPlot plot;
    plot.resize(1200, 600);
    plot.show();
    QCustomPlot* custom = plot.findChild<QCustomPlot*>();
    if (!custom) {
        std::fprintf(stderr, "no QCustomPlot inside MetricsPlot\n");
        return 1;
    }
    if (hints) {
        custom->setNotAntialiasedElements(QCP::aePlottables);
        custom->setPlottingHint(QCP::phFastPolylines, true);
    }
    std::printf("%s\n", hints ? "hints: fast (curves not antialiased, fast polylines)"
                              : "hints: as the studio draws today");
    std::printf("| logged steps | series points | append one batch of %d, ms (median) | full replot, "
                "ms (median of 10) |\n|--:|--:|--:|--:|\n",
                batchSize);
    int64_t step = 1;
    for (int64_t target : {int64_t(10000), int64_t(100000), int64_t(1000000)}) {
        if (target > maxPoints) {
            break;
        }
        std::vector<double> appendMs;
        while (step <= target) {
            const QVector<vd::StepMetrics> b = batch(step, batchSize);
            QElapsedTimer t;
            t.start();
            plot.appendMetrics(b);
            appendMs.push_back(t.nsecsElapsed() / 1e6);
            step += batchSize;
            QCoreApplication::processEvents(); // the queued replot runs, as in the studio
        }
        std::vector<double> replotMs;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer t;
            t.start();
            custom->replot(QCustomPlot::rpImmediateRefresh);
            replotMs.push_back(t.nsecsElapsed() / 1e6);
        }
        int points = 0;
        for (int g = 0; g < custom->graphCount(); ++g) {
            points += custom->graph(g)->dataCount();
        }
        std::printf("| %lld | %d | %.2f | %.1f |\n", static_cast<long long>(target), points,
                    median(appendMs), median(replotMs));
        std::fflush(stdout);
    }
    return 0;
}
