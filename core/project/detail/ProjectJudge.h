// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DiffusionConfig.h"
#include "diffusion/SamplingConfig.h"
#include "judge/SampleJudge.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "project/DatasetSplit.h"
#include "project/Project.h"

#include <string>

namespace vd {

/// The judge of a project: trained on its training split, scored on its held-out split
/// (dataset.held_out), judging clips of dataset.frames at the dataset's size, trained for
/// diffusion.judge.train_steps, cached in `<runs_dir>/judge`. Scans the dataset (with its
/// index file); throws what DatasetIndex::scan throws.
JudgeSetup judgeSetupFor(const Project& project, const torch::Device& device);
/// The same for a split the caller already has (StageRun scanned it for training).
JudgeSetup judgeSetupFor(const Project& project, const DatasetSplit& split,
                         const torch::Device& device);

/// Where the judge's cache lives: `<baseDir>/<runs_dir>/judge`.
std::string judgeDir(const Project& project);

/// Generates `perClass` clips per class (or `perClass` unconditional clips) with `denoiser`
/// and `vae` (eval mode, on `device`) using `sampling`, and judges them. The noise of every
/// class comes from sampling.seed; `guide` (may be null) is autoguidance's guide, used when
/// sampling.autoguidance > 0. Used by the trainer's live figures; the CLI goes through
/// SampleGenerator instead. A torch error becomes vd::Error(Runtime) "judging samples: torch:
/// ..." (one line; util/TorchError.h).
JudgeReport judgeDenoiser(const SampleJudge& judge, Denoiser& denoiser,
                          const DiffusionConfig& objective, VAE& vae, int numClasses,
                          const Project& project, const SamplingConfig& sampling, int perClass,
                          const torch::Device& device, Denoiser* guide = nullptr);

} // namespace vd
