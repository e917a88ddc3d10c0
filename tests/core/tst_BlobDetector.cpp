// SPDX-License-Identifier: GPL-3.0-or-later
// Blob detection in latents and high-error regions in pixel space: planted spikes are found where
// and as large as they were planted, clean Gaussian latents stay clean (false-positive rate over
// 1,000 seeds), flat channels and single frames stay sane, connectivity, config validation, and
// the reconstruction error map built on the same region code.
#include "diffusion/Random.h"
#include "inspect/BlobDetector.h"
#include "inspect/BlobDetectorConfig.h"
#include "inspect/ErrorMap.h"
#include "inspect/detail/ConnectedRegions.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <vector>

using namespace vd;

namespace {

torch::Tensor gaussian(std::vector<int64_t> shape, uint64_t seed)
{
    at::Generator g = makeGenerator(seed);
    return randnFrom(shape, g, torch::TensorOptions().dtype(torch::kFloat32));
}

/// Adds `amplitude` to a side x side square at (x, y) of channel c, frame t of a [C,T,h,w] clip.
void plant(torch::Tensor& z, int64_t c, int64_t t, int64_t x, int64_t y, int64_t side,
           double amplitude)
{
    z[c][t].narrow(0, y, side).narrow(1, x, side).add_(amplitude);
}

/// The blobs of `r` in channel c and frame t.
std::vector<Blob> blobsAt(const BlobReport& r, int64_t c, int64_t t)
{
    std::vector<Blob> out;
    for (const Blob& b : r.blobs) {
        if (b.channel == c && b.frame == t) {
            out.push_back(b);
        }
    }
    return out;
}

} // namespace

class tst_BlobDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void thresholdGrowsWithPositions();
    void plantedBlobsAreFound_data();
    void plantedBlobsAreFound();
    void persistentBlobsGiveBlobVerdict();
    void rareSpikeIsSuspicious();
    void cleanGaussianFalsePositiveRate_data();
    void cleanGaussianFalsePositiveRate();
    void flatChannelIsSane();
    void singleFrameClip();
    void connectivity();
    void largeRegionsAreNotBlobs();
    void polarityAndSign();
    void batchesReportTheClip();
    void reportJson();
    void configJsonRoundTrip();
    void configRejectsBadValues_data();
    void configRejectsBadValues();
    void rejectsBadInput();
    void errorMapAveragesChannels();
    void errorMapFindsCorruptedPatch();
    void errorMapRejectsMismatch();
};

void tst_BlobDetector::thresholdGrowsWithPositions()
{
    const BlobDetector d;
    // Q(1e-3 / (2N)): the chance of any |z| above it among N Gaussian values is ~1e-3.
    const double t16 = d.detectionThreshold(4 * 16 * 16 * 16);
    const double t32 = d.detectionThreshold(4 * 8 * 32 * 32);
    QVERIFY2(std::abs(t16 - 5.416) < 0.001, qPrintable(QString::number(t16)));
    QVERIFY2(std::abs(t32 - 5.538) < 0.001, qPrintable(QString::number(t32)));
    QVERIFY(d.detectionThreshold(1000000) > t32);
    const double tail = 0.5 * std::erfc(t16 / std::sqrt(2.0));
    QVERIFY(std::abs(tail * 2.0 * 16384 - 1e-3) < 1e-6);
    // Small maps fall back to the floor; false_alarm_rate 0 means the floor alone.
    QCOMPARE(d.detectionThreshold(1), 4.0);
    BlobDetectorConfig fixed;
    fixed.falseAlarmRate = 0.0;
    fixed.zThreshold = 6.0;
    QCOMPARE(BlobDetector(fixed).detectionThreshold(1 << 20), 6.0);
}

