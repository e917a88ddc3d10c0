// SPDX-License-Identifier: GPL-3.0-or-later
// AdamW state for Checkpoint: saved as optimizer.safetensors ("<name>.step", "<name>.exp_avg",
// "<name>.exp_avg_sq", "<name>.max_exp_avg_sq") plus the param groups in state.json, keyed by
// parameter name so that a fresh model and optimizer can take it.
#pragma once

#include "util/Safetensors.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

namespace torch::nn {
class Module;
}
namespace torch::optim {
class AdamW;
class AdamWParamState;
} // namespace torch::optim
namespace at {
class Tensor;
}

namespace vd::detail {

/// The optimizer's state as named tensors, and its param groups (with parameter names) as JSON.
/// Parameters never stepped have no tensors. Throws vd::Error(Usage) when the optimizer holds a
/// parameter that is not one of `model`'s.
std::pair<NamedTensors, nlohmann::json> optimizerState(torch::optim::AdamW& optimizer,
                                                       const torch::nn::Module& model);

/// Puts the tensors of `file` into the AdamW's state for `model`'s parameters, after checking
/// that every tensor belongs to a parameter the optimizer holds and has its shape, then sets the
/// param groups' options from `groupsJson` (ignored unless an array). Nothing changes when a
/// check fails: vd::Error(InputData) naming checkpoint `dir` (ShapeMismatch, NonFinite,
/// CorruptHeader); vd::Error(Usage) for an optimizer parameter that is not in the model.
void restoreOptimizer(torch::optim::AdamW& optimizer, const torch::nn::Module& model,
                      const SafetensorsFile& file, const nlohmann::json& groupsJson,
                      const std::string& dir);

/// AdamW's state for parameter `p`, created (step 0, zero moments) when it has none yet. Muon
/// (train/detail/Muon.h) keeps its momentum there too, so checkpoints carry it unchanged.
torch::optim::AdamWParamState& adamWState(torch::optim::AdamW& optimizer, const at::Tensor& p);

} // namespace vd::detail
