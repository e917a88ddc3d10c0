// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/ExperimentsPanel.h"

#include "ProjectSession.h"
#include "controllers/SweepController.h"
#include "models/MetricsPlotModel.h"
#include "models/SweepTableModel.h"
#include "util/FrameImages.h"
#include "widgets/ScalingPlot.h"
#include "widgets/SweepCurvesPlot.h"
#include "widgets/SweepDefinitionForm.h"
#include "widgets/SweepPreviewGrid.h"

#include "project/Project.h"
#include "train/PreviewArchive.h"
#include "util/Log.h"

#include <QDir>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace vd::ui {
namespace {

constexpr int kPollMs = 2000;
constexpr int kOutputLines = 5000;
constexpr int kSelectAllUpTo = 8; ///< a new sweep's rows are all selected up to this many
constexpr int kDirRole = Qt::UserRole + 1;

} // namespace

ExperimentsPanel::ExperimentsPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_controller(new SweepController(this))
{
    buildUi();
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString& dir) {
        if (dir == m_current) {
            readSweep();
        } else {
            refreshList();
        }
    });
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ExperimentsPanel::refresh);
    connect(m_controller, &SweepController::outputLine, this, &ExperimentsPanel::appendOutput);
    connect(m_controller, &SweepController::finished, this, &ExperimentsPanel::onFinished);
    connect(m_controller, &SweepController::runningChanged, this, &ExperimentsPanel::updateButtons);
    connect(m_form, &SweepDefinitionForm::changed, this, &ExperimentsPanel::updateButtons);
    connect(m_session, &ProjectSession::projectChanged, this, &ExperimentsPanel::onProjectChanged);
    m_form->setProgram(m_controller->cliProgram());
    onProjectChanged();
}

ExperimentsPanel::~ExperimentsPanel()
{
    m_controller->disconnect(this); // a sweep stopped on the way out reports to no one
}

void ExperimentsPanel::buildUi()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("sweepError"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fdecea; color: #8a1f11; padding: 6px; border-radius: 3px; }"));
    m_banner->hide();

    // Left: the project's sweeps, the definition of a new one, start and stop.
    m_sweeps = new QListWidget(this);
    m_sweeps->setObjectName(QStringLiteral("sweepList"));
    m_sweeps->setToolTip(tr("The project's sweeps (runs/sweeps): choose one to see its results"));
    auto* refreshButton = new QToolButton(this);
    refreshButton->setText(tr("Refresh"));
    refreshButton->setToolTip(tr("Read the sweeps folder again"));
    m_loadButton = new QPushButton(tr("Load Settings"), this);
    m_loadButton->setToolTip(tr("Show this sweep's settings in the form: Start then continues "
                                "it (finished variants are skipped)"));
    auto* sweepsBox = new QGroupBox(tr("Sweeps"), this);
    auto* sweepsLayout = new QVBoxLayout(sweepsBox);
    sweepsLayout->addWidget(m_sweeps, 1);
    auto* sweepButtons = new QHBoxLayout;
    sweepButtons->addWidget(refreshButton);
    sweepButtons->addStretch();
    sweepButtons->addWidget(m_loadButton);
    sweepsLayout->addLayout(sweepButtons);

    m_form = new SweepDefinitionForm(m_session, this);
    m_startButton = new QPushButton(tr("Start Sweep"), this);
    m_startButton->setObjectName(QStringLiteral("startSweep"));
    m_startButton->setToolTip(tr("Run the sweep in its own process; a sweep with this name that "
                                 "was stopped continues where it stopped"));
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopSweep"));
    m_stopButton->setToolTip(tr("Stop the running variants after their current step; each "
                                "saves a checkpoint"));
    m_status = new QLabel(tr("Idle"), this);
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_status->setWordWrap(true);
    auto* defineBox = new QGroupBox(tr("New Sweep"), this);
    auto* defineLayout = new QVBoxLayout(defineBox);
    defineLayout->addWidget(m_form);
    auto* runButtons = new QHBoxLayout;
    runButtons->addWidget(m_startButton);
    runButtons->addWidget(m_stopButton);
    runButtons->addStretch();
    defineLayout->addLayout(runButtons);
    defineLayout->addWidget(m_status);
    defineLayout->addStretch();

    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(sweepsBox);
    left->addWidget(defineBox);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 2);

    // Right: the table and what compares the selected variants.
    m_summary = new QLabel(tr("No sweep chosen."), this);
    m_summary->setObjectName(QStringLiteral("sweepSummary"));
    m_summary->setWordWrap(true);
    m_model = new SweepTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SweepTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sweepTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    // The sweep's own order (the grid's) until a header is clicked.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Select variants (Ctrl or Shift for several) to compare them below; "
                           "click a header to sort by it"));
    m_curves = new SweepCurvesPlot(this);
    m_previews = new SweepPreviewGrid(this);
    m_scaling = new ScalingPlot(this);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("sweepOutput"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(kOutputLines);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_curves, tr("Curves"));
    m_tabs->addTab(m_previews, tr("Side by Side"));
    m_tabs->addTab(m_scaling, tr("Scaling"));
    m_tabs->addTab(m_output, tr("Output"));
    m_tabs->setTabToolTip(1, tr("The newest previews of the selected variants: the same "
                                "held-out clips and the same noise for each"));

    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_summary);
    tableLayout->addWidget(m_table, 1);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(tableBox);
    right->addWidget(m_tabs);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(refreshButton, &QToolButton::clicked, this, &ExperimentsPanel::refresh);
    connect(m_loadButton, &QPushButton::clicked, this, &ExperimentsPanel::loadIntoForm);
    connect(m_startButton, &QPushButton::clicked, this, &ExperimentsPanel::start);
    connect(m_stopButton, &QPushButton::clicked, this, &ExperimentsPanel::stop);
    connect(m_sweeps, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item) {
            openSweep(item->data(kDirRole).toString());
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExperimentsPanel::onSelectionChanged);
}

