// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/detail/Frames.h"

#include "util/Error.h"

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
