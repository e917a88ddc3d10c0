// SPDX-License-Identifier: GPL-3.0-or-later
// eval-samples: the built-in sample-quality judge.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"

#include "project/ClipJudge.h"
#include "project/Project.h"
#include "project/SampleEvaluation.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace vd::cli {

int runEvalSamples(const std::vector<std::string>& argv)
{
    const CliArgs args(argv,
                       {"per-class", "steps", "sampler", "cfg", "cfg-interval", "autoguidance",
                        "eta", "seed", "device", "threads", "judge-steps", "report"},
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
    SampleEvaluationOptions options;
    options.sampling = sampling;
    options.perClass = perClass;
    options.device = device;
    options.deviceKey = "--device";
    options.judgeSteps = args.getInt("judge-steps", 0, 1, 1000000);
    options.log = [json](const std::string& line) {
        std::fprintf(json ? stderr : stdout, "%s\n", line.c_str());
        std::fflush(json ? stderr : stdout);
    };
    const SampleEvaluation evaluation = evaluateSamples(project, options);
    const JudgeReport& report = evaluation.report;
    nlohmann::json j = report;
    j["denoiser"] = evaluation.denoiserCheckpoint;
    j["denoiser_step"] = evaluation.denoiserStep;
    j["sampler"] = evaluation.sampler;
    j["steps"] = sampling.steps;
    j["cfg"] = sampling.guidanceScale;
    j["autoguidance"] = sampling.autoguidance;
    if (sampling.autoguidance > 0.0) {
        j["guide"] = evaluation.guideCheckpoint;
        j["guide_step"] = evaluation.guideStep;
    }
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
