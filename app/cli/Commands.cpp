// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Commands.h"

#include <unistd.h>

namespace vd::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {"probe", "print what FFmpeg sees in video files (one JSON object per line)",
         "probe FILE...\n"
         "  Prints one JSON object per file: path, ok, error, error_code, container, codec,\n"
         "  pixel_format, width, height, rotation, fps {num, den, value}, frames,\n"
         "  frames_counted, duration_s. Exit 3 if any file could not be read.",
         &runProbe},
        {"scan", "index a dataset folder: clips, labels, captions, skipped files",
         "scan DIR [--json] [--threads N] [--no-cache]\n"
         "  Scans DIR for videos and animated GIFs. Labels come from first-level subfolders,\n"
         "  captions from a sidecar .txt with the same stem. Keeps .vdstudio-index.json in DIR\n"
         "  so a second scan re-probes only changed files.\n"
         "  --json       print the full index as JSON instead of a report\n"
         "  --threads N  probe threads (default: all cores)\n"
         "  --no-cache   ignore and do not write the index file",
         &runScan},
        {"make-demo-dataset", "write the built-in labelled demo dataset as real video files",
         "make-demo-dataset DIR [--kind shapes|fashion] [--clips N] [--size S] [--frames T]\n"
         "                  [--fps F] [--seed K]\n"
         "  shapes:  shapes of three or more classes moving and bouncing over varied backgrounds\n"
         "  fashion: Fashion-MNIST items moving over backgrounds (package dataset-fashion-mnist)\n"
         "  Defaults: --kind shapes --clips 300 --size 64 --frames 16 --fps 8 --seed 1",
         &runMakeDemoDataset},
        {"bench-decode", "measure decoded frames per second of one file",
         "bench-decode FILE [--size S] [--threads N]\n"
         "  Decodes every frame of FILE scaled to SxS RGB (default 64) with N decoder threads\n"
         "  (default 0 = FFmpeg's choice) and prints frames, seconds and frames per second.",
         &runBenchDecode},
    };
    return list;
}

bool stdoutIsTerminal()
{
    return isatty(STDOUT_FILENO) != 0;
}

} // namespace vd::cli
