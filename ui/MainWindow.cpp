// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AppSettings.h"
#include "ProjectSession.h"
#include "Theme.h"
#include "controllers/SweepController.h"
#include "controllers/TrainingController.h"
#include "dialogs/NewProjectDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "panels/DatasetPanel.h"
#include "panels/ExperimentsPanel.h"
#include "panels/InspectorPanel.h"
#include "panels/PreviewPanel.h"
#include "panels/TrainingPanel.h"
#include "widgets/ProjectSettingsForm.h"

#include "data/DatasetIndex.h"
#include "util/Threads.h"
#include "util/Version.h"
#include "util/VersionInfo.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace vd::ui {
namespace {

constexpr int kLayoutVersion = 2; // 2: the Experiments dock
constexpr int kCloseStopTimeoutMs = 120000;

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new ProjectSession(this)),
      m_training(new TrainingController(m_session, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AllowTabbedDocks | QMainWindow::AnimatedDocks);
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
    resize(1280, 800);

    buildPanels();
    buildMenus();

    m_projectLabel = new QLabel(this);
    m_deviceLabel = new QLabel(this);
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_deviceLabel);

    connect(m_session, &ProjectSession::projectChanged, this, [this] {
        updateTitle();
        updateStatus();
    });
    connect(m_session, &ProjectSession::settingsChanged, this, &MainWindow::updateStatus);
    connect(m_session, &ProjectSession::modifiedChanged, this, &MainWindow::updateTitle);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
    updateTitle();
    updateStatus();
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

QString MainWindow::versionReport()
{
    return QStringLiteral("VDStudio %1\nQt %2\n%3")
        .arg(QString::fromLatin1(vd::kVersion), QString::fromLatin1(qVersion()),
             QString::fromStdString(vd::libraryVersions()));
}

