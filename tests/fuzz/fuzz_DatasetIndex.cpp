// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the dataset index file (.vdstudio-index.json) that DatasetIndex::scan reuses for
// files whose size and mtime it knows. A damaged or hostile index must only cost a re-probe:
// scan never throws for it, and the clips it yields are usable.
#include "FuzzFixtures.h"
#include "FuzzSupport.h"

#include "data/DatasetIndex.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    vdfuzz::quietLogs();
    static const std::filesystem::path root = [] {
        const auto dir = vdfuzz::scratchDir() / "dataset";
        vdfuzz::makeDatasetFixture(dir);
        return dir;
    }();
    vdfuzz::writeBytes(root / vd::DatasetIndex::kIndexFileName, data, size);

    vd::ScanOptions options;
    options.threads = 1;
    const vd::DatasetIndex index = vd::DatasetIndex::scan(root.string(), options);
    if (index.clips().size() + index.skipped().size() != 4) {
        std::fprintf(stderr, "scan lost files: %zu clips, %zu skipped\n", index.clips().size(),
                     index.skipped().size());
        std::abort();
    }
    for (const vd::ClipEntry& clip : index.clips()) {
        if (clip.info.width <= 0 || clip.info.height <= 0 || clip.info.frames < 0 ||
            clip.labelIndex >= static_cast<int>(index.labels().size())) {
            std::fprintf(stderr, "unusable clip %s\n", clip.path.c_str());
            std::abort();
        }
    }
    (void)index.totalFrames();
    (void)index.totalDurationS();
    return 0;
}
