// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/LatentStatsAccumulator.h"

#include "inspect/detail/InspectInput.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace vd {

namespace {

/// Orthonormal DCT-II matrix D [n,n]: coefficients of a signal s are D s (Ahmed et al. 1974).
torch::Tensor dctMatrix(int64_t n)
{
    torch::Tensor d = torch::empty({n, n}, torch::kFloat64);
    double* p = d.data_ptr<double>();
    const double pi = std::acos(-1.0);
    for (int64_t k = 0; k < n; ++k) {
        const double scale = std::sqrt((k == 0 ? 1.0 : 2.0) / static_cast<double>(n));
        for (int64_t i = 0; i < n; ++i) {
            p[k * n + i] = scale * std::cos(pi * static_cast<double>((2 * i + 1) * k) /
                                            static_cast<double>(2 * n));
        }
    }
    return d;
}

/// The high DCT band of LatentStats: u >= h/2 or v >= w/2 (as a 0/1 double mask [h,w]).
torch::Tensor highBandMask(int64_t h, int64_t w)
{
    torch::Tensor m = torch::zeros({h, w}, torch::kFloat64);
    double* p = m.data_ptr<double>();
    for (int64_t u = 0; u < h; ++u) {
        for (int64_t v = 0; v < w; ++v) {
            p[u * w + v] = (2 * u >= h && h > 1) || (2 * v >= w && w > 1) ? 1.0 : 0.0;
        }
    }
    return m;
}

/// Linear interpolation between order statistics of sorted `a` (numpy's default method).
double percentile(const std::vector<float>& a, double q)
{
    if (a.empty()) {
        return 0.0;
    }
    const double pos = q / 100.0 * static_cast<double>(a.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, a.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return static_cast<double>(a[lo]) + frac * (static_cast<double>(a[hi]) - a[lo]);
}

std::string shapeOf(int64_t c, int64_t h, int64_t w)
{
    return "[C,h,w] = [" + std::to_string(c) + ", " + std::to_string(h) + ", " + std::to_string(w) +
           "]";
}

} // namespace

void validate(const LatentStatsOptions& options)
{
    if (options.histogramBins < 1 || options.histogramBins > 1000000) {
        throw Error(ErrorKind::Usage,
                    "LatentStatsOptions.histogramBins: " + std::to_string(options.histogramBins) +
                        " is out of range [1, 1000000]",
                    ErrorCode::InvalidValue);
    }
    if (options.maxStoredValuesPerChannel < 1) {
        throw Error(ErrorKind::Usage,
                    "LatentStatsOptions.maxStoredValuesPerChannel: " +
                        std::to_string(options.maxStoredValuesPerChannel) + " must be at least 1",
                    ErrorCode::InvalidValue);
    }
}

LatentStatsAccumulator::LatentStatsAccumulator(LatentStatsOptions options)
    : m_options(options), m_rng(options.sampleSeed)
{
    validate(m_options);
}

void LatentStatsAccumulator::reset()
{
    *this = LatentStatsAccumulator(m_options);
}

void LatentStatsAccumulator::add(const torch::Tensor& latents, const torch::Tensor& logvar)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = detail::clipBatch(latents, "LatentStats: latents");
    const bool hasLogvar = logvar.defined();
    torch::Tensor lv;
    if (hasLogvar) {
        lv = detail::clipBatch(logvar, "LatentStats: logvar");
        if (lv.sizes() != x.sizes()) {
            throw Error(ErrorKind::Usage,
                        "LatentStats: logvar " + detail::shapeString(logvar) +
                            " does not match latents " + detail::shapeString(latents),
                        ErrorCode::ShapeMismatch);
        }
    }
    if (m_logvarGiven >= 0 && m_logvarGiven != static_cast<int>(hasLogvar)) {
        throw Error(ErrorKind::Usage,
                    std::string("LatentStats: logvar ") +
                        (hasLogvar ? "given now but not for earlier clips"
                                   : "missing now but given for earlier clips"),
                    ErrorCode::ShapeMismatch);
    }
    const int64_t batch = x.size(0);
    const int64_t channels = x.size(1);
    const int64_t frames = x.size(2);
    const int64_t height = x.size(3);
    const int64_t width = x.size(4);
    if (m_channels == 0) {
        m_channels = channels;
        m_height = height;
        m_width = width;
        m_stats.assign(static_cast<size_t>(channels), Channel{});
        const auto opts = torch::TensorOptions().dtype(torch::kFloat64);
        m_sum = torch::zeros({channels, height, width}, opts);
        m_sumSq = torch::zeros({channels, height, width}, opts);
        m_logvarSum = torch::zeros({channels, height, width}, opts);
        m_dctPower = torch::zeros({channels, height, width}, opts);
        m_dctRows = dctMatrix(height);
        m_dctCols = dctMatrix(width).t().contiguous();
    } else if (channels != m_channels || height != m_height || width != m_width) {
        throw Error(ErrorKind::Usage,
                    "LatentStats: latents " + detail::shapeString(latents) + " do not match the " +
                        shapeOf(m_channels, m_height, m_width) + " of earlier clips",
                    ErrorCode::ShapeMismatch);
    }
    m_logvarGiven = hasLogvar ? 1 : 0;

