// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/Guidance.h"

namespace vd {

torch::Tensor guidedOutput(const DenoiseFn& model, const torch::Tensor& x, const torch::Tensor& t,
                           const torch::Tensor& labels, double scale)
{
    if (scale == 1.0 || !labels.defined() || (labels < 0).all().item<bool>()) {
        return model(x, t, labels);
    }
    const torch::Tensor nullLabels = torch::full_like(labels, -1);
    const torch::Tensor out =
        model(torch::cat({x, x}, 0), torch::cat({t, t}, 0), torch::cat({labels, nullLabels}, 0));
    const auto parts = out.chunk(2, 0);
    return parts[1] + scale * (parts[0] - parts[1]);
}

} // namespace vd
