// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/SampleEvaluation.h"

#include "project/ClipJudge.h"
#include "project/SampleGenerator.h"

#include <cstdio>
#include <vector>

namespace vd {

SampleEvaluation evaluateSamples(const Project& project, const SampleEvaluationOptions& options)
{
    const auto log = [&](const std::string& line) {
        if (options.log) {
            options.log(line);
        }
    };
    // The generator first: a project without a trained denoiser fails before the judge trains.
    SampleGenerator generator(project, options.device, options.deviceKey);
    const ClipJudge judge(project, options.device, log, options.deviceKey, options.judgeSteps);

    SampleEvaluation out;
    out.sampler = generator.samplerName(options.sampling);
    out.denoiserCheckpoint = generator.denoiserCheckpoint();
    out.denoiserStep = generator.denoiserStep();
    char line[512];
    std::snprintf(line, sizeof line,
                  "generating %d clip(s) per label with %s, %d steps, cfg %.2f, seed %llu; "
                  "denoiser %s",
                  options.perClass, out.sampler.c_str(), options.sampling.steps,
                  options.sampling.guidanceScale,
                  static_cast<unsigned long long>(options.sampling.seed),
                  out.denoiserCheckpoint.c_str());
    log(line);
    if (options.sampling.autoguidance > 0.0) {
        out.guideCheckpoint = generator.guideCheckpoint();
        out.guideStep = generator.guideStep();
        std::snprintf(line, sizeof line, "autoguidance %.2f with the guide %s",
                      options.sampling.autoguidance,
                      out.guideCheckpoint.empty() ? "(none kept)" : out.guideCheckpoint.c_str());
        log(line);
    }
    const std::vector<int> labels = generator.everyLabel();
    std::vector<FrameStack> clips;
    std::vector<int> asked;
    for (size_t li = 0; li < labels.size(); ++li) {
        SampleRequest request;
        request.count = options.perClass;
        request.label = labels[li];
        request.sampling = options.sampling;
        request.sampling.seed = options.sampling.seed + li * 1000003ULL; // as `sample` does
        const SampleResult result = generator.generate(request);
        for (const SampleClip& clip : result.clips) {
            clips.push_back(clip.frames);
            asked.push_back(clip.label);
        }
    }
    out.report = judge.judge(clips, asked);
    return out;
}

} // namespace vd
