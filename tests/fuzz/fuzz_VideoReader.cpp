// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: a video container of any kind FFmpeg reads (seeds: MP4, WebM, GIF, and AVI,
// MKV, MPEG-TS made by the ffmpeg command), opened, probed and decoded the ways the studio does
// it: probe, read on, seek back, read a strided clip. A bad file must be a vd::Error; sizes
// and counts the reader reports must hold for the frames it hands out.
#include "FuzzSupport.h"

#include "media/VideoReader.h"

#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "VideoReader: %s\n", what);
        std::abort();
    }
}

void checkFrame(const vd::Frame& f, int width, int height)
{
    check(f.width == width && f.height == height, "frame size differs from outputWidth/Height");
    check(f.rgb.size() == static_cast<size_t>(width) * height * 3, "frame buffer size");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    vdfuzz::quietLogs();
    const auto path = vdfuzz::scratchDir() / "input.video";
    vdfuzz::writeBytes(path, data, size);

    try {
        (void)vd::VideoReader::probe(path.string());
    } catch (const vd::Error&) {
    }
    try {
        vd::DecodeOptions options;
        options.outWidth = 16;
        options.outHeight = 16;
        options.threads = 1;
        vd::VideoReader reader(path.string(), options);
        const int w = reader.outputWidth();
        const int h = reader.outputHeight();
        check(w == 16 && h == 16, "output size is not the one asked for");
        vd::Frame frame;
        int64_t read = 0;
        // A bound: a mutated header may claim millions of frames of a few bytes each.
        while (read < 64 && reader.read(frame)) {
            checkFrame(frame, w, h);
            ++read;
        }
        if (read > 2) {
            reader.seek(1);
            check(reader.read(frame), "no frame after seeking to frame 1");
            checkFrame(frame, w, h);
            check(frame.index == 1, "seek(1) then read() gave another frame");
        }
        const vd::FrameStack clip = reader.readFrames(0, 3, 2);
        check(clip.frames <= 3, "readFrames returned more frames than asked for");
        check(clip.data.size() == static_cast<size_t>(clip.frames) * clip.width * clip.height * 3,
              "FrameStack buffer size");
    } catch (const vd::Error&) {
    }
    return 0;
}
