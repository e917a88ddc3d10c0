// SPDX-License-Identifier: GPL-3.0-or-later
// ClipLoader: reproducible batches whatever the number of workers, every clip once per epoch,
// bad clips skipped without losing a good one, the tensor contract, and a clean shutdown.
#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "data/DemoDataset.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <map>
#include <numeric>
#include <set>

using namespace vd;

namespace {

constexpr int kClips = 12;

LoaderOptions smallOptions(uint64_t seed, int workers)
{
    LoaderOptions o;
    o.batchSize = 4;
    o.workers = workers;
    o.prefetch = 2;
    o.seed = seed;
    o.epochs = 2;
    o.spec.frames = 4;
    o.spec.width = 24;
    o.spec.height = 24;
    o.spec.crop = CropMode::Random;
    o.spec.randomFlip = true;
    return o;
}

std::vector<Batch> drain(ClipLoader& loader)
{
    std::vector<Batch> out;
    while (auto b = loader.next()) {
        out.push_back(std::move(*b));
    }
    return out;
}

void overwriteWithGarbage(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QByteArray(2000, 'x'));
}

} // namespace

class tst_ClipLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shapeAndRange();
    void sameSeedSameBatches();
    void sameBatchesWhateverTheWorkers();
    void seedsDiffer();
    void everyClipOncePerEpoch();
    void dropLast();
    void shuffleDiffersAcrossEpochs();
    void noShuffleKeepsOrder();
    void survivesBadClips();
    void allBadEndsInsteadOfSpinning();
    void emptyDatasetEnds();
    void statsCount();
    void shutdownWhileBusy();
    void framesTensorRoundTrip();
    void badOptionsThrow();
    void pinnedBatchesOnlyWithCuda();

private:
    QTemporaryDir m_dir;
    QString m_data;
    DatasetIndex m_index;
};

void tst_ClipLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath("data");
    DemoOptions o;
    o.clips = kClips;
    o.size = 32;
    o.frames = 8;
    makeDemoDataset(m_data.toStdString(), o);
    m_index = DatasetIndex::scan(m_data.toStdString());
    QCOMPARE(static_cast<int>(m_index.clips().size()), kClips);
}

void tst_ClipLoader::shapeAndRange()
{
    LoaderOptions o = smallOptions(1, 2);
    o.epochs = 1;
    ClipLoader loader(m_index, o);
    QCOMPARE(loader.batchesPerEpoch(), 3);
    const std::vector<Batch> batches = drain(loader);
    QCOMPARE(batches.size(), size_t{3});
    for (const Batch& b : batches) {
        QCOMPARE(b.video.sizes().vec(), (std::vector<int64_t>{4, 3, 4, 24, 24}));
        QCOMPARE(b.video.scalar_type(), torch::kFloat32);
        QVERIFY(b.video.is_contiguous());
        QVERIFY(b.video.min().item<float>() >= -1.0f);
        QVERIFY(b.video.max().item<float>() <= 1.0f);
        QVERIFY(b.video.max().item<float>() - b.video.min().item<float>() > 0.5f);
        QCOMPARE(b.labels.sizes().vec(), (std::vector<int64_t>{4}));
        QCOMPARE(b.labels.scalar_type(), torch::kInt64);
        QCOMPARE(b.clipIndices.size(), size_t{4});
        for (int i = 0; i < 4; ++i) {
            const ClipEntry& c = m_index.clips()[static_cast<size_t>(b.clipIndices[i])];
            QCOMPARE(b.labels[i].item<int64_t>(), static_cast<int64_t>(c.labelIndex));
        }
        QCOMPARE(b.epoch, 0);
    }
    for (size_t i = 0; i < batches.size(); ++i) {
        QCOMPARE(batches[i].index, static_cast<int64_t>(i));
    }
    QVERIFY(!loader.next()); // stays ended
}

