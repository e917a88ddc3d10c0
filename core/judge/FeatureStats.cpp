// SPDX-License-Identifier: GPL-3.0-or-later
#include "judge/FeatureStats.h"

#include "util/Error.h"

#include <torch/torch.h>

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

} // namespace vd
