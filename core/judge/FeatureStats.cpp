// SPDX-License-Identifier: GPL-3.0-or-later
#include "judge/FeatureStats.h"

#include "util/Error.h"

#include <torch/torch.h>

#include <algorithm>
#include <limits>

namespace vd {

namespace {

void checkFeatures(const torch::Tensor& x, const char* what)
{
    if (!x.defined() || x.dim() != 2 || x.size(0) < 2) {
        throw Error(ErrorKind::Usage,
                    std::string("frechetDistance: ") + what + " needs [N,D] features with N >= 2",
                    ErrorCode::ShapeMismatch);
    }
}

/// Unbiased covariance of rows.
torch::Tensor covariance(const torch::Tensor& x, const torch::Tensor& mean)
{
    const torch::Tensor centred = x - mean;
    return centred.t().mm(centred) / static_cast<double>(x.size(0) - 1);
}

/// Square root of a symmetric positive semi-definite matrix (negative round-off clamped).
torch::Tensor sqrtPSD(const torch::Tensor& m)
{
    const auto [values, vectors] = torch::linalg_eigh(m);
    return vectors.mm(torch::diag(values.clamp_min(0.0).sqrt())).mm(vectors.t());
}

} // namespace

double frechetDistance(const torch::Tensor& a, const torch::Tensor& b)
{
    checkFeatures(a, "the first set");
    checkFeatures(b, "the second set");
    if (a.size(1) != b.size(1)) {
        throw Error(ErrorKind::Usage, "frechetDistance: feature widths differ",
                    ErrorCode::ShapeMismatch);
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor x = a.detach().to(torch::kCPU, torch::kDouble);
    const torch::Tensor y = b.detach().to(torch::kCPU, torch::kDouble);
    const torch::Tensor muX = x.mean(0);
    const torch::Tensor muY = y.mean(0);
    const torch::Tensor covX = covariance(x, muX);
    const torch::Tensor covY = covariance(y, muY);
    const torch::Tensor rootX = sqrtPSD(covX);
    const torch::Tensor middle = rootX.mm(covY).mm(rootX);
    const torch::Tensor traceRoot =
        torch::linalg_eigvalsh(0.5 * (middle + middle.t())).clamp_min(0.0).sqrt().sum();
    const double d = (muX - muY).pow(2).sum().item<double>() +
                     (covX.trace() + covY.trace() - 2.0 * traceRoot).item<double>();
    return std::max(0.0, d);
}

double meanPairwiseDistance(const torch::Tensor& features)
{
    if (!features.defined() || features.dim() != 2 || features.size(0) < 2) {
        return 0.0;
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor x = features.detach().to(torch::kCPU, torch::kDouble);
    const int64_t n = x.size(0);
    const torch::Tensor d = torch::cdist(x, x);
    return d.sum().item<double>() / static_cast<double>(n * (n - 1));
}

namespace {

/// cdist's compute_mode "donot_use_mm_for_euclid_dist": differences, not |x|^2 + |y|^2 - 2xy,
/// so a point's distance to an identical point is exactly 0 (a collapsed set is on its source).
constexpr int64_t kExactDistances = 2;

int64_t rowsOf(const torch::Tensor& x)
{
    return x.defined() && x.dim() == 2 ? x.size(0) : 0;
}

torch::Tensor asDouble(const torch::Tensor& x)
{
    return x.detach().to(torch::kCPU, torch::kDouble);
}

} // namespace

// Kynkäänniemi et al. 2019, section 2: the manifold of a set is the union of balls around its
// points, each reaching to the point's k-th nearest neighbour within the set; pruning as in
// their code (ManifoldEstimator's clamp_to_percentile, github.com/kynkaat/
// improved-precision-and-recall-metric).
torch::Tensor manifoldRadii(const torch::Tensor& features, int k, double keepQuantile)
{
    const int64_t n = rowsOf(features);
    if (n < 2) {
        return torch::empty({0}, torch::kDouble);
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor x = asDouble(features);
    // A point is not its own neighbour: its distance to itself counts as infinite.
    const torch::Tensor d = torch::cdist(x, x, 2.0, kExactDistances)
                                .fill_diagonal_(std::numeric_limits<double>::infinity());
    const int64_t kth = std::clamp<int64_t>(k, 1, n - 1);
    torch::Tensor radii = std::get<0>(d.kthvalue(kth, 1));
    if (keepQuantile < 1.0) {
        const double limit = radii.quantile(std::max(0.0, keepQuantile)).item<double>();
        radii.masked_fill_(radii.gt(limit), 0.0);
    }
    return radii;
}

torch::Tensor onManifold(const torch::Tensor& points, const torch::Tensor& radii,
                         const torch::Tensor& queries)
{
    const int64_t q = rowsOf(queries);
    if (q == 0 || !radii.defined() || radii.numel() == 0) {
        return torch::zeros({q}, torch::kBool);
    }
    if (points.size(1) != queries.size(1) || radii.numel() != points.size(0)) {
        throw Error(ErrorKind::Usage, "onManifold: points, radii and queries do not match",
                    ErrorCode::ShapeMismatch);
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor d = torch::cdist(asDouble(queries), asDouble(points), 2.0, kExactDistances);
    return d.le(asDouble(radii).unsqueeze(0)).any(1);
}

PrecisionRecall precisionRecall(const torch::Tensor& real, const torch::Tensor& generated, int k,
                                double keepQuantile)
{
    PrecisionRecall pr;
    const int64_t m = rowsOf(real), n = rowsOf(generated);
    if (m > 0 && n > 0 && real.size(1) != generated.size(1)) {
        throw Error(ErrorKind::Usage, "precisionRecall: feature widths differ",
                    ErrorCode::ShapeMismatch);
    }
    if (m >= 2 && n > 0) {
        const torch::Tensor on = onManifold(real, manifoldRadii(real, k, keepQuantile), generated);
        pr.precision = on.to(torch::kDouble).mean().item<double>();
    }
    if (n >= 2 && m > 0) {
        const torch::Tensor on =
            onManifold(generated, manifoldRadii(generated, k, keepQuantile), real);
        pr.recall = on.to(torch::kDouble).mean().item<double>();
    }
    return pr;
}

} // namespace vd
