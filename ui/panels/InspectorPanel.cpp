// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/InspectorPanel.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "util/DatasetClipList.h"
#include "widgets/BlobScorePlot.h"
#include "widgets/ChannelGrid.h"
#include "widgets/ChannelHistogram.h"
#include "widgets/ChannelStatsTable.h"
#include "widgets/InspectionVerdictView.h"
#include "widgets/InspectorControlBar.h"
#include "widgets/LatentChannelsView.h"
#include "widgets/ReconstructionViews.h"

#include "inspect/BlobDetectorConfig.h"
#include "train/Checkpoint.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>

namespace vd::ui {

InspectorPanel::InspectorPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    buildUi();
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(500);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        reloadCheckpoints();
        reloadBlobCurves();
        watchRun();
    });
    m_fsWatcher = new QFileSystemWatcher(this);
    connect(m_fsWatcher, &QFileSystemWatcher::directoryChanged, m_refreshTimer,
            qOverload<>(&QTimer::start));
    connect(m_fsWatcher, &QFileSystemWatcher::fileChanged, m_refreshTimer,
            qOverload<>(&QTimer::start));

    connect(m_session, &ProjectSession::projectChanged, this, &InspectorPanel::onProjectChanged);
    connect(m_session, &ProjectSession::settingsChanged, this, &InspectorPanel::onSettingsChanged);
    onProjectChanged();
}

// The jobs hold only copies: one still running ends on its pool thread, unseen.
InspectorPanel::~InspectorPanel() = default;

void InspectorPanel::buildUi()
{
    m_controls = new InspectorControlBar;
    m_verdict = new InspectionVerdictView;
    m_statusLabel = new QLabel;
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // ---- images and heatmaps -------------------------------------------------------------
    m_clipViews = new ReconstructionViews;
    m_channels = new LatentChannelsView;
    m_grid = m_channels->grid();

    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(m_clipViews);
    left->addWidget(m_channels);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);

    // ---- statistics, histogram, blob score over training ----------------------------------
    m_table = new ChannelStatsTable;
    m_histogram = new ChannelHistogram;
    m_blobPlot = new BlobScorePlot;

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(m_histogram);
    right->addWidget(m_blobPlot);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    right->setStretchFactor(2, 2);

    auto* main = new QSplitter(Qt::Horizontal);
    main->addWidget(left);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 1);
    // The statistics table needs about 600 px for its eleven columns.
    main->setSizes({660, 600});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_verdict);
    layout->addWidget(main, 1);
    layout->addWidget(m_statusLabel);

    // ---- wiring -----------------------------------------------------------------------------
    connect(m_controls, &InspectorControlBar::checkpointChanged, this,
            &InspectorPanel::requestInspection);
    connect(m_controls, &InspectorControlBar::compareChanged, this, [this](bool comparing) {
        if (!comparing) {
            m_showB = false;
        }
        requestInspection();
    });
    connect(m_controls, &InspectorControlBar::showComparedClicked, this,
            &InspectorPanel::setShowCompared);
    connect(m_controls, &InspectorControlBar::clipChanged, this,
            &InspectorPanel::requestInspection);
    connect(m_controls, &InspectorControlBar::openFileClicked, this,
            &InspectorPanel::chooseClipFile);
    connect(m_controls, &InspectorControlBar::refreshClicked, this, &InspectorPanel::refresh);
    connect(m_controls, &InspectorControlBar::frameChanged, this, [this] { showFrame(); });
    connect(m_controls, &InspectorControlBar::normalizationToggled, this,
            &InspectorPanel::requestInspection);
    connect(m_controls, &InspectorControlBar::sharedScaleToggled, this, [this] { showFrame(); });
    connect(m_grid, &ChannelGrid::channelSelected, this, [this](int c) {
        if (m_table->rowCount() > c && m_table->currentRow() != c) {
            m_table->selectRow(c);
        }
        showHistogram();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_grid->setSelectedChannel(row); });
}

// ---- project -----------------------------------------------------------------------------

void InspectorPanel::onProjectChanged()
{
    m_inspection.cancel();
    m_inspectors = ClipInspectionJob::makeCache();
    m_autoInspect = true;
    clearResults();
    setStatus({});
    refresh();
}

