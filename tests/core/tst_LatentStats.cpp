// SPDX-License-Identifier: GPL-3.0-or-later
// Latent channel statistics: every figure against a direct computation on small tensors (moments,
// percentiles, kurtosis of known samples, top-1% energy of a one-hot map, DCT band of pure
// cosines), flat channels and single frames without NaN, streaming equal to one call, the
// sampled mode, maps, JSON and input errors.
#include "diffusion/Random.h"
#include "inspect/LatentStats.h"
#include "inspect/LatentStatsAccumulator.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

using namespace vd;

namespace {

torch::Tensor gaussian(std::vector<int64_t> shape, uint64_t seed)
{
    at::Generator g = makeGenerator(seed);
    return randnFrom(shape, g, torch::TensorOptions().dtype(torch::kFloat32));
}

/// Values of channel c of [B,C,T,h,w] or [C,T,h,w] as doubles.
std::vector<double> channelValues(const torch::Tensor& z, int64_t c)
{
    const torch::Tensor v =
        (z.dim() == 5 ? z.select(1, c) : z.select(0, c)).flatten().to(torch::kFloat64).contiguous();
    return std::vector<double>(v.data_ptr<double>(), v.data_ptr<double>() + v.numel());
}

/// numpy.percentile(a, q) with the default linear method.
double directPercentile(std::vector<double> a, double q)
{
    std::sort(a.begin(), a.end());
    const double pos = q / 100.0 * double(a.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, a.size() - 1);
    return a[lo] + (pos - double(lo)) * (a[hi] - a[lo]);
}

bool close(double a, double b, double tol)
{
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

void checkFinite(const LatentStats& s)
{
    for (const ChannelStats& c : s.channelStats) {
        for (const double v : {c.mean, c.std, c.min, c.max, c.p1, c.p5, c.p50, c.p95, c.p99,
                               c.excessKurtosis, c.maxAbsZ, c.top1EnergyShare,
                               c.highFreqEnergyShare, c.histogram.min, c.histogram.max}) {
            QVERIFY2(std::isfinite(v), qPrintable(QString("channel %1").arg(c.channel)));
        }
    }
    for (const torch::Tensor& m : {s.meanMap, s.logVarianceMap, s.dctPowerMap}) {
        QVERIFY(m.defined());
        QCOMPARE(m.sizes().vec(), (std::vector<int64_t>{s.channels, s.height, s.width}));
        QCOMPARE(m.scalar_type(), torch::kFloat32);
        QVERIFY(torch::isfinite(m).all().item<bool>());
    }
}

/// A [1,1,h,w] frame holding the DCT-II basis pattern (u, v).
torch::Tensor cosinePattern(int64_t h, int64_t w, int64_t u, int64_t v)
{
    const double pi = std::acos(-1.0);
    const torch::Tensor ys = torch::arange(h, torch::kFloat64).view({h, 1});
    const torch::Tensor xs = torch::arange(w, torch::kFloat64).view({1, w});
    return (torch::cos(pi * (2 * ys + 1) * double(u) / double(2 * h)) *
            torch::cos(pi * (2 * xs + 1) * double(v) / double(2 * w)))
        .view({1, 1, h, w});
}

} // namespace

class tst_LatentStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void matchesDirectComputation();
    void kurtosisOfKnownSamples_data();
    void kurtosisOfKnownSamples();
    void percentilesOfKnownSample();
    void maxAbsZAndItsPosition();
    void topEnergyShare();
    void dctBandOfPureCosines_data();
    void dctBandOfPureCosines();
    void dctWhiteNoise();
    void histogram();
    void flatChannelAndSingleFrame();
    void logVarianceMap();
    void streamingEqualsOneCall();
    void sampledModeBeyondCapacity();
    void json();
    void rejectsBadInput();
};

