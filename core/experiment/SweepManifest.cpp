// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/SweepManifest.h"

#include "util/DurableFile.h"
#include "util/Error.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace vd {

namespace {

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// The part of a manifest that says which sweep it is (not how far it got).
nlohmann::json identity(const nlohmann::json& j)
{
    nlohmann::json out = {{"stage", j.value("stage", "")},
                          {"steps", j.value("steps", int64_t(0))},
                          {"minutes", j.value("minutes", 0.0)},
                          {"match", j.value("match", "steps")},
                          {"axes", j.value("axes", nlohmann::json::array())}};
    return out;
}

} // namespace

SweepManifest SweepManifest::openFor(const SweepPlan& plan, const SweepRunSettings& settings)
{
    SweepManifest m;
    m.m_dir = plan.dir();
    nlohmann::json axes = nlohmann::json::array();
    for (const SweepAxis& axis : plan.axes()) {
        axes.push_back({{"key", axis.key}, {"values", axis.texts}});
    }
    nlohmann::json variants = nlohmann::json::array();
    for (const SweepVariant& v : plan.variants()) {
        nlohmann::json s = nlohmann::json::object();
        for (const auto& [key, value] : v.settings) {
            s[key] = value;
        }
        variants.push_back(
            {{"name", v.name}, {"settings", s}, {"status", "pending"}, {"sessions", 0}});
    }
    m.m_json = {{"format", kFormat},       {"version", 1},
                {"name", plan.name()},     {"stage", stageName(plan.stage())},
                {"steps", settings.steps}, {"minutes", settings.minutes},
                {"match", settings.match}, {"axes", axes},
                {"variants", variants}};

    const std::string path = m.path();
    if (!fs::exists(path)) {
        return m;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json old;
    try {
        old = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::InputData, path + ": not a sweep manifest (" + e.what() + ")",
                    ErrorCode::CorruptHeader);
    }
    if (!old.is_object() || old.value("format", "") != kFormat) {
        throw Error(ErrorKind::InputData, path + ": not a sweep manifest",
                    ErrorCode::CorruptHeader);
    }
    if (identity(old) != identity(m.m_json)) {
        throw Error(ErrorKind::Usage,
                    path + " holds another sweep (" + identity(old).dump() +
                        "); run it with the same arguments or give another --name",
                    ErrorCode::InvalidValue);
    }
    for (const nlohmann::json& v : old.value("variants", nlohmann::json::array())) {
        if (!v.is_object() || !v.contains("name") || !v["name"].is_string()) {
            continue;
        }
        for (nlohmann::json& mine : m.m_json["variants"]) {
            if (mine["name"] == v["name"]) {
                for (const char* key : {"status", "sessions", "finished_at"}) {
                    if (v.contains(key)) {
                        mine[key] = v[key];
                    }
                }
            }
        }
    }
    return m;
}

std::string SweepManifest::path() const
{
    return (fs::path(m_dir) / kFile).string();
}

nlohmann::json& SweepManifest::variant(const std::string& name)
{
    for (nlohmann::json& v : m_json["variants"]) {
        if (v["name"] == name) {
            return v;
        }
    }
    throw Error(ErrorKind::Usage, "sweep: no variant " + name, ErrorCode::InvalidValue);
}

bool SweepManifest::finished(const std::string& name) const
{
    for (const nlohmann::json& v : m_json["variants"]) {
        if (v["name"] == name) {
            return v.value("status", "") == "finished";
        }
    }
    return false;
}

void SweepManifest::markStarted(const std::string& name)
{
    nlohmann::json& v = variant(name);
    v["sessions"] = v.value("sessions", 0) + 1;
}

void SweepManifest::markFinished(const std::string& name)
{
    nlohmann::json& v = variant(name);
    v["status"] = "finished";
    v["finished_at"] = utcNow();
}

void SweepManifest::save() const
{
    fs::create_directories(m_dir);
    writeFileAtomically(path(), m_json.dump(2) + '\n');
}

} // namespace vd
