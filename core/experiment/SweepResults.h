// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experiment/SweepManifest.h"
#include "experiment/SweepPlan.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vd {

/// The results table of a sweep, one row per variant, from the files its runs left: the
/// settings that differ (one column per --set key, the values as written), "status"
/// (finished / pending), "parameters" and "flops_per_step" (ModelCost, from result.json),
/// "train_time_s" (the Trainer's training time over all sessions, the last `time_s` of
/// metrics.jsonl), "steps" (the last logged step), "final_loss" (the last logged loss) and
/// "best_loss" (the lowest logged loss), then for VAE sweeps "psnr_db", "ssim", "blob_score"
/// and "blob_verdict" (held-out clips, eval-vae's figures) and for diffusion sweeps
/// "class_accuracy", "recognisable_accuracy", "frechet" and "frechet_floor" (eval-samples'
/// figures), and "heldout_loss" (VAE: the mean squared reconstruction error of the held-out
/// clips; diffusion: evaluateDiffusionHeldOutLoss). A scaling study adds "base_channels"
/// (model) or "train_share" and "train_clips" (data), "match" and "train_flops"
/// (flops_per_step x steps), and its JSON a "scaling" object (ScalingStudy). A figure that is
/// missing (a variant not finished, an evaluation skipped) is null in JSON and empty in CSV.
///
/// Threads: a plain value type; no torch work.
class SweepResults {
public:
    static constexpr const char* kCsvFile = "results.csv";
    static constexpr const char* kJsonFile = "results.json";

    /// Reads every variant's metrics.jsonl and result.json (missing files leave figures out).
    static SweepResults collect(const SweepPlan& plan, const SweepManifest& manifest,
                                const std::string& match = "steps");

    const std::vector<std::string>& columns() const { return m_columns; }
    /// Rows in the plan's variant order, each an object with the columns as keys.
    const std::vector<nlohmann::ordered_json>& rows() const { return m_rows; }

    /// Adds (or replaces) a top-level object of the JSON, after "rows" (a scaling study's
    /// "scaling").
    void setExtra(const std::string& key, nlohmann::ordered_json value);

    /// {"sweep", "stage", "columns", "rows"} and the extras.
    nlohmann::ordered_json toJson() const;
    /// A header line and one line per variant (RFC 4180 quoting where needed).
    std::string toCsv() const;
    /// An aligned text table for a terminal.
    std::string toText() const;
    /// Writes results.csv and results.json into `dir` atomically; throws vd::Error(Runtime,
    /// WriteFailed) naming the file.
    void write(const std::string& dir) const;

private:
    std::string m_name;
    std::string m_stage;
    std::vector<std::string> m_columns;
    std::vector<nlohmann::ordered_json> m_rows;
    nlohmann::ordered_json m_extra = nlohmann::ordered_json::object();
};

} // namespace vd
