// SPDX-License-Identifier: GPL-3.0-or-later
// plot-metrics.
#include "cli/CliArgs.h"
#include "cli/Commands.h"

#include "report/LossPlot.h"
#include "util/Error.h"

#include <cstdio>
#include <sstream>

namespace vd::cli {
namespace {

/// "loss,l1,kl" → {"loss", "l1", "kl"}; empty items are a usage error.
std::vector<std::string> splitKeys(const std::string& text)
{
    std::vector<std::string> keys;
    std::stringstream in(text);
    std::string key;
    while (std::getline(in, key, ',')) {
        if (key.empty()) {
            throw Error(ErrorKind::Usage, "--keys '" + text + "' has an empty key",
                        ErrorCode::InvalidValue);
        }
        keys.push_back(key);
    }
    return keys;
}

} // namespace

int runPlotMetrics(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"out", "keys", "smooth", "width", "height", "title"}, {"linear"});
    args.requirePositional(1, 1, "RUN_DIR_OR_METRICS_JSONL (a run folder or its metrics.jsonl)");
    const std::string out = args.get("out", "");
    if (out.empty()) {
        throw Error(ErrorKind::Usage, "plot-metrics needs --out PNG", ErrorCode::InvalidValue);
    }
    PlotOptions options;
    options.smoothing = args.getDouble("smooth", options.smoothing, 0.0, 0.999);
    options.logY = !args.has("linear");
    options.width = args.getInt("width", options.width, 160, 8192);
    options.height = args.getInt("height", options.height, 120, 8192);
    options.title = args.get("title", "");
    const std::vector<std::string> keys = splitKeys(args.get("keys", "loss"));
    writeLossPlot(args.positional()[0], keys, out, options);
    std::printf("wrote %s (%dx%d)\n", out.c_str(), options.width, options.height);
    return 0;
}

} // namespace vd::cli
