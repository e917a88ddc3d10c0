// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/BlobDetector.h"
#include "inspect/BlobDetectorConfig.h"
#include "inspect/ReconstructionErrorSummary.h"

#include <nlohmann/json_fwd.hpp>
#include <torch/torch.h>

#include <vector>

namespace vd {

/// Reconstruction error of one decoded clip, per pixel and frame: the summary (mapShape is the
/// map's shape) plus the map itself, a CPU float32 tensor [T,H,W] (the UI converts it to QImage).
struct ReconstructionErrorReport : ReconstructionErrorSummary {
    torch::Tensor errorMap; ///< [T,H,W] mean over channels of |x - x_hat|
};

/// Per-pixel error |x - x_hat| averaged over the colour channels: original and reconstruction
/// [C,T,H,W] or [1,C,T,H,W] (decoded frames, [-1,1]) of equal shape; returns [T,H,W] float32 on
/// the CPU. Throws vd::Error(Usage, ShapeMismatch) naming both shapes, vd::Error(InputData,
/// NonFinite) for NaN/inf.
torch::Tensor reconstructionErrorMap(const torch::Tensor& original,
                                     const torch::Tensor& reconstruction);

/// Localized high-error regions of an error map [T,H,W]: the map is run through BlobDetector as
/// one channel with polarity "positive" (z against the map's own sigma-clipped mean and std, so
/// the same connected-region code and threshold rule as latent blobs). `config.polarity` is
/// overridden. The reason string speaks of frames and pixels instead of channels.
BlobReport findHighErrorRegions(const torch::Tensor& errorMap,
                                BlobDetectorConfig config = BlobDetectorConfig{});

/// reconstructionErrorMap + per-frame means + findHighErrorRegions.
ReconstructionErrorReport analyzeReconstruction(const torch::Tensor& original,
                                                const torch::Tensor& reconstruction,
                                                const BlobDetectorConfig& config = {});

/// JSON report (snake_case keys): the summary; the map itself is left out, its shape is listed.
void to_json(nlohmann::json& j, const ReconstructionErrorReport& r);

} // namespace vd
