// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

namespace vd {

/// A power law y = a * x^(-b) fitted to measured points.
struct PowerLawFit {
    double a = 0.0;          ///< the prefactor (y at x = 1)
    double b = 0.0;          ///< the exponent: y falls as x^(-b); b > 0 means y falls as x grows
    double bStderr = 0.0;    ///< standard error of b (of the log-log slope)
    double logAStderr = 0.0; ///< standard error of ln a (of the log-log intercept)
    double r2 = 0.0;         ///< coefficient of determination on the log-log points
    int points = 0;          ///< points that entered the fit

    /// a * x^(-b).
    double at(double x) const;
};

/// Ordinary least squares of ln y = ln a - b ln x over the points with finite, positive x and y
/// (the others are left out), as the scaling-law literature fits (Kaplan et al., "Scaling Laws
/// for Neural Language Models", 2020, fit in log-log space). The standard error of b is the
/// slope's: sqrt(residual variance / sum (ln x - mean)^2), residual variance = SSR / (n - 2).
/// nullopt with fewer than 3 usable points (2 points fit any line exactly and leave no
/// residual to estimate an error from) or when all usable x are equal.
std::optional<PowerLawFit> fitPowerLaw(const std::vector<double>& x, const std::vector<double>& y);

} // namespace vd
