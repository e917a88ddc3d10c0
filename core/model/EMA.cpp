// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/EMA.h"

#include "util/Error.h"

#include <algorithm>

namespace vd {

EMA::EMA(const torch::nn::Module& model)
{
    torch::NoGradGuard noGrad;
    for (const auto& p : model.named_parameters(true)) {
        m_names.push_back(p.key());
        m_shadow.push_back(p.value().detach().clone());
        m_averaged.push_back(p.value().is_floating_point());
    }
    for (const auto& b : model.named_buffers(true)) {
        m_names.push_back(b.key());
        m_shadow.push_back(b.value().detach().clone());
        m_averaged.push_back(false);
    }
}

std::vector<torch::Tensor> EMA::targets(const torch::nn::Module& model) const
{
    std::vector<torch::Tensor> out;
    out.reserve(m_shadow.size());
    for (const auto& p : model.named_parameters(true)) {
        out.push_back(p.value());
    }
    for (const auto& b : model.named_buffers(true)) {
        out.push_back(b.value());
    }
    if (out.size() != m_shadow.size()) {
        throw Error(ErrorKind::Usage,
                    "EMA: the model has " + std::to_string(out.size()) + " tensors, the shadow " +
                        std::to_string(m_shadow.size()),
                    ErrorCode::ShapeMismatch);
    }
    for (size_t i = 0; i < out.size(); ++i) {
        if (!out[i].sizes().equals(m_shadow[i].sizes())) {
            throw Error(ErrorKind::Usage, "EMA: shape of '" + m_names[i] + "' differs",
                        ErrorCode::ShapeMismatch);
        }
    }
    return out;
}

double EMA::effectiveDecay(double decay) const
{
    const double n = static_cast<double>(m_updates);
    return std::min(decay, (1.0 + n) / (10.0 + n));
}

void EMA::update(const torch::nn::Module& model, double decay)
{
    torch::NoGradGuard noGrad;
    const double d = effectiveDecay(decay);
    const std::vector<torch::Tensor> current = targets(model);
    for (size_t i = 0; i < current.size(); ++i) {
        if (m_averaged[i]) {
            // shadow += (1 - d) * (param - shadow)
            m_shadow[i].lerp_(current[i].detach().to(m_shadow[i].options()), 1.0 - d);
        } else {
            m_shadow[i].copy_(current[i].detach());
        }
    }
    ++m_updates;
}

void EMA::copyTo(torch::nn::Module& model) const
{
    torch::NoGradGuard noGrad;
    const std::vector<torch::Tensor> current = targets(model);
    for (size_t i = 0; i < current.size(); ++i) {
        current[i].copy_(m_shadow[i]);
    }
}

void EMA::swap(torch::nn::Module& model)
{
    torch::NoGradGuard noGrad;
    const std::vector<torch::Tensor> current = targets(model);
    for (size_t i = 0; i < current.size(); ++i) {
        const torch::Tensor saved = current[i].detach().clone();
        current[i].copy_(m_shadow[i]);
        m_shadow[i].copy_(saved);
    }
}

std::vector<std::pair<std::string, torch::Tensor>> EMA::namedTensors() const
{
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (size_t i = 0; i < m_names.size(); ++i) {
        out.emplace_back(m_names[i], m_shadow[i]);
    }
    return out;
}

} // namespace vd
