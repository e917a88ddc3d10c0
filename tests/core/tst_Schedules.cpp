// SPDX-License-Identifier: GPL-3.0-or-later
// Noise schedules, the training objectives built on them, and the diffusion config structs.
#include "diffusion/DiffusionConfig.h"
#include "diffusion/DiffusionObjective.h"
#include "diffusion/NoiseSchedule.h"
#include "diffusion/Random.h"
#include "diffusion/SamplingConfig.h"
#include "diffusion/detail/Prediction.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>

using namespace vd;

namespace {

/// Flow with x0 = 0: x_t = t eps and the target is eps, so x_t / t predicts it exactly; this
/// model adds `error` to that, so a test chooses the prediction error.
DenoiseFn flowModelWithError(const torch::Tensor& error)
{
    return [error](const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor&) {
        return x / (t / kFlowTimeScale).view({-1, 1, 1, 1, 1}) + error;
    };
}

} // namespace

class tst_Schedules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void alphaBarDecreasesInUnitInterval_data();
    void alphaBarDecreasesInUnitInterval();
    void cosineMatchesClosedForm();
    void forwardProcessMoments_data();
    void forwardProcessMoments();
    void spacedTimesteps();
    void flowTimes();
    void predictionConversions();
    void minSnrWeights();
    void flowTimestepsAreLogitNormal();
    void objectiveLossIsSmallForExactModel();
    void frameDeviationWeightCountsOnlyWhatFramesDoNotShare();
    void spatialDetailWeightCountsOnlyWhatNeighboursDoNotShare();
    void configJsonRoundTrip();
    void configRejectsBadValues_data();
    void configRejectsBadValues();
};

void tst_Schedules::alphaBarDecreasesInUnitInterval_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("timesteps");
    QTest::newRow("linear 1000") << int(ScheduleKind::Linear) << 1000;
    QTest::newRow("cosine 1000") << int(ScheduleKind::Cosine) << 1000;
    QTest::newRow("linear 100") << int(ScheduleKind::Linear) << 100;
    QTest::newRow("cosine 50") << int(ScheduleKind::Cosine) << 50;
}

void tst_Schedules::alphaBarDecreasesInUnitInterval()
{
    QFETCH(int, kind);
    QFETCH(int, timesteps);
    const NoiseSchedule s(ScheduleKind(kind), timesteps);
    QCOMPARE(s.size(), int64_t(timesteps));
    const auto& abar = s.alphasCumprod();
    QVERIFY(abar.front() < 1.0 && abar.front() > 0.99);
    QVERIFY(abar.back() > 0.0 && abar.back() < 0.01);
    for (size_t i = 1; i < abar.size(); ++i) {
        QVERIFY2(abar[i] < abar[i - 1], qPrintable(QString("abar not decreasing at %1").arg(i)));
        QVERIFY(s.betas()[i] > 0.0 && s.betas()[i] < 1.0);
        // abar is the running product of (1 - beta)
        QVERIFY(std::abs(abar[i] - abar[i - 1] * (1.0 - s.betas()[i])) < 1e-12);
    }
    QCOMPARE(s.alphaBar(-1), 1.0);
    const torch::Tensor t = s.alphasCumprodTensor();
    QCOMPARE(t.scalar_type(), torch::kFloat32);
    QCOMPARE(t.size(0), int64_t(timesteps));
    QVERIFY(std::abs(t[timesteps / 2].item<double>() - abar[size_t(timesteps / 2)]) < 1e-6);
    // The float copy stays strictly decreasing too.
    QVERIFY((t.slice(0, 1) < t.slice(0, 0, timesteps - 1)).all().item<bool>());
}

void tst_Schedules::cosineMatchesClosedForm()
{
    const NoiseSchedule s(ScheduleKind::Cosine, 1000);
    const double pi = std::acos(-1.0), off = 0.008;
    auto f = [&](double t) { return std::pow(std::cos((t + off) / (1 + off) * pi / 2), 2); };
    for (int t : {0, 10, 250, 500, 750, 900}) {
        const double expected = f((t + 1) / 1000.0) / f(0.0);
        QVERIFY2(std::abs(s.alphaBar(t) - expected) < 1e-9, qPrintable(QString::number(t)));
    }
    // Linear: abar_0 = 1 - beta_0 = 1 - 1e-4.
    QVERIFY(std::abs(NoiseSchedule(ScheduleKind::Linear, 1000).alphaBar(0) - (1 - 1e-4)) < 1e-12);
}

