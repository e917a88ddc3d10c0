// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace vd::ui {

/// The clips of a dataset folder as the Inspector lists them: every readable clip in scan
/// order, with its path relative to the dataset and whether the project's split holds it out.
///
/// Threads: scan() on any thread (the Inspector runs it on a LatestOnlyRunner worker); it scans
/// with one thread and does not throw.
struct DatasetClipList {
    QStringList paths;         ///< absolute
    QStringList relativePaths; ///< relative to the dataset root
    QVector<bool> heldOut;     ///< per clip: in the held-out split
    QString error;             ///< why the scan failed; empty on success

    /// Scans `root` and splits it with the held-out share `heldOutShare` (DatasetSplit).
    static DatasetClipList scan(const QString& root, double heldOutShare);
};

} // namespace vd::ui
