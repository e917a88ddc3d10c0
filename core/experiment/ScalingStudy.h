// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiment/PowerLawFit.h"
#include "experiment/SweepPlan.h"
#include "experiment/SweepResults.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vd {

/// How the variants of a scaling study share the training budget.
enum class ScaleMatch {
    Steps,   ///< every variant trains the same number of steps
    Compute, ///< steps x FLOPs per step is the same for every variant
};

/// "steps" or "compute".
const char* scaleMatchName(ScaleMatch match);
/// Reads "steps" / "compute"; throws vd::Error(Usage) naming `text` otherwise.
ScaleMatch parseScaleMatch(const std::string& text);

/// Steps per variant (in the plan's order) for `match`, the reference variant training
/// `referenceSteps`. Steps: all `referenceSteps`. Compute: the reference is the variant whose
/// factor is nearest 1 (in log), and variant i trains max(1, round(referenceSteps x
/// F_ref / F_i)) steps, F the estimated FLOPs per step (measureModelCost); the data axis leaves
/// the FLOPs per step unchanged, so its variants all train `referenceSteps`. Throws what
/// measureModelCost throws.
std::vector<int64_t> matchedSteps(const SweepPlan& plan, ScaleMatch match, int64_t referenceSteps);

/// The analysis of a finished scaling study: the held-out loss of each variant against the
/// scaled quantity (parameters for `model`, training clips for `data`), with a power law
/// loss = a x^(-b) fitted by least squares in log-log space (fitPowerLaw; none below 3 points).
struct ScalingStudy {
    static constexpr const char* kPlotFile = "scaling.png";

    std::string axis;                  ///< "model" or "data"
    std::string match;                 ///< "steps" or "compute"
    std::string xColumn;               ///< "parameters" or "train_clips"
    std::string yColumn;               ///< "heldout_loss" ("final_loss" when a row has none)
    std::vector<std::string> variants; ///< the points' variants
    std::vector<double> x;
    std::vector<double> y;
    std::optional<PowerLawFit> fit;
    std::string note; ///< why there is no fit, or what the y is when it is not held-out

    /// Reads the points from the rows of `results` (rows without both figures are left out).
    static ScalingStudy analyse(const SweepPlan& plan, const SweepResults& results,
                                ScaleMatch match);

    /// {"axis", "match", "x", "y", "points": [{"variant", "x", "y"}], "fit": {"a", "b",
    /// "b_stderr", "log_a_stderr", "r2", "points"} or null, "note", "plot"}.
    nlohmann::ordered_json toJson() const;
    /// One or two lines for a terminal: the fit ("held-out loss = 0.0812 x parameters^-0.214;
    /// b = 0.214 +- 0.031 (standard error), R^2 0.96, 4 points, step-matched"), or why there
    /// is none.
    std::string summary() const;
    /// Writes the log-log plot (points, the fitted line and its equation in the legend) as a
    /// PNG of `width` x `height`; throws what Canvas::savePng throws.
    void writePlot(const std::string& path, const std::string& title, int width = 960,
                   int height = 540) const;
};

} // namespace vd
