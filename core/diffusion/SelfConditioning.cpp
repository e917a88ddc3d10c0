// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/SelfConditioning.h"

#include "util/Error.h"

#include <map>
#include <memory>

namespace vd {

torch::Tensor flowCleanEstimate(const torch::Tensor& x, const torch::Tensor& modelTime,
                                const torch::Tensor& v)
{
    std::vector<int64_t> shape(static_cast<size_t>(x.dim()), 1);
    shape[0] = x.size(0);
    const torch::Tensor t = (modelTime / kFlowTimeScale).to(x.options()).view(shape);
    return x - t * v.to(x.scalar_type());
}

DenoiseFn samplingFn(Denoiser& model)
{
    if (!model->config().selfCondition) {
        return [&model](const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& y) {
            return model->forward(x, t, y);
        };
    }
    // Shared, so that copies of the function (samplers copy DenoiseFn) keep one state.
    auto last = std::make_shared<std::map<int64_t, torch::Tensor>>();
    return [&model, last](const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& y) {
        torch::Tensor& previous = (*last)[x.size(0)];
        const torch::Tensor selfCond =
            previous.defined() && previous.sizes() == x.sizes() ? previous : torch::Tensor();
        torch::Tensor out = model->forward(x, t, y, 0, selfCond);
        previous = flowCleanEstimate(x, t, out).detach();
        return out;
    };
}

void checkSelfCondition(const DenoiserConfig& model, const DiffusionConfig& objective,
                        const std::string& path)
{
    if (model.selfCondition && objective.objective != Objective::Flow) {
        throw Error(ErrorKind::Config,
                    path + ".model.self_condition: needs the flow objective, not '" +
                        objectiveName(objective.objective) + "'",
                    ErrorCode::InvalidValue);
    }
}

} // namespace vd
