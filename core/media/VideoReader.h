// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

#include <cstdint>
#include <memory>
#include <string>

namespace vd {

/// Options for decoding. A zero output size keeps the (rotated) display size; if only one of
/// width/height is zero, it follows the display aspect ratio.
struct DecodeOptions {
    int outWidth = 0;
    int outHeight = 0;
    int threads = 0;            ///< decoder threads; 0 = FFmpeg's choice (auto)
    bool applyRotation = true;  ///< rotate frames upright according to metadata
};

/// Decodes one video file (any container/codec the installed FFmpeg reads, animated GIF too)
/// to packed RGB24 frames, scaled with swscale (area filter when shrinking, bicubic otherwise).
/// A folder holding frame_000000.png, frame_000001.png, ... (what VideoWriter's PNG format
/// writes) is read as a 25 fps video.
///
/// - Frame indices follow docs/frames.md. Constant frame rate: slot i is time i / fps from the
///   stream's start, and a slot without a picture of its own (AVI drop frames, a lost first
///   picture) shows the nearest picture before it (or the first). Variable frame rate: the
///   i-th picture, from a timestamp table built by demuxing once at open. No timestamps: the
///   i-th decoded picture. Seeks are exact in all three.
/// - Rotation metadata (display matrix) is applied after scaling when applyRotation is set.
/// - Alpha is composited over black (premultiplied), so transparent areas come out black.
/// - Any bit depth and chroma layout is converted with the stream's colour matrix and range.
///
/// Thread rules: one instance per thread; different instances may be used concurrently.
/// Errors: the constructor and probe() throw vd::Error (kind InputData) naming the file and
/// the reason (see ErrorCode: EmptyFile, UnrecognizedFormat, NoVideoStream, StillImage,
/// BadDimensions, ...); nothing is allocated for a header that claims more than 16384 pixels
/// per side or 2^28 pixels. At the end of a stream that breaks off early, read() throws
/// ErrorCode::Truncated (data missing) or DecodeFailed (data the decoder rejected) with
/// goodFrames() set; isolated damage the decoder conceals is only logged. No call blocks on
/// I/O for more than about 30 s, and FIFOs/devices are refused.
class VideoReader {
public:
    explicit VideoReader(const std::string& path, DecodeOptions options = {});
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;
    VideoReader(VideoReader&&) noexcept;
    VideoReader& operator=(VideoReader&&) noexcept;

    /// Probes without decoding every frame (frames are counted by demuxing when the header
    /// lacks a count). Throws vd::Error.
    static VideoInfo probe(const std::string& path);

    const VideoInfo& info() const;
    int outputWidth() const;
    int outputHeight() const;

    /// Decodes the next frame; returns false at the end of the stream.
    bool read(Frame& frame);

    /// Positions the reader so that the next read() returns frame `index` exactly (seeks to
    /// the keyframe before it and decodes forward). Throws SeekOutOfRange past the end.
    void seek(int64_t index);

    /// Reads `count` frames starting at `start`, taking every `stride`-th frame. Returns fewer
    /// frames only at the real end of the stream (check FrameStack::frames); throws
    /// SeekOutOfRange for a start past the end.
    FrameStack readFrames(int64_t start, int count, int stride = 1);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
