// SPDX-License-Identifier: GPL-3.0-or-later
// eval-samples: the built-in sample-quality judge.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"

#include "project/ClipJudge.h"
#include "project/Project.h"
#include "project/SampleGenerator.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace vd::cli {

int runEvalSamples(const std::vector<std::string>& argv)
{
    const CliArgs args(argv,
                       {"per-class", "steps", "sampler", "cfg", "cfg-interval", "eta", "seed",
                        "device", "threads", "judge-steps", "report"},
                       {"json", "prepare"});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    const Project project = Project::load(args.positional()[0]);
    applyThreadsFlag(args);
    const SamplingConfig sampling = samplingFromFlags(args, project.sampling);
    const int perClass = args.getInt("per-class", 16, 2, 10000);
    const bool json = args.has("json");
    const std::string device = args.get("device", project.diffusion.train.device);

    auto makeJudge = [&] {
        return std::make_unique<ClipJudge>(
            project, device,
            [json](const std::string& line) {
                std::fprintf(json ? stderr : stdout, "%s\n", line.c_str());
                std::fflush(json ? stderr : stdout);
            },
            "--device", args.getInt("judge-steps", 0, 1, 1000000));
    };
    if (args.has("prepare")) {
        // Only the judge: it needs no trained model, so it can be trained before or beside them.
        const std::unique_ptr<ClipJudge> judge = makeJudge();
        const JudgeInfo& info = judge->info();
        std::printf("judge: %s, %.1f%% right on %d held-out windows (%d clips), %s %s\n",
                    info.features.c_str(), 100.0 * info.heldOutAccuracy, info.heldOutWindows,
                    info.heldOutClips, info.retrained ? "trained now," : "loaded from",
                    info.path.c_str());
        return 0;
    }
    // The generator first: a project without a trained denoiser fails before the judge trains.
    SampleGenerator generator(project, device, "--device");
    const std::unique_ptr<ClipJudge> judge = makeJudge();

    const std::vector<int> labels = generator.everyLabel();
    const std::string samplerName = generator.samplerName(sampling);
    std::fprintf(json ? stderr : stdout,
                 "generating %d clip(s) per label with %s, %d steps, cfg %.2f, seed %llu; "
                 "denoiser %s\n",
                 perClass, samplerName.c_str(), sampling.steps, sampling.guidanceScale,
                 static_cast<unsigned long long>(sampling.seed),
                 generator.denoiserCheckpoint().c_str());
    std::vector<FrameStack> clips;
    std::vector<int> asked;
    for (size_t li = 0; li < labels.size(); ++li) {
        SampleRequest request;
        request.count = perClass;
        request.label = labels[li];
        request.sampling = sampling;
        request.sampling.seed = sampling.seed + li * 1000003ULL; // as `sample` does
        const SampleResult result = generator.generate(request);
        for (const SampleClip& clip : result.clips) {
            clips.push_back(clip.frames);
            asked.push_back(clip.label);
        }
    }
    const JudgeReport report = judge->judge(clips, asked);
    nlohmann::json j = report;
    j["denoiser"] = generator.denoiserCheckpoint();
    j["denoiser_step"] = generator.denoiserStep();
    j["sampler"] = samplerName;
    j["steps"] = sampling.steps;
    j["cfg"] = sampling.guidanceScale;
    j["seed"] = sampling.seed;
    j["per_class"] = perClass;
    writeReportFlag(args, j.dump(2));
    if (json) {
        std::printf("%s\n", j.dump(2).c_str());
    } else {
        std::printf("%s", formatJudgeReport(report).c_str());
    }
    return 0;
}

} // namespace vd::cli
