// SPDX-License-Identifier: GPL-3.0-or-later
// A small demo project with tiny trained models, made at test time through vdstudio-cli, for
// tests that need real checkpoints (inspector, preview, sampling) without training in-process.
#pragma once

#include "ProjectFixture.h"

namespace vdtest {

/// The patch that makes the demo preset tiny: 32x32 frames, 4-frame clips, few steps.
inline JsonPatch tinyProjectPatch()
{
    return {{"/dataset/width", 32},
            {"/dataset/height", 32},
            {"/dataset/frames", 4},
            {"/dataset/held_out", 0.2},
            {"/vae/train/batch_size", 4},
            {"/vae/train/steps", 30},
            {"/vae/train/checkpoint_every", 15},
            {"/vae/train/preview_every", 15},
            {"/vae/train/log_every", 1},
            {"/diffusion/train/steps", 10},
            {"/diffusion/train/checkpoint_every", 5},
            {"/diffusion/train/preview_every", 5},
            {"/diffusion/train/log_every", 1},
            {"/sampling/steps", 4},
            {"/diffusion/judge/train_steps", 30}};
}

/// Writes a tiny demo project into `dir` (see makeDemoProject; `clips` clips of 32x32x8) and
/// trains its VAE (30 steps) and, when `withDiffusion`, its denoiser (10 steps) with the CLI;
/// `extra` is applied after the tiny patch.
/// Returns the project path, or "" with a warning naming the step that failed.
inline QString makeTrainedProject(const QString& dir, bool withDiffusion, int clips = 24,
                                  const JsonPatch& extra = {})
{
    JsonPatch patch = tinyProjectPatch();
    patch.insert(patch.end(), extra.begin(), extra.end());
    const QString project = makeDemoProject(dir, clips, 32, 8, patch);
    if (project.isEmpty()) {
        return {};
    }
    const auto vae = run(cliPath(), {"train-vae", project});
    if (vae.exitCode != 0) {
        qWarning("train-vae failed: %s", vae.err.constData());
        return {};
    }
    if (withDiffusion) {
        const auto diffusion = run(cliPath(), {"train-diffusion", project});
        if (diffusion.exitCode != 0) {
            qWarning("train-diffusion failed: %s", diffusion.err.constData());
            return {};
        }
    }
    return project;
}

} // namespace vdtest
