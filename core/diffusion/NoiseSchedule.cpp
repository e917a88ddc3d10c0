// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/NoiseSchedule.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace vd {

std::vector<double> NoiseSchedule::linearBetas(int64_t timesteps)
{
    const double scale = 1000.0 / static_cast<double>(timesteps);
    const double start = 1e-4 * scale, end = 0.02 * scale;
    std::vector<double> betas(static_cast<size_t>(timesteps));
    for (int64_t i = 0; i < timesteps; ++i) {
        betas[size_t(i)] = start + (end - start) * double(i) / double(timesteps - 1);
    }
    return betas;
}

std::vector<double> NoiseSchedule::cosineBetas(int64_t timesteps, double s)
{
    const double pi = std::acos(-1.0);
    auto f = [&](double t) {
        const double c = std::cos((t + s) / (1.0 + s) * pi / 2.0);
        return c * c;
    };
    std::vector<double> betas(static_cast<size_t>(timesteps));
    for (int64_t i = 0; i < timesteps; ++i) {
        const double t1 = double(i) / double(timesteps), t2 = double(i + 1) / double(timesteps);
        betas[size_t(i)] = std::min(1.0 - f(t2) / f(t1), 0.999);
    }
    return betas;
}

NoiseSchedule::NoiseSchedule(ScheduleKind kind, int64_t timesteps) : m_kind(kind)
{
    if (timesteps < 2) {
        throw Error(ErrorKind::Config, "diffusion.timesteps: must be at least 2",
                    ErrorCode::InvalidValue);
    }
    m_betas = kind == ScheduleKind::Linear ? linearBetas(timesteps) : cosineBetas(timesteps);
    m_alphasCumprod.resize(m_betas.size());
    double prod = 1.0;
    for (size_t i = 0; i < m_betas.size(); ++i) {
        prod *= 1.0 - m_betas[i];
        m_alphasCumprod[i] = prod;
    }
    m_alphasCumprodTensor =
        torch::tensor(m_alphasCumprod, torch::TensorOptions().dtype(torch::kFloat64))
            .to(torch::kFloat32);
}

double NoiseSchedule::alphaBar(int64_t t) const
{
    if (t < 0) {
        return 1.0;
    }
    return m_alphasCumprod.at(static_cast<size_t>(t));
}

double NoiseSchedule::snr(int64_t t) const
{
    const double a = alphaBar(t);
    return a / (1.0 - a);
}

torch::Tensor NoiseSchedule::betasTensor() const
{
    return torch::tensor(m_betas, torch::TensorOptions().dtype(torch::kFloat64))
        .to(torch::kFloat32);
}

torch::Tensor NoiseSchedule::alphasCumprodTensor() const
{
    return m_alphasCumprodTensor.clone();
}

torch::Tensor NoiseSchedule::alphaBarAt(const torch::Tensor& t) const
{
    return m_alphasCumprodTensor.index_select(0, t.to(torch::kCPU, torch::kLong)).to(t.device());
}

torch::Tensor NoiseSchedule::addNoise(const torch::Tensor& x0, const torch::Tensor& noise,
                                      const torch::Tensor& t) const
{
    std::vector<int64_t> shape(static_cast<size_t>(x0.dim()), 1);
    shape[0] = x0.size(0);
    const torch::Tensor a = alphaBarAt(t).to(x0.options()).view(shape);
    return torch::sqrt(a) * x0 + torch::sqrt(1.0 - a) * noise;
}

} // namespace vd
