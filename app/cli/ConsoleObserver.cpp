// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ConsoleObserver.h"
#include "train/MetricNames.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <thread>

namespace vd::cli {

namespace {

std::string formatDuration(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    }
    return buf;
}

/// Terms worth a plain line, in a fixed order, others after.
std::string formatTerms(const std::map<std::string, double>& terms)
{
    std::string out;
    for (const auto& [k, v] : terms) {
        // Per-channel blob scores stay in metrics.jsonl; the line shows their maximum.
        if (k == "total" || k == "beta" || k.rfind(metric::kBlobScoreChannelPrefix, 0) == 0) {
            continue;
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, " %s %.4g", k.c_str(), v);
        out += buf;
    }
    return out;
}

} // namespace

ConsoleObserver::ConsoleObserver(std::string title, bool terminal, int64_t plainEvery)
    : m_title(std::move(title)), m_terminal(terminal),
      m_plainEvery(std::max<int64_t>(1, plainEvery))
{
}

void ConsoleObserver::endBarLine()
{
    if (m_barShown) {
        std::fputc('\n', stdout);
        m_barShown = false;
    }
}

void ConsoleObserver::onStep(const StepMetrics& m)
{
    const auto now = std::chrono::steady_clock::now();
    if (m_firstStep < 0) {
        m_firstStep = m.step - 1;
        m_start = now;
    }
    m_smoothedLoss = m_smoothedLoss < 0 ? m.loss : 0.95 * m_smoothedLoss + 0.05 * m.loss;
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const double done = static_cast<double>(m.step - m_firstStep);
    const double itPerS = elapsed > 0 ? done / elapsed : 0.0;
    const double eta = itPerS > 0 ? static_cast<double>(m.totalSteps - m.step) / itPerS : 0.0;
    const bool last = m.step >= m.totalSteps;
    const bool hasPreview = m.terms.count(metric::kProbePsnr) > 0;

    if (m_terminal) {
        if (!last && !hasPreview && std::chrono::duration<double>(now - m_lastDraw).count() < 0.1) {
            return;
        }
        m_lastDraw = now;
        constexpr int kWidth = 24;
        const int filled =
            m.totalSteps > 0
                ? static_cast<int>(kWidth * m.step / std::max<int64_t>(1, m.totalSteps))
                : 0;
        std::string bar(static_cast<size_t>(filled), '#');
        bar.resize(kWidth, '-');
        std::printf("\r%s [%s] %lld/%lld loss %.4g  %.2f it/s  ETA %s   ", m_title.c_str(),
                    bar.c_str(), static_cast<long long>(m.step),
                    static_cast<long long>(m.totalSteps), m_smoothedLoss, itPerS,
                    formatDuration(eta).c_str());
        m_barShown = true;
        if (hasPreview) {
            endBarLine();
            std::printf("%s step %lld: probe PSNR %.2f dB\n", m_title.c_str(),
                        static_cast<long long>(m.step), m.terms.at(metric::kProbePsnr));
        }
        std::fflush(stdout);
        return;
    }
    if (m.step % m_plainEvery == 0 || last || hasPreview) {
        std::printf("%s step %lld/%lld loss %.5g%s lr %.3g grad %.3g %.1f ms/step wait %.1f ms "
                    "%.2f it/s ETA %s\n",
                    m_title.c_str(), static_cast<long long>(m.step),
                    static_cast<long long>(m.totalSteps), m.loss, formatTerms(m.terms).c_str(),
                    m.learningRate, m.gradNorm, m.stepTimeMs, m.loaderWaitMs, itPerS,
                    formatDuration(eta).c_str());
        std::fflush(stdout);
    }
}

void ConsoleObserver::onCheckpoint(int64_t step, const std::string& dir)
{
    endBarLine();
    std::printf("%s checkpoint step %lld: %s\n", m_title.c_str(), static_cast<long long>(step),
                dir.c_str());
    std::fflush(stdout);
}

void ConsoleObserver::onLog(int /*level*/, const std::string& message)
{
    endBarLine();
    std::printf("%s\n", message.c_str());
    std::fflush(stdout);
}

void ConsoleObserver::onError(const std::string& message)
{
    endBarLine();
    std::fflush(stdout);
}

void ConsoleObserver::onFinished(bool completed, int64_t step)
{
    endBarLine();
    const double elapsed =
        m_firstStep < 0
            ? 0.0
            : std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::printf("%s %s at step %lld after %s\n", m_title.c_str(),
                completed ? "finished" : "stopped", static_cast<long long>(step),
                formatDuration(elapsed).c_str());
    std::fflush(stdout);
}

namespace {

std::atomic<void (*)(void*)> g_stop{nullptr};
std::atomic<void*> g_context{nullptr};
std::atomic<int> g_signals{0};

void handleSignal(int)
{
    if (g_signals.fetch_add(1) > 0) {
        std::_Exit(130);
    }
    if (auto stop = g_stop.load()) {
        stop(g_context.load()); // only sets an atomic flag: async-signal-safe
    }
}

} // namespace

StopOnSignal::StopOnSignal(void (*stop)(void*), void* context)
{
    g_context = context;
    g_stop = stop;
    g_signals = 0;
    std::signal(SIGINT, handleSignal);
    std::signal(SIGTERM, handleSignal);
}

StopOnSignal::~StopOnSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_stop = nullptr;
}

} // namespace vd::cli