void tst_Schedules::forwardProcessMoments_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("t");
    for (int t : {0, 100, 500, 999}) {
        QTest::newRow(qPrintable(QString("linear t=%1").arg(t))) << int(ScheduleKind::Linear) << t;
        QTest::newRow(qPrintable(QString("cosine t=%1").arg(t))) << int(ScheduleKind::Cosine) << t;
    }
}

void tst_Schedules::forwardProcessMoments()
{
    QFETCH(int, kind);
    QFETCH(int, t);
    const NoiseSchedule s(ScheduleKind(kind), 1000);
    const int64_t n = 100000;
    const double x0Value = 1.7;
    at::Generator gen = makeGenerator(42);
    const torch::Tensor x0 = torch::full({n, 1}, x0Value);
    const torch::Tensor noise = randnFrom({n, 1}, gen, x0.options());
    const torch::Tensor xt = s.addNoise(x0, noise, torch::full({n}, int64_t(t)));
    const double a = s.alphaBar(t);
    const double mean = xt.mean().item<double>(), var = xt.var().item<double>();
    // q(x_t | x_0) = N(sqrt(a) x0, 1 - a): standard errors ~ sqrt(var/n) and var*sqrt(2/n).
    QVERIFY2(std::abs(mean - std::sqrt(a) * x0Value) < 5 * std::sqrt((1 - a) / n) + 1e-6,
             qPrintable(QString("mean %1 want %2").arg(mean).arg(std::sqrt(a) * x0Value)));
    QVERIFY2(std::abs(var - (1 - a)) < 5 * (1 - a) * std::sqrt(2.0 / n) + 1e-7,
             qPrintable(QString("var %1 want %2").arg(var).arg(1 - a)));
}

void tst_Schedules::spacedTimesteps()
{
    const std::vector<int64_t> ts = vd::detail::spacedTimesteps(1000, 50);
    QCOMPARE(ts.size(), size_t(50));
    QCOMPARE(ts.front(), int64_t(999));
    QCOMPARE(ts.back(), int64_t(19));
    for (size_t i = 1; i < ts.size(); ++i) {
        QVERIFY(ts[i] < ts[i - 1]);
    }
    const std::vector<int64_t> all = vd::detail::spacedTimesteps(1000, 5000);
    QCOMPARE(all.size(), size_t(1000));
    QCOMPARE(all.back(), int64_t(0));
    QCOMPARE(vd::detail::spacedTimesteps(1000, 1), std::vector<int64_t>{999});
}

void tst_Schedules::flowTimes()
{
    const std::vector<double> plain = vd::detail::flowTimes(4, 1.0);
    QCOMPARE(plain, (std::vector<double>{1.0, 0.75, 0.5, 0.25, 0.0}));
    const std::vector<double> shifted = vd::detail::flowTimes(4, 3.0);
    QCOMPARE(shifted.front(), 1.0);
    QCOMPARE(shifted.back(), 0.0);
    QVERIFY(std::abs(shifted[2] - 0.75) < 1e-12); // 3 * 0.5 / (1 + 2 * 0.5)
}

void tst_Schedules::predictionConversions()
{
    const torch::Tensor x0 = torch::randn({8, 3});
    const torch::Tensor eps = torch::randn({8, 3});
    for (double a : {0.999, 0.5, 0.01}) {
        const torch::Tensor xt = std::sqrt(a) * x0 + std::sqrt(1 - a) * eps;
        const torch::Tensor v = std::sqrt(a) * eps - std::sqrt(1 - a) * x0;
        for (const auto& pair : {std::pair{Objective::Epsilon, eps}, std::pair{Objective::V, v}}) {
            const vd::detail::X0Eps p =
                vd::detail::splitPrediction(pair.second, xt, a, pair.first);
            QVERIFY(torch::allclose(p.x0, x0, 1e-3, 1e-3));
            QVERIFY(torch::allclose(p.eps, eps, 1e-4, 1e-4));
        }
    }
}