void tst_BlobDetector::plantedBlobsAreFound_data()
{
    QTest::addColumn<QVector<int>>("shape"); // C, T, h, w
    QTest::addColumn<int>("channel");
    QTest::addColumn<int>("frame");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addColumn<int>("side");
    QTest::addColumn<double>("amplitude");
    QTest::newRow("single position") << QVector<int>{4, 16, 16, 16} << 2 << 5 << 7 << 3 << 1 << 9.0;
    QTest::newRow("2x2 low spike") << QVector<int>{4, 16, 16, 16} << 0 << 0 << 0 << 0 << 2 << -9.0;
    QTest::newRow("3x3 at edge") << QVector<int>{4, 8, 32, 32} << 3 << 7 << 29 << 12 << 3 << 10.0;
    QTest::newRow("4x4") << QVector<int>{4, 8, 32, 32} << 1 << 2 << 10 << 20 << 4 << 8.0;
}

void tst_BlobDetector::plantedBlobsAreFound()
{
    QFETCH(QVector<int>, shape);
    QFETCH(int, channel);
    QFETCH(int, frame);
    QFETCH(int, x);
    QFETCH(int, y);
    QFETCH(int, side);
    QFETCH(double, amplitude);
    torch::Tensor z = gaussian({shape[0], shape[1], shape[2], shape[3]}, 7);
    plant(z, channel, frame, x, y, side, amplitude);

    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(static_cast<int64_t>(r.blobs.size()), int64_t(1));
    const Blob& b = r.blobs.front();
    QCOMPARE(b.channel, int64_t(channel));
    QCOMPARE(b.frame, int64_t(frame));
    QCOMPARE(b.sign, amplitude > 0 ? 1 : -1);
    // The region grows through |z| >= 3: a background neighbour may join, rarely, so allow one
    // extra position on the planted square's border, never a missing one.
    const int64_t area = int64_t(side) * side;
    QVERIFY2(b.area >= area && b.area <= area + 1, qPrintable(QString::number(b.area)));
    QVERIFY(b.x0 >= x - 1 && b.x0 <= x && b.y0 >= y - 1 && b.y0 <= y);
    QVERIFY(b.x1 >= x + side - 1 && b.x1 <= x + side && b.y1 >= y + side - 1 && b.y1 <= y + side);
    const double cx = x + (side - 1) / 2.0;
    const double cy = y + (side - 1) / 2.0;
    QVERIFY2(std::abs(b.centroidX - cx) < 0.5 && std::abs(b.centroidY - cy) < 0.5,
             qPrintable(QString("centroid %1,%2").arg(b.centroidX).arg(b.centroidY)));
    QVERIFY(b.peakAbsZ >= r.zThreshold);
    QVERIFY(std::abs(b.peakValue) > std::abs(amplitude) - 4.0);
    QCOMPARE(r.channels[size_t(channel)].blobs, int64_t(1));
    QCOMPARE(r.channels[size_t(channel)].framesWithBlobs, int64_t(1));
    QVERIFY(r.verdict != BlobVerdict::Clean);
}

void tst_BlobDetector::persistentBlobsGiveBlobVerdict()
{
    // Channel 2 carries a spike in the same place in every frame, as a VAE blob artifact does.
    torch::Tensor z = gaussian({4, 16, 16, 16}, 11);
    for (int64_t t = 0; t < 16; ++t) {
        plant(z, 2, t, 5, 9, 2, 12.0);
    }
    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(r.verdict, BlobVerdict::Blobs);
    QCOMPARE(r.channels[2].framesWithBlobs, int64_t(16));
    QCOMPARE(r.blobs.size(), size_t(16));
    QVERIFY(r.channels[2].score >= 1.0);
    for (const int64_t c : {0, 1, 3}) {
        QCOMPARE(r.channels[size_t(c)].blobs, int64_t(0));
        QCOMPARE(r.channels[size_t(c)].score, 0.0);
    }
    // The sigma-clipped scale ignores the spikes: std of the channel stays near 1.
    QVERIFY(std::abs(r.channels[2].std - 1.0) < 0.05);
    QVERIFY2(QString::fromStdString(r.reason).contains("channel 2 (16 of 16 frames"),
             r.reason.c_str());
    QVERIFY(!QString::fromStdString(r.reason).contains("channel 0"));
    QCOMPARE(QString(blobVerdictName(r.verdict)), QString("blobs"));
}

