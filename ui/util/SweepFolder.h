// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/SweepRequest.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace vd {
struct Project;
}

namespace vd::ui {

/// A preview clip a variant saved (train/PreviewArchive), not decoded.
struct SweepPreviewFile {
    qint64 step = 0;
    QString kind; ///< "reconstruction" or "sample"
    int index = 0;
    int label = -1;
    QString path;
};

/// One variant (row) of a sweep: its folder and its newest previews.
struct SweepVariantInfo {
    QString name;
    QString dir;
    QVector<SweepPreviewFile> previews;
};

/// The "scaling" object of a sweep's results (core's ScalingStudy): the points and the fit.
struct SweepScaling {
    bool present = false;
    QString axis;    ///< "model" or "data"
    QString match;   ///< "steps" or "compute"
    QString xColumn; ///< "parameters" or "train_clips"
    QString yColumn; ///< "heldout_loss" (or "final_loss", see note)
    QString note;
    QStringList variants;
    QVector<double> x;
    QVector<double> y;
    bool hasFit = false;
    double a = 0.0;
    double b = 0.0;
    double bStderr = 0.0;
    double r2 = 0.0;
    int fitPoints = 0;
};

/// What a sweep folder (`<runs>/sweeps/<name>/`) holds now: the results table, one row per
/// variant, as `vdstudio-cli sweep` writes it to results.json, the scaling study, and what the
/// sweep was run with (sweep.json). While a sweep runs (results.json missing or older than
/// the variants' metrics.jsonl and sweep.json) the table is built now from the variants'
/// files by core (SweepResults::collect, ScalingStudy::analyse), the same figures the CLI
/// writes when it ends; `live` says so.
struct SweepSnapshot {
    QString dir;
    QString name;
    QString stage; ///< "vae" or "diffusion"
    QStringList columns;
    /// Cells by column: a double for a number, a QString for text, invalid for null.
    QVector<QVector<QVariant>> rows;
    QVector<SweepVariantInfo> variants; ///< one per row, in the same order
    SweepScaling scaling;
    bool live = false;
    int finished = 0; ///< variants sweep.json marks finished
    /// From sweep.json: the axes (keys and values as written) and the budget per variant.
    QVector<SweepRequest::Axis> axes;
    qint64 steps = 0;
    double minutes = 0.0;
    QString match;
    QString error; ///< why nothing could be read (engine text)

    /// The row of `variant`, -1 when none.
    int rowOf(const QString& variant) const;
};

/// One sweep folder of a project, for a list.
struct SweepListEntry {
    QString name;
    QString dir;
    QString stage;
    int finished = 0;
    int total = 0;
    bool hasResults = false;
};

/// Reads sweep folders. Threads: any (the studio calls it off the UI thread); no torch work.
class SweepFolder {
public:
    /// `<project dir>/<runs_dir>/sweeps`.
    static QString sweepsDir(const Project& project);
    /// The sweeps under `sweepsDir` (folders with a sweep.json or results.json), by name.
    static QVector<SweepListEntry> list(const QString& sweepsDir);
    /// Reads the sweep in `dir`; `project` (the sweep's project) lets core rebuild the table
    /// of a running sweep.
    static SweepSnapshot read(const QString& dir, const Project& project);
};

} // namespace vd::ui
