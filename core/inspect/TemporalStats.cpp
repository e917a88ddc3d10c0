// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/TemporalStats.h"

#include "data/ClipLoader.h"
#include "inspect/detail/InspectInput.h"
#include "util/Error.h"
#include "util/TorchError.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace vd {

namespace {

/// Temporal statistics of x [C,T,H,W] in double.
TemporalStats statsOf(const torch::Tensor& x)
{
    TemporalStats s;
    s.frames = x.size(1);
    if (s.frames < 2) {
        return s;
    }
    const int64_t t = s.frames;
    const torch::Tensor d1 = x.narrow(1, 1, t - 1) - x.narrow(1, 0, t - 1);
    const torch::Tensor change = d1.abs().mean({0, 2, 3}).contiguous();
    s.frameChange.assign(change.data_ptr<double>(), change.data_ptr<double>() + change.numel());
    s.meanChange = change.mean().item<double>();
    s.maxChange = change.max().item<double>();
    if (t >= 3) {
        const torch::Tensor d2 = d1.narrow(1, 1, t - 2) - d1.narrow(1, 0, t - 2);
        const double e1 = (d1 * d1).mean().item<double>();
        const double e2 = (d2 * d2).mean().item<double>();
        // d2 is d1 through the filter 1 - z^-1, |H|^2 = 4 sin^2(pi f): the ratio is the
        // power-weighted mean of sin^2(pi f) of d1 (up to the one-sample edge effect).
        s.flickerIndex = e1 > 0.0 ? e2 / (4.0 * e1) : 0.0;
    }
    return s;
}

void addTo(StatRange& r, double v, int64_t n)
{
    if (n == 0) {
        r.min = r.max = v;
    } else {
        r.min = std::min(r.min, v);
        r.max = std::max(r.max, v);
    }
    r.mean += v; // divided by the count at the end
}

void addBatch(TemporalReference& ref, const torch::Tensor& clips, const char* what)
{
    const torch::Tensor x = detail::clipBatch(clips, what);
    for (int64_t b = 0; b < x.size(0); ++b) {
        const TemporalStats s = statsOf(x[b]);
        addTo(ref.meanChange, s.meanChange, ref.clips);
        addTo(ref.maxChange, s.maxChange, ref.clips);
        addTo(ref.flickerIndex, s.flickerIndex, ref.clips);
        ++ref.clips;
    }
}

void finish(TemporalReference& ref)
{
    if (ref.clips == 0) {
        throw Error(ErrorKind::Usage, "temporalReference: no clips given");
    }
    const double n = static_cast<double>(ref.clips);
    ref.meanChange.mean /= n;
    ref.maxChange.mean /= n;
    ref.flickerIndex.mean /= n;
}

} // namespace

TemporalStats computeTemporalStats(const torch::Tensor& clip)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = detail::clipBatch(clip, "computeTemporalStats");
    if (x.size(0) != 1) {
        throw Error(ErrorKind::Usage,
                    "computeTemporalStats: expected one clip [C,T,H,W] or [1,C,T,H,W], got " +
                        detail::shapeString(clip),
                    ErrorCode::ShapeMismatch);
    }
    return statsOf(x[0]);
}

TemporalStats computeTemporalStats(const FrameStack& clip)
{
    // The studio calls this overload directly: torch's errors reach it as one line.
    return translateTorchErrors("temporal statistics", [&clip] {
        torch::NoGradGuard noGrad;
        // framesToTensor gives [-1,1]; halved, changes are in [0,1] units.
        return statsOf((framesToTensor(clip).to(torch::kFloat64) + 1.0) * 0.5);
    });
}

TemporalReference temporalReference(const std::vector<torch::Tensor>& clips)
{
    torch::NoGradGuard noGrad;
    TemporalReference ref;
    for (const torch::Tensor& c : clips) {
        addBatch(ref, c, "temporalReference");
    }
    finish(ref);
    return ref;
}

TemporalReference temporalReference(const torch::Tensor& clips)
{
    torch::NoGradGuard noGrad;
    TemporalReference ref;
    addBatch(ref, clips, "temporalReference");
    finish(ref);
    return ref;
}

void to_json(nlohmann::json& j, const TemporalStats& s)
{
    j = nlohmann::json{{"frames", s.frames},
                       {"frame_change", s.frameChange},
                       {"mean_change", s.meanChange},
                       {"max_change", s.maxChange},
                       {"flicker_index", s.flickerIndex}};
}

void to_json(nlohmann::json& j, const StatRange& r)
{
    j = nlohmann::json{{"mean", r.mean}, {"min", r.min}, {"max", r.max}};
}

void to_json(nlohmann::json& j, const TemporalReference& r)
{
    j = nlohmann::json{{"clips", r.clips},
                       {"mean_change", r.meanChange},
                       {"max_change", r.maxChange},
                       {"flicker_index", r.flickerIndex}};
}

} // namespace vd
