// SPDX-License-Identifier: GPL-3.0-or-later
// The space-time UNet denoiser, its building blocks, the EMA helper and DenoiserConfig.
#include "diffusion/DiffusionObjective.h"
#include "diffusion/Random.h"
#include "diffusion/SelfConditioning.h"
#include "model/Denoiser.h"
#include "model/DenoiserConfig.h"
#include "model/EMA.h"
#include "model/SpatialAttention.h"
#include "model/TemporalAttention.h"
#include "model/detail/Attention.h"
#include "model/detail/FrameAttention.h"
#include "model/detail/Frames.h"
#include "model/detail/GroupNormSiLU.h"
#include "train/detail/Autocast.h"
#include "util/Error.h"

#include <QtTest>

#include <cmath>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

using namespace vd;

namespace {

DenoiserConfig tinyConfig(int numClasses)
{
    DenoiserConfig c;
    c.latentChannels = 4;
    c.baseChannels = 8;
    c.channelMultipliers = {1, 2};
    c.attentionLevels = {1};
    c.heads = 2;
    c.normGroups = 4;
    c.numClasses = numClasses;
    return c;
}

void perturb(torch::nn::Module& m)
{
    torch::NoGradGuard noGrad;
    for (auto& p : m.parameters()) {
        p.add_(0.05 * torch::randn_like(p));
    }
}

/// tinyConfig(2) with self-conditioning, seeded and perturbed (conv_out no longer zero).
Denoiser selfConditionedModel(uint64_t seed)
{
    torch::manual_seed(seed);
    DenoiserConfig c = tinyConfig(2);
    c.selfCondition = true;
    Denoiser model(c);
    perturb(*model);
    return model;
}

void checkGradients(torch::nn::Module& m, const QString& skipPrefix = {})
{
    for (const auto& p : m.named_parameters(true)) {
        const QString name = QString::fromStdString(p.key());
        if (!skipPrefix.isEmpty() && name.startsWith(skipPrefix)) {
            continue;
        }
        const torch::Tensor g = p.value().grad();
        QVERIFY2(g.defined(), qPrintable("no grad for " + name));
        QVERIFY2(torch::isfinite(g).all().item<bool>(), qPrintable("non-finite grad for " + name));
        QVERIFY2(g.abs().sum().item<double>() > 0.0, qPrintable("zero grad for " + name));
    }
}

} // namespace

class tst_Denoiser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(1);
        torch::manual_seed(0);
    }

    void shapesAndGradients_data();
    void shapesAndGradients();
    void startsAtZeroOutput();
    void labelsChangeTheOutput();
    void labelDropout();
    void temporalAttentionMixesFramesOnly();
    void temporalAttentionIsPlainAttentionOverFrames();
    void fusedFrameAttentionMatchesTheExpression_data();
    void fusedFrameAttentionMatchesTheExpression();
    void fusedGroupNormSiLUMatchesTheComposition_data();
    void fusedGroupNormSiLUMatchesTheComposition();
    void firstFrameShiftsTheFramePositions();
    void spatialAttentionIsResidual();
    void rejectsBadInput();
    void dctBasisSeparatesTheStillPart();
    void dctTemporalBasis();
    void trainsThroughObjective_data();
    void trainsThroughObjective();
    void selfConditioningSeesTheEstimate();
    void selfConditionedSamplingCarriesTheEstimate();
    void selfConditionedTrainingUnderAutocast();
    void selfConditioningNeedsFlow();
    void emaUpdateMath();
    void emaSwapAndCopy();
    void configJsonRoundTrip();
    void configRejectsBadValues_data();
    void configRejectsBadValues();
};

void tst_Denoiser::shapesAndGradients_data()
{
    QTest::addColumn<int>("numClasses");
    QTest::addColumn<bool>("temporalAttention");
    QTest::addColumn<int>("levels");
    QTest::newRow("unconditional") << 0 << true << 2;
    QTest::newRow("class-conditional") << 3 << true << 2;
    QTest::newRow("no temporal attention") << 0 << false << 2;
    QTest::newRow("three levels") << 2 << true << 3;
}

