// SPDX-License-Identifier: GPL-3.0-or-later
// Over 600 lines: the panel wires about twenty controls, three LatestOnlyRunner jobs and its
// views; what each view draws lives in widgets/ (ChannelGrid, ChannelStatsTable,
// ChannelHistogram, BlobScorePlot).
#include "panels/InspectorPanel.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "util/FrameImages.h"
#include "widgets/BlobScorePlot.h"
#include "widgets/ChannelGrid.h"
#include "widgets/ChannelHistogram.h"
#include "widgets/ChannelStatsTable.h"
#include "widgets/FrameView.h"
#include "widgets/HeatmapView.h"

#include "data/DatasetIndex.h"
#include "inspect/BlobDetectorConfig.h"
#include "project/DatasetSplit.h"
#include "report/Heatmap.h"
#include "train/Checkpoint.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <mutex>

namespace vd::ui {

namespace {

/// The bounding boxes (inclusive corners) of the blobs or regions in channel `channel` of frame
/// `frame`; high-error regions all have channel 0.
QVector<QRect> boxesAt(const std::vector<Blob>& blobs, int64_t channel, int64_t frame)
{
    QVector<QRect> boxes;
    for (const Blob& b : blobs) {
        if (b.channel == channel && b.frame == frame) {
            boxes << QRect(QPoint(static_cast<int>(b.x0), static_cast<int>(b.y0)),
                           QPoint(static_cast<int>(b.x1), static_cast<int>(b.y1)));
        }
    }
    return boxes;
}

QString stepLabel(int64_t step, bool newest)
{
    return newest ? InspectorPanel::tr("step %1 (newest)").arg(step)
                  : InspectorPanel::tr("step %1").arg(step);
}

QString verdictWord(BlobVerdict v)
{
    switch (v) {
    case BlobVerdict::Clean:
        return InspectorPanel::tr("clean");
    case BlobVerdict::Suspicious:
        return InspectorPanel::tr("suspicious");
    case BlobVerdict::Blobs:
        return InspectorPanel::tr("blobs");
    }
    return {};
}

QString verdictColour(BlobVerdict v)
{
    switch (v) {
    case BlobVerdict::Clean:
        return QStringLiteral("#d8f0d8");
    case BlobVerdict::Suspicious:
        return QStringLiteral("#fbeec2");
    case BlobVerdict::Blobs:
        return QStringLiteral("#f6cccc");
    }
    return {};
}

/// The error map of frame t as a sequential-colour image, one scale (0..max) for the clip.
QImage errorImage(const ClipInspection& r, int t)
{
    const int w = r.input.width;
    const int h = r.input.height;
    QImage image(w, h, QImage::Format_RGB888);
    const float* map = r.errorMap(t);
    const double top = std::max(r.error.maxError, 1e-6);
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const Rgb c = colourMapAt(ColourMap::Sequential, map[y * w + x] / top);
            line[3 * x] = c.r;
            line[3 * x + 1] = c.g;
            line[3 * x + 2] = c.b;
        }
    }
    return image;
}

} // namespace

