// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/TrainerObserver.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace vd::cli {

/// Shows a running Trainer on the console: on a terminal a one-line progress bar with step,
/// loss, it/s and ETA redrawn in place; otherwise a plain line every `plainEvery` steps (for
/// logs and CI). Checkpoints, previews' figures, errors and the run's onLog messages (a
/// StageRun's: skipped files, the run summary, the latent cache) get lines of their own. (The
/// StageRun keeps preview clips in the run's samples folder: train/PreviewArchive.)
class ConsoleObserver : public TrainerObserver {
public:
    ConsoleObserver(std::string title, bool terminal, int64_t plainEvery);
    void onStep(const StepMetrics& m) override;
    void onCheckpoint(int64_t step, const std::string& dir) override;
    void onLog(int level, const std::string& message) override;
    void onError(const std::string& message) override;
    void onFinished(bool completed, int64_t step) override;

private:
    void endBarLine();
    std::string m_title;
    bool m_terminal;
    int64_t m_plainEvery;
    bool m_barShown = false;
    double m_smoothedLoss = -1.0;
    int64_t m_firstStep = -1;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

/// Routes SIGINT/SIGTERM to `stop` (a Trainer's requestStop) until destroyed; a second signal
/// exits at once.
class StopOnSignal {
public:
    explicit StopOnSignal(void (*stop)(void*), void* context);
    ~StopOnSignal();
};

} // namespace vd::cli
