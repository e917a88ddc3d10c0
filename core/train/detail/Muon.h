// SPDX-License-Identifier: GPL-3.0-or-later
// Muon (Jordan et al. 2024): momentum SGD whose update for a weight matrix is orthogonalised by
// a Newton-Schulz iteration, so every direction of the matrix moves at the same rate. Used by
// train.optimizer "muon" for the hidden matrices; AdamW keeps the rest (biases, norms,
// embeddings, the first and last layers), as Muon's authors advise.
#pragma once

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

namespace torch::optim {
class AdamW;
}

namespace vd::detail {

/// Five Newton-Schulz iterations of Muon's quintic: approximately U V^T for g = U S V^T (the
/// singular values end in about [0.7, 1.2], which is what the update needs, not exactly 1).
/// Wide or tall matrices (the long side at least about 1.5x the short one, as most convolutions
/// seen as matrices are) run the same iteration on their Gram matrix: 2.5x fewer products for
/// a [64, 576] convolution, the same result within float rounding.
torch::Tensor orthogonalize(const torch::Tensor& g, int iterations = 5);

/// Whether orthogonalize takes the Gram form for a [rows, cols] matrix.
bool gramIterationIsCheaper(int64_t rows, int64_t cols);

/// Multiply-adds of orthogonalize (five iterations) for a [rows, cols] matrix, in the cheaper
/// of its two forms: what a data-parallel rank's share of the matrices costs (muonOwners).
double orthogonalizeCost(int64_t rows, int64_t cols);

/// Whether train.optimizer "muon" steps parameter `name` with Muon: a weight of two or more
/// dimensions (a convolution's [out, in, k...] is seen as [out, in * k...]) outside the modules
/// that take the conditioning in (names with "embed": label and time embeddings) and outside a
/// model's first and last layers ("conv_in", "conv_out").
bool takesMuon(const std::string& name, const torch::Tensor& param);

/// The trainable parameters of `model` that takesMuon accepts, in the model's order.
std::vector<torch::Tensor> muonParameters(const torch::nn::Module& model);

/// How data-parallel ranks share Muon's Newton-Schulz products, its main cost: each rank
/// orthogonalises its share of the matrices and `sum` (DataParallel::sumTensors) gives every
/// rank all of them. The default, one rank, does them all.
struct MuonShare {
    int rank = 0;
    int worldSize = 1;
    /// Replaces each tensor by its element-wise sum over the ranks; needed when worldSize > 1.
    std::function<void(const std::vector<torch::Tensor>&)> sum;
};

/// For each of `params`, the rank that orthogonalises it: shares of about equal cost
/// (orthogonalizeCost), the same on every rank because it depends only on the shapes.
std::vector<int> muonOwners(const std::vector<torch::Tensor>& params, int worldSize);

/// One Muon step for each of `params` that has a gradient: Nesterov momentum 0.95 kept in the
/// AdamW state's exp_avg (so checkpoints save it; exp_avg_sq stays zero), the update
/// orthogonalised and scaled to AdamW's RMS, 0.2 * sqrt(max(rows, cols)) (Liu et al. 2025,
/// "Muon is scalable for LLM training"), so that the run's learning rate, schedule and
/// decoupled weight decay apply unchanged. Then clears their gradients, so that the AdamW step
/// that follows leaves them alone. With several ranks every rank keeps the whole momentum (the
/// gradients are already averaged) and orthogonalises only its share; the sum of the ranks'
/// updates, each zero outside its share, is exact, so the ranks' weights stay equal.
void muonStep(torch::optim::AdamW& optimizer, const std::vector<torch::Tensor>& params, double lr,
              double weightDecay, const MuonShare& share = {});

} // namespace vd::detail