void MainWindow::buildPanels()
{
    m_settingsForm = new ProjectSettingsForm(m_session);
    m_datasetPanel = new DatasetPanel(m_session);
    m_trainingPanel = new TrainingPanel(m_session, m_training);
    m_trainingPanel->setSettingsWidget(m_settingsForm);
    m_inspectorPanel = new InspectorPanel(m_session);
    m_previewPanel = new PreviewPanel(m_session);
    m_experimentsPanel = new ExperimentsPanel(m_session);

    QDockWidget* dataset = addPanelDock(m_datasetPanel, tr("Dataset"), QStringLiteral("dataset"));
    QDockWidget* training =
        addPanelDock(m_trainingPanel, tr("Training"), QStringLiteral("training"));
    QDockWidget* inspector =
        addPanelDock(m_inspectorPanel, tr("Inspector"), QStringLiteral("inspector"));
    QDockWidget* preview = addPanelDock(m_previewPanel, tr("Preview"), QStringLiteral("preview"));
    QDockWidget* experiments =
        addPanelDock(m_experimentsPanel, tr("Experiments"), QStringLiteral("experiments"));
    addDockWidget(Qt::TopDockWidgetArea, dataset);
    tabifyDockWidget(dataset, training);
    tabifyDockWidget(training, inspector);
    tabifyDockWidget(inspector, preview);
    tabifyDockWidget(preview, experiments);
    dataset->raise();
    m_defaultLayout = saveState(kLayoutVersion);

    connect(m_inspectorPanel, &InspectorPanel::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(m_previewPanel, &PreviewPanel::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    // The inspector lists the VAE checkpoints a run saves, and the preview panel reloads its
    // models when the diffusion run has new ones (it checks when sampling).
    connect(m_training, &TrainingController::checkpointSaved, this, [this] {
        if (m_training->stage() == Stage::VAE) {
            m_inspectorPanel->refresh();
        }
    });
    // A clip double-clicked in the dataset plays in the preview panel.
    connect(m_datasetPanel, &DatasetPanel::clipActivated, this, [this](const QString& path) {
        m_previewPanel->openClip(path);
        showPanel(Panel::Preview);
    });
}

QDockWidget* MainWindow::addPanelDock(QWidget* panel, const QString& title,
                                      const QString& objectName)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // saveState() keys the layout by object name
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    m_docks << dock;
    return dock;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project…"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open Project…"), QKeySequence::Open, this, &MainWindow::openProjectDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_saveAction =
        file->addAction(tr("&Save Project"), QKeySequence::Save, this, &MainWindow::saveProject);
    m_saveAsAction = file->addAction(tr("Save Project &As…"), QKeySequence::SaveAs, this,
                                     &MainWindow::saveProjectAs);
    file->addSeparator();
    file->addAction(tr("Open &Dataset Folder…"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                    &MainWindow::openDatasetFolder);
    file->addAction(tr("Open &Video…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    [this] {
                        const QString path = QFileDialog::getOpenFileName(
                            this, tr("Open Video"), QString(),
                            tr("Videos (*.mp4 *.mkv *.webm *.mov *.avi *.gif *.m4v *.y4m)"));
                        if (!path.isEmpty()) {
                            openPath(path);
                        }
                    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* prefs = edit->addAction(tr("&Preferences…"), QKeySequence::Preferences, this,
                                     &MainWindow::showPreferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    if (prefs->shortcut().isEmpty()) {
        prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addAction(tr("&Start or Resume"), QKeySequence(Qt::Key_F5), this, [this] {
        showPanel(Panel::Training);
        if (m_training->isPaused()) {
            m_trainingPanel->resume();
        } else if (!m_training->isRunning()) {
            m_trainingPanel->start();
        }
    });
    training->addAction(tr("&Pause"), QKeySequence(Qt::Key_F6), m_trainingPanel,
                        &TrainingPanel::pause);
    training->addAction(tr("S&top (saves a checkpoint)"), QKeySequence(Qt::SHIFT | Qt::Key_F5),
                        m_trainingPanel, &TrainingPanel::stop);

    QMenu* clips = menuBar()->addMenu(tr("&Clips"));
    clips->addAction(tr("&Sample Now"), QKeySequence(Qt::CTRL | Qt::Key_R), this, [this] {
        showPanel(Panel::Preview);
        m_previewPanel->sampleNow();
    });
    clips->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        showPanel(Panel::Preview);
        m_previewPanel->exportClips();
    });
    clips->addAction(tr("&Inspect Clip File…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, [this] {
        showPanel(Panel::Inspector);
        m_inspectorPanel->chooseClipFile();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QList<Panel> panels{Panel::Dataset, Panel::Training, Panel::Inspector, Panel::Preview,
                              Panel::Experiments};
    for (int i = 0; i < m_docks.size(); ++i) {
        QAction* show = view->addAction(tr("Show %1").arg(m_docks[i]->windowTitle()));
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(show, &QAction::triggered, this, [this, panel = panels[i]] { showPanel(panel); });
    }
    view->addSeparator();
    for (QDockWidget* dock : m_docks) {
        view->addAction(dock->toggleViewAction());
    }
    view->addSeparator();
    view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About VDStudio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showPanel(Panel panel)
{
    QDockWidget* dock = m_docks.value(static_cast<int>(panel));
    if (dock) {
        dock->show();
        dock->raise();
    }
}

bool MainWindow::openProject(const QString& path, QString* error)
{
    QString message;
    if (!m_session->open(path, &message)) {
        statusBar()->showMessage(message, 10000);
        if (error) {
            *error = message;
        }
        return false;
    }
    AppSettings::addRecentProject(m_session->filePath());
    updateRecentMenu();
    statusBar()->showMessage(tr("Opened %1").arg(m_session->filePath()), 5000);
    return true;
}

bool MainWindow::openPath(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile() && info.suffix() == QLatin1String("vdproj")) {
        if (!maybeSave()) {
            return false;
        }
        QString error;
        if (!openProject(path, &error)) {
            QMessageBox::warning(this, tr("Open Project"), error);
            return false;
        }
        return true;
    }
    if (info.isDir()) {
        m_datasetPanel->openFolder(info.absoluteFilePath());
        showPanel(Panel::Dataset);
        return true;
    }
    if (info.isFile() && vd::DatasetIndex::isVideoFileName(path.toStdString())) {
        m_previewPanel->openClip(info.absoluteFilePath());
        showPanel(Panel::Preview);
        return true;
    }
    statusBar()->showMessage(tr("%1: not a project, folder or video").arg(path), 10000);
    return false;
}

void MainWindow::newProject()
{
    if (!maybeSave()) {
        return;
    }
    NewProjectDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QString error;
    if (!m_session->create(dialog.projectPath(), dialog.dataDir(), dialog.preset(), &error)) {
        QMessageBox::warning(this, tr("New Project"), error);
        return;
    }
    AppSettings::addRecentProject(m_session->filePath());
    updateRecentMenu();
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("VDStudio projects (*.vdproj)"));
    if (!path.isEmpty()) {
        openPath(path);
    }
}

bool MainWindow::saveProject()
{
    if (!m_session->hasProject()) {
        return false;
    }
    if (m_settingsForm->hasEdits() && m_settingsForm->isValid()) {
        m_settingsForm->apply(); // Save means "save what I see"
    }
    QString error;
    if (!m_session->save({}, &error)) {
        QMessageBox::warning(this, tr("Save Project"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_session->filePath()), 5000);
    return true;
}

bool MainWindow::saveProjectAs()
{
    if (!m_session->hasProject()) {
        return false;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), m_session->filePath(),
                                                tr("VDStudio projects (*.vdproj)"));
    if (path.isEmpty()) {
        return false;
    }
    if (!path.endsWith(QLatin1String(".vdproj"))) {
        path += QLatin1String(".vdproj");
    }
    QString error;
    if (!m_session->save(path, &error)) {
        QMessageBox::warning(this, tr("Save Project"), error);
        return false;
    }
    AppSettings::addRecentProject(path);
    updateRecentMenu();
    updateTitle();
    return true;
}

void MainWindow::openDatasetFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Dataset Folder"));
    if (!dir.isEmpty()) {
        openPath(dir);
    }
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    applyTheme(AppSettings::theme());
    ThreadSettings threads = defaultThreadSettings();
    if (AppSettings::torchThreads() > 0 && !m_training->isRunning()) {
        threads.torchThreads = AppSettings::torchThreads();
        configureThreads(threads);
    }
    updateStatus();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About VDStudio"),
        tr("<h3>VDStudio %1</h3><p>Training and sampling latent video diffusion models.</p>"
           "<pre>%2</pre><p>Device: %3</p><p>License: GPL-3.0-or-later</p>")
            .arg(QString::fromLatin1(vd::kVersion), versionReport().toHtmlEscaped(),
                 autoDeviceText().toHtmlEscaped()));
}

QString MainWindow::autoDeviceText()
{
    const AutoDevice device = autoDevice();
    return device.cuda ? tr("CUDA (%n device(s))", nullptr, device.count)
                       : tr("CPU (%n torch thread(s))", nullptr, device.count);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultLayout, kLayoutVersion);
    for (QDockWidget* dock : m_docks) {
        dock->show();
    }
    showPanel(Panel::Dataset);
}

void MainWindow::updateTitle()
{
    if (!m_session->hasProject()) {
        setWindowTitle(tr("VDStudio"));
    } else {
        setWindowTitle(tr("%1%2 — VDStudio")
                           .arg(QString::fromStdString(m_session->project().name),
                                m_session->modified() ? QStringLiteral(" *") : QString()));
    }
    m_saveAction->setEnabled(m_session->hasProject());
    m_saveAsAction->setEnabled(m_session->hasProject());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateStatus()
{
    if (m_session->hasProject()) {
        const Project& p = m_session->project();
        m_projectLabel->setText(tr("%1 — %2 (preset %3, %4×%5, %6 frames)")
                                    .arg(QString::fromStdString(p.name), m_session->filePath(),
                                         QString::fromStdString(p.preset))
                                    .arg(p.dataset.width)
                                    .arg(p.dataset.height)
                                    .arg(p.dataset.frames));
    } else {
        m_projectLabel->setText(tr("No project open — File > New Project or Open Project"));
    }
    const QString device =
        AppSettings::effectiveDevice(QString::fromStdString(m_session->project().vae.train.device));
    m_deviceLabel->setText(tr("Device: %1 — %2").arg(device, autoDeviceText()));
}

bool MainWindow::maybeSave()
{
    if (!m_session->hasProject() || (!m_session->modified() && !m_settingsForm->hasEdits())) {
        return true;
    }
    const auto answer =
        QMessageBox::question(this, tr("Unsaved Settings"),
                              tr("The settings of %1 have changed. Save them?")
                                  .arg(QString::fromStdString(m_session->project().name)),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) {
        return false;
    }
    return answer == QMessageBox::Discard || saveProject();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_training->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Training Is Running"),
            tr("A training run is in progress. Stop it, save a checkpoint and quit?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        statusBar()->showMessage(tr("Stopping the run and saving a checkpoint…"));
        if (!m_training->stopAndWait(kCloseStopTimeoutMs)) {
            QMessageBox::warning(this, tr("Training Is Running"),
                                 tr("The run did not stop in time; try again."));
            event->ignore();
            return;
        }
    }
    SweepController* sweep = m_experimentsPanel->controller();
    if (sweep->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("A Sweep Is Running"),
            tr("A sweep is in progress. Stop it (each running variant saves a checkpoint) and "
               "quit? Starting it again later continues it."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        statusBar()->showMessage(tr("Stopping the sweep…"));
        if (!sweep->stopAndWait(kCloseStopTimeoutMs)) {
            QMessageBox::warning(this, tr("A Sweep Is Running"),
                                 tr("The sweep did not stop in time; try again."));
            event->ignore();
            return;
        }
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    bool any = false;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            any = openPath(url.toLocalFile()) || any;
        }
    }
    if (any) {
        event->acceptProposedAction();
    }
}

} // namespace vd::ui
