// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/SweepResults.h"

#include "experiment/SweepVariantRun.h"
#include "train/MetricsLog.h"
#include "util/DurableFile.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace vd {

namespace {

nlohmann::json readJsonFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return nullptr;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

/// A cell as text: strings as they are, numbers in 6 significant digits, null empty.
std::string cellText(const nlohmann::ordered_json& v)
{
    if (v.is_null()) {
        return "";
    }
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_number_float()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", v.get<double>());
        return buf;
    }
    return v.dump();
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

} // namespace

SweepResults SweepResults::collect(const SweepPlan& plan, const SweepManifest& manifest,
                                   const std::string& match)
{
    SweepResults r;
    r.m_name = plan.name();
    r.m_stage = stageName(plan.stage());
    r.m_columns.push_back("variant");
    for (const SweepAxis& axis : plan.axes()) {
        r.m_columns.push_back(axis.key);
    }
    const std::vector<std::string> evalColumns =
        plan.stage() == Stage::VAE
            ? std::vector<std::string>{"psnr_db", "ssim", "heldout_loss", "blob_score",
                                       "blob_verdict"}
            : std::vector<std::string>{"class_accuracy", "recognisable_accuracy", "frechet",
                                       "frechet_floor", "heldout_loss"};
    const SweepAxis* scale = plan.scaleAxis();
    if (scale) {
        if (scale->scale == "model") {
            r.m_columns.push_back("base_channels");
        } else {
            r.m_columns.push_back("train_share");
            r.m_columns.push_back("train_clips");
        }
        r.m_columns.push_back("match");
    }
    for (const char* c : {"status", "parameters", "flops_per_step", "train_time_s", "steps",
                          "final_loss", "best_loss"}) {
        r.m_columns.push_back(c);
    }
    if (scale) {
        r.m_columns.push_back("train_flops");
    }
    r.m_columns.insert(r.m_columns.end(), evalColumns.begin(), evalColumns.end());

    for (const SweepVariant& v : plan.variants()) {
        const fs::path dir = plan.variantDir(v);
        nlohmann::ordered_json row;
        for (const std::string& c : r.m_columns) {
            row[c] = nullptr;
        }
        row["variant"] = v.name;
        for (size_t a = 0; a < plan.axes().size(); ++a) {
            row[plan.axes()[a].key] = v.texts[a];
        }
        row["status"] = manifest.finished(v.name) ? "finished" : "pending";
        if (scale) {
            if (scale->scale == "model") {
                row["base_channels"] = plan.stage() == Stage::VAE
                                           ? v.project.vae.model.baseChannels
                                           : v.project.diffusion.model.baseChannels;
            } else {
                row["train_share"] = v.dataShare;
            }
            row["match"] = match;
        }

        const MetricsContents metrics = MetricsLog::readAll((dir / "metrics.jsonl").string());
        double best = 0.0;
        bool any = false;
        for (const nlohmann::json& e : metrics.entries) {
            row["steps"] = e["step"];
            if (e.contains("time_s") && e["time_s"].is_number()) {
                row["train_time_s"] = e["time_s"].get<double>();
            }
            if (e.contains("loss") && e["loss"].is_number()) {
                const double loss = e["loss"].get<double>();
                row["final_loss"] = loss;
                best = any ? std::min(best, loss) : loss;
                any = true;
            }
        }
        if (any) {
            row["best_loss"] = best;
        }
        const nlohmann::json result = readJsonFile((dir / SweepVariantRun::kResultFile).string());
        if (result.is_object()) {
            for (const char* c : {"parameters", "flops_per_step", "train_clips"}) {
                if (result.contains(c) && row.contains(c)) {
                    row[c] = result[c];
                }
            }
            if (scale && row["flops_per_step"].is_number() && row["steps"].is_number()) {
                row["train_flops"] =
                    row["flops_per_step"].get<double>() * row["steps"].get<double>();
            }
            const nlohmann::json eval = result.value("eval", nlohmann::json::object());
            for (const std::string& c : evalColumns) {
                if (eval.contains(c)) {
                    row[c] = eval[c];
                }
            }
        }
        r.m_rows.push_back(std::move(row));
    }
    return r;
}

nlohmann::ordered_json SweepResults::toJson() const
{
    nlohmann::ordered_json j;
    j["sweep"] = m_name;
    j["stage"] = m_stage;
    j["columns"] = m_columns;
    j["rows"] = m_rows;
    for (const auto& [key, value] : m_extra.items()) {
        j[key] = value;
    }
    return j;
}

void SweepResults::setExtra(const std::string& key, nlohmann::ordered_json value)
{
    m_extra[key] = std::move(value);
}

std::string SweepResults::toCsv() const
{
    std::string out;
    for (size_t c = 0; c < m_columns.size(); ++c) {
        out += (c ? "," : "") + csvField(m_columns[c]);
    }
    out += '\n';
    for (const nlohmann::ordered_json& row : m_rows) {
        for (size_t c = 0; c < m_columns.size(); ++c) {
            out += (c ? "," : "") + csvField(cellText(row[m_columns[c]]));
        }
        out += '\n';
    }
    return out;
}

std::string SweepResults::toText() const
{
    std::vector<size_t> width(m_columns.size());
    for (size_t c = 0; c < m_columns.size(); ++c) {
        width[c] = m_columns[c].size();
        for (const nlohmann::ordered_json& row : m_rows) {
            width[c] = std::max(width[c], cellText(row[m_columns[c]]).size());
        }
    }
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (size_t c = 0; c < cells.size(); ++c) {
            std::string cell = cells[c].empty() ? "-" : cells[c];
            cell.resize(std::max(width[c], cell.size()), ' ');
            out += (c ? "  " : "") + cell;
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        return out + '\n';
    };
    std::string out = line(m_columns);
    for (const nlohmann::ordered_json& row : m_rows) {
        std::vector<std::string> cells;
        for (const std::string& c : m_columns) {
            cells.push_back(cellText(row[c]));
        }
        out += line(cells);
    }
    return out;
}

void SweepResults::write(const std::string& dir) const
{
    fs::create_directories(dir);
    writeFileAtomically((fs::path(dir) / kCsvFile).string(), toCsv());
    writeFileAtomically((fs::path(dir) / kJsonFile).string(), toJson().dump(2) + '\n');
}

} // namespace vd
