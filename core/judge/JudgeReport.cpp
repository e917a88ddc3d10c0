// SPDX-License-Identifier: GPL-3.0-or-later
#include "judge/JudgeReport.h"
#include "train/MetricNames.h"

#include <nlohmann/json.hpp>

#include <cstdarg>
#include <cstdio>

namespace vd {

void to_json(nlohmann::json& j, const JudgeInfo& i)
{
    j = nlohmann::json{{"features", i.features},
                       {"labels", i.labels},
                       {"train_clips", i.trainClips},
                       {"held_out_clips", i.heldOutClips},
                       {"held_out_windows", i.heldOutWindows},
                       {"held_out_accuracy", i.heldOutAccuracy},
                       {"train_steps", i.trainSteps},
                       {"real_clips", i.realClips},
                       {"retrained", i.retrained},
                       {"path", i.path},
                       {"fingerprint", i.fingerprint}};
}

void to_json(nlohmann::json& j, const JudgeClassFigures& f)
{
    j = nlohmann::json{{"label", f.label},
                       {"samples", f.samples},
                       {"accuracy", f.accuracy},
                       {"recognisable_accuracy", f.recognisableAccuracy},
                       {"held_accuracy", f.heldAccuracy},
                       {"precision", f.precision},
                       {"recall", f.recall},
                       {"real_precision", f.realPrecision},
                       {"real_recall", f.realRecall},
                       {"diversity", f.diversity},
                       {"real_diversity", f.realDiversity}};
}

void to_json(nlohmann::json& j, const JudgeReport& r)
{
    j = nlohmann::json{{"judge", r.judge},
                       {"samples", r.samples},
                       {"class_accuracy", r.classAccuracy},
                       {"recognisable_accuracy", r.recognisableAccuracy},
                       {"held_accuracy", r.heldAccuracy},
                       {"real_held_accuracy", r.realHeldAccuracy},
                       {"classes", r.classes},
                       {"precision", r.precision},
                       {"recall", r.recall},
                       {"real_precision", r.realPrecision},
                       {"real_recall", r.realRecall},
                       {"frechet", r.frechet},
                       {"frechet_floor", r.frechetFloor},
                       {"mean_change", r.meanChange},
                       {"real_mean_change", r.realMeanChange},
                       {"mean_change_ratio", r.meanChangeRatio},
                       {"flicker", r.flicker},
                       {"real_flicker", r.realFlicker},
                       {"flicker_ratio", r.flickerRatio},
                       {"drift", r.drift},
                       {"real_drift", r.realDrift},
                       {"drift_ratio", r.driftRatio},
                       {"diversity", r.diversity},
                       {"real_diversity", r.realDiversity},
                       {"diversity_ratio", r.diversityRatio}};
}

std::map<std::string, double> judgeMetrics(const JudgeReport& r)
{
    std::map<std::string, double> m;
    auto put = [&](const char* key, double v) {
        if (v >= 0) {
            m[key] = v;
        }
    };
    put(metric::kJudgeAcc, r.classAccuracy);
    put(metric::kJudgeRecognisableAcc, r.recognisableAccuracy);
    put(metric::kJudgeHeldAcc, r.heldAccuracy);
    put(metric::kJudgeHeldAccFloor, r.realHeldAccuracy);
    put(metric::kJudgeDriftRatio, r.driftRatio);
    put(metric::kJudgePrecision, r.precision);
    put(metric::kJudgeRecall, r.recall);
    put(metric::kJudgePrecisionFloor, r.realPrecision);
    put(metric::kJudgeRecallFloor, r.realRecall);
    put(metric::kJudgeFd, r.frechet);
    put(metric::kJudgeFdFloor, r.frechetFloor);
    put(metric::kJudgeChangeRatio, r.meanChangeRatio);
    put(metric::kJudgeFlickerRatio, r.flickerRatio);
    put(metric::kJudgeDiversityRatio, r.diversityRatio);
    if (r.classAccuracy >= 0) {
        for (const JudgeClassFigures& c : r.classes) {
            m[metric::kJudgeAccClassPrefix + c.label] = c.accuracy;
        }
    }
    return m;
}

namespace {

std::string line(const char* format, ...) __attribute__((format(printf, 1, 2)));

std::string line(const char* format, ...)
{
    char text[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof text, format, args);
    va_end(args);
    return std::string(text) + "\n";
}

/// A share as "12.5%", or "-" when the judge could not measure it (negative): held on clips of
/// one frame, recognisable with too few real clips of a class.
std::string percentOrDash(double share)
{
    if (share < 0) {
        return "-";
    }
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", 100.0 * share);
    return text;
}

} // namespace

std::string formatJudgeReport(const JudgeReport& r)
{
    const JudgeInfo& j = r.judge;
    std::string out;
    if (j.features == "classifier") {
        out += line("judge: classifier of %zu classes, %.1f%% right on %d held-out windows "
                    "(%d clips)%s",
                    j.labels.size(), 100.0 * j.heldOutAccuracy, j.heldOutWindows,
                    j.heldOutClips, j.retrained ? ", trained now" : "");
    } else {
        out += line("judge: unlabelled data; rotation features, %.1f%% right on %d held-out "
                    "windows (%d clips)%s",
                    100.0 * j.heldOutAccuracy, j.heldOutWindows, j.heldOutClips,
                    j.retrained ? ", trained now" : "");
    }
    out += line("samples: %d generated clips against %d real clips", r.samples, j.realClips);
    if (r.classAccuracy >= 0) {
        out += line("class accuracy   %6.1f%%", 100.0 * r.classAccuracy);
        if (r.recognisableAccuracy >= 0) {
            out += line("recognisable     %6.1f%%   judged the class asked for and on the real "
                        "manifold of that class",
                        100.0 * r.recognisableAccuracy);
        }
        if (r.heldAccuracy >= 0) {
            out += line("held             %6.1f%%   both halves of the clip judged the class "
                        "asked for; real %.1f%% (the floor)",
                        100.0 * r.heldAccuracy, 100.0 * r.realHeldAccuracy);
        }
        out += line("  %-14s %8s %13s %7s %10s %7s   %-18s %6s", "", "accuracy", "recognisable",
                    "held", "precision", "recall", "floor: prec. rec.", "clips");
        for (const JudgeClassFigures& c : r.classes) {
            out += line("  %-14s %7.1f%% %13s %7s %10.2f %7.2f   %11.2f %5.2f %7d", c.label.c_str(),
                        100.0 * c.accuracy, percentOrDash(c.recognisableAccuracy).c_str(),
                        percentOrDash(c.heldAccuracy).c_str(), c.precision, c.recall,
                        c.realPrecision, c.realRecall, c.samples);
        }
    }
    out += line("precision        %8.3f   real vs real %.3f (the floor)", r.precision,
                r.realPrecision);
    out += line("recall           %8.3f   real vs real %.3f (the floor)", r.recall, r.realRecall);
    out += line("Frechet distance %8.3f   real vs real %.3f (the floor)", r.frechet,
                r.frechetFloor);
    out += line("mean change      %8.4f   real %.4f   ratio %.2f", r.meanChange, r.realMeanChange,
                r.meanChangeRatio);
    out += line("flicker index    %8.4f   real %.4f   ratio %.2f", r.flicker, r.realFlicker,
                r.flickerRatio);
    if (r.drift >= 0) {
        out += line("drift            %8.3f   real %.3f   ratio %.2f   (first half vs second)",
                    r.drift, r.realDrift, r.driftRatio);
    }
    out += line("diversity        %8.3f   real %.3f   ratio %.2f", r.diversity, r.realDiversity,
                r.diversityRatio);
    return out;
}

} // namespace vd
