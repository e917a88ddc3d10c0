// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/DatasetPanel.h"

#include "ProjectSession.h"
#include "models/ClipFilterProxyModel.h"
#include "models/ClipTableModel.h"
#include "util/ThumbnailCache.h"
#include "widgets/ModelInputStrip.h"
#include "widgets/VideoFilePlayer.h"

#include "util/Log.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <exception>

namespace vd::ui {
namespace {

constexpr int kThumbnailSize = 96;
constexpr int kTableIconSize = 24;

/// Grid cells: the thumbnail above the file name and its label.
class ClipGridDelegate final : public QStyledItemDelegate {
public:
    ClipGridDelegate(QSize cellSize, QObject* parent)
        : QStyledItemDelegate(parent), m_cellSize(cellSize)
    {
    }

    /// Every cell is the grid's size, so names get the whole width and two lines.
    QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        return m_cellSize;
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString name = QFileInfo(index.data(Qt::DisplayRole).toString()).fileName();
        const QString label = index.data(ClipTableModel::LabelRole).toString();
        option->text = label.isEmpty() ? name : name + QChar::LineSeparator + label;
        option->textElideMode = Qt::ElideMiddle;
        // The text below the icon gets the whole cell width, not only the icon's.
        option->decorationSize = QSize(kThumbnailSize, kThumbnailSize);
    }

private:
    QSize m_cellSize;
};

} // namespace

DatasetPanel::DatasetPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    m_model = new ClipTableModel(this);
    m_thumbnails = new ThumbnailCache(ThumbnailCache::defaultCacheDir(), kThumbnailSize, this);
    m_model->setThumbnailCache(m_thumbnails);
    m_proxy = new ClipFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    buildUi();

    connect(&m_scanner, &LatestOnlyRunner::progressRangeChanged, m_busy, &QProgressBar::setRange);
    connect(&m_scanner, &LatestOnlyRunner::progressValueChanged, m_busy, &QProgressBar::setValue);
    if (m_session) {
        connect(m_session, &ProjectSession::projectChanged, this, &DatasetPanel::onProjectChanged);
        connect(m_session, &ProjectSession::settingsChanged, this,
                &DatasetPanel::onSettingsChanged);
    }
    onProjectChanged();
}

DatasetPanel::~DatasetPanel() = default;

