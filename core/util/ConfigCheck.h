// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace vd {

/// Throws vd::Error(Config, InvalidValue) "path.key: what" (the one format every config message
/// uses, JsonFields included).
[[noreturn]] void failKey(const std::string& path, const char* key, const std::string& what);

/// Range checks for config structs; the message names `path.key` and the allowed range.
void checkRange(const std::string& path, const char* key, int value, int minValue, int maxValue);
void checkRange(const std::string& path, const char* key, double value, double minValue,
                double maxValue);
void checkRange(const std::string& path, const char* key, const std::vector<int>& values,
                int minValue, int maxValue);

} // namespace vd
