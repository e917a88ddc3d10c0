// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/detail/OptimizerState.h"

#include "train/Checkpoint.h"
#include "train/detail/CheckpointError.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <map>
#include <sstream>
#include <type_traits>

namespace vd::detail {

namespace {

/// Optimizer state maps are keyed by the parameter's TensorImpl: as a string in LibTorch 1.x
/// (c10::guts::to_string of the pointer) and as void* in 2.x.
template <class Map> typename Map::key_type stateKey(const Map&, const torch::Tensor& p)
{
    using Key = typename Map::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream ss;
        ss << p.unsafeGetTensorImpl();
        return ss.str();
    } else {
        return static_cast<Key>(p.unsafeGetTensorImpl());
    }
}

/// Parameter name of every parameter of `module`, keyed by its TensorImpl.
std::map<const void*, std::string> parameterNames(const torch::nn::Module& module)
{
    std::map<const void*, std::string> names;
    for (const auto& item : module.named_parameters(true)) {
        names.emplace(item.value().unsafeGetTensorImpl(), item.key());
    }
    return names;
}

} // namespace

torch::optim::AdamWParamState& adamWState(torch::optim::AdamW& optimizer, const at::Tensor& p)
{
    auto& state = optimizer.state();
    const auto key = stateKey(state, p);
    auto it = state.find(key);
    if (it == state.end()) {
        auto s = std::make_unique<torch::optim::AdamWParamState>();
        s->step(0);
        s->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        s->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        it = state.emplace(key, std::move(s)).first;
    }
    return static_cast<torch::optim::AdamWParamState&>(*it->second);
}

std::pair<NamedTensors, nlohmann::json> optimizerState(torch::optim::AdamW& optimizer,
                                                       const torch::nn::Module& model)
{
    const auto names = parameterNames(model);
    auto& state = optimizer.state();
    NamedTensors tensors;
    nlohmann::json groups = nlohmann::json::array();
    for (auto& group : optimizer.param_groups()) {
        const auto& o = static_cast<const torch::optim::AdamWOptions&>(group.options());
        nlohmann::json g = {
            {"lr", o.lr()},           {"betas", {std::get<0>(o.betas()), std::get<1>(o.betas())}},
            {"eps", o.eps()},         {"weight_decay", o.weight_decay()},
            {"amsgrad", o.amsgrad()}, {"params", nlohmann::json::array()}};
        for (const auto& p : group.params()) {
            const auto n = names.find(p.unsafeGetTensorImpl());
            if (n == names.end()) {
                throw Error(ErrorKind::Usage,
                            "checkpoint: the optimizer holds a parameter of shape " +
                                c10::str(p.sizes()) + " that is not a parameter of the model",
                            ErrorCode::InvalidValue);
            }
            g["params"].push_back(n->second);
            const auto it = state.find(stateKey(state, p));
            if (it == state.end() || !it->second) {
                continue; // never stepped
            }
            const auto& s = static_cast<const torch::optim::AdamWParamState&>(*it->second);
            const std::string& name = n->second;
            tensors.emplace_back(
                name + ".step",
                torch::tensor(static_cast<int64_t>(s.step()), torch::kInt64).reshape({}));
            tensors.emplace_back(name + ".exp_avg", s.exp_avg());
            tensors.emplace_back(name + ".exp_avg_sq", s.exp_avg_sq());
            if (s.max_exp_avg_sq().defined()) {
                tensors.emplace_back(name + ".max_exp_avg_sq", s.max_exp_avg_sq());
            }
        }
        groups.push_back(std::move(g));
    }
    return {std::move(tensors), std::move(groups)};
}