bool ExperimentsPanel::isLoading() const
{
    return m_reader.isBusy() || m_curvesLoader.isBusy() || m_previewLoader.isBusy();
}

QString ExperimentsPanel::errorText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString ExperimentsPanel::outputText() const
{
    return m_output->toPlainText();
}

void ExperimentsPanel::showError(const QString& message)
{
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

void ExperimentsPanel::onProjectChanged()
{
    m_current.clear();
    m_snapshot = SweepSnapshot();
    m_model->clear();
    m_curves->clear();
    m_previews->clear();
    m_scaling->clear();
    m_previewsShown.clear();
    m_sweeps->clear();
    if (!m_watcher->directories().isEmpty()) {
        m_watcher->removePaths(m_watcher->directories());
    }
    showError({});
    refreshList();
    updateSummary();
    updateButtons();
}

void ExperimentsPanel::refresh()
{
    refreshList();
    readSweep();
}

void ExperimentsPanel::refreshList()
{
    if (!m_session->hasProject()) {
        return;
    }
    const QString root = SweepFolder::sweepsDir(m_session->project());
    if (QDir(root).exists() && !m_watcher->directories().contains(root)) {
        m_watcher->addPath(root);
    }
    // Listing reads one small sweep.json per sweep: cheap enough for the UI thread.
    const QVector<SweepListEntry> entries = SweepFolder::list(root);
    const QSignalBlocker block(m_sweeps);
    m_sweeps->clear();
    for (const SweepListEntry& e : entries) {
        const QString stage = e.stage == QLatin1String("diffusion") ? tr("diffusion") : tr("VAE");
        auto* item = new QListWidgetItem(
            tr("%1 — %2, %3 of %4 finished").arg(e.name, stage).arg(e.finished).arg(e.total),
            m_sweeps);
        item->setData(kDirRole, e.dir);
        item->setToolTip(QDir::toNativeSeparators(e.dir));
        if (e.dir == m_current) {
            m_sweeps->setCurrentItem(item);
        }
    }
    if (!m_selectWhenListed.isEmpty()) {
        for (int i = 0; i < m_sweeps->count(); ++i) {
            if (m_sweeps->item(i)->data(kDirRole).toString() == m_selectWhenListed) {
                m_selectWhenListed.clear();
                m_sweeps->setCurrentRow(i);
                openSweep(m_sweeps->item(i)->data(kDirRole).toString());
                break;
            }
        }
    }
}

void ExperimentsPanel::openSweep(const QString& dir)
{
    const QString clean = QDir(dir).absolutePath();
    if (clean != m_current) {
        if (!m_current.isEmpty()) {
            m_watcher->removePath(m_current);
        }
        m_current = clean;
        m_watcher->addPath(m_current);
        m_selectAllOnLoad = true;
        m_previewsShown.clear();
        for (int i = 0; i < m_sweeps->count(); ++i) {
            if (m_sweeps->item(i)->data(kDirRole).toString() == clean) {
                const QSignalBlocker block(m_sweeps);
                m_sweeps->setCurrentRow(i);
            }
        }
    }
    readSweep();
}

void ExperimentsPanel::readSweep()
{
    if (m_current.isEmpty() || !m_session->hasProject()) {
        return;
    }
    const QString dir = m_current;
    const Project project = m_session->project();
    m_reader.submit([dir, project] { return SweepFolder::read(dir, project); },
                    [this](const SweepSnapshot& s) { onSnapshot(s); });
}

void ExperimentsPanel::onSnapshot(const SweepSnapshot& s)
{
    if (s.dir != m_current) {
        return;
    }
    const QStringList selected = selectedVariants();
    m_snapshot = s;
    {
        const QSignalBlocker block(m_table->selectionModel());
        m_model->setTable(s.columns, s.rows);
    }
    if (m_selectAllOnLoad) {
        m_selectAllOnLoad = false;
        QStringList all;
        for (const SweepVariantInfo& v : s.variants) {
            all << v.name;
        }
        selectVariants(all.mid(0, kSelectAllUpTo));
    } else if (selectedVariants() != selected) {
        selectVariants(selected);
    } else if (s.live || m_curves->seriesCount() == 0) {
        onSelectionChanged(); // the selected variants' curves and previews grew
    }
    m_scaling->setScaling(s.scaling);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_scaling), s.scaling.present);
    updateSummary();
    updateButtons();
}