void tst_BlobDetector::rareSpikeIsSuspicious()
{
    torch::Tensor z = gaussian({4, 16, 16, 16}, 12);
    plant(z, 1, 4, 8, 8, 1, 7.0);
    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(r.verdict, BlobVerdict::Suspicious);
    QVERIFY(r.channels[1].score < 0.5);
    QVERIFY2(QString::fromStdString(r.reason).contains("channel 1"), r.reason.c_str());
}

void tst_BlobDetector::cleanGaussianFalsePositiveRate_data()
{
    QTest::addColumn<QVector<int>>("shape");
    QTest::newRow("[4,16,16,16]") << QVector<int>{4, 16, 16, 16};
    QTest::newRow("[4,8,32,32]") << QVector<int>{4, 8, 32, 32};
}

void tst_BlobDetector::cleanGaussianFalsePositiveRate()
{
    QFETCH(QVector<int>, shape);
    const BlobDetector detector;
    const int seeds = 1000;
    int detections = 0;
    int suspicious = 0;
    double largestZ = 0.0;
    for (int seed = 0; seed < seeds; ++seed) {
        // Latents are not standardized: a per-channel offset and scale must not matter.
        const torch::Tensor z =
            gaussian({shape[0], shape[1], shape[2], shape[3]}, uint64_t(seed) + 1000) * 2.5 + 0.7;
        const BlobReport r = detector.detect(z);
        detections += r.verdict != BlobVerdict::Clean ? 1 : 0;
        suspicious += r.verdict == BlobVerdict::Suspicious ? 1 : 0;
        for (const ChannelBlobSummary& s : r.channels) {
            largestZ = std::max(largestZ, s.maxPeakAbsZ);
        }
    }
    const double rate = double(detections) / seeds;
    qInfo("false-positive rate %s: %d of %d clips (%.2f%%; %d suspicious), threshold %.2f",
          QTest::currentDataTag(), detections, seeds, 100.0 * rate, suspicious,
          detector.detectionThreshold(int64_t(shape[0]) * shape[1] * shape[2] * shape[3]));
    QVERIFY2(rate < 0.01, qPrintable(QString("false-positive rate %1").arg(rate)));
}

void tst_BlobDetector::flatChannelIsSane()
{
    torch::Tensor z = gaussian({4, 16, 16, 16}, 3);
    z[1].fill_(0.3);
    z[3].fill_(-2.0);
    z[3][5][4][6] = 3.0; // a lone spike in an otherwise dead channel
    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(r.channels[1].std, 0.0);
    QCOMPARE(r.channels[1].blobs, int64_t(0));
    QCOMPARE(r.channels[1].score, 0.0);
    QVERIFY(std::isfinite(r.channels[3].std));
    QCOMPARE(r.channels[3].blobs, int64_t(1));
    const std::vector<Blob> b = blobsAt(r, 3, 5);
    QCOMPARE(b.size(), size_t(1));
    QCOMPARE(b[0].x0, int64_t(6));
    QCOMPARE(b[0].y0, int64_t(4));
    QVERIFY(std::isfinite(b[0].peakAbsZ));
    for (const ChannelBlobSummary& s : r.channels) {
        QVERIFY(std::isfinite(s.mean) && std::isfinite(s.std) && std::isfinite(s.score));
    }

    // Every channel flat: nothing to find, nothing NaN.
    const BlobReport flat = BlobDetector().detect(torch::full({2, 4, 8, 8}, 1.5));
    QCOMPARE(flat.verdict, BlobVerdict::Clean);
    QVERIFY(!flat.reason.empty());
}

void tst_BlobDetector::singleFrameClip()
{
    torch::Tensor z = gaussian({4, 1, 16, 16}, 5);
    QCOMPARE(BlobDetector().detect(z).verdict, BlobVerdict::Clean);
    plant(z, 0, 0, 3, 4, 2, 10.0);
    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(r.blobs.size(), size_t(1));
    QCOMPARE(r.channels[0].frames, int64_t(1));
    QCOMPARE(r.verdict, BlobVerdict::Blobs);
    QVERIFY(std::isfinite(r.channels[0].score));
}

