// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/SweepFolder.h"

#include "experiment/ScalingStudy.h"
#include "experiment/SweepManifest.h"
#include "experiment/SweepPlan.h"
#include "experiment/SweepResults.h"
#include "project/Project.h"
#include "train/PreviewArchive.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <exception>
#include <stdexcept>

namespace vd::ui {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kMetricsFile = "metrics.jsonl";

Json readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return nullptr;
    }
    const QByteArray bytes = file.readAll();
    try {
        return Json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

QString str(const Json& j, const char* key)
{
    return j.is_object() && j.contains(key) && j[key].is_string()
               ? QString::fromStdString(j[key].get<std::string>())
               : QString();
}

double num(const Json& j, const char* key)
{
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
}

QVariant cell(const Json& v)
{
    if (v.is_number()) {
        return v.get<double>();
    }
    if (v.is_string()) {
        return QString::fromStdString(v.get<std::string>());
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (v.is_null()) {
        return {};
    }
    return QString::fromStdString(v.dump());
}

/// The table part of a results object: {"columns", "rows", "scaling"}.
void readTable(const Json& results, SweepSnapshot& s)
{
    s.columns.clear();
    s.rows.clear();
    for (const Json& c : results.value("columns", Json::array())) {
        if (c.is_string()) {
            s.columns << QString::fromStdString(c.get<std::string>());
        }
    }
    for (const Json& row : results.value("rows", Json::array())) {
        if (!row.is_object()) {
            continue;
        }
        QVector<QVariant> cells;
        for (const QString& c : s.columns) {
            const std::string key = c.toStdString();
            cells << (row.contains(key) ? cell(row[key]) : QVariant());
        }
        s.rows << cells;
    }
    const Json scaling = results.value("scaling", Json());
    s.scaling = SweepScaling();
    if (scaling.is_object()) {
        SweepScaling& sc = s.scaling;
        sc.present = true;
        sc.axis = str(scaling, "axis");
        sc.match = str(scaling, "match");
        sc.xColumn = str(scaling, "x");
        sc.yColumn = str(scaling, "y");
        sc.note = str(scaling, "note");
        for (const Json& p : scaling.value("points", Json::array())) {
            if (p.is_object() && p.contains("x") && p["x"].is_number() && p.contains("y") &&
                p["y"].is_number()) {
                sc.variants << str(p, "variant");
                sc.x << p["x"].get<double>();
                sc.y << p["y"].get<double>();
            }
        }
        const Json fit = scaling.value("fit", Json());
        if (fit.is_object()) {
            sc.hasFit = true;
            sc.a = num(fit, "a");
            sc.b = num(fit, "b");
            sc.bStderr = num(fit, "b_stderr");
            sc.r2 = num(fit, "r2");
            sc.fitPoints = static_cast<int>(num(fit, "points"));
        }
    }
}

/// The table core builds now from the variants' files, as the CLI does when the sweep ends.
/// Throws what core throws (a manifest or project that no longer fits the sweep).
Json collectNow(const Json& manifest, const QString& dir, const Project& project)
{
    const std::string stageText = manifest.value("stage", "");
    const Stage stage = stageText == "diffusion" ? Stage::Diffusion : Stage::VAE;
    std::vector<SweepAxis> axes;
    for (const Json& a : manifest.value("axes", Json::array())) {
        const std::string key = a.value("key", "");
        std::string values;
        for (const Json& v : a.value("values", Json::array())) {
            values += (values.empty() ? "" : ",") + v.get<std::string>();
        }
        if (key.rfind("scale.", 0) == 0) {
            axes.push_back(SweepAxis::parseScale(key.substr(6) + "=" + values));
        } else {
            axes.push_back(SweepAxis::parse(key + "=" + values));
        }
    }
    const SweepPlan plan(project, stage, std::move(axes), manifest.value("name", ""));
    const auto cleaned = [](const QString& path) {
        return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    };
    if (cleaned(QString::fromStdString(plan.dir())) != cleaned(dir)) {
        throw std::runtime_error("the sweep is not in the project's runs folder");
    }
    SweepRunSettings settings;
    settings.steps = manifest.value("steps", int64_t(0));
    settings.minutes = manifest.value("minutes", 0.0);
    settings.match = manifest.value("match", "steps");
    const SweepManifest m = SweepManifest::openFor(plan, settings);
    SweepResults results = SweepResults::collect(plan, m, settings.match);
    if (plan.scaleAxis()) {
        const ScalingStudy study =
            ScalingStudy::analyse(plan, results, parseScaleMatch(settings.match));
        results.setExtra("scaling", study.toJson());
    }
    return results.toJson();
}

QDateTime modified(const QString& path)
{
    return QFileInfo(path).lastModified();
}

} // namespace

int SweepSnapshot::rowOf(const QString& variant) const
{
    for (int i = 0; i < variants.size(); ++i) {
        if (variants[i].name == variant) {
            return i;
        }
    }
    return -1;
}

QString SweepFolder::sweepsDir(const Project& project)
{
    return QDir(QString::fromStdString(project.baseDir()))
        .filePath(QString::fromStdString(project.runsDir) + QStringLiteral("/sweeps"));
}

QVector<SweepListEntry> SweepFolder::list(const QString& sweepsDir)
{
    QVector<SweepListEntry> out;
    const QDir root(sweepsDir);
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.filePath(name));
        const bool hasManifest = dir.exists(QString::fromLatin1(SweepManifest::kFile));
        const bool hasResults = dir.exists(QString::fromLatin1(SweepResults::kJsonFile));
        if (!hasManifest && !hasResults) {
            continue;
        }
        SweepListEntry e;
        e.name = name;
        e.dir = dir.absolutePath();
        e.hasResults = hasResults;
        const Json manifest = readJson(dir.filePath(QString::fromLatin1(SweepManifest::kFile)));
        if (manifest.is_object()) {
            e.stage = str(manifest, "stage");
            for (const Json& v : manifest.value("variants", Json::array())) {
                ++e.total;
                e.finished += str(v, "status") == QLatin1String("finished") ? 1 : 0;
            }
        } else {
            const Json results =
                readJson(dir.filePath(QString::fromLatin1(SweepResults::kJsonFile)));
            e.stage = str(results, "stage");
            for (const Json& row : results.value("rows", Json::array())) {
                ++e.total;
                e.finished += str(row, "status") == QLatin1String("finished") ? 1 : 0;
            }
        }
        out << e;
    }
    return out;
}

