// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace vd {

/// TensorBoard's scalar smoothing of a metric curve, fed one value at a time: an exponential
/// moving average debiased by 1 - weight^n, so the start is not pulled towards zero (bias
/// correction as in Adam, Kingma & Ba 2015). Shared by the PNG loss plots (report/LossPlot)
/// and the studio's live curves (MetricsPlot), so both draw the same line.
class DebiasedEMA {
public:
    /// `weight` in [0, 1]: 0 returns the values unchanged; 1 (no smoothing possible) as well.
    explicit DebiasedEMA(double weight = 0.0) : m_weight(weight) {}

    /// Feeds the next value; returns the smoothed value at it.
    double feed(double value)
    {
        m_ema = m_weight * m_ema + (1.0 - m_weight) * value;
        m_weightPower *= m_weight;
        return m_weightPower < 1.0 ? m_ema / (1.0 - m_weightPower) : value;
    }

    double weight() const { return m_weight; }

private:
    double m_weight;
    double m_ema = 0.0;
    double m_weightPower = 1.0; ///< weight^n
};

} // namespace vd