void tst_LatentStats::matchesDirectComputation()
{
    const torch::Tensor z =
        gaussian({2, 3, 4, 5, 6}, 1) * torch::tensor({1.0f, 2.0f, 0.5f}).view({1, 3, 1, 1, 1}) +
        torch::tensor({0.0f, -1.0f, 3.0f}).view({1, 3, 1, 1, 1});
    const LatentStats s = computeLatentStats(z);
    QCOMPARE(s.clips, int64_t(2));
    QCOMPARE(s.frames, int64_t(8));
    QCOMPARE(s.channels, int64_t(3));
    QCOMPARE(s.height, int64_t(5));
    QCOMPARE(s.width, int64_t(6));
    QCOMPARE(s.valuesPerChannel, int64_t(240));
    QVERIFY(s.exact);
    QCOMPARE(s.channelStats.size(), size_t(3));
    for (int64_t c = 0; c < 3; ++c) {
        const std::vector<double> v = channelValues(z, c);
        const double n = double(v.size());
        double mean = 0;
        for (double x : v) {
            mean += x / n;
        }
        double m2 = 0, m4 = 0;
        for (double x : v) {
            m2 += (x - mean) * (x - mean) / n;
            m4 += std::pow(x - mean, 4) / n;
        }
        const ChannelStats& cs = s.channelStats[size_t(c)];
        QCOMPARE(cs.channel, c);
        QVERIFY(close(cs.mean, mean, 1e-9));
        QVERIFY(close(cs.std, std::sqrt(m2), 1e-9));
        QCOMPARE(cs.min, *std::min_element(v.begin(), v.end()));
        QCOMPARE(cs.max, *std::max_element(v.begin(), v.end()));
        QVERIFY(close(cs.excessKurtosis, m4 / (m2 * m2) - 3.0, 1e-9));
        QVERIFY(close(cs.p1, directPercentile(v, 1), 1e-6));
        QVERIFY(close(cs.p5, directPercentile(v, 5), 1e-6));
        QVERIFY(close(cs.p50, directPercentile(v, 50), 1e-6));
        QVERIFY(close(cs.p95, directPercentile(v, 95), 1e-6));
        QVERIFY(close(cs.p99, directPercentile(v, 99), 1e-6));
        double maxZ = 0;
        for (double x : v) {
            maxZ = std::max(maxZ, std::abs(x - mean) / std::sqrt(m2));
        }
        QVERIFY(close(cs.maxAbsZ, maxZ, 1e-9));
    }
    checkFinite(s);
}

void tst_LatentStats::kurtosisOfKnownSamples_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<double>("kurtosis");
    // 1..5: m2 = 2, m4 = 6.8 -> 6.8 / 4 - 3.
    QTest::newRow("1..5") << QVector<double>{1, 2, 3, 4, 5} << -1.3;
    // Two points: m4 = m2^2 -> -2, the minimum possible.
    QTest::newRow("+-1") << QVector<double>{-1, 1, -1, 1} << -2.0;
    // One outlier among 9 zeros: m2 = 0.9, m4 = (0.9^4 + 9 * 0.1^4) / 10 = 0.6570
    // -> 0.6570 / 0.81 - 3 = 5.111...
    QTest::newRow("outlier") << QVector<double>{0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
                             << (0.6561 + 0.0009) / 10.0 / (0.09 * 0.09) - 3.0;
}

void tst_LatentStats::kurtosisOfKnownSamples()
{
    QFETCH(QVector<double>, values);
    QFETCH(double, kurtosis);
    const torch::Tensor z =
        torch::tensor(std::vector<double>(values.begin(), values.end()), torch::kFloat64)
            .view({1, 1, 1, values.size()});
    const LatentStats s = computeLatentStats(z);
    QVERIFY2(close(s.channelStats[0].excessKurtosis, kurtosis, 1e-9),
             qPrintable(QString::number(s.channelStats[0].excessKurtosis)));
}

