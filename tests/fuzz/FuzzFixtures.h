// SPDX-License-Identifier: GPL-3.0-or-later
// Files the fuzz targets and the seed maker (make_fuzz_seeds.cpp) both need: tiny clips written
// with our own VideoWriter, and the dataset folder whose index file fuzz_DatasetIndex mutates.
#pragma once

#include "media/VideoInfo.h"
#include "media/VideoWriter.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>

namespace vdfuzz {

/// A clip of `frames` frames of `size` x `size` pixels: a square moving over a gradient, so
/// frames differ and the encoder writes P-frames. One encoder thread: the same bytes each time.
inline void writeTinyClip(const std::filesystem::path& path, vd::VideoFormat format, int frames = 6,
                          int size = 16)
{
    vd::EncodeOptions options;
    options.fps = {8, 1};
    options.threads = 1;
    options.keyframeInterval = 4;
    vd::VideoWriter writer(path.string(), size, size, format, options);
    vd::Frame frame;
    frame.width = size;
    frame.height = size;
    frame.rgb.resize(static_cast<size_t>(size) * size * 3);
    for (int t = 0; t < frames; ++t) {
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                const bool square = x >= t && x < t + 5 && y >= t && y < t + 5;
                uint8_t* p = &frame.rgb[(static_cast<size_t>(y) * size + x) * 3];
                p[0] = square ? 250 : static_cast<uint8_t>(x * 16);
                p[1] = square ? 40 : static_cast<uint8_t>(y * 16);
                p[2] = static_cast<uint8_t>(t * 40);
            }
        }
        writer.write(frame);
    }
    writer.finish();
}

/// Sets a file's modification time to a fixed value, so that an index file made by one
/// process matches the fixture another process makes.
inline void fixMtime(const std::filesystem::path& path)
{
    const timespec times[2] = {{1700000000, 0}, {1700000000, 0}};
    ::utimensat(AT_FDCWD, path.c_str(), times, 0);
}

/// The dataset of fuzz_DatasetIndex: two labelled clips (one with a caption), a GIF at the
/// root and a file that is not a video. Same names, sizes and mtimes every time it is made.
inline void makeDatasetFixture(const std::filesystem::path& root)
{
    namespace fs = std::filesystem;
    fs::create_directories(root / "circles");
    fs::create_directories(root / "squares");
    writeTinyClip(root / "circles" / "a.mp4", vd::VideoFormat::MP4);
    writeTinyClip(root / "squares" / "b.mp4", vd::VideoFormat::MP4, 4);
    writeTinyClip(root / "c.gif", vd::VideoFormat::GIF, 3, 8);
    std::ofstream(root / "circles" / "a.txt") << "a red square moving down\n";
    std::ofstream(root / "squares" / "broken.avi") << "RIFF, but nothing after it";
    for (const char* name : {"circles/a.mp4", "squares/b.mp4", "c.gif", "squares/broken.avi"}) {
        fixMtime(root / name);
    }
}

} // namespace vdfuzz
