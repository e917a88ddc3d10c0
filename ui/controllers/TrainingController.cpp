// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/TrainingController.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "util/FrameImages.h"

#include "project/StageRun.h"
#include "util/Log.h"
#include "util/Threads.h"

#include "util/ParallelEnv.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <exception>

namespace vd::ui {

namespace {

/// How long child ranks get to end by themselves after rank 0 has (with rank 0 gone each fails
/// at its next collective at once; their exit status tells a failure of their own), and then
/// after SIGTERM before they are killed. They write nothing that could be lost.
constexpr int kHelperGraceMs = 10000;
constexpr int kStoppedGraceMs = 3000;
constexpr int kHelperTermMs = 5000;

/// vdstudio-cli's exit status of a run that was stopped (SIGINT/SIGTERM, or rank 0's Stop).
constexpr int kStoppedExitCode = 130;

} // namespace

/// The Trainer's observer for one run; every call comes from the training thread.
class TrainingController::Observer final : public TrainerObserver {
public:
    explicit Observer(TrainingController* controller) : m_c(controller) {}

    void onStep(const StepMetrics& metrics) override
    {
        std::lock_guard lock(m_c->m_bufferMutex);
        m_c->m_pendingMetrics.push_back(metrics);
    }

    void onPreview(const PreviewClip& clip) override
    {
        if (clip.frames.frames == 0) {
            return;
        }
        const QString kind = QString::fromStdString(clip.kind);
        // Probe reconstructions share kind and label; number them within their step.
        if (clip.step != m_previewStep) {
            m_previewStep = clip.step;
            m_previewCounts.clear();
        }
        const int index = m_previewCounts[{kind, clip.label}]++;
        TrainingPreview preview{clip.stage,
                                clip.step,
                                kind,
                                clip.label,
                                QString::fromStdString(clip.labelName),
                                index,
                                framesToImages(clip.frames)};
        std::lock_guard lock(m_c->m_bufferMutex);
        m_c->m_pendingPreviews[PreviewKey{kind, clip.label, index}] = std::move(preview);
    }

    void onCheckpoint(int64_t step, const std::string& dir) override
    {
        QMetaObject::invokeMethod(
            m_c,
            [c = m_c, step, dir = QString::fromStdString(dir)] {
                c->drain(); // the curve reaches the checkpoint's step first
                Q_EMIT c->checkpointSaved(step, dir);
            },
            Qt::QueuedConnection);
    }

    void onLog(int level, const std::string& message) override
    {
        // StageRun's own lines: into the log (the log panel reads it) and to the panel.
        vd::log::get("train")->log(static_cast<spdlog::level::level_enum>(level), "{}", message);
        QMetaObject::invokeMethod(
            m_c,
            [c = m_c, level, text = QString::fromStdString(message)] {
                Q_EMIT c->logLine(level, text);
            },
            Qt::QueuedConnection);
    }

    void onError(const std::string& message) override
    {
        errorReported = true;
        QMetaObject::invokeMethod(
            m_c,
            [c = m_c, text = QString::fromStdString(message)] { Q_EMIT c->errorOccurred(text); },
            Qt::QueuedConnection);
    }

