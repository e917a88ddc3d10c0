// SPDX-License-Identifier: GPL-3.0-or-later
// probe and bench-decode.
#include "cli/CliArgs.h"
#include "cli/Commands.h"

#include "media/DecodeBench.h"
#include "media/VideoReader.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace vd::cli {

int runProbe(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {}, {});
    args.requirePositional(1, SIZE_MAX, "FILE (a video to probe)");
    int status = 0;
    for (const std::string& path : args.positional()) {
        nlohmann::ordered_json j;
        j["path"] = path;
        try {
            const VideoInfo info = VideoReader::probe(path);
            j["ok"] = true;
            j["error"] = nullptr;
            j["error_code"] = nullptr;
            j["container"] = info.container;
            j["codec"] = info.codec;
            j["pixel_format"] = info.pixelFormat;
            j["width"] = info.width;
            j["height"] = info.height;
            j["rotation"] = info.rotationDeg;
            j["fps"] = {{"num", info.fps.num}, {"den", info.fps.den}, {"value", info.fps.toDouble()}};
            j["frames"] = info.frames;
            j["frames_counted"] = info.framesCounted;
            j["duration_s"] = info.durationS;
            j["variable_frame_rate"] = info.variableFrameRate;
            j["has_alpha"] = info.hasAlpha;
            j["bit_depth"] = info.bitDepth;
        } catch (const Error& e) {
            j["ok"] = false;
            j["error"] = e.what();
            j["error_code"] = errorCodeName(e.code());
            status = exitCodeFor(e.kind());
        }
        std::printf("%s\n", j.dump().c_str());
    }
    return status;
}

int runBenchDecode(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"size", "threads"}, {});
    args.requirePositional(1, 1, "FILE (a video to decode)");
    const int size = args.getInt("size", 64, 8, 4096);
    const int threads = args.getInt("threads", 0, 0, 64);
    const DecodeBenchResult r = benchDecode(args.positional()[0], size, threads);
    std::printf("file: %s\nsize: %dx%d\nthreads: %d\nframes: %lld\nseconds: %.3f\nfps: %.1f\n",
                args.positional()[0].c_str(), size, size, threads,
                static_cast<long long>(r.frames), r.seconds, r.fps);
    return 0;
}

} // namespace vd::cli
