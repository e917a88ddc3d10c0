// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny software rasterizer for the demo dataset: backgrounds and anti-aliased shapes drawn
// from signed distance functions, straight into packed RGB24 frames.
#pragma once

#include <cstdint>
#include <vector>

namespace vd::detail {

struct Color {
    float r = 0.0f;
    float g = 0.0f;
    float b = 0.0f;
};

enum class BackgroundKind { Solid, Gradient, Stripes, Noise };

struct Background {
    BackgroundKind kind = BackgroundKind::Solid;
    Color a;
    Color b;
    float angle = 0.0f;     ///< radians, direction of the gradient / across the stripes
    float frequency = 3.0f; ///< stripes across the frame
    float phase = 0.0f;
    uint64_t noiseSeed = 0;
};

/// Renders `bg` to packed RGB24 (size w×h).
void renderBackground(const Background& bg, int w, int h, std::vector<uint8_t>& rgb);

enum class ShapeKind { Circle, Square, Triangle, Star };

struct ShapeParams {
    ShapeKind kind = ShapeKind::Circle;
    float cx = 0.0f; ///< center, pixels (pixel centers at +0.5)
    float cy = 0.0f;
    float radius = 8.0f; ///< circumradius, pixels
    float angle = 0.0f;  ///< rotation, radians
    Color color;
};

/// Composites an anti-aliased shape (about one pixel of edge blur) over `rgb` (w×h RGB24).
void drawShape(const ShapeParams& shape, int w, int h, uint8_t* rgb);

/// A grey-level sprite (e.g. a 28×28 Fashion-MNIST item) used as alpha.
struct Sprite {
    int width = 0;
    int height = 0;
    const uint8_t* pixels = nullptr;
    float gain = 1.0f; ///< intensity multiplier (e.g. 255 / the sprite's maximum)
};

/// Composites `sprite` scaled to size×size pixels centred at (cx, cy), tinted with `color`:
/// the sprite's intensity is the alpha (and shades the tint, keeping the item's texture).
/// Bilinear sampling, so sub-pixel positions move smoothly.
void drawSprite(const Sprite& sprite, float cx, float cy, float size, const Color& color, int w,
                int h, uint8_t* rgb);

} // namespace vd::detail
