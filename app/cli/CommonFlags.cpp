// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommonFlags.h"

#include "util/Error.h"
#include "util/Threads.h"

#include <fstream>
#include <stdexcept>

namespace vd::cli {

void applyThreadsFlag(const CliArgs& args)
{
    ThreadSettings threads = defaultThreadSettings();
    const int threadsFlag = args.getInt("threads", 0, 0, 256);
    if (threadsFlag > 0) { // 0: the default, as without the flag
        threads.torchThreads = threadsFlag;
    }
    configureThreads(threads);
}

SamplingConfig samplingFromFlags(const CliArgs& args, SamplingConfig base)
{
    base.steps = args.getInt("steps", base.steps, 1, 10000);
    base.sampler = args.get("sampler", base.sampler);
    base.guidanceScale = args.getDouble("cfg", base.guidanceScale, 0.0, 100.0);
    if (args.has("cfg-interval")) { // "FROM,TO": noise levels between which guidance applies
        const std::string v = args.get("cfg-interval", "");
        const size_t comma = v.find(',');
        try {
            if (comma == std::string::npos) {
                throw std::invalid_argument(v);
            }
            base.guidanceFrom = std::stod(v.substr(0, comma));
            base.guidanceTo = std::stod(v.substr(comma + 1));
        } catch (const std::exception&) {
            throw Error(ErrorKind::Usage,
                        "--cfg-interval: '" + v + "' is not FROM,TO (noise levels 0-1, e.g. 0,0.7)",
                        ErrorCode::InvalidValue);
        }
    }
    base.autoguidance = args.getDouble("autoguidance", base.autoguidance, 0.0, 20.0);
    base.eta = args.getDouble("eta", base.eta, 0.0, 1.0);
    base.seed = args.getSeed("seed", base.seed);
    validate(base, "sampling");
    return base;
}

void writeReportFlag(const CliArgs& args, const std::string& text)
{
    if (!args.has("report")) {
        return;
    }
    const std::string path = args.get("report", "");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text << '\n';
    out.flush();
    if (!out) {
        throw Error(ErrorKind::Runtime, "--report: cannot write '" + path + "'",
                    ErrorCode::WriteFailed);
    }
}

} // namespace vd::cli
