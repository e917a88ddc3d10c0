// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/Stage.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace vd {
struct Project;
}

namespace vd::ui {

/// What the Experiments panel asks `vdstudio-cli sweep` to run (docs/experiments.md): the
/// stage, the axes, the budget per variant and how the variants run. A plain value type; it
/// builds the command's arguments and checks them with core's own sweep rules (SweepPlan), so
/// a bad value is reported before anything starts, in the words the CLI would use.
///
/// Threads: any; no torch work.
struct SweepRequest {
    Q_DECLARE_TR_FUNCTIONS(vd::ui::SweepRequest)

public:
    /// One axis: a dotted project key and its values ("vae.loss.kl_weight", "1e-6, 1e-4"), or
    /// a scaling axis, whose key is kScaleModel or kScaleData and whose values are factors.
    struct Axis {
        QString key;
        QString values;
    };
    static constexpr const char* kScaleModel = "scale.model";
    static constexpr const char* kScaleData = "scale.data";

    QString projectPath; ///< the saved project file the CLI reads
    Stage stage = Stage::VAE;
    QVector<Axis> axes;
    qint64 steps = 0;                        ///< > 0: --steps, per variant
    double minutes = 0.0;                    ///< > 0: --minutes, per variant
    /// > 0: --parallel (1: one after another); 0: the CLI chooses (one per core on a CPU)
    int parallel = 0;
    QString name;                            ///< "" : the CLI's default name (defaultName())
    QString match = QStringLiteral("steps"); ///< a scaling study's --match: steps or compute
    bool evaluate = true;                    ///< false: --no-eval

    /// Whether one axis is a scaling axis.
    bool isScaling() const;
    /// The arguments after the program: "sweep PROJECT --stage vae --set KEY=V1,V2 ...".
    QStringList arguments() const;
    /// `program` and arguments() as a shell command line (arguments quoted where needed).
    QString commandLine(const QString& program) const;
    /// The sweep's folder name: `name`, or core's default for the stage and axes ("" when the
    /// axes cannot be read).
    QString effectiveName() const;

    /// "" when the sweep can run on `project`, else one line naming what is wrong: a missing
    /// key or value (translated) or core's message for the value (SweepPlan's checks: the
    /// key's stage, the value's type and range, the cross-field rules), as the CLI prints it.
    QString check(const Project& project) const;

    /// "1e-6, 1e-4 ,[4, 8]" -> "1e-6,1e-4,[4, 8]": values split at commas outside brackets and
    /// quotes, each trimmed (so folder names carry no spaces).
    static QString normalizedValues(const QString& values);
    /// The values of `normalizedValues` one by one.
    static QStringList splitValues(const QString& values);
};

} // namespace vd::ui
