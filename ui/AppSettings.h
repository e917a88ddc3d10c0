// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace vd::ui {

/// The studio's persisted preferences (QSettings, organisation "VDStudio"). Each getter has the
/// default a fresh install uses. UI thread only (QSettings itself is thread-safe, but the
/// studio reads preferences on the UI thread and passes plain values to workers).
namespace AppSettings {

/// Training/inference device: "project" (use the project file's setting), "auto", "cpu", "cuda".
QString device();
void setDevice(const QString& device);
/// The device a run of `projectDevice` should use after the preference is applied.
QString effectiveDevice(const QString& projectDevice);

/// Torch intra-op threads; 0 = the engine's default for this machine.
int torchThreads();
void setTorchThreads(int threads);

/// Processes the Training panel trains a stage with on this machine (data-parallel ranks);
/// 1 = the studio alone, as before. Kept with the machine's other engine settings, not in the
/// project: how many processes pay off depends on the cores, not on the model.
int localProcesses();
void setLocalProcesses(int processes);

/// "system", "light" or "dark".
QString theme();
void setTheme(const QString& theme);

/// "" follows the system locale; otherwise a language code such as "de".
QString language();
void setLanguage(const QString& language);

/// Most recent first, at most kMaxRecent existing files.
QStringList recentProjects();
void addRecentProject(const QString& path);
constexpr int kMaxRecent = 8;

} // namespace AppSettings

} // namespace vd::ui
