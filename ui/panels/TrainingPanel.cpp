// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/TrainingPanel.h"

#include "AppSettings.h"
#include "LogModel.h"
#include "ProjectSession.h"
#include "util/SavedPreviews.h"
#include "widgets/ErrorBanner.h"
#include "widgets/LogView.h"
#include "widgets/MetricsPlot.h"
#include "widgets/RunCheckpointList.h"
#include "widgets/TrainingPreviewGrid.h"
#include "widgets/TrainingStatsForm.h"

#include "train/Checkpoint.h"
#include "util/Threads.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace vd::ui {
TrainingPanel::TrainingPanel(ProjectSession* session, TrainingController* controller,
                             QWidget* parent)
    : QWidget(parent), m_session(session), m_controller(controller), m_log(LogModel::shared())
{
    setObjectName(QStringLiteral("TrainingPanel"));
    buildUi();

    connect(m_session, &ProjectSession::projectChanged, this, &TrainingPanel::onProjectChanged);
    connect(m_session, &ProjectSession::settingsChanged, this, [this] {
        updateTotals();
        updateButtons();
        updateBatch();
    });
    connect(m_controller, &TrainingController::metricsReady, this, &TrainingPanel::onMetrics);
    connect(m_controller, &TrainingController::previewReady, this, &TrainingPanel::onPreview);
    connect(m_controller, &TrainingController::checkpointSaved, this,
            [this] { refreshCheckpoints(); });
    connect(m_controller, &TrainingController::logLine, this, [this](int, const QString& text) {
        if (m_controller->isRunning() && m_step == 0 && !m_stopping) {
            m_status->setText(tr("Preparing: %1").arg(text));
        }
    });
    connect(m_controller, &TrainingController::errorOccurred, this, &TrainingPanel::showError);
    connect(m_controller, &TrainingController::finished, this, &TrainingPanel::onFinished);
    connect(m_controller, &TrainingController::runningChanged, this,
            &TrainingPanel::onRunningChanged);
    connect(m_controller, &TrainingController::pausedChanged, this, [this](bool paused) {
        if (m_controller->isRunning() && !m_stopping) {
            m_status->setText(paused ? tr("Paused at step %1").arg(m_step) : tr("Training"));
        }
        updateButtons();
    });
    connect(m_plot, &MetricsPlot::runLoaded, this, [this] {
        if (!m_controller->isRunning()) {
            m_step = m_plot->lastStep();
            updateTotals();
        }
    });
    connect(m_plot, &MetricsPlot::loadFailed, this, &TrainingPanel::showError);

    onProjectChanged();
}

void TrainingPanel::buildUi()
{
    // Error banner over everything.
    m_banner = new ErrorBanner;

    // Run controls.
    m_stage = new QComboBox;
    m_stage->addItem(tr("1 · VAE (autoencoder)"), static_cast<int>(Stage::VAE));
    m_stage->addItem(tr("2 · Diffusion (denoiser)"), static_cast<int>(Stage::Diffusion));
    m_stage->setToolTip(tr("Train the VAE first; the diffusion stage trains on its latents"));
    m_processes = new QSpinBox;
    m_processes->setObjectName(QStringLiteral("processes"));
    m_processes->setRange(1, std::max(1, hardwareThreads()));
    m_processes->setValue(std::min(AppSettings::localProcesses(), m_processes->maximum()));
    m_processes->setToolTip(
        tr("Train as this many processes on this machine (data parallel): each gets a share of "
           "the batch and of the cores, together they train the project's batch. The project "
           "must be saved: the other processes read its file."));
    connect(m_processes, qOverload<int>(&QSpinBox::valueChanged), this, [this](int n) {
        AppSettings::setLocalProcesses(n);
        updateBatch();
    });
    m_startButton = new QPushButton(tr("Start"));
    m_startButton->setToolTip(tr("Train this stage from scratch (or resume, if it has "
                                 "checkpoints)"));
    m_pauseButton = new QPushButton(tr("Pause"));
    m_resumeButton = new QPushButton(tr("Resume"));
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop after the current step and save a checkpoint"));
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_startButton, 0, 0);
    buttons->addWidget(m_pauseButton, 0, 1);
    buttons->addWidget(m_resumeButton, 1, 0);
    buttons->addWidget(m_stopButton, 1, 1);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("step %v / %m"));
    m_progress->setTextVisible(true);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_stats = new TrainingStatsForm;

    m_checkpoints = new RunCheckpointList;

    auto* runTab = new QWidget;
    auto* runLayout = new QVBoxLayout(runTab);
    auto* stageRow = new QFormLayout;
    stageRow->addRow(tr("Stage:"), m_stage);
    runLayout->addLayout(stageRow);
    // A row of its own: in the stage's form its long label would squeeze the stage's name.
    auto* processesRow = new QHBoxLayout;
    auto* processesLabel = new QLabel(tr("Processes on this machine:"));
    processesLabel->setBuddy(m_processes);
    processesRow->addWidget(processesLabel);
    processesRow->addWidget(m_processes);
    processesRow->addStretch(1);
    runLayout->addLayout(processesRow);
    runLayout->addLayout(buttons);
    runLayout->addWidget(m_progress);
    runLayout->addWidget(m_status);
    runLayout->addWidget(m_stats);
    auto* checkpointsLabel = new QLabel(tr("Checkpoints"));
    QFont bold = checkpointsLabel->font();
    bold.setBold(true);
    checkpointsLabel->setFont(bold);
    runLayout->addWidget(checkpointsLabel);
    runLayout->addWidget(m_checkpoints, 1);

    m_sideTabs = new QTabWidget;
    m_sideTabs->addTab(runTab, tr("Run"));
    m_sideTabs->setMinimumWidth(300);

    // Curves, previews, log.
    m_plot = new MetricsPlot;

    m_previews = new TrainingPreviewGrid;

    m_logBox = new LogView(m_log);

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_previews);
    bottom->addWidget(m_logBox);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({520, 400});
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_plot);
    right->addWidget(bottom);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_sideTabs);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setSizes({340, 900});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_banner);
    layout->addWidget(main, 1);

    connect(m_stage, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &TrainingPanel::onStageChanged);
    connect(m_startButton, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(m_pauseButton, &QPushButton::clicked, this, &TrainingPanel::pause);
    connect(m_resumeButton, &QPushButton::clicked, this, &TrainingPanel::resume);
    connect(m_stopButton, &QPushButton::clicked, this, &TrainingPanel::stop);
}

