// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/SweepPlan.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

namespace fs = std::filesystem;

namespace vd {

namespace {

[[noreturn]] void usage(const std::string& message)
{
    throw Error(ErrorKind::Usage, message, ErrorCode::InvalidValue);
}

std::vector<std::string> splitTopLevel(const std::string& text)
{
    std::vector<std::string> out;
    std::string item;
    int depth = 0;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '\\' && i + 1 < text.size()) { // an escaped character, quote included
                item += c;
                item += text[++i];
                continue;
            }
            quoted = c != '"';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        } else if (c == ',' && depth == 0) {
            out.push_back(item);
            item.clear();
            continue;
        }
        item += c;
    }
    out.push_back(item);
    return out;
}

std::vector<std::string> keyParts(const std::string& key)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t dot = key.find('.', start);
        parts.push_back(key.substr(start, dot - start));
        if (dot == std::string::npos) {
            return parts;
        }
        start = dot + 1;
    }
}

std::string sanitize(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-' ||
                           c == '=';
        out += plain ? c : '_';
    }
    return out;
}

/// The groups of settings a sweep of `stage` may vary.
const std::vector<std::string>& stagePrefixes(Stage stage)
{
    static const std::vector<std::string> vae = {"vae.", "dataset.", "inspect."};
    static const std::vector<std::string> diffusion = {"diffusion.", "sampling."};
    return stage == Stage::VAE ? vae : diffusion;
}

/// `value` set at the dotted `key` of `j`; throws naming KEY=TEXT when a part of the key is a
/// setting, not a group of them.
void setKey(nlohmann::json& j, const std::string& key, const nlohmann::json& value,
            const std::string& text)
{
    nlohmann::json* at = &j;
    const std::vector<std::string> parts = keyParts(key);
    for (size_t i = 0; i < parts.size(); ++i) {
        if (!at->is_object()) {
            throw Error(ErrorKind::Config,
                        "--set " + key + "=" + text + ": " + parts[i - 1] +
                            " is a setting, not a group of settings",
                        ErrorCode::InvalidValue);
        }
        at = &(*at)[parts[i]];
    }
    *at = value;
}

std::string relativePath(const fs::path& target, const fs::path& from)
{
    // Both absolute first: weakly_canonical leaves a relative path whose folders do not exist
    // yet relative, and nothing is relative to it.
    const fs::path r = fs::relative(fs::absolute(target), fs::absolute(from));
    return r.empty() ? target.string() : r.string();
}

} // namespace

SweepAxis SweepAxis::parse(const std::string& spec)
{
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
        usage("--set '" + spec + "': expected KEY=V1,V2,... (e.g. vae.loss.kl_weight=1e-6,1e-4)");
    }
    SweepAxis axis;
    axis.key = spec.substr(0, eq);
    for (const std::string& part : keyParts(axis.key)) {
        if (part.empty()) {
            usage("--set '" + spec + "': '" + axis.key + "' is not a dotted key");
        }
    }
    std::set<std::string> seen;
    for (const std::string& text : splitTopLevel(spec.substr(eq + 1))) {
        if (text.empty()) {
            usage("--set '" + spec + "': an empty value");
        }
        if (!seen.insert(text).second) {
            usage("--set '" + spec + "': the value " + text + " is given twice");
        }
        axis.texts.push_back(text);
        nlohmann::json value;
        try {
            value = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception&) {
            value = text; // a word such as a sampler or norm name
        }
        axis.values.push_back(std::move(value));
    }
    return axis;
}