void tst_ClipLoader::sameSeedSameBatches()
{
    ClipLoader a(m_index, smallOptions(7, 2));
    ClipLoader b(m_index, smallOptions(7, 2));
    const auto ba = drain(a);
    const auto bb = drain(b);
    QCOMPARE(ba.size(), size_t{6});
    QCOMPARE(bb.size(), ba.size());
    for (size_t i = 0; i < ba.size(); ++i) {
        QCOMPARE(ba[i].clipIndices, bb[i].clipIndices);
        QVERIFY(torch::equal(ba[i].video, bb[i].video));
        QVERIFY(torch::equal(ba[i].labels, bb[i].labels));
    }
}

void tst_ClipLoader::sameBatchesWhateverTheWorkers()
{
    ClipLoader one(m_index, smallOptions(11, 1));
    ClipLoader three(m_index, smallOptions(11, 3));
    const auto b1 = drain(one);
    const auto b3 = drain(three);
    QCOMPARE(b1.size(), size_t{6});
    QCOMPARE(b3.size(), b1.size());
    for (size_t i = 0; i < b1.size(); ++i) {
        QCOMPARE(b1[i].clipIndices, b3[i].clipIndices);
        QCOMPARE(b1[i].epoch, b3[i].epoch);
        QVERIFY(torch::equal(b1[i].video, b3[i].video));
    }
}

void tst_ClipLoader::seedsDiffer()
{
    LoaderOptions o = smallOptions(1, 2);
    o.epochs = 1;
    ClipLoader a(m_index, o);
    o.seed = 2;
    ClipLoader b(m_index, o);
    const auto ba = drain(a);
    const auto bb = drain(b);
    bool differ = false;
    for (size_t i = 0; i < ba.size(); ++i) {
        differ = differ || ba[i].clipIndices != bb[i].clipIndices;
    }
    QVERIFY(differ);
}

void tst_ClipLoader::everyClipOncePerEpoch()
{
    LoaderOptions o = smallOptions(3, 2);
    o.batchSize = 5;
    o.dropLast = false;
    o.epochs = 3;
    ClipLoader loader(m_index, o);
    QCOMPARE(loader.batchesPerEpoch(), 3);
    std::map<int, std::vector<int>> perEpoch;
    std::vector<int> sizes;
    for (const Batch& b : drain(loader)) {
        sizes.push_back(static_cast<int>(b.clipIndices.size()));
        auto& seen = perEpoch[b.epoch];
        seen.insert(seen.end(), b.clipIndices.begin(), b.clipIndices.end());
    }
    QCOMPARE(sizes, (std::vector<int>{5, 5, 2, 5, 5, 2, 5, 5, 2}));
    QCOMPARE(perEpoch.size(), size_t{3});
    for (auto& [epoch, seen] : perEpoch) {
        std::sort(seen.begin(), seen.end());
        std::vector<int> all(kClips);
        std::iota(all.begin(), all.end(), 0);
        QCOMPARE(seen, all);
    }
}

void tst_ClipLoader::dropLast()
{
    LoaderOptions o = smallOptions(3, 2);
    o.batchSize = 5;
    o.dropLast = true;
    o.epochs = 2;
    ClipLoader loader(m_index, o);
    QCOMPARE(loader.batchesPerEpoch(), 2);
    const auto batches = drain(loader);
    QCOMPARE(batches.size(), size_t{4});
    for (const Batch& b : batches) {
        QCOMPARE(b.video.size(0), int64_t{5});
    }
}

void tst_ClipLoader::shuffleDiffersAcrossEpochs()
{
    LoaderOptions o = smallOptions(5, 2);
    o.batchSize = kClips;
    o.epochs = 3;
    ClipLoader loader(m_index, o);
    const auto batches = drain(loader);
    QCOMPARE(batches.size(), size_t{3});
    QVERIFY(batches[0].clipIndices != batches[1].clipIndices);
    QVERIFY(batches[1].clipIndices != batches[2].clipIndices);
}

void tst_ClipLoader::noShuffleKeepsOrder()
{
    LoaderOptions o = smallOptions(5, 3);
    o.batchSize = kClips;
    o.epochs = 2;
    o.shuffle = false;
    ClipLoader loader(m_index, o);
    std::vector<int> order(kClips);
    std::iota(order.begin(), order.end(), 0);
    for (const Batch& b : drain(loader)) {
        QCOMPARE(b.clipIndices, order);
    }
}

