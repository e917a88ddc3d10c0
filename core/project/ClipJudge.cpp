// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/ClipJudge.h"

#include "data/ClipLoader.h"
#include "judge/SampleJudge.h"
#include "project/detail/ProjectJudge.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"
#include "util/TorchError.h"

#include <optional>

namespace vd {

struct ClipJudge::Impl {
    std::optional<SampleJudge> judge;
};

ClipJudge::ClipJudge(const Project& project, const std::string& device,
                     const std::function<void(const std::string&)>& log,
                     const std::string& deviceKey, int judgeSteps)
    : m_impl(std::make_unique<Impl>())
{
    JudgeSetup setup = judgeSetupFor(project, resolveDevice(device, deviceKey));
    if (judgeSteps > 0) {
        setup.steps = judgeSteps;
    }
    setup.log = log;
    translateTorchErrors("judge: preparing the sample judge",
                         [&] { m_impl->judge.emplace(SampleJudge::prepare(setup)); });
}

ClipJudge::~ClipJudge() = default;

const JudgeInfo& ClipJudge::info() const
{
    return m_impl->judge->info();
}

JudgeReport ClipJudge::judge(const std::vector<FrameStack>& clips,
                             const std::vector<int>& labels) const
{
    if (clips.size() != labels.size()) {
        throw Error(ErrorKind::Usage,
                    "judge: " + std::to_string(clips.size()) + " clips but " +
                        std::to_string(labels.size()) + " labels",
                    ErrorCode::ShapeMismatch);
    }
    std::vector<torch::Tensor> videos;
    for (const FrameStack& clip : clips) {
        if (!videos.empty() && (clip.frames != clips.front().frames ||
                                clip.width != clips.front().width ||
                                clip.height != clips.front().height)) {
            throw Error(ErrorKind::Usage, "judge: the clips differ in length or size",
                        ErrorCode::ShapeMismatch);
        }
        videos.push_back(framesToTensor(clip));
    }
    if (videos.size() < 2) {
        throw Error(ErrorKind::Usage, "judge: needs at least 2 clips", ErrorCode::InvalidValue);
    }
    std::vector<int64_t> asked(labels.begin(), labels.end());
    return translateTorchErrors("judge: judging " + std::to_string(clips.size()) + " clips", [&] {
        return m_impl->judge->evaluate(torch::stack(videos), torch::tensor(asked, torch::kLong));
    });
}

} // namespace vd