void tst_Denoiser::shapesAndGradients()
{
    QFETCH(int, numClasses);
    QFETCH(bool, temporalAttention);
    QFETCH(int, levels);
    DenoiserConfig c = tinyConfig(numClasses);
    c.temporalAttention = temporalAttention;
    if (levels == 3) {
        c.channelMultipliers = {1, 2, 2};
        c.attentionLevels = {2};
    }
    Denoiser model(c);
    perturb(*model);
    const torch::Tensor x = torch::randn({2, 4, 3, 8, 8});
    const torch::Tensor t = torch::tensor({10.0f, 900.0f});
    const torch::Tensor labels =
        numClasses > 0 ? torch::tensor({1, -1}, torch::kLong) : torch::Tensor();
    const torch::Tensor out = model->forward(x, t, labels);
    QCOMPARE(out.sizes().vec(), x.sizes().vec());
    out.pow(2).mean().backward();
    // The null row of the label table gets gradient from the -1 label; the used class too.
    checkGradients(*model, numClasses > 0 ? "label_embed" : "");
    if (numClasses > 0) {
        const torch::Tensor g = model->named_parameters()["label_embed.weight"].grad();
        QVERIFY(g[1].abs().sum().item<double>() > 0);          // class 1
        QVERIFY(g[numClasses].abs().sum().item<double>() > 0); // null class
        QCOMPARE(g[0].abs().sum().item<double>(), 0.0);        // unused class
    }
    const auto params = model->named_parameters(true);
    QCOMPARE(params.find("mid_block_1.temporal_attn.qkv.weight") != nullptr, temporalAttention);
    QVERIFY(params.find("mid_block_1.spatial_attn.qkv.weight") != nullptr);
    QVERIFY(params.find("down_blocks.0.temporal_conv.conv.weight") != nullptr);
}

void tst_Denoiser::startsAtZeroOutput()
{
    Denoiser model(tinyConfig(0));
    torch::NoGradGuard noGrad;
    const torch::Tensor out = model->forward(torch::randn({1, 4, 2, 8, 8}), torch::tensor({5.0f}));
    QCOMPARE(out.abs().max().item<double>(), 0.0);
}

void tst_Denoiser::labelsChangeTheOutput()
{
    Denoiser model(tinyConfig(3));
    perturb(*model);
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({1, 4, 2, 8, 8}).repeat({3, 1, 1, 1, 1});
    const torch::Tensor t = torch::full({3}, 300.0f);
    const torch::Tensor out = model->forward(x, t, torch::tensor({0, 2, -1}, torch::kLong));
    QVERIFY(!torch::allclose(out[0], out[1]));
    // -1, numClasses and "no labels" are all the null class.
    const torch::Tensor nullOut = model->forward(x, t, torch::full({3}, 3, torch::kLong));
    QVERIFY(torch::allclose(out[2], nullOut[0], 1e-4, 1e-6));
    QVERIFY(torch::allclose(model->forward(x, t, {}), nullOut, 1e-4, 1e-6));
    // Timestep matters.
    const torch::Tensor later =
        model->forward(x, torch::full({3}, 800.0f), torch::full({3}, -1, torch::kLong));
    QVERIFY(!torch::allclose(later, nullOut));
}

void tst_Denoiser::labelDropout()
{
    DenoiserConfig c = tinyConfig(5);
    c.labelDropout = 0.3;
    Denoiser model(c);
    const torch::Tensor labels = torch::full({20000}, 2, torch::kLong);
    at::Generator gen = makeGenerator(4);
    const torch::Tensor dropped = model->dropLabels(labels, gen);
    const double rate = (dropped == -1).to(torch::kFloat32).mean().item<double>();
    QVERIFY2(std::abs(rate - 0.3) < 0.02, qPrintable(QString::number(rate)));
    QVERIFY(((dropped == -1) | (dropped == 2)).all().item<bool>());
    at::Generator again = makeGenerator(4);
    QVERIFY(torch::equal(model->dropLabels(labels, again), dropped));
    // Unconditional models leave labels alone.
    Denoiser uncond(tinyConfig(0));
    QVERIFY(torch::equal(uncond->dropLabels(labels, gen), labels));
}

void tst_Denoiser::temporalAttentionMixesFramesOnly()
{
    TemporalAttention attn(8, 2, 4);
    const torch::Tensor x = torch::randn({1, 8, 4, 3, 3});
    QVERIFY(torch::equal(attn(x), x)); // proj_out starts at zero
    perturb(*attn);
    const torch::Tensor y = attn(x);
    // Positions are independent sequences: permuting positions commutes with the layer
    // (GroupNorm statistics are permutation-invariant too).
    const torch::Tensor perm = torch::randperm(9);
    const torch::Tensor xp = x.reshape({1, 8, 4, 9}).index_select(3, perm).reshape({1, 8, 4, 3, 3});
    const torch::Tensor yp = attn(xp);
    const torch::Tensor expected =
        y.reshape({1, 8, 4, 9}).index_select(3, perm).reshape({1, 8, 4, 3, 3});
    QVERIFY(torch::allclose(yp, expected, 1e-5, 1e-5));
    // ...while frames do interact: a change in frame 0 reaches frame 3.
    torch::Tensor x2 = x.clone();
    x2.select(2, 0).add_(2.0);
    const torch::Tensor y2 = attn(x2);
    QVERIFY(!torch::allclose(y.select(2, 3), y2.select(2, 3)));
}