void tst_BlobDetector::connectivity()
{
    // Two diagonal neighbours: one region with 8-connectivity, two with 4.
    std::vector<float> map(5 * 5, 0.0f);
    map[1 * 5 + 1] = 10.0f;
    map[2 * 5 + 2] = 10.0f;
    vd::detail::ConnectedRegions labeller;
    vd::detail::RegionThresholds t;
    t.seed = 5.0;
    t.grow = 3.0;
    t.connectivity = 8;
    auto regions = labeller.find(map.data(), 5, 5, t);
    QCOMPARE(regions.size(), size_t(1));
    QCOMPARE(regions[0].area, int64_t(2));
    QCOMPARE(regions[0].centroidX, 1.5);
    t.connectivity = 4;
    regions = labeller.find(map.data(), 5, 5, t);
    QCOMPARE(regions.size(), size_t(2));

    // Hysteresis: a position above `grow` joins only when connected to a seed.
    map[2 * 5 + 3] = 4.0f; // next to the seed at (2,2)
    map[4 * 5 + 4] = 4.0f; // alone
    regions = labeller.find(map.data(), 5, 5, t);
    QCOMPARE(regions.size(), size_t(2));
    QCOMPARE(regions[1].area, int64_t(2));
    QCOMPARE(regions[1].x1, int64_t(3));

    // Opposite signs never merge, and a region reports its sign and peak.
    map.assign(map.size(), 0.0f);
    map[0] = 9.0f;
    map[1] = -9.0f;
    map[2] = -12.0f;
    regions = labeller.find(map.data(), 5, 5, t);
    QCOMPARE(regions.size(), size_t(2));
    QCOMPARE(regions[0].sign, 1);
    QCOMPARE(regions[1].sign, -1);
    QCOMPARE(regions[1].peak, -12.0);
    QCOMPARE(regions[1].peakX, int64_t(2));

    // The same through the detector's config.
    torch::Tensor z = gaussian({1, 1, 32, 32}, 21) * 0.1;
    z[0][0][10][10] = 30.0;
    z[0][0][11][11] = 30.0;
    BlobDetectorConfig c;
    c.connectivity = 4;
    QCOMPARE(BlobDetector(c).detect(z).blobs.size(), size_t(2));
    c.connectivity = 8;
    QCOMPARE(BlobDetector(c).detect(z).blobs.size(), size_t(1));
}

void tst_BlobDetector::largeRegionsAreNotBlobs()
{
    torch::Tensor z = gaussian({4, 16, 16, 16}, 8);
    plant(z, 1, 3, 4, 4, 8, 10.0); // 64 positions: a quarter of the frame is structure
    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(r.maxArea, int64_t(25));
    QCOMPARE(r.channels[1].blobs, int64_t(0));
    QCOMPARE(r.channels[1].largeRegions, int64_t(1));
    QCOMPARE(r.verdict, BlobVerdict::Clean);

    BlobDetectorConfig wide;
    wide.maxAreaFraction = 0.5;
    const BlobReport w = BlobDetector(wide).detect(z);
    QCOMPARE(w.channels[1].blobs, int64_t(1));
    QCOMPARE(w.blobs.front().area, int64_t(64));

    BlobDetectorConfig big;
    big.minArea = 2;
    torch::Tensor single = gaussian({4, 16, 16, 16}, 8);
    plant(single, 0, 0, 4, 4, 1, 10.0);
    QCOMPARE(BlobDetector(big).detect(single).blobs.size(), size_t(0));
}

