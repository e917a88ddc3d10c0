// SPDX-License-Identifier: GPL-3.0-or-later
// Temporal consistency: a static clip has no change and no flicker, frame-to-frame alternation
// flickers at the maximum, smooth ramps and slow motion hardly flicker, frames of independent
// noise sit in between; change per frame against a direct computation; reference ranges over a
// set of clips; short clips and bad input.
#include "diffusion/Random.h"
#include "inspect/TemporalStats.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <vector>

using namespace vd;

namespace {

torch::Tensor uniformFrames(std::vector<int64_t> shape, uint64_t seed)
{
    at::Generator g = makeGenerator(seed);
    return randFrom(shape, g, torch::TensorOptions().dtype(torch::kFloat32)) * 2 - 1;
}

/// A smooth image moving right by `speed` radians per frame: [3,T,H,W] in [-1,1].
torch::Tensor movingWave(int64_t t, int64_t hw, double speed)
{
    const torch::Tensor xs = torch::linspace(0, 6.0, hw).view({1, 1, 1, hw});
    const torch::Tensor ys = torch::linspace(0, 3.0, hw).view({1, 1, hw, 1});
    const torch::Tensor ts = torch::arange(t, torch::kFloat32).view({1, t, 1, 1});
    const torch::Tensor phase = torch::tensor({0.0f, 1.0f, 2.0f}).view({3, 1, 1, 1});
    return 0.8 * torch::sin(xs + 0.5 * ys - speed * ts + phase);
}

void checkFinite(const TemporalStats& s)
{
    QVERIFY(std::isfinite(s.meanChange) && std::isfinite(s.maxChange) &&
            std::isfinite(s.flickerIndex));
    for (double v : s.frameChange) {
        QVERIFY(std::isfinite(v));
    }
}

} // namespace

class tst_TemporalStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void staticClip();
    void alternatingClipFlickers();
    void smoothRampHardlyFlickers();
    void independentNoiseFrames();
    void frameChangeMatchesDirect();
    void shortClips();
    void referenceOverClips();
    void json();
    void rejectsBadInput();
};

void tst_TemporalStats::staticClip()
{
    const torch::Tensor frame = uniformFrames({3, 1, 16, 16}, 1);
    const TemporalStats s = computeTemporalStats(frame.expand({3, 12, 16, 16}));
    QCOMPARE(s.frames, int64_t(12));
    QCOMPARE(s.frameChange, std::vector<double>(11, 0.0));
    QCOMPARE(s.meanChange, 0.0);
    QCOMPARE(s.maxChange, 0.0);
    QCOMPARE(s.flickerIndex, 0.0);
}

void tst_TemporalStats::alternatingClipFlickers()
{
    // Two images swapped every frame: the worst possible flicker.
    const torch::Tensor a = uniformFrames({3, 1, 16, 16}, 2);
    const torch::Tensor b = uniformFrames({3, 1, 16, 16}, 3);
    std::vector<torch::Tensor> frames;
    for (int t = 0; t < 10; ++t) {
        frames.push_back(t % 2 ? b : a);
    }
    const torch::Tensor clip = torch::cat(frames, 1);
    const TemporalStats s = computeTemporalStats(clip);
    QVERIFY2(std::abs(s.flickerIndex - 1.0) < 1e-9, qPrintable(QString::number(s.flickerIndex)));
    const double change = (a - b).abs().mean().item<double>();
    QVERIFY(std::abs(s.meanChange - change) < 1e-6);
    QVERIFY(std::abs(s.maxChange - change) < 1e-6);

    // A brightness that alternates on top of a smooth motion still flickers strongly.
    torch::Tensor pulsing = movingWave(16, 16, 0.1).clone();
    for (int64_t t = 1; t < 16; t += 2) {
        pulsing.select(1, t).add_(0.3);
    }
    QVERIFY(computeTemporalStats(pulsing).flickerIndex > 0.9);
}

void tst_TemporalStats::smoothRampHardlyFlickers()
{
    // A linear fade: change at a constant rate, no flicker at all.
    const torch::Tensor ts = torch::linspace(-0.9, 0.9, 16).view({1, 16, 1, 1});
    const torch::Tensor fade = (ts + torch::zeros({3, 1, 8, 8})).contiguous();
    const TemporalStats f = computeTemporalStats(fade);
    QVERIFY(f.meanChange > 0.1);
    QVERIFY2(f.flickerIndex < 1e-6, qPrintable(QString::number(f.flickerIndex)));

    // Smooth motion: sin^2(speed / 2) ~ 0.0025 for 0.1 rad per frame.
    const TemporalStats m = computeTemporalStats(movingWave(16, 32, 0.1));
    QVERIFY(m.meanChange > 0.01);
    QVERIFY2(m.flickerIndex < 0.01, qPrintable(QString::number(m.flickerIndex)));
    // Faster motion flickers more, but stays far from alternation.
    const double fast = computeTemporalStats(movingWave(16, 32, 1.0)).flickerIndex;
    QVERIFY(fast > m.flickerIndex && fast < 0.5);
}

void tst_TemporalStats::independentNoiseFrames()
{
    // Temporally white: E[d2^2] = 6 s^2, E[d1^2] = 2 s^2 -> 6 / 8.
    const TemporalStats s = computeTemporalStats(uniformFrames({3, 32, 32, 32}, 4));
    QVERIFY2(std::abs(s.flickerIndex - 0.75) < 0.03, qPrintable(QString::number(s.flickerIndex)));
    // Uniform [-1,1]: E|a - b| = 2/3.
    QVERIFY(std::abs(s.meanChange - 2.0 / 3.0) < 0.01);
}

