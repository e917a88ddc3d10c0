// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ClipSampler.h"

#include "data/detail/Random.h"
#include "media/VideoReader.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vd {
namespace {

void checkSpec(const ClipEntry& clip, const SampleSpec& spec)
{
    if (spec.frames < 1 || spec.stride < 1 || spec.height < 1 || spec.width < 1 ||
        spec.targetFps < 0.0 || !std::isfinite(spec.targetFps)) {
        throw Error(ErrorKind::Usage,
                    "sampleClip('" + clip.path + "'): bad sample spec (frames " +
                        std::to_string(spec.frames) + ", stride " + std::to_string(spec.stride) +
                        ", size " + std::to_string(spec.width) + "x" + std::to_string(spec.height) +
                        ")",
                    ErrorCode::InvalidValue);
    }
}

} // namespace

int effectiveStride(const ClipEntry& clip, const SampleSpec& spec)
{
    const double clipFps = clip.info.fps.toDouble();
    if (spec.targetFps > 0.0 && clipFps > 0.0) {
        return std::max(1, static_cast<int>(std::lround(clipFps / spec.targetFps)));
    }
    return std::max(1, spec.stride);
}

FrameStack sampleClip(const ClipEntry& clip, const SampleSpec& spec, uint64_t seed)
{
    checkSpec(clip, spec);
    const std::string& path = clip.info.path.empty() ? clip.path : clip.info.path;
    const int T = spec.frames;
    const int W = spec.width;
    const int H = spec.height;
    const int stride = effectiveStride(clip, spec);

    // Draw every random value up front and in a fixed order, whatever the options: then
    // switching e.g. the flip on changes only the flip, and a test can compare the two.
    detail::Rng rng(detail::splitmix64(seed));
    const uint64_t rStart = rng.next();
    const uint64_t rCropX = rng.next();
    const uint64_t rCropY = rng.next();
    const bool flip = rng.coin() && spec.randomFlip;

    // Decode straight to the size whose short side covers H×W (keeping the aspect), so
    // swscale does the one resampling and only a crop is left.
    const int srcW = clip.info.displayWidth > 0 ? clip.info.displayWidth : clip.info.width;
    const int srcH = clip.info.displayHeight > 0 ? clip.info.displayHeight : clip.info.height;
    if (srcW <= 0 || srcH <= 0) {
        throw Error(ErrorKind::InputData, "'" + path + "': unknown frame size",
                    ErrorCode::BadDimensions);
    }
    const double scale = std::max(static_cast<double>(W) / srcW, static_cast<double>(H) / srcH);
    DecodeOptions decode;
    decode.outWidth = std::max(W, static_cast<int>(std::lround(srcW * scale)));
    decode.outHeight = std::max(H, static_cast<int>(std::lround(srcH * scale)));
    decode.threads = spec.decodeThreads;
    VideoReader reader(path, decode);

    // The reader's own probe is fresher than the index's.
    const int64_t clipFrames = reader.info().frames > 0 ? reader.info().frames : clip.info.frames;
    const int64_t span = static_cast<int64_t>(T - 1) * stride + 1;
    int64_t start = 0;
    if (spec.randomStart && clipFrames > span) {
        start = static_cast<int64_t>(rStart % static_cast<uint64_t>(clipFrames - span + 1));
    }
    FrameStack raw;
    try {
        raw = reader.readFrames(start, T, stride);
    } catch (const Error& e) {
        // A frame count that overestimates (some containers round up) can put the start past
        // the end: the clip is still usable from its beginning.
        if (e.code() != ErrorCode::SeekOutOfRange || start == 0) {
            throw;
        }
        raw = reader.readFrames(0, T, stride);
    }
    if (raw.frames <= 0 && start > 0) {
        raw = reader.readFrames(0, T, stride);
    }
    if (raw.frames <= 0) {
        throw Error(ErrorKind::InputData, "'" + path + "': no frame could be decoded",
                    ErrorCode::DecodeFailed, 0);
    }

    const int rawW = raw.width;
    const int rawH = raw.height;
    if (rawW < W || rawH < H) {
        throw Error(ErrorKind::Runtime,
                    "'" + path + "': decoded " + std::to_string(rawW) + "x" + std::to_string(rawH) +
                        ", smaller than the crop",
                    ErrorCode::DecodeFailed);
    }
    const int slackX = rawW - W;
    const int slackY = rawH - H;
    int x0 = slackX / 2;
    int y0 = slackY / 2;
    if (spec.crop == CropMode::Random) {
        x0 = static_cast<int>(rCropX % static_cast<uint64_t>(slackX + 1));
        y0 = static_cast<int>(rCropY % static_cast<uint64_t>(slackY + 1));
    }

    if (slackX == 0 && slackY == 0 && !flip && raw.frames == T) {
        return raw; // already the right shape: no copy
    }

    FrameStack out;
    out.frames = T;
    out.width = W;
    out.height = H;
    out.data.resize(static_cast<size_t>(T) * H * W * 3);
    const size_t rowBytes = static_cast<size_t>(W) * 3;
    for (int t = 0; t < T; ++t) {
        // Clips shorter than the span repeat their last frame.
        const uint8_t* src = raw.frame(std::min(t, raw.frames - 1));
        uint8_t* dst = out.frame(t);
        for (int y = 0; y < H; ++y) {
            const uint8_t* s = src + (static_cast<size_t>(y0 + y) * rawW + x0) * 3;
            uint8_t* d = dst + static_cast<size_t>(y) * rowBytes;
            if (!flip) {
                std::memcpy(d, s, rowBytes);
            } else {
                for (int x = 0; x < W; ++x) {
                    const uint8_t* p = s + static_cast<size_t>(W - 1 - x) * 3;
                    d[x * 3 + 0] = p[0];
                    d[x * 3 + 1] = p[1];
                    d[x * 3 + 2] = p[2];
                }
            }
        }
    }
    return out;
}

} // namespace vd
