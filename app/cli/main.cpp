// SPDX-License-Identifier: GPL-3.0-or-later
// vdstudio-cli: the headless front end of the VDStudio engine. Every failure ends in one line on
// stderr and exit code 2 (usage/config), 3 (input data) or 4 (runtime); never a stack trace.
#include "cli/Commands.h"

#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/Log.h"
#include "util/Memory.h"
#include "util/Threads.h"
#include "util/TorchError.h"
#include "util/Version.h"
#include "util/VersionInfo.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

void printHelp()
{
    std::printf("usage: vdstudio-cli [--verbose|--quiet] COMMAND [ARGS...]\n"
                "       vdstudio-cli COMMAND --help\n"
                "       vdstudio-cli --version\n\ncommands:\n");
    for (const auto& c : vd::cli::commands()) {
        if (!c.hidden) {
            std::printf("  %-18s %s\n", c.name, c.summary);
        }
    }
    std::printf("\nexit codes: 0 ok, 2 usage or config error, 3 bad input data, 4 runtime error\n");
}

int fail(int code, const std::string& message)
{
    std::fprintf(stderr, "vdstudio-cli: error: %s\n", message.c_str());
    return code;
}

} // namespace

int main(int argc, char* argv[])
{
    vd::selectBlasKernels(argv);
    vd::tuneAllocator();
    vd::ignoreFileSizeSignal();
    std::vector<std::string> args(argv + 1, argv + argc);
    spdlog::level::level_enum level = spdlog::level::warn;
    while (!args.empty() && (args.front() == "--verbose" || args.front() == "--quiet")) {
        level = args.front() == "--verbose" ? spdlog::level::debug : spdlog::level::err;
        args.erase(args.begin());
    }
    vd::log::setLevel(level);

    if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
        printHelp();
        return args.empty() ? 2 : 0;
    }
    if (args.front() == "--version" || args.front() == "-v") {
        std::printf("vdstudio-cli %s\n%s\n", vd::kVersion, vd::libraryVersions().c_str());
        return 0;
    }

    const std::string name = args.front();
    args.erase(args.begin());
    const vd::cli::Command* command = nullptr;
    for (const auto& c : vd::cli::commands()) {
        if (name == c.name) {
            command = &c;
        }
    }
    if (!command) {
        return fail(2, "unknown command '" + name + "' (see vdstudio-cli --help)");
    }
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::printf("usage: vdstudio-cli %s\n", command->usage);
            return 0;
        }
    }

    try {
        // The façades name what they were doing; what escapes them is named after the command.
        // Every std::exception comes out as a one-line vd::Error (util/TorchError.h).
        return vd::translateTorchErrors(name, [&] { return command->run(args); });
    } catch (const vd::Error& e) {
        return fail(vd::exitCodeFor(e.kind()), e.what());
    }
}
