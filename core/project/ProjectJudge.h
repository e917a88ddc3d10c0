// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DiffusionConfig.h"
#include "diffusion/SamplingConfig.h"
#include "judge/SampleJudge.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "project/Project.h"

#include <functional>
#include <string>

namespace vd {

/// The judge of a project: trained on its training split, scored on its held-out split
/// (dataset.held_out), judging clips of dataset.frames at the dataset's size, trained for
/// diffusion.judge.train_steps, cached in `<runs_dir>/judge`. Scans the dataset (with its index file). Throws what DatasetIndex::scan
/// throws.
JudgeSetup judgeSetupFor(const Project& project, const torch::Device& device);

/// judgeSetupFor + SampleJudge::prepare, with progress lines to `log` (may be empty).
SampleJudge openProjectJudge(const Project& project, const torch::Device& device,
                             const std::function<void(const std::string&)>& log = {});

/// Where the judge's cache lives: `<baseDir>/<runs_dir>/judge`.
std::string judgeDir(const Project& project);

/// Generates `perClass` clips per class (or `perClass` unconditional clips) with `denoiser`
/// and `vae` (eval mode, on `device`) using `sampling`, and judges them. The noise of every
/// class comes from sampling.seed. Used by the trainer's live figures; the CLI goes through
/// SampleGenerator instead.
JudgeReport judgeDenoiser(const SampleJudge& judge, Denoiser& denoiser,
                          const DiffusionConfig& objective, VAE& vae, int numClasses,
                          const Project& project, const SamplingConfig& sampling, int perClass,
                          const torch::Device& device);

} // namespace vd
