// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace vd::detail {

/// One connected region of a 2D map.
struct Region {
    int sign = 1;         ///< +1: a region of high values, -1: of low (negative) values
    int64_t area = 0;     ///< number of positions
    double centroidX = 0; ///< mean column of the positions (unweighted)
    double centroidY = 0; ///< mean row of the positions (unweighted)
    int64_t x0 = 0;       ///< bounding box, inclusive
    int64_t y0 = 0;
    int64_t x1 = 0;
    int64_t y1 = 0;
    int64_t peakX = 0; ///< position of the largest |value| in the region
    int64_t peakY = 0;
    double peak = 0; ///< the value there (signed)
};

/// Which positions belong to a region.
struct RegionThresholds {
    double seed = 5.0;    ///< a region needs at least one position with sign*value >= seed
    double grow = 3.0;    ///< and holds every position with sign*value >= grow connected to it
    int connectivity = 8; ///< 4 (edges) or 8 (edges and corners)
    bool positive = true; ///< look for regions of high values
    bool negative = true; ///< look for regions of low values (sign -1)
};

/// Connected-component labelling by hysteresis (as in Canny's edge linking, Canny 1986): a region
/// is a 4- or 8-connected set of positions whose signed value passes `grow`, containing at least
/// one position that passes `seed` (grow is lowered to seed if it is above it). High and low
/// regions are labelled separately, so a region never mixes signs. Iterative flood fill with an
/// explicit stack (no recursion), O(H*W) per map; maps without a seed cost one scan.
/// The one implementation behind latent blob detection and pixel-space error regions.
/// Keeps scratch buffers between calls: one instance per thread.
class ConnectedRegions {
public:
    /// Regions of a row-major map `values` [height, width], in scan order of their first seed.
    std::vector<Region> find(const float* values, int64_t height, int64_t width,
                             const RegionThresholds& thresholds);

private:
    void fill(const float* values, int64_t height, int64_t width, int64_t start, int sign,
              double grow, int connectivity, Region& region);

    std::vector<uint8_t> m_visited;
    std::vector<int64_t> m_stack;
};

} // namespace vd::detail