void tst_Denoiser::temporalAttentionIsPlainAttentionOverFrames()
{
    // The layer works channel-major for speed; it must compute exactly the textbook layer:
    // at each position, softmax(q k^T / sqrt(d)) v over the frames, q, k, v and the output
    // projected from the normalized input plus the frame-index code.
    const int64_t c = 8, heads = 2, d = c / heads, t = 5, first = 2;
    TemporalAttention attn(c, heads, 4);
    perturb(*attn);
    const torch::Tensor x = torch::randn({2, c, t, 3, 4});
    const auto p = attn->named_parameters();
    const int64_t n = 2 * 3 * 4;
    torch::Tensor y = torch::group_norm(x, 4, p["norm.weight"], p["norm.bias"], 1e-6)
                          .permute({0, 3, 4, 2, 1})
                          .reshape({n, t, c});
    y = y + vd::detail::sinusoidalEmbedding(torch::arange(first, first + t, torch::kFloat), c);
    const torch::Tensor qkv = torch::linear(y, p["qkv.weight"], p["qkv.bias"])
                                  .view({n, t, 3, heads, d})
                                  .permute({2, 0, 3, 1, 4});
    const torch::Tensor w =
        torch::softmax(torch::matmul(qkv[0], qkv[1].transpose(-2, -1)) / std::sqrt(double(d)), -1);
    const torch::Tensor out =
        torch::linear(torch::matmul(w, qkv[2]).transpose(1, 2).reshape({n, t, c}),
                      p["proj_out.weight"], p["proj_out.bias"]);
    const torch::Tensor expected = x + out.view({2, 3, 4, t, c}).permute({0, 4, 3, 1, 2});
    QVERIFY(torch::allclose(attn(x, first), expected, 1e-5, 1e-5));
}

void tst_Denoiser::fusedFrameAttentionMatchesTheExpression_data()
{
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("d");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("positions");
    QTest::addColumn<bool>("bf16");
    QTest::newRow("demo 16x16 level") << 4 << 8 << 4 << 2048 << false;
    QTest::newRow("blocks not a multiple") << 2 << 3 << 5 << 1100 << false;
    QTest::newRow("one frame") << 1 << 4 << 1 << 7 << false;
    QTest::newRow("bf16 input") << 2 << 4 << 3 << 40 << true;
}

void tst_Denoiser::fusedFrameAttentionMatchesTheExpression()
{
    // The fused CPU node (own forward and backward loops) against the broadcast-and-sum
    // expression autograd differentiates: same output and same gradient of qkv, for block
    // sizes that split the positions unevenly and for a bf16 input (computed in float32).
    QFETCH(int, heads);
    QFETCH(int, d);
    QFETCH(int, frames);
    QFETCH(int, positions);
    QFETCH(bool, bf16);
    const auto dtype = bf16 ? torch::kBFloat16 : torch::kFloat;
    const torch::Tensor qkv0 = (torch::randn({3, heads, d, frames, positions}) * 2.0).to(dtype);
    const torch::Tensor upstream = torch::randn({heads, d, frames, positions});
    const double scale = 1.0 / std::sqrt(static_cast<double>(d));

    const torch::Tensor a = qkv0.to(torch::kFloat).detach().clone().requires_grad_(true);
    const torch::Tensor expected = vd::detail::frameAttentionReference(a, scale);
    (expected * upstream).sum().backward();

    const torch::Tensor b = qkv0.detach().clone().requires_grad_(true);
    const torch::Tensor fused = vd::detail::frameAttention(b, scale);
    QCOMPARE(fused.scalar_type(), dtype);
    (fused.to(torch::kFloat) * upstream).sum().backward();
    QCOMPARE(b.grad().scalar_type(), dtype);
    const double tol = bf16 ? 2e-2 : 1e-5;
    QVERIFY(torch::allclose(fused.to(torch::kFloat), expected, tol, tol));
    QVERIFY(torch::allclose(b.grad().to(torch::kFloat), a.grad(), tol, tol));
    QVERIFY(a.grad().abs().sum().item<double>() > 0.0);
}

