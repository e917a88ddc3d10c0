// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace vd::detail {

/// Whether the Trainer previews (samples, and judges on the task's schedule) after `step` of a
/// run planned to end at `plannedSteps`, previewing every `every` steps and after the last.
/// Under a time budget (`budgeted`) a periodic preview that falls within the last quarter of a
/// period before the planned end is skipped: the final preview follows it within a few hundred
/// steps, and the plan spreads only the average preview's cost over the steps, so two previews
/// (one of them judged, some 20 s in `make demo`) at the end ran past the budget.
bool previewDue(int64_t step, int64_t plannedSteps, int64_t every, bool budgeted);

} // namespace vd::detail
