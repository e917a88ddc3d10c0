// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/SweepRequest.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace vd::ui {

class ProjectSession;

/// Defines a sweep (SweepRequest) over the open project: the stage, one or more axes (a
/// setting of the project file, offered from the same keys as the Settings tab and filtered
/// by what the stage may vary, or a scaling axis: the model's width or the share of the
/// data), each with its values, the budget per variant (steps, minutes), how many variants
/// run at once, the sweep's name, a scaling study's matching and whether the variants are
/// measured on held-out clips. It shows the command line it stands for and checks it as the
/// CLI will (core's SweepPlan) at each edit: errorText() names a bad value.
///
/// Threads: UI thread only.
class SweepDefinitionForm final : public QWidget {
    Q_OBJECT
public:
    explicit SweepDefinitionForm(ProjectSession* session, QWidget* parent = nullptr);

    /// The sweep the form describes (projectPath: the session's file).
    SweepRequest request() const;
    /// Shows `request` (an existing sweep's settings, to continue it).
    void setRequest(const SweepRequest& request);

    /// Adds an axis row; `key` may be SweepRequest::kScaleModel / kScaleData.
    void addAxis(const QString& key = {}, const QString& values = {});
    void removeAxis(int index);
    int axisCount() const { return static_cast<int>(m_axes.size()); }

    /// The project keys the stage may vary, dotted ("vae.loss.kl_weight"), in file order.
    QStringList keysFor(Stage stage) const;

    /// The program shown in the command line (the controller's cliProgram()).
    void setProgram(const QString& program);
    QString commandLine() const;
    /// "" when the sweep can start, else why not (the first problem, one line).
    QString errorText() const { return m_error; }
    bool isValid() const { return m_error.isEmpty(); }

Q_SIGNALS:
    /// Any field changed (the check and the command line are up to date).
    void changed();

private:
    struct AxisRow {
        QWidget* row = nullptr;
        QComboBox* key = nullptr;
        QLineEdit* values = nullptr;
    };
    void rebuildKeys();
    void fillKeys(QComboBox* box, const QString& keep);
    void updatePlaceholder(const AxisRow& row);
    void update();

    ProjectSession* m_session;
    QComboBox* m_stage;
    QVBoxLayout* m_axesLayout;
    QPushButton* m_addAxis;
    QSpinBox* m_steps;
    QDoubleSpinBox* m_minutes;
    QSpinBox* m_parallel;
    QLineEdit* m_name;
    QComboBox* m_match;
    QCheckBox* m_evaluate;
    QPlainTextEdit* m_command;
    QLabel* m_status;
    QVector<AxisRow> m_axes;
    QString m_program = QStringLiteral("vdstudio-cli");
    QString m_error;
    bool m_updating = false;
};

} // namespace vd::ui
