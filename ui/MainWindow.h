// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace vd::ui {

class DatasetPanel;
class ExperimentsPanel;
class InspectorPanel;
class PreviewPanel;
class ProjectSession;
class ProjectSettingsForm;
class TrainingController;
class TrainingPanel;

/// The studio's top-level window: the five panels (dataset, training, inspector, preview,
/// experiments) as docks whose layout is saved, the project menus (new, open, recent, save),
/// Preferences, About, drag and drop of projects, folders and videos. Closing while a run trains
/// asks, then stops the run cleanly (it saves a checkpoint) before the window closes. UI thread
/// only.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class Panel { Dataset, Training, Inspector, Preview, Experiments };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Versions of Qt, LibTorch and FFmpeg, one per line (shown in About, printed by --version).
    static QString versionReport();
    /// The device "auto" resolves to here, in the user's language: "CPU (2 torch threads)".
    static QString autoDeviceText();

    /// Opens a project file; on failure keeps the current project and returns false with
    /// core's message (naming the file or key) in `error` (also shown in the status bar).
    bool openProject(const QString& path, QString* error = nullptr);
    /// Opens whatever was dropped or passed on the command line: a .vdproj file, a dataset
    /// folder (dataset panel) or a video file (preview panel). Returns false if nothing fits.
    bool openPath(const QString& path);
    void showPanel(Panel panel);

    ProjectSession* session() const { return m_session; }
    TrainingController* trainingController() const { return m_training; }
    DatasetPanel* datasetPanel() const { return m_datasetPanel; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    InspectorPanel* inspectorPanel() const { return m_inspectorPanel; }
    PreviewPanel* previewPanel() const { return m_previewPanel; }
    ExperimentsPanel* experimentsPanel() const { return m_experimentsPanel; }
    ProjectSettingsForm* settingsForm() const { return m_settingsForm; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private Q_SLOTS:
    void newProject();
    void openProjectDialog();
    bool saveProject();
    bool saveProjectAs();
    void openDatasetFolder();
    void showPreferences();
    void showAbout();
    void resetLayout();

private:
    void buildPanels();
    void buildMenus();
    QDockWidget* addPanelDock(QWidget* panel, const QString& title, const QString& objectName);
    void updateTitle();
    void updateRecentMenu();
    void updateStatus();
    /// Asks to save a modified project; false when the user cancels.
    bool maybeSave();

    ProjectSession* m_session;
    TrainingController* m_training;
    DatasetPanel* m_datasetPanel = nullptr;
    TrainingPanel* m_trainingPanel = nullptr;
    InspectorPanel* m_inspectorPanel = nullptr;
    PreviewPanel* m_previewPanel = nullptr;
    ExperimentsPanel* m_experimentsPanel = nullptr;
    ProjectSettingsForm* m_settingsForm = nullptr;
    QList<QDockWidget*> m_docks;
    QByteArray m_defaultLayout;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_projectLabel = nullptr;
    QLabel* m_deviceLabel = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
};

} // namespace vd::ui