    // Per channel, values in (clip, frame, y, x) order.
    const torch::Tensor flat = x.transpose(0, 1).reshape({channels, -1}).contiguous();
    const int64_t n = flat.size(1);
    const torch::Tensor batchMean = flat.mean(1, true);
    const torch::Tensor d = flat - batchMean;
    const torch::Tensor d2 = d * d;
    const torch::Tensor m2 = d2.sum(1).contiguous();
    const torch::Tensor m3 = (d2 * d).sum(1).contiguous();
    const torch::Tensor m4 = (d2 * d2).sum(1).contiguous();
    const auto minResult = flat.min(1);
    const auto maxResult = flat.max(1);
    const torch::Tensor minValue = std::get<0>(minResult).contiguous();
    const torch::Tensor minIndex = std::get<1>(minResult).contiguous();
    const torch::Tensor maxValue = std::get<0>(maxResult).contiguous();
    const torch::Tensor maxIndex = std::get<1>(maxResult).contiguous();
    const torch::Tensor meanC = batchMean.contiguous();

    const auto position = [&](int64_t index) {
        LatentPosition p;
        p.x = index % width;
        p.y = (index / width) % height;
        p.frame = (index / (width * height)) % frames;
        p.clip = m_clips + index / (width * height * frames);
        return p;
    };

    const double nb = static_cast<double>(n);
    for (int64_t c = 0; c < channels; ++c) {
        Channel& ch = m_stats[static_cast<size_t>(c)];
        const double mb = meanC.data_ptr<double>()[c];
        const double m2b = m2.data_ptr<double>()[c];
        const double m3b = m3.data_ptr<double>()[c];
        const double m4b = m4.data_ptr<double>()[c];
        const double lo = minValue.data_ptr<double>()[c];
        const double hi = maxValue.data_ptr<double>()[c];
        if (ch.n == 0) {
            ch.mean = mb;
            ch.m2 = m2b;
            ch.m3 = m3b;
            ch.m4 = m4b;
            ch.min = lo;
            ch.max = hi;
            ch.minAt = position(minIndex.data_ptr<int64_t>()[c]);
            ch.maxAt = position(maxIndex.data_ptr<int64_t>()[c]);
        } else {
            // Pébay (2008) eqs. 2.1-2.3 for merging two sets' central moments.
            const double na = ch.n;
            const double nt = na + nb;
            const double delta = mb - ch.mean;
            const double d2n = delta * delta;
            const double m4t =
                ch.m4 + m4b + d2n * d2n * na * nb * (na * na - na * nb + nb * nb) / (nt * nt * nt) +
                6.0 * d2n * (na * na * m2b + nb * nb * ch.m2) / (nt * nt) +
                4.0 * delta * (na * m3b - nb * ch.m3) / nt;
            const double m3t = ch.m3 + m3b + d2n * delta * na * nb * (na - nb) / (nt * nt) +
                               3.0 * delta * (na * m2b - nb * ch.m2) / nt;
            const double m2t = ch.m2 + m2b + d2n * na * nb / nt;
            ch.mean += delta * nb / nt;
            ch.m2 = m2t;
            ch.m3 = m3t;
            ch.m4 = m4t;
            if (lo < ch.min) {
                ch.min = lo;
                ch.minAt = position(minIndex.data_ptr<int64_t>()[c]);
            }
            if (hi > ch.max) {
                ch.max = hi;
                ch.maxAt = position(maxIndex.data_ptr<int64_t>()[c]);
            }
        }
        store(ch, flat.data_ptr<double>() + c * n, n);
        ch.n += nb;
    }

    // Sum over clips (dim 0) and frames (dim 2): [C,h,w].
    const std::vector<int64_t> clipsAndFrames{0, 2};
    m_sum += x.sum(clipsAndFrames);
    m_sumSq += (x * x).sum(clipsAndFrames);
    if (hasLogvar) {
        m_logvarSum += lv.sum(clipsAndFrames);
    }
    const torch::Tensor frameStack = x.transpose(0, 1).reshape({channels, -1, height, width});
    const torch::Tensor coeffs = torch::matmul(torch::matmul(m_dctRows, frameStack), m_dctCols);
    m_dctPower += (coeffs * coeffs).sum(1);

    m_clips += batch;
    m_frames += batch * frames;
}

void LatentStatsAccumulator::store(Channel& ch, const double* values, int64_t n)
{
    const auto cap = static_cast<size_t>(m_options.maxStoredValuesPerChannel);
    // ch.n is the number of values seen before this batch.
    auto seen = static_cast<uint64_t>(ch.n);
    for (int64_t i = 0; i < n; ++i, ++seen) {
        const auto v = static_cast<float>(values[i]);
        if (ch.values.size() < cap) {
            ch.values.push_back(v);
            continue;
        }
        // Algorithm R: the (seen+1)-th value replaces a random slot with probability cap/(seen+1).
        std::uniform_int_distribution<uint64_t> pick(0, seen);
        const uint64_t j = pick(m_rng);
        if (j < cap) {
            ch.values[static_cast<size_t>(j)] = v;
        }
    }
}

