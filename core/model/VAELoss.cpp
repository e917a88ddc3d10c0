// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/VAELoss.h"

#include <algorithm>

namespace vd {

VAELoss::VAELoss(const VAELossConfig& config) : m_config(config)
{
    validate(config);
}

double VAELoss::beta(int64_t step) const
{
    if (m_config.klWarmupSteps <= 0) {
        return m_config.klWeight;
    }
    const double ramp = std::min(1.0, static_cast<double>(std::max<int64_t>(step, 0)) /
                                          static_cast<double>(m_config.klWarmupSteps));
    return m_config.klWeight * ramp;
}

torch::Tensor VAELoss::klDivergence(const torch::Tensor& mean, const torch::Tensor& logvar)
{
    return 0.5 * (mean.pow(2) + torch::exp(logvar) - 1.0 - logvar).mean();
}

VAELossResult VAELoss::operator()(const torch::Tensor& x, const VAEOutput& out, int64_t step) const
{
    const torch::Tensor diff = out.reconstruction.to(torch::kFloat32) - x.to(torch::kFloat32);
    const torch::Tensor l1 = diff.abs().mean();
    const torch::Tensor mse = diff.pow(2).mean();
    const torch::Tensor kl =
        klDivergence(out.mean.to(torch::kFloat32), out.logvar.to(torch::kFloat32));
    const double b = beta(step);
    VAELossResult r;
    r.total = m_config.l1Weight * l1 + m_config.mseWeight * mse + b * kl;
    // One transfer for all the numbers.
    const torch::Tensor values =
        torch::stack({l1, mse, kl, r.total}).detach().to(torch::kCPU, torch::kFloat64);
    const double* v = values.data_ptr<double>();
    r.terms = {{"l1", v[0]}, {"mse", v[1]}, {"kl", v[2]}, {"beta", b}, {"total", v[3]}};
    return r;
}

} // namespace vd