void TrainingPanel::setSettingsWidget(QWidget* w)
{
    if (!w) {
        return;
    }
    const int existing = m_sideTabs->indexOf(w);
    if (existing < 0) {
        m_sideTabs->addTab(w, tr("Settings"));
    }
}

Stage TrainingPanel::stage() const
{
    return static_cast<Stage>(m_stage->currentData().toInt());
}

void TrainingPanel::setStage(Stage stage)
{
    m_stage->setCurrentIndex(m_stage->findData(static_cast<int>(stage)));
}

QString TrainingPanel::errorText() const
{
    return m_banner->text();
}

QString TrainingPanel::runDir() const
{
    return m_session->hasProject() ? m_session->runDir(stage()) : QString();
}

qint64 TrainingPanel::totalSteps() const
{
    if (!m_session->hasProject()) {
        return 0;
    }
    const Project& p = m_session->project();
    return stage() == Stage::VAE ? p.vae.train.steps : p.diffusion.train.steps;
}

qint64 TrainingPanel::newestCheckpointStep() const
{
    if (!m_session->hasProject()) {
        return -1;
    }
    const auto list = Checkpoint::listComplete(
        QDir(runDir()).filePath(QStringLiteral("checkpoints")).toStdString());
    return list.empty() ? -1 : list.back().first;
}

void TrainingPanel::onProjectChanged()
{
    hideError();
    if (m_session->hasProject() && !m_controller->isRunning()) {
        // Show the stage the project is at: diffusion once its run exists.
        const bool diffusionStarted = QFileInfo::exists(
            QDir(m_session->runDir(Stage::Diffusion)).filePath(QStringLiteral("metrics.jsonl")));
        const QSignalBlocker block(m_stage);
        setStage(diffusionStarted ? Stage::Diffusion : Stage::VAE);
    }
    onStageChanged();
}

void TrainingPanel::onStageChanged()
{
    if (m_controller->isRunning()) {
        return; // the selector is disabled while a run is in progress
    }
    clearPreviews();
    m_plot->clear();
    m_step = 0;
    m_stats->reset(true);
    if (m_session->hasProject()) {
        m_plot->loadRun(QDir(runDir()).filePath(QStringLiteral("metrics.jsonl")));
        const Project& p = m_session->project();
        const std::string& device =
            stage() == Stage::VAE ? p.vae.train.device : p.diffusion.train.device;
        m_stats->setDeviceText(QString::fromStdString(device));
        m_status->setText(tr("Idle"));
    } else {
        m_stats->setDeviceText(QStringLiteral("–"));
        m_status->setText(tr("No project open"));
    }
    refreshCheckpoints();
    updateTotals();
    updateButtons();
    updateBatch();
    loadSavedPreviews();
}

