// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

// Declared, not included: this header stays torch-free so the UI can use the value types and
// the FrameStack overload (torch::Tensor is at::Tensor).
namespace at {
class Tensor;
}

namespace vd {

/// Temporal consistency of one clip (real, reconstructed or generated). Plain value type.
/// Units are those of the input (for [-1,1] video a full black-to-white change is 2).
struct TemporalStats {
    int64_t frames = 0;
    /// T-1 entries: entry t is mean |x[t+1] - x[t]| over channels and pixels.
    std::vector<double> frameChange;
    double meanChange = 0; ///< mean of frameChange (0 for a single frame)
    double maxChange = 0;
    /// Temporal high-frequency energy: mean(d2^2) / (4 mean(d1^2)) over all pixels, with d1 the
    /// first and d2 the second temporal difference. Equivalently the power-weighted mean of
    /// sin^2(pi f) over the temporal spectrum of the frame differences (f in cycles per frame),
    /// so it lies in [0, ~1]: 0 for a static clip or change at a constant rate (a linear ramp),
    /// about 0.75 for frames of independent noise, 1 for frames alternating every frame.
    /// 0 when the clip has fewer than 3 frames or no change at all.
    double flickerIndex = 0;
};

/// The figures of a set of real clips, to compare a clip against.
struct StatRange {
    double mean = 0;
    double min = 0;
    double max = 0;
};

struct TemporalReference {
    int64_t clips = 0;
    StatRange meanChange;
    StatRange maxChange;
    StatRange flickerIndex;
};

/// Temporal statistics of a clip [C,T,H,W] or [1,C,T,H,W] (any device and dtype). Throws
/// vd::Error(Usage, ShapeMismatch) for another shape or a batch of several clips,
/// vd::Error(InputData, NonFinite) for NaN/inf.
TemporalStats computeTemporalStats(const at::Tensor& clip);

/// Temporal statistics of a uint8 clip in [0,1] units (pixel values / 255), so a full
/// black-to-white change is 1. Throws vd::Error(Usage, InvalidValue) when the data is smaller
/// than the stack's size, vd::Error(Runtime) "temporal statistics: ..." for a torch failure
/// (e.g. out of memory). Any thread.
TemporalStats computeTemporalStats(const FrameStack& clip);

/// Mean, min and max of computeTemporalStats over clips, each [C,T,H,W] or [B,C,T,H,W] (every
/// clip of a batch counts). Throws vd::Error(Usage) for an empty set, and what
/// computeTemporalStats throws.
TemporalReference temporalReference(const std::vector<at::Tensor>& clips);
/// The same for one batch [B,C,T,H,W] (or a single clip [C,T,H,W]).
TemporalReference temporalReference(const at::Tensor& clips);

void to_json(nlohmann::json& j, const TemporalStats& s);
void to_json(nlohmann::json& j, const StatRange& r);
void to_json(nlohmann::json& j, const TemporalReference& r);

} // namespace vd
