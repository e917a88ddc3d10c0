// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/TrainerObserver.h"

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <vector>

class QProcess;
class QThread;
class QTimer;

namespace vd {
class StageRun;
}

namespace vd::ui {

class ProjectSession;

/// A preview clip of a running stage, as images (made on the training thread).
struct TrainingPreview {
    Stage stage = Stage::VAE;
    qint64 step = 0;
    QString kind; ///< "reconstruction" (input | output side by side) or "sample"
    int label = -1; ///< class index of a sample, -1 when none
    QString labelName; ///< the class's name, empty when unknown
    int index = 0;  ///< n-th clip of this kind and label at this step (probe clips)
    QVector<QImage> frames;
};

/// Runs training for the studio: one long-lived worker QThread runs a vd::StageRun (dataset
/// scan, latent cache, Trainer) on a copy of the session's project, with the device from
/// AppSettings::effectiveDevice and the torch threads from AppSettings::torchThreads. The
/// Trainer's events become signals on the UI thread:
///   - metrics are buffered and drained at about 15 Hz into one metricsReady() per tick;
///   - previews go through a bounded newest-wins slot per (kind, label, index): a preview not
///     yet shown is replaced by a newer one, so a slow UI never queues frames;
///   - checkpoints, StageRun's log lines (also written to the "train" logger), errors and the
///     end of the run are forwarded as they happen, in order.
///
/// With AppSettings::localProcesses() N > 1 a run is N data-parallel ranks on this machine
/// (docs/distributed.md): the studio trains rank 0 itself on its worker thread, so progress,
/// curves, previews, checkpoints and Stop work as for one process, and starts ranks 1 to N-1 as
/// `vdstudio-cli train-<stage> PROJECT` child processes (cliProgram()) that read the saved
/// project file. Each process gets the project's batch split over the N processes (at least 1)
/// and the torch threads split likewise, so the N processes together train what one would.
/// Stop reaches every rank through rank 0 (the ranks stop after the same step, rank 0 saves the
/// checkpoint). A rank that ends with an error stops the others and its last message is
/// reported through errorOccurred. The run counts as running, and finished() waits, until every
/// child has exited and been reaped; the children are sent SIGTERM when the studio dies.
///
/// Threads: create, call and destroy on the UI thread; every signal is emitted on the UI
/// thread. Training itself never runs on the UI thread. The destructor stops a running run and
/// waits for it (the Trainer saves a checkpoint at the step reached) and its child processes.
class TrainingController final : public QObject {
    Q_OBJECT
public:
    /// Drain interval of metrics and previews.
    static constexpr int kDrainIntervalMs = 66;

    explicit TrainingController(ProjectSession* session, QObject* parent = nullptr);
    ~TrainingController() override;

    /// Starts training `stage` of the open project on the worker thread: from the newest
    /// checkpoint when `resume` (fresh if there is none), else fresh (which the engine refuses,
    /// through errorOccurred, when the run folder already has checkpoints). Returns false,
    /// doing nothing, when a run is in progress or no project is open; also, after
    /// errorOccurred, when several processes are asked for and the project has unsaved changes
    /// or cliProgram() is missing.
    bool start(Stage stage, bool resume);
    /// Holds the run between steps / lets it continue. No-ops when nothing runs.
    void pause();
    void resume();
    /// Asks the run to stop within one step; a checkpoint is saved at the step reached.
    /// finished() follows. Works also while the dataset is scanned or the cache is built.
    void stop();
    /// Stops and blocks until the run has ended or `timeoutMs` passed (for closing the
    /// window). Returns true when nothing runs any more; finished() has then been emitted.
    bool stopAndWait(int timeoutMs);

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    /// Stage of the run in progress, or of the last one.
    Stage stage() const { return m_stage; }
    /// Steps done by the run in progress (or the last one), as the engine counts them.
    qint64 currentStep() const;
    /// Device the run in progress (or the last one) was asked for (after the preference).
    QString device() const { return m_device; }
    /// The device it trains on ("cpu", "cuda:0") once the engine resolved it, else device().
    QString resolvedDevice() const;
    /// Torch threads of each process of the run in progress (or the last one).
    int torchThreads() const { return m_torchThreads; }
    /// Processes of the run in progress (or the last one): 1, or the local ranks it started.
    int processes() const { return m_processes; }
    /// The batch of each of those processes (the project's batch over the processes).
    int batchPerProcess() const { return m_batchPerProcess; }

