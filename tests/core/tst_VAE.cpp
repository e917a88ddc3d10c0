// SPDX-License-Identifier: GPL-3.0-or-later
// The video VAE: shapes, gradients, norm choices, temporal decoder layers, loss, LatentNorm,
// config validation, and that it can learn (overfits a tiny batch).
#include "diffusion/Random.h"
#include "model/LatentNorm.h"
#include "model/NormLayer.h"
#include "model/TemporalConv.h"
#include "model/VAE.h"
#include "model/VAEConfig.h"
#include "model/VAELoss.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

using namespace vd;

namespace {

/// A tiny VAE: 16x16 frames, 4x downsampling -> 4x4 latents.
VAEConfig tinyConfig()
{
    VAEConfig c;
    c.baseChannels = 8;
    c.channelMultipliers = {1, 2, 2};
    c.resBlocks = 1;
    c.latentChannels = 4;
    c.normGroups = 4;
    return c;
}

/// Adds small noise to every parameter so zero-initialized layers pass gradients upstream too.
void perturb(torch::nn::Module& m)
{
    torch::NoGradGuard noGrad;
    for (auto& p : m.parameters()) {
        p.add_(0.05 * torch::randn_like(p));
    }
}

/// Every parameter has a finite gradient that is not all zero.
void checkGradients(torch::nn::Module& m)
{
    for (const auto& p : m.named_parameters(true)) {
        const torch::Tensor g = p.value().grad();
        QVERIFY2(g.defined(), qPrintable("no grad for " + QString::fromStdString(p.key())));
        QVERIFY2(torch::isfinite(g).all().item<bool>(),
                 qPrintable("non-finite grad for " + QString::fromStdString(p.key())));
        QVERIFY2(g.abs().sum().item<double>() > 0.0,
                 qPrintable("zero grad for " + QString::fromStdString(p.key())));
    }
}

torch::Tensor smoothVideo(int64_t b, int64_t t, int64_t hw)
{
    // Smooth colour gradients that move over time, in [-1, 1].
    const torch::Tensor ys = torch::linspace(-1, 1, hw).view({1, 1, 1, hw, 1});
    const torch::Tensor xs = torch::linspace(-1, 1, hw).view({1, 1, 1, 1, hw});
    const torch::Tensor ts = torch::linspace(0, 1, t).view({1, 1, t, 1, 1});
    const torch::Tensor phase = torch::arange(b * 3).to(torch::kFloat32).view({b, 3, 1, 1, 1});
    return torch::sin(2.0 * xs + 1.5 * ys + 3.0 * ts + phase) * 0.9;
}

} // namespace

class tst_VAE : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(1);
        torch::manual_seed(0);
    }

    void shapesAndGradients_data();
    void shapesAndGradients();
    void downsampling_data();
    void downsampling();
    void channelNormIsPositionwise();
    void temporalConvStartsAsIdentityAndIsCausal();
    void logvarIsClamped();
    void rejectsBadInput();
    void lossTermsAndWarmup();
    void latentNoiseReachesOnlyTheDecoder();
    void latentNormStreamsStatistics();
    void latentNormSavesWithVAE();
    void configJsonRoundTrip();
    void configRejectsBadValues_data();
    void configRejectsBadValues();
    void overfitsTinyBatch();
};

void tst_VAE::shapesAndGradients_data()
{
    QTest::addColumn<QString>("encoderNorm");
    QTest::addColumn<QString>("decoderNorm");
    QTest::addColumn<bool>("temporal");
    QTest::addColumn<bool>("attention");
    QTest::newRow("group") << "group"
                           << "group" << false << false;
    QTest::newRow("channel") << "channel"
                             << "channel" << false << false;
    QTest::newRow("none") << "none"
                          << "none" << false << false;
    QTest::newRow("hybrid group/channel") << "group"
                                          << "channel" << false << false;
    QTest::newRow("temporal decoder") << "group"
                                      << "channel" << true << false;
    QTest::newRow("mid attention") << "group"
                                   << "group" << false << true;
}

