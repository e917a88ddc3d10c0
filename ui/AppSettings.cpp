// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace vd::ui::AppSettings {

QString device()
{
    return QSettings().value(QStringLiteral("engine/device"), QStringLiteral("project")).toString();
}

void setDevice(const QString& device)
{
    QSettings().setValue(QStringLiteral("engine/device"), device);
}

QString effectiveDevice(const QString& projectDevice)
{
    const QString preferred = device();
    return preferred == QLatin1String("project") || preferred.isEmpty() ? projectDevice
                                                                        : preferred;
}

int torchThreads()
{
    return QSettings().value(QStringLiteral("engine/torchThreads"), 0).toInt();
}

void setTorchThreads(int threads)
{
    QSettings().setValue(QStringLiteral("engine/torchThreads"), threads);
}

int localProcesses()
{
    return std::max(1, QSettings().value(QStringLiteral("engine/localProcesses"), 1).toInt());
}

void setLocalProcesses(int processes)
{
    QSettings().setValue(QStringLiteral("engine/localProcesses"), std::max(1, processes));
}

QString theme()
{
    return QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
}

void setTheme(const QString& theme)
{
    QSettings().setValue(QStringLiteral("ui/theme"), theme);
}

QString language()
{
    return QSettings().value(QStringLiteral("ui/language"), QString()).toString();
}

void setLanguage(const QString& language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

QStringList recentProjects()
{
    QStringList existing;
    for (const QString& path : QSettings().value(QStringLiteral("recent/projects")).toStringList()) {
        if (QFileInfo::exists(path) && !existing.contains(path)) {
            existing << path;
        }
    }
    return existing.mid(0, kMaxRecent);
}

void addRecentProject(const QString& path)
{
    QStringList list = recentProjects();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    QSettings().setValue(QStringLiteral("recent/projects"), list.mid(0, kMaxRecent));
}

} // namespace vd::ui::AppSettings