void tst_LatentStats::percentilesOfKnownSample()
{
    // 0, 1, ..., 100 shuffled: percentile q is q.
    const torch::Tensor v = torch::randperm(101, torch::kFloat32).view({1, 1, 1, 101});
    const ChannelStats c = computeLatentStats(v).channelStats[0];
    QCOMPARE(c.p1, 1.0);
    QCOMPARE(c.p5, 5.0);
    QCOMPARE(c.p50, 50.0);
    QCOMPARE(c.p95, 95.0);
    QCOMPARE(c.p99, 99.0);
    // Interpolation between order statistics: 0..3 -> p50 = 1.5, p1 = 0.03.
    const ChannelStats d =
        computeLatentStats(torch::tensor({3.0f, 0.0f, 2.0f, 1.0f}).view({1, 1, 2, 2}))
            .channelStats[0];
    QVERIFY(close(d.p50, 1.5, 1e-12));
    QVERIFY(close(d.p1, 0.03, 1e-6));
}

void tst_LatentStats::maxAbsZAndItsPosition()
{
    torch::Tensor z = gaussian({3, 2, 4, 8, 8}, 2);
    z[1][1][2][3][4] = -20.0; // clip 1, channel 1, frame 2, y 3, x 4
    const LatentStats s = computeLatentStats(z);
    const ChannelStats& c = s.channelStats[1];
    QCOMPARE(c.maxAbsZAt.clip, int64_t(1));
    QCOMPARE(c.maxAbsZAt.frame, int64_t(2));
    QCOMPARE(c.maxAbsZAt.y, int64_t(3));
    QCOMPARE(c.maxAbsZAt.x, int64_t(4));
    QVERIFY(close(c.maxAbsZ, (c.mean + 20.0) / c.std, 1e-9));
    QVERIFY(c.maxAbsZ > 10.0);
    QVERIFY(s.channelStats[0].maxAbsZ < 5.0);
    // Through the accumulator, clips are counted over calls.
    LatentStatsAccumulator acc;
    acc.add(gaussian({2, 2, 4, 8, 8}, 3));
    acc.add(z);
    QCOMPARE(acc.clips(), int64_t(5));
    QCOMPARE(acc.stats().channelStats[1].maxAbsZAt.clip, int64_t(3));
}

void tst_LatentStats::topEnergyShare()
{
    // One-hot map of n = 4096 values: the centred energy is 1 - 1/n; the top 1% (k = 41
    // positions) hold the hot one's (1 - 1/n)^2 and 40 others' 1/n^2 each.
    torch::Tensor hot = torch::zeros({1, 4, 32, 32});
    hot[0][1][7][9] = 1.0;
    const double n = 4096.0;
    const double k = 41.0;
    const double expected1 =
        ((1.0 - 1.0 / n) * (1.0 - 1.0 / n) + (k - 1.0) / (n * n)) / (1.0 - 1.0 / n);
    const ChannelStats c = computeLatentStats(hot).channelStats[0];
    QVERIFY2(close(c.top1EnergyShare, expected1, 1e-9),
             qPrintable(QString::number(c.top1EnergyShare, 'g', 12)));
    QVERIFY(c.top1EnergyShare > 0.999);

    // Direct computation on a random sample: top ceil(n/100) centred squares over the total.
    const torch::Tensor z = gaussian({2, 3, 5, 7}, 4); // 105 values per channel -> top 2
    const std::vector<double> v = channelValues(z, 1);
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    std::vector<double> e;
    for (double x : v) {
        e.push_back((x - mean) * (x - mean));
    }
    std::sort(e.rbegin(), e.rend());
    const double expected = (e[0] + e[1]) / std::accumulate(e.begin(), e.end(), 0.0);
    QVERIFY(close(computeLatentStats(z).channelStats[1].top1EnergyShare, expected, 1e-9));

    // Gaussian values: the top 1% (|z| > c = 2.5758) hold E[z^2; |z| > c] = 2 (c phi(c) + 0.005)
    // = 0.0845 of the energy.
    const ChannelStats g = computeLatentStats(gaussian({4, 16, 64, 64}, 5)).channelStats[2];
    QVERIFY2(std::abs(g.top1EnergyShare - 0.0845) < 0.005,
             qPrintable(QString::number(g.top1EnergyShare)));
}

