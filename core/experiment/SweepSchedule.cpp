// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/SweepSchedule.h"

#include <algorithm>
#include <numeric>

namespace vd {

int defaultSweepParallel(size_t pending, bool onCuda, unsigned cores)
{
    constexpr size_t kMaxProcesses = 8;
    if (onCuda || pending <= 1 || cores <= 1) {
        return 1;
    }
    return static_cast<int>(std::min({pending, static_cast<size_t>(cores), kMaxProcesses}));
}

std::vector<size_t> largestFirst(const std::vector<double>& costs)
{
    std::vector<size_t> order(costs.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return costs[a] > costs[b]; });
    return order;
}

} // namespace vd
