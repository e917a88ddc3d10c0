// SPDX-License-Identifier: GPL-3.0-or-later
// new-project, train-vae and train-diffusion.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/ConsoleObserver.h"

#include "data/DatasetIndex.h"
#include "project/DatasetSplit.h"
#include "project/DiffusionTask.h"
#include "project/LatentCache.h"
#include "project/Project.h"
#include "project/TrainedModels.h"
#include "project/VAETask.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Threads.h"

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace vd::cli {
namespace {

/// Settings every training command shares: --steps, --device, --threads.
struct TrainFlags {
    Project project;
    ThreadSettings threads;
    StartMode mode = StartMode::Fresh;
};

TrainFlags readTrainFlags(const CliArgs& args)
{
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    TrainFlags flags{Project::load(args.positional()[0]), defaultThreadSettings(),
                     args.has("resume") ? StartMode::Resume : StartMode::Fresh};
    const int threads = args.getInt("threads", 0, 0, 256);
    if (threads > 0) {
        flags.threads.torchThreads = threads;
    }
    configureThreads(flags.threads);
    return flags;
}

void applyOverrides(const CliArgs& args, TrainConfig& train)
{
    if (args.has("steps")) {
        train.steps = args.getInt("steps", 0, 1, 1 << 30);
    }
    if (args.has("device")) {
        train.device = args.get("device", "auto");
    }
}

DatasetSplit loadDataset(const Project& project)
{
    const DatasetIndex index = DatasetIndex::scan(project.datasetRoot());
    for (const SkippedFile& s : index.skipped()) {
        std::printf("skipped %s: %s\n", s.path.c_str(), s.reason.c_str());
    }
    return splitDataset(index, project.dataset.heldOut);
}

int runTrainer(TrainTask& task, const TrainConfig& config, const std::string& runDir,
               StartMode mode, const char* title)
{
    ConsoleObserver observer(title, stdoutIsTerminal(), config.logEvery,
                             (fs::path(runDir) / "samples").string());
    Trainer trainer(task, config, runDir, &observer);
    StopOnSignal stopOnSignal([](void* t) { static_cast<Trainer*>(t)->requestStop(); }, &trainer);
    const bool completed = trainer.run(mode);
    return completed ? 0 : 130;
}

} // namespace

int runNewProject(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"data", "preset", "name"}, {"force"});
    args.requirePositional(1, 1, "FILE (the project file to write, e.g. demo.vdproj)");
    const std::string file = args.positional()[0];
    if (!args.has("data")) {
        throw Error(ErrorKind::Usage, "new-project: --data DIR is required", ErrorCode::InvalidValue);
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
    std::printf("wrote %s (preset %s): %zu clips, %zu labels, %zu skipped, in %s\n",
                file.c_str(), project.preset.c_str(), index.clips().size(),
                index.labels().size(), index.skipped().size(), project.datasetRoot().c_str());
    return 0;
}

int runTrainVAE(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"steps", "device", "threads"}, {"resume"});
    TrainFlags flags = readTrainFlags(args);
    applyOverrides(args, flags.project.vae.train);
    const DatasetSplit split = loadDataset(flags.project);
    std::printf("VAE: %zu training clips, %zu held out; run %s; torch threads %d\n",
                split.train.clips().size(), split.heldOut.clips().size(),
                flags.project.runDir(Stage::VAE).c_str(), flags.threads.torchThreads);
    VAETask task(flags.project, split.train, split.heldOut);
    return runTrainer(task, flags.project.vae.train, flags.project.runDir(Stage::VAE), flags.mode,
                      "vae");
}

int runTrainDiffusion(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"steps", "device", "threads"}, {"resume"});
    TrainFlags flags = readTrainFlags(args);
    Project& project = flags.project;
    applyOverrides(args, project.diffusion.train);
    const torch::Device device =
        resolveDevice(project.diffusion.train.device, "diffusion.train.device");
    TrainedVAE vae = loadTrainedVAE(project, device);
    for (auto& p : vae.vae->parameters()) {
        p.set_requires_grad(false);
    }
    const DatasetSplit split = loadDataset(project);
    const SampleSpec spec = VAETask::latentCacheSpec(project);
    const std::string cachePath = VAETask::latentCachePath(project);
    const std::string fingerprint = LatentCache::fingerprintOf(vae.vae, split.train, spec);
    std::optional<LatentCache> cache = LatentCache::load(cachePath, fingerprint);
    if (!cache) {
        std::printf("encoding %zu clips into the latent cache %s\n", split.train.clips().size(),
                    cachePath.c_str());
        cache = LatentCache::build(vae.vae, split.train, spec, device, project.dataset.workers);
        cache->save(cachePath);
    }
    std::printf("diffusion: %lld cached clips [%lld x %lld x %lld x %lld], %zu labels; VAE %s%s; "
                "run %s\n",
                static_cast<long long>(cache->size()),
                static_cast<long long>(cache->mean.size(1)),
                static_cast<long long>(cache->mean.size(2)),
                static_cast<long long>(cache->mean.size(3)),
                static_cast<long long>(cache->mean.size(4)), split.train.labels().size(),
                vae.checkpoint.c_str(), vae.ema ? " (EMA)" : "",
                project.runDir(Stage::Diffusion).c_str());
    DiffusionTask task(project, vae.vae, std::move(*cache), split.train.labels(), vae.checkpoint);
    return runTrainer(task, project.diffusion.train, project.runDir(Stage::Diffusion), flags.mode,
                      "diffusion");
}

} // namespace vd::cli
