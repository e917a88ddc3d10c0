// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace vd {

/// How a training run starts.
enum class StartMode {
    Fresh,  ///< refuse if the run folder already has checkpoints
    Resume, ///< continue from the newest complete checkpoint (fresh if there is none)
};

} // namespace vd
