// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/BlobDetectorConfig.h"
#include "inspect/BlobReport.h"

#include <torch/torch.h>

#include <cstdint>

namespace vd {

/// Finds localized spikes ("blobs") per channel and frame of VAE latents, the artifact where a
/// decoder hides global information in a few extreme latent values (cf. the "droplet" artifact
/// of StyleGAN, Karras et al. 2020 §2). Each value is turned into z = (x - mean_c) / std_c with
/// its channel's mean and std over all clips and frames, sigma-clipped once at the detection
/// threshold so a large spike does not hide itself by inflating std. A blob is a connected
/// region (4/8-connectivity, hysteresis: detail::ConnectedRegions) of same-sign |z| >= regionZ
/// holding a seed with |z| >= zThreshold (see BlobDetectorConfig for the threshold rule), whose
/// area lies in [min_area, max_area_fraction * h * w] and whose peak differs from the mean by at
/// least min_peak. Runs on the CPU (inputs are copied there). Stateless: const methods may be
/// called from any thread.
class BlobDetector {
public:
    /// Throws vd::Error(Config) for an invalid config.
    explicit BlobDetector(BlobDetectorConfig config = {});

    const BlobDetectorConfig& config() const { return m_config; }

    /// The effective detection threshold in |z| for `positions` values examined in one call.
    double detectionThreshold(int64_t positions) const;

    /// Blobs in maps [B,C,T,h,w] or [C,T,h,w] (latents, or any stack of 2D maps per channel and
    /// frame). Throws vd::Error(Usage, ShapeMismatch) for another shape and
    /// vd::Error(InputData, NonFinite) for NaN/inf.
    BlobReport detect(const torch::Tensor& maps) const;

private:
    BlobDetectorConfig m_config;
};

} // namespace vd
