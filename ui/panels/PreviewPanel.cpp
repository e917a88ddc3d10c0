// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/PreviewPanel.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "dialogs/ExportDialog.h"
#include "util/FrameImages.h"
#include "widgets/ClipGridPlayer.h"
#include "widgets/FlickerPlot.h"
#include "widgets/SampleSettingsForm.h"

#include "media/VideoReader.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <exception>

namespace vd::ui {

PreviewPanel::PreviewPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    buildUi();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("vd-sample"));
    m_worker = new SampleWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SampleWorker::modelReady, this, &PreviewPanel::onModelReady);
    connect(m_worker, &SampleWorker::loadFailed, this, &PreviewPanel::onLoadFailed);
    connect(m_worker, &SampleWorker::progress, this, [this](int step, int total) {
        m_progress->setMaximum(std::max(1, total));
        m_progress->setValue(step);
        m_progress->setFormat(tr("step %1 / %2").arg(step).arg(total));
    });
    connect(m_worker, &SampleWorker::finished, this, &PreviewPanel::onSampleFinished);
    connect(m_worker, &SampleWorker::judged, this, &PreviewPanel::onJudged);
    connect(m_worker, &SampleWorker::judgeFailed, this, &PreviewPanel::onJudgeFailed);
    connect(m_worker, &SampleWorker::judgeProgress, this,
            [this](const QString& line) { m_judgeLabel->setText(line); });
    connect(m_worker, &SampleWorker::cancelled, this,
            [this] { onSampleEnded(false, tr("Sampling cancelled.")); });
    connect(m_worker, &SampleWorker::failed, this,
            [this](const QString& message) { onSampleEnded(false, message); });
    m_thread->start();

    if (m_session != nullptr) {
        connect(m_session, &ProjectSession::projectChanged, this, &PreviewPanel::onProjectChanged);
        connect(m_session, &ProjectSession::settingsChanged, this,
                &PreviewPanel::applyProjectDefaults);
    }
    onProjectChanged();
}

PreviewPanel::~PreviewPanel()
{
    m_worker->cancel();
    m_thread->quit();
    m_thread->wait(); // the worker frees its models on its own thread
}

