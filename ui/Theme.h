// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vd::ui {

/// Applies "light" or "dark" (Fusion style with a fixed palette) or "system" (the platform's
/// style and palette as they were at start-up) to the whole application. UI thread only.
void applyTheme(const QString& theme);

} // namespace vd::ui