void tst_VAE::shapesAndGradients()
{
    QFETCH(QString, encoderNorm);
    QFETCH(QString, decoderNorm);
    QFETCH(bool, temporal);
    QFETCH(bool, attention);
    VAEConfig c = tinyConfig();
    QVERIFY(parseNormKind(encoderNorm.toStdString(), c.encoderNorm));
    QVERIFY(parseNormKind(decoderNorm.toStdString(), c.decoderNorm));
    c.decoderTemporal = temporal;
    c.midAttention = attention;
    VAE vae(c);
    perturb(*vae);

    const torch::Tensor x = torch::rand({2, 3, 3, 16, 16}) * 2 - 1;
    const LatentDistribution post = vae->encode(x);
    QCOMPARE(post.mean.sizes().vec(), (std::vector<int64_t>{2, 4, 3, 4, 4}));
    QCOMPARE(post.logvar.sizes().vec(), post.mean.sizes().vec());
    const VAEOutput out = vae->forward(x);
    QCOMPARE(out.reconstruction.sizes().vec(), x.sizes().vec());
    QCOMPARE(out.z.sizes().vec(), post.mean.sizes().vec());

    const VAELossResult loss = VAELoss()(x, out, 1000);
    loss.total.backward();
    checkGradients(*vae);

    // Norm parameters follow the choice: GroupNorm has weight+bias, channel norm a gain only.
    const auto params = vae->named_parameters(true);
    const bool hasEncoderBias = params.find("encoder.norm_out.bias") != nullptr;
    const bool hasEncoderGain = params.find("encoder.norm_out.weight") != nullptr;
    QCOMPARE(hasEncoderBias, encoderNorm == "group");
    QCOMPARE(hasEncoderGain, encoderNorm != "none");
    QCOMPARE(params.find("decoder.mid_temporal.conv.weight") != nullptr, temporal);
    QCOMPARE(params.find("encoder.mid_attn.qkv.weight") != nullptr, attention);
}

void tst_VAE::downsampling_data()
{
    QTest::addColumn<QList<int>>("multipliers");
    QTest::addColumn<int>("latentChannels");
    QTest::addColumn<int>("factor");
    // Two levels keep a star's points (64x64 frames -> 32x32 latents); four compress 8x.
    QTest::newRow("2 levels, 2x") << QList<int>{1, 2} << 4 << 2;
    QTest::newRow("4 levels, 8x") << QList<int>{1, 1, 2, 2} << 8 << 8;
}

void tst_VAE::downsampling()
{
    QFETCH(QList<int>, multipliers);
    QFETCH(int, latentChannels);
    QFETCH(int, factor);
    VAEConfig c = tinyConfig();
    c.channelMultipliers = std::vector<int>(multipliers.begin(), multipliers.end());
    c.latentChannels = latentChannels;
    QCOMPARE(c.downsampleFactor(), factor);
    VAE vae(c);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::zeros({1, 3, 2, 4 * factor, 2 * factor});
    const LatentDistribution post = vae->encode(x);
    QCOMPARE(post.mean.sizes().vec(), (std::vector<int64_t>{1, latentChannels, 2, 4, 2}));
    QCOMPARE(vae->decode(post.mean).sizes().vec(), x.sizes().vec());
}

void tst_VAE::channelNormIsPositionwise()
{
    NormLayer norm(NormKind::Channel, 6);
    torch::Tensor x = torch::randn({2, 6, 5, 5});
    const torch::Tensor y = norm(x);
    // Unit RMS over channels at every position.
    QVERIFY(torch::allclose(y.pow(2).mean(1), torch::ones({2, 5, 5}), 1e-3, 1e-3));
    // A huge value at one position does not change any other position (no shared statistics),
    // unlike GroupNorm.
    torch::Tensor x2 = x.clone();
    x2.index_put_({0, torch::indexing::Slice(), 2, 2}, 1000.0);
    const torch::Tensor y2 = norm(x2);
    torch::Tensor mask = torch::ones({2, 6, 5, 5}, torch::kBool);
    mask.index_put_({0, torch::indexing::Slice(), 2, 2}, false);
    QVERIFY(torch::allclose(y.masked_select(mask), y2.masked_select(mask)));
    NormLayer group(NormKind::Group, 6, 2);
    QVERIFY(!torch::allclose(group(x).masked_select(mask), group(x2).masked_select(mask)));
    NormLayer none(NormKind::None, 6);
    QVERIFY(torch::equal(none(x), x));
    QCOMPARE(none->parameters().size(), size_t(0));
}

