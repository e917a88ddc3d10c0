// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/SweepDefinitionForm.h"

#include "ProjectSession.h"

#include "project/Project.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace vd::ui {
namespace {

/// The top-level sections of the project file a stage's sweep may vary (docs/experiments.md).
QStringList sectionsOf(Stage stage)
{
    return stage == Stage::VAE ? QStringList{"vae", "dataset", "inspect"}
                               : QStringList{"diffusion", "sampling"};
}

void flatten(const nlohmann::json& j, const QString& prefix, QStringList& keys)
{
    for (const auto& [key, value] : j.items()) {
        const QString dotted = prefix.isEmpty()
                                   ? QString::fromStdString(key)
                                   : prefix + QLatin1Char('.') + QString::fromStdString(key);
        if (value.is_object()) {
            flatten(value, dotted, keys);
        } else {
            keys << dotted;
        }
    }
}

/// The value at a dotted key of `j`, null when there is none.
nlohmann::json valueAt(const nlohmann::json& j, const QString& dotted)
{
    const nlohmann::json* at = &j;
    for (const QString& part : dotted.split(QLatin1Char('.'))) {
        if (!at->is_object() || !at->contains(part.toStdString())) {
            return nullptr;
        }
        at = &(*at)[part.toStdString()];
    }
    return *at;
}

} // namespace

SweepDefinitionForm::SweepDefinitionForm(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    m_stage = new QComboBox(this);
    m_stage->setObjectName(QStringLiteral("sweepStage"));
    m_stage->addItem(tr("VAE"), QStringLiteral("vae"));
    m_stage->addItem(tr("Diffusion"), QStringLiteral("diffusion"));
    m_stage->setToolTip(tr("The stage every variant trains. A diffusion sweep trains on the "
                           "project's trained VAE."));

    auto* axesBox = new QWidget(this);
    m_axesLayout = new QVBoxLayout(axesBox);
    m_axesLayout->setContentsMargins(0, 0, 0, 0);
    m_addAxis = new QPushButton(tr("Add Axis"), this);
    m_addAxis->setObjectName(QStringLiteral("addAxis"));
    m_addAxis->setToolTip(tr("Vary one more setting: the sweep trains every combination"));

    m_steps = new QSpinBox(this);
    m_steps->setObjectName(QStringLiteral("sweepSteps"));
    m_steps->setRange(0, 100000000);
    m_steps->setSingleStep(100);
    m_steps->setSpecialValueText(tr("project's"));
    m_steps->setToolTip(tr("Training steps of each variant (the project's when not set)"));
    m_minutes = new QDoubleSpinBox(this);
    m_minutes->setObjectName(QStringLiteral("sweepMinutes"));
    m_minutes->setRange(0.0, 100000.0);
    m_minutes->setDecimals(1);
    m_minutes->setSpecialValueText(tr("no limit"));
    m_minutes->setToolTip(tr("A time budget for each variant, not for the whole sweep"));
    m_parallel = new QSpinBox(this);
    m_parallel->setObjectName(QStringLiteral("sweepParallel"));
    m_parallel->setRange(0, 64);
    m_parallel->setSpecialValueText(tr("automatic"));
    m_parallel->setToolTip(tr("Variants trained at once, each in its own process with one "
                              "thread; 1 trains them one after another with all threads; "
                              "automatic: one per core on a CPU, one after another on a GPU"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("sweepName"));
    m_name->setToolTip(tr("The sweep's folder under runs/sweeps"));
    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("sweepMatch"));
    m_match->addItem(tr("Same steps"), QStringLiteral("steps"));
    m_match->addItem(tr("Same compute"), QStringLiteral("compute"));
    m_match->setToolTip(tr("A scaling study: every variant trains the same steps, or the same "
                           "steps × FLOPs per step (a wider model gets fewer steps)"));
    m_evaluate = new QCheckBox(tr("Measure on held-out clips"), this);
    m_evaluate->setObjectName(QStringLiteral("sweepEvaluate"));
    m_evaluate->setChecked(true);
    m_evaluate->setToolTip(tr("Each finished variant is judged on the held-out clips "
                              "(reconstruction or sample quality, held-out loss)"));
    m_command = new QPlainTextEdit(this);
    m_command->setObjectName(QStringLiteral("sweepCommand"));
    m_command->setReadOnly(true);
    m_command->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setFixedHeight(m_command->fontMetrics().lineSpacing() * 4 + 10);
    m_command->setToolTip(tr("The command the sweep runs; the same command in a terminal runs "
                             "or continues it there"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sweepCheck"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Stage:"), m_stage);
    form->addRow(tr("Vary:"), axesBox);
    form->addRow(QString(), m_addAxis);
    auto* budget = new QHBoxLayout;
    budget->addWidget(m_steps, 1);
    budget->addWidget(new QLabel(tr("Minutes:"), this));
    budget->addWidget(m_minutes, 1);
    form->addRow(tr("Steps:"), budget);
    form->addRow(tr("At once:"), m_parallel);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Scaling:"), m_match);
    form->addRow(QString(), m_evaluate);
    form->addRow(tr("Command:"), m_command);
    form->addRow(m_status);

    connect(m_stage, &QComboBox::currentIndexChanged, this, [this] {
        rebuildKeys();
        update();
    });
    connect(m_addAxis, &QPushButton::clicked, this, [this] { addAxis(); });
    connect(m_steps, &QSpinBox::valueChanged, this, &SweepDefinitionForm::update);
    connect(m_minutes, &QDoubleSpinBox::valueChanged, this, &SweepDefinitionForm::update);
    connect(m_parallel, &QSpinBox::valueChanged, this, &SweepDefinitionForm::update);
    connect(m_name, &QLineEdit::textChanged, this, &SweepDefinitionForm::update);
    connect(m_match, &QComboBox::currentIndexChanged, this, &SweepDefinitionForm::update);
    connect(m_evaluate, &QCheckBox::toggled, this, &SweepDefinitionForm::update);
    connect(m_session, &ProjectSession::projectChanged, this, [this] {
        rebuildKeys();
        update();
    });
    connect(m_session, &ProjectSession::settingsChanged, this, [this] {
        rebuildKeys();
        update();
    });
    connect(m_session, &ProjectSession::modifiedChanged, this, &SweepDefinitionForm::update);
    addAxis();
}

