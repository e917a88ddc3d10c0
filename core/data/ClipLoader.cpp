// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ClipLoader.h"

#include "data/detail/Random.h"
#include "util/Error.h"
#include "util/Log.h"
#include "util/Threads.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace vd {
namespace {

using Clock = std::chrono::steady_clock;

/// Salt so that the epoch order and the per-item sampling seeds are independent streams.
constexpr uint64_t kOrderSalt = 0x6F72646572ull; // "order"

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// uint8 → [-1,1] lookup: one table read per byte instead of a multiply-add and a convert.
const std::array<float, 256>& byteToUnit()
{
    static const std::array<float, 256> lut = [] {
        std::array<float, 256> t{};
        for (int i = 0; i < 256; ++i) {
            t[static_cast<size_t>(i)] = static_cast<float>(i) / 127.5f - 1.0f;
        }
        return t;
    }();
    return lut;
}

/// Writes frames (uint8 [T,H,W,3]) as planar float [3,T,H,W] in [-1,1] to `out`.
void convertFrames(const FrameStack& frames, float* out)
{
    const auto& lut = byteToUnit();
    const size_t plane = static_cast<size_t>(frames.frames) * frames.height * frames.width;
    float* r = out;
    float* g = out + plane;
    float* b = out + 2 * plane;
    const uint8_t* src = frames.data.data();
    for (size_t i = 0; i < plane; ++i) {
        r[i] = lut[src[0]];
        g[i] = lut[src[1]];
        b[i] = lut[src[2]];
        src += 3;
    }
}

/// One decoded work item: the clip it was and its frames (nullopt when it failed).
struct ItemResult {
    int clip = -1;
    std::optional<FrameStack> frames;
};

/// A batch collected in order, not yet turned into tensors.
struct PendingBatch {
    std::vector<std::pair<int, FrameStack>> items;
    int epoch = 0;
    int64_t index = 0;
};

} // namespace

// Work is a single global sequence of items: item k is position k % M of epoch k / M's order.
// Workers claim items in order, decode them with a seed from (seed, epoch, position) and drop
// the result into a reorder buffer; whichever worker finds the next item in order there becomes
// the assembler and appends it to the current batch (bad items are simply not appended, so the
// next clip of the epoch takes their slot). Batches are therefore the same for any number of
// workers, and the window of claimable items keeps memory bounded.
struct ClipLoader::Impl {
    std::vector<ClipEntry> clips; // a copy: the loader must not depend on the index's lifetime
    LoaderOptions opt;
    int64_t clipCount = 0;
    int64_t totalItems = -1; ///< -1: endless
    int64_t window = 0;      ///< items that may be claimed ahead of the assembler
    std::shared_ptr<spdlog::logger> logger = log::get("data");

    mutable std::mutex mutex;
    std::condition_variable workCv;  ///< workers: an item became claimable, or stop
    std::condition_variable readyCv; ///< consumer: a batch is ready, or finished
    bool stop = false;
    bool finished = false;

    int64_t nextClaim = 0;
    std::map<int64_t, std::vector<int>> orders; ///< epoch → clip order (at most two alive)
    std::set<int> badClips;

    std::map<int64_t, ItemResult> reorder;
    int64_t assembleCursor = 0;
    bool assembling = false;
    PendingBatch pending;
    int64_t goodInEpoch = 0;
    int64_t batchesInEpoch = 0;
    int64_t batchCounter = 0;
    std::deque<Batch> ready;

    Clock::time_point started = Clock::now();
    LoaderStats stats;

    std::vector<std::thread> threads;

    const std::vector<int>& orderOf(int64_t epoch);
    bool claimable() const;
    void workerLoop();
    void assemble(std::unique_lock<std::mutex>& lock);
    Batch build(PendingBatch&& p) const;
    void finish(); ///< with the lock held
};

