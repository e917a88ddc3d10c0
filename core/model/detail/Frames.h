// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd::detail {

/// [B,C,T,H,W] -> [B*T,C,H,W] (frame index t of clip b lands at row b*T + t).
torch::Tensor foldFrames(const torch::Tensor& x);

/// Inverse of foldFrames: [B*T,C,H,W] -> [B,C,T,H,W].
torch::Tensor unfoldFrames(const torch::Tensor& x, int64_t batch);

/// Orthonormal DCT-II basis over T frames, [T,T]: row k is temporal frequency k, row 0 the
/// mean (a still clip has all of its energy there). Orthonormal, so iid noise stays iid.
torch::Tensor dctBasis(int64_t frames, const torch::TensorOptions& options);

/// Applies `basis` [K,T] along dim 2 of x [B,C,T,H,W]: y[:,:,k] = sum_t basis[k][t] x[:,:,t].
torch::Tensor alongFrames(const torch::Tensor& x, const torch::Tensor& basis);

/// Throws vd::Error(Usage) unless `x` has `dims` dimensions; `what` names the caller.
void checkDims(const torch::Tensor& x, int64_t dims, const char* what);

} // namespace vd::detail