void tst_Schedules::minSnrWeights()
{
    for (Objective objective : {Objective::Epsilon, Objective::V}) {
        DiffusionConfig c;
        c.objective = objective;
        c.minSnrGamma = 5.0;
        const DiffusionObjective obj(c);
        const torch::Tensor x0 = torch::randn({4, 2});
        const torch::Tensor t = torch::tensor({0.0f, 200.0f, 600.0f, 999.0f});
        const NoisedBatch b = obj.noised(x0, torch::randn({4, 2}), t);
        for (int i = 0; i < 4; ++i) {
            const double snr = obj.schedule().snr(int64_t(t[i].item<float>()));
            const double expected = objective == Objective::Epsilon
                                        ? std::min(snr, 5.0) / snr
                                        : std::min(snr, 5.0) / (snr + 1.0);
            QVERIFY2(std::abs(b.weight[i].item<double>() - expected) < 1e-4 * (1 + expected),
                     qPrintable(QString("t=%1").arg(t[i].item<float>())));
        }
        c.minSnrGamma = 0.0;
        const NoisedBatch uniform = DiffusionObjective(c).noised(x0, torch::randn({4, 2}), t);
        QVERIFY(torch::equal(uniform.weight, torch::ones({4})));
    }
}

void tst_Schedules::flowTimestepsAreLogitNormal()
{
    DiffusionConfig c;
    c.objective = Objective::Flow;
    c.logitNormalMean = 0.0;
    c.logitNormalStd = 1.0;
    const DiffusionObjective obj(c);
    at::Generator gen = makeGenerator(5);
    const torch::Tensor t = obj.sampleModelTime(50000, gen, torch::TensorOptions()) / 1000.0;
    QVERIFY((t > 0).all().item<bool>() && (t < 1).all().item<bool>());
    // logit(t) ~ N(0, 1)
    const torch::Tensor logit = torch::log(t / (1 - t));
    QVERIFY(std::abs(logit.mean().item<double>()) < 0.03);
    QVERIFY(std::abs(logit.std().item<double>() - 1.0) < 0.03);

    // Flow pairs: x_t interpolates, target is eps - x0.
    const torch::Tensor x0 = torch::randn({3, 2}), noise = torch::randn({3, 2});
    const NoisedBatch b = obj.noised(x0, noise, torch::tensor({0.0f, 250.0f, 1000.0f}));
    QVERIFY(torch::allclose(b.xt[0], x0[0]));
    QVERIFY(torch::allclose(b.xt[1], 0.75 * x0[1] + 0.25 * noise[1]));
    QVERIFY(torch::allclose(b.xt[2], noise[2]));
    QVERIFY(torch::allclose(b.target, noise - x0));

    DiffusionConfig d;
    d.objective = Objective::Epsilon;
    const torch::Tensor steps =
        DiffusionObjective(d).sampleModelTime(10000, gen, torch::TensorOptions());
    QVERIFY(torch::equal(steps, steps.round()));
    QVERIFY(steps.min().item<float>() >= 0.0f && steps.max().item<float>() <= 999.0f);
    QVERIFY(steps.max().item<float>() > 990.0f && steps.min().item<float>() < 10.0f);
}

void tst_Schedules::objectiveLossIsSmallForExactModel()
{
    // Data fixed at x0 = 0.7: the exact eps-predictor is (x_t - sqrt(a) x0) / sqrt(1 - a), which
    // gives zero loss; a zero predictor gives loss ~1 (E eps^2).
    DiffusionConfig c;
    c.objective = Objective::Epsilon;
    c.minSnrGamma = 0.0;
    const DiffusionObjective obj(c);
    const torch::Tensor x0 = torch::full({64, 4, 2, 2, 2}, 0.7f);
    const DenoiseFn exact = [&](const torch::Tensor& x, const torch::Tensor& t,
                                const torch::Tensor&) {
        const torch::Tensor a =
            obj.schedule().alphaBarAt(t.round().to(torch::kLong)).view({-1, 1, 1, 1, 1});
        return (x - torch::sqrt(a) * 0.7) / torch::sqrt(1 - a);
    };
    const DenoiseFn zero = [](const torch::Tensor& x, const torch::Tensor&, const torch::Tensor&) {
        return torch::zeros_like(x);
    };
    at::Generator gen = makeGenerator(9);
    const DiffusionLoss exactLoss = obj.loss(exact, x0, {}, gen);
    const DiffusionLoss zeroLoss = obj.loss(zero, x0, {}, gen);
    QCOMPARE(exactLoss.perSample.size(0), int64_t(64));
    QCOMPARE(exactLoss.timesteps.size(0), int64_t(64));
    QVERIFY(exactLoss.loss.item<double>() < 1e-4);
    QVERIFY(std::abs(zeroLoss.loss.item<double>() - 1.0) < 0.15);
}