void InspectorPanel::onSettingsChanged()
{
    // The inspectors shape clips with the dataset settings they were made with, and a result
    // made with the old settings is not shown.
    m_inspection.cancel();
    m_inspectors = ClipInspectionJob::makeCache();
    refresh();
}

void InspectorPanel::refresh()
{
    reloadCheckpoints();
    reloadClips();
    reloadBlobCurves();
    watchRun();
}

void InspectorPanel::watchRun()
{
    if (!m_fsWatcher->directories().isEmpty()) {
        m_fsWatcher->removePaths(m_fsWatcher->directories());
    }
    if (!m_fsWatcher->files().isEmpty()) {
        m_fsWatcher->removePaths(m_fsWatcher->files());
    }
    if (!m_session->hasProject()) {
        return;
    }
    // New checkpoints (and the previews that log blob scores) while a VAE trains.
    const QString run = m_session->runDir(Stage::VAE);
    for (const QString& path : {run, run + QStringLiteral("/checkpoints")}) {
        if (QFileInfo(path).isDir()) {
            m_fsWatcher->addPath(path);
        }
    }
}

void InspectorPanel::reloadCheckpoints()
{
    const QString previousA = m_controls->checkpointA();
    const QString previousB = m_controls->checkpointB();
    std::vector<std::pair<int64_t, std::string>> list;
    if (m_session->hasProject()) {
        const std::string dir =
            (std::filesystem::path(m_session->runDir(Stage::VAE).toStdString()) / "checkpoints")
                .string();
        list = Checkpoint::listComplete(dir); // oldest first
        std::reverse(list.begin(), list.end());
    }
    m_controls->setCheckpoints(list);
    if (!m_controls->isComparing()) {
        m_showB = false;
    }
    const int count = static_cast<int>(list.size());
    if (count == 0 && m_session->hasProject()) {
        setStatus(tr("No VAE checkpoint yet: train the VAE first."));
    }
    Q_EMIT checkpointsListed(count);
    const bool changed =
        m_controls->checkpointA() != previousA || m_controls->checkpointB() != previousB;
    if (changed && (m_resultA || m_autoInspect)) {
        requestInspection();
    }
}

void InspectorPanel::reloadClips()
{
    if (!m_session->hasProject()) {
        m_clipLister.cancel();
        m_controls->clearClips();
        return;
    }
    const QString root = m_session->datasetRoot();
    const double heldOut = m_session->project().dataset.heldOut;
    m_clipLister.submit([root, heldOut] { return DatasetClipList::scan(root, heldOut); },
                        [this](const DatasetClipList& list) { onClipsListed(list); });
}

void InspectorPanel::onClipsListed(const DatasetClipList& list)
{
    const QString current = currentClip();
    QStringList labels;
    for (int i = 0; i < list.paths.size(); ++i) {
        const QString& rel = list.relativePaths[i];
        labels.push_back(list.heldOut[i] ? tr("%1 (held out)").arg(rel) : rel);
    }
    m_controls->setClips(list.paths, labels);
    if (!list.error.isEmpty()) {
        setStatus(tr("Could not list the dataset's clips: %1").arg(list.error), true);
    }
    Q_EMIT clipsListed(static_cast<int>(list.paths.size()));
    if (currentClip() != current || (m_autoInspect && !m_resultA && isVisible())) {
        requestInspection();
    }
}

void InspectorPanel::reloadBlobCurves()
{
    if (!m_session->hasProject()) {
        m_curveReader.cancel();
        m_blobPlot->clear();
        return;
    }
    const QString path = m_session->runDir(Stage::VAE) + QStringLiteral("/metrics.jsonl");
    m_curveReader.submit([path] { return BlobScorePlot::readCurves(path); },
                         [this](const BlobScorePlot::Curves& curves) { onBlobCurvesRead(curves); });
}

void InspectorPanel::onBlobCurvesRead(const BlobScorePlot::Curves& curves)
{
    const int points =
        m_blobPlot->setCurves(curves, m_session->project().inspect.blobs.blobScore, shownStep());
    if (!curves.error.isEmpty()) {
        setStatus(tr("Could not read the VAE metrics: %1").arg(curves.error), true);
    }
    Q_EMIT blobScoresLoaded(points);
}

