// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DatasetIndex.h"

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

} // namespace vd
