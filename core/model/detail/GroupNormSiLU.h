// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd::detail {

/// silu(group_norm(x) * (1 + scale) + shift), the step before nearly every convolution of the
/// denoiser and the VAE. x is [N, C, ...] with C a multiple of `groups`; weight and bias [C];
/// scale and shift [N, C] or undefined (no modulation). The result has type `outType`.
///
/// On the CPU this is one autograd node with its own loops (two passes forward, two backward,
/// detail/GroupNormSiLURows), for float32 or bf16 input and output. Under bf16 autocast the
/// composition casts the activation four times (group norm runs in float32, the next convolution
/// in bf16) and makes five elementwise passes besides the norm: fused, forward and backward of a
/// [32, 32, 16, 16] activation take 0.53 ms instead of 2.0, the demo denoiser's training step
/// 200 -> 177 ms and the demo VAE's 117 -> 86 ms (bench/RESULTS.md, "A fused group norm and
/// SiLU"). Other devices and types use the composition.
torch::Tensor groupNormSiLU(const torch::Tensor& x, int64_t groups, const torch::Tensor& weight,
                            const torch::Tensor& bias, const torch::Tensor& scale,
                            const torch::Tensor& shift, double eps, c10::ScalarType outType);

/// silu(h * (1 + scale) + shift), scale and shift [N, C] broadcast over h's positions, or undefined
/// (silu(h)): the composition's last step, for norms the fused node does not cover.
torch::Tensor modulatedSiLU(const torch::Tensor& h, const torch::Tensor& scale,
                            const torch::Tensor& shift);

/// The same as a composition of torch's own ops (the reference for the fused node).
torch::Tensor groupNormSiLUReference(const torch::Tensor& x, int64_t groups,
                                     const torch::Tensor& weight, const torch::Tensor& bias,
                                     const torch::Tensor& scale, const torch::Tensor& shift,
                                     double eps, c10::ScalarType outType);

} // namespace vd::detail