void tst_VAE::temporalConvStartsAsIdentityAndIsCausal()
{
    TemporalConv conv(8, NormKind::Channel, 4, true);
    const torch::Tensor x = torch::randn({2, 8, 5, 3, 3});
    QVERIFY(torch::equal(conv(x), x)); // zero-initialized residual
    perturb(*conv);
    const torch::Tensor y = conv(x);
    QVERIFY(!torch::allclose(y, x));
    // Causal: changing frame 3 changes frames >= 3 only.
    torch::Tensor x2 = x.clone();
    x2.select(2, 3).add_(1.0);
    const torch::Tensor y2 = conv(x2);
    using torch::indexing::Slice;
    QVERIFY(torch::allclose(y.index({Slice(), Slice(), Slice(0, 3)}),
                            y2.index({Slice(), Slice(), Slice(0, 3)})));
    QVERIFY(!torch::allclose(y.select(2, 4), y2.select(2, 4)));

    // The decoder with temporal layers equals the per-frame decoder at initialization.
    VAEConfig plain = tinyConfig();
    VAEConfig withTemporal = plain;
    withTemporal.decoderTemporal = true;
    torch::manual_seed(3);
    VAE a(plain);
    torch::manual_seed(3);
    VAE b(withTemporal);
    torch::NoGradGuard noGrad;
    // Copy the shared weights by name.
    const auto bp = b->named_parameters(true);
    for (const auto& p : a->named_parameters(true)) {
        bp[p.key()].copy_(p.value());
    }
    const torch::Tensor z = torch::randn({1, 4, 4, 4, 4});
    QVERIFY(torch::allclose(a->decode(z), b->decode(z), 1e-5, 1e-5));
}

void tst_VAE::logvarIsClamped()
{
    VAEConfig c = tinyConfig();
    c.logvarMin = -1.0;
    c.logvarMax = 0.5;
    VAE vae(c);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : vae->encoder()->parameters()) {
            p.mul_(20.0); // blow up the encoder's outputs
        }
    }
    const LatentDistribution post = vae->encode(torch::rand({1, 3, 2, 16, 16}) * 2 - 1);
    QVERIFY(post.logvar.min().item<double>() >= -1.0 - 1e-6);
    QVERIFY(post.logvar.max().item<double>() <= 0.5 + 1e-6);

    // sample() with a seeded generator is reproducible.
    at::Generator g1 = makeGenerator(11), g2 = makeGenerator(11);
    QVERIFY(torch::equal(VAEImpl::sample(post, g1), VAEImpl::sample(post, g2)));
}

void tst_VAE::rejectsBadInput()
{
    VAE vae(tinyConfig());
    QVERIFY_THROWS_EXCEPTION(Error, vae->encode(torch::zeros({1, 3, 2, 18, 16})));
    QVERIFY_THROWS_EXCEPTION(Error, vae->encode(torch::zeros({1, 3, 16, 16})));
    QVERIFY_THROWS_EXCEPTION(Error, vae->decode(torch::zeros({1, 3, 2, 4, 4})));
}

void tst_VAE::lossTermsAndWarmup()
{
    VAELossConfig lc;
    lc.l1Weight = 1.0;
    lc.mseWeight = 2.0;
    lc.klWeight = 0.5;
    lc.klWarmupSteps = 100;
    const VAELoss loss(lc);
    QCOMPARE(loss.beta(0), 0.0);
    QCOMPARE(loss.beta(50), 0.25);
    QCOMPARE(loss.beta(100), 0.5);
    QCOMPARE(loss.beta(10000), 0.5);

    const torch::Tensor x = torch::zeros({1, 3, 1, 4, 4});
    VAEOutput out;
    out.reconstruction = torch::full({1, 3, 1, 4, 4}, 0.5f);
    out.mean = torch::ones({1, 4, 1, 1, 1});
    out.logvar = torch::zeros({1, 4, 1, 1, 1});
    const VAELossResult r = loss(x, out, 50);
    // l1 = 0.5, mse = 0.25, KL per element = 0.5 * (1 + 1 - 1 - 0) = 0.5
    QVERIFY(std::abs(r.terms.at("l1") - 0.5) < 1e-6);
    QVERIFY(std::abs(r.terms.at("mse") - 0.25) < 1e-6);
    QVERIFY(std::abs(r.terms.at("kl") - 0.5) < 1e-6);
    QCOMPARE(r.terms.at("beta"), 0.25);
    const double total = 0.5 + 2.0 * 0.25 + 0.25 * 0.5;
    QVERIFY(std::abs(r.terms.at("total") - total) < 1e-6);
    QVERIFY(std::abs(r.total.item<double>() - total) < 1e-6);
    // KL of the prior itself is zero.
    QVERIFY(VAELoss::klDivergence(torch::zeros({3}), torch::zeros({3})).item<double>() < 1e-9);

    VAELossConfig bad;
    bad.l1Weight = 0.0;
    bad.mseWeight = 0.0;
    QVERIFY_THROWS_EXCEPTION(Error, VAELoss{bad});
}