/// The VAEs the last inspection loaded, kept for the next one. A job holds the lock while it
/// runs, so no two jobs ever use one ClipInspector at a time.
struct InspectorPanel::InspectorCache {
    std::mutex mutex;
    QString device; ///< the device preference the inspectors were loaded for
    std::shared_ptr<ClipInspector> a;
    std::shared_ptr<ClipInspector> b;
};

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
    // ---- controls -------------------------------------------------------------------------
    m_checkpointCombo = new QComboBox;
    m_checkpointCombo->setToolTip(tr("VAE checkpoint to inspect (EMA weights when saved)"));
    m_checkpointCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_compareCombo = new QComboBox;
    m_compareCombo->setToolTip(tr("A second checkpoint to inspect on the same clip"));
    m_compareCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_showA = new QRadioButton(tr("Show A"));
    m_showBButton = new QRadioButton(tr("Show B"));
    m_showA->setToolTip(tr("Show the first checkpoint's result"));
    m_showBButton->setToolTip(tr("Show the comparison checkpoint's result"));
    m_showA->setChecked(true);
    m_showGroup = new QButtonGroup(this);
    m_showGroup->addButton(m_showA, 0);
    m_showGroup->addButton(m_showBButton, 1);
    m_refreshButton = new QPushButton(tr("Refresh"));
    m_refreshButton->setToolTip(tr("Read the checkpoints, clips and metrics again"));

    m_clipCombo = new QComboBox;
    m_clipCombo->setMinimumContentsLength(24);
    m_clipCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_clipCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_browseButton = new QPushButton(tr("Open File…"));
    m_frameSlider = new QSlider(Qt::Horizontal);
    m_frameSlider->setMinimumWidth(120);
    m_frameSpin = new QSpinBox;
    m_normCheck = new QCheckBox(tr("Latent normalization"));
    m_normCheck->setToolTip(tr("Show the latents after the VAE's per-channel normalization, as "
                               "the diffusion model sees them"));
    m_sharedCheck = new QCheckBox(tr("Shared colour scale"));
    m_sharedCheck->setToolTip(tr("One colour range for all channels (symmetric around 0) "
                                 "instead of one per channel (centred on its mean)"));

    auto* row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Checkpoint A:")));
    row1->addWidget(m_checkpointCombo);
    row1->addSpacing(12);
    row1->addWidget(new QLabel(tr("Compare with B:")));
    row1->addWidget(m_compareCombo);
    row1->addWidget(m_showA);
    row1->addWidget(m_showBButton);
    row1->addStretch(1);
    row1->addWidget(m_normCheck);
    row1->addWidget(m_sharedCheck);
    row1->addWidget(m_refreshButton);

    auto* row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Clip:")));
    row2->addWidget(m_clipCombo, 1);
    row2->addWidget(m_browseButton);
    row2->addSpacing(12);
    row2->addWidget(new QLabel(tr("Frame:")));
    row2->addWidget(m_frameSlider);
    row2->addWidget(m_frameSpin);

    m_verdictLabel = new QLabel;
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdictLabel->setMargin(4);
    m_compareLabel = new QLabel;
    m_compareLabel->setWordWrap(true);
    m_compareLabel->setVisible(false);
    m_statusLabel = new QLabel;
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // ---- images and heatmaps -------------------------------------------------------------
    m_inputView = new FrameView;
    m_reconView = new FrameView;
    m_errorView = new FrameView;
    m_inputView->setPlaceholderText(tr("Input"));
    m_reconView->setPlaceholderText(tr("Reconstruction"));
    m_errorView->setPlaceholderText(tr("Error"));
    auto* images = new QHBoxLayout;
    images->addWidget(m_inputView);
    images->addWidget(m_reconView);
    images->addWidget(m_errorView);
    auto* imagesBox = new QGroupBox(tr("Clip"));
    imagesBox->setLayout(images);

    m_grid = new ChannelGrid;
    auto* gridScroll = new QScrollArea;
    gridScroll->setWidget(m_grid);
    gridScroll->setWidgetResizable(true);
    gridScroll->setFrameShape(QFrame::NoFrame);
    auto* gridLayout = new QVBoxLayout;
    gridLayout->setContentsMargins(4, 4, 4, 4);
    gridLayout->addWidget(gridScroll);
    auto* gridBox = new QGroupBox(tr("Latent channels (click to select; boxes: blobs)"));
    gridBox->setLayout(gridLayout);

    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(imagesBox);
    left->addWidget(gridBox);
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
    layout->addLayout(row1);
    layout->addLayout(row2);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_compareLabel);
    layout->addWidget(main, 1);
    layout->addWidget(m_statusLabel);

    // ---- wiring -----------------------------------------------------------------------------
    connect(m_checkpointCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (!m_updatingControls) {
            requestInspection();
        }
    });
    connect(m_compareCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (m_updatingControls) {
            return;
        }
        const bool comparing = m_compareCombo->currentIndex() > 0;
        m_showBButton->setEnabled(comparing);
        if (!comparing) {
            m_showA->setChecked(true);
            m_showB = false;
        }
        requestInspection();
    });
    connect(m_showGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setShowCompared(id == 1); });
    connect(m_clipCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (!m_updatingControls) {
            requestInspection();
        }
    });
    connect(m_browseButton, &QPushButton::clicked, this, &InspectorPanel::chooseClipFile);
    connect(m_refreshButton, &QPushButton::clicked, this, &InspectorPanel::refresh);
    connect(m_frameSlider, &QSlider::valueChanged, this, [this](int v) { setFrame(v); });
    connect(m_frameSpin, qOverload<int>(&QSpinBox::valueChanged), this,
            [this](int v) { setFrame(v); });
    connect(m_normCheck, &QCheckBox::toggled, this, [this] {
        if (!m_updatingControls) {
            requestInspection();
        }
    });
    connect(m_sharedCheck, &QCheckBox::toggled, this, [this] { showFrame(); });
    connect(m_grid, &ChannelGrid::channelSelected, this, [this](int c) {
        if (m_table->rowCount() > c && m_table->currentRow() != c) {
            m_table->selectRow(c);
        }
        showHistogram();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_grid->setSelectedChannel(row); });

    m_showBButton->setEnabled(false);
    m_frameSlider->setEnabled(false);
    m_frameSpin->setEnabled(false);
}

