// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vd::cli {

/// A parsed subcommand line: positional arguments and `--flag value` / `--switch` options.
/// Unknown flags, missing values and malformed numbers throw vd::Error (Usage) naming the flag.
class CliArgs {
public:
    /// `valueFlags` take a value (`--size 64` or `--size=64`); `switches` do not.
    CliArgs(const std::vector<std::string>& args, const std::set<std::string>& valueFlags,
            const std::set<std::string>& switches);

    const std::vector<std::string>& positional() const { return m_positional; }
    bool has(const std::string& flag) const;
    std::string get(const std::string& flag, const std::string& fallback) const;
    int getInt(const std::string& flag, int fallback, int minValue, int maxValue) const;
    double getDouble(const std::string& flag, double fallback, double minValue,
                     double maxValue) const;
    uint64_t getSeed(const std::string& flag, uint64_t fallback) const;

    /// Requires between `minCount` and `maxCount` positional arguments; throws Usage otherwise.
    void requirePositional(size_t minCount, size_t maxCount, const std::string& what) const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_switches;
};

} // namespace vd::cli
