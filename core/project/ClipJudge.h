// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "judge/JudgeReport.h"
#include "media/VideoInfo.h"
#include "project/Project.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vd {

/// The project's sample judge for clips held as 8-bit frames (what `vdstudio-cli
/// eval-samples` and the studio's Preview panel judge): a torch-free façade over SampleJudge.
///
/// Thread rules: construct, use and destroy it on one worker thread, never the UI thread (it
/// runs torch ops and may train the judge for a minute on first use).
/// Errors: vd::Error only; a torch error becomes one line without its backtrace,
/// vd::Error(Runtime) "judge: judging 8 clips: torch: ..." (util/TorchError.h).
class ClipJudge {
public:
    /// Loads the judge from `<runs>/judge` or trains it (see SampleJudge::prepare). `device`:
    /// "auto", "cpu", "cuda[:N]" (a bad name throws vd::Error(Config) naming `deviceKey`).
    /// `judgeSteps` > 0 overrides the classifier's training steps. `log` gets progress lines.
    ClipJudge(const Project& project, const std::string& device,
              const std::function<void(const std::string&)>& log = {},
              const std::string& deviceKey = "device", int judgeSteps = 0);
    ~ClipJudge();
    ClipJudge(const ClipJudge&) = delete;
    ClipJudge& operator=(const ClipJudge&) = delete;

    const JudgeInfo& info() const;

    /// Judges `clips` (uint8 [T,H,W,3] each, all of one shape) asked for `labels` (one per
    /// clip, -1 unconditional). Throws vd::Error(Usage) for mismatched sizes or < 2 clips.
    JudgeReport judge(const std::vector<FrameStack>& clips, const std::vector<int>& labels) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