void tst_BlobDetector::polarityAndSign()
{
    torch::Tensor z = gaussian({2, 4, 16, 16}, 9);
    plant(z, 0, 1, 2, 2, 1, 9.0);
    plant(z, 1, 2, 9, 9, 1, -9.0);
    BlobDetectorConfig c;
    const BlobReport both = BlobDetector(c).detect(z);
    QCOMPARE(both.blobs.size(), size_t(2));
    QCOMPARE(both.blobs[0].sign, 1);
    QCOMPARE(both.blobs[1].sign, -1);
    c.polarity = "positive";
    const BlobReport pos = BlobDetector(c).detect(z);
    QCOMPARE(pos.blobs.size(), size_t(1));
    QCOMPARE(pos.blobs[0].channel, int64_t(0));
    // One-sided: the same false-alarm rate allows a lower threshold.
    QVERIFY(pos.zThreshold < both.zThreshold);
    c.polarity = "negative";
    const BlobReport neg = BlobDetector(c).detect(z);
    QCOMPARE(neg.blobs.size(), size_t(1));
    QCOMPARE(neg.blobs[0].channel, int64_t(1));

    // min_peak: a spike that is large in z but tiny in latent units is float noise.
    torch::Tensor tiny = gaussian({1, 2, 16, 16}, 10) * 1e-6;
    tiny[0][1][3][3] = 1e-4;
    QCOMPARE(BlobDetector().detect(tiny).blobs.size(), size_t(0));
    BlobDetectorConfig noFloor;
    noFloor.minPeak = 0.0;
    QCOMPARE(BlobDetector(noFloor).detect(tiny).blobs.size(), size_t(1));
}

void tst_BlobDetector::batchesReportTheClip()
{
    torch::Tensor z = gaussian({3, 4, 4, 16, 16}, 13);
    torch::Tensor clip = z[2];
    plant(clip, 3, 1, 6, 6, 1, 10.0);
    const BlobReport r = BlobDetector().detect(z);
    QCOMPARE(r.positions, z.numel());
    QCOMPARE(r.blobs.size(), size_t(1));
    QCOMPARE(r.blobs[0].clip, int64_t(2));
    QCOMPARE(r.blobs[0].channel, int64_t(3));
    QCOMPARE(r.blobs[0].frame, int64_t(1));
    QCOMPARE(r.channels[3].frames, int64_t(12));

    BlobDetectorConfig few;
    few.maxBlobs = 2;
    torch::Tensor many = gaussian({4, 8, 16, 16}, 14);
    for (int64_t t = 0; t < 8; ++t) {
        plant(many, 0, t, 3, 3, 1, 12.0);
    }
    const BlobReport m = BlobDetector(few).detect(many);
    QCOMPARE(m.blobs.size(), size_t(2));
    QVERIFY(m.blobsTruncated);
    QCOMPARE(m.channels[0].blobs, int64_t(8));
}

void tst_BlobDetector::reportJson()
{
    torch::Tensor z = gaussian({4, 16, 16, 16}, 15);
    plant(z, 2, 0, 1, 2, 1, 10.0);
    const nlohmann::json j = BlobDetector().detect(z);
    QCOMPARE(QString::fromStdString(j.at("verdict").get<std::string>()), QString("suspicious"));
    QCOMPARE(j.at("channels").size(), size_t(4));
    QCOMPARE(j.at("blobs").size(), size_t(1));
    const nlohmann::json& b = j.at("blobs")[0];
    QCOMPARE(b.at("channel").get<int>(), 2);
    QCOMPARE(b.at("bbox")[0].get<int>(), 1);
    QCOMPARE(b.at("bbox")[1].get<int>(), 2);
    QCOMPARE(b.at("area").get<int>(), 1);
    QVERIFY(j.at("z_threshold").get<double>() > 5.0);
    QVERIFY(!j.at("reason").get<std::string>().empty());
}