QStringList ExperimentsPanel::selectedVariants() const
{
    QStringList out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<int> proxyRows;
    for (const QModelIndex& i : rows) {
        proxyRows << i.row();
    }
    std::sort(proxyRows.begin(), proxyRows.end());
    for (int r : proxyRows) {
        out << m_model->variantAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
    }
    return out;
}

void ExperimentsPanel::selectVariants(const QStringList& variants)
{
    QItemSelection selection;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const int source = m_proxy->mapToSource(m_proxy->index(r, 0)).row();
        if (variants.contains(m_model->variantAt(source))) {
            selection.select(m_proxy->index(r, 0),
                             m_proxy->index(r, std::max(0, m_proxy->columnCount() - 1)));
        }
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    onSelectionChanged();
}

void ExperimentsPanel::onSelectionChanged()
{
    loadCurves();
    loadPreviews();
}

void ExperimentsPanel::loadCurves()
{
    QVector<std::pair<QString, QString>> runs; // (variant, metrics.jsonl)
    for (const QString& name : selectedVariants()) {
        const int row = m_snapshot.rowOf(name);
        if (row >= 0) {
            runs.push_back(
                {name,
                 QDir(m_snapshot.variants[row].dir).filePath(QStringLiteral("metrics.jsonl"))});
        }
    }
    m_curvesLoader.submit(
        [runs] {
            QVector<SweepCurvesPlot::Run> out;
            for (const auto& [name, path] : runs) {
                out.push_back({name, MetricsPlotModel::readRun(path).series});
            }
            return out;
        },
        [this](const QVector<SweepCurvesPlot::Run>& out) { m_curves->setRuns(out); });
}

void ExperimentsPanel::loadPreviews()
{
    QVector<SweepVariantInfo> variants;
    QStringList files;
    for (const QString& name : selectedVariants()) {
        const int row = m_snapshot.rowOf(name);
        if (row >= 0) {
            variants << m_snapshot.variants[row];
            files << name;
            for (const SweepPreviewFile& p : m_snapshot.variants[row].previews) {
                files << p.path;
            }
        }
    }
    if (files == m_previewsShown && !m_previewLoader.isBusy()) {
        return; // nothing new to decode
    }
    m_previewsShown = files;
    m_previewLoader.submit(
        [variants](LatestOnlyRunner::JobControl& control) {
            QVector<SweepPreviewGrid::Column> columns;
            for (const SweepVariantInfo& v : variants) {
                SweepPreviewGrid::Column column{v.name, {}};
                for (const SweepPreviewFile& p : v.previews) {
                    if (control.isSuperseded()) {
                        return columns;
                    }
                    try {
                        SavedPreview saved;
                        saved.step = p.step;
                        saved.kind = p.kind.toStdString();
                        saved.index = p.index;
                        saved.label = p.label;
                        saved.path = p.path.toStdString();
                        column.clips.push_back({p.kind, p.index, p.label, p.step,
                                                framesToImages(PreviewArchive::read(saved))});
                    } catch (const std::exception& e) {
                        vd::log::get("ui")->warn("sweep preview {} not shown: {}",
                                                 p.path.toStdString(), e.what());
                    }
                }
                columns << column;
            }
            return columns;
        },
        [this](const QVector<SweepPreviewGrid::Column>& columns) {
            m_previews->setColumns(columns);
        });
}

