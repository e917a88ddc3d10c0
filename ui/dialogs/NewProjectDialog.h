// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace vd::ui {

/// Asks for a project file, a dataset folder and a preset; can write the built-in demo dataset
/// into the folder first (off the UI thread, with progress). The caller creates the project
/// with ProjectSession::create(projectPath(), dataDir(), preset()) after exec() accepts.
class NewProjectDialog final : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(QWidget* parent = nullptr);

    QString projectPath() const;
    QString dataDir() const;
    QString preset() const;
    void setProjectPath(const QString& path);
    void setDataDir(const QString& dir);
    /// Ticks "write the demo dataset" (shapes, `clips` clips) into dataDir() before accepting.
    void setMakeDemoData(bool on, int clips = 300);

public Q_SLOTS:
    void accept() override;

private:
    void updatePresetInfo(); ///< what the chosen preset trains on, and for how long
    void updateState();
    void demoDataWritten();

    QLineEdit* m_path;
    QLineEdit* m_data;
    QComboBox* m_preset;
    QLabel* m_presetInfo;
    QCheckBox* m_makeDemo;
    QProgressBar* m_progress;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QFutureWatcher<QString> m_demoWatcher;
    int m_demoClips = 300;
};

} // namespace vd::ui