QStringList SweepDefinitionForm::keysFor(Stage stage) const
{
    if (!m_session->hasProject()) {
        return {};
    }
    nlohmann::json j;
    to_json(j, m_session->project());
    QStringList keys;
    for (const QString& section : sectionsOf(stage)) {
        if (j.contains(section.toStdString())) {
            flatten(j[section.toStdString()], section, keys);
        }
    }
    return keys;
}

void SweepDefinitionForm::fillKeys(QComboBox* box, const QString& keep)
{
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(tr("Choose a setting…"), QString());
    box->addItem(tr("Model size (scaling study)"), QString::fromLatin1(SweepRequest::kScaleModel));
    box->addItem(tr("Share of the data (scaling study)"),
                 QString::fromLatin1(SweepRequest::kScaleData));
    box->insertSeparator(box->count());
    const Stage stage = m_stage->currentData().toString() == QLatin1String("diffusion")
                            ? Stage::Diffusion
                            : Stage::VAE;
    for (const QString& key : keysFor(stage)) {
        box->addItem(key, key);
    }
    const int index = box->findData(keep);
    box->setCurrentIndex(std::max(0, index));
}

void SweepDefinitionForm::rebuildKeys()
{
    for (const AxisRow& row : m_axes) {
        fillKeys(row.key, row.key->currentData().toString());
        updatePlaceholder(row);
    }
}

void SweepDefinitionForm::updatePlaceholder(const AxisRow& row)
{
    const QString key = row.key->currentData().toString();
    QString text;
    if (key == QLatin1String(SweepRequest::kScaleModel)) {
        text = tr("width factors, e.g. 0.5, 1, 2, 4");
    } else if (key == QLatin1String(SweepRequest::kScaleData)) {
        text = tr("shares of the clips, e.g. 0.25, 0.5, 1");
    } else if (!key.isEmpty() && m_session->hasProject()) {
        nlohmann::json j;
        to_json(j, m_session->project());
        text = tr("values, comma-separated (now %1)")
                   .arg(QString::fromStdString(valueAt(j, key).dump()));
    } else {
        text = tr("values, comma-separated");
    }
    row.values->setPlaceholderText(text);
}

void SweepDefinitionForm::addAxis(const QString& key, const QString& values)
{
    AxisRow row;
    row.row = new QWidget(this);
    auto* layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    row.key = new QComboBox(row.row);
    row.key->setObjectName(QStringLiteral("axisKey"));
    row.key->setToolTip(tr("The setting to vary (a key of the project file), or a scaling "
                           "axis"));
    row.key->setMinimumContentsLength(18);
    row.key->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row.values = new QLineEdit(row.row);
    row.values->setObjectName(QStringLiteral("axisValues"));
    row.values->setToolTip(tr("Values separated by commas: numbers, true/false, words, or "
                              "lists in brackets ([4, 8])"));
    auto* remove = new QToolButton(row.row);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this axis"));
    layout->addWidget(row.key, 1);
    layout->addWidget(row.values, 1);
    layout->addWidget(remove);
    m_axesLayout->addWidget(row.row);
    fillKeys(row.key, key);
    row.values->setText(values);
    updatePlaceholder(row);
    m_axes << row;

    QWidget* rowWidget = row.row;
    connect(row.key, &QComboBox::currentIndexChanged, this, [this, rowWidget] {
        for (const AxisRow& r : m_axes) {
            if (r.row == rowWidget) {
                updatePlaceholder(r);
            }
        }
        update();
    });
    connect(row.values, &QLineEdit::textChanged, this, &SweepDefinitionForm::update);
    connect(remove, &QToolButton::clicked, this, [this, rowWidget] {
        for (int i = 0; i < m_axes.size(); ++i) {
            if (m_axes[i].row == rowWidget) {
                removeAxis(i);
                return;
            }
        }
    });
    update();
}

