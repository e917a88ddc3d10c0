// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace vd::log {

/// One spdlog logger per subsystem: "media", "data", "train", "ui", "cli", ...
/// Created on first use, shares the sinks of the default logger, safe from any thread.
std::shared_ptr<spdlog::logger> get(const std::string& subsystem);

/// Sets the level of every VDStudio logger (and those created later).
void setLevel(spdlog::level::level_enum level);

/// Routes new and existing loggers to these sinks (replacing stderr). Used by the UI log panel.
void setSinks(std::vector<spdlog::sink_ptr> sinks);

} // namespace vd::log
