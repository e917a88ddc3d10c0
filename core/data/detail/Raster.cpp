// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/detail/Raster.h"

#include "data/detail/Random.h"

#include <algorithm>
#include <cmath>

namespace vd::detail {
namespace {

constexpr float kPi = 3.14159265358979f;

struct Vec2 {
    float x;
    float y;
};

float dot(Vec2 a, Vec2 b)
{
    return a.x * b.x + a.y * b.y;
}
float length(Vec2 a)
{
    return std::sqrt(dot(a, a));
}
float sign(float v)
{
    return v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : 0.0f);
}

uint8_t toByte(float v)
{
    return static_cast<uint8_t>(std::clamp(v, 0.0f, 255.0f) + 0.5f);
}

Color mix(const Color& a, const Color& b, float t)
{
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

// Signed distances (negative inside), after Inigo Quilez, "2D distance functions"
// (iquilezles.org/articles/distfunctions2d). y points down in images, so shapes are flipped
// to stand upright.

float sdCircle(Vec2 p, float r)
{
    return length(p) - r;
}

float sdBox(Vec2 p, float halfSide)
{
    const Vec2 d{std::abs(p.x) - halfSide, std::abs(p.y) - halfSide};
    const Vec2 outside{std::max(d.x, 0.0f), std::max(d.y, 0.0f)};
    return length(outside) + std::min(std::max(d.x, d.y), 0.0f);
}

float sdEquilateralTriangle(Vec2 p, float halfSide)
{
    const float k = std::sqrt(3.0f);
    p.y = -p.y;
    p.x = std::abs(p.x) - halfSide;
    p.y = p.y + halfSide / k;
    if (p.x + k * p.y > 0.0f) {
        p = Vec2{(p.x - k * p.y) / 2.0f, (-k * p.x - p.y) / 2.0f};
    }
    p.x -= std::clamp(p.x, -2.0f * halfSide, 0.0f);
    return -length(p) * sign(p.y);
}

float sdStar5(Vec2 p, float r, float innerRatio)
{
    const Vec2 k1{0.809016994375f, -0.587785252292f};
    const Vec2 k2{-k1.x, k1.y};
    p.y = -p.y;
    p.x = std::abs(p.x);
    float t = 2.0f * std::max(dot(k1, p), 0.0f);
    p = Vec2{p.x - t * k1.x, p.y - t * k1.y};
    t = 2.0f * std::max(dot(k2, p), 0.0f);
    p = Vec2{p.x - t * k2.x, p.y - t * k2.y};
    p.x = std::abs(p.x);
    p.y -= r;
    const Vec2 ba{innerRatio * -k1.y - 0.0f, innerRatio * k1.x - 1.0f};
    const float h = std::clamp(dot(p, ba) / dot(ba, ba), 0.0f, r);
    const Vec2 q{p.x - ba.x * h, p.y - ba.y * h};
    return length(q) * sign(p.y * ba.x - p.x * ba.y);
}

float shapeDistance(ShapeKind kind, Vec2 p, float radius)
{
    switch (kind) {
    case ShapeKind::Circle:
        return sdCircle(p, radius * 0.85f);
    case ShapeKind::Square:
        return sdBox(p, radius * 0.72f);
    // Circumradius R of an equilateral triangle: half side = R * sqrt(3) / 2.
    case ShapeKind::Triangle:
        return sdEquilateralTriangle(p, radius * 0.866f);
    case ShapeKind::Star:
        return sdStar5(p, radius, 0.45f);
    }
    return 1e9f;
}

/// Smooth value noise in [0,1] on a grid of `cells` per side, sampled at (u, v) in [0,1].
float valueNoise(uint64_t seed, int cells, float u, float v)
{
    const float fx = u * static_cast<float>(cells);
    const float fy = v * static_cast<float>(cells);
    const int ix = static_cast<int>(std::floor(fx));
    const int iy = static_cast<int>(std::floor(fy));
    const float tx = fx - static_cast<float>(ix);
    const float ty = fy - static_cast<float>(iy);
    auto lattice = [&](int x, int y) {
        const uint64_t h = mixSeed(seed, static_cast<uint64_t>(x + 1024) * 4099u +
                                             static_cast<uint64_t>(y + 1024));
        return static_cast<float>(h >> 40) / static_cast<float>(1ull << 24);
    };
    const float sx = tx * tx * (3.0f - 2.0f * tx); // smoothstep: no grid creases
    const float sy = ty * ty * (3.0f - 2.0f * ty);
    const float top = lattice(ix, iy) + (lattice(ix + 1, iy) - lattice(ix, iy)) * sx;
    const float bottom = lattice(ix, iy + 1) + (lattice(ix + 1, iy + 1) - lattice(ix, iy + 1)) * sx;
    return top + (bottom - top) * sy;
}

} // namespace

void renderBackground(const Background& bg, int w, int h, std::vector<uint8_t>& rgb)
{
    rgb.resize(static_cast<size_t>(w) * h * 3);
    const float c = std::cos(bg.angle);
    const float s = std::sin(bg.angle);
    // Projection of the frame's corners onto the direction, to map the gradient to [0,1].
    const float half =
        0.5f * (std::abs(c) * static_cast<float>(w) + std::abs(s) * static_cast<float>(h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const float px = static_cast<float>(x) + 0.5f - 0.5f * static_cast<float>(w);
            const float py = static_cast<float>(y) + 0.5f - 0.5f * static_cast<float>(h);
            const float proj = (px * c + py * s) / std::max(half, 1.0f); // [-1,1]
            float t = 0.0f;
            switch (bg.kind) {
            case BackgroundKind::Solid:
                t = 0.0f;
                break;
            case BackgroundKind::Gradient:
                t = 0.5f + 0.5f * proj;
                break;
            case BackgroundKind::Stripes:
                t = 0.5f + 0.5f * std::sin(kPi * bg.frequency * proj + bg.phase);
                break;
            case BackgroundKind::Noise: {
                const float u = (static_cast<float>(x) + 0.5f) / static_cast<float>(w);
                const float v = (static_cast<float>(y) + 0.5f) / static_cast<float>(h);
                t = 0.7f * valueNoise(bg.noiseSeed, 3, u, v) +
                    0.3f * valueNoise(bg.noiseSeed + 1, 7, u, v);
                break;
            }
            }
            const Color col = mix(bg.a, bg.b, std::clamp(t, 0.0f, 1.0f));
            uint8_t* p = rgb.data() + (static_cast<size_t>(y) * w + x) * 3;
            p[0] = toByte(col.r);
            p[1] = toByte(col.g);
            p[2] = toByte(col.b);
        }
    }
}

void drawShape(const ShapeParams& shape, int w, int h, uint8_t* rgb)
{
    const float reach = shape.radius + 1.5f;
    const int x0 = std::max(0, static_cast<int>(std::floor(shape.cx - reach)));
    const int x1 = std::min(w - 1, static_cast<int>(std::ceil(shape.cx + reach)));
    const int y0 = std::max(0, static_cast<int>(std::floor(shape.cy - reach)));
    const int y1 = std::min(h - 1, static_cast<int>(std::ceil(shape.cy + reach)));
    const float c = std::cos(shape.angle);
    const float s = std::sin(shape.angle);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const float dx = static_cast<float>(x) + 0.5f - shape.cx;
            const float dy = static_cast<float>(y) + 0.5f - shape.cy;
            const Vec2 q{c * dx + s * dy, -s * dx + c * dy}; // rotate by -angle
            // Coverage from the distance: a one-pixel ramp across the edge is the cheapest
            // anti-aliasing that still keeps sub-pixel motion smooth.
            const float alpha =
                std::clamp(0.5f - shapeDistance(shape.kind, q, shape.radius), 0.0f, 1.0f);
            if (alpha <= 0.0f) {
                continue;
            }
            uint8_t* p = rgb + (static_cast<size_t>(y) * w + x) * 3;
            p[0] = toByte(p[0] + (shape.color.r - p[0]) * alpha);
            p[1] = toByte(p[1] + (shape.color.g - p[1]) * alpha);
            p[2] = toByte(p[2] + (shape.color.b - p[2]) * alpha);
        }
    }
}

