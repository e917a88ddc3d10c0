// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/DatasetSplit.h"

#include <cstdint>

namespace vd {

namespace {

/// Uniform in [0, 1) from the path (FNV-1a, then a mix so nearby paths spread out).
double pathHash01(const std::string& path)
{
    uint64_t h = 1469598103934665603ULL;
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

} // namespace vd
