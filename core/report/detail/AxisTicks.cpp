// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/detail/AxisTicks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vd::detail {

double niceNumber(double x)
{
    const double exponent = std::floor(std::log10(x));
    const double fraction = x / std::pow(10.0, exponent);
    const double nice = fraction < 1.5 ? 1.0 : fraction < 3.0 ? 2.0 : fraction < 7.0 ? 5.0 : 10.0;
    return nice * std::pow(10.0, exponent);
}

std::string formatTick(double v, double resolution)
{
    const double a = std::fabs(v);
    if (a < resolution * 1e-6 || a == 0.0) {
        return "0";
    }
    char buffer[48];
    if (a >= 1e-2 && a < 1e6) {
        const int decimals =
            std::clamp(static_cast<int>(-std::floor(std::log10(resolution) + 1e-9)), 0, 8);
        std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, v);
        return buffer;
    }
    int exponent = static_cast<int>(std::floor(std::log10(a) + 1e-9));
    const int digits = std::clamp(
        static_cast<int>(-std::floor(std::log10(resolution / std::pow(10.0, exponent)) + 1e-9)), 0,
        3);
    const double scale = std::pow(10.0, digits);
    double mantissa = std::round(v / std::pow(10.0, exponent) * scale) / scale;
    if (std::fabs(mantissa) >= 10.0) {
        mantissa /= 10.0;
        ++exponent;
    }
    std::snprintf(buffer, sizeof(buffer), "%.*fe%d", digits, mantissa, exponent);
    return buffer;
}

double niceStep(double lo, double hi, int target, double minStep)
{
    return std::max(minStep, niceNumber((hi - lo) / std::max(1, target - 1)));
}

std::vector<Tick> linearTicks(double lo, double hi, double step)
{
    std::vector<Tick> ticks;
    if (!(step > 0.0) || !((hi - lo) / step < 1000.0)) {
        return ticks; // a range so narrow or odd that no tick is worth a loop
    }
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1.0) {
        ticks.push_back({k * step, formatTick(k * step, step)});
    }
    return ticks;
}

std::vector<Tick> logTicks(double lo, double hi, int target)
{
    const int kLo = static_cast<int>(std::ceil(lo - 1e-9));
    const int kHi = static_cast<int>(std::floor(hi + 1e-9));
    const int decades = kHi - kLo + 1;
    if (decades < 2) {
        const double vLo = std::pow(10.0, lo);
        const double vHi = std::pow(10.0, hi);
        std::vector<Tick> ticks = linearTicks(vLo, vHi, niceStep(vLo, vHi, target));
        ticks.erase(std::remove_if(ticks.begin(), ticks.end(),
                                   [](const Tick& t) { return t.value <= 0.0; }),
                    ticks.end());
        return ticks;
    }
    const int stride = (decades + target - 1) / target;
    std::vector<Tick> ticks;
    for (int k = static_cast<int>(std::floor(lo)); k <= static_cast<int>(std::ceil(hi)); ++k) {
        const double decade = std::pow(10.0, k);
        for (int m = 1; m <= 9; ++m) {
            const double v = m * decade;
            const double lv = std::log10(v);
            if (lv < lo - 1e-9 || lv > hi + 1e-9) {
                continue;
            }
            if (m == 1 && (k - kLo) % stride == 0) {
                ticks.push_back({v, formatTick(v, decade)});
            } else if (stride == 1 && decades * 3 <= target + 3 && (m == 2 || m == 5)) {
                ticks.push_back({v, formatTick(v, decade)});
            } else if (stride == 1 && decades <= 4) { // more would grey the whole plot
                ticks.push_back({v, "", false});
            }
        }
    }
    return ticks;
}

} // namespace vd::detail