    bool errorReported = false;

private:
    TrainingController* m_c;
    int64_t m_previewStep = -1;
    std::map<std::pair<QString, int>, int> m_previewCounts;
};

TrainingController::TrainingController(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_thread(new QThread(this)), m_worker(new QObject),
      m_drainTimer(new QTimer(this)), m_killTimer(new QTimer(this))
{
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (!m_helpersEnding) {
            endHelpers();
            return;
        }
        for (Helper& h : m_helpers) {
            if (!h.done) {
                vd::log::get("train")->warn("rank {} did not stop; killing it", h.rank);
                h.process->kill();
            }
        }
    });
    qRegisterMetaType<vd::StepMetrics>();
    qRegisterMetaType<QVector<vd::StepMetrics>>();
    qRegisterMetaType<vd::ui::TrainingPreview>();
    m_thread->setObjectName(QStringLiteral("vd-training"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    m_drainTimer->setInterval(kDrainIntervalMs);
    connect(m_drainTimer, &QTimer::timeout, this, &TrainingController::drain);
}

TrainingController::~TrainingController()
{
    if (m_run) {
        m_run->requestStop();
    }
    m_thread->quit(); // after a run in progress has returned
    m_thread->wait();
    delete m_worker;
    killHelpers();
}

int TrainingController::batchPerProcess(int projectBatch, int processes)
{
    return std::max(1, projectBatch / std::max(1, processes));
}

int TrainingController::threadsPerProcess(int processes)
{
    int total = AppSettings::torchThreads();
    if (total <= 0) {
        total = processes > 1 ? hardwareThreads() : defaultThreadSettings().torchThreads;
    }
    return std::max(1, total / std::max(1, processes));
}

QString TrainingController::cliProgram() const
{
    return m_cliProgram.isEmpty() ? QDir(QCoreApplication::applicationDirPath())
                                        .filePath(QStringLiteral("vdstudio-cli"))
                                  : m_cliProgram;
}

QList<qint64> TrainingController::helperProcessIds() const
{
    QList<qint64> ids;
    for (const Helper& h : m_helpers) {
        ids << h.pid;
    }
    return ids;
}

void TrainingController::setCliProgram(const QString& path)
{
    m_cliProgram = path;
}

bool TrainingController::start(Stage stage, bool resume)
{
    if (m_running || !m_session || !m_session->hasProject()) {
        return false;
    }
    const int processes = AppSettings::localProcesses();
    if (processes > 1) {
        // The other ranks read the project file: they must see what rank 0 trains.
        if (m_session->modified()) {
            Q_EMIT errorOccurred(tr("Save the project before training with %1 processes: the "
                                    "other processes read the project file.")
                                     .arg(processes));
            return false;
        }
        if (!QFileInfo(cliProgram()).isExecutable()) {
            Q_EMIT errorOccurred(
                tr("Cannot train with %1 processes: %2 is missing (it is "
                   "installed next to the studio). Set the processes to 1 to "
                   "train in the studio alone.")
                    .arg(QString::number(processes), QDir::toNativeSeparators(cliProgram())));
            return false;
        }
    }
    Project project = m_session->project();
    const TrainConfig& train = stage == Stage::VAE ? project.vae.train : project.diffusion.train;
    StageRunOptions options;
    options.device =
        AppSettings::effectiveDevice(QString::fromStdString(train.device)).toStdString();
    ThreadSettings threads = defaultThreadSettings();
    threads.torchThreads = threadsPerProcess(processes);
    options.threads = threads;
    m_processes = processes;
    m_batchPerProcess = batchPerProcess(train.batchSize, processes);
    if (processes > 1) {
        options.batch = m_batchPerProcess;
        ParallelEnv env;
        env.worldSize = processes;
        try {
            env.masterPort = freeLoopbackPort();
        } catch (const std::exception& e) {
            Q_EMIT errorOccurred(QString::fromUtf8(e.what()));
            return false;
        }
        options.joinGroup = env;
    }
    m_device = QString::fromStdString(options.device);
    m_resolvedDevice.clear();
    m_torchThreads = threads.torchThreads;

    m_helperError.clear();
    m_stopRequested = false;
    m_helpersEnding = false;
    m_workDone = false;
    killHelpers(); // the last run's, reaped already

    auto run = std::make_shared<StageRun>(std::move(project), stage, nullptr, options);
    m_run = run; // before the children start: one that fails at once stops it
    m_stage = stage;
    m_lastStep = 0;
    m_running = true;
    m_paused = false;
    {
        std::lock_guard lock(m_bufferMutex);
        m_pendingMetrics.clear();
        m_pendingPreviews.clear();
    }
    {
        std::lock_guard lock(m_busyMutex);
        m_workerBusy = true;
    }
    m_drainTimer->start();
    if (processes > 1) {
        startHelpers(stage, resume, options.joinGroup->masterPort);
    }
    QMetaObject::invokeMethod(
        m_worker, [this, run, resume] { work(run, resume); }, Qt::QueuedConnection);
    Q_EMIT runningChanged(true);
    return true;
}

void TrainingController::pause()
{
    if (!m_run || m_paused) {
        return;
    }
    m_run->setPaused(true);
    m_paused = true;
    Q_EMIT pausedChanged(true);
}

void TrainingController::resume()
{
    if (!m_run || !m_paused) {
        return;
    }
    m_run->setPaused(false);
    m_paused = false;
    Q_EMIT pausedChanged(false);
}

void TrainingController::stop()
{
    if (m_run) {
        m_stopRequested = true;
        m_run->requestStop();
    }
}

void TrainingController::startHelpers(Stage stage, bool resume, int port)
{
    const QString program = cliProgram();
    const QString device = m_device;
    QStringList args{stage == Stage::VAE ? QStringLiteral("train-vae")
                                         : QStringLiteral("train-diffusion"),
                     m_session->filePath(),
                     QStringLiteral("--threads"),
                     QString::number(m_torchThreads),
                     QStringLiteral("--batch"),
                     QString::number(m_batchPerProcess)};
    if (!device.isEmpty()) {
        args << QStringLiteral("--device") << device;
    }
    if (resume) {
        args << QStringLiteral("--resume");
    }
    const pid_t studio = ::getpid();
    m_helpers.resize(static_cast<size_t>(m_processes - 1));
    for (size_t i = 0; i < m_helpers.size(); ++i) {
        Helper& h = m_helpers[i];
        h.rank = static_cast<int>(i) + 1;
        h.process = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto& [name, value] : localRankVariables(h.rank, m_processes, port)) {
            env.insert(QString::fromStdString(name), QString::fromStdString(value));
        }
        h.process->setProcessEnvironment(env);
        h.process->setProcessChannelMode(QProcess::MergedChannels);
        h.process->setProgram(program);
        h.process->setArguments(args);
        // A rank must not train on alone when the studio dies (crash, kill): SIGTERM stops it.
        // The signal follows the thread that forks, which is the UI thread here.
        h.process->setChildProcessModifier([studio] {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != studio) {
                ::_exit(1);
            }
        });
        connect(h.process, &QProcess::readyRead, this, [this, i] { onHelperOutput(i); });
        connect(h.process, &QProcess::finished, this,
                [this, i](int code, QProcess::ExitStatus status) {
                    onHelperExited(i, code, status == QProcess::CrashExit);
                });
        connect(h.process, &QProcess::errorOccurred, this, [this, i](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart) {
                m_helpers[i].lastLine = m_helpers[i].process->errorString();
                onHelperExited(i, -1, true);
            }
        });
    }
    vd::log::get("train")->info("starting {} more processes: {} {}", m_helpers.size(),
                                program.toStdString(), args.join(QLatin1Char(' ')).toStdString());
    for (Helper& h : m_helpers) {
        h.process->start();
        h.pid = h.process->processId();
    }
}