void tst_VAE::latentNoiseReachesOnlyTheDecoder()
{
    VAE vae(tinyConfig());
    perturb(*vae);
    vae->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::rand({2, 3, 1, 16, 16}) * 2 - 1;
    auto run = [&](double noise) {
        at::Generator g = makeGenerator(7);
        return vae->forward(x, true, g, noise);
    };
    const VAEOutput clean = run(0.0);
    QVERIFY(torch::equal(clean.reconstruction, vae->decode(clean.z)));
    const VAEOutput noisy = run(0.5);
    // The latent is the same posterior sample; only the decoder's input moved.
    QVERIFY(torch::equal(noisy.z, clean.z));
    QVERIFY(!torch::allclose(noisy.reconstruction, clean.reconstruction, 1e-4, 1e-4));
    QVERIFY(torch::equal(noisy.reconstruction, run(0.5).reconstruction)); // seeded

    VAELossConfig l;
    l.latentNoise = 0.25;
    QCOMPARE(nlohmann::json(l).at("latent_noise").get<double>(), 0.25);
    QCOMPARE(nlohmann::json(l).get<VAELossConfig>().latentNoise, 0.25);
    for (const char* bad : {R"({"latent_noise":-0.1})", R"({"latent_noise":5})"}) {
        try {
            (void)nlohmann::json::parse(bad).get<VAELossConfig>();
            QFAIL("accepted a bad latent_noise");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).startsWith("vae.loss.latent_noise:"), e.what());
        }
    }
}

void tst_VAE::latentNormStreamsStatistics()
{
    LatentNorm norm(3);
    const torch::Tensor means = torch::tensor({2.0f, -1.0f, 0.0f}).view({1, 3, 1, 1, 1});
    const torch::Tensor stds = torch::tensor({0.5f, 3.0f, 1.0f}).view({1, 3, 1, 1, 1});
    std::vector<torch::Tensor> batches;
    for (int i = 0; i < 10; ++i) {
        batches.push_back(torch::randn({4, 3, 4, 8, 8}) * stds + means);
    }
    norm->reset();
    for (const auto& b : batches) {
        norm->accumulate(b);
    }
    norm->finish();
    QCOMPARE(norm->count(), 10.0 * 4 * 4 * 8 * 8);
    // Streaming result equals the statistics of all batches at once.
    const torch::Tensor all = torch::cat(batches, 0).transpose(0, 1).reshape({3, -1});
    QVERIFY(torch::allclose(norm->channelMean(), all.mean(1), 1e-4, 1e-4));
    QVERIFY(torch::allclose(norm->channelStd(), all.std(1, false), 1e-4, 1e-4));

    const torch::Tensor z = batches[0];
    const torch::Tensor n = norm->normalize(z);
    QVERIFY(std::abs(n.mean().item<double>()) < 0.1);
    QVERIFY(torch::allclose(norm->denormalize(n), z, 1e-4, 1e-4));

    LatentNorm empty(3);
    QVERIFY_THROWS_EXCEPTION(Error, empty->finish());
    QVERIFY_THROWS_EXCEPTION(Error, empty->accumulate(torch::zeros({1, 4, 2})));
}

void tst_VAE::latentNormSavesWithVAE()
{
    VAE vae(tinyConfig());
    vae->latentNorm()->accumulate(torch::randn({2, 4, 3, 4, 4}) * 2 + 1);
    vae->latentNorm()->finish();
    const auto buffers = vae->named_buffers(true);
    QVERIFY(buffers.find("latent_norm.mean") != nullptr);
    QVERIFY(buffers.find("latent_norm.std") != nullptr);
    QVERIFY(torch::equal(buffers["latent_norm.std"], vae->latentNorm()->channelStd()));
    QVERIFY(buffers["latent_norm.std"].mean().item<double>() > 1.5);
}