void tst_BlobDetector::configJsonRoundTrip()
{
    BlobDetectorConfig c;
    c.zThreshold = 4.5;
    c.falseAlarmRate = 0.01;
    c.regionZ = 2.5;
    c.maxAreaFraction = 0.2;
    c.minArea = 2;
    c.minPeak = 0.01;
    c.connectivity = 4;
    c.polarity = "positive";
    c.blobScore = 0.25;
    c.maxBlobs = 50;
    const nlohmann::json j = c;
    const BlobDetectorConfig back = j.get<BlobDetectorConfig>();
    QCOMPARE(nlohmann::json(back), j);
    QCOMPARE(back.connectivity, 4);
    QCOMPARE(back.polarity, std::string("positive"));
    // Missing keys keep their defaults.
    const BlobDetectorConfig partial =
        nlohmann::json::parse(R"({"region_z": 3.5})").get<BlobDetectorConfig>();
    QCOMPARE(partial.regionZ, 3.5);
    QCOMPARE(partial.zThreshold, BlobDetectorConfig{}.zThreshold);
}

void tst_BlobDetector::configRejectsBadValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("key");
    QTest::newRow("threshold") << R"({"z_threshold":0.5})"
                               << "inspect.blobs.z_threshold";
    QTest::newRow("rate") << R"({"false_alarm_rate":2})"
                          << "inspect.blobs.false_alarm_rate";
    QTest::newRow("region") << R"({"region_z":0})"
                            << "inspect.blobs.region_z";
    QTest::newRow("area") << R"({"max_area_fraction":0})"
                          << "inspect.blobs.max_area_fraction";
    QTest::newRow("min area") << R"({"min_area":0})"
                              << "inspect.blobs.min_area";
    QTest::newRow("peak") << R"({"min_peak":-1})"
                          << "inspect.blobs.min_peak";
    QTest::newRow("connectivity") << R"({"connectivity":6})"
                                  << "inspect.blobs.connectivity";
    QTest::newRow("polarity") << R"({"polarity":"up"})"
                              << "inspect.blobs.polarity";
    QTest::newRow("score") << R"({"blob_score":-0.1})"
                           << "inspect.blobs.blob_score";
    QTest::newRow("type") << R"({"z_threshold":"high"})"
                          << "inspect.blobs.z_threshold";
    QTest::newRow("unknown key") << R"({"threshold":5})"
                                 << "inspect.blobs.threshold";
}

void tst_BlobDetector::configRejectsBadValues()
{
    QFETCH(QString, json);
    QFETCH(QString, key);
    try {
        (void)nlohmann::json::parse(json.toStdString()).get<BlobDetectorConfig>();
        QFAIL("accepted a bad config");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Config);
        QVERIFY2(QString(e.what()).startsWith(key + ":"), e.what());
    }
    // The constructor validates too.
    BlobDetectorConfig c;
    c.connectivity = 5;
    QVERIFY_EXCEPTION_THROWN(BlobDetector{c}, Error);
}

void tst_BlobDetector::rejectsBadInput()
{
    const BlobDetector d;
    for (const torch::Tensor& bad : {torch::zeros({4, 16, 16}), torch::zeros({1, 2, 3, 4, 5, 6}),
                                     torch::zeros({4, 0, 16, 16}), torch::Tensor()}) {
        try {
            (void)d.detect(bad);
            QFAIL("accepted a bad shape");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
            QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
            QVERIFY2(QString(e.what()).contains("BlobDetector::detect"), e.what());
        }
    }
    torch::Tensor nan = torch::zeros({2, 2, 4, 4});
    nan[1][1][2][2] = std::nan("");
    try {
        (void)d.detect(nan);
        QFAIL("accepted NaN");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::NonFinite);
    }
}