void PreviewPanel::buildUi()
{
    m_player = new ClipGridPlayer(this);
    m_plot = new FlickerPlot(this);

    // Sample now.
    m_settingsForm = new SampleSettingsForm(this);
    m_sampleButton = new QPushButton(tr("Sample Now"), this);
    m_sampleButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_modelLabel = new QLabel(this);
    m_modelLabel->setWordWrap(true);
    m_modelLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_sampleButton, &QPushButton::clicked, this, &PreviewPanel::sampleNow);
    connect(m_cancelButton, &QPushButton::clicked, this, &PreviewPanel::cancelSampling);
    m_judgeButton = new QPushButton(tr("Judge Clips"), this);
    m_judgeButton->setToolTip(
        tr("Score the sampled clips with the project's sample judge: class accuracy, Fréchet "
           "distance to real clips, motion and diversity against real clips (trains the judge "
           "first if needed)"));
    m_judgeButton->setEnabled(false);
    connect(m_judgeButton, &QPushButton::clicked, this, &PreviewPanel::judgeClips);
    m_judgeLabel = new QLabel(this);
    m_judgeLabel->setWordWrap(true);
    m_judgeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* sampleButtons = new QHBoxLayout;
    sampleButtons->addWidget(m_sampleButton, 1);
    sampleButtons->addWidget(m_cancelButton);
    auto* sampleGroup = new QGroupBox(tr("Sample Now"), this);
    auto* sampleLayout = new QVBoxLayout(sampleGroup);
    sampleLayout->addWidget(m_settingsForm);
    sampleLayout->addLayout(sampleButtons);
    sampleLayout->addWidget(m_progress);
    sampleLayout->addWidget(m_modelLabel);
    sampleLayout->addWidget(m_judgeButton);
    sampleLayout->addWidget(m_judgeLabel);

    // Clips.
    m_openButton = new QPushButton(tr("Open Clip…"), this);
    m_openButton->setToolTip(tr("Play a dataset clip or an exported clip"));
    m_exportButton = new QPushButton(tr("Export…"), this);
    m_exportButton->setToolTip(tr("Write the current clip or the whole grid to MP4, WebM, GIF "
                                  "or PNG frames"));
    m_exportButton->setEnabled(false);
    connect(m_openButton, &QPushButton::clicked, this, &PreviewPanel::chooseClip);
    connect(m_exportButton, &QPushButton::clicked, this, &PreviewPanel::exportClips);
    m_clipLabel = new QLabel(this);
    m_clipLabel->setWordWrap(true);
    m_clipLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* clipButtons = new QHBoxLayout;
    clipButtons->addWidget(m_openButton);
    clipButtons->addWidget(m_exportButton);
    auto* clipGroup = new QGroupBox(tr("Clip"), this);
    auto* clipLayout = new QVBoxLayout(clipGroup);
    clipLayout->addLayout(clipButtons);
    clipLayout->addWidget(m_clipLabel);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 0, 0, 0);
    sideLayout->addWidget(sampleGroup);
    sideLayout->addWidget(clipGroup);
    sideLayout->addWidget(m_statusLabel);
    sideLayout->addStretch();
    auto* sideScroll = new QScrollArea(this);
    sideScroll->setWidget(side);
    sideScroll->setWidgetResizable(true);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideScroll->setMinimumWidth(side->sizeHint().width() + 12);

    auto* viewSplit = new QSplitter(Qt::Vertical, this);
    viewSplit->addWidget(m_player);
    viewSplit->addWidget(m_plot);
    viewSplit->setStretchFactor(0, 3);
    viewSplit->setStretchFactor(1, 1);
    viewSplit->setChildrenCollapsible(false);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(viewSplit);
    split->addWidget(sideScroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_player, &ClipGridPlayer::frameChanged, m_plot, &FlickerPlot::setCurrentFrame);
    connect(m_player, &ClipGridPlayer::currentClipChanged, this, [this](int clip) {
        m_plot->setCurrentClip(clip);
        updateClipInfo();
    });
    updateClipInfo();
}

// ---- project and models -------------------------------------------------------------------

void PreviewPanel::onProjectChanged()
{
    m_modelInfo = {};
    m_settingsForm->clearLabels();
    applyProjectDefaults();
    const bool open = m_session != nullptr && m_session->hasProject();
    m_sampleButton->setEnabled(open && !m_sampling);
    m_modelLabel->setText(open ? tr("Loading the trained models…")
                               : tr("Open a project to sample from its models."));
    if (open) {
        loadModels();
    }
}

void PreviewPanel::applyProjectDefaults()
{
    if (m_session == nullptr || !m_session->hasProject()) {
        return;
    }
    const SamplingConfig& sampling = m_session->project().sampling;
    SampleSettings s = sampleSettings();
    s.sampler = QString::fromStdString(sampling.sampler);
    s.steps = sampling.steps;
    s.guidanceScale = sampling.guidanceScale;
    s.autoguidance = sampling.autoguidance;
    s.seed = std::min<quint64>(sampling.seed, INT_MAX);
    setSampleSettings(s);
}

QString PreviewPanel::device() const
{
    return AppSettings::effectiveDevice(
        QString::fromStdString(m_session->project().diffusion.train.device));
}

void PreviewPanel::loadModels()
{
    if (m_session == nullptr || !m_session->hasProject()) {
        return;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, project = m_session->project(), device = device()] {
            worker->load(project, device);
        },
        Qt::QueuedConnection);
}

void PreviewPanel::onModelReady(const SampleModelInfo& info)
{
    const bool firstLoad = m_modelInfo.frames == 0;
    m_modelInfo = info;
    m_settingsForm->setModel(info, firstLoad);
    m_modelLabel->setText(tr("Denoiser: step %1 (%2 objective); VAE: step %3; %4 frames of "
                             "%5×%6 on %7")
                              .arg(info.denoiserStep)
                              .arg(info.objective)
                              .arg(info.vaeStep)
                              .arg(info.frames)
                              .arg(info.width)
                              .arg(info.height)
                              .arg(info.device));
    m_modelLabel->setToolTip(QDir::toNativeSeparators(info.denoiserCheckpoint) +
                             QLatin1Char('\n') + QDir::toNativeSeparators(info.vaeCheckpoint));
    Q_EMIT modelsReady();
}

