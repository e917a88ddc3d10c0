// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// While alive, the models' convolutions on this thread run in float32 even under CPU bf16
/// autocast; matrix products and attention stay in bf16. This is train.precision "mixed": on
/// CPUs whose oneDNN bf16 convolutions are slower than its float32 ones at these small widths
/// (an AVX512-BF16 Xeon: demo denoiser step 184 -> 153 ms at 2 threads, bench/RESULTS.md,
/// "Mixed precision"), it also spares the casts around every group norm, which autocast runs in
/// float32 anyway. Thread-local, like autocast itself; nests (restores the previous state).
class Float32Convolutions {
public:
    explicit Float32Convolutions(bool enable);
    ~Float32Convolutions();
    Float32Convolutions(const Float32Convolutions&) = delete;
    Float32Convolutions& operator=(const Float32Convolutions&) = delete;

    /// Whether a scope that enabled it is alive on this thread.
    static bool active();

private:
    bool m_previous;
};

/// The type a convolution of x computes in under this thread's settings, which is the type a
/// layer before it may hand over without a cast: bf16 under CPU bf16 autocast (unless
/// Float32Convolutions is active), else x's own type, float32 for bf16.
c10::ScalarType convInputType(const torch::Tensor& x);

/// conv(x): in float32 with CPU autocast off for the call when Float32Convolutions is active
/// and CPU autocast is on; else exactly conv(x).
torch::Tensor runConv(torch::nn::Conv2d& conv, const torch::Tensor& x);

} // namespace vd
