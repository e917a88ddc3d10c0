// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace vd {

/// Reads the fields of one JSON object for a config struct, key by key: every field is optional
/// (the struct's default stays), a present field must have the right type and range, and keys
/// the struct does not know are rejected. Errors are vd::Error(Config) naming the full key path,
/// e.g. "vae.train.learning_rate: -1 is out of range [0, 1]".
class JsonFields {
public:
    /// `path` is the dotted prefix for messages ("" at the top level).
    JsonFields(const nlohmann::json& object, std::string path);

    void read(const char* key, int& out, int minValue, int maxValue);
    void read(const char* key, int64_t& out, int64_t minValue, int64_t maxValue);
    void read(const char* key, uint64_t& out);
    void read(const char* key, double& out, double minValue, double maxValue);
    void read(const char* key, bool& out);
    void read(const char* key, std::string& out);
    /// A string that must be one of `allowed`.
    void readChoice(const char* key, std::string& out, const std::vector<std::string>& allowed);
    void read(const char* key, std::vector<int>& out, int minValue, int maxValue);

    /// The sub-object at `key` (or null if absent) and its dotted path, for nested structs.
    const nlohmann::json* child(const char* key);
    std::string childPath(const char* key) const;

    /// Throws for keys that no read()/child() asked for. Call once all fields are read.
    void finish() const;

    [[noreturn]] void fail(const char* key, const std::string& what) const;

private:
    const nlohmann::json* find(const char* key);

    const nlohmann::json& m_object;
    std::string m_path;
    std::set<std::string> m_known;
};

} // namespace vd
