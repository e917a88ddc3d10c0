// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/detail/PreviewSchedule.h"

namespace vd::detail {

bool previewDue(int64_t step, int64_t plannedSteps, int64_t every, bool budgeted)
{
    if (every <= 0) {
        return false;
    }
    if (step >= plannedSteps) {
        return true; // the final preview
    }
    if (step % every != 0) {
        return false;
    }
    return !budgeted || (plannedSteps - step) * 4 >= every;
}

} // namespace vd::detail
