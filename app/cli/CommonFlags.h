// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliArgs.h"

#include "diffusion/SamplingConfig.h"

namespace vd::cli {

/// Configures torch and BLAS threads: the defaults, with `--threads N` as torch's intra-op count.
void applyThreadsFlag(const CliArgs& args);

/// `base` with `--steps`, `--sampler`, `--cfg` and `--seed` applied, validated (a bad value
/// throws vd::Error(Config) naming the key).
SamplingConfig samplingFromFlags(const CliArgs& args, SamplingConfig base);

} // namespace vd::cli
