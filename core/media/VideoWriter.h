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
          ///< (for a path ending in .png, the folder is the path without the extension).
          ///< VideoReader reads such a folder back as a video (at 25 fps).
};

/// Format from a file name: .mp4/.m4v/.mov → MP4, .webm, .gif, a folder or .png → PNG.
/// Throws vd::Error (Usage) for an unknown extension.
VideoFormat formatFromPath(const std::string& path);
/// "mp4", "webm", "gif" or "png": the name `--format` and the project settings use.
const char* formatName(VideoFormat format);
/// The format named `name` (as formatName gives it). Throws vd::Error(Usage, InvalidValue)
/// for another name: "'NAME' is not mp4, webm, gif or png".
VideoFormat formatFromName(const std::string& name);
/// The file extension of a file in `format`, with its dot (".mp4"); "" for PNG (a folder).
const char* formatExtension(VideoFormat format);

struct EncodeOptions {
    Rational fps{25, 1};
    int quality = 18; ///< CRF for MP4/WebM (lower is better)
    /// Largest distance between keyframes for MP4/WebM, in frames; 0 = the encoder's default.
    /// Short intervals make frame-accurate seeks cheaper at some cost in file size.
    int keyframeInterval = 0;
    /// Encoder threads; 0 = FFmpeg's choice. MP4 output is the same for any count.
    int threads = 0;
};

/// Writes RGB24 frames to a video file. Frames must all have the size given at construction.
/// The file is complete after finish() (also called by the destructor, which never throws;
/// finish() may be called any number of times). MP4 and WebM pad odd sizes to even by
/// repeating the last column/row. GIF frames are kept in memory until finish(), which computes
/// one palette for the whole clip.
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
    /// Appends a frame; throws vd::Error (Usage) if its size differs from the writer's.
    void write(const Frame& frame);
    void write(const FrameStack& stack);

    /// Flushes the encoder and closes the file.
    void finish();

    int64_t framesWritten() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
