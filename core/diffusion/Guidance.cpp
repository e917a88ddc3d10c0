// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/Guidance.h"

namespace vd {

torch::Tensor guidedOutput(const DenoiseFn& model, const torch::Tensor& x, const torch::Tensor& t,
                           const torch::Tensor& labels, const Guidance& guidance)
{
    const bool cfg = guidance.scale != 1.0 && labels.defined() && !(labels < 0).all().item<bool>();
    torch::Tensor cond, out;
    if (cfg) {
        const torch::Tensor nullLabels = torch::full_like(labels, -1);
        const torch::Tensor both = model(torch::cat({x, x}, 0), torch::cat({t, t}, 0),
                                         torch::cat({labels, nullLabels}, 0));
        const auto parts = both.chunk(2, 0);
        cond = parts[0];
        out = parts[1] + guidance.scale * (parts[0] - parts[1]);
    } else {
        cond = model(x, t, labels);
        out = cond;
    }
    if (guidance.guide && guidance.guideWeight != 0.0) {
        out = out + guidance.guideWeight * (cond - guidance.guide(x, t, labels));
    }
    return out;
}

torch::Tensor guidedOutput(const DenoiseFn& model, const torch::Tensor& x, const torch::Tensor& t,
                           const torch::Tensor& labels, double scale)
{
    Guidance guidance;
    guidance.scale = scale;
    return guidedOutput(model, x, t, labels, guidance);
}

} // namespace vd