void SweepDefinitionForm::removeAxis(int index)
{
    if (index < 0 || index >= m_axes.size()) {
        return;
    }
    m_axes[index].row->deleteLater();
    m_axes[index].row->hide();
    m_axes.remove(index);
    update();
}

SweepRequest SweepDefinitionForm::request() const
{
    SweepRequest r;
    r.projectPath = m_session->filePath();
    r.stage = m_stage->currentData().toString() == QLatin1String("diffusion") ? Stage::Diffusion
                                                                              : Stage::VAE;
    for (const AxisRow& row : m_axes) {
        r.axes << SweepRequest::Axis{row.key->currentData().toString(), row.values->text()};
    }
    r.steps = m_steps->value();
    r.minutes = m_minutes->value();
    r.parallel = m_parallel->value();
    r.name = m_name->text().trimmed();
    r.match = m_match->currentData().toString();
    r.evaluate = m_evaluate->isChecked();
    return r;
}

void SweepDefinitionForm::setRequest(const SweepRequest& request)
{
    m_updating = true;
    m_stage->setCurrentIndex(request.stage == Stage::Diffusion ? 1 : 0);
    while (!m_axes.isEmpty()) {
        removeAxis(static_cast<int>(m_axes.size()) - 1);
    }
    for (const SweepRequest::Axis& a : request.axes) {
        addAxis(a.key, a.values);
    }
    if (m_axes.isEmpty()) {
        addAxis();
    }
    m_steps->setValue(static_cast<int>(request.steps));
    m_minutes->setValue(request.minutes);
    m_parallel->setValue(request.parallel);
    m_name->setText(request.name);
    m_match->setCurrentIndex(std::max(0, m_match->findData(request.match)));
    m_evaluate->setChecked(request.evaluate);
    m_updating = false;
    update();
}

void SweepDefinitionForm::setProgram(const QString& program)
{
    m_program = program;
    update();
}

QString SweepDefinitionForm::commandLine() const
{
    return m_command->toPlainText();
}

void SweepDefinitionForm::update()
{
    if (m_updating) {
        return;
    }
    const SweepRequest r = request();
    m_match->setEnabled(r.isScaling());
    m_steps->setSpecialValueText(m_session->hasProject()
                                     ? tr("project's (%1)")
                                           .arg(r.stage == Stage::VAE
                                                    ? m_session->project().vae.train.steps
                                                    : m_session->project().diffusion.train.steps)
                                     : tr("project's"));
    const QString defaultName = [&] {
        SweepRequest unnamed = r;
        unnamed.name.clear();
        return unnamed.effectiveName();
    }();
    m_name->setPlaceholderText(defaultName.isEmpty() ? tr("default") : defaultName);
    m_command->setPlainText(r.commandLine(m_program));
    bool incomplete = r.axes.isEmpty();
    for (const SweepRequest::Axis& a : r.axes) {
        incomplete = incomplete || a.key.isEmpty() || a.values.trimmed().isEmpty();
    }
    if (!m_session->hasProject()) {
        m_error = tr("Open a project to define a sweep.");
    } else {
        m_error = r.check(m_session->project());
        if (m_error.isEmpty() && m_session->modified()) {
            m_error = tr("The project has unsaved changes: save it first (the sweep reads the "
                         "project file).");
        }
    }
    m_status->setText(m_error.isEmpty()
                          ? tr("Ready: %n variant(s).", nullptr,
                               [&r] {
                                   int n = 1;
                                   for (const SweepRequest::Axis& a : r.axes) {
                                       n *= static_cast<int>(
                                           SweepRequest::splitValues(a.values).size());
                                   }
                                   return n;
                               }())
                          : m_error);
    // Red for a value that is wrong, not for a form still being filled in.
    m_status->setStyleSheet(m_error.isEmpty() || incomplete ? QString()
                                                            : QStringLiteral("color: #c0392b;"));
    Q_EMIT changed();
}

} // namespace vd::ui
