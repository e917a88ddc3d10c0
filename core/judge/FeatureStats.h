// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/types.h>

namespace vd {

/// Fréchet distance between Gaussians fitted to two feature sets [N,D] and [M,D] (Heusel et al.
/// 2017, "GANs Trained by a Two Time-Scale Update Rule", the FID formula):
/// |mu_a - mu_b|^2 + tr(S_a + S_b - 2 (S_a^1/2 S_b S_a^1/2)^1/2), computed in float64 with
/// symmetric eigendecompositions. Needs N, M >= 2. Throws vd::Error(Usage) for other shapes.
double frechetDistance(const torch::Tensor& a, const torch::Tensor& b);

/// Mean Euclidean distance over all pairs of rows of `features` [N,D] (0 for N < 2): how far
/// apart samples are, so a model that makes the same clip again and again scores low.
double meanPairwiseDistance(const torch::Tensor& features);

/// Neighbourhood size of the k-NN manifolds below (the paper's choice).
constexpr int kManifoldNeighbours = 3;
/// Balls whose radius lies above this quantile of their set's radii are pruned from the
/// manifold (shrunk to their centre): an isolated point's ball reaches far into empty feature
/// space, where out-of-distribution clips land (on the demo data, without pruning, the balls of
/// the few most isolated real stars held every pure-noise clip; docs/judge.md). The reference
/// implementation's clamp_to_percentile does the same.
constexpr double kManifoldKeepQuantile = 0.9;

/// Radius of each row of `features` [N,D]: its Euclidean distance to its k-th nearest *other*
/// row (k clamped to N-1, so a set of 2..k rows still has a manifold). Radii above the
/// `keepQuantile` quantile of all N radii are set to 0 (1 keeps every ball). float64 [N] on
/// the CPU; empty for N < 2.
torch::Tensor manifoldRadii(const torch::Tensor& features, int k = kManifoldNeighbours,
                            double keepQuantile = kManifoldKeepQuantile);

/// Which rows of `queries` [Q,D] lie on the manifold of `points` [N,D] with `radii` [N]
/// (manifoldRadii of `points`): within the radius of at least one point (distance <= radius).
/// bool [Q] on the CPU; all false when `points` has no radii.
torch::Tensor onManifold(const torch::Tensor& points, const torch::Tensor& radii,
                         const torch::Tensor& queries);

/// Improved precision and recall of a generated feature set against a real one (Kynkäänniemi
/// et al. 2019, "Improved Precision and Recall Metric for Assessing Generative Models").
struct PrecisionRecall {
    double precision = -1; ///< share of generated rows on the real manifold, in [0,1]
    double recall = -1;    ///< share of real rows on the generated manifold, in [0,1]
};

/// Precision and recall of `generated` [N,D] against `real` [M,D] with k-NN manifolds of `k`
/// neighbours pruned at `keepQuantile` (manifoldRadii). A figure whose manifold set has fewer
/// than 2 rows, or whose scored set is empty, is -1. Throws vd::Error(Usage) when the feature
/// widths differ.
PrecisionRecall precisionRecall(const torch::Tensor& real, const torch::Tensor& generated,
                                int k = kManifoldNeighbours,
                                double keepQuantile = kManifoldKeepQuantile);

} // namespace vd