void TrainingPanel::loadSavedPreviews()
{
    if (!m_session->hasProject()) {
        m_savedPreviewsLoader.cancel();
        return;
    }
    // The run's samples folder (train/PreviewArchive), decoded on a worker thread.
    const auto show = [this](const QVector<TrainingPreview>& loaded) {
        // Superseded by a live run's previews (a load for another project or stage never
        // arrives: the newest request wins).
        if (m_controller->isRunning() || m_previews->count() > 0) {
            return;
        }
        for (const TrainingPreview& preview : loaded) {
            onPreview(preview);
        }
    };
    const auto load = [dir = runDir(), shownStage = stage()] {
        return SavedPreviews::load(dir, shownStage);
    };
    m_savedPreviewsLoader.submit(load, show);
}

void TrainingPanel::updateTotals()
{
    const qint64 total = std::max<qint64>(1, totalSteps());
    m_progress->setRange(0, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(static_cast<int>(std::min(m_step, total)));
}

void TrainingPanel::updateButtons()
{
    const bool project = m_session->hasProject();
    const bool running = m_controller->isRunning();
    const bool paused = m_controller->isPaused();
    const qint64 newest = project && !running ? newestCheckpointStep() : -1;
    m_stage->setEnabled(!running);
    m_processes->setEnabled(!running);
    m_startButton->setEnabled(project && !running);
    m_pauseButton->setEnabled(running && !paused && !m_stopping);
    m_stopButton->setEnabled(running && !m_stopping);
    const bool canContinue = newest >= 0 && newest < totalSteps();
    m_resumeButton->setEnabled(running ? paused && !m_stopping : canContinue);
    m_resumeButton->setToolTip(
        running       ? tr("Continue the paused run")
        : newest >= 0 ? tr("Continue training from the checkpoint at step %1").arg(newest)
                      : tr("Continue a paused run, or a stopped one from its "
                           "newest checkpoint"));
}

void TrainingPanel::start()
{
    if (!m_session->hasProject() || m_controller->isRunning()) {
        return;
    }
    const qint64 newest = newestCheckpointStep();
    if (newest < 0) {
        startFresh();
        return;
    }
    QString note;
    if (stage() == Stage::VAE &&
        QFileInfo::exists(QDir(m_session->runDir(Stage::Diffusion)).filePath("checkpoints"))) {
        note = tr("\n\nThe diffusion run was trained on this VAE's latents; train it again "
                  "after a new VAE.");
    }
    const bool finished = newest >= totalSteps();
    QMessageBox box(QMessageBox::Question, tr("Checkpoints Exist"),
                    (finished ? tr("This stage has finished (step %1). Start over? Starting "
                                   "over moves the current run folder aside; nothing is "
                                   "deleted. To train longer, raise its steps in Settings and "
                                   "resume.%2")
                              : tr("This stage already has checkpoints (newest at step %1). "
                                   "Resume from there, or start over? Starting over moves the "
                                   "current run folder aside; nothing is deleted.%2"))
                        .arg(newest)
                        .arg(note),
                    QMessageBox::Cancel, this);
    QPushButton* resumeChoice =
        finished ? nullptr : box.addButton(tr("Resume"), QMessageBox::AcceptRole);
    QPushButton* overChoice = box.addButton(tr("Start Over"), QMessageBox::DestructiveRole);
    box.setDefaultButton(finished ? qobject_cast<QPushButton*>(box.button(QMessageBox::Cancel))
                                  : resumeChoice);
    box.exec();
    if (resumeChoice && box.clickedButton() == resumeChoice) {
        resume();
    } else if (box.clickedButton() == overChoice) {
        QString movedTo;
        if (!moveRunAside(&movedTo)) {
            return;
        }
        m_log->append(2, QStringLiteral("ui"),
                      QStringLiteral("moved %1 to %2").arg(runDir(), movedTo));
        startFresh();
    }
}

bool TrainingPanel::moveRunAside(QString* movedTo)
{
    const QString dir = runDir();
    const QString target = dir + QLatin1Char('-') +
                           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QDir().rename(dir, target)) {
        showError(tr("Cannot move %1 to %2; move or delete it yourself to start over.")
                      .arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(target)));
        return false;
    }
    *movedTo = target;
    return true;
}

void TrainingPanel::startFresh()
{
    if (!m_session->hasProject() || m_controller->isRunning()) {
        return;
    }
    hideError();
    m_plot->clear();
    clearPreviews();
    m_step = 0;
    m_controller->start(stage(), false);
}

void TrainingPanel::resume()
{
    if (m_controller->isRunning()) {
        m_controller->resume();
        return;
    }
    if (!m_session->hasProject()) {
        return;
    }
    hideError();
    m_controller->start(stage(), true);
}

void TrainingPanel::pause()
{
    m_controller->pause();
}

void TrainingPanel::stop()
{
    if (!m_controller->isRunning()) {
        return;
    }
    m_stopping = true;
    m_status->setText(tr("Stopping after this step and saving a checkpoint…"));
    m_controller->stop();
    updateButtons();
}