void PreviewPanel::onLoadFailed(const QString& message)
{
    m_modelInfo = {};
    m_modelLabel->setText(tr("No model to sample from: %1").arg(message));
}

// ---- sampling -----------------------------------------------------------------------------

SampleSettings PreviewPanel::sampleSettings() const
{
    return m_settingsForm->settings();
}

void PreviewPanel::setSampleSettings(const SampleSettings& s)
{
    m_settingsForm->setSettings(s);
}

void PreviewPanel::sampleNow()
{
    if (m_sampling || m_session == nullptr || !m_session->hasProject()) {
        return;
    }
    setSamplingUi(true);
    setStatus(tr("Sampling…"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, project = m_session->project(), device = device(),
         settings = sampleSettings()] { worker->generate(project, device, settings); },
        Qt::QueuedConnection);
}

void PreviewPanel::cancelSampling()
{
    if (m_sampling) {
        m_worker->cancel();
        m_cancelButton->setEnabled(false);
        setStatus(tr("Cancelling…"));
    }
}

void PreviewPanel::onSampleFinished(const SampleBatch& batch)
{
    setClips(batch.clips, batch.captions, batch.temporal);
    m_sampledOnScreen = true;
    updateJudgeButton();
    const QString message =
        tr("Sampled %n clip(s) in %1 s: %2, %3 steps, guidance %4, seed %5", nullptr,
           static_cast<int>(batch.clips.size()))
            .arg(batch.seconds, 0, 'f', 1)
            .arg(batch.sampler)
            .arg(batch.settings.steps)
            .arg(batch.settings.guidanceScale, 0, 'g', 3)
            .arg(batch.settings.seed);
    onSampleEnded(true, message);
}

void PreviewPanel::onSampleEnded(bool ok, const QString& message)
{
    setSamplingUi(false);
    setStatus(message, !ok && message != tr("Sampling cancelled."));
    Q_EMIT statusMessage(message);
    Q_EMIT samplingFinished(ok, message);
}

void PreviewPanel::setSamplingUi(bool running)
{
    m_sampling = running;
    m_sampleButton->setEnabled(!running && m_session != nullptr && m_session->hasProject());
    m_cancelButton->setEnabled(running);
    m_progress->setVisible(running);
    m_progress->setValue(0);
    m_progress->setFormat(running ? tr("loading models…") : QString());
    m_settingsForm->setEditable(!running);
    updateJudgeButton();
}

// ---- judging ------------------------------------------------------------------------------

void PreviewPanel::updateJudgeButton()
{
    m_judgeButton->setEnabled(m_sampledOnScreen && !m_sampling && !m_judging &&
                              m_player->clips().size() >= 2);
}

void PreviewPanel::judgeClips()
{
    if (!m_judgeButton->isEnabled() || m_session == nullptr || !m_session->hasProject()) {
        return;
    }
    m_judging = true;
    updateJudgeButton();
    m_judgeLabel->setText(tr("Judging…"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, project = m_session->project(), device = device()] {
            worker->judge(project, device);
        },
        Qt::QueuedConnection);
}