void DatasetPanel::buildUi()
{
    // --- folder line: where the clips come from, scan state, rescan ---
    m_folderLabel = new QLabel(this);
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folderLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName("scanProgress");
    m_busy->setMaximumWidth(160);
    m_busy->setFormat(QStringLiteral("%v / %m"));
    m_busy->setVisible(false);
    m_busy->setToolTip(tr("Scanning the folder"));

    m_rescanButton = new QToolButton(this);
    m_rescanButton->setObjectName("rescanButton");
    m_rescanButton->setText(tr("Rescan"));
    m_rescanButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_rescanButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_rescanButton->setToolTip(tr("Scan the folder again (only changed files are probed)"));
    connect(m_rescanButton, &QToolButton::clicked, this, &DatasetPanel::rescan);

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderLabel, 1);
    folderRow->addWidget(m_busy);
    folderRow->addWidget(m_rescanButton);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    // --- filters and view toggle ---
    m_nameFilter = new QLineEdit(this);
    m_nameFilter->setObjectName("nameFilter");
    m_nameFilter->setPlaceholderText(tr("Filter by name"));
    m_nameFilter->setClearButtonEnabled(true);
    connect(m_nameFilter, &QLineEdit::textChanged, this, &DatasetPanel::applyFilters);

    m_labelFilter = new QComboBox(this);
    m_labelFilter->setObjectName("labelFilter");
    m_labelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_labelFilter->setToolTip(tr("Show one label only"));
    connect(m_labelFilter, &QComboBox::currentIndexChanged, this, &DatasetPanel::applyFilters);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName("statusFilter");
    m_statusFilter->addItem(tr("All files"),
                            static_cast<int>(ClipFilterProxyModel::StatusFilter::All));
    m_statusFilter->addItem(tr("Usable clips"),
                            static_cast<int>(ClipFilterProxyModel::StatusFilter::Ok));
    m_statusFilter->addItem(tr("Skipped files"),
                            static_cast<int>(ClipFilterProxyModel::StatusFilter::Skipped));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &DatasetPanel::applyFilters);

    m_tableButton = new QToolButton(this);
    m_tableButton->setObjectName("tableButton");
    m_tableButton->setText(tr("Table"));
    m_tableButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_tableButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_tableButton->setCheckable(true);
    m_gridButton = new QToolButton(this);
    m_gridButton->setObjectName("gridButton");
    m_gridButton->setText(tr("Thumbnails"));
    m_gridButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogListView));
    m_gridButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_gridButton->setCheckable(true);
    auto* viewGroup = new QButtonGroup(this);
    viewGroup->setExclusive(true);
    viewGroup->addButton(m_tableButton);
    viewGroup->addButton(m_gridButton);
    m_tableButton->setChecked(true);
    connect(m_tableButton, &QToolButton::clicked, this, [this] { setViewMode(ViewMode::Table); });
    connect(m_gridButton, &QToolButton::clicked, this, [this] { setViewMode(ViewMode::Grid); });

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_nameFilter, 1);
    filterRow->addWidget(m_labelFilter);
    filterRow->addWidget(m_statusFilter);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_tableButton);
    filterRow->addWidget(m_gridButton);

    // --- the two views over the same sorted, filtered model ---
    m_table = new QTableView(this);
    m_table->setObjectName("clipTable");
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClipTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(kTableIconSize, kTableIconSize));
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(kTableIconSize + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClipTableModel::NameColumn, QHeaderView::Interactive);
    header->resizeSection(ClipTableModel::NameColumn, 220);
    header->setStretchLastSection(true);

    m_grid = new QListView(this);
    m_grid->setObjectName("clipGrid");
    m_grid->setModel(m_proxy);
    m_grid->setModelColumn(ClipTableModel::NameColumn);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWordWrap(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    // Room for the thumbnail and two lines of text (name, label) under it.
    const QSize cell(kThumbnailSize + 48, kThumbnailSize + 2 * fontMetrics().lineSpacing() + 16);
    m_grid->setGridSize(cell + QSize(8, 8));
    m_grid->setItemDelegate(new ClipGridDelegate(cell, m_grid));

    m_views = new QStackedWidget(this);
    m_views->addWidget(m_table);
    m_views->addWidget(m_grid);

    for (QAbstractItemView* view :
         {static_cast<QAbstractItemView*>(m_table), static_cast<QAbstractItemView*>(m_grid)}) {
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex& current) { onCurrentChanged(current); });
        connect(view, &QAbstractItemView::doubleClicked, this, &DatasetPanel::onActivated);
    }

    // --- player and "what the model sees" ---
    m_player = new VideoFilePlayer(this);
    m_player->setObjectName("clipPlayer");

    auto* stripBox = new QGroupBox(tr("What the model sees"), this);
    m_stripTitle = new QLabel(stripBox);
    m_stripTitle->setWordWrap(true);
    m_stripTitle->setForegroundRole(QPalette::PlaceholderText);
    m_strip = new ModelInputStrip(stripBox);
    m_strip->setObjectName("modelInputStrip");
    auto* stripLayout = new QVBoxLayout(stripBox);
    stripLayout->addWidget(m_stripTitle);
    stripLayout->addWidget(m_strip);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_views);
    splitter->addWidget(m_player);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(folderRow);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(stripBox);

    updateLabelFilterItems();
}

bool DatasetPanel::isScanning() const
{
    return m_scanning;
}

void DatasetPanel::setViewMode(ViewMode mode)
{
    m_viewMode = mode;
    m_views->setCurrentWidget(mode == ViewMode::Table ? static_cast<QWidget*>(m_table) : m_grid);
    (mode == ViewMode::Table ? m_tableButton : m_gridButton)->setChecked(true);
}

void DatasetPanel::openFolder(const QString& path)
{
    m_followProject = false;
    startScan(QDir(path).absolutePath());
}

void DatasetPanel::rescan()
{
    if (!m_folder.isEmpty()) {
        startScan(m_folder);
    }
}

void DatasetPanel::onProjectChanged()
{
    if (m_session && m_session->hasProject()) {
        m_followProject = true;
        startScan(QDir(m_session->datasetRoot()).absolutePath());
        return;
    }
    m_followProject = false;
    m_scanning = false;
    m_scanner.cancel();
    m_busy->setVisible(false);
    m_folder.clear();
    m_currentPath.clear();
    m_thumbnails->cancelPending();
    m_model->clear();
    updateLabelFilterItems();
    updateSummary();
}