void tst_ClipLoader::survivesBadClips()
{
    namespace fs = std::filesystem;
    const QString dir = m_dir.filePath("bad");
    fs::copy(m_data.toStdString(), dir.toStdString(), fs::copy_options::recursive);
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(static_cast<int>(index.clips().size()), kClips);
    // Two clips become unreadable after the scan (e.g. replaced while training).
    const std::set<int> bad{2, 7};
    for (int i : bad) {
        overwriteWithGarbage(index.clips()[static_cast<size_t>(i)].info.path);
    }

    LoaderOptions o = smallOptions(13, 3);
    o.batchSize = 3;
    o.dropLast = false;
    o.epochs = 3;
    ClipLoader loader(index, o);
    std::map<int, std::vector<int>> perEpoch;
    for (const Batch& b : drain(loader)) {
        QCOMPARE(b.video.size(0), static_cast<int64_t>(b.clipIndices.size()));
        auto& seen = perEpoch[b.epoch];
        seen.insert(seen.end(), b.clipIndices.begin(), b.clipIndices.end());
    }
    QCOMPARE(perEpoch.size(), size_t{3});
    for (auto& [epoch, seen] : perEpoch) {
        std::sort(seen.begin(), seen.end());
        std::vector<int> good;
        for (int i = 0; i < kClips; ++i) {
            if (bad.count(i) == 0) {
                good.push_back(i);
            }
        }
        QCOMPARE(seen, good); // no good clip lost, none twice, no bad one
    }
    QCOMPARE(loader.stats().badClips, int64_t{2});

    // Full batches still come out full: the bad clip's slot goes to the next clip.
    LoaderOptions full = o;
    full.dropLast = true;
    full.batchSize = 4;
    full.epochs = 1;
    ClipLoader again(index, full);
    const auto batches = drain(again);
    QCOMPARE(batches.size(), size_t{2}); // 10 good clips → 2 full batches of 4
    for (const Batch& b : batches) {
        QCOMPARE(b.video.size(0), int64_t{4});
    }
}

void tst_ClipLoader::allBadEndsInsteadOfSpinning()
{
    namespace fs = std::filesystem;
    const QString dir = m_dir.filePath("allbad");
    fs::copy(m_data.toStdString(), dir.toStdString(), fs::copy_options::recursive);
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString());
    for (const ClipEntry& c : index.clips()) {
        overwriteWithGarbage(c.info.path);
    }
    LoaderOptions o = smallOptions(1, 2);
    o.epochs = 0; // forever: must still end
    ClipLoader loader(index, o);
    // next() returns (a loader that spun would hang here until CTest's timeout).
    QVERIFY(!loader.next());
    QVERIFY(!loader.next());
    QCOMPARE(loader.stats().badClips, static_cast<int64_t>(kClips));
}

void tst_ClipLoader::emptyDatasetEnds()
{
    QTemporaryDir empty;
    const DatasetIndex index = DatasetIndex::scan(empty.path().toStdString());
    ClipLoader loader(index, smallOptions(1, 2));
    QVERIFY(!loader.next());
    QCOMPARE(loader.batchesPerEpoch(), 0);
}

void tst_ClipLoader::statsCount()
{
    LoaderOptions o = smallOptions(1, 2);
    o.epochs = 1;
    ClipLoader loader(m_index, o);
    const auto batches = drain(loader);
    const LoaderStats s = loader.stats();
    QCOMPARE(s.batches, static_cast<int64_t>(batches.size()));
    QCOMPARE(s.clips, int64_t{kClips});
    QCOMPARE(s.badClips, int64_t{0});
    QVERIFY(s.clipsPerS > 0.0);
    QVERIFY(s.batchesPerS > 0.0);
    QVERIFY(s.consumerWaitMs >= 0.0);
    QVERIFY(s.lastWaitMs >= 0.0 && s.lastWaitMs <= s.consumerWaitMs);
    QCOMPARE(s.queuedBatches, int64_t{0}); // all handed out
}

