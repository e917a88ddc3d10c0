// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/PowerLawFit.h"

#include <algorithm>
#include <cmath>

namespace vd {

double PowerLawFit::at(double x) const
{
    return a * std::pow(x, -b);
}

std::optional<PowerLawFit> fitPowerLaw(const std::vector<double>& x, const std::vector<double>& y)
{
    std::vector<double> lx;
    std::vector<double> ly;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        if (std::isfinite(x[i]) && std::isfinite(y[i]) && x[i] > 0.0 && y[i] > 0.0) {
            lx.push_back(std::log(x[i]));
            ly.push_back(std::log(y[i]));
        }
    }
    const size_t n = lx.size();
    if (n < 3) {
        return std::nullopt;
    }
    double mx = 0.0;
    double my = 0.0;
    for (size_t i = 0; i < n; ++i) {
        mx += lx[i];
        my += ly[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxx = 0.0;
    double sxy = 0.0;
    double syy = 0.0;
    for (size_t i = 0; i < n; ++i) {
        sxx += (lx[i] - mx) * (lx[i] - mx);
        sxy += (lx[i] - mx) * (ly[i] - my);
        syy += (ly[i] - my) * (ly[i] - my);
    }
    if (!(sxx > 1e-12 * std::max(1.0, mx * mx))) {
        return std::nullopt; // every x the same: no slope to fit
    }
    const double slope = sxy / sxx;
    const double intercept = my - slope * mx;
    double ssr = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double r = ly[i] - (intercept + slope * lx[i]);
        ssr += r * r;
    }
    const double variance = ssr / static_cast<double>(n - 2);
    PowerLawFit fit;
    fit.a = std::exp(intercept);
    fit.b = -slope;
    fit.bStderr = std::sqrt(variance / sxx);
    fit.logAStderr = std::sqrt(variance * (1.0 / static_cast<double>(n) + mx * mx / sxx));
    fit.r2 = syy > 0.0 ? 1.0 - ssr / syy : 1.0;
    fit.points = static_cast<int>(n);
    return fit;
}

} // namespace vd