const std::vector<int>& ClipLoader::Impl::orderOf(int64_t epoch)
{
    // Claims only move forward, so older epochs are never needed again.
    while (!orders.empty() && orders.begin()->first < epoch) {
        orders.erase(orders.begin());
    }
    auto found = orders.find(epoch);
    if (found != orders.end()) {
        return found->second;
    }
    std::vector<int> order(clips.size());
    for (size_t i = 0; i < order.size(); ++i) {
        order[i] = static_cast<int>(i);
    }
    if (opt.shuffle) {
        detail::Rng rng(detail::mixSeed(opt.seed ^ kOrderSalt, static_cast<uint64_t>(epoch)));
        detail::shuffle(order, rng);
    }
    if (opt.shardCount > 1) { // this rank's share of the epoch (clipCount items)
        std::vector<int> share;
        share.reserve(static_cast<size_t>(clipCount));
        for (int64_t k = 0; k < clipCount; ++k) {
            share.push_back(order[static_cast<size_t>(k * opt.shardCount + opt.shardIndex)]);
        }
        order = std::move(share);
    }
    return orders.emplace(epoch, std::move(order)).first->second;
}

bool ClipLoader::Impl::claimable() const
{
    return (totalItems < 0 || nextClaim < totalItems) && nextClaim < assembleCursor + window &&
           static_cast<int>(ready.size()) < opt.prefetch;
}

void ClipLoader::Impl::workerLoop()
{
    std::unique_lock lock(mutex);
    try {
        while (true) {
            workCv.wait(lock, [this] {
                return stop || finished || (totalItems >= 0 && nextClaim >= totalItems) ||
                       claimable();
            });
            if (stop || finished || (totalItems >= 0 && nextClaim >= totalItems)) {
                return;
            }
            const int64_t item = nextClaim++;
            const int64_t epoch = item / clipCount;
            const int64_t pos = item % clipCount;
            ItemResult result;
            result.clip = orderOf(epoch)[static_cast<size_t>(pos)];
            const bool knownBad = badClips.count(result.clip) > 0;
            lock.unlock();

            std::string failure;
            if (!knownBad) {
                const uint64_t seed = detail::mixSeed(opt.seed, static_cast<uint64_t>(epoch),
                                                      static_cast<uint64_t>(pos));
                try {
                    result.frames =
                        sampleClip(clips[static_cast<size_t>(result.clip)], opt.spec, seed);
                } catch (const Error& e) {
                    // The message starts with the quoted path, which the log line names already.
                    std::string what = e.what();
                    const auto cut = what.find("': ");
                    if (!what.empty() && what[0] == '\'' && cut != std::string::npos) {
                        what.erase(0, cut + 3);
                    }
                    failure = std::string(errorCodeName(e.code())) + ": " + what;
                } catch (const std::exception& e) {
                    failure = e.what();
                }
            }

            lock.lock();
            if (!failure.empty() && badClips.insert(result.clip).second) {
                ++stats.badClips;
                // Logged once per clip; later epochs skip it without decoding.
                logger->warn("skipping clip '{}': {}", clips[static_cast<size_t>(result.clip)].path,
                             failure);
            }
            reorder.emplace(item, std::move(result));
            assemble(lock);
        }
    } catch (const std::exception& e) {
        // Only assembling (tensor allocation) can get here; end the stream rather than hang.
        if (!lock.owns_lock()) {
            lock.lock();
        }
        logger->error("clip loader stopped: {}", e.what());
        finish();
    }
}