void tst_Schedules::frameDeviationWeightCountsOnlyWhatFramesDoNotShare()
{
    // The test chooses the error (flowModelWithError). An error shared by all frames costs its
    // MSE whatever the weight; one that alternates between frames costs (1 + weight) times it.
    DiffusionConfig c;
    c.frameDeviationWeight = 2.0;
    const DiffusionObjective obj(c);
    const torch::Tensor x0 = torch::zeros({8, 2, 4, 3, 3});
    const torch::Tensor shared = torch::full({1, 1, 4, 1, 1}, 0.5f);
    const torch::Tensor alternating =
        torch::tensor({0.5f, -0.5f, 0.5f, -0.5f}).view({1, 1, 4, 1, 1});
    at::Generator gen = makeGenerator(3);
    const DiffusionLoss s = obj.loss(flowModelWithError(shared), x0, {}, gen);
    QVERIFY2(std::abs(s.loss.item<double>() - 0.25) < 1e-4,
             qPrintable(QString::number(s.loss.item<double>())));
    const DiffusionLoss a = obj.loss(flowModelWithError(alternating), x0, {}, gen);
    QVERIFY2(std::abs(a.loss.item<double>() - 0.75) < 1e-4,
             qPrintable(QString::number(a.loss.item<double>())));
    // The reported per-clip MSE is the plain one, comparable with runs without the weight.
    QVERIFY(std::abs(a.perSample.mean().item<double>() - 0.25) < 1e-4);
    c.frameDeviationWeight = 0.0;
    const DiffusionLoss plain =
        DiffusionObjective(c).loss(flowModelWithError(alternating), x0, {}, gen);
    QVERIFY(std::abs(plain.loss.item<double>() - 0.25) < 1e-4);
}

void tst_Schedules::spatialDetailWeightCountsOnlyWhatNeighboursDoNotShare()
{
    // As above, the test chooses the error. One flat over each frame costs its MSE whatever the
    // weight (the 3x3 means at the border average what they cover, so they are flat too). A
    // spike of 1 in the middle of a 5x5 frame leaves 8/9 of itself above its neighbourhood's
    // mean and -1/9 in each of the eight neighbours: (64 + 8) / 81 = 8/9 of its square, so
    // weight 2 makes it cost (1 + 16/9) = 25/9 times its MSE of 1/25, i.e. 1/9.
    DiffusionConfig c;
    c.spatialDetailWeight = 2.0;
    const DiffusionObjective obj(c);
    const torch::Tensor x0 = torch::zeros({8, 2, 3, 5, 5});
    at::Generator gen = makeGenerator(5);
    const DiffusionLoss flat =
        obj.loss(flowModelWithError(torch::full({1, 1, 1, 5, 5}, 0.5f)), x0, {}, gen);
    QVERIFY2(std::abs(flat.loss.item<double>() - 0.25) < 1e-4,
             qPrintable(QString::number(flat.loss.item<double>())));
    torch::Tensor spike = torch::zeros({1, 1, 1, 5, 5});
    spike.index_put_({0, 0, 0, 2, 2}, 1.0f);
    const DiffusionLoss s = obj.loss(flowModelWithError(spike), x0, {}, gen);
    QVERIFY2(std::abs(s.loss.item<double>() - 1.0 / 9.0) < 1e-4,
             qPrintable(QString::number(s.loss.item<double>())));
    // The reported per-clip MSE is the plain one.
    QVERIFY(std::abs(s.perSample.mean().item<double>() - 1.0 / 25.0) < 1e-5);
    c.spatialDetailWeight = 0.0;
    const DiffusionLoss plain = DiffusionObjective(c).loss(flowModelWithError(spike), x0, {}, gen);
    QVERIFY(std::abs(plain.loss.item<double>() - 1.0 / 25.0) < 1e-5);
}

