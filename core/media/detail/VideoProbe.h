// SPDX-License-Identifier: GPL-3.0-or-later
// Opening and probing a video for VideoReader: the container and stream checks that turn a bad
// file into a typed InputData error, and the frame count and timestamp table of a stream.
#pragma once

#include "media/VideoInfo.h"
#include "media/detail/FFmpeg.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vd::media::detail {

constexpr double kReadTimeoutS = 20.0; ///< one av_read_frame call
/// av_read_frame returning EAGAIN this many times in a row ends a read loop.
constexpr int kMaxRetriedReads = 1000;

/// What probing found, and the opened input for the reader to go on decoding from.
struct ProbeResult {
    VideoInfo info;
    InputFormatPtr fmt; ///< still at the start of the data; null if counting consumed it
    int stream = -1;
    bool isSequence = false;
    bool framesKnown = false;      ///< `info.frames` is exact (header trusted or fully counted)
    std::vector<int64_t> ptsTable; ///< sorted presentation times of all frames, if counted
    bool ptsTableComplete = false;
};

/// Opens the container (a file, or a folder holding a PNG sequence) and analyses its streams.
/// Throws the typed InputData errors.
InputFormatPtr openInput(const std::string& path, Deadline& deadline, bool* isSequence);

/// Picks the video stream to decode (not cover art) and discards the others. Throws when there
/// is none, no decoder for it, or its size is out of range.
int selectStream(AVFormatContext* fmt, const std::string& path);

/// Probes `path`. With `wantTable`, a variable-frame-rate file is always counted so that frame
/// indices can be mapped to timestamps. Throws the typed InputData errors.
ProbeResult probeVideo(const std::string& path, Deadline& deadline, bool wantTable);

} // namespace vd::media::detail
