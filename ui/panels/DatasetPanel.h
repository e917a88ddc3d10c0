// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DatasetIndex.h"
#include "util/LatestOnlyRunner.h"

#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace vd::ui {

class ClipFilterProxyModel;
class ClipTableModel;
class ModelInputStrip;
class ProjectSession;
class ThumbnailCache;
class VideoFilePlayer;

/// The dataset browser: scans the open project's dataset folder (or any folder the user opens)
/// with vd::DatasetIndex off the UI thread and lists every clip and every skipped file (with
/// its reason) in a sortable, filterable table or a thumbnail grid. Selecting a clip plays it
/// and shows "what the model sees": the frames the project's sampling cuts from it at the
/// training size.
///
/// Follows the session: a newly opened project is scanned at once; a settings change rescans
/// when the dataset folder moved and resamples the selected clip otherwise.
///
/// Threads: UI thread only. Scans run with QtConcurrent (one in flight, the newest request
/// wins), thumbnails on ThumbnailCache's own pool, decoding in the player and the strip.
class DatasetPanel final : public QWidget {
    Q_OBJECT
public:
    enum class ViewMode { Table, Grid };

    explicit DatasetPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~DatasetPanel() override;

    /// The folder shown (absolute), "" when none.
    QString folder() const { return m_folder; }
    /// True from a scan request until its result is shown.
    bool isScanning() const;

    ViewMode viewMode() const { return m_viewMode; }
    void setViewMode(ViewMode mode);

    /// Selects the row of the file at absolute `path` (clearing filters that hide it); false
    /// if the dataset shown has no such file.
    bool selectFile(const QString& path);

    ClipTableModel* clipModel() const { return m_model; }
    ClipFilterProxyModel* filterModel() const { return m_proxy; }
    QTableView* tableView() const { return m_table; }
    QListView* gridView() const { return m_grid; }
    VideoFilePlayer* player() const { return m_player; }
    ModelInputStrip* modelInputStrip() const { return m_strip; }
    ThumbnailCache* thumbnailCache() const { return m_thumbnails; }

public Q_SLOTS:
    /// Scans `path` (any folder, e.g. from a menu action or a drop) and shows it. The panel
    /// stops following the project's dataset folder until the next project is opened.
    void openFolder(const QString& path);
    /// Scans the folder shown again (files that did not change come from the index file).
    void rescan();

Q_SIGNALS:
    /// A clip was double-clicked (absolute path), e.g. to play it in the preview panel.
    void clipActivated(const QString& path);
    /// A scan finished and its result is shown: usable clips and skipped files.
    void scanFinished(int clips, int skipped);
    /// A scan failed (the folder is missing or unreadable); the message names the folder.
    void scanFailed(const QString& message);

private:
    struct ScanOutcome {
        std::optional<DatasetIndex> index;
        QString error;
    };
    /// Runs on a pool thread; reports files probed as the job's progress.
    static ScanOutcome scanFolder(LatestOnlyRunner::JobControl& control, const QString& folder);
    void startScan(const QString& folder);
    void onScanDone(const ScanOutcome& outcome);
    void onProjectChanged();
    void onSettingsChanged();
    void onCurrentChanged(const QModelIndex& proxyIndex);
    void onActivated(const QModelIndex& proxyIndex);
    void showCurrentClip();
    void updateLabelFilterItems();
    void applyFilters();
    void updateSummary();
    void buildUi();

    ProjectSession* m_session = nullptr;
    ClipTableModel* m_model = nullptr;
    ClipFilterProxyModel* m_proxy = nullptr;
    ThumbnailCache* m_thumbnails = nullptr;

    QLabel* m_folderLabel = nullptr;
    QLabel* m_summary = nullptr;
    QProgressBar* m_busy = nullptr;
    QToolButton* m_rescanButton = nullptr;
    QLineEdit* m_nameFilter = nullptr;
    QComboBox* m_labelFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QToolButton* m_tableButton = nullptr;
    QToolButton* m_gridButton = nullptr;
    QStackedWidget* m_views = nullptr;
    QTableView* m_table = nullptr;
    QListView* m_grid = nullptr;
    VideoFilePlayer* m_player = nullptr;
    QLabel* m_stripTitle = nullptr;
    ModelInputStrip* m_strip = nullptr;

    ViewMode m_viewMode = ViewMode::Table;
    QString m_folder;
    bool m_followProject = false;
    LatestOnlyRunner m_scanner;
    bool m_scanning = false; ///< from startScan() until onScanDone() shows a result
    QString m_currentPath;   ///< absolute path of the selected file, kept across rescans
    bool m_syncingSelection = false;
};

} // namespace vd::ui