void DatasetPanel::onSettingsChanged()
{
    if (!m_session || !m_session->hasProject()) {
        return;
    }
    const QString root = QDir(m_session->datasetRoot()).absolutePath();
    if (m_followProject && root != m_folder) {
        startScan(root);
        return;
    }
    showCurrentClip(); // the sampling settings may have changed
}

DatasetPanel::ScanOutcome DatasetPanel::scanFolder(LatestOnlyRunner::JobControl& control,
                                                   const QString& folder)
{
    ScanOutcome out;
    try {
        ScanOptions options;
        // Reaches the busy bar through the runner (queued, coalesced): files probed of all.
        options.progress = [&control](int done, int total) {
            if (done == 0) { // the call before probing: the total never changes after it
                control.setProgressRange(0, total);
            }
            control.setProgressValue(done);
        };
        out.index = DatasetIndex::scan(folder.toStdString(), options);
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

void DatasetPanel::startScan(const QString& folder)
{
    m_folder = folder;
    m_folderLabel->setText(tr("Folder: %1").arg(QDir::toNativeSeparators(folder)));
    m_folderLabel->setToolTip(QDir::toNativeSeparators(folder));
    m_scanning = true;
    m_busy->setRange(0, 0); // until the scan knows how many files it must probe
    m_busy->setVisible(true);
    m_summary->setText(tr("Scanning %1 …").arg(QDir::toNativeSeparators(folder)));
    log::get("ui")->info("dataset panel: scanning {}", folder.toStdString());
    // Newest request wins: a scan asked for while one runs starts when that one ends.
    m_scanner.submit(
        [folder](LatestOnlyRunner::JobControl& control) { return scanFolder(control, folder); },
        [this](const ScanOutcome& outcome) { onScanDone(outcome); });
}

void DatasetPanel::onScanDone(const ScanOutcome& outcome)
{
    m_scanning = false;
    m_busy->setVisible(false);
    m_thumbnails->cancelPending();
    if (!outcome.index) {
        m_model->clear();
        updateLabelFilterItems();
        m_summary->setText(tr("Cannot scan this folder: %1").arg(outcome.error));
        m_player->showMessage(tr("No clips."));
        m_strip->showMessage(QString());
        log::get("ui")->warn("dataset panel: scan failed: {}", outcome.error.toStdString());
        Q_EMIT scanFailed(outcome.error);
        return;
    }
    const QString keep = m_currentPath;
    m_model->setDatasetIndex(*outcome.index);
    updateLabelFilterItems();
    updateSummary();
    if (keep.isEmpty() || !selectFile(keep)) {
        m_currentPath.clear();
        m_player->showMessage(m_model->rowCount() > 0 ? tr("Select a clip to play it.")
                                                      : tr("No clips."));
        m_strip->showMessage(tr("Select a clip to see the frames the model trains on."));
    }
    Q_EMIT scanFinished(m_model->clipCount(), m_model->skippedCount());
}

void DatasetPanel::updateSummary()
{
    if (m_folder.isEmpty()) {
        m_folderLabel->setText(tr("No dataset"));
        m_summary->setText(tr("Open a project or a folder to browse its clips."));
        m_player->showMessage(tr("Open a project or a folder to browse its clips."));
        m_strip->showMessage(QString());
        return;
    }
    const DatasetIndex& index = m_model->datasetIndex();
    QString text = tr("%n clip(s)", nullptr, m_model->clipCount());
    text += QStringLiteral(" · ") + tr("%n label(s)", nullptr, int(index.labels().size()));
    text += QStringLiteral(" · ") + tr("%n skipped", nullptr, m_model->skippedCount());
    text += QStringLiteral(" · ") + tr("%1 frames").arg(index.totalFrames());
    text += QStringLiteral(" · ") + ClipTableModel::formatDuration(index.totalDurationS());
    m_summary->setText(text);
}

void DatasetPanel::updateLabelFilterItems()
{
    const QVariant previous = m_labelFilter->currentData();
    const QSignalBlocker block(m_labelFilter);
    m_labelFilter->clear();
    m_labelFilter->addItem(tr("All labels"));
    const DatasetIndex& index = m_model->datasetIndex();
    for (const std::string& label : index.labels()) {
        m_labelFilter->addItem(QString::fromStdString(label), QString::fromStdString(label));
    }
    bool unlabelled = false;
    for (int row = 0; row < m_model->rowCount() && !unlabelled; ++row) {
        unlabelled = m_model->index(row, 0).data(ClipTableModel::LabelRole).toString().isEmpty();
    }
    if (unlabelled) {
        m_labelFilter->addItem(tr("(no label)"), QString(""));
    }
    const int keep = previous.isValid() ? m_labelFilter->findData(previous) : -1;
    m_labelFilter->setCurrentIndex(keep >= 0 ? keep : 0);
    applyFilters();
}

void DatasetPanel::applyFilters()
{
    const QVariant label = m_labelFilter->currentData();
    if (label.isValid()) {
        m_proxy->setLabelFilter(label.toString());
    } else {
        m_proxy->clearLabelFilter();
    }
    m_proxy->setStatusFilter(
        static_cast<ClipFilterProxyModel::StatusFilter>(m_statusFilter->currentData().toInt()));
    m_proxy->setNameFilter(m_nameFilter->text());
}

bool DatasetPanel::selectFile(const QString& path)
{
    const int row = m_model->rowOfPath(path);
    if (row < 0) {
        return false;
    }
    QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid()) {
        // Hidden by a filter: show everything rather than select nothing.
        const QSignalBlocker b1(m_nameFilter);
        const QSignalBlocker b2(m_labelFilter);
        const QSignalBlocker b3(m_statusFilter);
        m_nameFilter->clear();
        m_labelFilter->setCurrentIndex(0);
        m_statusFilter->setCurrentIndex(0);
        applyFilters();
        proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    QAbstractItemView* view =
        m_viewMode == ViewMode::Table ? static_cast<QAbstractItemView*>(m_table) : m_grid;
    view->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    view->scrollTo(proxyIndex);
    return true;
}

void DatasetPanel::onCurrentChanged(const QModelIndex& proxyIndex)
{
    if (m_syncingSelection || !proxyIndex.isValid()) {
        return;
    }
    // Keep the other view on the same row, so switching views keeps the selection.
    m_syncingSelection = true;
    const QModelIndex tableIndex = proxyIndex.siblingAtColumn(0);
    for (QAbstractItemView* view :
         {static_cast<QAbstractItemView*>(m_table), static_cast<QAbstractItemView*>(m_grid)}) {
        if (view->selectionModel()->currentIndex().row() != proxyIndex.row()) {
            view->selectionModel()->setCurrentIndex(
                tableIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    }
    m_syncingSelection = false;

    const QString path = proxyIndex.data(ClipTableModel::PathRole).toString();
    if (path == m_currentPath && !m_player->path().isEmpty()) {
        return;
    }
    m_currentPath = path;
    showCurrentClip();
}

void DatasetPanel::showCurrentClip()
{
    const int row = m_model->rowOfPath(m_currentPath);
    if (row < 0) {
        return;
    }
    if (const SkippedFile* skipped = m_model->skippedAt(row)) {
        m_player->showMessage(tr("%1 was skipped: %2")
                                  .arg(QString::fromStdString(skipped->path),
                                       QString::fromStdString(skipped->reason)));
        m_stripTitle->clear();
        m_strip->showMessage(tr("Skipped files are not used for training."));
        return;
    }
    const ClipEntry* clip = m_model->clipAt(row);
    m_player->playFile(m_currentPath, QString::fromStdString(clip->caption));
    if (m_session && m_session->hasProject()) {
        m_stripTitle->setText(tr("Sampled with the project's dataset settings."));
        m_strip->showClip(*clip, m_session->project().dataset);
    } else {
        m_stripTitle->setText(tr("No project open: sampled with the default dataset settings."));
        m_strip->showClip(*clip, DatasetSettings());
    }
}

void DatasetPanel::onActivated(const QModelIndex& proxyIndex)
{
    if (proxyIndex.isValid() && !proxyIndex.data(ClipTableModel::SkippedRole).toBool()) {
        Q_EMIT clipActivated(proxyIndex.data(ClipTableModel::PathRole).toString());
    }
}

} // namespace vd::ui