void tst_Denoiser::fusedGroupNormSiLUMatchesTheComposition_data()
{
    QTest::addColumn<QList<int>>("shape");
    QTest::addColumn<int>("groups");
    QTest::addColumn<bool>("modulated");
    QTest::addColumn<bool>("bf16In");
    QTest::addColumn<bool>("bf16Out");
    QTest::newRow("resblock, float32") << QList<int>{6, 16, 8, 8} << 4 << true << false << false;
    QTest::newRow("no modulation") << QList<int>{3, 8, 5, 7} << 8 << false << false << false;
    QTest::newRow("clip [B,C,T,H,W]") << QList<int>{2, 8, 3, 4, 4} << 2 << false << false << false;
    QTest::newRow("bf16 in and out") << QList<int>{4, 16, 6, 6} << 4 << true << true << true;
    QTest::newRow("float32 in, bf16 out") << QList<int>{4, 16, 6, 6} << 4 << true << false << true;
    QTest::newRow("one position") << QList<int>{5, 4, 1, 1} << 2 << true << false << false;
    QTest::newRow("far from zero") << QList<int>{2, 8, 16, 16} << 2 << false << false << false;
}

void tst_Denoiser::fusedGroupNormSiLUMatchesTheComposition()
{
    // The fused CPU node (its own loops, two passes each way) against group_norm, the
    // modulation and silu as autograd differentiates them: the same output and the same
    // gradients of x, the norm's weight and bias, and the modulation's scale and shift.
    QFETCH(QList<int>, shape);
    QFETCH(int, groups);
    QFETCH(bool, modulated);
    QFETCH(bool, bf16In);
    QFETCH(bool, bf16Out);
    const std::vector<int64_t> sizes(shape.begin(), shape.end());
    const int64_t n = sizes[0], c = sizes[1];
    const auto inType = bf16In ? torch::kBFloat16 : torch::kFloat;
    const auto outType = bf16Out ? torch::kBFloat16 : torch::kFloat;
    // An offset and a spread per channel, so that the mean and variance matter.
    std::vector<int64_t> perChannel(sizes.size(), 1);
    perChannel[1] = c;
    // "far from zero": a spread of 0.05 around 40, where E[x^2] - E[x]^2 in float32 loses it.
    const bool far = QByteArray(QTest::currentDataTag()) == "far from zero";
    const torch::Tensor x0 = (far ? torch::randn(sizes) * 0.05 + 40.0
                                  : torch::randn(sizes) * 1.5 + torch::randn(perChannel))
                                 .to(inType);
    const torch::Tensor weight0 = torch::randn({c}) * 0.5 + 1.0;
    const torch::Tensor bias0 = torch::randn({c}) * 0.3;
    const torch::Tensor scale0 = modulated ? torch::randn({n, c}) * 0.3 : torch::Tensor();
    const torch::Tensor shift0 = modulated ? torch::randn({n, c}) * 0.3 : torch::Tensor();
    const torch::Tensor upstream = torch::randn(sizes);

    struct Leaves {
        torch::Tensor x, weight, bias, scale, shift;
    };
    // The reference runs in double, the truth both float32 computations are measured against.
    const auto leaves = [&](c10::optional<c10::ScalarType> as) {
        const auto leaf = [as](const torch::Tensor& t) {
            return t.defined() ? t.detach().to(as.value_or(t.scalar_type())).requires_grad_(true)
                               : torch::Tensor();
        };
        return Leaves{leaf(x0), leaf(weight0), leaf(bias0), leaf(scale0), leaf(shift0)};
    };
    Leaves a = leaves(torch::kDouble);
    const torch::Tensor expected = vd::detail::groupNormSiLUReference(
        a.x, groups, a.weight, a.bias, a.scale, a.shift, 1e-6, torch::kDouble);
    (expected * upstream.to(torch::kDouble)).sum().backward();
    Leaves b = leaves(c10::nullopt);
    const torch::Tensor fused =
        vd::detail::groupNormSiLU(b.x, groups, b.weight, b.bias, b.scale, b.shift, 1e-6, outType);
    QCOMPARE(fused.scalar_type(), outType);
    (fused.to(torch::kFloat) * upstream).sum().backward();
    QCOMPARE(b.x.grad().scalar_type(), inType);

    // Far from zero, x itself is only known to 4e-6 in float32, 8e-5 of its spread (torch's own
    // float32 group norm is off by 7e-5 of the largest gradient there).
    const double tol = bf16In || bf16Out ? 3e-2 : far ? 5e-4 : 1e-4;
    // Against the largest value: the gradient of x grows with 1 / spread, and so does its error.
    const auto close = [tol](const torch::Tensor& got, const torch::Tensor& want) {
        const torch::Tensor w = want.to(torch::kDouble);
        const double scale = std::max(1.0, w.abs().max().item<double>());
        return (got.to(torch::kDouble) - w).abs().max().item<double>() <= tol * scale;
    };
    QVERIFY(close(fused, expected));
    QVERIFY(close(b.x.grad(), a.x.grad()));
    QVERIFY(close(b.weight.grad(), a.weight.grad()));
    QVERIFY(close(b.bias.grad(), a.bias.grad()));
    QVERIFY(a.x.grad().abs().sum().item<double>() > 0.0);
    if (modulated) {
        QVERIFY(close(b.scale.grad(), a.scale.grad()));
        QVERIFY(close(b.shift.grad(), a.shift.grad()));
    }
}