void tst_LatentStats::dctBandOfPureCosines_data()
{
    QTest::addColumn<int>("u");
    QTest::addColumn<int>("v");
    QTest::addColumn<double>("share");
    QTest::newRow("(2,3) low") << 2 << 3 << 0.0;
    QTest::newRow("(7,7) low corner") << 7 << 7 << 0.0;
    QTest::newRow("(12,3) high vertical") << 12 << 3 << 1.0;
    QTest::newRow("(0,8) high horizontal") << 0 << 8 << 1.0;
    QTest::newRow("(15,15) highest") << 15 << 15 << 1.0;
}

void tst_LatentStats::dctBandOfPureCosines()
{
    QFETCH(int, u);
    QFETCH(int, v);
    QFETCH(double, share);
    // Two frames of the pattern plus a constant offset (the DC term is not counted).
    const torch::Tensor frame = cosinePattern(16, 16, u, v) * 1.5 + 0.25;
    const torch::Tensor z = torch::cat({frame, frame}, 1).to(torch::kFloat32); // [1,2,16,16]
    const LatentStats s = computeLatentStats(z);
    QVERIFY2(close(s.channelStats[0].highFreqEnergyShare, share, 1e-6),
             qPrintable(QString::number(s.channelStats[0].highFreqEnergyShare)));
    // Orthonormal DCT: the whole AC energy (sum of squares, 1.5^2 * 8 * 8 per frame for u, v > 0)
    // sits in coefficient (u, v).
    const torch::Tensor power = s.dctPowerMap[0].to(torch::kFloat64);
    const double frameEnergy = (frame - 0.25).pow(2).sum().item<double>();
    QVERIFY(close(power[u][v].item<double>(), frameEnergy, 1e-5));
    QVERIFY(close(power[0][0].item<double>(), 0.25 * 0.25 * 256, 1e-5));
    QVERIFY(close(power.sum().item<double>(), frameEnergy + 0.25 * 0.25 * 256, 1e-5));
}

void tst_LatentStats::dctWhiteNoise()
{
    const LatentStats s = computeLatentStats(gaussian({2, 32, 16, 16}, 6));
    // 16 x 16: 64 low coefficients (u < 8 and v < 8, DC among them) -> 192 of 255 AC are high.
    QVERIFY(close(s.highFreqShareWhiteNoise, 192.0 / 255.0, 1e-12));
    for (const ChannelStats& c : s.channelStats) {
        QVERIFY2(std::abs(c.highFreqEnergyShare - s.highFreqShareWhiteNoise) < 0.03,
                 qPrintable(QString::number(c.highFreqEnergyShare)));
    }
    // Smooth content (a spatial average of the noise) puts its energy in the low band.
    const torch::Tensor smooth =
        torch::avg_pool2d(gaussian({64, 20, 20}, 7).unsqueeze(1), 5, 1).view({1, 64, 16, 16});
    QVERIFY(computeLatentStats(smooth).channelStats[0].highFreqEnergyShare < 0.2);
    // Odd and one-row frames: the band is defined there too.
    const LatentStats odd = computeLatentStats(gaussian({1, 4, 1, 7}, 8));
    QVERIFY(close(odd.highFreqShareWhiteNoise, 3.0 / 6.0, 1e-12)); // v >= 3.5: 4, 5, 6
    checkFinite(odd);
}

