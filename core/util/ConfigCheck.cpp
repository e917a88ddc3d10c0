// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ConfigCheck.h"

#include "util/Error.h"

#include <cmath>
#include <sstream>

namespace vd {

void failKey(const std::string& path, const char* key, const std::string& what)
{
    const std::string name = path.empty() ? std::string(key) : path + "." + key;
    throw Error(ErrorKind::Config, name + ": " + what, ErrorCode::InvalidValue);
}

void checkRange(const std::string& path, const char* key, int value, int minValue, int maxValue)
{
    if (value < minValue || value > maxValue) {
        failKey(path, key,
                std::to_string(value) + " is out of range [" + std::to_string(minValue) + ", " +
                    std::to_string(maxValue) + "]");
    }
}

void checkRange(const std::string& path, const char* key, double value, double minValue,
                double maxValue)
{
    if (!std::isfinite(value) || value < minValue || value > maxValue) {
        std::ostringstream s;
        s << value << " is out of range [" << minValue << ", " << maxValue << "]";
        failKey(path, key, s.str());
    }
}

void checkRange(const std::string& path, const char* key, const std::vector<int>& values,
                int minValue, int maxValue)
{
    for (const int v : values) {
        if (v < minValue || v > maxValue) {
            failKey(path, key,
                    "element " + std::to_string(v) + " is out of range [" +
                        std::to_string(minValue) + ", " + std::to_string(maxValue) + "]");
        }
    }
}

} // namespace vd
