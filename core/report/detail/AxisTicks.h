// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace vd::detail {

/// One tick of a plot axis: its value and label.
struct Tick {
    double value = 0.0;
    std::string label;
    bool major = true; ///< minor ticks only draw a faint grid line
};

/// The 1, 2 or 5 x 10^k nearest to `x` (Heckbert, "Nice numbers for graph labels", Graphics
/// Gems, 1990).
double niceNumber(double x);

/// "0.012" for moderate magnitudes, "1e-3" / "2.5e-4" / "1e6" beyond; `resolution` is the
/// smallest difference the label must show (the tick spacing).
std::string formatTick(double v, double resolution);

/// Spacing for about `target` ticks over [lo, hi]; never below `minStep`.
double niceStep(double lo, double hi, int target, double minStep = 0.0);

/// The multiples of `step` within [lo, hi].
std::vector<Tick> linearTicks(double lo, double hi, double step);

/// Ticks of a log axis spanning [10^lo, 10^hi]: powers of ten (with 2x and 5x over few
/// decades, faint 2..9x lines in between); nice linear values within one decade.
std::vector<Tick> logTicks(double lo, double hi, int target);

} // namespace vd::detail