void tst_LatentStats::histogram()
{
    // 0..9 in 10 bins over [0, 9]: bin width 0.9, every value in its own bin, 9 in the last.
    const torch::Tensor z = torch::arange(10, torch::kFloat32).view({1, 1, 2, 5});
    LatentStatsOptions o;
    o.histogramBins = 10;
    const Histogram h = computeLatentStats(z, {}, o).channelStats[0].histogram;
    QCOMPARE(h.min, 0.0);
    QCOMPARE(h.max, 9.0);
    QCOMPARE(h.counts, (std::vector<int64_t>(10, 1)));
    o.histogramBins = 3; // [0,3) [3,6) [6,9]
    QCOMPARE(computeLatentStats(z, {}, o).channelStats[0].histogram.counts,
             (std::vector<int64_t>{3, 3, 4}));
    // Default 64 bins, counts add up to the number of values.
    const LatentStats s = computeLatentStats(gaussian({4, 8, 16, 16}, 9));
    for (const ChannelStats& c : s.channelStats) {
        QCOMPARE(c.histogram.counts.size(), size_t(64));
        QCOMPARE(std::accumulate(c.histogram.counts.begin(), c.histogram.counts.end(), int64_t(0)),
                 int64_t(2048));
        QCOMPARE(c.histogram.min, c.min);
        QCOMPARE(c.histogram.max, c.max);
    }
}

void tst_LatentStats::flatChannelAndSingleFrame()
{
    torch::Tensor z = gaussian({3, 1, 8, 8}, 10); // one frame
    z[0].fill_(0.1f);                             // a dead channel
    const LatentStats s = computeLatentStats(z);
    checkFinite(s);
    QCOMPARE(s.frames, int64_t(1));
    const ChannelStats& c = s.channelStats[0];
    QCOMPARE(c.std, 0.0);
    QVERIFY(close(c.mean, 0.1f, 1e-12));
    QCOMPARE(c.min, c.max);
    QCOMPARE(c.p50, double(0.1f));
    QCOMPARE(c.excessKurtosis, 0.0);
    QCOMPARE(c.maxAbsZ, 0.0);
    QCOMPARE(c.top1EnergyShare, 0.0);
    QCOMPARE(c.highFreqEnergyShare, 0.0);
    QCOMPARE(c.histogram.counts[32], int64_t(64)); // the middle bin of [min - 0.5, max + 0.5]
    QVERIFY(close(c.histogram.max - c.histogram.min, 1.0, 1e-12));
    // One frame: no variance over frames, the floor keeps the log finite.
    QVERIFY(close(s.logVarianceMap.max().item<double>(), std::log(1e-12), 1e-5));
    QVERIFY(s.channelStats[1].std > 0.5);

    // A single value per channel.
    const LatentStats one = computeLatentStats(torch::ones({2, 1, 1, 1}));
    checkFinite(one);
    QCOMPARE(one.highFreqShareWhiteNoise, 0.0);
}

void tst_LatentStats::logVarianceMap()
{
    const torch::Tensor z = gaussian({2, 2, 6, 4, 4}, 11);
    // Without the encoder's logvar: log of the variance over clips and frames per position.
    const LatentStats s = computeLatentStats(z);
    QVERIFY(!s.logVarianceFromEncoder);
    const torch::Tensor direct =
        z.to(torch::kFloat64).transpose(0, 1).reshape({2, 12, 4, 4}).var(1, false).log();
    QVERIFY(torch::allclose(s.logVarianceMap.to(torch::kFloat64), direct, 1e-4, 1e-5));
    QVERIFY(torch::allclose(s.meanMap, z.mean(std::vector<int64_t>{0, 2}), 1e-5, 1e-6));

    // With it: the mean of logvar over clips and frames.
    torch::Tensor logvar = torch::full({2, 2, 6, 4, 4}, -3.0f);
    logvar.select(1, 1).select(3, 2).fill_(1.0f); // channel 1, column x = 2
    logvar[0][1][0][0][2] = 7.0f;                 // one frame differs
    const LatentStats e = computeLatentStats(z, logvar);
    QVERIFY(e.logVarianceFromEncoder);
    QVERIFY(close(e.logVarianceMap[0][3][3].item<double>(), -3.0, 1e-6));
    QVERIFY(close(e.logVarianceMap[1][3][2].item<double>(), 1.0, 1e-6));
    QVERIFY(close(e.logVarianceMap[1][0][2].item<double>(), 1.0 + 6.0 / 12.0, 1e-6));

    // logvar for some clips only, or of another shape, is refused.
    LatentStatsAccumulator acc;
    acc.add(z, logvar);
    QVERIFY_EXCEPTION_THROWN(acc.add(z), Error);
    LatentStatsAccumulator other;
    other.add(z);
    QVERIFY_EXCEPTION_THROWN(other.add(z, logvar), Error);
    try {
        (void)computeLatentStats(z, logvar[0]);
        QFAIL("accepted a logvar of another shape");
    } catch (const Error& err) {
        QCOMPARE(err.code(), ErrorCode::ShapeMismatch);
        QVERIFY2(QString(err.what()).contains("logvar"), err.what());
    }
}

