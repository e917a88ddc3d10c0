// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vd::ui {

class ProjectSession;

/// Every setting of the open project (dataset, VAE, diffusion, sampling) as an editable tree,
/// built from the project's own JSON so a new key in core shows up without UI changes. Each
/// edit is validated at once by core's project reader (the same rules as loading the file):
/// the message names the key and the row turns red; Apply is enabled only for a valid set of
/// edits and hands them to ProjectSession (File > Save Project writes them). UI thread only.
class ProjectSettingsForm final : public QWidget {
    Q_OBJECT
public:
    explicit ProjectSettingsForm(ProjectSession* session, QWidget* parent = nullptr);

    bool isValid() const { return m_error.isEmpty(); }
    /// The validation message ("" when valid): core's text, naming the key path.
    QString errorText() const { return m_error; }
    bool hasEdits() const { return m_dirty; }

    /// Sets the value at a JSON pointer ("/vae/train/learning_rate") as if typed: the editor
    /// shows it and validation runs. Returns false for an unknown pointer.
    bool setValue(const QString& pointer, const nlohmann::json& value);

public Q_SLOTS:
    /// Applies valid edits to the session's project.
    bool apply();
    /// Drops the edits and shows the project's settings again.
    void revert();

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void rebuild();
    void addItems(QTreeWidgetItem* parent, const nlohmann::json& object,
                  const std::string& pointer);
    QWidget* makeEditor(const std::string& pointer, const std::string& key,
                        const nlohmann::json& value);
    void editValue(const std::string& pointer, const nlohmann::json& value);
    void validate();
    void applyFilter(const QString& text);

    ProjectSession* m_session;
    QTreeWidget* m_tree;
    QLineEdit* m_filter;
    QLabel* m_status;
    QPushButton* m_apply;
    QPushButton* m_revert;
    nlohmann::json m_edited;
    QString m_error;
    bool m_dirty = false;
    bool m_applying = false;
};

} // namespace vd::ui