void tst_TemporalStats::frameChangeMatchesDirect()
{
    const torch::Tensor clip = uniformFrames({3, 5, 4, 6}, 5);
    const TemporalStats s = computeTemporalStats(clip.unsqueeze(0)); // [1,C,T,H,W] works too
    QCOMPARE(s.frameChange.size(), size_t(4));
    double maxChange = 0.0;
    for (int64_t t = 0; t < 4; ++t) {
        const double direct =
            (clip.select(1, t + 1) - clip.select(1, t)).abs().mean().item<double>();
        QVERIFY(std::abs(s.frameChange[size_t(t)] - direct) < 1e-6);
        maxChange = std::max(maxChange, direct);
    }
    QVERIFY(std::abs(s.maxChange - maxChange) < 1e-6);
    // Flicker against a direct computation of the second difference.
    const torch::Tensor x = clip.to(torch::kFloat64);
    const torch::Tensor d1 = x.narrow(1, 1, 4) - x.narrow(1, 0, 4);
    const torch::Tensor d2 = d1.narrow(1, 1, 3) - d1.narrow(1, 0, 3);
    const double direct = d2.pow(2).mean().item<double>() / (4 * d1.pow(2).mean().item<double>());
    QVERIFY(std::abs(s.flickerIndex - direct) < 1e-9);
    // uint8-like input in another dtype is accepted.
    QVERIFY(computeTemporalStats((clip * 100).to(torch::kInt32)).meanChange > 0.0);
}

void tst_TemporalStats::shortClips()
{
    const TemporalStats one = computeTemporalStats(uniformFrames({3, 1, 8, 8}, 6));
    QCOMPARE(one.frames, int64_t(1));
    QVERIFY(one.frameChange.empty());
    QCOMPARE(one.meanChange, 0.0);
    QCOMPARE(one.flickerIndex, 0.0);
    checkFinite(one);

    const TemporalStats two = computeTemporalStats(uniformFrames({3, 2, 8, 8}, 7));
    QCOMPARE(two.frameChange.size(), size_t(1));
    QVERIFY(two.meanChange > 0.0);
    QCOMPARE(two.flickerIndex, 0.0); // no second difference yet
    checkFinite(two);
}

void tst_TemporalStats::referenceOverClips()
{
    const torch::Tensor slow = movingWave(8, 16, 0.1);
    const torch::Tensor fast = movingWave(8, 16, 0.8);
    const torch::Tensor noisy = uniformFrames({3, 8, 16, 16}, 8);
    const TemporalStats s[3] = {computeTemporalStats(slow), computeTemporalStats(fast),
                                computeTemporalStats(noisy)};
    const TemporalReference ref = temporalReference(std::vector<torch::Tensor>{slow, fast, noisy});
    QCOMPARE(ref.clips, int64_t(3));
    const double meanFlicker = (s[0].flickerIndex + s[1].flickerIndex + s[2].flickerIndex) / 3;
    QVERIFY(std::abs(ref.flickerIndex.mean - meanFlicker) < 1e-12);
    QCOMPARE(ref.flickerIndex.min, s[0].flickerIndex);
    QCOMPARE(ref.flickerIndex.max, s[2].flickerIndex);
    QCOMPARE(ref.meanChange.min, s[0].meanChange);
    QCOMPARE(ref.meanChange.max, s[2].meanChange);
    QVERIFY(ref.maxChange.min <= ref.maxChange.mean && ref.maxChange.mean <= ref.maxChange.max);

    // A batch [B,C,T,H,W] counts every clip; mixed lists of batches and clips work too.
    const torch::Tensor batch = torch::stack({slow, fast, noisy});
    const TemporalReference fromBatch = temporalReference(batch);
    QCOMPARE(fromBatch.clips, int64_t(3));
    QVERIFY(std::abs(fromBatch.flickerIndex.mean - ref.flickerIndex.mean) < 1e-9);
    QCOMPARE(temporalReference(std::vector<torch::Tensor>{batch, slow}).clips, int64_t(4));

    QVERIFY_EXCEPTION_THROWN(temporalReference(std::vector<torch::Tensor>{}), Error);
}

void tst_TemporalStats::json()
{
    const TemporalStats s = computeTemporalStats(movingWave(4, 8, 0.3));
    const nlohmann::json j = s;
    QCOMPARE(j.at("frames").get<int>(), 4);
    QCOMPARE(j.at("frame_change").size(), size_t(3));
    QVERIFY(j.contains("flicker_index") && j.contains("mean_change") && j.contains("max_change"));
    const nlohmann::json r = temporalReference(movingWave(4, 8, 0.3));
    QCOMPARE(r.at("clips").get<int>(), 1);
    QVERIFY(r.at("flicker_index").contains("min") && r.at("flicker_index").contains("max"));
}

void tst_TemporalStats::rejectsBadInput()
{
    for (const torch::Tensor& bad :
         {torch::zeros({3, 8, 8}), torch::zeros({2, 3, 4, 8, 8}), torch::zeros({3, 0, 8, 8})}) {
        try {
            (void)computeTemporalStats(bad);
            QFAIL("accepted a bad shape");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
            QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
            QVERIFY2(QString(e.what()).contains("computeTemporalStats"), e.what());
        }
    }
    torch::Tensor nan = torch::zeros({3, 4, 8, 8});
    nan[1][2][3][4] = std::nan("");
    QVERIFY_EXCEPTION_THROWN(computeTemporalStats(nan), Error);
}

QTEST_APPLESS_MAIN(tst_TemporalStats)
#include "tst_TemporalStats.moc"
