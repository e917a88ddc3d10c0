// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ClipSampler.h"
#include "data/DatasetIndex.h"

#include <torch/types.h>

#include <memory>
#include <optional>
#include <vector>

namespace vd {

struct LoaderOptions {
    int batchSize = 8;
    int workers = 2;       ///< decode threads
    int prefetch = 4;      ///< batches held ready in the queue (bounded)
    uint64_t seed = 0;
    bool shuffle = true;   ///< new order every epoch, derived from (seed, epoch)
    bool dropLast = true;  ///< drop the last incomplete batch of an epoch
    int epochs = 0;        ///< 0 = repeat forever; otherwise next() returns nullopt after this many
    /// Data-parallel share: every rank draws the same epoch order (same seed) and keeps the
    /// positions p with p % shardCount == shardIndex, each the same number of clips (the last
    /// N % shardCount of an epoch's order are left out, as PyTorch's DistributedSampler does
    /// with drop_last).
    int shardIndex = 0;
    int shardCount = 1;
    /// Batches in page-locked host memory, for a consumer that copies them to a CUDA device
    /// (`.to(device, non_blocking=true)` then overlaps the copy with compute): set it to
    /// `device.is_cuda()`. Pinning needs CUDA (the constructor throws without it).
    bool pinMemory = false;
    SampleSpec spec;
};

/// One batch handed to the trainer.
struct Batch {
    torch::Tensor video;   ///< float32 [B,3,T,H,W] in [-1,1]
    torch::Tensor labels;  ///< int64 [B], -1 for unlabelled clips
    std::vector<int> clipIndices; ///< index into DatasetIndex::clips() of each item
    int epoch = 0;
    int64_t index = 0;     ///< batch number since the loader started
};

struct LoaderStats {
    int64_t batches = 0;
    int64_t clips = 0;
    int64_t badClips = 0;          ///< clips skipped because they failed to decode
    double clipsPerS = 0.0;        ///< decode throughput since start
    double batchesPerS = 0.0;
    double consumerWaitMs = 0.0;   ///< total time next() blocked waiting for a batch
    double lastWaitMs = 0.0;       ///< wait of the most recent next()
    int64_t queuedBatches = 0;     ///< batches decoded and waiting for next() (up to prefetch)
};

/// Decodes clips on N worker threads into a bounded prefetch queue and hands out batches.
/// Batches are the same for the same seed whatever the number of workers: each item's sampling
/// seed derives from (seed, epoch, position) and batches are assembled in order.
/// A clip that fails to decode is skipped, counted and logged (never fatal); its slot is
/// filled by the next clip of the epoch.
///
/// The loader copies the clip list, so the index may go away after construction. Throws
/// vd::Error (Usage) for bad options.
///
/// Thread rules: next() and stats() from one consumer thread; the destructor stops the workers
/// (a worker in the middle of a clip finishes it first) and never blocks on the consumer.
class ClipLoader {
public:
    ClipLoader(const DatasetIndex& index, LoaderOptions options);
    ~ClipLoader();
    ClipLoader(const ClipLoader&) = delete;
    ClipLoader& operator=(const ClipLoader&) = delete;

    /// Blocks until the next batch is ready; nullopt when `epochs` are done, when a whole epoch
    /// decodes no clip (or, with dropLast, fewer clips than one batch), or for an empty dataset.
    std::optional<Batch> next();

    LoaderStats stats() const;
    int batchesPerEpoch() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// uint8 [T,H,W,3] → float [3,T,H,W] in [-1,1].
torch::Tensor framesToTensor(const FrameStack& frames);
/// float [3,T,H,W] in [-1,1] → uint8 [T,H,W,3] (clamped).
FrameStack tensorToFrames(const torch::Tensor& video);

} // namespace vd