void tst_LatentStats::streamingEqualsOneCall()
{
    const torch::Tensor a = gaussian({2, 4, 3, 8, 8}, 12) * 1.7 + 0.4;
    const torch::Tensor b = gaussian({1, 4, 5, 8, 8}, 13).pow(3); // heavy tails, other T
    const torch::Tensor c = gaussian({4, 2, 8, 8}, 14) - 2.0;     // a single clip [C,T,h,w]
    LatentStatsAccumulator acc;
    acc.add(a);
    acc.add(b);
    acc.add(c);
    const LatentStats streamed = acc.stats();
    // The same values in one call: concatenate along frames (T) of a single clip.
    const torch::Tensor all = torch::cat({a[0], a[1], b[0], c}, 1);
    const LatentStats once = computeLatentStats(all);
    QCOMPARE(streamed.clips, int64_t(4));
    QCOMPARE(streamed.frames, int64_t(3 + 3 + 5 + 2));
    QCOMPARE(streamed.valuesPerChannel, once.valuesPerChannel);
    QVERIFY(streamed.exact);
    for (size_t i = 0; i < 4; ++i) {
        const ChannelStats& s = streamed.channelStats[i];
        const ChannelStats& o = once.channelStats[i];
        QVERIFY(close(s.mean, o.mean, 1e-12));
        QVERIFY(close(s.std, o.std, 1e-12));
        QVERIFY(close(s.excessKurtosis, o.excessKurtosis, 1e-10));
        QVERIFY(close(s.maxAbsZ, o.maxAbsZ, 1e-10));
        QCOMPARE(s.min, o.min);
        QCOMPARE(s.max, o.max);
        QCOMPARE(s.p1, o.p1);
        QCOMPARE(s.p50, o.p50);
        QCOMPARE(s.p99, o.p99);
        QVERIFY(close(s.top1EnergyShare, o.top1EnergyShare, 1e-12));
        QVERIFY(close(s.highFreqEnergyShare, o.highFreqEnergyShare, 1e-12));
        QCOMPARE(s.histogram.counts, o.histogram.counts);
    }
    QVERIFY(torch::allclose(streamed.meanMap, once.meanMap, 1e-5, 1e-6));
    QVERIFY(torch::allclose(streamed.logVarianceMap, once.logVarianceMap, 1e-4, 1e-5));
    QVERIFY(torch::allclose(streamed.dctPowerMap, once.dctPowerMap, 1e-4, 1e-5));

    // Other channel count or frame size: refused, naming both shapes.
    try {
        acc.add(gaussian({1, 4, 2, 8, 4}, 15));
        QFAIL("accepted another frame size");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
        QVERIFY2(QString(e.what()).contains("[1, 4, 2, 8, 4]"), e.what());
    }
    acc.reset();
    QCOMPARE(acc.clips(), int64_t(0));
    QVERIFY_EXCEPTION_THROWN(acc.stats(), Error);
    acc.add(gaussian({1, 4, 2, 8, 4}, 15)); // a fresh start takes any shape
    QCOMPARE(acc.stats().width, int64_t(4));
}