std::optional<int64_t> InspectorPanel::shownStep() const
{
    if (const ClipInspection* r = shownResult()) {
        return r->step;
    }
    return std::nullopt;
}

void InspectorPanel::markCheckpointOnCurve()
{
    m_blobPlot->markStep(shownStep());
}

// ---- inspection --------------------------------------------------------------------------

QString InspectorPanel::device() const
{
    return AppSettings::effectiveDevice(
        QString::fromStdString(m_session->project().vae.train.device));
}

void InspectorPanel::inspectClip(const QString& videoPath)
{
    m_controls->selectClip(QFileInfo(videoPath).absoluteFilePath());
    requestInspection();
}

void InspectorPanel::inspectCurrent()
{
    requestInspection();
}

void InspectorPanel::chooseClipFile()
{
    const QString dir = currentClip().isEmpty() ? m_session->datasetRoot()
                                                : QFileInfo(currentClip()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Inspect a Video"), dir,
        tr("Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.gif *.mpg *.mpeg *.ts);;"
           "All files (*)"));
    if (!path.isEmpty()) {
        inspectClip(path);
    }
}

void InspectorPanel::requestInspection()
{
    if (!m_session->hasProject()) {
        return;
    }
    const QString clip = currentClip();
    const QString checkpointA = m_controls->checkpointA();
    if (clip.isEmpty() || checkpointA.isEmpty()) {
        return;
    }
    m_autoInspect = false;
    ClipInspectionJob job;
    job.inspectors = m_inspectors;
    job.project = m_session->project();
    job.checkpointA = checkpointA;
    job.checkpointB = m_controls->checkpointB();
    job.device = device();
    job.clip.videoPath = clip.toStdString();
    job.clip.normalized = m_controls->latentNormalization();
    setStatus(tr("Inspecting %1…").arg(QFileInfo(clip).fileName()));
    m_inspection.submit([job = std::move(job)] { return job.run(); },
                        [this](ClipInspectionJob::Result r) { onJobFinished(std::move(r)); });
}

void InspectorPanel::onJobFinished(ClipInspectionJob::Result r)
{
    if (!r.error.isEmpty()) {
        clearResults();
        setStatus(r.error, true);
        m_verdict->showFailure(r.error);
        Q_EMIT inspectionFinished(false, r.error);
        Q_EMIT statusMessage(r.error);
        return;
    }
    m_resultA = std::move(r.a);
    m_resultB = std::move(r.b);
    if (!m_resultB) {
        m_showB = false;
        m_controls->checkShown(false);
    }
    showResult();
    Q_EMIT inspectionFinished(true, verdictText());
}

void InspectorPanel::clearResults()
{
    m_resultA.reset();
    m_resultB.reset();
    m_clipViews->clear();
    m_channels->clear();
    m_table->setRowCount(0);
    m_histogram->clear(); // bars, mean line and title
    m_verdict->clear();
    m_controls->disableFrames();
}

void InspectorPanel::showResult()
{
    const ClipInspection* r = shownResult();
    if (!r) {
        return;
    }
    const LatentShape& shape = r->latentShape;
    m_channels->setInspection(*r);
    m_controls->setFrameCount(static_cast<int>(shape.frames));
    fillTable();
    showFrame();
    updateVerdict();
    markCheckpointOnCurve();
    setStatus(tr("%1: %2 frames of %3×%4, latents %5×%6×%7×%8, VAE step %9%10")
                  .arg(QFileInfo(QString::fromStdString(r->videoPath)).fileName())
                  .arg(r->input.frames)
                  .arg(r->input.width)
                  .arg(r->input.height)
                  .arg(shape.channels)
                  .arg(shape.frames)
                  .arg(shape.height)
                  .arg(shape.width)
                  .arg(r->step)
                  .arg(r->ema ? tr(" (EMA)") : QString()));
}

