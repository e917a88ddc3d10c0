// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DatasetIndex.h"

#include <cstddef>
#include <cstdint>

namespace vd {

/// Training clips and held-out clips (for eval-vae and previews).
struct DatasetSplit {
    DatasetIndex train;
    DatasetIndex heldOut;
};

/// Holds out about `fraction` of the clips, chosen by a hash of each clip's path, so a clip
/// stays on its side when others are added or removed. When that would leave no training
/// clip, every clip trains and none is held out.
DatasetSplit splitDataset(const DatasetIndex& index, double fraction);

/// A share of the training clips for a data-scaling study: the max(1, round(share x N)) clips
/// that come first when the clips are ordered by a hash of (seed, path). Deterministic for a
/// seed, and a smaller share is a subset of a larger one. share >= 1 returns `train`.
DatasetIndex trainingSubset(const DatasetIndex& train, double share, uint64_t seed);

/// The number of clips trainingSubset keeps of `clips` clips.
size_t trainingSubsetSize(size_t clips, double share);

} // namespace vd
