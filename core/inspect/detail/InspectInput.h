// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <string>

namespace vd::detail {

/// "[2, 4, 16, 16, 16]" for messages.
std::string shapeString(const torch::Tensor& t);

/// A detached, contiguous CPU copy of a clip batch [B,C,T,H,W] in `dtype`; a single clip
/// [C,T,H,W] gets a leading batch dimension of 1. Throws vd::Error(Usage, ShapeMismatch)
/// "<what>: expected [B,C,T,H,W] or [C,T,H,W], got [...]" for another rank or no elements, and
/// vd::Error(InputData, NonFinite) when a value is NaN or infinite.
torch::Tensor clipBatch(const torch::Tensor& t, const std::string& what,
                        torch::ScalarType dtype = torch::kFloat64);

/// t with P(Z > t) = tail for a standard normal Z; tail is clamped to [1e-300, 0.5].
/// Bisection on std::erfc, accurate to ~1e-12.
double normalUpperQuantile(double tail);

} // namespace vd::detail
