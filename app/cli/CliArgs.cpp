// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliArgs.h"

#include "util/Error.h"

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace vd::cli {
namespace {

Error usage(const std::string& message)
{
    return Error(ErrorKind::Usage, message, ErrorCode::InvalidValue);
}

} // namespace

CliArgs::CliArgs(const std::vector<std::string>& args, const std::set<std::string>& valueFlags,
                 const std::set<std::string>& switches)
{
    bool onlyPositional = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (onlyPositional || a.size() < 2 || a.rfind("--", 0) != 0) {
            if (!onlyPositional && a.size() > 1 && a[0] == '-' && a != "-") {
                throw usage("unknown option '" + a + "'");
            }
            m_positional.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (switches.count(name)) {
            if (inlineValue) {
                throw usage("option --" + name + " takes no value");
            }
            m_switches.insert(name);
        } else if (valueFlags.count(name)) {
            if (inlineValue) {
                m_values[name] = *inlineValue;
            } else if (i + 1 < args.size()) {
                m_values[name] = args[++i];
            } else {
                throw usage("option --" + name + " needs a value");
            }
        } else {
            throw usage("unknown option '--" + name + "'");
        }
    }
}

bool CliArgs::has(const std::string& flag) const
{
    return m_switches.count(flag) > 0 || m_values.count(flag) > 0;
}

std::string CliArgs::get(const std::string& flag, const std::string& fallback) const
{
    const auto it = m_values.find(flag);
    return it == m_values.end() ? fallback : it->second;
}

int CliArgs::getInt(const std::string& flag, int fallback, int minValue, int maxValue) const
{
    const auto it = m_values.find(flag);
    if (it == m_values.end()) {
        return fallback;
    }
    errno = 0;
    char* end = nullptr;
    const long v = std::strtol(it->second.c_str(), &end, 10);
    if (errno != 0 || end == it->second.c_str() || *end != '\0') {
        throw usage("--" + flag + ": '" + it->second + "' is not an integer");
    }
    if (v < minValue || v > maxValue) {
        throw usage("--" + flag + ": " + it->second + " is out of range [" +
                    std::to_string(minValue) + ", " + std::to_string(maxValue) + "]");
    }
    return static_cast<int>(v);
}

double CliArgs::getDouble(const std::string& flag, double fallback, double minValue,
                          double maxValue) const
{
    const auto it = m_values.find(flag);
    if (it == m_values.end()) {
        return fallback;
    }
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (errno != 0 || end == it->second.c_str() || *end != '\0' || !(v == v)) {
        throw usage("--" + flag + ": '" + it->second + "' is not a number");
    }
    if (v < minValue || v > maxValue) {
        throw usage("--" + flag + ": " + it->second + " is out of range [" +
                    std::to_string(minValue) + ", " + std::to_string(maxValue) + "]");
    }
    return v;
}

uint64_t CliArgs::getSeed(const std::string& flag, uint64_t fallback) const
{
    const auto it = m_values.find(flag);
    if (it == m_values.end()) {
        return fallback;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(it->second.c_str(), &end, 10);
    if (errno != 0 || end == it->second.c_str() || *end != '\0' || it->second[0] == '-') {
        throw usage("--" + flag + ": '" + it->second + "' is not a non-negative integer");
    }
    return static_cast<uint64_t>(v);
}

void CliArgs::requirePositional(size_t minCount, size_t maxCount, const std::string& what) const
{
    if (m_positional.size() < minCount) {
        throw usage("missing " + what);
    }
    if (m_positional.size() > maxCount) {
        throw usage("unexpected argument '" + m_positional[maxCount] + "'");
    }
}

} // namespace vd::cli