void tst_BlobDetector::errorMapAveragesChannels()
{
    const torch::Tensor x = torch::zeros({3, 2, 4, 4});
    torch::Tensor y = x.clone();
    y[0][1][2][3] = 0.6;  // |err| 0.6 in red
    y[2][1][2][3] = -0.3; // |err| 0.3 in blue
    const torch::Tensor e = reconstructionErrorMap(x, y);
    QCOMPARE(e.sizes().vec(), (std::vector<int64_t>{2, 4, 4}));
    QCOMPARE(e.scalar_type(), torch::kFloat32);
    QVERIFY(std::abs(e[1][2][3].item<double>() - 0.3) < 1e-6);
    QCOMPARE(e.sum().item<double>(), e[1][2][3].item<double>());
    // A leading batch of one is accepted.
    QCOMPARE(reconstructionErrorMap(x.unsqueeze(0), y.unsqueeze(0)).sizes().vec(), e.sizes().vec());
    // A perfect reconstruction: zero error, clean, no NaN.
    const ReconstructionErrorReport perfect = analyzeReconstruction(x, x);
    QCOMPARE(perfect.meanError, 0.0);
    QCOMPARE(perfect.regions.verdict, BlobVerdict::Clean);
    QCOMPARE(perfect.frameMeanError.size(), size_t(2));
}

void tst_BlobDetector::errorMapFindsCorruptedPatch()
{
    // A reconstruction with small uniform error everywhere and a badly wrong 5x6 patch in
    // frame 3 (say, a lost object).
    at::Generator g = makeGenerator(31);
    const torch::Tensor x = randFrom({3, 6, 48, 48}, g, torch::kFloat32) * 2 - 1;
    torch::Tensor y = x + 0.02 * randnFrom({3, 6, 48, 48}, g, torch::kFloat32);
    y.select(1, 3).narrow(1, 20, 5).narrow(2, 30, 6).sub_(0.8);
    const ReconstructionErrorReport r = analyzeReconstruction(x, y);
    QCOMPARE(r.errorMap.sizes().vec(), (std::vector<int64_t>{6, 48, 48}));
    QVERIFY(r.frameMeanError[3] > r.frameMeanError[2]);
    QVERIFY(std::abs(r.maxError - 0.8) < 0.1);
    QVERIFY(r.regions.verdict != BlobVerdict::Clean);
    // The patch is the strongest region, at its place and with its size.
    const Blob* best = nullptr;
    for (const Blob& b : r.regions.blobs) {
        QCOMPARE(b.channel, int64_t(0));
        QCOMPARE(b.sign, 1);
        if (!best || b.peakAbsZ > best->peakAbsZ) {
            best = &b;
        }
    }
    QVERIFY(best != nullptr);
    QCOMPARE(best->frame, int64_t(3));
    // 5 x 6 = 30 pixels at x 30..35, y 20..24; a background pixel above |z| 3 on the border
    // may join (rarely; at most two allowed), a patch pixel never goes missing.
    QVERIFY2(best->area >= 30 && best->area <= 32, qPrintable(QString::number(best->area)));
    QVERIFY(best->x0 >= 29 && best->x0 <= 30 && best->x1 >= 35 && best->x1 <= 36);
    QVERIFY(best->y0 >= 19 && best->y0 <= 20 && best->y1 >= 24 && best->y1 <= 25);
    QVERIFY(std::abs(best->centroidX - 32.5) < 0.5 && std::abs(best->centroidY - 22.0) < 0.5);
    QVERIFY2(QString::fromStdString(r.regions.reason).contains("high-error region"),
             r.regions.reason.c_str());
    const nlohmann::json j = r;
    QCOMPARE(j.at("map_shape").size(), size_t(3));
    QCOMPARE(j.at("frame_mean_error").size(), size_t(6));
}

void tst_BlobDetector::errorMapRejectsMismatch()
{
    try {
        (void)reconstructionErrorMap(torch::zeros({3, 2, 8, 8}), torch::zeros({3, 2, 8, 4}));
        QFAIL("accepted mismatched shapes");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
        QVERIFY2(QString(e.what()).contains("[3, 2, 8, 4]"), e.what());
    }
    QVERIFY_EXCEPTION_THROWN(
        reconstructionErrorMap(torch::zeros({2, 3, 2, 8, 8}), torch::zeros({2, 3, 2, 8, 8})),
        Error);
    QVERIFY_EXCEPTION_THROWN(findHighErrorRegions(torch::zeros({3, 2, 8, 8})), Error);
}

QTEST_APPLESS_MAIN(tst_BlobDetector)
#include "tst_BlobDetector.moc"
