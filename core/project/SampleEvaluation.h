// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/SamplingConfig.h"
#include "judge/JudgeReport.h"
#include "project/Project.h"

#include <cstdint>
#include <functional>
#include <string>

namespace vd {

/// How to generate the clips the judge scores.
struct SampleEvaluationOptions {
    SamplingConfig sampling; ///< sampler, steps, guidance, seed (the project's by default)
    int perClass = 16;       ///< clips per class (or unconditional clips)
    std::string device = "auto";
    std::string deviceKey = "device"; ///< names the option in a bad-device error
    int judgeSteps = 0; ///< > 0 overrides diffusion.judge.train_steps for a judge trained now
    /// Progress lines (the judge loading or training, what is generated); may be empty.
    std::function<void(const std::string&)> log;
};

/// What `evaluateSamples` measured.
struct SampleEvaluation {
    JudgeReport report;
    std::string denoiserCheckpoint; ///< the step-N folder of the denoiser
    int64_t denoiserStep = 0;
    std::string sampler; ///< the sampler that ran ("auto" resolved)
    /// The autoguidance guide sampled with ("" and -1 when sampling.autoguidance is 0).
    std::string guideCheckpoint;
    int64_t guideStep = -1;
};

/// Generates `perClass` clips of every class (the noise of class i from sampling.seed +
/// i * 1000003, as `sample` draws it) with the newest denoiser of
/// `project.runDir(Stage::Diffusion)` and the project's VAE, and judges them with the project's
/// sample judge (loaded from `<runs_dir>/judge` or trained first): what `vdstudio-cli
/// eval-samples` reports and a sweep's diffusion variants are compared by. Runs on the calling
/// thread. Throws what SampleGenerator and ClipJudge throw (vd::Error only): InputData for no
/// trained denoiser (before the judge trains), Config for bad sampling settings or device.
SampleEvaluation evaluateSamples(const Project& project, const SampleEvaluationOptions& options);

} // namespace vd
