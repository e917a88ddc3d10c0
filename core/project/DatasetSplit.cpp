// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/DatasetSplit.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

namespace vd {

namespace {

/// Uniform in [0, 1) from the path (FNV-1a, then a mix so nearby paths spread out).
double pathHash01(const std::string& path, uint64_t seed = 0)
{
    uint64_t h = 1469598103934665603ULL ^ (seed * 0x9e3779b97f4a7c15ULL);
    for (unsigned char c : path) {
        h = (h ^ c) * 1099511628211ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<double>(h >> 11) / static_cast<double>(uint64_t(1) << 53);
}

} // namespace

DatasetSplit splitDataset(const DatasetIndex& index, double fraction)
{
    auto isHeldOut = [fraction](const ClipEntry& clip) { return pathHash01(clip.path) < fraction; };
    DatasetSplit split{index.filtered([&](const ClipEntry& c) { return !isHeldOut(c); }),
                       index.filtered(isHeldOut)};
    if (split.train.clips().empty()) {
        split.train = index;
        split.heldOut = index.filtered([](const ClipEntry&) { return false; });
    }
    return split;
}

size_t trainingSubsetSize(size_t clips, double share)
{
    if (share >= 1.0 || clips == 0) {
        return clips;
    }
    const auto n = static_cast<size_t>(std::llround(share * static_cast<double>(clips)));
    return std::clamp<size_t>(n, 1, clips);
}

DatasetIndex trainingSubset(const DatasetIndex& train, double share, uint64_t seed)
{
    const size_t keep = trainingSubsetSize(train.clips().size(), share);
    if (keep == train.clips().size()) {
        return train;
    }
    std::vector<std::pair<double, std::string>> order;
    for (const ClipEntry& c : train.clips()) {
        order.emplace_back(pathHash01(c.path, seed + 1), c.path);
    }
    std::sort(order.begin(), order.end());
    std::set<std::string> kept;
    for (size_t i = 0; i < keep; ++i) {
        kept.insert(order[i].second);
    }
    return train.filtered([&](const ClipEntry& c) { return kept.count(c.path) != 0; });
}

} // namespace vd
