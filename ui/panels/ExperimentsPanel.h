// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/LatestOnlyRunner.h"
#include "util/SweepFolder.h"

#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace vd::ui {

class ProjectSession;
class ScalingPlot;
class SweepController;
class SweepCurvesPlot;
class SweepDefinitionForm;
class SweepPreviewGrid;
class SweepTableModel;

/// The Experiments panel (docs/experiments.md, "In the studio"): define a sweep over the open
/// project's settings (SweepDefinitionForm), start and stop it (a `vdstudio-cli sweep` child
/// process, SweepController; its output in the Output tab), and compare its variants: the
/// project's sweeps are listed (runs/sweeps/*), and the chosen one's results table (sortable by
/// any figure), the curves of the selected variants overlaid, their newest previews side by
/// side and, for a scaling study, the log-log plot with the fitted power law. The table
/// refreshes while the sweep runs (a timer, and a file watcher for sweeps run elsewhere).
///
/// Threads: UI thread only. Sweep folders, metrics and previews are read on LatestOnlyRunners
/// (one read of each kind in flight, the newest request wins); training runs in the child.
class ExperimentsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsPanel(ProjectSession* session, QWidget* parent = nullptr);
    ~ExperimentsPanel() override;

    SweepController* controller() const { return m_controller; }
    SweepDefinitionForm* form() const { return m_form; }
    QListWidget* sweepList() const { return m_sweeps; }
    SweepTableModel* tableModel() const { return m_model; }
    QSortFilterProxyModel* sortedModel() const { return m_proxy; }
    QTableView* tableView() const { return m_table; }
    SweepCurvesPlot* curvesPlot() const { return m_curves; }
    SweepPreviewGrid* previewGrid() const { return m_previews; }
    ScalingPlot* scalingPlot() const { return m_scaling; }
    QTabWidget* tabs() const { return m_tabs; }

    /// The folder of the sweep shown ("" when none).
    QString currentSweepDir() const { return m_current; }
    /// The sweep last read.
    const SweepSnapshot& snapshot() const { return m_snapshot; }
    /// True while a read of the sweep, its curves or its previews is pending.
    bool isLoading() const;
    /// The error banner's text, empty when hidden.
    QString errorText() const;
    /// The sweep's output shown in the Output tab.
    QString outputText() const;
    /// The variants selected in the table, in table order.
    QStringList selectedVariants() const;

public Q_SLOTS:
    /// Shows the sweep in `dir` (a folder under runs/sweeps).
    void openSweep(const QString& dir);
    /// Re-reads the list of sweeps and the one shown.
    void refresh();
    /// Starts the sweep the form defines; the banner says why when it cannot.
    void start();
    /// Asks the running sweep to stop (its variants save a checkpoint).
    void stop();
    /// Shows the settings of the sweep shown in the form, so that Start continues it.
    void loadIntoForm();
    /// Selects the rows of `variants` (the curves and previews follow).
    void selectVariants(const QStringList& variants);

private:
    void buildUi();
    void onProjectChanged();
    void refreshList();
    void readSweep();
    void onSnapshot(const SweepSnapshot& snapshot);
    void onSelectionChanged();
    void loadCurves();
    void loadPreviews();
    void onFinished(int exitCode, const QString& lastLine);
    void appendOutput(const QString& line);
    void showError(const QString& message);
    void updateButtons();
    void updateSummary();

    ProjectSession* m_session;
    SweepController* m_controller;
    SweepDefinitionForm* m_form = nullptr;
    QListWidget* m_sweeps = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QPushButton* m_loadButton = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    SweepTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTabWidget* m_tabs = nullptr;
    SweepCurvesPlot* m_curves = nullptr;
    SweepPreviewGrid* m_previews = nullptr;
    ScalingPlot* m_scaling = nullptr;
    QPlainTextEdit* m_output = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer m_pollTimer;

    LatestOnlyRunner m_reader;
    LatestOnlyRunner m_curvesLoader;
    LatestOnlyRunner m_previewLoader;
    QString m_current;
    QString m_selectWhenListed; ///< a started sweep's folder, chosen once it appears
    SweepSnapshot m_snapshot;
    bool m_selectAllOnLoad = false;
    QStringList m_previewsShown; ///< the preview files the grid shows
};

} // namespace vd::ui
