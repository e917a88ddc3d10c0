// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/detail/Frames.h"

#include "util/Error.h"

#include <cmath>

namespace vd::detail {

torch::Tensor foldFrames(const torch::Tensor& x)
{
    checkDims(x, 5, "foldFrames");
    const auto s = x.sizes();
    return x.permute({0, 2, 1, 3, 4}).reshape({s[0] * s[2], s[1], s[3], s[4]});
}

torch::Tensor unfoldFrames(const torch::Tensor& x, int64_t batch)
{
    checkDims(x, 4, "unfoldFrames");
    const auto s = x.sizes();
    return x.view({batch, s[0] / batch, s[1], s[2], s[3]}).permute({0, 2, 1, 3, 4});
}

torch::Tensor dctBasis(int64_t frames, const torch::TensorOptions& options)
{
    const auto o = options.dtype(torch::kFloat64);
    const torch::Tensor n = torch::arange(frames, o).unsqueeze(0) + 0.5;
    const torch::Tensor k = torch::arange(frames, o).unsqueeze(1);
    const double T = static_cast<double>(frames);
    torch::Tensor d = torch::cos(M_PI * n * k / T) * std::sqrt(2.0 / T);
    d[0].fill_(std::sqrt(1.0 / T));
    return d.to(options.dtype());
}

torch::Tensor alongFrames(const torch::Tensor& x, const torch::Tensor& basis)
{
    checkDims(x, 5, "alongFrames");
    return torch::matmul(x.permute({0, 1, 3, 4, 2}), basis.t()).permute({0, 1, 4, 2, 3});
}

void checkDims(const torch::Tensor& x, int64_t dims, const char* what)
{
    if (!x.defined() || x.dim() != dims) {
        throw Error(ErrorKind::Usage,
                    std::string(what) + ": expected a " + std::to_string(dims) + "-d tensor, got " +
                        (x.defined() ? std::to_string(x.dim()) + "-d" : std::string("none")),
                    ErrorCode::ShapeMismatch);
    }
}

} // namespace vd::detail
