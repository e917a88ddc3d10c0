// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/BlobReport.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace vd {

/// The figures of a reconstruction error map [T,H,W] (see ErrorMap.h), without the map: a plain
/// value type without torch, for the UI and reports.
struct ReconstructionErrorSummary {
    std::vector<int64_t> mapShape;      ///< [T,H,W] of the map; empty when there is none
    std::vector<double> frameMeanError; ///< T entries: mean of the map per frame
    double meanError = 0;               ///< mean over the whole map (in input units: [-1,1]
                                        ///< video gives errors in [0, 2])
    double maxError = 0;
    BlobReport regions; ///< localized high-error regions (channel is always 0)
};

/// JSON report (snake_case keys): map_shape, frame_mean_error, mean_error, max_error, regions.
void to_json(nlohmann::json& j, const ReconstructionErrorSummary& r);

} // namespace vd
