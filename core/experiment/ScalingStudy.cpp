// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/ScalingStudy.h"

#include "experiment/ModelCost.h"
#include "report/LossPlot.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vd {

namespace {

std::string number(double v, const char* format = "%.4g")
{
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string xName(const std::string& column)
{
    return column == "train_clips" ? "training clips" : column;
}

std::string yName(const std::string& column)
{
    return column == "heldout_loss" ? "held-out loss"
           : column == "final_loss" ? "final training loss"
                                    : column;
}

} // namespace

const char* scaleMatchName(ScaleMatch match)
{
    return match == ScaleMatch::Compute ? "compute" : "steps";
}

ScaleMatch parseScaleMatch(const std::string& text)
{
    if (text == "steps") {
        return ScaleMatch::Steps;
    }
    if (text == "compute") {
        return ScaleMatch::Compute;
    }
    throw Error(ErrorKind::Usage, "--match '" + text + "': expected steps or compute",
                ErrorCode::InvalidValue);
}

std::vector<int64_t> matchedSteps(const SweepPlan& plan, ScaleMatch match, int64_t referenceSteps)
{
    const std::vector<SweepVariant>& variants = plan.variants();
    std::vector<int64_t> steps(variants.size(), referenceSteps);
    const SweepAxis* scale = plan.scaleAxis();
    if (match == ScaleMatch::Steps || !scale || scale->scale != "model" || variants.empty()) {
        return steps;
    }
    size_t reference = 0;
    for (size_t i = 1; i < variants.size(); ++i) {
        if (std::fabs(std::log(variants[i].modelScale)) <
            std::fabs(std::log(variants[reference].modelScale))) {
            reference = i;
        }
    }
    std::vector<double> flops;
    for (const SweepVariant& v : variants) {
        flops.push_back(measureModelCost(v.project, plan.stage()).flopsPerStep);
    }
    for (size_t i = 0; i < variants.size(); ++i) {
        const double s = static_cast<double>(referenceSteps) * flops[reference] / flops[i];
        steps[i] = std::max<int64_t>(1, std::llround(s));
    }
    return steps;
}

ScalingStudy ScalingStudy::analyse(const SweepPlan& plan, const SweepResults& results,
                                   ScaleMatch match)
{
    ScalingStudy s;
    const SweepAxis* scale = plan.scaleAxis();
    s.axis = scale ? scale->scale : "";
    s.match = scaleMatchName(match);
    s.xColumn = s.axis == "data" ? "train_clips" : "parameters";
    s.yColumn = "heldout_loss";
    const auto has = [](const nlohmann::ordered_json& row, const std::string& c) {
        return row.contains(c) && row[c].is_number();
    };
    bool allHeldOut = !results.rows().empty();
    for (const nlohmann::ordered_json& row : results.rows()) {
        allHeldOut = allHeldOut && (has(row, s.yColumn) || !has(row, "final_loss"));
    }
    if (!allHeldOut) {
        // No held-out loss for these runs (diffusion, or --no-eval): say which loss it is.
        s.yColumn = "final_loss";
        s.note = "no held-out loss for these variants: y is the last logged training loss "
                 "(one step, noisy)";
    }
    for (const nlohmann::ordered_json& row : results.rows()) {
        if (has(row, s.xColumn) && has(row, s.yColumn) && row.value("status", "") == "finished") {
            s.variants.push_back(row.value("variant", ""));
            s.x.push_back(row[s.xColumn].get<double>());
            s.y.push_back(row[s.yColumn].get<double>());
        }
    }
    s.fit = fitPowerLaw(s.x, s.y);
    if (!s.fit) {
        const std::string why =
            s.x.size() < 3 ? "fewer than 3 finished variants (" + std::to_string(s.x.size()) +
                                 "): no power law fitted"
                           : "the variants share one " + xName(s.xColumn) + ": no power law fitted";
        s.note = s.note.empty() ? why : s.note + "; " + why;
    }
    return s;
}

nlohmann::ordered_json ScalingStudy::toJson() const
{
    nlohmann::ordered_json j;
    j["axis"] = axis;
    j["match"] = match;
    j["x"] = xColumn;
    j["y"] = yColumn;
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    for (size_t i = 0; i < x.size(); ++i) {
        points.push_back({{"variant", variants[i]}, {"x", x[i]}, {"y", y[i]}});
    }
    j["points"] = points;
    if (fit) {
        j["fit"] = {{"a", fit->a},
                    {"b", fit->b},
                    {"b_stderr", fit->bStderr},
                    {"log_a_stderr", fit->logAStderr},
                    {"r2", fit->r2},
                    {"points", fit->points}};
    } else {
        j["fit"] = nullptr;
    }
    j["note"] = note.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(note);
    j["plot"] = kPlotFile;
    return j;
}

std::string ScalingStudy::summary() const
{
    const std::string matched = match == "compute" ? "compute-matched" : "step-matched";
    std::string out;
    if (fit) {
        out = "power law: " + yName(yColumn) + " = " + number(fit->a) + " x " + xName(xColumn) +
              "^" + number(-fit->b, "%.3f") + "; b = " + number(fit->b, "%.3f") + " +- " +
              number(fit->bStderr, "%.3f") + " (standard error), R^2 " + number(fit->r2, "%.3f") +
              ", " + std::to_string(fit->points) + " points, " + matched + "\n";
    }
    if (!note.empty()) {
        out += "scaling: " + note + "\n";
    }
    return out;
}

void ScalingStudy::writePlot(const std::string& path, const std::string& title, int width,
                             int height) const
{
    std::vector<PlotSeries> series;
    PlotSeries measured;
    measured.name =
        "variants (" + std::string(match == "compute" ? "compute" : "step") + "-matched)";
    measured.x = x;
    measured.y = y;
    measured.points = true;
    series.push_back(measured);
    if (fit) {
        PlotSeries line;
        line.name = "fit: " + number(fit->a) + " x^" + number(-fit->b, "%.3f") + ", b +- " +
                    number(fit->bStderr, "%.3f");
        const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
        constexpr int kSamples = 32;
        for (int i = 0; i <= kSamples; ++i) {
            const double t = static_cast<double>(i) / kSamples;
            const double v = std::exp(std::log(*lo) + t * (std::log(*hi) - std::log(*lo)));
            line.x.push_back(v);
            line.y.push_back(fit->at(v));
        }
        series.push_back(line);
    } else {
        PlotSeries none;
        none.name = x.size() < 3 ? "no fit: fewer than 3 points" : "no fit";
        series.push_back(none);
    }
    PlotOptions o;
    o.width = width;
    o.height = height;
    o.title = title;
    o.xLabel = xName(xColumn) + " (log)";
    o.logX = true;
    o.logY = true;
    o.smoothing = 0.0;
    renderLossPlot(series, o).savePng(path);
}

} // namespace vd