void ClipLoader::Impl::assemble(std::unique_lock<std::mutex>& lock)
{
    if (assembling) {
        return; // the active assembler will pick this item up
    }
    assembling = true;
    while (!stop && !finished) {
        std::vector<PendingBatch> complete;
        bool ending = false;
        for (auto it = reorder.find(assembleCursor); it != reorder.end();
             it = reorder.find(assembleCursor)) {
            ItemResult item = std::move(it->second);
            reorder.erase(it);
            const int64_t epoch = assembleCursor / clipCount;
            const bool lastOfEpoch = assembleCursor % clipCount == clipCount - 1;
            ++assembleCursor;
            if (item.frames) {
                if (pending.items.empty()) {
                    pending.epoch = static_cast<int>(epoch);
                }
                pending.items.emplace_back(item.clip, std::move(*item.frames));
                ++goodInEpoch;
            }
            const bool full = static_cast<int>(pending.items.size()) == opt.batchSize;
            if (full || (lastOfEpoch && !pending.items.empty() && !opt.dropLast)) {
                pending.index = batchCounter++;
                complete.push_back(std::move(pending));
                pending = PendingBatch();
                ++batchesInEpoch;
            }
            if (lastOfEpoch) {
                pending = PendingBatch(); // dropLast: the incomplete rest is dropped
                if (goodInEpoch == 0) {
                    logger->error("no clip of the dataset could be decoded ({} clips); "
                                  "the loader stops",
                                  clipCount);
                    ending = true;
                } else if (batchesInEpoch == 0) {
                    logger->error("only {} clips decode, fewer than one batch of {}; "
                                  "the loader stops",
                                  goodInEpoch, opt.batchSize);
                    ending = true;
                }
                goodInEpoch = 0;
                batchesInEpoch = 0;
                if (totalItems >= 0 && assembleCursor >= totalItems) {
                    ending = true;
                }
                if (ending) {
                    break;
                }
            }
        }
        workCv.notify_all(); // the claim window moved
        if (complete.empty() && !ending) {
            break;
        }
        lock.unlock();
        std::vector<Batch> built;
        built.reserve(complete.size());
        for (PendingBatch& p : complete) {
            built.push_back(build(std::move(p)));
        }
        lock.lock();
        for (Batch& b : built) {
            ready.push_back(std::move(b));
        }
        readyCv.notify_all();
        if (ending) {
            finish();
        }
    }
    assembling = false;
}

Batch ClipLoader::Impl::build(PendingBatch&& p) const
{
    const SampleSpec& s = opt.spec;
    const int64_t b = static_cast<int64_t>(p.items.size());
    Batch batch;
    // Pinned batches are written in place by the worker: no second copy on the training thread.
    batch.video = torch::empty({b, 3, s.frames, s.height, s.width},
                               torch::TensorOptions(torch::kFloat32).pinned_memory(opt.pinMemory));
    batch.labels = torch::empty({b}, torch::kInt64);
    batch.epoch = p.epoch;
    batch.index = p.index;
    float* video = batch.video.data_ptr<float>();
    int64_t* labels = batch.labels.data_ptr<int64_t>();
    const size_t itemFloats = static_cast<size_t>(3) * s.frames * s.height * s.width;
    for (int64_t i = 0; i < b; ++i) {
        const auto& [clip, frames] = p.items[static_cast<size_t>(i)];
        convertFrames(frames, video + static_cast<size_t>(i) * itemFloats);
        labels[i] = clips[static_cast<size_t>(clip)].labelIndex;
        batch.clipIndices.push_back(clip);
    }
    return batch;
}

void ClipLoader::Impl::finish()
{
    finished = true;
    workCv.notify_all();
    readyCv.notify_all();
}

ClipLoader::ClipLoader(const DatasetIndex& index, LoaderOptions options)
    : m_impl(std::make_unique<Impl>())
{
    Impl& d = *m_impl;
    const SampleSpec& s = options.spec;
    if (options.batchSize < 1 || options.epochs < 0 || s.frames < 1 || s.width < 1 ||
        s.height < 1 || s.stride < 1 || s.targetFps < 0.0) {
        throw Error(ErrorKind::Usage,
                    "ClipLoader: bad options (batch " + std::to_string(options.batchSize) +
                        ", epochs " + std::to_string(options.epochs) + ", frames " +
                        std::to_string(s.frames) + ", size " + std::to_string(s.width) + "x" +
                        std::to_string(s.height) + ", stride " + std::to_string(s.stride) + ")",
                    ErrorCode::InvalidValue);
    }
    if (options.workers <= 0) {
        options.workers = hardwareThreads();
    }
    options.prefetch = std::max(1, options.prefetch);
    d.clips = index.clips();
    d.opt = options;
    if (options.shardCount < 1 || options.shardIndex < 0 ||
        options.shardIndex >= options.shardCount) {
        throw Error(ErrorKind::Usage,
                    "ClipLoader: shard " + std::to_string(options.shardIndex) + " of " +
                        std::to_string(options.shardCount) + " does not exist",
                    ErrorCode::InvalidValue);
    }
    if (options.pinMemory && !torch::cuda::is_available()) {
        throw Error(ErrorKind::Usage,
                    "ClipLoader: pinned batches asked for, but this LibTorch build or machine "
                    "has no CUDA device",
                    ErrorCode::InvalidValue);
    }
    d.clipCount = static_cast<int64_t>(d.clips.size()) / options.shardCount;
    d.totalItems = options.epochs > 0 ? d.clipCount * options.epochs : -1;
    d.window = static_cast<int64_t>(options.prefetch) * options.batchSize;

    if (d.clipCount == 0) {
        d.logger->error("{}: the dataset has no clips; the loader has nothing to load",
                        index.root());
        d.finished = true;
        return;
    }
    d.logger->debug("loader: {} clips, batch {}, {} workers, prefetch {}", d.clipCount,
                    options.batchSize, options.workers, options.prefetch);
    d.threads.reserve(static_cast<size_t>(options.workers));
    for (int i = 0; i < options.workers; ++i) {
        d.threads.emplace_back([&d] { d.workerLoop(); });
    }
}