void PreviewPanel::onJudged(const vd::JudgeReport& report)
{
    m_judging = false;
    m_judgeReport = report;
    const vd::JudgeInfo& judge = report.judge;
    QStringList lines;
    lines << tr("Judge: %1% right on %n held-out clip window(s)", nullptr, judge.heldOutWindows)
                 .arg(100.0 * judge.heldOutAccuracy, 0, 'f', 1);
    if (report.classAccuracy >= 0) {
        QStringList perClass;
        for (const vd::JudgeClassFigures& c : report.classes) {
            perClass << QStringLiteral("%1 %2%").arg(QString::fromStdString(c.label))
                            .arg(100.0 * c.accuracy, 0, 'f', 0);
        }
        lines << tr("Class accuracy: %1% (%2)")
                     .arg(100.0 * report.classAccuracy, 0, 'f', 1)
                     .arg(perClass.join(QStringLiteral(", ")));
    }
    if (report.heldAccuracy >= 0) {
        lines << tr("Held through the clip: %1% (real clips: %2%)")
                     .arg(100.0 * report.heldAccuracy, 0, 'f', 1)
                     .arg(100.0 * report.realHeldAccuracy, 0, 'f', 1);
    }
    lines << tr("Fréchet distance: %1 (real vs real: %2)")
                 .arg(report.frechet, 0, 'f', 2)
                 .arg(report.frechetFloor, 0, 'f', 2);
    // A ratio the judge could not measure (e.g. drift on one-frame clips) is negative.
    const auto ratio = [](double v) {
        return v >= 0 ? QString::number(v, 'f', 2) : QStringLiteral("–");
    };
    lines << tr("Generated / real: mean change ×%1, flicker ×%2, drift ×%3, diversity ×%4")
                 .arg(ratio(report.meanChangeRatio), ratio(report.flickerRatio),
                      ratio(report.driftRatio), ratio(report.diversityRatio));
    m_judgeLabel->setText(lines.join(QLatin1Char('\n')));
    updateJudgeButton();
    Q_EMIT judgingFinished(true);
}

void PreviewPanel::onJudgeFailed(const QString& message)
{
    m_judging = false;
    m_judgeLabel->setText(tr("The judge failed: %1").arg(message));
    updateJudgeButton();
    Q_EMIT judgingFinished(false);
}

QString PreviewPanel::judgeText() const
{
    return m_judgeLabel->text();
}

// ---- clips ----------------------------------------------------------------------------------

