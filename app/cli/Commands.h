// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace vd::cli {

/// A subcommand of vdstudio-cli: name, one-line summary, usage text and entry point.
/// `run` gets the arguments after the subcommand name and returns the exit code; it throws
/// vd::Error for failures, which main() turns into one line and exit code 2/3/4.
struct Command {
    const char* name;
    const char* summary;
    const char* usage;
    int (*run)(const std::vector<std::string>& args);
    bool hidden = false; ///< a worker other commands start; left out of --help
};

/// All subcommands, in the order `--help` lists them.
const std::vector<Command>& commands();

int runProbe(const std::vector<std::string>& args);
int runScan(const std::vector<std::string>& args);
int runMakeDemoDataset(const std::vector<std::string>& args);
int runBenchDecode(const std::vector<std::string>& args);
int runNewProject(const std::vector<std::string>& args);
int runTrainVAE(const std::vector<std::string>& args);
int runTrainDiffusion(const std::vector<std::string>& args);
int runSample(const std::vector<std::string>& args);
int runExport(const std::vector<std::string>& args);
int runEvalVAE(const std::vector<std::string>& args);
int runEvalSamples(const std::vector<std::string>& args);
int runInspect(const std::vector<std::string>& args);
int runPlotMetrics(const std::vector<std::string>& args);
int runSweep(const std::vector<std::string>& args);
int runSweepVariant(const std::vector<std::string>& args);

/// True when stdout is a terminal (progress bars) rather than a pipe or file (plain lines).
bool stdoutIsTerminal();

} // namespace vd::cli
