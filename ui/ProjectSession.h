// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"

#include <QObject>
#include <QString>

namespace vd::ui {

/// The project the studio has open: one `vd::Project` shared by every panel. Panels read
/// project(), edit through updateProject() and listen to projectChanged() (a different project
/// was opened or closed) and settingsChanged() (the open project's settings were edited).
///
/// Threads: UI thread only. Workers get a copy of the Project, never this object.
class ProjectSession final : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);

    bool hasProject() const { return m_open; }
    const Project& project() const { return m_project; }
    /// Absolute path of the .vdproj file ("" for a project not saved yet).
    QString filePath() const { return QString::fromStdString(m_project.filePath); }
    bool modified() const { return m_modified; }

    /// Loads and validates a project file. On failure leaves the current project open and
    /// returns false with the core's message (naming the file or key) in `error`.
    bool open(const QString& path, QString* error = nullptr);
    /// Writes a new project from `preset` over the dataset folder `dataDir` (labels from its
    /// subfolders set the number of classes), saves it to `path` and opens it.
    bool create(const QString& path, const QString& dataDir, const QString& preset,
                QString* error = nullptr);
    /// Saves to filePath(), or to `path` when given. Returns false with the reason in `error`.
    bool save(const QString& path = {}, QString* error = nullptr);
    void close();

    /// Replaces the settings of the open project (validated by the caller) and marks it modified.
    void updateProject(const Project& project);

    /// Run folders and the dataset folder of the open project, absolute.
    QString runDir(Stage stage) const;
    QString datasetRoot() const;

Q_SIGNALS:
    void projectChanged();
    void settingsChanged();
    void modifiedChanged(bool modified);

private:
    void setModified(bool modified);

    Project m_project;
    bool m_open = false;
    bool m_modified = false;
};

} // namespace vd::ui