PreviewPanel::DecodedClip PreviewPanel::decode(const QString& path)
{
    DecodedClip out;
    out.path = path;
    try {
        const vd::VideoInfo info = vd::VideoReader::probe(path.toStdString());
        vd::DecodeOptions options;
        const int longSide = std::max(info.displayWidth, info.displayHeight);
        if (longSide > kMaxOpenSide) {
            (info.displayWidth >= info.displayHeight ? options.outWidth : options.outHeight) =
                kMaxOpenSide;
        }
        vd::VideoReader reader(path.toStdString(), options);
        const vd::FrameStack frames = reader.readFrames(0, kMaxOpenFrames);
        if (frames.frames == 0) {
            out.error = tr("%1: no frames could be decoded").arg(QDir::toNativeSeparators(path));
            return out;
        }
        out.stats = vd::computeTemporalStats(frames);
        out.frames = framesToImages(frames);
        out.caption = QFileInfo(path).fileName();
        if (info.frames > kMaxOpenFrames) {
            out.caption += tr(" (first %1 of %2 frames)").arg(kMaxOpenFrames).arg(info.frames);
        }
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

void PreviewPanel::openClip(const QString& videoPath)
{
    setStatus(tr("Opening %1…").arg(QDir::toNativeSeparators(videoPath)));
    m_decoder.submit([videoPath] { return decode(videoPath); },
                     [this](const DecodedClip& clip) { onDecoded(clip); });
}

void PreviewPanel::onDecoded(const DecodedClip& clip)
{
    if (!clip.error.isEmpty()) {
        setStatus(clip.error, true);
        Q_EMIT statusMessage(clip.error);
        Q_EMIT openFailed(clip.error);
        return;
    }
    setClips({clip.frames}, {clip.caption}, {clip.stats});
    setStatus(tr("Opened %1").arg(QDir::toNativeSeparators(clip.path)));
}

void PreviewPanel::chooseClip()
{
    const QString start = m_session != nullptr && m_session->hasProject()
                              ? m_session->datasetRoot()
                              : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Clip"), start,
        tr("Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif);;All files (*)"));
    if (!path.isEmpty()) {
        openClip(path);
    }
}

void PreviewPanel::showClips(const QVector<QVector<QImage>>& clips, const QStringList& captions)
{
    setClips(clips, captions, {});
}

void PreviewPanel::setClips(const QVector<QVector<QImage>>& clips, const QStringList& captions,
                            const QVector<vd::TemporalStats>& stats)
{
    // New clips: the old judgement no longer describes the screen. onSampleFinished marks
    // sampled clips as judgeable again right after this.
    m_sampledOnScreen = false;
    m_judgeReport = {};
    m_judgeLabel->clear();
    updateJudgeButton();
    m_player->setClips(clips, captions);
    m_exportButton->setEnabled(!clips.isEmpty());
    if (stats.size() == clips.size()) {
        m_stats = stats;
        m_plot->setStats(m_stats, captions);
        m_plot->setCurrentClip(m_player->currentClip());
        m_plot->setCurrentFrame(m_player->currentFrame());
        m_statsRunner.cancel(); // a job for earlier clips
        Q_EMIT statsReady();
    } else {
        m_stats.clear();
        m_plot->clear();
        m_statsRunner.submit(
            [clips = m_player->clips()] {
                QVector<vd::TemporalStats> stats;
                try {
                    for (const auto& clip : clips) {
                        stats.push_back(vd::computeTemporalStats(imagesToFrames(clip)));
                    }
                } catch (const std::exception&) {
                    stats.clear(); // the plot stays empty; the clips still play
                }
                return stats;
            },
            [this](const QVector<vd::TemporalStats>& stats) { onStatsComputed(stats); });
    }
    updateClipInfo();
    Q_EMIT clipsShown(static_cast<int>(clips.size()));
}

void PreviewPanel::onStatsComputed(const QVector<vd::TemporalStats>& stats)
{
    m_stats = stats;
    m_plot->setStats(m_stats, m_player->captions());
    m_plot->setCurrentClip(m_player->currentClip());
    m_plot->setCurrentFrame(m_player->currentFrame());
    updateClipInfo();
    Q_EMIT statsReady();
}

void PreviewPanel::exportClips()
{
    if (m_player->clipCount() == 0) {
        return;
    }
    auto* dialog = new ExportDialog(m_player->clips(), m_player->captions(),
                                    m_player->currentClip(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFps(m_player->fps());
    if (m_session != nullptr && m_session->hasProject() && !m_session->filePath().isEmpty()) {
        dialog->setDefaultFolder(QFileInfo(m_session->filePath()).absolutePath() +
                                 QStringLiteral("/exports"));
    }
    connect(dialog, &ExportDialog::exportFinished, this,
            [this](bool, const QString& message) { Q_EMIT statusMessage(message); });
    dialog->open();
}

void PreviewPanel::updateClipInfo()
{
    const int clip = m_player->currentClip();
    if (m_player->clipCount() == 0) {
        m_clipLabel->setText(tr("No clip."));
        return;
    }
    const QVector<QImage>& frames = m_player->clips()[clip];
    const QSize size = frames.isEmpty() ? QSize() : frames.front().size();
    QString text = tr("%1\n%n frame(s), %2×%3 pixels", nullptr, static_cast<int>(frames.size()))
                       .arg(clip < m_player->captions().size() ? m_player->captions()[clip]
                                                               : tr("clip %1").arg(clip + 1))
                       .arg(size.width())
                       .arg(size.height());
    if (clip < m_stats.size()) {
        const vd::TemporalStats& s = m_stats[clip];
        text += QLatin1Char('\n') + tr("mean change %1, max %2")
                                        .arg(s.meanChange, 0, 'f', 4)
                                        .arg(s.maxChange, 0, 'f', 4);
        if (s.frames >= 3) {
            text += QLatin1Char('\n') + tr("flicker index %1").arg(s.flickerIndex, 0, 'f', 3);
        }
    }
    m_clipLabel->setText(text);
}

QString PreviewPanel::statusText() const
{
    return m_statusLabel->text();
}

void PreviewPanel::setStatus(const QString& text, bool error)
{
    m_statusLabel->setText(text);
    QPalette p = palette();
    if (error) {
        p.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    }
    m_statusLabel->setPalette(p);
}

} // namespace vd::ui