void tst_ClipLoader::shutdownWhileBusy()
{
    // Each loader is destroyed in a busy state; the destructor must return (a hang would run
    // into CTest's timeout).
    {
        // Destroyed at once, while every worker is decoding.
        LoaderOptions o = smallOptions(1, 3);
        o.epochs = 0;
        ClipLoader loader(m_index, o);
    }
    {
        // The consumer stops early, with the prefetch queue full and workers blocked on it.
        LoaderOptions o = smallOptions(2, 2);
        o.epochs = 0;
        o.prefetch = 1;
        ClipLoader loader(m_index, o);
        QVERIFY(loader.next());
        // At least full: batches claimed before the queue filled may land beside it.
        QVERIFY(QTest::qWaitFor([&] { return loader.stats().queuedBatches >= o.prefetch; }, 60000));
    }
    {
        // Endless loader, many batches, then stop.
        LoaderOptions o = smallOptions(3, 2);
        o.epochs = 0;
        ClipLoader loader(m_index, o);
        for (int i = 0; i < 8; ++i) {
            const auto b = loader.next();
            QVERIFY(b);
            QCOMPARE(b->epoch, i / 3);
        }
    }
}

void tst_ClipLoader::framesTensorRoundTrip()
{
    FrameStack f;
    f.frames = 2;
    f.height = 3;
    f.width = 5;
    f.data.resize(2 * 3 * 5 * 3);
    for (size_t i = 0; i < f.data.size(); ++i) {
        f.data[i] = static_cast<uint8_t>((i * 37) % 256);
    }
    f.data[0] = 0;
    f.data[1] = 255;
    const torch::Tensor t = framesToTensor(f);
    QCOMPARE(t.sizes().vec(), (std::vector<int64_t>{3, 2, 3, 5}));
    QCOMPARE(t[0][0][0][0].item<float>(), -1.0f);
    QCOMPARE(t[1][0][0][0].item<float>(), 1.0f);
    // Channel-planar: the green value of pixel (t=1, y=2, x=4).
    const size_t at = ((1 * 3 + 2) * 5 + 4) * 3 + 1;
    QVERIFY(std::abs(t[1][1][2][4].item<float>() - (f.data[at] / 127.5f - 1.0f)) < 1e-6f);
    const FrameStack back = tensorToFrames(t);
    QCOMPARE(back.frames, 2);
    QCOMPARE(back.height, 3);
    QCOMPARE(back.width, 5);
    QVERIFY(back.data == f.data);
    // Out-of-range values are clamped.
    const FrameStack clamped = tensorToFrames(torch::full({3, 1, 2, 2}, 3.0f));
    QCOMPARE(static_cast<int>(clamped.data[0]), 255);
    QVERIFY_THROWS_EXCEPTION(Error, tensorToFrames(torch::zeros({4, 1, 2, 2})));
}

void tst_ClipLoader::badOptionsThrow()
{
    LoaderOptions o = smallOptions(1, 1);
    o.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(Error, ClipLoader(m_index, o));
}

void tst_ClipLoader::pinnedBatchesOnlyWithCuda()
{
    // Training on CUDA pins the loader's batches (VAETask, LatentCache); on the CPU they are
    // ordinary memory, and asking for pinning without CUDA is refused at construction.
    LoaderOptions o = smallOptions(1, 2);
    o.epochs = 1;
    {
        ClipLoader loader(m_index, o);
        const auto b = loader.next();
        QVERIFY(b);
        QVERIFY(!b->video.is_pinned());
    }
    o.pinMemory = true;
    if (!torch::cuda::is_available()) {
        QVERIFY_THROWS_EXCEPTION(Error, ClipLoader(m_index, o));
        QSKIP("no CUDA device: pinned batches checked only for their refusal");
    }
    ClipLoader loader(m_index, o);
    const std::vector<Batch> batches = drain(loader);
    QCOMPARE(batches.size(), size_t{3});
    for (const Batch& b : batches) {
        QVERIFY(b.video.is_pinned());
        const torch::Tensor onDevice = b.video.to(torch::kCUDA, /*non_blocking=*/true);
        QVERIFY(torch::equal(onDevice.cpu(), b.video));
    }
}

QTEST_APPLESS_MAIN(tst_ClipLoader)
#include "tst_ClipLoader.moc"
