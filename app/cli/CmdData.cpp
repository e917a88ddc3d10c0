// SPDX-License-Identifier: GPL-3.0-or-later
// scan and make-demo-dataset.
#include "cli/CliArgs.h"
#include "cli/Commands.h"

#include "data/DatasetIndex.h"
#include "data/DemoDataset.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <map>

namespace vd::cli {
namespace {

nlohmann::ordered_json indexToJson(const DatasetIndex& index)
{
    nlohmann::ordered_json j;
    j["root"] = index.root();
    j["labels"] = index.labels();
    j["total_frames"] = index.totalFrames();
    j["total_duration_s"] = index.totalDurationS();
    j["probed"] = index.probedCount();
    auto clips = nlohmann::ordered_json::array();
    for (const ClipEntry& c : index.clips()) {
        clips.push_back({{"path", c.path},
                         {"label", c.label},
                         {"label_index", c.labelIndex},
                         {"caption", c.caption},
                         {"codec", c.info.codec},
                         {"width", c.info.width},
                         {"height", c.info.height},
                         {"fps", c.info.fps.toDouble()},
                         {"frames", c.info.frames},
                         {"duration_s", c.info.durationS}});
    }
    j["clips"] = clips;
    auto skipped = nlohmann::ordered_json::array();
    for (const SkippedFile& s : index.skipped()) {
        skipped.push_back({{"path", s.path}, {"reason", s.reason}});
    }
    j["skipped"] = skipped;
    return j;
}

void printReport(const DatasetIndex& index, double seconds)
{
    std::map<std::string, int> perLabel;
    int captioned = 0;
    for (const ClipEntry& c : index.clips()) {
        ++perLabel[c.label.empty() ? "(unlabelled)" : c.label];
        captioned += c.caption.empty() ? 0 : 1;
    }
    std::printf("dataset: %s\n", index.root().c_str());
    std::printf("clips: %zu (%lld frames, %.1f s), captioned: %d, probed now: %d, scan %.2f s\n",
                index.clips().size(), static_cast<long long>(index.totalFrames()),
                index.totalDurationS(), captioned, index.probedCount(), seconds);
    std::printf("labels: %zu\n", index.labels().size());
    for (const auto& [label, count] : perLabel) {
        std::printf("  %-24s %d\n", label.c_str(), count);
    }
    std::printf("skipped: %zu\n", index.skipped().size());
    for (const SkippedFile& s : index.skipped()) {
        std::printf("  %s: %s\n", s.path.c_str(), s.reason.c_str());
    }
}

} // namespace

int runScan(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"threads"}, {"json", "no-cache"});
    args.requirePositional(1, 1, "DIR (the dataset folder)");
    ScanOptions options;
    options.threads = args.getInt("threads", 0, 0, 256);
    options.useCache = !args.has("no-cache");
    const auto start = std::chrono::steady_clock::now();
    const DatasetIndex index = DatasetIndex::scan(args.positional()[0], options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (args.has("json")) {
        std::printf("%s\n", indexToJson(index).dump(2).c_str());
    } else {
        printReport(index, seconds);
    }
    return 0;
}

int runMakeDemoDataset(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"kind", "backgrounds", "object-scale", "clips", "size", "frames", "fps", "seed"},
                       {"no-spin"});
    args.requirePositional(1, 1, "DIR (where to write the dataset)");
    DemoOptions options;
    options.kind = demoKindFromString(args.get("kind", "shapes"));
    options.backgrounds = demoBackgroundsFromString(args.get("backgrounds", "all"));
    options.spin = !args.has("no-spin");
    options.objectScale = args.getDouble("object-scale", options.objectScale, 0.25, 1.25);
    options.clips = args.getInt("clips", options.clips, 1, 100000);
    options.size = args.getInt("size", options.size, 16, 1024);
    options.frames = args.getInt("frames", options.frames, 1, 1000);
    options.fps = args.getInt("fps", options.fps, 1, 120);
    options.seed = args.getSeed("seed", options.seed);

    const bool tty = stdoutIsTerminal();
    int lastPrinted = -1;
    const auto start = std::chrono::steady_clock::now();
    const DemoResult result =
        makeDemoDataset(args.positional()[0], options, [&](int done, int total) {
            if (tty) {
                std::printf("\rwriting clips %d/%d", done, total);
                std::fflush(stdout);
            } else if (done == total || done - lastPrinted >= std::max(1, total / 10)) {
                std::printf("wrote %d/%d clips\n", done, total);
                lastPrinted = done;
            }
        });
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (tty) {
        std::printf("\n");
    }
    std::printf("wrote %d clips (%zu labels) to %s in %.1f s\n", result.clipsWritten,
                result.labels.size(), args.positional()[0].c_str(), seconds);
    return 0;
}

} // namespace vd::cli
