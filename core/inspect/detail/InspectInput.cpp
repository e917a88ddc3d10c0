// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/detail/InspectInput.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace vd::detail {

std::string shapeString(const torch::Tensor& t)
{
    if (!t.defined()) {
        return "undefined";
    }
    std::string s = "[";
    for (int64_t d = 0; d < t.dim(); ++d) {
        s += (d ? ", " : "") + std::to_string(t.size(d));
    }
    return s + "]";
}

torch::Tensor clipBatch(const torch::Tensor& t, const std::string& what, torch::ScalarType dtype)
{
    if (!t.defined() || (t.dim() != 4 && t.dim() != 5) || t.numel() == 0) {
        throw Error(ErrorKind::Usage,
                    what + ": expected [B,C,T,H,W] or [C,T,H,W] with no empty dimension, got " +
                        shapeString(t),
                    ErrorCode::ShapeMismatch);
    }
    torch::NoGradGuard noGrad;
    torch::Tensor x = t.detach().to(torch::kCPU, dtype).contiguous();
    if (x.dim() == 4) {
        x = x.unsqueeze(0);
    }
    if (!torch::isfinite(x).all().item<bool>()) {
        throw Error(ErrorKind::InputData, what + ": holds NaN or infinite values",
                    ErrorCode::NonFinite);
    }
    return x;
}

double normalUpperQuantile(double tail)
{
    tail = std::clamp(tail, 1e-300, 0.5);
    // P(Z > t) = erfc(t / sqrt 2) / 2 decreases in t; erfc reaches 1e-300 near t = 37.
    double lo = 0.0;
    double hi = 40.0;
    for (int i = 0; i < 200 && hi - lo > 1e-13; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (0.5 * std::erfc(mid / std::sqrt(2.0)) > tail) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return 0.5 * (lo + hi);
}

} // namespace vd::detail
