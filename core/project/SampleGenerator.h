// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/SamplingConfig.h"
#include "inspect/TemporalStats.h"
#include "media/VideoInfo.h"
#include "project/Project.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vd {

/// What SampleGenerator::generate makes: `count` clips of one label.
struct SampleRequest {
    SamplingConfig sampling; ///< sampler, steps, guidance, seed (validated by generate)
    int count = 1;
    int label = -1; ///< class index, -1 unconditional (must be -1 for an unconditional model)
    /// After each sampler step: (steps done, total). Called on the generating thread.
    std::function<void(int step, int total)> onProgress;
    /// Checked between sampler steps; when it reads true, generate() stops and returns a result
    /// with `cancelled` set and no clips. May be set from any thread.
    const std::atomic<bool>* cancel = nullptr;
};

/// One generated clip with the figures `vdstudio-cli sample` writes to samples.json.
struct SampleClip {
    FrameStack frames; ///< uint8 [T,H,W,3] at the project's resolution
    int label = -1;
    std::string labelName; ///< the class name, or "sample" when unconditional
    int index = 0;         ///< position within its request
    /// Mean per-frame pixel std and mean |change| between consecutive frames, in [0,1] units,
    /// from the decoded float video before it was rounded to bytes.
    double frameStd = 0;
    double frameChange = 0;
    /// Per-transition change and flicker index of the same float video, in [0,1] units.
    TemporalStats temporal;
};

struct SampleResult {
    std::vector<SampleClip> clips;
    std::string sampler; ///< the sampler that ran ("auto" resolved)
    bool cancelled = false;
};

/// Loads a project's newest trained denoiser and VAE once and generates clips with them: the one
/// engine behind `vdstudio-cli sample` and the studio's "sample now".
///
/// Thread rules: all of it (constructor and destructor included) runs torch ops and must stay on
/// one worker thread, never the UI thread; only SampleRequest::cancel is touched by others.
/// Errors: vd::Error (InputData "…: no diffusion checkpoint; run train-diffusion first" and the
/// like from loading, Config for a bad device or sampling setting, Runtime from torch: one line
/// without torch's backtrace, "sampling: torch: ..." (util/TorchError.h)).
class SampleGenerator {
public:
    /// Loads the newest checkpoints of `project`'s runs on `device` ("auto", "cpu", "cuda[:N]";
    /// a bad name throws vd::Error(Config) naming `deviceKey`).
    SampleGenerator(const Project& project, const std::string& device,
                    const std::string& deviceKey = "device");
    ~SampleGenerator();
    SampleGenerator(const SampleGenerator&) = delete;
    SampleGenerator& operator=(const SampleGenerator&) = delete;

    /// Class names by label index (empty: an unconditional model).
    const std::vector<std::string>& labels() const;
    /// The request labels that cover the model once: every class index, or {-1} when it is
    /// unconditional.
    std::vector<int> everyLabel() const;
    /// Clip length and frame size of generated clips.
    int frames() const;
    int width() const;
    int height() const;
    /// "eps", "v" or "flow".
    std::string objectiveName() const;
    /// The sampler names that fit the model's objective, "auto" first.
    std::vector<std::string> samplerNames() const;
    /// The sampler `sampling` selects for this model ("auto" resolved). Throws vd::Error(Config)
    /// when it does not fit the objective.
    std::string samplerName(const SamplingConfig& sampling) const;
    /// The checkpoint folders loaded, their training steps, and the device in use ("cpu", "cuda:0").
    const std::string& denoiserCheckpoint() const;
    int64_t denoiserStep() const;
    const std::string& vaeCheckpoint() const;
    int64_t vaeStep() const;
    /// The autoguidance guide the run kept (diffusion.guide_at), "" and -1 when it kept none.
    const std::string& guideCheckpoint() const;
    int64_t guideStep() const;
    std::string deviceName() const;

    /// True while the loaded checkpoints are still the newest of `project`'s runs (false after
    /// more training wrote a newer one, or for another project). Reads the run folders only.
    bool isCurrent(const Project& project) const;

    /// Samples and decodes `request.count` clips. Throws vd::Error(Usage) for a label out of
    /// range, vd::Error(Config) for bad sampling settings, vd::Error(InputData, FileNotFound)
    /// naming sampling.autoguidance when it is on and the run kept no guide.
    SampleResult generate(const SampleRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
