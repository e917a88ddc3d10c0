// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ClipSampler.h"
#include "data/DatasetIndex.h"
#include "judge/JudgeReport.h"

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace vd {

/// What SampleJudge::prepare trains on and where it keeps its cache.
struct JudgeSetup {
    DatasetIndex train;   ///< clips it learns from; also the real reference of the figures
    DatasetIndex heldOut; ///< clips it is scored on (when empty, 10% of `train` by path hash)
    /// How clips are cut: frames and size of the generated clips (start and flip are the
    /// judge's own).
    SampleSpec spec;
    std::string cacheDir; ///< holds model.safetensors and reference.safetensors
    int steps = 1200;     ///< training steps of the classifier
    int batchSize = 32;
    int windowsPerClip = 4; ///< random windows per training clip (and fixed ones per held-out clip)
    int maxWindows = 3000;  ///< cap on training windows kept in memory (64x64 uint8 each)
    uint64_t seed = 7;
    int workers = 1; ///< decode threads
    torch::Device device = torch::kCPU;
    /// Progress lines ("judge: decoding 285 clips"); called on the calling thread.
    std::function<void(const std::string&)> log;
};

/// The built-in sample-quality judge: a small clip classifier (ClipClassifier) trained on the
/// dataset's real clips, and the figures it gives for generated clips (class accuracy,
/// recognisable accuracy, k-NN precision and recall and Fréchet distance in its feature space,
/// temporal statistics and diversity against real clips). For unlabelled data it learns
/// rotation prediction instead and leaves class and recognisable accuracy out.
/// See docs/judge.md for what each figure means.
///
/// The trained network and the real reference features are cached in `cacheDir`, keyed by a
/// fingerprint of the clips (paths, sizes, mtimes, labels), the split and the settings; a
/// change of any retrains it.
///
/// Thread rules: one thread at a time (it runs torch ops; never the UI thread).
class SampleJudge {
public:
    /// Loads the cached judge when its fingerprint matches, else decodes the clips, trains and
    /// writes the cache. Throws vd::Error(InputData) when no clip can be decoded or the dataset
    /// has fewer than 4 clips, vd::Error(Runtime) when the cache cannot be written.
    static SampleJudge prepare(const JudgeSetup& setup);

    SampleJudge(SampleJudge&&) noexcept;
    SampleJudge& operator=(SampleJudge&&) noexcept;
    ~SampleJudge();

    const JudgeInfo& info() const;
    bool labelled() const;

    /// Judges generated clips: `videos` float [N,3,T,H,W] in [-1,1] (any device), `labels`
    /// int64 [N] with the class each clip was asked for (-1 or undefined: unconditional).
    /// Throws vd::Error(Usage) for other shapes or fewer than 2 clips.
    JudgeReport evaluate(const torch::Tensor& videos, const torch::Tensor& labels) const;

    /// Predicted class of each clip [N] (rotation class for an unlabelled judge).
    torch::Tensor predict(const torch::Tensor& videos) const;

private:
    struct Impl;
    explicit SampleJudge(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