LatentStats LatentStatsAccumulator::stats() const
{
    if (m_clips == 0) {
        throw Error(ErrorKind::Usage, "LatentStats: no latents were added");
    }
    torch::NoGradGuard noGrad;
    LatentStats s;
    s.clips = m_clips;
    s.frames = m_frames;
    s.channels = m_channels;
    s.height = m_height;
    s.width = m_width;
    s.valuesPerChannel = static_cast<int64_t>(m_stats.front().n);
    s.exact = static_cast<double>(m_stats.front().values.size()) == m_stats.front().n;

    const torch::Tensor high = highBandMask(m_height, m_width);
    torch::Tensor ac = torch::ones({m_height, m_width}, torch::kFloat64);
    ac[0][0] = 0.0;
    const double acCount = static_cast<double>(m_height * m_width - 1);
    s.highFreqShareWhiteNoise = acCount > 0 ? high.sum().item<double>() / acCount : 0.0;
    const torch::Tensor highEnergy =
        (m_dctPower * high).sum(std::vector<int64_t>{1, 2}).contiguous();
    const torch::Tensor acEnergy = (m_dctPower * ac).sum(std::vector<int64_t>{1, 2}).contiguous();

    for (int64_t c = 0; c < m_channels; ++c) {
        const Channel& ch = m_stats[static_cast<size_t>(c)];
        ChannelStats cs;
        cs.channel = c;
        cs.mean = ch.mean;
        cs.min = ch.min;
        cs.max = ch.max;
        // min == max is exact; rounding in the moments must not make a flat channel "noisy".
        const bool flat = ch.min == ch.max;
        cs.std = flat ? 0.0 : std::sqrt(std::max(0.0, ch.m2 / ch.n));
        if (!flat && ch.m2 > 0.0) {
            cs.excessKurtosis = ch.n * ch.m4 / (ch.m2 * ch.m2) - 3.0;
        }
        if (cs.std > 0.0) {
            const bool maxIsFarther = ch.max - ch.mean >= ch.mean - ch.min;
            cs.maxAbsZ = (maxIsFarther ? ch.max - ch.mean : ch.mean - ch.min) / cs.std;
            cs.maxAbsZAt = maxIsFarther ? ch.maxAt : ch.minAt;
        } else {
            cs.maxAbsZAt = ch.maxAt;
        }

        std::vector<float> sorted = ch.values;
        std::sort(sorted.begin(), sorted.end());
        cs.p1 = percentile(sorted, 1.0);
        cs.p5 = percentile(sorted, 5.0);
        cs.p50 = percentile(sorted, 50.0);
        cs.p95 = percentile(sorted, 95.0);
        cs.p99 = percentile(sorted, 99.0);

        if (!flat) {
            std::vector<double> energy(sorted.size());
            double total = 0.0;
            for (size_t i = 0; i < sorted.size(); ++i) {
                const double dv = static_cast<double>(sorted[i]) - ch.mean;
                energy[i] = dv * dv;
                total += energy[i];
            }
            const size_t k = std::max<size_t>(1, (sorted.size() + 99) / 100);
            std::nth_element(energy.begin(), energy.begin() + static_cast<std::ptrdiff_t>(k - 1),
                             energy.end(), std::greater<double>());
            double top = 0.0;
            for (size_t i = 0; i < k; ++i) {
                top += energy[i];
            }
            cs.top1EnergyShare = total > 0.0 ? top / total : 0.0;
            const double acE = acEnergy.data_ptr<double>()[c];
            cs.highFreqEnergyShare = acE > 0.0 ? highEnergy.data_ptr<double>()[c] / acE : 0.0;
        }

        Histogram& h = cs.histogram;
        h.min = flat ? ch.min - 0.5 : ch.min;
        h.max = flat ? ch.max + 0.5 : ch.max;
        h.counts.assign(static_cast<size_t>(m_options.histogramBins), 0);
        const double binWidth = (h.max - h.min) / m_options.histogramBins;
        for (const float v : sorted) {
            const auto bin = static_cast<int64_t>(std::floor((v - h.min) / binWidth));
            ++h.counts[static_cast<size_t>(
                std::clamp<int64_t>(bin, 0, m_options.histogramBins - 1))];
        }
        s.channelStats.push_back(std::move(cs));
    }

    const double frames = static_cast<double>(m_frames);
    const torch::Tensor mean = m_sum / frames;
    s.meanMap = mean.to(torch::kFloat32);
    s.logVarianceFromEncoder = m_logvarGiven == 1;
    if (s.logVarianceFromEncoder) {
        s.logVarianceMap = (m_logvarSum / frames).to(torch::kFloat32);
    } else {
        s.logVarianceMap =
            (m_sumSq / frames - mean * mean).clamp_min(1e-12).log().to(torch::kFloat32);
    }
    s.dctPowerMap = (m_dctPower / frames).to(torch::kFloat32);
    return s;
}

} // namespace vd
