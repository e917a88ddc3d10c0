// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiment/SweepPlan.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace vd {

/// What a sweep's variants were run with (recorded so a second run can tell it continues the
/// same sweep).
struct SweepRunSettings {
    int64_t steps = 0;    ///< --steps (0: the project's)
    double minutes = 0.0; ///< --minutes (0: the project's)
    /// --match of a scaling study: "steps" (every variant the same steps) or "compute" (steps
    /// scaled so that steps x FLOPs per step is the same for every variant)
    std::string match = "steps";
};

/// `runs/sweeps/<name>/sweep.json`: the sweep's stage, axes and run settings, and per variant
/// whether it has finished (trained and measured). Written atomically after each change, so a
/// sweep that is killed leaves a manifest that says which variants are done.
///
/// Format: {"format": "vdstudio-sweep", "version": 1, "name", "stage", "steps", "minutes",
/// "match",
/// "axes": [{"key", "values": [texts]}], "variants": [{"name", "settings": {key: value},
/// "status": "pending" | "finished", "sessions", "finished_at"}]}.
///
/// Threads: a plain value type; one process (the sweep's) writes the file.
class SweepManifest {
public:
    static constexpr const char* kFile = "sweep.json";
    static constexpr const char* kFormat = "vdstudio-sweep";

    /// The manifest of `plan` in plan.dir(): the file's when there is one (its statuses kept),
    /// else a new one with every variant pending (not yet written). Throws vd::Error(Usage) when
    /// the file holds another sweep (other stage, axes or run settings: "run it with the same
    /// arguments or another --name"), vd::Error(InputData) for an unreadable or damaged file.
    static SweepManifest openFor(const SweepPlan& plan, const SweepRunSettings& settings);

    bool finished(const std::string& variant) const;
    /// Counts one more session (a start or a resume) of `variant`.
    void markStarted(const std::string& variant);
    void markFinished(const std::string& variant);
    /// Writes the file atomically; throws vd::Error(Runtime, WriteFailed) naming it.
    void save() const;

    const nlohmann::json& json() const { return m_json; }
    std::string path() const;

private:
    nlohmann::json& variant(const std::string& name);

    std::string m_dir;
    nlohmann::json m_json;
};

} // namespace vd