void tst_VAE::configJsonRoundTrip()
{
    VAEConfig c;
    c.baseChannels = 48;
    c.channelMultipliers = {1, 2, 4, 4};
    c.latentChannels = 8;
    c.encoderNorm = NormKind::Group;
    c.decoderNorm = NormKind::Channel;
    c.decoderTemporal = true;
    c.logvarMin = -10.0;
    const nlohmann::json j = c;
    QCOMPARE(j.at("decoder_norm").get<std::string>(), std::string("channel"));
    const VAEConfig c2 = j.get<VAEConfig>();
    QCOMPARE(nlohmann::json(c2).dump(), j.dump());
    QCOMPARE(c2.downsampleFactor(), 8);
    QCOMPARE(c2.decoderNorm, NormKind::Channel);
    // Absent keys keep defaults.
    const VAEConfig d = nlohmann::json::object().get<VAEConfig>();
    QCOMPARE(nlohmann::json(d).dump(), nlohmann::json(VAEConfig()).dump());
    for (const char* preset : {"demo", "small", "base"}) {
        validate(VAEConfig::preset(preset));
    }
    QVERIFY_THROWS_EXCEPTION(Error, VAEConfig::preset("huge"));

    VAELossConfig l;
    l.mseWeight = 0.5;
    l.klWarmupSteps = 7;
    QCOMPARE(nlohmann::json(nlohmann::json(l).get<VAELossConfig>()).dump(),
             nlohmann::json(l).dump());
}

void tst_VAE::configRejectsBadValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("key");
    QTest::newRow("latent too small") << R"({"latent_channels":2})"
                                      << "vae.latent_channels";
    QTest::newRow("latent too big") << R"({"latent_channels":32})"
                                    << "vae.latent_channels";
    QTest::newRow("1 level") << R"({"channel_multipliers":[1]})"
                             << "vae.channel_multipliers";
    QTest::newRow("5 levels") << R"({"channel_multipliers":[1,1,2,2,4]})"
                              << "vae.channel_multipliers";
    QTest::newRow("zero mult") << R"({"channel_multipliers":[1,0,2]})"
                               << "vae.channel_multipliers";
    QTest::newRow("norm name") << R"({"encoder_norm":"batch"})"
                               << "vae.encoder_norm";
    QTest::newRow("decoder norm") << R"({"decoder_norm":3})"
                                  << "vae.decoder_norm";
    QTest::newRow("groups") << R"({"norm_groups":7})"
                            << "vae.norm_groups";
    QTest::newRow("res blocks") << R"({"res_blocks":0})"
                                << "vae.res_blocks";
    QTest::newRow("logvar order") << R"({"logvar_min":5.0,"logvar_max":1.0})"
                                  << "vae.logvar_max";
    QTest::newRow("base type") << R"({"base_channels":"wide"})"
                               << "vae.base_channels";
    QTest::newRow("unknown key") << R"({"latent_chanels":4})"
                                 << "vae.latent_chanels";
}

void tst_VAE::configRejectsBadValues()
{
    QFETCH(QString, json);
    QFETCH(QString, key);
    try {
        (void)nlohmann::json::parse(json.toStdString()).get<VAEConfig>();
        QFAIL("accepted a bad config");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        QVERIFY2(QString(e.what()).startsWith(key + ":"), e.what());
    }
}

void tst_VAE::overfitsTinyBatch()
{
    torch::manual_seed(1);
    VAEConfig c = tinyConfig();
    c.decoderNorm = NormKind::Channel;
    VAE vae(c);
    const torch::Tensor x = smoothVideo(2, 2, 16);
    VAELossConfig lc;
    lc.klWeight = 1e-4;
    lc.klWarmupSteps = 0;
    const VAELoss loss(lc);
    torch::optim::AdamW opt(vae->parameters(), torch::optim::AdamWOptions(3e-3).weight_decay(0.0));
    at::Generator gen = makeGenerator(0);
    double first = 0.0, last = 0.0;
    for (int step = 0; step < 60; ++step) {
        opt.zero_grad();
        const VAELossResult r = loss(x, vae->forward(x, true, gen), step);
        r.total.backward();
        opt.step();
        if (step == 0) {
            first = r.terms.at("l1");
        }
        last = r.terms.at("l1");
    }
    qInfo("L1 %.4f -> %.4f", first, last);
    QVERIFY2(last < 0.35 * first, qPrintable(QString("L1 %1 -> %2").arg(first).arg(last)));
}

QTEST_APPLESS_MAIN(tst_VAE)
#include "tst_VAE.moc"