    /// The batch of each of `processes` processes that together train `projectBatch` clips
    /// per step: the batch divided by the processes, at least 1.
    static int batchPerProcess(int projectBatch, int processes);
    /// Torch threads of each of `processes` processes: AppSettings::torchThreads() (or, unset,
    /// the engine's default for one process and all cores for several) over the processes, at
    /// least 1.
    static int threadsPerProcess(int processes);

    /// Process ids of the child ranks of the run in progress (or the last one), rank 1 first.
    QList<qint64> helperProcessIds() const;

    /// The vdstudio-cli that runs the ranks after the first: by default the one next to the
    /// studio's executable.
    QString cliProgram() const;
    void setCliProgram(const QString& path);

Q_SIGNALS:
    /// Metrics of the steps done since the last tick, oldest first.
    void metricsReady(const QVector<vd::StepMetrics>& metrics);
    void previewReady(const vd::ui::TrainingPreview& preview);
    void checkpointSaved(qint64 step, const QString& dir);
    /// A message of the run's preparation (skipped files, summary, latent cache); `level` is
    /// spdlog's (2 info, 3 warning, 4 error).
    void logLine(int level, const QString& text);
    /// The run failed (bad device, missing VAE checkpoint, non-finite loss, disk full, ...);
    /// finished(false, ...) follows. The project stays open.
    void errorOccurred(const QString& message);
    /// The run ended: `completed` when every configured step ran.
    void finished(bool completed, qint64 step);
    void runningChanged(bool running);
    void pausedChanged(bool paused);

private:
    class Observer;
    friend class Observer;

    /// Runs on the worker thread.
    void work(std::shared_ptr<StageRun> run, bool resume);
    /// UI thread, after work() returned: ends the run, once the child ranks have exited.
    void workDone(bool completed, qint64 step, const QString& error, bool errorReported);
    /// UI thread: emits the end of the run when rank 0 and every child rank are done.
    void finishIfDone();
    /// Starts ranks 1..processes-1 (UI thread, so that their parent-death signal is tied to
    /// the thread that lives longest). False after errorOccurred.
    void startHelpers(Stage stage, bool resume, int port);
    void onHelperOutput(size_t index);
    void onHelperExited(size_t index, int exitCode, bool crashed);
    /// SIGTERM to every child rank still running (a grace period after rank 0 ended); SIGKILL
    /// after another.
    void endHelpers();
    /// Kills and reaps every child still running, without signals back (destructor).
    void killHelpers();
    /// UI thread: emits what the training thread buffered.
    void drain();

    using PreviewKey = std::tuple<QString, int, int>;

    ProjectSession* m_session;
    QThread* m_thread;
    QObject* m_worker; ///< lives on m_thread; runs work()
    QTimer* m_drainTimer;
    bool m_running = false;
    bool m_paused = false;
    Stage m_stage = Stage::VAE;
    qint64 m_lastStep = 0;
    QString m_device;
    mutable QString m_resolvedDevice;
    int m_torchThreads = 0;
    int m_processes = 1;
    int m_batchPerProcess = 0;
    QString m_cliProgram;

    /// A child rank (ranks 1..N-1 of a run of several processes).
    struct Helper {
        QProcess* process = nullptr;
        int rank = 0;
        qint64 pid = 0; ///< 0 when it did not start
        bool done = false;
        QByteArray partialLine; ///< output after its last newline
        QString lastLine;       ///< its last non-empty line of output
    };
    std::vector<Helper> m_helpers;
    bool m_workDone = true;       ///< rank 0 (work()) has returned
    bool m_stopRequested = false; ///< stop() was called for this run
    bool m_helpersEnding = false; ///< endHelpers() was called: their exits are no failures
    QTimer* m_killTimer;          ///< grace period, then SIGTERM, then SIGKILL
    QString m_helperError;        ///< the first child rank's failure, for errorOccurred
    // What work() reported, kept until the children are done.
    bool m_completed = false;
    QString m_error;
    bool m_errorReported = false;

    std::shared_ptr<StageRun> m_run; ///< set and reset on the UI thread only

    std::mutex m_bufferMutex; ///< guards the two buffers
    QVector<StepMetrics> m_pendingMetrics;
    std::map<PreviewKey, TrainingPreview> m_pendingPreviews;

    std::mutex m_busyMutex; ///< guards m_workerBusy
    std::condition_variable m_busyChanged;
    bool m_workerBusy = false;
};

} // namespace vd::ui

Q_DECLARE_METATYPE(vd::StepMetrics)
Q_DECLARE_METATYPE(vd::ui::TrainingPreview)
