// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/detail/ConnectedRegions.h"

#include <algorithm>
#include <cmath>

namespace vd::detail {

std::vector<Region> ConnectedRegions::find(const float* values, int64_t height, int64_t width,
                                           const RegionThresholds& thresholds)
{
    std::vector<Region> regions;
    const int64_t n = height * width;
    if (n <= 0) {
        return regions;
    }
    const double seed = thresholds.seed;
    const double grow = std::min(thresholds.grow, seed);
    const int connectivity = thresholds.connectivity == 4 ? 4 : 8;
    bool cleared = false;
    for (int sign : {1, -1}) {
        if ((sign > 0 && !thresholds.positive) || (sign < 0 && !thresholds.negative)) {
            continue;
        }
        for (int64_t p = 0; p < n; ++p) {
            if (sign * static_cast<double>(values[p]) < seed) {
                continue;
            }
            // Most maps have no seed at all: the visited buffer is only cleared on the first.
            if (!cleared) {
                m_visited.assign(static_cast<size_t>(n), 0);
                cleared = true;
            }
            if (m_visited[static_cast<size_t>(p)]) {
                continue;
            }
            Region region;
            region.sign = sign;
            fill(values, height, width, p, sign, grow, connectivity, region);
            regions.push_back(region);
        }
    }
    return regions;
}

void ConnectedRegions::fill(const float* values, int64_t height, int64_t width, int64_t start,
                            int sign, double grow, int connectivity, Region& region)
{
    static const int kDx[8] = {1, -1, 0, 0, 1, 1, -1, -1};
    static const int kDy[8] = {0, 0, 1, -1, 1, -1, 1, -1};
    double sumX = 0.0;
    double sumY = 0.0;
    region.x0 = region.x1 = start % width;
    region.y0 = region.y1 = start / width;
    region.peakX = region.x0;
    region.peakY = region.y0;
    region.peak = values[start];
    m_stack.clear();
    m_stack.push_back(start);
    m_visited[static_cast<size_t>(start)] = 1;
    while (!m_stack.empty()) {
        const int64_t p = m_stack.back();
        m_stack.pop_back();
        const int64_t x = p % width;
        const int64_t y = p / width;
        ++region.area;
        sumX += static_cast<double>(x);
        sumY += static_cast<double>(y);
        region.x0 = std::min(region.x0, x);
        region.x1 = std::max(region.x1, x);
        region.y0 = std::min(region.y0, y);
        region.y1 = std::max(region.y1, y);
        if (std::abs(values[p]) > std::abs(region.peak)) {
            region.peak = values[p];
            region.peakX = x;
            region.peakY = y;
        }
        for (int k = 0; k < connectivity; ++k) {
            const int64_t nx = x + kDx[k];
            const int64_t ny = y + kDy[k];
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                continue;
            }
            const int64_t q = ny * width + nx;
            if (!m_visited[static_cast<size_t>(q)] &&
                sign * static_cast<double>(values[q]) >= grow) {
                m_visited[static_cast<size_t>(q)] = 1;
                m_stack.push_back(q);
            }
        }
    }
    region.centroidX = sumX / static_cast<double>(region.area);
    region.centroidY = sumY / static_cast<double>(region.area);
}

} // namespace vd::detail
