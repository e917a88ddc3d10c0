// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"

#include <torch/torch.h>

#include <string>

namespace vd {

/// `frames` frames of the video file `path` from frame `start` (in the file's own frames), shaped
/// as training shapes them (DatasetSettings: the stride or target fps, a resize whose short side
/// covers the training size, a centre crop): float [3,T,H,W] in [-1,1] on the CPU. Returns fewer
/// frames when the file ends first. Throws vd::Error(InputData) naming the file when it is
/// unreadable, has an unknown frame size or no frame at `start` (SeekOutOfRange past its end).
/// Decodes on the calling thread; any thread.
torch::Tensor readInputClip(const std::string& path, const DatasetSettings& dataset, int start,
                            int frames);

} // namespace vd
