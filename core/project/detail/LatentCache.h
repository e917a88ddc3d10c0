// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ClipSampler.h"
#include "data/DatasetIndex.h"
#include "model/VAE.h"

#include <torch/torch.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vd {

/// The dataset encoded once by a frozen VAE, so diffusion trains without decoding video or
/// running the encoder: per clip the posterior mean and log-variance of `frames` frames
/// (unnormalized latents; LatentNorm is applied when batches are drawn).
///
/// The cache is keyed by a fingerprint of the encoder's weights, the clip list (path, size,
/// mtime) and the sampling spec; a cache whose fingerprint differs is stale and is rebuilt.
/// Stored as one safetensors file: "mean", "logvar" F32 [N,C,T,h,w], "labels" I64 [N], with
/// metadata "fingerprint" and "clips" (JSON list of paths).
struct LatentCache {
    torch::Tensor mean;   ///< float [N,C,T,h,w]
    torch::Tensor logvar; ///< float [N,C,T,h,w]
    torch::Tensor labels; ///< int64 [N], -1 for unlabelled clips
    std::vector<std::string> clips;
    std::string fingerprint;

    int64_t size() const { return mean.defined() ? mean.size(0) : 0; }

    /// Fingerprint of (encoder weights, clips, spec) as a hex string.
    static std::string fingerprintOf(VAE& vae, const DatasetIndex& index, const SampleSpec& spec);
    /// Encodes every clip of `index` (the first spec.frames frames at the spec's stride, no
    /// random start or flip) on `device`. Clips that fail to decode are skipped and logged.
    /// `progress(done, total)` is called after each batch. Throws vd::Error(InputData) when no
    /// clip decodes.
    static LatentCache build(VAE& vae, const DatasetIndex& index, const SampleSpec& spec,
                             const torch::Device& device, int workers,
                             const std::function<void(int, int)>& progress = {});
    /// Writes the cache atomically.
    void save(const std::string& path) const;
    /// The cache at `path` when it exists and its fingerprint is `expectedFingerprint`;
    /// nullopt (with a log line saying why) when it is missing, stale or unreadable.
    static std::optional<LatentCache> load(const std::string& path,
                                           const std::string& expectedFingerprint);
};

} // namespace vd
