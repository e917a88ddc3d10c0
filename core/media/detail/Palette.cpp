// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/detail/Palette.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

namespace vd::media::detail {
namespace {

constexpr int kBits = 5;
constexpr int kLevels = 1 << kBits;
constexpr int kShift = 8 - kBits;

inline int cellOf(int r, int g, int b)
{
    return ((r >> kShift) << (2 * kBits)) | ((g >> kShift) << kBits) | (b >> kShift);
}

inline uint32_t argb(int r, int g, int b)
{
    return 0xFF000000u | (static_cast<uint32_t>(r) << 16) | (static_cast<uint32_t>(g) << 8) |
           static_cast<uint32_t>(b);
}

struct Cell {
    uint64_t count = 0;
    uint64_t sum[3] = {0, 0, 0};
};

struct Box {
    std::vector<int> cells; // indices of non-empty histogram cells
    uint64_t count = 0;
    int lo[3] = {0, 0, 0};
    int hi[3] = {0, 0, 0};
};

void fitBox(Box& box, const std::vector<Cell>& hist)
{
    box.count = 0;
    for (int c = 0; c < 3; ++c) {
        box.lo[c] = INT_MAX;
        box.hi[c] = INT_MIN;
    }
    for (int cell : box.cells) {
        const int comp[3] = {cell >> (2 * kBits), (cell >> kBits) & (kLevels - 1),
                             cell & (kLevels - 1)};
        for (int c = 0; c < 3; ++c) {
            box.lo[c] = std::min(box.lo[c], comp[c]);
            box.hi[c] = std::max(box.hi[c], comp[c]);
        }
        box.count += hist[cell].count;
    }
}

int component(int cell, int c)
{
    return c == 0   ? cell >> (2 * kBits)
           : c == 1 ? (cell >> kBits) & (kLevels - 1)
                    : cell & (kLevels - 1);
}

} // namespace

Palette buildPalette(const std::vector<const uint8_t*>& frames, size_t pixelsPerFrame)
{
    Palette palette;

    // Few colours (synthetic clips, flat graphics): keep them exactly.
    std::unordered_map<uint32_t, int> distinct;
    bool few = true;
    for (const uint8_t* frame : frames) {
        for (size_t i = 0; i < pixelsPerFrame && few; ++i) {
            const uint8_t* p = frame + 3 * i;
            distinct.emplace(argb(p[0], p[1], p[2]), 0);
            few = distinct.size() <= 256;
        }
        if (!few) {
            break;
        }
    }
    if (few) {
        for (const auto& entry : distinct) {
            palette.argb[palette.size++] = entry.first;
        }
        palette.exact = true;
        return palette;
    }

    std::vector<Cell> hist(kLevels * kLevels * kLevels);
    for (const uint8_t* frame : frames) {
        for (size_t i = 0; i < pixelsPerFrame; ++i) {
            const uint8_t* p = frame + 3 * i;
            Cell& cell = hist[cellOf(p[0], p[1], p[2])];
            ++cell.count;
            cell.sum[0] += p[0];
            cell.sum[1] += p[1];
            cell.sum[2] += p[2];
        }
    }

    std::vector<Box> boxes(1);
    for (int i = 0; i < static_cast<int>(hist.size()); ++i) {
        if (hist[i].count > 0) {
            boxes[0].cells.push_back(i);
        }
    }
    fitBox(boxes[0], hist);

    while (boxes.size() < 256) {
        // Split the box with the most pixels times its longest side: busy regions get more
        // entries, but a big flat region still gets split when it spans many shades.
        int best = -1;
        uint64_t bestScore = 0;
        for (int i = 0; i < static_cast<int>(boxes.size()); ++i) {
            const Box& b = boxes[i];
            if (b.cells.size() < 2) {
                continue;
            }
            const int side = std::max({b.hi[0] - b.lo[0], b.hi[1] - b.lo[1], b.hi[2] - b.lo[2]});
            const uint64_t score = b.count * static_cast<uint64_t>(side + 1);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            break;
        }
        Box& box = boxes[best];
        int axis = 0;
        for (int c = 1; c < 3; ++c) {
            if (box.hi[c] - box.lo[c] > box.hi[axis] - box.lo[axis]) {
                axis = c;
            }
        }
        std::sort(box.cells.begin(), box.cells.end(),
                  [axis](int a, int b) { return component(a, axis) < component(b, axis); });
        // Weighted median along the axis, keeping at least one cell on each side.
        uint64_t acc = 0;
        size_t split = 1;
        for (size_t i = 0; i + 1 < box.cells.size(); ++i) {
            acc += hist[box.cells[i]].count;
            split = i + 1;
            if (acc * 2 >= box.count) {
                break;
            }
        }
        Box upper;
        upper.cells.assign(box.cells.begin() + static_cast<std::ptrdiff_t>(split), box.cells.end());
        box.cells.resize(split);
        fitBox(box, hist);
        fitBox(upper, hist);
        boxes.push_back(std::move(upper));
    }

    for (const Box& box : boxes) {
        uint64_t sum[3] = {0, 0, 0};
        uint64_t count = 0;
        for (int cell : box.cells) {
            for (int c = 0; c < 3; ++c) {
                sum[c] += hist[cell].sum[c];
            }
            count += hist[cell].count;
        }
        if (count == 0) {
            continue;
        }
        palette.argb[palette.size++] = argb(static_cast<int>((sum[0] + count / 2) / count),
                                            static_cast<int>((sum[1] + count / 2) / count),
                                            static_cast<int>((sum[2] + count / 2) / count));
    }
    return palette;
}

PaletteMapper::PaletteMapper(const Palette& palette)
    : m_palette(palette), m_cache(kLevels * kLevels * kLevels, -1)
{
}

int PaletteMapper::nearest(int r, int g, int b)
{
    if (m_palette.exact) {
        // Exact palettes hold every colour, so the lookup must be exact too (no cell cache).
        const uint32_t want = argb(r, g, b);
        for (int i = 0; i < m_palette.size; ++i) {
            if (m_palette.argb[i] == want) {
                return i;
            }
        }
    }
    const int cell = cellOf(r, g, b);
    int16_t& cached = m_cache[cell];
    if (cached >= 0) {
        return cached;
    }
    // Search from the cell centre so the cache answer is the same for every pixel in the cell.
    const int cr = (component(cell, 0) << kShift) | (1 << (kShift - 1));
    const int cg = (component(cell, 1) << kShift) | (1 << (kShift - 1));
    const int cb = (component(cell, 2) << kShift) | (1 << (kShift - 1));
    int best = 0;
    int bestDist = INT_MAX;
    for (int i = 0; i < m_palette.size; ++i) {
        const uint32_t c = m_palette.argb[i];
        const int dr = static_cast<int>((c >> 16) & 0xFF) - cr;
        const int dg = static_cast<int>((c >> 8) & 0xFF) - cg;
        const int db = static_cast<int>(c & 0xFF) - cb;
        // 3:4:2 weights: a cheap stand-in for perceived difference (the eye is most
        // sensitive to green, least to blue).
        const int dist = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (dist < bestDist) {
            bestDist = dist;
            best = i;
        }
    }
    cached = static_cast<int16_t>(best);
    return best;
}

void PaletteMapper::map(const uint8_t* rgb, int width, int height, uint8_t* indices, int linesize)
{
    if (m_palette.exact) {
        for (int y = 0; y < height; ++y) {
            const uint8_t* src = rgb + static_cast<size_t>(y) * width * 3;
            uint8_t* dst = indices + static_cast<size_t>(y) * linesize;
            uint32_t lastColour = 0;
            int lastIndex = -1;
            for (int x = 0; x < width; ++x) {
                const uint32_t colour = argb(src[3 * x], src[3 * x + 1], src[3 * x + 2]);
                if (lastIndex < 0 || colour != lastColour) {
                    lastIndex = nearest(src[3 * x], src[3 * x + 1], src[3 * x + 2]);
                    lastColour = colour;
                }
                dst[x] = static_cast<uint8_t>(lastIndex);
            }
        }
        return;
    }

    // Floyd-Steinberg error diffusion (Floyd & Steinberg, "An adaptive algorithm for spatial
    // greyscale", 1976), errors kept in 1/16 units in two rolling rows.
    m_errors.assign(static_cast<size_t>(2) * (width + 2) * 3, 0);
    int* cur = m_errors.data();
    int* next = m_errors.data() + static_cast<size_t>(width + 2) * 3;
    for (int y = 0; y < height; ++y) {
        std::fill(next, next + static_cast<size_t>(width + 2) * 3, 0);
        const uint8_t* src = rgb + static_cast<size_t>(y) * width * 3;
        uint8_t* dst = indices + static_cast<size_t>(y) * linesize;
        for (int x = 0; x < width; ++x) {
            int want[3];
            for (int c = 0; c < 3; ++c) {
                want[c] = std::clamp(src[3 * x + c] + cur[3 * (x + 1) + c] / 16, 0, 255);
            }
            const int index = nearest(want[0], want[1], want[2]);
            dst[x] = static_cast<uint8_t>(index);
            const uint32_t got = m_palette.argb[index];
            const int gotC[3] = {static_cast<int>((got >> 16) & 0xFF),
                                 static_cast<int>((got >> 8) & 0xFF), static_cast<int>(got & 0xFF)};
            for (int c = 0; c < 3; ++c) {
                const int err = want[c] - gotC[c];
                cur[3 * (x + 2) + c] += err * 7;
                next[3 * x + c] += err * 3;
                next[3 * (x + 1) + c] += err * 5;
                next[3 * (x + 2) + c] += err;
            }
        }
        std::swap(cur, next);
    }
}

} // namespace vd::media::detail