void tst_Denoiser::firstFrameShiftsTheFramePositions()
{
    // A window cut from frame 3 of a clip is encoded at positions 3.., not 0..: the layer (and
    // the whole denoiser, which passes the index down) answers differently, and 0 is the default.
    TemporalAttention attn(8, 2, 4);
    perturb(*attn);
    const torch::Tensor x = torch::randn({1, 8, 4, 3, 3});
    QVERIFY(torch::equal(attn(x), attn(x, 0)));
    QVERIFY(!torch::allclose(attn(x, 3), attn(x, 0), 1e-4, 1e-4));

    DenoiserConfig c = tinyConfig(2);
    c.temporalAttentionLevels = {0};
    Denoiser model(c);
    perturb(*model);
    model->eval();
    const torch::Tensor z = torch::randn({2, 4, 4, 8, 8});
    const torch::Tensor t = torch::tensor({100.0f, 700.0f});
    const torch::Tensor labels = torch::tensor({0, 1}, torch::kLong);
    QVERIFY(torch::equal(model(z, t, labels), model(z, t, labels, 0)));
    QVERIFY(!torch::allclose(model(z, t, labels, 3), model(z, t, labels, 0), 1e-4, 1e-4));
}

void tst_Denoiser::spatialAttentionIsResidual()
{
    SpatialAttention zeroInit(8, 2, NormKind::Group, 4, true);
    const torch::Tensor x = torch::randn({3, 8, 4, 4});
    QVERIFY(torch::equal(zeroInit(x), x));
    SpatialAttention attn(8, 2, NormKind::Group, 4, false);
    const torch::Tensor y = attn(x);
    QCOMPARE(y.sizes().vec(), x.sizes().vec());
    // Images in the batch do not interact.
    torch::Tensor x2 = x.clone();
    x2[0].add_(1.0);
    QVERIFY(torch::allclose(attn(x2)[1], y[1]));
    QVERIFY_THROWS_EXCEPTION(Error, SpatialAttention(8, 3, NormKind::Group, 4, false));
}

void tst_Denoiser::rejectsBadInput()
{
    Denoiser model(tinyConfig(0));
    QVERIFY_THROWS_EXCEPTION(Error,
                             model->forward(torch::zeros({1, 4, 2, 7, 8}), torch::zeros({1})));
    QVERIFY_THROWS_EXCEPTION(Error,
                             model->forward(torch::zeros({1, 3, 2, 8, 8}), torch::zeros({1})));
    QVERIFY_THROWS_EXCEPTION(Error,
                             model->forward(torch::zeros({2, 4, 2, 8, 8}), torch::zeros({1})));
}

void tst_Denoiser::dctBasisSeparatesTheStillPart()
{
    const torch::Tensor d = vd::detail::dctBasis(8, torch::TensorOptions().dtype(torch::kFloat32));
    // Orthonormal: iid noise stays iid, and going back is the transpose.
    QVERIFY(torch::allclose(torch::matmul(d, d.t()), torch::eye(8), 1e-5, 1e-5));
    // A still clip lands entirely in component 0, scaled by sqrt(T).
    const torch::Tensor frame = torch::randn({2, 4, 1, 3, 3});
    const torch::Tensor still = frame.expand({2, 4, 8, 3, 3}).contiguous();
    const torch::Tensor y = vd::detail::alongFrames(still, d);
    QVERIFY(torch::allclose(y.select(2, 0), frame.select(2, 0) * std::sqrt(8.0), 1e-5, 1e-5));
    QVERIFY(y.narrow(2, 1, 7).abs().max().item<double>() < 1e-5);
    QVERIFY(torch::allclose(vd::detail::alongFrames(y, d.t()), still, 1e-5, 1e-5));
}

