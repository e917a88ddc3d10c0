// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd::detail {

/// [B,C,T,H,W] -> [B*T,C,H,W] (frame index t of clip b lands at row b*T + t).
torch::Tensor foldFrames(const torch::Tensor& x);

/// Inverse of foldFrames: [B*T,C,H,W] -> [B,C,T,H,W].
torch::Tensor unfoldFrames(const torch::Tensor& x, int64_t batch);

/// Throws vd::Error(Usage) unless `x` has `dims` dimensions; `what` names the caller.
void checkDims(const torch::Tensor& x, int64_t dims, const char* what);

} // namespace vd::detail
