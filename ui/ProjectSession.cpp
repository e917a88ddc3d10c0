// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProjectSession.h"

#include "data/DatasetIndex.h"
#include "util/Error.h"

#include <QDir>
#include <QFileInfo>

#include <exception>

namespace vd::ui {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {}

bool ProjectSession::open(const QString& path, QString* error)
{
    try {
        Project loaded = Project::load(QFileInfo(path).absoluteFilePath().toStdString());
        m_project = std::move(loaded);
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
    m_open = true;
    setModified(false);
    Q_EMIT projectChanged();
    return true;
}

bool ProjectSession::create(const QString& path, const QString& dataDir, const QString& preset,
                            QString* error)
{
    try {
        Project project = Project::fromPreset(preset.toStdString());
        const QString absPath = QFileInfo(path).absoluteFilePath();
        const QString absData = QFileInfo(dataDir).absoluteFilePath();
        const DatasetIndex index = DatasetIndex::scan(absData.toStdString());
        project.dataset.root =
            QFileInfo(absPath).absoluteDir().relativeFilePath(absData).toStdString();
        project.name = QFileInfo(absPath).completeBaseName().toStdString();
        project.diffusion.model.numClasses = static_cast<int>(index.labels().size());
        project.save(absPath.toStdString());
        m_project = std::move(project);
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
    m_open = true;
    setModified(false);
    Q_EMIT projectChanged();
    return true;
}

bool ProjectSession::save(const QString& path, QString* error)
{
    const QString target = path.isEmpty() ? filePath() : QFileInfo(path).absoluteFilePath();
    if (!m_open || target.isEmpty()) {
        if (error) {
            *error = tr("No project file to save to.");
        }
        return false;
    }
    try {
        m_project.validate();
        m_project.save(target.toStdString());
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
    setModified(false);
    return true;
}

void ProjectSession::close()
{
    m_project = Project();
    m_open = false;
    setModified(false);
    Q_EMIT projectChanged();
}

void ProjectSession::updateProject(const Project& project)
{
    const std::string path = m_project.filePath;
    m_project = project;
    m_project.filePath = path;
    setModified(true);
    Q_EMIT settingsChanged();
}

QString ProjectSession::runDir(Stage stage) const
{
    return m_open ? QString::fromStdString(m_project.runDir(stage)) : QString();
}

QString ProjectSession::datasetRoot() const
{
    return m_open ? QString::fromStdString(m_project.datasetRoot()) : QString();
}

void ProjectSession::setModified(bool modified)
{
    if (m_modified != modified) {
        m_modified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

} // namespace vd::ui