void tst_Denoiser::dctTemporalBasis()
{
    DenoiserConfig c = tinyConfig(2);
    c.temporalBasis = TemporalBasis::Dct;
    Denoiser model(c);
    perturb(*model);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 4, 4, 8, 8});
    const torch::Tensor t = torch::full({2}, 500.0);
    const torch::Tensor labels = torch::tensor({0, 1}, torch::kLong);
    const torch::Tensor y = model->forward(x, t, labels);
    QCOMPARE(y.sizes().vec(), x.sizes().vec());
    QVERIFY(torch::isfinite(y).all().item<bool>());
    // The same weights read as a frame-basis model give another function: the basis is real.
    DenoiserConfig framesConfig = c;
    framesConfig.temporalBasis = TemporalBasis::Frames;
    Denoiser frames(framesConfig);
    auto src = model->named_parameters(true);
    for (auto& p : frames->named_parameters(true)) {
        p.value().copy_(src[p.key()]);
    }
    QVERIFY(!torch::allclose(frames->forward(x, t, labels), y, 1e-4, 1e-4));
    // One frame has nothing to transform.
    const torch::Tensor one = torch::randn({1, 4, 1, 8, 8});
    QVERIFY(torch::allclose(model->forward(one, t.narrow(0, 0, 1), labels.narrow(0, 0, 1)),
                            frames->forward(one, t.narrow(0, 0, 1), labels.narrow(0, 0, 1))));
    // The key round-trips; unknown bases are rejected by name.
    QVERIFY(denoiserConfigFromJson(nlohmann::json(c), "denoiser").temporalBasis ==
            TemporalBasis::Dct);
    nlohmann::json bad = c;
    bad["temporal_basis"] = "fourier";
    try {
        denoiserConfigFromJson(bad, "denoiser");
        QFAIL("an unknown temporal_basis was accepted");
    } catch (const Error& e) {
        QVERIFY(QString::fromStdString(e.what()).contains("denoiser.temporal_basis"));
    }
}

void tst_Denoiser::trainsThroughObjective_data()
{
    QTest::addColumn<int>("objective");
    QTest::addColumn<bool>("selfCondition");
    QTest::newRow("eps") << int(Objective::Epsilon) << false;
    QTest::newRow("v") << int(Objective::V) << false;
    QTest::newRow("flow") << int(Objective::Flow) << false;
    // Half the batches carry an estimate; the estimate's half of conv_in must learn too.
    QTest::newRow("flow, self-conditioned") << int(Objective::Flow) << true;
}

void tst_Denoiser::trainsThroughObjective()
{
    QFETCH(int, objective);
    QFETCH(bool, selfCondition);
    torch::manual_seed(2);
    DenoiserConfig c = tinyConfig(2);
    c.labelDropout = 0.2;
    c.selfCondition = selfCondition;
    Denoiser model(c);
    DiffusionConfig d;
    d.objective = Objective(objective);
    const DiffusionObjective obj(d);
    // A fixed clip: the loss must fall as the model learns it.
    const torch::Tensor x0 = torch::randn({1, 4, 2, 8, 8}).repeat({8, 1, 1, 1, 1});
    const torch::Tensor labels = torch::tensor({0, 1, 0, 1, 0, 1, 0, 1}, torch::kLong);
    torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(2e-3));
    // The loss on a fixed draw of timesteps and noise (same seed each time), before and after.
    auto evalLoss = [&] {
        torch::NoGradGuard noGrad;
        at::Generator evalGen = makeGenerator(123);
        const DenoiseFn fn = [&](const torch::Tensor& x, const torch::Tensor& t,
                                 const torch::Tensor& y) { return model->forward(x, t, y); };
        return obj.loss(fn, x0.repeat({4, 1, 1, 1, 1}), labels.repeat({4}), evalGen)
            .loss.item<double>();
    };
    const double before = evalLoss();
    at::Generator gen = makeGenerator(10);
    double estimateGrad = 0.0;
    for (int i = 0; i < 60; ++i) {
        opt.zero_grad();
        const DiffusionLoss l = obj.loss(model, x0, labels, gen);
        QVERIFY(std::isfinite(l.loss.item<double>()));
        QCOMPARE(l.perSample.size(0), int64_t(8));
        l.loss.backward();
        if (selfCondition && i > 0) { // conv_out starts at zero: the first step reaches only it
            const torch::Tensor g = model->named_parameters()["conv_in.weight"].grad();
            estimateGrad += g.narrow(1, 4, 4).abs().sum().item<double>();
        }
        opt.step();
    }
    const double after = evalLoss();
    qInfo("loss %.4f -> %.4f", before, after);
    QVERIFY2(after < 0.8 * before, qPrintable(QString("loss %1 -> %2").arg(before).arg(after)));
    QVERIFY(!selfCondition || estimateGrad > 0.0);
}

void tst_Denoiser::selfConditioningSeesTheEstimate()
{
    Denoiser model = selfConditionedModel(4);
    // conv_in reads the latents and the estimate: 2 x 4 channels.
    QCOMPARE(model->named_parameters()["conv_in.weight"].size(1), int64_t(8));
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 4, 3, 8, 8});
    const torch::Tensor t = torch::tensor({300.0f, 700.0f});
    const torch::Tensor y = torch::tensor({0, 1}, torch::kLong);
    const torch::Tensor plain = model->forward(x, t, y);
    // No estimate means zeros; an estimate changes the output.
    QVERIFY(torch::allclose(model->forward(x, t, y, 0, torch::zeros_like(x)), plain));
    QVERIFY(!torch::allclose(model->forward(x, t, y, 0, torch::randn_like(x)), plain, 1e-3, 1e-3));
    QVERIFY_THROWS_EXCEPTION(Error, model->forward(x, t, y, 0, torch::zeros({2, 4, 2, 8, 8})));
    // A model without it ignores the argument.
    Denoiser without(tinyConfig(2));
    perturb(*without);
    QCOMPARE(without->named_parameters()["conv_in.weight"].size(1), int64_t(4));
    QVERIFY(torch::allclose(without->forward(x, t, y, 0, torch::randn_like(x)),
                            without->forward(x, t, y)));
}

