// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace vd {

/// How far the judge itself can be trusted: its network and its accuracy on real clips it
/// did not train on. Plain value type (torch-free, for the studio).
struct JudgeInfo {
    /// "classifier" (trained on the dataset's labels) or "rotation" (unlabelled data: trained
    /// to tell which way a frame was rotated, RotNet, Gidaris et al. 2018).
    std::string features;
    std::vector<std::string> labels; ///< class names (empty for "rotation")
    int trainClips = 0;
    int heldOutClips = 0;
    int heldOutWindows = 0;
    /// Accuracy of its own task on the held-out windows, in [0,1].
    double heldOutAccuracy = 0;
    int trainSteps = 0;
    int realClips = 0;   ///< real clips in the reference set of the figures below
    bool retrained = false; ///< trained in this call (else loaded from its cache)
    std::string path;       ///< the cached model file
    std::string fingerprint;
};

/// The figures of one class of generated clips.
struct JudgeClassFigures {
    std::string label;
    int samples = 0;
    double accuracy = 0; ///< share judged as this class, in [0,1]
    /// Share judged as this class *and* on the real manifold of this class (see JudgeReport).
    double recognisableAccuracy = -1;
    /// Share whose two halves are each judged as this class (see JudgeReport::heldAccuracy).
    double heldAccuracy = -1;
    double diversity = 0;     ///< mean pairwise feature distance of the generated clips
    double realDiversity = 0; ///< the same for as many real clips of the class
    /// Precision and recall against the real reference clips of this class, and the same for
    /// as many other real clips of the class (the floor); see JudgeReport.
    double precision = -1;
    double recall = -1;
    double realPrecision = -1;
    double realRecall = -1;
};

/// What the judge says of a set of generated clips. Ratios are generated / real; a figure that
/// could not be measured is -1.
struct JudgeReport {
    JudgeInfo judge;
    int samples = 0;
    double classAccuracy = -1; ///< overall share of clips judged as their requested class
    /// Overall share of clips judged as their requested class *and* lying on the real manifold
    /// of that class (within the k-NN radius of a real reference clip of it): a clip must look
    /// like some real clip of the class, not merely be given that class by the classifier.
    double recognisableAccuracy = -1;
    /// Share of clips whose first half (frames [0, T/2)) and second half are *each* judged as
    /// the requested class: the object stays what was asked for through the clip instead of
    /// turning into another shape half-way. realHeldAccuracy is the same for the floor's real
    /// clips (the judge's own error on half-clips).
    double heldAccuracy = -1;
    double realHeldAccuracy = -1;
    std::vector<JudgeClassFigures> classes;
    /// Improved precision and recall (Kynkäänniemi et al. 2019) in the judge's feature space,
    /// k = 3, the largest 10% of balls pruned (judge/FeatureStats.h): precision is the share of
    /// generated clips on the manifold of the real reference clips (of the classes asked for),
    /// recall the share of those real clips on the manifold of the generated ones. realPrecision
    /// and realRecall (the floor) are the same for as many other real clips against the same
    /// reference: what a perfect generator would score.
    double precision = -1;
    double recall = -1;
    double realPrecision = -1;
    double realRecall = -1;
    /// Fréchet distance in the judge's feature space between the generated clips and the real
    /// reference set, and (the floor) between as many other real clips and the same reference.
    double frechet = -1;
    double frechetFloor = -1;
    /// Mean frame-to-frame change and flicker index (core/inspect TemporalStats, [0,1] pixel
    /// units) of the generated clips and of the real ones.
    double meanChange = -1;
    double realMeanChange = -1;
    double meanChangeRatio = -1;
    double flicker = -1;
    double realFlicker = -1;
    double flickerRatio = -1;
    /// Mean distance in the judge's feature space between the first and the second half of a
    /// clip, for the generated clips and for the floor's real clips. A real clip's object moves
    /// but keeps its shape and colour; a ratio well above 1 says generated objects change what
    /// they are (shape, colour, a second object) within the clip.
    double drift = -1;
    double realDrift = -1;
    double driftRatio = -1;
    /// Mean pairwise feature distance within a class, averaged over classes.
    double diversity = -1;
    double realDiversity = -1;
    double diversityRatio = -1;
};

void to_json(nlohmann::json& j, const JudgeInfo& info);
void to_json(nlohmann::json& j, const JudgeClassFigures& figures);
void to_json(nlohmann::json& j, const JudgeReport& report);

/// The figures as metrics.jsonl keys (judge_acc, judge_recognisable_acc, judge_held_acc,
/// judge_held_acc_floor, judge_drift_ratio, judge_precision,
/// judge_recall, judge_precision_floor, judge_recall_floor, judge_fd, judge_fd_floor,
/// judge_change_ratio, judge_flicker_ratio, judge_diversity_ratio, and judge_acc_<class> per
/// class); figures that were not measured are left out.
std::map<std::string, double> judgeMetrics(const JudgeReport& report);

/// A few lines for a terminal: the judge's reliability first, then the figures.
std::string formatJudgeReport(const JudgeReport& report);

} // namespace vd