void ExperimentsPanel::loadIntoForm()
{
    if (m_snapshot.axes.isEmpty()) {
        return;
    }
    SweepRequest r;
    r.projectPath = m_session->filePath();
    r.stage = m_snapshot.stage == QLatin1String("diffusion") ? Stage::Diffusion : Stage::VAE;
    r.axes = m_snapshot.axes;
    r.steps = m_snapshot.steps;
    r.minutes = m_snapshot.minutes;
    r.name = m_snapshot.name;
    r.match = m_snapshot.match.isEmpty() ? QStringLiteral("steps") : m_snapshot.match;
    m_form->setRequest(r);
}

void ExperimentsPanel::start()
{
    if (m_controller->isRunning()) {
        return;
    }
    if (!m_form->isValid()) {
        showError(m_form->errorText());
        return;
    }
    const SweepRequest request = m_form->request();
    QString error;
    m_output->clear();
    appendOutput(QStringLiteral("$ ") + request.commandLine(m_controller->cliProgram()));
    if (!m_controller->start(request, &error)) {
        showError(error);
        return;
    }
    showError({});
    m_status->setText(tr("Running…"));
    m_selectWhenListed =
        QDir(SweepFolder::sweepsDir(m_session->project())).filePath(request.effectiveName());
    m_selectWhenListed = QDir(m_selectWhenListed).absolutePath();
    m_pollTimer.start();
    m_tabs->setCurrentWidget(m_output);
    refreshList();
}

void ExperimentsPanel::stop()
{
    if (m_controller->isRunning()) {
        m_status->setText(tr("Stopping: each running variant finishes its step and saves a "
                             "checkpoint…"));
        m_controller->stop();
        updateButtons();
    }
}

void ExperimentsPanel::appendOutput(const QString& line)
{
    m_output->appendPlainText(line);
    if (m_controller->isRunning() && !m_controller->isStopping()) {
        m_status->setText(line);
    }
}

void ExperimentsPanel::onFinished(int exitCode, const QString& lastLine)
{
    m_pollTimer.stop();
    if (exitCode == 0) {
        m_status->setText(tr("The sweep finished."));
    } else if (exitCode == SweepController::kStoppedExitCode) {
        m_status->setText(tr("Stopped. Start the same sweep again to continue it."));
    } else if (exitCode == SweepController::kUsageExitCode) {
        m_status->setText(tr("The sweep did not start."));
        showError(tr("The sweep did not start: %1").arg(lastLine));
    } else {
        m_status->setText(tr("The sweep failed."));
        showError(tr("The sweep failed (status %1): %2").arg(exitCode).arg(lastLine));
    }
    refresh();
    updateButtons();
}

void ExperimentsPanel::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_startButton->setEnabled(!running && m_form->isValid());
    m_startButton->setToolTip(m_form->isValid() ? tr("Run the sweep in its own process; a sweep "
                                                     "with this name that was stopped continues "
                                                     "where it stopped")
                                                : m_form->errorText());
    m_stopButton->setEnabled(running && !m_controller->isStopping());
    m_loadButton->setEnabled(!running && !m_snapshot.axes.isEmpty());
    m_form->setEnabled(!running && m_session->hasProject());
}

void ExperimentsPanel::updateSummary()
{
    if (m_current.isEmpty()) {
        m_summary->setText(m_session->hasProject() && m_sweeps->count() == 0
                               ? tr("This project has no sweeps yet: define one on the left.")
                               : tr("No sweep chosen."));
        return;
    }
    const SweepSnapshot& s = m_snapshot;
    QString text =
        tr("%1: %2 stage, %3 of %n variant(s) finished.", nullptr, static_cast<int>(s.rows.size()))
            .arg(s.name, s.stage == QLatin1String("diffusion") ? tr("diffusion") : tr("VAE"))
            .arg(s.finished);
    if (s.live) {
        text += QLatin1Char(' ') + tr("Figures read from the runs now (results.json is written "
                                      "when the sweep ends).");
    }
    if (!s.error.isEmpty()) {
        text += QLatin1Char(' ') + s.error;
    }
    m_summary->setText(text);
}

} // namespace vd::ui
