// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace vd {

/// Which of the two training stages a run belongs to.
enum class Stage { VAE, Diffusion };

/// "vae" or "diffusion": the stage's key in project files, its run folder, metrics.jsonl's
/// "stage" and sweep manifests.
inline const char* stageName(Stage stage)
{
    return stage == Stage::VAE ? "vae" : "diffusion";
}

} // namespace vd