SweepAxis SweepAxis::parseScale(const std::string& spec)
{
    const size_t eq = spec.find('=');
    const std::string kind = eq == std::string::npos ? spec : spec.substr(0, eq);
    if (kind != "model" && kind != "data") {
        usage("--scale '" + spec +
              "': expected model=F1,F2,... (width multipliers) or data=S1,S2,... (shares of the "
              "training clips)");
    }
    if (eq == std::string::npos) {
        usage("--scale '" + spec + "': expected " + kind + "=V1,V2,...");
    }
    SweepAxis axis;
    axis.key = "scale." + kind;
    axis.scale = kind;
    std::set<double> seen;
    for (const std::string& text : splitTopLevel(spec.substr(eq + 1))) {
        double value = 0.0;
        size_t used = 0;
        try {
            value = std::stod(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        const bool number = !text.empty() && used == text.size() && std::isfinite(value);
        if (kind == "model" && !(number && value > 0.0 && value <= 1024.0)) {
            usage("--scale " + spec + ": '" + text +
                  "' is not a width multiplier (a number above 0, at most 1024)");
        }
        if (kind == "data" && !(number && value > 0.0 && value <= 1.0)) {
            usage("--scale " + spec + ": '" + text +
                  "' is not a share of the training clips (a number above 0, at most 1)");
        }
        if (!seen.insert(value).second) {
            usage("--scale " + spec + ": the value " + text + " is given twice");
        }
        axis.texts.push_back(text);
        axis.values.emplace_back(value);
    }
    return axis;
}

int scaledWidth(int baseChannels, double factor, int unit)
{
    unit = std::max(1, unit);
    const long long units = std::llround(baseChannels * factor / unit);
    return static_cast<int>(std::max<long long>(1, units)) * unit;
}

std::string SweepPlan::defaultName(Stage stage, const std::vector<SweepAxis>& axes)
{
    std::string name = stageName(stage);
    for (const SweepAxis& axis : axes) {
        name += "-" + keyParts(axis.key).back();
    }
    return sanitize(name);
}

std::string SweepPlan::variantName(const std::vector<std::string>& keys,
                                   const std::vector<std::string>& texts)
{
    std::string name;
    for (size_t i = 0; i < keys.size(); ++i) {
        std::string shortKey = keyParts(keys[i]).back();
        for (size_t k = 0; k < keys.size(); ++k) {
            if (k != i && keyParts(keys[k]).back() == shortKey) {
                shortKey = keys[i]; // ambiguous: the whole key
            }
        }
        name += (i ? "__" : "") + shortKey + "=" + texts[i];
    }
    return sanitize(name);
}

SweepPlan::SweepPlan(const Project& project, Stage stage, std::vector<SweepAxis> axes,
                     std::string name)
    : m_stage(stage), m_axes(std::move(axes))
{
    if (m_axes.empty()) {
        usage("sweep: give at least one --set KEY=V1,V2");
    }
    std::set<std::string> keys;
    const SweepAxis* scale = nullptr;
    for (const SweepAxis& axis : m_axes) {
        if (!axis.scale.empty()) {
            if (scale) {
                usage("--scale " + axis.scale + ": a scaling study scales one thing (--scale " +
                      scale->scale + " is given too)");
            }
            scale = &axis;
        }
    }
    for (const SweepAxis& axis : m_axes) {
        if (!keys.insert(axis.key).second) {
            usage("--set " + axis.key + ": the key is given twice");
        }
        if (!axis.scale.empty()) {
            continue;
        }
        if (scale && axis.values.size() > 1) {
            usage("--set " + axis.key + ": with --scale " + scale->scale +
                  " a --set key takes one value (a scaling study varies one thing)");
        }
        bool allowed = false;
        std::string groups;
        for (const std::string& prefix : stagePrefixes(stage)) {
            allowed = allowed || axis.key.rfind(prefix, 0) == 0;
            groups += (groups.empty() ? "" : ", ") + prefix + "*";
        }
        if (!allowed) {
            usage("--set " + axis.key + ": a " + std::string(stageName(stage)) + " sweep varies " +
                  groups + " settings");
        }
    }
    m_name = name.empty() ? defaultName(stage, m_axes) : name;
    if (m_name != sanitize(m_name) || m_name == "." || m_name == "..") {
        usage("--name '" + m_name + "': use letters, digits and ._+-= only");
    }
    const fs::path projectDir = fs::path(project.baseDir());
    m_dir = (projectDir / project.runsDir / "sweeps" / m_name).lexically_normal().string();

    const nlohmann::json base = project;
    std::vector<size_t> index(m_axes.size(), 0);
    std::set<std::string> names;
    std::map<int, std::string> widths; // model scaling: width -> the factor that gave it
    while (true) {
        SweepVariant v;
        std::vector<std::string> axisKeys;
        nlohmann::json j = base;
        for (size_t a = 0; a < m_axes.size(); ++a) {
            const SweepAxis& axis = m_axes[a];
            axisKeys.push_back(axis.key);
            v.settings.emplace_back(axis.key, axis.values[index[a]]);
            v.texts.push_back(axis.texts[index[a]]);
            if (axis.scale.empty()) {
                setKey(j, axis.key, axis.values[index[a]], axis.texts[index[a]]);
            }
        }
        if (scale) { // after the --set values: they may change the width or its groups
            const size_t a = static_cast<size_t>(scale - m_axes.data());
            const double factor = scale->values[index[a]].get<double>();
            if (scale->scale == "data") {
                v.dataShare = factor;
            } else {
                v.modelScale = factor;
                nlohmann::json& model = j[stageName(stage)]["model"];
                const int baseWidth = model.value("base_channels", 0);
                const int groups = model.value("norm_groups", 1);
                const int unit =
                    stage == Stage::VAE
                        ? groups
                        : std::lcm(std::max(1, groups), std::max(1, model.value("heads", 1)));
                const int width = scaledWidth(baseWidth, factor, unit);
                const std::string& text = scale->texts[index[a]];
                if (const auto it = widths.find(width); it != widths.end()) {
                    usage("--scale model=" + it->second + "," + text + ": both give " +
                          stageName(stage) + ".model.base_channels " + std::to_string(width) +
                          " (widths round to a multiple of " + std::to_string(unit) +
                          "); choose factors further apart");
                }
                widths[width] = text;
                model["base_channels"] = width;
            }
        }
        try {
            v.project = projectFromJson(j);
        } catch (const Error& e) {
            std::string set;
            for (size_t a = 0; a < m_axes.size(); ++a) {
                set += (a ? " " : "") +
                       (m_axes[a].scale.empty() ? "--set " + m_axes[a].key
                                                : "--scale " + m_axes[a].scale) +
                       "=" + v.texts[a];
            }
            throw Error(e.kind(), set + ": " + e.what(), e.code());
        }
        v.name = variantName(axisKeys, v.texts);
        if (!names.insert(v.name).second) {
            usage("sweep: two variants would share the folder " + v.name +
                  "; write the values apart");
        }
        const fs::path dir = fs::path(m_dir) / v.name;
        Project& p = v.project;
        p.filePath = (dir / kProjectFile).string();
        p.dataset.root = relativePath(fs::path(project.datasetRoot()), dir);
        p.runsDir = relativePath(projectDir / project.runsDir, dir);
        (stage == Stage::VAE ? p.vaeRunDirOverride : p.diffusionRunDirOverride) = dir.string();
        m_variants.push_back(std::move(v));

        size_t a = m_axes.size(); // the next grid point, the last axis fastest
        while (a > 0) {
            --a;
            if (++index[a] < m_axes[a].values.size()) {
                break;
            }
            index[a] = 0;
            if (a == 0) {
                return;
            }
        }
    }
}

const SweepAxis* SweepPlan::scaleAxis() const
{
    for (const SweepAxis& axis : m_axes) {
        if (!axis.scale.empty()) {
            return &axis;
        }
    }
    return nullptr;
}

std::string SweepPlan::variantDir(const SweepVariant& variant) const
{
    return (fs::path(m_dir) / variant.name).string();
}

void SweepPlan::writeVariantProjects() const
{
    for (const SweepVariant& v : m_variants) {
        Project copy = v.project;
        copy.save(copy.filePath);
    }
}

Project SweepPlan::loadVariantProject(const std::string& variantDir, Stage stage)
{
    Project p = Project::load((fs::path(variantDir) / kProjectFile).string());
    (stage == Stage::VAE ? p.vaeRunDirOverride : p.diffusionRunDirOverride) = variantDir;
    return p;
}

} // namespace vd