// ---- project -----------------------------------------------------------------------------

void InspectorPanel::onProjectChanged()
{
    m_inspection.cancel();
    m_inspectors = std::make_shared<InspectorCache>();
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
    m_inspectors = std::make_shared<InspectorCache>();
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
    const QString previousA = m_checkpointCombo->currentData().toString();
    const QString previousB = m_compareCombo->currentData().toString();
    m_updatingControls = true;
    m_checkpointCombo->clear();
    m_compareCombo->clear();
    m_compareCombo->addItem(tr("none"), QString());
    if (m_session->hasProject()) {
        const std::string dir =
            (std::filesystem::path(m_session->runDir(Stage::VAE).toStdString()) / "checkpoints")
                .string();
        auto list = Checkpoint::listComplete(dir); // oldest first
        std::reverse(list.begin(), list.end());
        for (size_t i = 0; i < list.size(); ++i) {
            const QString label = stepLabel(list[i].first, i == 0);
            const QString path = QString::fromStdString(list[i].second);
            m_checkpointCombo->addItem(label, path);
            m_compareCombo->addItem(label, path);
        }
    }
    const int a = m_checkpointCombo->findData(previousA);
    // A new checkpoint while the newest was shown: follow it.
    m_checkpointCombo->setCurrentIndex(a > 0 ? a : (m_checkpointCombo->count() > 0 ? 0 : -1));
    const int b = m_compareCombo->findData(previousB);
    m_compareCombo->setCurrentIndex(b > 0 ? b : 0);
    m_showBButton->setEnabled(m_compareCombo->currentIndex() > 0);
    if (m_compareCombo->currentIndex() <= 0) {
        m_showA->setChecked(true);
        m_showB = false;
    }
    m_checkpointCombo->setEnabled(m_checkpointCombo->count() > 0);
    m_compareCombo->setEnabled(m_checkpointCombo->count() > 1);
    m_updatingControls = false;
    if (m_checkpointCombo->count() == 0 && m_session->hasProject()) {
        setStatus(tr("No VAE checkpoint yet: train the VAE first."));
    }
    Q_EMIT checkpointsListed(m_checkpointCombo->count());
    const bool changed = m_checkpointCombo->currentData().toString() != previousA ||
                         m_compareCombo->currentData().toString() != previousB;
    if (changed && (m_resultA || m_autoInspect)) {
        requestInspection();
    }
}

void InspectorPanel::reloadClips()
{
    if (!m_session->hasProject()) {
        m_clipLister.cancel();
        m_updatingControls = true;
        m_clipCombo->clear();
        m_updatingControls = false;
        return;
    }
    const QString root = m_session->datasetRoot();
    const double heldOut = m_session->project().dataset.heldOut;
    m_clipLister.submit([root, heldOut] { return listClips(root, heldOut); },
                        [this](const ClipList& list) { onClipsListed(list); });
}

