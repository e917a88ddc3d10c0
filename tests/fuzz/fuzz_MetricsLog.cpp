// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: runs/<name>/metrics.jsonl, as the plots read it (MetricsLog::readAll, records)
// and as a resumed run repairs it (MetricsLog::open). Reading never throws for damaged
// content; after open() and one append, the file must read back clean with that entry last.
#include "FuzzSupport.h"

#include "train/MetricsLog.h"

#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "metrics.jsonl: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    vdfuzz::quietLogs();
    const auto path = vdfuzz::scratchDir() / "metrics.jsonl";
    // Two ways a run opens the log: carrying on (no resume step) and resuming at a checkpoint;
    // the first byte picks one, so both see every kind of damage.
    const bool resume = size > 0 && (data[0] & 1) != 0;
    vdfuzz::writeBytes(path, data, size);

    const vd::MetricsContents contents = vd::MetricsLog::readAll(path.string());
    const std::vector<vd::MetricsRecord> records = contents.records();
    check(records.size() == contents.entries.size(), "records() lost entries");

    try {
        vd::MetricsLog log = vd::MetricsLog::open(path.string(), resume ? 5 : -1);
        log.append(1000000, {{"loss", 0.5}});
        log.close();
    } catch (const vd::Error&) {
        return 0;
    }
    const vd::MetricsContents after = vd::MetricsLog::readAll(path.string());
    check(!after.tornLastLine, "torn last line after open() and append()");
    check(!resume || after.corruptLines == 0, "corrupt lines left after resuming");
    check(!after.entries.empty() && after.entries.back()["step"] == 1000000,
          "the appended entry is not the last one");
    return 0;
}
