// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/TrainingController.h"

#include <QString>
#include <QVector>

#include <string>
#include <vector>

namespace vd::ui {

/// The preview clips a training run saved (train/PreviewArchive in `<run>/samples`), as the
/// Training panel shows them when it opens a run of an earlier session: the newest of each
/// kind, decoded to QImages, with class names from the run's newest checkpoint.
///
/// Threads: any thread (reads files only; the panel calls it on a LatestOnlyRunner worker).
/// Nothing throws: an unreadable preview or checkpoint is logged ("ui" logger) and left out.
class SavedPreviews {
public:
    /// The latest saved previews of the run in `runDir`, marked as stage `stage`.
    static QVector<TrainingPreview> load(const QString& runDir, Stage stage);
    /// The class names in the config of the newest checkpoint in `checkpointsDir` (a diffusion
    /// run's "labels"); empty when there are none.
    static std::vector<std::string> classNames(const QString& checkpointsDir);
};

} // namespace vd::ui
