// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ProjectSettingsForm.h"

#include "ProjectSession.h"

#include "diffusion/SamplingConfig.h"
#include "project/Project.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>
#include <map>

namespace vd::ui {
namespace {

constexpr int kPointerRole = Qt::UserRole + 1;

/// Keys whose value is one of a fixed set of names (the choices core accepts).
QStringList choicesFor(const std::string& key)
{
    if (key == "encoder_norm" || key == "decoder_norm") {
        return {"group", "channel", "none"};
    }
    if (key == "objective") {
        return {"eps", "v", "flow"};
    }
    if (key == "schedule") {
        return {"linear", "cosine"};
    }
    if (key == "clip") {
        return {"none", "norm", "agc"};
    }
    if (key == "polarity") {
        return {"both", "positive", "negative"};
    }
    if (key == "device") {
        return {"auto", "cpu", "cuda"};
    }
    if (key == "precision") {
        return {"auto", "float32", "bfloat16", "mixed"};
    }
    if (key == "sampler") {
        QStringList names;
        for (const std::string& n : SamplingConfig::samplerNames()) {
            names << QString::fromStdString(n);
        }
        return names;
    }
    return {};
}

/// Settings that are not edited here: the file's identity, and where it lives.
bool hiddenKey(const std::string& pointer)
{
    return pointer == "/format" || pointer == "/version" || pointer == "/preset";
}

QString dotted(const std::string& pointer)
{
    QString s = QString::fromStdString(pointer).mid(1);
    s.replace('/', '.');
    return s;
}

} // namespace

ProjectSettingsForm::ProjectSettingsForm(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter settings…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("settingsFilter"));
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Setting"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAlternatingRowColors(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply = new QPushButton(tr("Apply"), this);
    m_revert = new QPushButton(tr("Revert"), this);
    m_apply->setToolTip(
        tr("Use these settings for the next run (File > Save Project writes them)"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_apply, &QPushButton::clicked, this, &ProjectSettingsForm::apply);
    connect(m_revert, &QPushButton::clicked, this, &ProjectSettingsForm::revert);
    connect(m_filter, &QLineEdit::textChanged, this, &ProjectSettingsForm::applyFilter);
    connect(m_session, &ProjectSession::projectChanged, this, &ProjectSettingsForm::rebuild);
    connect(m_session, &ProjectSession::settingsChanged, this, [this] {
        if (!m_applying) {
            rebuild();
        }
    });
    rebuild();
}

void ProjectSettingsForm::rebuild()
{
    // Editors go now, not at the next event loop pass: findChild() by key must see only the
    // editors of the settings shown.
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        delete m_tree->itemWidget(*it, 1);
    }
    m_tree->clear();
    m_dirty = false;
    m_error.clear();
    const bool open = m_session->hasProject();
    setEnabled(open);
    if (open) {
        to_json(m_edited, m_session->project());
        addItems(m_tree->invisibleRootItem(), m_edited, "");
        m_tree->expandToDepth(1);
    } else {
        m_edited = nlohmann::json::object();
    }
    validate();
}

void ProjectSettingsForm::addItems(QTreeWidgetItem* parent, const nlohmann::json& object,
                                   const std::string& pointer)
{
    for (const auto& [key, value] : object.items()) {
        const std::string child = pointer + "/" + key;
        if (hiddenKey(child)) {
            continue;
        }
        auto* item = new QTreeWidgetItem(parent, {QString::fromStdString(key)});
        item->setData(0, kPointerRole, QString::fromStdString(child));
        item->setToolTip(0, dotted(child));
        if (value.is_object()) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFirstColumnSpanned(true);
            addItems(item, value, child);
        } else {
            m_tree->setItemWidget(item, 1, makeEditor(child, key, value));
        }
    }
}

QWidget* ProjectSettingsForm::makeEditor(const std::string& pointer, const std::string& key,
                                         const nlohmann::json& value)
{
    const QString name = dotted(pointer);
    if (value.is_boolean()) {
        auto* box = new QCheckBox;
        box->setChecked(value.get<bool>());
        box->setObjectName(name);
        connect(box, &QCheckBox::toggled, this,
                [this, pointer](bool on) { editValue(pointer, on); });
        return box;
    }
    if (value.is_number_integer()) {
        auto* spin = new QSpinBox;
        spin->setRange(-1000000000, 1000000000);
        spin->setValue(static_cast<int>(value.get<int64_t>()));
        spin->setObjectName(name);
        connect(spin, qOverload<int>(&QSpinBox::valueChanged), this,
                [this, pointer](int v) { editValue(pointer, v); });
        return spin;
    }
    const QStringList choices = value.is_string() ? choicesFor(key) : QStringList();
    if (!choices.isEmpty()) {
        auto* combo = new QComboBox;
        combo->addItems(choices);
        combo->setCurrentText(QString::fromStdString(value.get<std::string>()));
        combo->setObjectName(name);
        connect(combo, &QComboBox::currentTextChanged, this,
                [this, pointer](const QString& t) { editValue(pointer, t.toStdString()); });
        return combo;
    }
    // Floats (1e-6 learning rates need free text), strings and lists ([1, 2, 2]).
    auto* edit = new QLineEdit;
    edit->setObjectName(name);
    edit->setText(value.is_string() ? QString::fromStdString(value.get<std::string>())
                                    : QString::fromStdString(value.dump()));
    const bool isString = value.is_string();
    connect(edit, &QLineEdit::textEdited, this, [this, pointer, isString](const QString& text) {
        if (isString) {
            editValue(pointer, text.toStdString());
            return;
        }
        // Numbers and lists as typed; text that is not JSON goes through as a string, so core
        // names the key and says which type it wanted.
        editValue(pointer, nlohmann::json::parse(text.toStdString(), nullptr, false).is_discarded()
                               ? nlohmann::json(text.toStdString())
                               : nlohmann::json::parse(text.toStdString()));
    });
    return edit;
}

