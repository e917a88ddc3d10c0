// SPDX-License-Identifier: GPL-3.0-or-later
// The diffusion stage's training batches: windows of the cached latent clips, the alternating
// window lengths of diffusion.train_frames, and how many frames the latent cache holds.
#include "data/DatasetIndex.h"
#include "data/DemoDataset.h"
#include "diffusion/Random.h"
#include "model/VAE.h"
#include "project/Project.h"
#include "project/detail/DiffusionTask.h"
#include "project/detail/LatentCache.h"
#include "project/detail/VAETask.h"

#include <QTemporaryDir>
#include <QtTest>

#include <tuple>

#include <torch/torch.h>

using namespace vd;

namespace {

constexpr int64_t kClips = 6;
constexpr int64_t kCachedFrames = 16;
const std::vector<int64_t> kClipLabels{0, 1, 2, 3, 0, 1};

/// Clip n's frame t holds 100 n + t everywhere and the posterior has (almost) no spread, so a
/// drawn window says which clip and which frames it came from.
LatentCache numberedCache()
{
    LatentCache cache;
    const torch::Tensor clip = torch::arange(kClips, torch::kFloat).view({kClips, 1, 1, 1, 1});
    const torch::Tensor frame =
        torch::arange(kCachedFrames, torch::kFloat).view({1, 1, kCachedFrames, 1, 1});
    cache.mean = (100 * clip + frame).expand({kClips, 4, kCachedFrames, 16, 16}).contiguous();
    cache.logvar = torch::full_like(cache.mean, -60.0);
    cache.labels = torch::tensor(kClipLabels, torch::kLong);
    cache.fingerprint = "numbered";
    return cache;
}

/// Checks that every item of `z` is `frames` consecutive frames of one cached clip and that
/// its label is that clip's.
void checkWindows(const torch::Tensor& z, const torch::Tensor& labels, int64_t frames)
{
    for (int64_t i = 0; i < z.size(0); ++i) {
        const torch::Tensor values = z[i][0].select(1, 0).select(1, 0); // [T]
        const int64_t clip = std::llround(values[0].item<double>()) / 100;
        const int64_t start = std::llround(values[0].item<double>()) % 100;
        QVERIFY(clip >= 0 && clip < kClips);
        QVERIFY(start + frames <= kCachedFrames);
        const torch::Tensor expected =
            100.0 * double(clip) + torch::arange(start, start + frames, torch::kFloat);
        QVERIFY2(torch::allclose(values, expected, 0, 1e-3), "not one clip's consecutive frames");
        QCOMPARE(labels[i].item<int64_t>(), kClipLabels[size_t(clip)]);
    }
}

} // namespace

class tst_DiffusionTask : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void batchesAreWindowsOfTheClipLength();
    void trainFramesAlternateAndKeepTheFramesPerStep();
    void latentCacheHoldsOnlyFramesTheClipsHave();
};

void tst_DiffusionTask::batchesAreWindowsOfTheClipLength()
{
    Project p = Project::fromPreset("demo");
    p.dataset.frames = 8;
    p.diffusion.train.batchSize = 4;
    p.diffusion.trainFrames.clear(); // whole clips (the demo preset trains on shorter windows)
    DiffusionTask task(p, VAE(p.vae.model), numberedCache(), {"a", "b", "c", "d"}, "vae");
    at::Generator gen = makeGenerator(3);
    for (int64_t step = 0; step < 3; ++step) {
        const auto [z, labels] = task.drawBatch(step, gen);
        QCOMPARE(z.sizes().vec(), (std::vector<int64_t>{4, 4, 8, 16, 16}));
        QCOMPARE(labels.size(0), int64_t(4));
        checkWindows(z, labels, 8);
    }
}

void tst_DiffusionTask::trainFramesAlternateAndKeepTheFramesPerStep()
{
    Project p = Project::fromPreset("demo");
    p.dataset.frames = 8;
    p.diffusion.train.batchSize = 4;
    p.diffusion.trainFrames = {2, 8, 3, 12}; // 12: longer than the clips, so 8
    DiffusionTask task(p, VAE(p.vae.model), numberedCache(), {"a", "b", "c", "d"}, "vae");
    at::Generator gen = makeGenerator(5);
    // 4 clips of 8 frames = 32 frames per step: 16 clips of 2, 4 of 8, 11 of 3 (rounded).
    const std::vector<std::pair<int64_t, int64_t>> expected{
        {16, 2}, {4, 8}, {11, 3}, {4, 8}, {16, 2}};
    for (size_t step = 0; step < expected.size(); ++step) {
        const auto [z, labels] = task.drawBatch(int64_t(step), gen);
        const auto [clips, frames] = expected[step];
        QCOMPARE(z.size(0), clips);
        QCOMPARE(z.size(2), frames);
        QCOMPARE(labels.size(0), clips);
        checkWindows(z, labels, frames);
    }
}

void tst_DiffusionTask::latentCacheHoldsOnlyFramesTheClipsHave()
{
    // Twice the clip length when the clips have it; otherwise what the shortest clip has at the
    // dataset's stride (a clip shorter than the span would repeat its last frame), but never
    // less than one clip.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DemoOptions demo;
    demo.clips = 4;
    demo.size = 32;
    demo.frames = 12;
    makeDemoDataset(dir.path().toStdString(), demo);
    const DatasetIndex clips = DatasetIndex::scan(dir.path().toStdString());
    QCOMPARE(clips.clips().size(), size_t(4));

    Project p = Project::fromPreset("demo");
    const std::vector<std::tuple<int, int, int>> cases{
        // dataset.frames, dataset.stride, cached frames
        {4, 1, 8},   // 2 x 4: the clips have 12
        {8, 1, 12},  // not 16: the clips end at 12
        {16, 1, 16}, // one clip's length, even though the clips are shorter
        {4, 2, 6},   // every other frame of 12
    };
    for (const auto& [frames, stride, cached] : cases) {
        p.dataset.frames = frames;
        p.dataset.stride = stride;
        QCOMPARE(VAETask::latentCacheSpec(p, clips).frames, cached);
    }
}

QTEST_APPLESS_MAIN(tst_DiffusionTask)
#include "tst_DiffusionTask.moc"