void TrainingController::onHelperOutput(size_t index)
{
    if (index >= m_helpers.size()) {
        return;
    }
    Helper& h = m_helpers[index];
    h.partialLine += h.process->readAll();
    qsizetype newline = 0;
    while ((newline = h.partialLine.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(h.partialLine.left(newline)).trimmed();
        h.partialLine.remove(0, newline + 1);
        if (!line.isEmpty()) {
            h.lastLine = line;
            vd::log::get("train")->info("rank {}: {}", h.rank, line.toStdString());
        }
    }
}

void TrainingController::onHelperExited(size_t index, int exitCode, bool crashed)
{
    if (index >= m_helpers.size() || m_helpers[index].done) {
        return;
    }
    Helper& h = m_helpers[index];
    h.partialLine += '\n';
    onHelperOutput(index);
    h.done = true;
    const bool failed = crashed || (exitCode != 0 && exitCode != kStoppedExitCode);
    vd::log::get("train")->log(failed ? spdlog::level::warn : spdlog::level::info,
                               "rank {} of {} ended with status {}{}", h.rank, m_processes,
                               exitCode, crashed ? " (crashed)" : "");
    if (failed && !m_stopRequested && !m_helpersEnding && m_helperError.isEmpty()) {
        const QString last = h.lastLine.isEmpty() ? tr("no message") : h.lastLine;
        // QProcess gives the signal as the exit code of a process that crashed.
        m_helperError = (crashed ? tr("Process %1 of %2 was ended by signal %3: %4")
                                 : tr("Process %1 of %2 ended with status %3: %4"))
                            .arg(QString::number(h.rank + 1), QString::number(m_processes),
                                 QString::number(exitCode), last);
        // Rank 0 may be alone in its preparation (the latent cache) or waiting for the ranks
        // to join: stop it there instead of at its next collective.
        if (m_run) {
            m_run->requestStop();
        }
    }
    finishIfDone();
}

void TrainingController::endHelpers()
{
    m_helpersEnding = true;
    bool any = false;
    for (Helper& h : m_helpers) {
        if (!h.done) {
            vd::log::get("train")->warn("rank {} still runs after rank 0 ended; stopping it",
                                        h.rank);
            h.process->terminate();
            any = true;
        }
    }
    if (any) {
        m_killTimer->start(kHelperTermMs);
    }
}

void TrainingController::killHelpers()
{
    m_killTimer->stop();
    for (Helper& h : m_helpers) {
        if (h.process) {
            h.process->disconnect(this);
            if (!h.done) {
                h.process->kill();
                h.process->waitForFinished(5000);
            }
            h.process->deleteLater();
        }
    }
    m_helpers.clear();
}

bool TrainingController::stopAndWait(int timeoutMs)
{
    if (!m_running) {
        return true;
    }
    stop();
    {
        std::unique_lock lock(m_busyMutex);
        if (!m_busyChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                    [this] { return !m_workerBusy; })) {
            return false;
        }
    }
    // Deliver what the worker posted (checkpoint, errors, the end of the run) now.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    // The child ranks stop with rank 0; reap them here, where no event loop runs, and kill
    // those that do not end in time.
    QElapsedTimer clock;
    clock.start();
    for (size_t i = 0; i < m_helpers.size(); ++i) {
        Helper& h = m_helpers[i];
        if (!h.done && !h.process->waitForFinished(
                           static_cast<int>(std::max<qint64>(0, timeoutMs - clock.elapsed())))) {
            h.process->kill();
            h.process->waitForFinished(5000);
        }
    }
    return !m_running;
}

