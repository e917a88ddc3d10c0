// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/ClipInspector.h"
#include "project/Project.h"

#include <QString>

#include <memory>
#include <optional>

namespace vd::ui {

/// One inspection of a clip with a VAE checkpoint and, optionally, a second one to compare: what
/// the Inspector panel hands to its LatestOnlyRunner (copies only), and what comes back. The VAEs
/// a job loads stay in a Cache shared from job to job, so that the next request for the same
/// checkpoints (normalization toggled, another clip) does not load them again.
///
/// Threads: fill the job on the UI thread; run() on a worker. A job holds its cache's lock while
/// it runs, so no two jobs ever use one ClipInspector at a time.
struct ClipInspectionJob {
    /// The VAEs the last job loaded (defined in the .cpp).
    struct Cache;
    struct Result {
        std::optional<vd::ClipInspection> a;
        std::optional<vd::ClipInspection> b;
        QString error; ///< why it failed (naming the file); empty on success
    };

    vd::Project project;
    QString checkpointA;
    QString checkpointB; ///< empty: no comparison
    QString device;      ///< the effective device preference ("auto", "cpu", "cuda:0", ...)
    vd::ClipRequest clip;
    std::shared_ptr<Cache> inspectors;

    /// An empty cache: for a new project, or when its settings changed.
    static std::shared_ptr<Cache> makeCache();
    /// Inspects the clip with checkpoint A (and B). Catches the core's errors into
    /// Result::error, leaving both results empty.
    Result run() const;
};

} // namespace vd::ui
