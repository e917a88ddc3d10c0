// SPDX-License-Identifier: GPL-3.0-or-later
// ClipLoader throughput: writes a demo dataset to a temporary folder, then pulls batches with 1,
// 2 and N (hardware) decode workers, with a consumer that takes nothing, sleeps (a GPU step:
// the CPU is free) or spins (a CPU step: it competes with the decoders) for --step-ms per batch.
//
//   bench_loader [--clips 200] [--size 64] [--frames 16] [--batch 16] [--batches 40]
//                [--step-ms 100] [--prefetch 4] [--kind shapes] [--keep DIR]
#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "data/DemoDataset.h"
#include "util/Log.h"
#include "util/Threads.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
    int clips = 200;
    int size = 64;
    int frames = 16;
    int batch = 16;
    int batches = 40;
    int stepMs = 100;
    int prefetch = 4;
    std::string kind = "shapes";
    std::string keep;
};

Args parse(int argc, char** argv)
{
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        const bool hasValue = i + 1 < argc;
        auto intArg = [&](int& out) {
            if (!hasValue) {
                std::fprintf(stderr, "%s needs a value\n", k.c_str());
                std::exit(2);
            }
            out = std::atoi(argv[++i]);
        };
        if (k == "--clips") {
            intArg(a.clips);
        } else if (k == "--size") {
            intArg(a.size);
        } else if (k == "--frames") {
            intArg(a.frames);
        } else if (k == "--batch") {
            intArg(a.batch);
        } else if (k == "--batches") {
            intArg(a.batches);
        } else if (k == "--step-ms") {
            intArg(a.stepMs);
        } else if (k == "--prefetch") {
            intArg(a.prefetch);
        } else if (k == "--kind" && hasValue) {
            a.kind = argv[++i];
        } else if (k == "--keep" && hasValue) {
            a.keep = argv[++i];
        } else {
            std::fprintf(stderr,
                         "usage: bench_loader [--clips N] [--size S] [--frames T] [--batch B] "
                         "[--batches K] [--step-ms MS] [--prefetch P] [--kind shapes|fashion] "
                         "[--keep DIR]\n");
            std::exit(2);
        }
    }
    return a;
}

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

enum class Consumer { None, Sleep, Spin };

const char* consumerName(Consumer c)
{
    switch (c) {
    case Consumer::None:
        return "none";
    case Consumer::Sleep:
        return "sleep";
    case Consumer::Spin:
        return "spin";
    }
    return "?";
}

/// Burns CPU for `ms` on this thread, like a training step on the CPU would.
void spin(int ms)
{
    const auto end = Clock::now() + std::chrono::milliseconds(ms);
    volatile double x = 1.0;
    while (Clock::now() < end) {
        for (int i = 0; i < 1000; ++i) {
            x = x * 1.0000001 + 1e-9;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    const Args args = parse(argc, argv);
    vd::log::setLevel(spdlog::level::warn);
    vd::configureThreads(vd::defaultThreadSettings());

    const fs::path dir = args.keep.empty()
                             ? fs::temp_directory_path() /
                                   ("vd-bench-loader-" + std::to_string(std::random_device{}()))
                             : fs::path(args.keep);
    vd::DemoOptions demo;
    demo.kind = vd::demoKindFromString(args.kind);
    demo.clips = args.clips;
    demo.size = args.size;
    demo.frames = args.frames;
    auto t0 = Clock::now();
    vd::makeDemoDataset(dir.string(), demo);
    const double demoS = secondsSince(t0);

    t0 = Clock::now();
    vd::ScanOptions scanOptions;
    scanOptions.useCache = false;
    const vd::DatasetIndex index = vd::DatasetIndex::scan(dir.string(), scanOptions);
    const double scanS = secondsSince(t0);
    const int hw = vd::hardwareThreads();
    std::printf("machine: %d hardware threads\n", hw);
    std::printf("demo dataset: %d clips %dx%d x %d frames written in %.2f s (%.0f clips/s); "
                "scan (probe all) %.2f s\n",
                args.clips, args.size, args.size, args.frames, demoS, args.clips / demoS, scanS);
    std::printf("loader: batch %d, %d batches timed after 2 warm-up batches, prefetch %d, "
                "random start/crop/flip, step %d ms\n\n",
                args.batch, args.batches, args.prefetch, args.stepMs);
    std::printf("%-8s %-8s %10s %10s %14s %14s\n", "workers", "consumer", "batches/s", "clips/s",
                "wait ms/batch", "wait share %");

    std::vector<int> workerCounts{1, 2, hw};
    std::sort(workerCounts.begin(), workerCounts.end());
    workerCounts.erase(std::unique(workerCounts.begin(), workerCounts.end()), workerCounts.end());
    for (Consumer consumer : {Consumer::None, Consumer::Sleep, Consumer::Spin}) {
        if (consumer != Consumer::None && args.stepMs <= 0) {
            continue;
        }
        for (int workers : workerCounts) {
            vd::LoaderOptions o;
            o.batchSize = args.batch;
            o.workers = workers;
            o.prefetch = args.prefetch;
            o.seed = 1;
            o.spec.frames = args.frames;
            o.spec.width = args.size;
            o.spec.height = args.size;
            o.spec.crop = vd::CropMode::Random;
            o.spec.randomFlip = true;
            vd::ClipLoader loader(index, o);
            for (int i = 0; i < 2; ++i) {
                loader.next();
            }
            double waitMs = 0.0;
            const auto start = Clock::now();
            for (int i = 0; i < args.batches; ++i) {
                const auto w0 = Clock::now();
                const auto batch = loader.next();
                waitMs += std::chrono::duration<double, std::milli>(Clock::now() - w0).count();
                if (!batch) {
                    std::fprintf(stderr, "loader ended early\n");
                    return 1;
                }
                if (consumer == Consumer::Sleep) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(args.stepMs));
                } else if (consumer == Consumer::Spin) {
                    spin(args.stepMs);
                }
            }
            const double s = secondsSince(start);
            std::printf("%-8d %-8s %10.2f %10.1f %14.2f %14.1f\n", workers, consumerName(consumer),
                        args.batches / s, args.batches * args.batch / s, waitMs / args.batches,
                        100.0 * waitMs / 1000.0 / s);
            std::fflush(stdout);
        }
    }
    if (args.keep.empty()) {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    return 0;
}