QString TrainingController::resolvedDevice() const
{
    if (m_run) {
        const QString resolved = QString::fromStdString(m_run->resolvedDevice());
        if (!resolved.isEmpty()) {
            m_resolvedDevice = resolved;
        }
    }
    return m_resolvedDevice.isEmpty() ? m_device : m_resolvedDevice;
}

qint64 TrainingController::currentStep() const
{
    return m_run ? m_run->step() : m_lastStep;
}

void TrainingController::work(std::shared_ptr<StageRun> run, bool resume)
{
    Observer observer(this);
    run->setObserver(&observer);
    bool completed = false;
    QString error;
    try {
        completed = run->run(resume ? StartMode::Resume : StartMode::Fresh);
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    } catch (...) {
        error = tr("Training failed with an unknown error.");
    }
    run->setObserver(nullptr);
    const qint64 step = run->step();
    const bool errorReported = observer.errorReported;
    if (!error.isEmpty()) {
        vd::log::get("train")->error("{}", error.toStdString());
    }
    QMetaObject::invokeMethod(
        this,
        [this, completed, step, error, errorReported] {
            workDone(completed, step, error, errorReported);
        },
        Qt::QueuedConnection);
    {
        std::lock_guard lock(m_busyMutex);
        m_workerBusy = false;
    }
    m_busyChanged.notify_all();
}

void TrainingController::workDone(bool completed, qint64 step, const QString& error,
                                  bool errorReported)
{
    if (!m_running || m_workDone) {
        return;
    }
    m_workDone = true;
    m_completed = completed;
    m_lastStep = step;
    m_error = error;
    m_errorReported = errorReported;
    if (std::any_of(m_helpers.begin(), m_helpers.end(), [](const Helper& h) { return !h.done; })) {
        // Then endHelpers(). After a Stop sooner: a child still joining would wait for a rank
        // 0 that is gone.
        m_killTimer->start(m_stopRequested ? kStoppedGraceMs : kHelperGraceMs);
    }
    finishIfDone();
}

void TrainingController::finishIfDone()
{
    if (!m_running || !m_workDone ||
        std::any_of(m_helpers.begin(), m_helpers.end(), [](const Helper& h) { return !h.done; })) {
        return;
    }
    m_killTimer->stop();
    drain();
    m_drainTimer->stop();
    resolvedDevice(); // keep it for after the run
    m_run.reset();
    m_running = false;
    const bool completed = m_completed;
    const qint64 step = m_lastStep;
    if (!m_helperError.isEmpty()) {
        // The child's message names the cause; rank 0's own (another rank stopped or lost
        // contact) comes first when it has one.
        Q_EMIT errorOccurred(m_error.isEmpty() ? m_helperError
                                               : m_error + QLatin1Char('\n') + m_helperError);
    } else if (!m_error.isEmpty() && !m_errorReported) {
        Q_EMIT errorOccurred(m_error);
    }
    if (m_paused) {
        m_paused = false;
        Q_EMIT pausedChanged(false);
    }
    Q_EMIT finished(completed, step);
    Q_EMIT runningChanged(false);
}

void TrainingController::drain()
{
    QVector<StepMetrics> metrics;
    std::map<PreviewKey, TrainingPreview> previews;
    {
        std::lock_guard lock(m_bufferMutex);
        metrics.swap(m_pendingMetrics);
        previews.swap(m_pendingPreviews);
    }
    if (!metrics.isEmpty()) {
        Q_EMIT metricsReady(metrics);
    }
    for (const auto& [key, preview] : previews) {
        Q_EMIT previewReady(preview);
    }
}

} // namespace vd::ui