void tst_Denoiser::selfConditionedSamplingCarriesTheEstimate()
{
    Denoiser model = selfConditionedModel(5);
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 4, 3, 8, 8});
    const torch::Tensor t = torch::tensor({600.0f, 600.0f});
    const torch::Tensor y = torch::tensor({0, 1}, torch::kLong);
    const DenoiseFn fn = samplingFn(model);
    const DenoiseFn copy = fn; // samplers copy the function; the state is shared
    const torch::Tensor first = fn(x, t, y);
    QVERIFY(torch::allclose(first, model->forward(x, t, y))); // zeros on the first call
    // The second call sees the first call's clean estimate x - t v.
    const torch::Tensor estimate = x - 0.6 * first;
    QVERIFY(torch::allclose(flowCleanEstimate(x, t, first), estimate, 1e-5, 1e-6));
    const torch::Tensor second = copy(x, t, y);
    QVERIFY(torch::allclose(second, model->forward(x, t, y, 0, estimate), 1e-5, 1e-6));
    QVERIFY(!torch::allclose(second, first, 1e-3, 1e-3));
    // Another batch size (a guided step's doubled batch) keeps its own estimate: zeros first.
    const torch::Tensor both = torch::cat({x, x});
    const torch::Tensor tt = torch::cat({t, t}), yy = torch::tensor({0, 1, -1, -1}, torch::kLong);
    QVERIFY(torch::allclose(fn(both, tt, yy), model->forward(both, tt, yy)));
    // A fresh function starts from zeros again.
    QVERIFY(torch::allclose(samplingFn(model)(x, t, y), first));
}

void tst_Denoiser::selfConditionedTrainingUnderAutocast()
{
    // The estimate pass runs without gradient inside the same bf16 autocast scope as the trained
    // pass; autocast must not hand the trained pass weight casts made without gradient.
    Denoiser model = selfConditionedModel(7);
    const DiffusionObjective obj(DiffusionConfig{});
    const torch::Tensor x0 = torch::randn({4, 4, 2, 8, 8});
    const torch::Tensor labels = torch::tensor({0, 1, 0, 1}, torch::kLong);
    at::Generator gen = makeGenerator(3);
    int estimated = 0;
    for (int i = 0; i < 8; ++i) {
        model->zero_grad();
        // The draw loss() makes: whether this batch carries an estimate.
        at::Generator peek = gen.clone();
        (void)model->dropLabels(labels, peek);
        estimated += torch::rand({1}, peek, torch::kFloat32).item<float>() < 0.5f;
        {
            vd::detail::Autocast bf16(torch::kCPU, true);
            obj.loss(model, x0, labels, gen).loss.backward();
        }
        checkGradients(*model);
    }
    QVERIFY(estimated > 0);
}

void tst_Denoiser::selfConditioningNeedsFlow()
{
    DenoiserConfig c = tinyConfig(2);
    c.selfCondition = true;
    DiffusionConfig d;
    checkSelfCondition(c, d, "diffusion"); // flow: fine
    d.objective = Objective::V;
    try {
        checkSelfCondition(c, d, "diffusion");
        QFAIL("accepted self-conditioning with v-prediction");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        QVERIFY2(QString(e.what()).startsWith("diffusion.model.self_condition:"), e.what());
    }
}

void tst_Denoiser::emaUpdateMath()
{
    torch::nn::Linear net(3, 2);
    net->register_buffer("counter", torch::zeros({1}));
    EMA ema(*net);
    const torch::Tensor w0 = net->weight.detach().clone();
    QCOMPARE(ema.numUpdates(), int64_t(0));
    // Warm-up: the first decay is min(0.999, 1/10) = 0.1.
    QVERIFY(std::abs(ema.effectiveDecay(0.999) - 0.1) < 1e-12);
    {
        torch::NoGradGuard noGrad;
        net->weight.fill_(1.0);
        net->named_buffers()["counter"].fill_(7.0);
    }
    ema.update(*net, 0.999);
    const auto shadow = ema.namedTensors();
    QCOMPARE(shadow[0].first, std::string("weight"));
    QVERIFY(torch::allclose(shadow[0].second, 0.1 * w0 + 0.9 * torch::ones_like(w0)));
    QCOMPARE(shadow.back().first, std::string("counter"));
    QCOMPARE(shadow.back().second.item<float>(), 7.0f); // buffers are copied
    // Late updates use the requested decay.
    ema.setNumUpdates(100000);
    QCOMPARE(ema.effectiveDecay(0.99), 0.99);
    const torch::Tensor before = shadow[0].second.clone();
    {
        torch::NoGradGuard noGrad;
        net->weight.fill_(3.0);
    }
    ema.update(*net, 0.99);
    QVERIFY(torch::allclose(ema.namedTensors()[0].second, 0.99 * before + 0.01 * 3.0));
    QCOMPARE(ema.numUpdates(), int64_t(100001));
}

