// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/ProjectJudge.h"

#include "project/detail/TrainedModels.h"
#include "util/TorchError.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace vd {

std::string judgeDir(const Project& project)
{
    // From runs_dir, not from the diffusion run folder: a sweep's variants (whose run folders
    // lie elsewhere) share the project's judge.
    return (fs::path(project.baseDir()) / project.runsDir / "judge").lexically_normal().string();
}

JudgeSetup judgeSetupFor(const Project& project, const torch::Device& device)
{
    return judgeSetupFor(
        project, splitDataset(DatasetIndex::scan(project.datasetRoot()), project.dataset.heldOut),
        device);
}

JudgeSetup judgeSetupFor(const Project& project, const DatasetSplit& split,
                         const torch::Device& device)
{
    JudgeSetup setup;
    setup.train = split.train;
    setup.heldOut = split.heldOut;
    setup.spec = sampleSpecFor(project.dataset, project.dataset.frames);
    setup.cacheDir = judgeDir(project);
    setup.workers = project.dataset.workers;
    setup.steps = project.diffusion.judge.trainSteps;
    setup.device = device;
    return setup;
}

JudgeReport judgeDenoiser(const SampleJudge& judge, Denoiser& denoiser,
                          const DiffusionConfig& objective, VAE& vae, int numClasses,
                          const Project& project, const SamplingConfig& sampling, int perClass,
                          const torch::Device& device, Denoiser* guide)
{
    return translateTorchErrors("judging samples", [&] {
        std::vector<torch::Tensor> videos, labels;
        for (int c = 0; c < std::max(1, numClasses); ++c) {
            const GenerateRequest request =
                generateRequestFor(project, numClasses > 0 ? c : -1, perClass, sampling);
            videos.push_back(generateVideos(denoiser, objective, vae, request, device, guide));
            labels.push_back(torch::full({perClass}, request.label, torch::kLong));
        }
        return judge.evaluate(torch::cat(videos), torch::cat(labels));
    });
}

} // namespace vd
