// SPDX-License-Identifier: GPL-3.0-or-later
// The loops of detail::groupNormSiLU, each along one channel's s contiguous positions, for
// float32 and bf16 data (all arithmetic in float32). Written with GCC/Clang vector types so that
// they vectorise without -ffast-math, and compiled for AVX-512, AVX2 and the baseline x86-64 (the
// loader picks one for the CPU it runs on, so packages stay portable).
#pragma once

#include <c10/util/BFloat16.h>

#include <cstdint>

namespace vd::detail::rows {

using BF16 = c10::BFloat16;

/// sum and sumSq of x[0, s) - shift (a shift near the mean keeps E[x^2] - E[x]^2 accurate for
/// activations far from zero).
void sums(const float* x, int64_t s, float shift, float& sum, float& sumSq);
void sums(const BF16* x, int64_t s, float shift, float& sum, float& sumSq);

/// out = silu(a x + b).
void forward(const float* x, float* out, int64_t s, float a, float b);
void forward(const float* x, BF16* out, int64_t s, float a, float b);
void forward(const BF16* x, float* out, int64_t s, float a, float b);
void forward(const BF16* x, BF16* out, int64_t s, float a, float b);

/// dy = g * silu'(a x + b); sumDy = sum dy, sumDyX = sum dy * (x - m) (m the group's mean: the
/// sum of dy * x less m * sumDy would cancel for activations far from zero).
void backward(const float* x, const float* g, float* dy, int64_t s, float a, float b, float m,
              float& sumDy, float& sumDyX);
void backward(const float* x, const BF16* g, float* dy, int64_t s, float a, float b, float m,
              float& sumDy, float& sumDyX);
void backward(const BF16* x, const float* g, float* dy, int64_t s, float a, float b, float m,
              float& sumDy, float& sumDyX);
void backward(const BF16* x, const BF16* g, float* dy, int64_t s, float a, float b, float m,
              float& sumDy, float& sumDyX);

/// dx = k dy - c1 - c2 (x - m).
void inputGrad(const float* x, const float* dy, float* dx, int64_t s, float k, float c1, float c2,
               float m);
void inputGrad(const BF16* x, const float* dy, BF16* dx, int64_t s, float k, float c1, float c2,
               float m);

} // namespace vd::detail::rows