ClipLoader::~ClipLoader()
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        d.stop = true;
    }
    d.workCv.notify_all();
    d.readyCv.notify_all();
    // A worker in the middle of a decode finishes that one clip (milliseconds) and exits.
    for (std::thread& t : d.threads) {
        t.join();
    }
}

std::optional<Batch> ClipLoader::next()
{
    Impl& d = *m_impl;
    std::unique_lock lock(d.mutex);
    const auto t0 = Clock::now();
    d.readyCv.wait(lock, [&d] { return !d.ready.empty() || d.finished || d.stop; });
    const double waitMs = msSince(t0);
    d.stats.lastWaitMs = waitMs;
    d.stats.consumerWaitMs += waitMs;
    if (d.ready.empty()) {
        return std::nullopt;
    }
    Batch batch = std::move(d.ready.front());
    d.ready.pop_front();
    ++d.stats.batches;
    d.stats.clips += static_cast<int64_t>(batch.clipIndices.size());
    lock.unlock();
    d.workCv.notify_all(); // room in the prefetch queue
    return batch;
}

LoaderStats ClipLoader::stats() const
{
    const Impl& d = *m_impl;
    std::lock_guard lock(d.mutex);
    LoaderStats s = d.stats;
    s.queuedBatches = static_cast<int64_t>(d.ready.size());
    const double seconds = msSince(d.started) / 1000.0;
    if (seconds > 0.0) {
        s.clipsPerS = static_cast<double>(s.clips) / seconds;
        s.batchesPerS = static_cast<double>(s.batches) / seconds;
    }
    return s;
}

int ClipLoader::batchesPerEpoch() const
{
    const Impl& d = *m_impl;
    const int64_t b = d.opt.batchSize;
    return static_cast<int>(d.opt.dropLast ? d.clipCount / b : (d.clipCount + b - 1) / b);
}

torch::Tensor framesToTensor(const FrameStack& frames)
{
    if (frames.frames < 0 || frames.width < 0 || frames.height < 0 ||
        frames.data.size() <
            static_cast<size_t>(frames.frames) * frames.height * frames.width * 3) {
        throw Error(ErrorKind::Usage, "framesToTensor: frame data smaller than its size",
                    ErrorCode::InvalidValue);
    }
    torch::Tensor out =
        torch::empty({3, frames.frames, frames.height, frames.width}, torch::kFloat32);
    convertFrames(frames, out.data_ptr<float>());
    return out;
}

FrameStack tensorToFrames(const torch::Tensor& video)
{
    if (!video.defined() || video.dim() != 4 || video.size(0) != 3) {
        throw Error(ErrorKind::Usage, "tensorToFrames: expected a [3,T,H,W] tensor",
                    ErrorCode::InvalidValue);
    }
    const torch::Tensor bytes =
        ((video.detach().to(torch::kCPU, torch::kFloat32).clamp(-1.0, 1.0) + 1.0) * 127.5)
            .round()
            .to(torch::kUInt8)
            .permute({1, 2, 3, 0})
            .contiguous();
    FrameStack frames;
    frames.frames = static_cast<int>(video.size(1));
    frames.height = static_cast<int>(video.size(2));
    frames.width = static_cast<int>(video.size(3));
    frames.data.resize(static_cast<size_t>(bytes.numel()));
    std::memcpy(frames.data.data(), bytes.data_ptr<uint8_t>(), frames.data.size());
    return frames;
}

} // namespace vd
