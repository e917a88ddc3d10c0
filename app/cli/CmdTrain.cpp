// SPDX-License-Identifier: GPL-3.0-or-later
// new-project, train-vae and train-diffusion.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"
#include "cli/ConsoleObserver.h"
#include "cli/LocalRanks.h"

#include "data/DatasetIndex.h"
#include "project/Project.h"
#include "project/StageRun.h"
#include "train/DataParallel.h"
#include "util/Error.h"

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace vd::cli {
namespace {

/// Reads the flags every training command shares (--steps, --minutes, --batch, --device,
/// --threads, --procs, --resume), sets up the threads and runs the stage through StageRun with a
/// console observer: as one process, as one rank of a group a launcher (torchrun, --procs)
/// described in the environment, or, with --procs N, as the launcher of N local ranks.
int runStage(const std::vector<std::string>& argv, Stage stage, const char* command,
             const char* title)
{
    const CliArgs args(argv, {"steps", "minutes", "batch", "device", "threads", "procs"},
                       {"resume"});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    const int procs = args.getInt("procs", 1, 1, 256);
    if (procs > 1) {
        std::vector<std::string> rankArgs;
        for (size_t i = 0; i < argv.size(); ++i) {
            if (argv[i] == "--procs") {
                ++i; // and its value
            } else if (argv[i].rfind("--procs=", 0) != 0) {
                rankArgs.push_back(argv[i]);
            }
        }
        Project::load(args.positional()[0]); // a bad project file fails once, here
        return runLocalRanks(procs, command, rankArgs);
    }
    Project project = Project::load(args.positional()[0]);
    applyThreadsFlag(args);
    StageRunOptions options;
    if (args.has("steps")) {
        options.steps = args.getInt("steps", 0, 1, 1 << 30);
    }
    if (args.has("minutes")) {
        options.minutes = args.getDouble("minutes", 0.0, 0.01, 1e6);
    }
    if (args.has("batch")) {
        options.batch = args.getInt("batch", 0, 1, 1 << 20);
    }
    if (args.has("device")) {
        options.device = args.get("device", "auto");
    }
    const StartMode mode = args.has("resume") ? StartMode::Resume : StartMode::Fresh;

    options.dataParallel = DataParallel::fromEnvironment();
    const bool main = !options.dataParallel || options.dataParallel->isMain();

    StageRun run(std::move(project), stage, nullptr, options);
    ConsoleObserver observer(title, stdoutIsTerminal(), run.trainConfig().logEvery);
    if (main) { // the other ranks print only their warnings and errors
        run.setObserver(&observer);
    }
    StopOnSignal stopOnSignal([](void* r) { static_cast<StageRun*>(r)->requestStop(); }, &run);
    return run.run(mode) ? 0 : 130;
}

} // namespace

int runNewProject(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"data", "preset", "name"}, {"force"});
    args.requirePositional(1, 1, "FILE (the project file to write, e.g. demo.vdproj)");
    const std::string file = args.positional()[0];
    if (!args.has("data")) {
        throw Error(ErrorKind::Usage, "new-project: --data DIR is required",
                    ErrorCode::InvalidValue);
    }
    if (fs::exists(file) && !args.has("force")) {
        throw Error(ErrorKind::Usage, file + ": exists; pass --force to overwrite it",
                    ErrorCode::InvalidValue);
    }
    Project project = Project::fromPreset(args.get("preset", "demo"));
    const fs::path projectDir = fs::absolute(file).parent_path();
    const fs::path data = fs::absolute(args.get("data", ""));
    const DatasetIndex index = DatasetIndex::scan(data.string());
    project.dataset.root = fs::relative(data, projectDir).string();
    project.name = args.get("name", fs::path(file).stem().string());
    project.diffusion.model.numClasses = static_cast<int>(index.labels().size());
    project.save(file);
    std::printf("wrote %s (preset %s): %zu clips, %zu labels, %zu skipped, in %s\n", file.c_str(),
                project.preset.c_str(), index.clips().size(), index.labels().size(),
                index.skipped().size(), project.datasetRoot().c_str());
    return 0;
}

int runTrainVAE(const std::vector<std::string>& argv)
{
    return runStage(argv, Stage::VAE, "train-vae", "vae");
}

int runTrainDiffusion(const std::vector<std::string>& argv)
{
    return runStage(argv, Stage::Diffusion, "train-diffusion", "diffusion");
}

} // namespace vd::cli