InspectorPanel::ClipList InspectorPanel::listClips(const QString& root, double heldOut)
{
    ClipList out;
    try {
        ScanOptions options;
        options.threads = 1;
        const DatasetIndex index = DatasetIndex::scan(root.toStdString(), options);
        const DatasetSplit split = splitDataset(index, heldOut);
        QSet<QString> held;
        for (const ClipEntry& clip : split.heldOut.clips()) {
            held.insert(QString::fromStdString(clip.path));
        }
        for (const ClipEntry& clip : index.clips()) {
            const QString rel = QString::fromStdString(clip.path);
            out.paths.push_back(QString::fromStdString(clip.info.path));
            out.labels.push_back(held.contains(rel) ? tr("%1 (held out)").arg(rel) : rel);
        }
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

void InspectorPanel::onClipsListed(const ClipList& list)
{
    const QString current = currentClip();
    m_updatingControls = true;
    // Files opened by hand stay in the list after the dataset's clips.
    QStringList extraPaths;
    QStringList extraLabels;
    for (int i = 0; i < m_clipCombo->count(); ++i) {
        const QString path = m_clipCombo->itemData(i).toString();
        if (m_clipCombo->itemData(i, Qt::UserRole + 1).toBool() && !list.paths.contains(path)) {
            extraPaths.push_back(path);
            extraLabels.push_back(m_clipCombo->itemText(i));
        }
    }
    m_clipCombo->clear();
    for (int i = 0; i < list.paths.size(); ++i) {
        m_clipCombo->addItem(list.labels[i], list.paths[i]);
        m_clipCombo->setItemData(i, list.paths[i], Qt::ToolTipRole);
    }
    for (int i = 0; i < extraPaths.size(); ++i) {
        m_clipCombo->addItem(extraLabels[i], extraPaths[i]);
        const int row = m_clipCombo->count() - 1;
        m_clipCombo->setItemData(row, true, Qt::UserRole + 1);
        m_clipCombo->setItemData(row, extraPaths[i], Qt::ToolTipRole);
    }
    const int index = m_clipCombo->findData(current);
    m_clipCombo->setCurrentIndex(index >= 0 ? index : (m_clipCombo->count() > 0 ? 0 : -1));
    m_updatingControls = false;
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
    const QString path = QFileInfo(videoPath).absoluteFilePath();
    m_updatingControls = true;
    int index = m_clipCombo->findData(path);
    if (index < 0) {
        m_clipCombo->addItem(QFileInfo(path).fileName(), path);
        index = m_clipCombo->count() - 1;
        m_clipCombo->setItemData(index, true, Qt::UserRole + 1);
        m_clipCombo->setItemData(index, path, Qt::ToolTipRole);
    }
    m_clipCombo->setCurrentIndex(index);
    m_updatingControls = false;
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
    const QString checkpointA = m_checkpointCombo->currentData().toString();
    if (clip.isEmpty() || checkpointA.isEmpty()) {
        return;
    }
    m_autoInspect = false;
    Job job;
    job.inspectors = m_inspectors;
    job.project = m_session->project();
    job.checkpointA = checkpointA;
    job.checkpointB = m_compareCombo->currentData().toString();
    job.device = device();
    job.clip.videoPath = clip.toStdString();
    job.clip.normalized = m_normCheck->isChecked();
    setStatus(tr("Inspecting %1…").arg(QFileInfo(clip).fileName()));
    m_inspection.submit([job = std::move(job)] { return runJob(job); },
                        [this](JobResult r) { onJobFinished(std::move(r)); });
}

InspectorPanel::JobResult InspectorPanel::runJob(const Job& job)
{
    JobResult out;
    InspectorCache& cache = *job.inspectors;
    const std::lock_guard lock(cache.mutex);
    if (cache.device != job.device) {
        cache.a.reset();
        cache.b.reset();
        cache.device = job.device;
    }
    const std::string device = job.device.toStdString();
    // A cached inspector is reused when it holds the same checkpoint; B may take over A's (or
    // A B's) when the user swaps them.
    const auto acquire = [&](const QString& dir, std::shared_ptr<ClipInspector>& mine,
                             std::shared_ptr<ClipInspector>& other) {
        if (mine && mine->checkpoint() == dir.toStdString()) {
            return;
        }
        if (other && other->checkpoint() == dir.toStdString()) {
            std::swap(mine, other);
            return;
        }
        mine = std::make_shared<ClipInspector>(job.project, dir.toStdString(), device);
    };
    try {
        acquire(job.checkpointA, cache.a, cache.b);
        out.a = cache.a->inspect(job.clip);
        if (job.checkpointB == job.checkpointA) {
            out.b = out.a;
        } else if (!job.checkpointB.isEmpty()) {
            acquire(job.checkpointB, cache.b, cache.a);
            out.b = cache.b->inspect(job.clip);
        }
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
        out.a.reset();
        out.b.reset();
    }
    return out;
}

void InspectorPanel::onJobFinished(JobResult r)
{
    if (!r.error.isEmpty()) {
        clearResults();
        setStatus(r.error, true);
        m_verdictLabel->setText(tr("Inspection failed: %1").arg(r.error));
        m_verdictLabel->setStyleSheet(QStringLiteral("background: #f6cccc;"));
        Q_EMIT inspectionFinished(false, r.error);
        Q_EMIT statusMessage(r.error);
        return;
    }
    m_resultA = std::move(r.a);
    m_resultB = std::move(r.b);
    if (!m_resultB) {
        m_showB = false;
        m_showA->setChecked(true);
    }
    showResult();
    Q_EMIT inspectionFinished(true, verdictText());
}

void InspectorPanel::clearResults()
{
    m_resultA.reset();
    m_resultB.reset();
    m_reach.clear();
    m_sharedReach = 0.0;
    m_inputView->setImage({});
    m_reconView->setImage({});
    m_errorView->setImage({});
    m_inputView->setCaption({});
    m_reconView->setCaption({});
    m_errorView->setCaption({});
    m_grid->clear();
    m_table->setRowCount(0);
    m_histogram->clear(); // bars, mean line and title
    m_verdictLabel->clear();
    m_verdictLabel->setStyleSheet({});
    m_compareLabel->clear();
    m_compareLabel->setVisible(false);
    m_frameSlider->setEnabled(false);
    m_frameSpin->setEnabled(false);
}

void InspectorPanel::showResult()
{
    const ClipInspection* r = shownResult();
    if (!r) {
        return;
    }
    // Colour ranges for the whole clip, so stepping through frames keeps the scale.
    const LatentShape& shape = r->latentShape;
    const int64_t perChannel = shape.frames * shape.height * shape.width;
    m_reach.fill(0.0, static_cast<int>(shape.channels));
    m_sharedReach = 0.0;
    for (int64_t c = 0; c < shape.channels; ++c) {
        const double centre = r->blobs.channels[static_cast<size_t>(c)].mean;
        const float* v = r->latentMap(c, 0);
        double reach = 0.0;
        for (int64_t i = 0; i < perChannel; ++i) {
            reach = std::max(reach, std::abs(v[i] - centre));
            m_sharedReach = std::max(m_sharedReach, static_cast<double>(std::abs(v[i])));
        }
        m_reach[static_cast<int>(c)] = reach;
    }
    const int frames = static_cast<int>(shape.frames);
    m_updatingControls = true;
    m_frameSlider->setRange(0, std::max(0, frames - 1));
    m_frameSpin->setRange(0, std::max(0, frames - 1));
    m_frameSlider->setEnabled(frames > 1);
    m_frameSpin->setEnabled(frames > 1);
    m_updatingControls = false;
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
    const int t = std::clamp(m_frameSlider->value(), 0, std::max(0, r->input.frames - 1));
    m_inputView->setImage(frameToImage(r->input, t));
    m_inputView->setCaption(tr("Input, frame %1").arg(t));
    m_reconView->setImage(frameToImage(r->reconstruction, t));
    m_reconView->setCaption(tr("Reconstruction, PSNR %1 dB").arg(r->psnrDb, 0, 'f', 1));
    m_errorView->setImage(errorImage(*r, t));
    // The localized high-error regions of this frame (core/inspect findHighErrorRegions).
    const QVector<QRect> regions = boxesAt(r->error.regions.blobs, 0, t);
    m_errorView->setOutlines(regions);
    m_reconView->setOutlines(regions);
    const double frameError = t < static_cast<int>(r->error.frameMeanError.size())
                                  ? r->error.frameMeanError[static_cast<size_t>(t)]
                                  : 0.0;
    m_errorView->setCaption(tr("|error| mean %1, scale 0–%2")
                                .arg(HeatmapView::formatValue(frameError))
                                .arg(HeatmapView::formatValue(r->error.maxError)));

    const LatentShape& shape = r->latentShape;
    const bool shared = m_sharedCheck->isChecked();
    QVector<ChannelGrid::Channel> channels;
    channels.reserve(static_cast<int>(shape.channels));
    for (int64_t c = 0; c < shape.channels; ++c) {
        const ChannelBlobSummary& summary = r->blobs.channels[static_cast<size_t>(c)];
        ChannelGrid::Channel ch;
        ch.title = tr("ch %1 · score %2").arg(c).arg(summary.score, 0, 'f', 2);
        ch.width = static_cast<int>(shape.width);
        ch.height = static_cast<int>(shape.height);
        const float* map = r->latentMap(c, t);
        ch.values.assign(map, map + shape.width * shape.height);
        if (shared) {
            ch.low = -m_sharedReach;
            ch.high = m_sharedReach;
        } else {
            ch.low = summary.mean - m_reach[static_cast<int>(c)];
            ch.high = summary.mean + m_reach[static_cast<int>(c)];
        }
        ch.boxes = boxesAt(r->blobs.blobs, c, t);
        channels.push_back(std::move(ch));
    }
    m_grid->setChannels(channels);
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
    QString text = tr("%1 — step %2: %3. %4")
                       .arg(m_showB ? tr("B") : tr("A"))
                       .arg(r->step)
                       .arg(verdictWord(r->blobs.verdict).toUpper())
                       .arg(QString::fromStdString(r->blobs.reason));
    if (r->normalized && !r->normCalibrated()) {
        text += QLatin1Char(' ') +
                tr("(This checkpoint's latent normalization is not calibrated yet; the values "
                   "are raw.)");
    }
    m_verdictLabel->setText(text);
    m_verdictLabel->setStyleSheet(
        QStringLiteral("background: %1; color: #141414;").arg(verdictColour(r->blobs.verdict)));
    if (m_resultA && m_resultB) {
        const auto line = [](const QString& name, const ClipInspection& x) {
            return tr("%1: step %2, %3, max blob score %4, PSNR %5 dB")
                .arg(name)
                .arg(x.step)
                .arg(verdictWord(x.blobs.verdict))
                .arg(
                    [&x] {
                        double top = 0.0;
                        for (const ChannelBlobSummary& c : x.blobs.channels) {
                            top = std::max(top, c.score);
                        }
                        return top;
                    }(),
                    0, 'f', 2)
                .arg(x.psnrDb, 0, 'f', 2);
        };
        m_compareLabel->setText(line(tr("A"), *m_resultA) + QStringLiteral("   |   ") +
                                line(tr("B"), *m_resultB));
        m_compareLabel->setVisible(true);
    } else {
        m_compareLabel->clear();
        m_compareLabel->setVisible(false);
    }
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
    QStringList out;
    for (int i = 0; i < m_checkpointCombo->count(); ++i) {
        out.push_back(m_checkpointCombo->itemData(i).toString());
    }
    return out;
}

void InspectorPanel::setCheckpoint(int index)
{
    m_checkpointCombo->setCurrentIndex(index);
}

void InspectorPanel::setCompareCheckpoint(int index)
{
    m_compareCombo->setCurrentIndex(index < 0 ? 0 : index + 1);
}

void InspectorPanel::setShowCompared(bool compared)
{
    compared = compared && m_resultB.has_value();
    (compared ? m_showBButton : m_showA)->setChecked(true);
    if (compared == m_showB) {
        return;
    }
    m_showB = compared;
    showResult();
}

QStringList InspectorPanel::clipPaths() const
{
    QStringList out;
    for (int i = 0; i < m_clipCombo->count(); ++i) {
        out.push_back(m_clipCombo->itemData(i).toString());
    }
    return out;
}

QString InspectorPanel::currentClip() const
{
    return m_clipCombo->currentData().toString();
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
    return m_frameSlider->value();
}

void InspectorPanel::setFrame(int frame)
{
    if (m_updatingControls) {
        return;
    }
    m_updatingControls = true;
    m_frameSlider->setValue(frame);
    m_frameSpin->setValue(m_frameSlider->value());
    m_updatingControls = false;
    showFrame();
}

bool InspectorPanel::latentNormalization() const
{
    return m_normCheck->isChecked();
}

void InspectorPanel::setLatentNormalization(bool on)
{
    m_normCheck->setChecked(on);
}

bool InspectorPanel::sharedScale() const
{
    return m_sharedCheck->isChecked();
}

void InspectorPanel::setSharedScale(bool shared)
{
    m_sharedCheck->setChecked(shared);
}

int InspectorPanel::selectedChannel() const
{
    return m_grid->selectedChannel();
}

void InspectorPanel::selectChannel(int channel)
{
    m_grid->setSelectedChannel(channel);
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
    return m_verdictLabel->text();
}

} // namespace vd::ui