void tst_Schedules::configJsonRoundTrip()
{
    DiffusionConfig d;
    d.objective = Objective::V;
    d.schedule = ScheduleKind::Linear;
    d.timesteps = 500;
    d.minSnrGamma = 3.0;
    d.logitNormalMean = 0.5;
    d.frameDeviationWeight = 1.5;
    d.spatialDetailWeight = 0.5;
    const DiffusionConfig d2 = nlohmann::json(d).get<DiffusionConfig>();
    QCOMPARE(nlohmann::json(d2).dump(), nlohmann::json(d).dump());
    QCOMPARE(d2.objective, Objective::V);
    QCOMPARE(d2.timesteps, 500);
    QCOMPARE(d2.frameDeviationWeight, 1.5);
    QCOMPARE(d2.spatialDetailWeight, 0.5);

    SamplingConfig s;
    s.sampler = "heun";
    s.steps = 12;
    s.guidanceScale = 4.5;
    s.seed = 77;
    const SamplingConfig s2 = nlohmann::json(s).get<SamplingConfig>();
    QCOMPARE(nlohmann::json(s2).dump(), nlohmann::json(s).dump());
    QCOMPARE(s2.sampler, std::string("heun"));
    QCOMPARE(s2.seed, uint64_t(77));
}

void tst_Schedules::configRejectsBadValues_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("key");
    QTest::newRow("objective") << "diffusion"
                               << R"({"objective":"x0"})"
                               << "diffusion.objective";
    QTest::newRow("schedule") << "diffusion"
                              << R"({"schedule":"sqrt"})"
                              << "diffusion.schedule";
    QTest::newRow("timesteps") << "diffusion"
                               << R"({"timesteps":1})"
                               << "diffusion.timesteps";
    QTest::newRow("gamma") << "diffusion"
                           << R"({"min_snr_gamma":-1.0})"
                           << "diffusion.min_snr_gamma";
    QTest::newRow("std") << "diffusion"
                         << R"({"logit_normal_std":0.0})"
                         << "diffusion.logit_normal_std";
    QTest::newRow("frame deviation") << "diffusion"
                                     << R"({"frame_deviation_weight":-1.0})"
                                     << "diffusion.frame_deviation_weight";
    QTest::newRow("spatial detail") << "diffusion"
                                    << R"({"spatial_detail_weight":101})"
                                    << "diffusion.spatial_detail_weight";
    QTest::newRow("unknown") << "diffusion"
                             << R"({"sigma_max":80})"
                             << "diffusion.sigma_max";
    QTest::newRow("sampler") << "sampling"
                             << R"({"sampler":"lms"})"
                             << "sampling.sampler";
    QTest::newRow("steps") << "sampling"
                           << R"({"steps":0})"
                           << "sampling.steps";
    QTest::newRow("cfg") << "sampling"
                         << R"({"guidance_scale":-2.0})"
                         << "sampling.guidance_scale";
    QTest::newRow("eta") << "sampling"
                         << R"({"eta":1.5})"
                         << "sampling.eta";
    QTest::newRow("type") << "sampling"
                          << R"({"steps":"many"})"
                          << "sampling.steps";
}

void tst_Schedules::configRejectsBadValues()
{
    QFETCH(QString, which);
    QFETCH(QString, json);
    QFETCH(QString, key);
    const nlohmann::json j = nlohmann::json::parse(json.toStdString());
    try {
        if (which == "diffusion") {
            (void)j.get<DiffusionConfig>();
        } else {
            (void)j.get<SamplingConfig>();
        }
        QFAIL("accepted a bad value");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        QVERIFY2(QString(e.what()).startsWith(key + ":"), e.what());
    }
}

QTEST_APPLESS_MAIN(tst_Schedules)
#include "tst_Schedules.moc"
