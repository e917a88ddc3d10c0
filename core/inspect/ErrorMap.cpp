// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/ErrorMap.h"

#include "inspect/detail/InspectInput.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace vd {

namespace {

torch::Tensor singleClip(const torch::Tensor& t, const char* what)
{
    const torch::Tensor x = detail::clipBatch(t, what, torch::kFloat32);
    if (x.size(0) != 1) {
        throw Error(ErrorKind::Usage,
                    std::string(what) + ": expected one clip [C,T,H,W] or [1,C,T,H,W], got " +
                        detail::shapeString(t),
                    ErrorCode::ShapeMismatch);
    }
    return x[0];
}

} // namespace

torch::Tensor reconstructionErrorMap(const torch::Tensor& original,
                                     const torch::Tensor& reconstruction)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = singleClip(original, "reconstructionErrorMap: original");
    const torch::Tensor y = singleClip(reconstruction, "reconstructionErrorMap: reconstruction");
    if (x.sizes() != y.sizes()) {
        throw Error(ErrorKind::Usage,
                    "reconstructionErrorMap: reconstruction " +
                        detail::shapeString(reconstruction) + " does not match original " +
                        detail::shapeString(original),
                    ErrorCode::ShapeMismatch);
    }
    return (x - y).abs().mean(0).contiguous();
}

BlobReport findHighErrorRegions(const torch::Tensor& errorMap, BlobDetectorConfig config)
{
    if (!errorMap.defined() || errorMap.dim() != 3) {
        throw Error(ErrorKind::Usage,
                    "findHighErrorRegions: expected an error map [T,H,W], got " +
                        detail::shapeString(errorMap),
                    ErrorCode::ShapeMismatch);
    }
    config.polarity = "positive";
    BlobReport report = BlobDetector(config).detect(errorMap.unsqueeze(0));
    const ChannelBlobSummary& s = report.channels.front();
    int64_t largest = 0;
    for (const Blob& b : report.blobs) {
        largest = std::max(largest, b.area);
    }
    char buf[256];
    if (s.blobs == 0) {
        std::snprintf(buf, sizeof buf,
                      "No localized high-error region: no region of at most %lld pixels reaches "
                      "z %.2f.",
                      static_cast<long long>(report.maxArea), report.zThreshold);
    } else {
        std::snprintf(buf, sizeof buf,
                      "%lld localized high-error region%s in %lld of %lld frames (peak z %.1f, "
                      "largest %lld pixels).",
                      static_cast<long long>(s.blobs), s.blobs == 1 ? "" : "s",
                      static_cast<long long>(s.framesWithBlobs), static_cast<long long>(s.frames),
                      s.maxPeakAbsZ, static_cast<long long>(largest));
    }
    report.reason = buf;
    return report;
}

ReconstructionErrorReport analyzeReconstruction(const torch::Tensor& original,
                                                const torch::Tensor& reconstruction,
                                                const BlobDetectorConfig& config)
{
    ReconstructionErrorReport r;
    r.errorMap = reconstructionErrorMap(original, reconstruction);
    r.mapShape = r.errorMap.sizes().vec();
    const torch::Tensor perFrame = r.errorMap.to(torch::kFloat64).mean({1, 2}).contiguous();
    r.frameMeanError.assign(perFrame.data_ptr<double>(),
                            perFrame.data_ptr<double>() + perFrame.numel());
    r.meanError = r.errorMap.to(torch::kFloat64).mean().item<double>();
    r.maxError = r.errorMap.max().item<double>();
    r.regions = findHighErrorRegions(r.errorMap, config);
    return r;
}

void to_json(nlohmann::json& j, const ReconstructionErrorSummary& r)
{
    j = nlohmann::json{{"map_shape", r.mapShape},
                       {"frame_mean_error", r.frameMeanError},
                       {"mean_error", r.meanError},
                       {"max_error", r.maxError},
                       {"regions", r.regions}};
}

void to_json(nlohmann::json& j, const ReconstructionErrorReport& r)
{
    ReconstructionErrorSummary summary = r;
    summary.mapShape.clear();
    if (r.errorMap.defined()) {
        summary.mapShape = r.errorMap.sizes().vec();
    }
    to_json(j, summary);
}

} // namespace vd
