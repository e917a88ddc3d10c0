// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace vd {

/// A seeded CPU generator (at::make_generator<at::CPUGeneratorImpl>, same API in LibTorch 1.13
/// and 2.x). All diffusion randomness is drawn on the CPU from one of these and then moved to the
/// device, so a seed gives the same samples on CPU and CUDA. Not thread-safe: one per thread.
at::Generator makeGenerator(uint64_t seed);

/// Standard normal noise of `shape`, drawn on the CPU from `generator`, returned with `options`
/// (device and dtype).
torch::Tensor randnFrom(at::IntArrayRef shape, at::Generator& generator,
                        const torch::TensorOptions& options);

/// Uniform [0,1) floats, drawn like randnFrom.
torch::Tensor randFrom(at::IntArrayRef shape, at::Generator& generator,
                       const torch::TensorOptions& options);

} // namespace vd
