// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliArgs.h"

#include "diffusion/SamplingConfig.h"

#include <string>

namespace vd::cli {

/// Configures torch and BLAS threads: the defaults, with `--threads N` as torch's intra-op count
/// (N = 0 keeps the default). Every command with `--threads` for torch goes through here.
void applyThreadsFlag(const CliArgs& args);

/// `base` with `--steps`, `--sampler`, `--cfg` and `--seed` applied, validated (a bad value
/// throws vd::Error(Config) naming the key).
SamplingConfig samplingFromFlags(const CliArgs& args, SamplingConfig base);

/// With `--report FILE`, writes `text` (a JSON report) there; throws vd::Error naming the file
/// when it cannot be written. Without the flag, does nothing.
void writeReportFlag(const CliArgs& args, const std::string& text);

} // namespace vd::cli
