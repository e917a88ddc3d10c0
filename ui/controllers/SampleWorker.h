// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/TemporalStats.h"
#include "judge/JudgeReport.h"
#include "media/VideoInfo.h"
#include "project/Project.h"

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <memory>
#include <vector>

namespace vd {
class SampleGenerator;
}

namespace vd::ui {

/// What "sample now" asks for.
struct SampleSettings {
    QString sampler = QStringLiteral("auto");
    int steps = 30;
    double guidanceScale = 1.0;
    double autoguidance = 0.0; ///< sampling.autoguidance (needs the run's guide)
    int label = -1; ///< class index, -1 unconditional, kAllLabels: `count` clips of each class
    quint64 seed = 0;
    int count = 4;

    static constexpr int kAllLabels = -2;
};

/// The loaded models, as the sampling controls need them.
struct SampleModelInfo {
    QStringList labels;   ///< class names (empty: unconditional model)
    QStringList samplers; ///< samplers that fit the objective, "auto" first
    QString objective;    ///< "eps", "v" or "flow"
    int frames = 0;
    int width = 0;
    int height = 0;
    QString denoiserCheckpoint;
    qint64 denoiserStep = 0;
    QString vaeCheckpoint;
    qint64 vaeStep = 0;
    QString guideCheckpoint; ///< the autoguidance guide the run kept ("" and -1: none)
    qint64 guideStep = -1;
    QString device;
};

/// Generated clips as images, with their temporal statistics ([0,1] units).
struct SampleBatch {
    QVector<QVector<QImage>> clips;
    QStringList captions;
    QVector<vd::TemporalStats> temporal;
    QString sampler; ///< the sampler that ran
    SampleSettings settings;
    double seconds = 0.0;
};

/// Runs vd::SampleGenerator on its own thread: lives in a QThread owned by the preview panel,
/// keeps the project's models loaded between requests and reloads them when the project's
/// newest checkpoints or the device change.
///
/// Threads: load() and generate() run on the worker's thread (call them queued, e.g. with
/// QMetaObject::invokeMethod); cancel() may be called from any thread; the signals arrive queued
/// on the receiver's thread. Destroy it on its own thread (QThread::finished → deleteLater).
class SampleWorker final : public QObject {
    Q_OBJECT
public:
    SampleWorker();
    ~SampleWorker() override;

    /// Asks a running generate() to stop at the next sampler step. Any thread.
    void cancel() { m_cancel = true; }

    /// Loads (or keeps) the models of `project` on `device`; emits modelReady or loadFailed.
    void load(const vd::Project& project, const QString& device);
    /// Loads if needed, then samples; emits progress, then finished, cancelled or failed.
    void generate(const vd::Project& project, const QString& device,
                  const vd::ui::SampleSettings& settings);
    /// Judges the clips of the last finished generate() with the project's sample judge
    /// (trained first when its cache is missing or stale: judgeProgress tells); emits judged or
    /// judgeFailed.
    void judge(const vd::Project& project, const QString& device);

Q_SIGNALS:
    void modelReady(const vd::ui::SampleModelInfo& info);
    void loadFailed(const QString& message);
    void progress(int step, int total);
    void finished(const vd::ui::SampleBatch& batch);
    void cancelled();
    void failed(const QString& message);
    void judgeProgress(const QString& line);
    void judged(const vd::JudgeReport& report);
    void judgeFailed(const QString& message);

private:
    /// Loads the generator for `project` on `device` when missing or stale; true when it
    /// (re)loaded. Throws what SampleGenerator's constructor throws.
    bool ensureGenerator(const vd::Project& project, const QString& device);

    std::unique_ptr<vd::SampleGenerator> m_generator;
    QString m_device;
    std::atomic<bool> m_cancel{false};
    /// The last generated clips and the labels they were asked for, for judge().
    std::vector<vd::FrameStack> m_lastClips;
    std::vector<int> m_lastLabels;
};

} // namespace vd::ui

Q_DECLARE_METATYPE(vd::ui::SampleSettings)
Q_DECLARE_METATYPE(vd::ui::SampleModelInfo)
Q_DECLARE_METATYPE(vd::ui::SampleBatch)
Q_DECLARE_METATYPE(vd::JudgeReport)