SweepSnapshot SweepFolder::read(const QString& dirPath, const Project& project)
{
    SweepSnapshot s;
    const QDir dir(dirPath);
    s.dir = dir.absolutePath();
    s.name = dir.dirName();
    const QString manifestPath = dir.filePath(QString::fromLatin1(SweepManifest::kFile));
    const QString resultsPath = dir.filePath(QString::fromLatin1(SweepResults::kJsonFile));
    const Json manifest = readJson(manifestPath);
    const Json results = readJson(resultsPath);
    if (!manifest.is_object() && !results.is_object()) {
        s.error = QStringLiteral("%1: no sweep.json or results.json").arg(dirPath);
        return s;
    }

    QStringList variantNames;
    if (manifest.is_object()) {
        s.stage = str(manifest, "stage");
        s.steps = static_cast<qint64>(num(manifest, "steps"));
        s.minutes = num(manifest, "minutes");
        s.match = str(manifest, "match");
        for (const Json& a : manifest.value("axes", Json::array())) {
            QStringList values;
            for (const Json& v : a.value("values", Json::array())) {
                values << (v.is_string() ? QString::fromStdString(v.get<std::string>())
                                         : QString::fromStdString(v.dump()));
            }
            s.axes << SweepRequest::Axis{str(a, "key"), values.join(QLatin1Char(','))};
        }
        for (const Json& v : manifest.value("variants", Json::array())) {
            variantNames << str(v, "name");
            s.finished += str(v, "status") == QLatin1String("finished") ? 1 : 0;
        }
    } else {
        s.stage = str(results, "stage");
    }

    // results.json is the sweep's own table when nothing changed after it was written.
    bool fresh = results.is_object();
    if (fresh && manifest.is_object()) {
        const QDateTime written = modified(resultsPath);
        fresh = modified(manifestPath) <= written;
        for (const QString& v : variantNames) {
            const QString metrics =
                dir.filePath(v + QLatin1Char('/') + QLatin1String(kMetricsFile));
            if (QFileInfo::exists(metrics) && modified(metrics) > written) {
                fresh = false;
            }
        }
    }
    if (fresh) {
        readTable(results, s);
    } else {
        try {
            readTable(collectNow(manifest, dirPath, project), s);
            s.live = true;
        } catch (const std::exception& e) {
            if (results.is_object()) {
                readTable(results, s);
            } else {
                // What the manifest alone says: the variants and whether they finished.
                s.columns = {QStringLiteral("variant"), QStringLiteral("status")};
                for (const Json& v : manifest.value("variants", Json::array())) {
                    s.rows << QVector<QVariant>{str(v, "name"), str(v, "status")};
                }
                s.error = QString::fromUtf8(e.what());
            }
        }
    }

    const int variantColumn = s.columns.indexOf(QStringLiteral("variant"));
    for (const QVector<QVariant>& row : s.rows) {
        SweepVariantInfo v;
        v.name = variantColumn >= 0 ? row.value(variantColumn).toString() : QString();
        v.dir = dir.filePath(v.name);
        const PreviewArchive archive(QDir(v.dir).filePath(QStringLiteral("samples")).toStdString());
        for (const SavedPreview& p : archive.latest()) {
            v.previews << SweepPreviewFile{p.step, QString::fromStdString(p.kind), p.index, p.label,
                                           QString::fromStdString(p.path)};
        }
        s.variants << v;
    }
    return s;
}

} // namespace vd::ui