bool ProjectSettingsForm::setValue(const QString& pointer, const nlohmann::json& value)
{
    const std::string p = pointer.toStdString();
    if (!m_edited.contains(nlohmann::json::json_pointer(p))) {
        return false;
    }
    QWidget* editor = findChild<QWidget*>(dotted(p));
    if (auto* box = qobject_cast<QCheckBox*>(editor); box && value.is_boolean()) {
        box->setChecked(value.get<bool>());
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor); spin && value.is_number_integer()) {
        spin->setValue(value.get<int>());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor); combo && value.is_string()) {
        combo->setCurrentText(QString::fromStdString(value.get<std::string>()));
    } else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        edit->setText(value.is_string() ? QString::fromStdString(value.get<std::string>())
                                        : QString::fromStdString(value.dump()));
    }
    editValue(p, value);
    return true;
}

void ProjectSettingsForm::editValue(const std::string& pointer, const nlohmann::json& value)
{
    m_edited[nlohmann::json::json_pointer(pointer)] = value;
    m_dirty = true;
    validate();
}

void ProjectSettingsForm::validate()
{
    const bool wasValid = m_error.isEmpty();
    QString error;
    if (m_session->hasProject()) {
        try {
            projectFromJson(m_edited).validate();
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
    }
    m_error = error;

    // Mark the row the message names (the longest key path it starts with).
    QTreeWidgetItem* bad = nullptr;
    int badLength = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        QTreeWidgetItem* item = *it;
        const QString key = dotted(item->data(0, kPointerRole).toString().toStdString());
        item->setForeground(0, palette().color(QPalette::Text));
        if (!error.isEmpty() && error.startsWith(key) && key.size() > badLength) {
            bad = item;
            badLength = static_cast<int>(key.size());
        }
    }
    if (bad) {
        bad->setForeground(0, QColor(200, 30, 30));
        m_tree->scrollToItem(bad);
    }
    if (!m_session->hasProject()) {
        m_status->setText(tr("Open or create a project to edit its settings."));
    } else if (!error.isEmpty()) {
        m_status->setText(tr("<span style='color:#c81e1e'>%1</span>").arg(error.toHtmlEscaped()));
    } else {
        m_status->setText(
            m_dirty ? tr("Valid. Apply to use these settings.")
                    : tr("Settings of %1").arg(QString::fromStdString(m_session->project().name)));
    }
    m_apply->setEnabled(m_dirty && error.isEmpty());
    m_revert->setEnabled(m_dirty);
    if (wasValid != error.isEmpty()) {
        Q_EMIT validityChanged(error.isEmpty());
    }
}

bool ProjectSettingsForm::apply()
{
    if (!m_session->hasProject() || !m_error.isEmpty()) {
        return false;
    }
    try {
        Project project = projectFromJson(m_edited);
        project.validate();
        m_applying = true;
        m_session->updateProject(project);
        m_applying = false;
    } catch (const std::exception& e) {
        m_applying = false;
        m_error = QString::fromStdString(e.what());
        validate();
        return false;
    }
    m_dirty = false;
    validate();
    return true;
}

void ProjectSettingsForm::revert()
{
    rebuild();
}

void ProjectSettingsForm::applyFilter(const QString& text)
{
    // A group stays visible when one of its settings matches.
    std::map<QTreeWidgetItem*, bool> visible;
    for (QTreeWidgetItemIterator it(m_tree, QTreeWidgetItemIterator::All); *it; ++it) {
        QTreeWidgetItem* item = *it;
        const bool leaf = item->childCount() == 0;
        const bool match = text.isEmpty() || item->toolTip(0).contains(text, Qt::CaseInsensitive);
        if (leaf) {
            item->setHidden(!match);
            for (QTreeWidgetItem* p = item->parent(); p && match; p = p->parent()) {
                visible[p] = true;
            }
        }
    }
    for (QTreeWidgetItemIterator it(m_tree, QTreeWidgetItemIterator::All); *it; ++it) {
        if ((*it)->childCount() > 0) {
            (*it)->setHidden(!text.isEmpty() && !visible[*it]);
            if (!text.isEmpty()) {
                (*it)->setExpanded(true);
            }
        }
    }
}

} // namespace vd::ui
