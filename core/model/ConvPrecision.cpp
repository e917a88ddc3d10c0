// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/ConvPrecision.h"

#include "util/AutocastApi.h"

namespace vd {

namespace {

thread_local bool t_float32Convolutions = false;

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

c10::ScalarType convInputType(const torch::Tensor& x)
{
    if (x.device().is_cpu() && autocastEnabled(false) && autocastDtype(false) == at::kBFloat16 &&
        !t_float32Convolutions) {
        return torch::kBFloat16;
    }
    return x.scalar_type() == torch::kBFloat16 ? torch::kFloat : x.scalar_type();
}

torch::Tensor runConv(torch::nn::Conv2d& conv, const torch::Tensor& x)
{
    if (!t_float32Convolutions || !x.device().is_cpu() || !autocastEnabled(false)) {
        return conv(x);
    }
    // Off for this call only: autocast would cast x and the weights back to bf16.
    setAutocastEnabled(false, false);
    torch::Tensor y;
    try {
        y = conv(x.scalar_type() == torch::kFloat ? x : x.to(torch::kFloat));
    } catch (...) {
        setAutocastEnabled(false, true);
        throw;
    }
    setAutocastEnabled(false, true);
    return y;
}

} // namespace vd
