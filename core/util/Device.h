// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <string>

namespace vd {

/// Resolves "auto" (CUDA when available), "cpu", "cuda", "cuda:N". "auto" and "cuda" take
/// device 0, or in a data-parallel run (WORLD_SIZE > 1) device LOCAL_RANK modulo the number of
/// devices, one GPU per rank. Throws vd::Error(Config) naming `key` for an unknown name or CUDA
/// on a machine without it.
torch::Device resolveDevice(const std::string& name, const std::string& key = "device");

} // namespace vd