void drawSprite(const Sprite& sprite, float cx, float cy, float size, const Color& color, int w,
                int h, uint8_t* rgb)
{
    if (sprite.width <= 0 || sprite.height <= 0 || size <= 0.0f) {
        return;
    }
    const float left = cx - 0.5f * size;
    const float top = cy - 0.5f * size;
    const int x0 = std::max(0, static_cast<int>(std::floor(left)));
    const int x1 = std::min(w - 1, static_cast<int>(std::ceil(left + size)));
    const int y0 = std::max(0, static_cast<int>(std::floor(top)));
    const int y1 = std::min(h - 1, static_cast<int>(std::ceil(top + size)));
    const float toSpriteX = static_cast<float>(sprite.width) / size;
    const float toSpriteY = static_cast<float>(sprite.height) / size;
    auto at = [&](int sx, int sy) -> float {
        if (sx < 0 || sy < 0 || sx >= sprite.width || sy >= sprite.height) {
            return 0.0f;
        }
        return std::min(1.0f, static_cast<float>(sprite.pixels[sy * sprite.width + sx]) *
                                  sprite.gain / 255.0f);
    };
    for (int y = y0; y <= y1; ++y) {
        const float fy = (static_cast<float>(y) + 0.5f - top) * toSpriteY - 0.5f;
        const int iy = static_cast<int>(std::floor(fy));
        const float ty = fy - static_cast<float>(iy);
        for (int x = x0; x <= x1; ++x) {
            const float fx = (static_cast<float>(x) + 0.5f - left) * toSpriteX - 0.5f;
            const int ix = static_cast<int>(std::floor(fx));
            const float tx = fx - static_cast<float>(ix);
            const float topRow = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * tx;
            const float bottomRow = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * tx;
            const float v = topRow + (bottomRow - topRow) * ty;
            // Fashion-MNIST items are dim in places: boost the alpha so they read as solid,
            // and shade the tint with the intensity so seams and prints stay visible.
            const float alpha = std::clamp(v * 1.6f, 0.0f, 1.0f);
            if (alpha <= 0.0f) {
                continue;
            }
            const float shade = 0.45f + 0.55f * v;
            uint8_t* p = rgb + (static_cast<size_t>(y) * w + x) * 3;
            p[0] = toByte(p[0] + (color.r * shade - p[0]) * alpha);
            p[1] = toByte(p[1] + (color.g * shade - p[1]) * alpha);
            p[2] = toByte(p[2] + (color.b * shade - p[2]) * alpha);
        }
    }
}

} // namespace vd::detail