void tst_LatentStats::sampledModeBeyondCapacity()
{
    LatentStatsOptions o;
    o.maxStoredValuesPerChannel = 5000;
    LatentStatsAccumulator acc(o);
    std::vector<torch::Tensor> parts;
    for (int i = 0; i < 8; ++i) {
        parts.push_back(gaussian({1, 2, 4, 16, 16}, 100 + uint64_t(i))); // 1024 per channel each
        acc.add(parts.back());
    }
    const LatentStats s = acc.stats();
    QVERIFY(!s.exact);
    QCOMPARE(s.valuesPerChannel, int64_t(8192));
    const LatentStats exact = computeLatentStats(torch::cat(parts, 0));
    QVERIFY(exact.exact);
    for (size_t c = 0; c < 2; ++c) {
        // Moments, extremes and the DCT band stay exact; order statistics are estimates.
        QVERIFY(close(s.channelStats[c].std, exact.channelStats[c].std, 1e-12));
        QCOMPARE(s.channelStats[c].max, exact.channelStats[c].max);
        QVERIFY(close(s.channelStats[c].highFreqEnergyShare,
                      exact.channelStats[c].highFreqEnergyShare, 1e-12));
        QVERIFY(std::abs(s.channelStats[c].p50 - exact.channelStats[c].p50) < 0.05);
        QVERIFY(std::abs(s.channelStats[c].p95 - exact.channelStats[c].p95) < 0.1);
        QCOMPARE(std::accumulate(s.channelStats[c].histogram.counts.begin(),
                                 s.channelStats[c].histogram.counts.end(), int64_t(0)),
                 int64_t(5000));
    }
    QVERIFY_EXCEPTION_THROWN(LatentStatsAccumulator(LatentStatsOptions{0, 10, 0}), Error);
    QVERIFY_EXCEPTION_THROWN(LatentStatsAccumulator(LatentStatsOptions{8, 0, 0}), Error);
}

void tst_LatentStats::json()
{
    LatentStatsOptions o;
    o.histogramBins = 8;
    const nlohmann::json j = computeLatentStats(gaussian({4, 2, 8, 8}, 16), {}, o);
    QCOMPARE(j.at("channels").get<int>(), 4);
    QCOMPARE(j.at("channel_stats").size(), size_t(4));
    QCOMPARE(j.at("map_shape"), nlohmann::json({4, 8, 8}));
    const nlohmann::json& c = j.at("channel_stats")[2];
    for (const char* key :
         {"mean", "std", "min", "max", "percentiles", "excess_kurtosis", "max_abs_z",
          "max_abs_z_at", "top1_energy_share", "high_freq_energy_share", "histogram"}) {
        QVERIFY2(c.contains(key), key);
    }
    QCOMPARE(c.at("percentiles").size(), size_t(5));
    QCOMPARE(c.at("histogram").at("counts").size(), size_t(8));
}

void tst_LatentStats::rejectsBadInput()
{
    for (const torch::Tensor& bad :
         {torch::zeros({4, 8, 8}), torch::zeros({1, 1, 4, 0, 8}), torch::Tensor()}) {
        try {
            (void)computeLatentStats(bad);
            QFAIL("accepted a bad shape");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
            QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
            QVERIFY2(QString(e.what()).startsWith("LatentStats: latents"), e.what());
        }
    }
    torch::Tensor inf = torch::zeros({2, 2, 4, 4});
    inf[0][1][1][1] = std::numeric_limits<float>::infinity();
    try {
        (void)computeLatentStats(inf);
        QFAIL("accepted infinity");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QCOMPARE(e.code(), ErrorCode::NonFinite);
    }
}

QTEST_APPLESS_MAIN(tst_LatentStats)
#include "tst_LatentStats.moc"
