// SPDX-License-Identifier: GPL-3.0-or-later
// A demo dataset and a project file made at test time through vdstudio-cli, with settings
// patched by JSON pointer (fewer steps, smaller frames) so tests train real models quickly.
#pragma once

#include "TestUtil.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QString>

#include <utility>
#include <vector>

namespace vdtest {

using JsonPatch = std::vector<std::pair<std::string, nlohmann::json>>;

/// Sets each JSON pointer of `patch` in the JSON file at `path`.
inline bool patchJsonFile(const QString& path, const JsonPatch& patch)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(in.readAll().toStdString());
    in.close();
    for (const auto& [pointer, value] : patch) {
        j[nlohmann::json::json_pointer(pointer)] = value;
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    out.write(QByteArray::fromStdString(j.dump(2)));
    return true;
}

/// Writes `clips` demo clips of size x size x frames into `dir`/data and a demo-preset project
/// `dir`/p.vdproj over them, then applies `patch`. Returns the project path, or "" on failure
/// (with a warning naming the step that failed).
inline QString makeDemoProject(const QString& dir, int clips, int size, int frames,
                               const JsonPatch& patch)
{
    const QString data = dir + "/data";
    const QString project = dir + "/p.vdproj";
    const auto make = run(cliPath(), {"make-demo-dataset", data, "--clips", QString::number(clips),
                                      "--size", QString::number(size), "--frames",
                                      QString::number(frames), "--seed", "5"});
    if (make.exitCode != 0) {
        qWarning("make-demo-dataset failed: %s", make.err.constData());
        return {};
    }
    const auto create = run(cliPath(), {"new-project", project, "--data", data});
    if (create.exitCode != 0) {
        qWarning("new-project failed: %s", create.err.constData());
        return {};
    }
    if (!patchJsonFile(project, patch)) {
        qWarning("cannot patch %s", qPrintable(project));
        return {};
    }
    return project;
}

} // namespace vdtest