void TrainingPanel::onRunningChanged(bool running)
{
    if (running) {
        if (m_controller->stage() != stage()) {
            // Started from elsewhere (a menu): show that stage's run.
            const QSignalBlocker block(m_stage);
            setStage(m_controller->stage());
            m_plot->clear();
            clearPreviews();
            refreshCheckpoints();
        }
        m_stopping = false;
        m_stats->reset(false);
        updateDevice();
        updateBatch();
        m_status->setText(tr("Preparing…"));
        m_previews->setAnimating(true);
    } else {
        m_stopping = false;
        m_previews->setAnimating(false);
        m_stats->clearSpeed();
        updateBatch(); // what the next run would do
    }
    updateButtons();
}

QString TrainingPanel::batchText() const
{
    return m_stats->batchText();
}

void TrainingPanel::updateBatch()
{
    int processes = m_processes->value();
    int perProcess = 0;
    if (m_controller->isRunning()) {
        processes = m_controller->processes();
        perProcess = m_controller->batchPerProcess();
    } else if (m_session->hasProject()) {
        const Project& p = m_session->project();
        perProcess = TrainingController::batchPerProcess(
            stage() == Stage::VAE ? p.vae.train.batchSize : p.diffusion.train.batchSize, processes);
    }
    if (perProcess <= 0) {
        m_stats->setBatchText(QStringLiteral("–"));
    } else if (processes <= 1) {
        m_stats->setBatchText(QString::number(perProcess));
    } else {
        // Only ever several processes here: no plural forms needed.
        m_stats->setBatchText(tr("%1 per process × %2 processes = %3")
                                  .arg(perProcess)
                                  .arg(processes)
                                  .arg(perProcess * processes));
    }
}

void TrainingPanel::updateDevice()
{
    const QString device = m_controller->resolvedDevice();
    m_stats->setDeviceText(
        device.startsWith(QLatin1String("cuda"))
            ? device
            : tr("%1 · %n torch thread(s)", nullptr, m_controller->torchThreads()).arg(device));
}

void TrainingPanel::onMetrics(const QVector<StepMetrics>& metrics)
{
    if (metrics.isEmpty() || metrics.back().stage != stage()) {
        return;
    }
    if (m_step == 0 || metrics.front().step <= m_step) {
        updateDevice(); // resolved by now
    }
    m_plot->appendMetrics(metrics);
    const StepMetrics& last = metrics.back();
    m_step = last.step;
    m_progress->setRange(0, static_cast<int>(std::min<int64_t>(last.totalSteps, INT_MAX)));
    m_progress->setValue(static_cast<int>(std::min<int64_t>(last.step, INT_MAX)));

    m_stats->addMetrics(metrics);
    if (!m_stopping && !m_controller->isPaused()) {
        m_status->setText(tr("Training"));
    }
}

QTreeWidget* TrainingPanel::checkpointList() const
{
    return m_checkpoints;
}

LogFilterModel* TrainingPanel::logFilter() const
{
    return m_logBox->filter();
}

int TrainingPanel::previewCount() const
{
    return m_previews->count();
}

QStringList TrainingPanel::previewCaptions() const
{
    return m_previews->captions();
}

void TrainingPanel::onPreview(const TrainingPreview& preview)
{
    if (preview.stage != stage() || preview.frames.isEmpty()) {
        return;
    }
    m_previews->showPreview(preview);
}

void TrainingPanel::clearPreviews()
{
    QString placeholder;
    if (m_session->hasProject()) {
        const Project& p = m_session->project();
        const int every = static_cast<int>(stage() == Stage::VAE ? p.vae.train.previewEvery
                                                                 : p.diffusion.train.previewEvery);
        placeholder = every > 0 ? tr("Preview clips appear here every %n step(s) while training.",
                                     nullptr, every)
                                : tr("Previews are off for this stage (preview_every is 0).");
    } else {
        placeholder = tr("Open a project to train it.");
    }
    m_previews->clear(placeholder);
}

void TrainingPanel::onFinished(bool completed, qint64 step)
{
    m_step = step;
    updateTotals();
    m_status->setText(completed ? tr("Finished at step %1").arg(step)
                                : tr("Stopped at step %1").arg(step));
    refreshCheckpoints();
    updateButtons();
}

void TrainingPanel::showError(const QString& message)
{
    m_banner->showError(message);
}

void TrainingPanel::hideError()
{
    m_banner->dismiss();
}

void TrainingPanel::refreshCheckpoints()
{
    m_checkpoints->showRun(m_session->hasProject()
                               ? QDir(runDir()).filePath(QStringLiteral("checkpoints"))
                               : QString());
    if (m_session->hasProject()) {
        updateButtons();
    }
}

} // namespace vd::ui
