// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/TrainingController.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "util/FrameImages.h"

#include "project/StageRun.h"
#include "util/Log.h"
#include "util/Threads.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

#include <exception>

namespace vd::ui {

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
      m_drainTimer(new QTimer(this))
{
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
}

bool TrainingController::start(Stage stage, bool resume)
{
    if (m_running || !m_session || !m_session->hasProject()) {
        return false;
    }
    Project project = m_session->project();
    const TrainConfig& train = stage == Stage::VAE ? project.vae.train : project.diffusion.train;
    StageRunOptions options;
    options.device =
        AppSettings::effectiveDevice(QString::fromStdString(train.device)).toStdString();
    ThreadSettings threads = defaultThreadSettings();
    if (AppSettings::torchThreads() > 0) {
        threads.torchThreads = AppSettings::torchThreads();
    }
    options.threads = threads;
    m_device = QString::fromStdString(options.device);
    m_resolvedDevice.clear();
    m_torchThreads = threads.torchThreads;

    auto run = std::make_shared<StageRun>(std::move(project), stage, nullptr, options);
    m_run = run;
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
        m_run->requestStop();
    }
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
    if (!m_running) {
        return;
    }
    drain();
    m_drainTimer->stop();
    resolvedDevice(); // keep it for after the run
    m_run.reset();
    m_lastStep = step;
    m_running = false;
    if (!error.isEmpty() && !errorReported) {
        Q_EMIT errorOccurred(error);
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