void restoreOptimizer(torch::optim::AdamW& optimizer, const torch::nn::Module& model,
                      const SafetensorsFile& file, const nlohmann::json& groupsJson,
                      const std::string& dir)
{
    const auto names = parameterNames(model);
    // Validate first: expected per-parameter tensors against the file.
    std::map<std::string, torch::Tensor> params; // name -> parameter held by the optimizer
    for (const auto& group : optimizer.param_groups()) {
        for (const auto& p : group.params()) {
            const auto n = names.find(p.unsafeGetTensorImpl());
            if (n == names.end()) {
                throw Error(ErrorKind::Usage,
                            "checkpoint: the optimizer holds a parameter that is not in the model",
                            ErrorCode::InvalidValue);
            }
            params.emplace(n->second, p);
        }
    }
    static const char* const kSuffixes[] = {".step", ".exp_avg", ".exp_avg_sq", ".max_exp_avg_sq"};
    std::map<std::string, std::map<std::string, torch::Tensor>> perParam;
    for (const auto& [key, t] : file.tensors()) {
        bool matched = false;
        for (const char* suffix : kSuffixes) {
            const std::string s(suffix);
            if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0) {
                const std::string param = key.substr(0, key.size() - s.size());
                if (params.count(param)) {
                    perParam[param][s] = t;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched) {
            failCheckpointInput(dir, ErrorCode::ShapeMismatch,
                                std::string(Checkpoint::kOptimizerFile) + " holds tensor '" + key +
                                    "', which belongs to no parameter of the optimizer");
        }
    }
    for (const auto& [name, parts] : perParam) {
        const auto shape = params.at(name).sizes();
        for (const char* required : {".step", ".exp_avg", ".exp_avg_sq"}) {
            if (!parts.count(required)) {
                failCheckpointInput(dir, ErrorCode::ShapeMismatch,
                                    std::string(Checkpoint::kOptimizerFile) + " lacks '" + name +
                                        required + "'");
            }
        }
        for (const auto& [suffix, t] : parts) {
            if (suffix == ".step") {
                if (t.numel() != 1 || t.scalar_type() != torch::kInt64) {
                    failCheckpointInput(dir, ErrorCode::ShapeMismatch,
                                        "'" + name + ".step' is not an I64 scalar");
                }
            } else if (t.sizes() != shape) {
                failCheckpointInput(dir, ErrorCode::ShapeMismatch,
                                    "'" + name + suffix + "' has shape " + c10::str(t.sizes()) +
                                        " but the parameter has " + c10::str(shape));
            } else if (!torch::isfinite(t).all().item<bool>()) {
                failCheckpointInput(dir, ErrorCode::NonFinite,
                                    "'" + name + suffix + "' holds NaN or infinite values");
            }
        }
    }
    if (groupsJson.is_array() && groupsJson.size() != optimizer.param_groups().size()) {
        failCheckpointInput(dir, ErrorCode::ShapeMismatch,
                            "the optimizer has " + std::to_string(optimizer.param_groups().size()) +
                                " parameter groups, the checkpoint " +
                                std::to_string(groupsJson.size()));
    }

    // Apply.
    auto& state = optimizer.state();
    state.clear();
    for (const auto& [name, parts] : perParam) {
        const torch::Tensor& p = params.at(name);
        auto s = std::make_unique<torch::optim::AdamWParamState>();
        s->step(parts.at(".step").item<int64_t>());
        s->exp_avg(parts.at(".exp_avg").to(p.options()).clone());
        s->exp_avg_sq(parts.at(".exp_avg_sq").to(p.options()).clone());
        if (parts.count(".max_exp_avg_sq")) {
            s->max_exp_avg_sq(parts.at(".max_exp_avg_sq").to(p.options()).clone());
        }
        state[stateKey(state, p)] = std::move(s);
    }
    if (groupsJson.is_array()) {
        for (size_t i = 0; i < groupsJson.size(); ++i) {
            const nlohmann::json& g = groupsJson[i];
            auto& o =
                static_cast<torch::optim::AdamWOptions&>(optimizer.param_groups()[i].options());
            try {
                o.lr(g.at("lr").get<double>());
                o.betas({g.at("betas").at(0).get<double>(), g.at("betas").at(1).get<double>()});
                o.eps(g.at("eps").get<double>());
                o.weight_decay(g.at("weight_decay").get<double>());
                o.amsgrad(g.at("amsgrad").get<bool>());
            } catch (const nlohmann::json::exception& e) {
                failCheckpointInput(dir, ErrorCode::CorruptHeader,
                                    std::string("bad optimizer param group in state.json: ") +
                                        e.what());
            }
        }
    }
}

} // namespace vd::detail
