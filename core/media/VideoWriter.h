// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

#include <memory>
#include <string>

namespace vd {

enum class VideoFormat {
    MP4,  ///< H.264 (libx264), yuv420p; odd sizes padded to even
    WebM, ///< VP9 (libvpx-vp9)
    GIF,  ///< animated GIF with a palette computed from the frames
    PNG,  ///< PNG sequence: `path` is a folder, frames are frame_000000.png, ...
};

/// Format from a file name: .mp4/.m4v/.mov → MP4, .webm, .gif, a folder or .png → PNG.
/// Throws vd::Error (Usage) for an unknown extension.
VideoFormat formatFromPath(const std::string& path);
const char* formatName(VideoFormat format);

struct EncodeOptions {
    Rational fps{25, 1};
    int quality = 18; ///< CRF for MP4/WebM (lower is better)
};

/// Writes RGB24 frames to a video file. Frames must all have the size given at construction.
/// The file is complete after finish() (also called by the destructor, which never throws).
/// Thread rules: one thread per instance. Errors: vd::Error (Runtime, EncodeFailed/WriteFailed).
class VideoWriter {
public:
    VideoWriter(const std::string& path, int width, int height, VideoFormat format,
                EncodeOptions options = {});
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    /// Appends one frame of packed RGB24 (row stride width*3).
    void write(const uint8_t* rgb);
    void write(const Frame& frame) { write(frame.rgb.data()); }
    void write(const FrameStack& stack);

    /// Flushes the encoder and closes the file.
    void finish();

    int64_t framesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