void tst_Denoiser::emaSwapAndCopy()
{
    Denoiser model(tinyConfig(0));
    EMA ema(*model);
    std::vector<std::pair<std::string, torch::Tensor>> original;
    for (const auto& [name, tensor] : ema.namedTensors()) {
        original.emplace_back(name, tensor.clone());
    }
    perturb(*model);
    const torch::Tensor trained = model->named_parameters()["conv_in.weight"].detach().clone();
    ema.swap(*model);
    // After a swap the model holds the shadow (the original weights) and vice versa.
    const auto swapped = model->named_parameters(true);
    for (const auto& [name, tensor] : original) {
        const auto* p = swapped.find(name);
        if (p) {
            QVERIFY(torch::equal(*p, tensor));
        }
    }
    ema.swap(*model);
    QVERIFY(torch::equal(model->named_parameters()["conv_in.weight"], trained));
    Denoiser copy(tinyConfig(0));
    ema.copyTo(*copy);
    const auto copied = copy->named_parameters(true);
    for (const auto& [name, tensor] : original) {
        const auto* p = copied.find(name);
        if (p) {
            QVERIFY(torch::equal(*p, tensor));
        }
    }
    Denoiser other(tinyConfig(3));
    QVERIFY_THROWS_EXCEPTION(Error, ema.copyTo(*other));
}

void tst_Denoiser::configJsonRoundTrip()
{
    DenoiserConfig c;
    c.baseChannels = 48;
    c.channelMultipliers = {1, 2, 4};
    c.attentionLevels = {1, 2};
    c.temporalAttention = false;
    c.heads = 8;
    c.numClasses = 10;
    c.labelDropout = 0.2;
    c.dropout = 0.1;
    c.selfCondition = true;
    const nlohmann::json j = c;
    const DenoiserConfig c2 = j.get<DenoiserConfig>();
    QCOMPARE(nlohmann::json(c2).dump(), j.dump());
    QCOMPARE(c2.attentionLevels, (std::vector<int>{1, 2}));
    QCOMPARE(c2.numClasses, 10);
    QVERIFY(c2.selfCondition);
    QVERIFY(!nlohmann::json::object().get<DenoiserConfig>().selfCondition); // older files
    for (const char* preset : {"demo", "small", "base"}) {
        validate(DenoiserConfig::preset(preset));
    }
}

void tst_Denoiser::configRejectsBadValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("key");
    QTest::newRow("heads divide") << R"({"heads":3})"
                                  << "denoiser.heads";
    QTest::newRow("attention level") << R"({"attention_levels":[2]})"
                                     << "denoiser.attention_levels";
    QTest::newRow("label dropout") << R"({"label_dropout":1.5})"
                                   << "denoiser.label_dropout";
    QTest::newRow("dropout") << R"({"dropout":-0.1})"
                             << "denoiser.dropout";
    QTest::newRow("classes") << R"({"num_classes":-1})"
                             << "denoiser.num_classes";
    QTest::newRow("no levels") << R"({"channel_multipliers":[]})"
                               << "denoiser.channel_multipliers";
    QTest::newRow("groups") << R"({"norm_groups":5})"
                            << "denoiser.norm_groups";
    QTest::newRow("bool type") << R"({"temporal_attention":1})"
                               << "denoiser.temporal_attention";
    QTest::newRow("self condition type") << R"({"self_condition":"yes"})"
                                         << "denoiser.self_condition";
    QTest::newRow("unknown") << R"({"depth":3})"
                             << "denoiser.depth";
}

void tst_Denoiser::configRejectsBadValues()
{
    QFETCH(QString, json);
    QFETCH(QString, key);
    try {
        (void)nlohmann::json::parse(json.toStdString()).get<DenoiserConfig>();
        QFAIL("accepted a bad config");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        QVERIFY2(QString(e.what()).startsWith(key + ":"), e.what());
    }
}

QTEST_APPLESS_MAIN(tst_Denoiser)
#include "tst_Denoiser.moc"