void InspectorPanel::showFrame()
{
    const ClipInspection* r = shownResult();
    if (!r) {
        return;
    }
    const int t = std::clamp(m_controls->frame(), 0, std::max(0, r->input.frames - 1));
    m_clipViews->showFrame(*r, t);

    m_channels->showFrame(*r, t, m_controls->sharedScale());
}

void InspectorPanel::fillTable()
{
    const ClipInspection* r = shownResult();
    if (!r) {
        return;
    }
    m_table->setInspection(*r, m_session->project().inspect.blobs.blobScore,
                           m_grid->selectedChannel());
}

void InspectorPanel::showHistogram()
{
    const ClipInspection* r = shownResult();
    const int c = m_grid->selectedChannel();
    if (!r || c < 0 || c >= static_cast<int>(r->channelStats.size())) {
        m_histogram->clear();
        return;
    }
    m_histogram->showChannel(r->channelStats[static_cast<size_t>(c)], c, r->normalized);
}

void InspectorPanel::updateVerdict()
{
    const ClipInspection* r = shownResult();
    if (!r) {
        return;
    }
    m_verdict->showVerdict(*r, m_showB, result(), comparedResult());
}

void InspectorPanel::setStatus(const QString& text, bool error)
{
    m_statusText = text;
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void InspectorPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_autoInspect && !m_resultA) {
        requestInspection();
    }
}

// ---- accessors ---------------------------------------------------------------------------

QStringList InspectorPanel::checkpointPaths() const
{
    return m_controls->checkpointPaths();
}

void InspectorPanel::setCheckpoint(int index)
{
    m_controls->setCheckpoint(index);
}

void InspectorPanel::setCompareCheckpoint(int index)
{
    m_controls->setCompareCheckpoint(index);
}

void InspectorPanel::setShowCompared(bool compared)
{
    compared = compared && m_resultB.has_value();
    m_controls->checkShown(compared);
    if (compared == m_showB) {
        return;
    }
    m_showB = compared;
    showResult();
}

QStringList InspectorPanel::clipPaths() const
{
    return m_controls->clipPaths();
}

QString InspectorPanel::currentClip() const
{
    return m_controls->currentClip();
}

const ClipInspection* InspectorPanel::shownResult() const
{
    if (m_showB && m_resultB) {
        return &*m_resultB;
    }
    return m_resultA ? &*m_resultA : nullptr;
}

const ClipInspection* InspectorPanel::result() const
{
    return m_resultA ? &*m_resultA : nullptr;
}

const ClipInspection* InspectorPanel::comparedResult() const
{
    return m_resultB ? &*m_resultB : nullptr;
}

bool InspectorPanel::isBusy() const
{
    return m_inspection.isBusy();
}

int InspectorPanel::frame() const
{
    return m_controls->frame();
}

void InspectorPanel::setFrame(int frame)
{
    m_controls->setFrame(frame);
}

bool InspectorPanel::latentNormalization() const
{
    return m_controls->latentNormalization();
}

void InspectorPanel::setLatentNormalization(bool on)
{
    m_controls->setLatentNormalization(on);
}

bool InspectorPanel::sharedScale() const
{
    return m_controls->sharedScale();
}

void InspectorPanel::setSharedScale(bool shared)
{
    m_controls->setSharedScale(shared);
}

int InspectorPanel::selectedChannel() const
{
    return m_grid->selectedChannel();
}

void InspectorPanel::selectChannel(int channel)
{
    m_grid->setSelectedChannel(channel);
}

FrameView* InspectorPanel::inputView() const
{
    return m_clipViews->inputView();
}

FrameView* InspectorPanel::reconstructionView() const
{
    return m_clipViews->reconstructionView();
}

FrameView* InspectorPanel::errorView() const
{
    return m_clipViews->errorView();
}

QTableWidget* InspectorPanel::statsTable() const
{
    return m_table;
}

QCustomPlot* InspectorPanel::histogramPlot() const
{
    return m_histogram->plot();
}

QCustomPlot* InspectorPanel::blobScorePlot() const
{
    return m_blobPlot->plot();
}

QString InspectorPanel::statusText() const
{
    return m_statusText;
}

QString InspectorPanel::verdictText() const
{
    return m_verdict->verdictText();
}

} // namespace vd::ui
