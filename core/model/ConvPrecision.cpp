// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/ConvPrecision.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace vd {

namespace {

thread_local bool t_float32Convolutions = false;

bool cpuAutocastEnabled()
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCPU);
#else
    return at::autocast::is_cpu_enabled();
#endif
}

void setCpuAutocast(bool on)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCPU, on);
#else
    at::autocast::set_cpu_enabled(on);
#endif
}

} // namespace

Float32Convolutions::Float32Convolutions(bool enable) : m_previous(t_float32Convolutions)
{
    t_float32Convolutions = enable;
}

Float32Convolutions::~Float32Convolutions()
{
    t_float32Convolutions = m_previous;
}

bool Float32Convolutions::active()
{
    return t_float32Convolutions;
}

torch::Tensor runConv(torch::nn::Conv2d& conv, const torch::Tensor& x)
{
    if (!t_float32Convolutions || !x.device().is_cpu() || !cpuAutocastEnabled()) {
        return conv(x);
    }
    // Off for this call only: autocast would cast x and the weights back to bf16.
    setCpuAutocast(false);
    torch::Tensor y;
    try {
        y = conv(x.scalar_type() == torch::kFloat ? x : x.to(torch::kFloat));
    } catch (...) {
        setCpuAutocast(true);
        throw;
    }
    setCpuAutocast(true);
    return y;
}

} // namespace vd
