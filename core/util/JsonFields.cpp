// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/JsonFields.h"

#include "util/ConfigCheck.h"

#include <cmath>

namespace vd {
namespace {

std::string brief(const nlohmann::json& v)
{
    std::string s = v.dump();
    if (s.size() > 40) {
        s = s.substr(0, 37) + "...";
    }
    return s;
}

} // namespace

JsonFields::JsonFields(const nlohmann::json& object, std::string path)
    : m_object(object), m_path(std::move(path))
{
    if (!m_object.is_object()) {
        throw Error(ErrorKind::Config,
                    (m_path.empty() ? std::string("project") : m_path) +
                        ": expected an object, got " + brief(m_object),
                    ErrorCode::InvalidValue);
    }
}

std::string JsonFields::childPath(const char* key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + key;
}

void JsonFields::fail(const char* key, const std::string& what) const
{
    failKey(m_path, key, what);
}

const nlohmann::json* JsonFields::find(const char* key)
{
    m_known.insert(key);
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
}

void JsonFields::read(const char* key, int& out, int minValue, int maxValue)
{
    int64_t v = out;
    read(key, v, minValue, maxValue);
    out = static_cast<int>(v);
}

void JsonFields::read(const char* key, int64_t& out, int64_t minValue, int64_t maxValue)
{
    const nlohmann::json* v = find(key);
    if (!v) {
        return;
    }
    if (!v->is_number_integer()) {
        fail(key, "expected an integer, got " + brief(*v));
    }
    const int64_t x = v->get<int64_t>();
    if (x < minValue || x > maxValue) {
        fail(key, std::to_string(x) + " is out of range [" + std::to_string(minValue) + ", " +
                      std::to_string(maxValue) + "]");
    }
    out = x;
}

void JsonFields::read(const char* key, uint64_t& out)
{
    const nlohmann::json* v = find(key);
    if (!v) {
        return;
    }
    if (!v->is_number_unsigned()) {
        fail(key, "expected a non-negative integer, got " + brief(*v));
    }
    out = v->get<uint64_t>();
}

void JsonFields::read(const char* key, double& out, double minValue, double maxValue)
{
    const nlohmann::json* v = find(key);
    if (!v) {
        return;
    }
    if (!v->is_number()) {
        fail(key, "expected a number, got " + brief(*v));
    }
    const double x = v->get<double>();
    if (!std::isfinite(x) || x < minValue || x > maxValue) {
        fail(key,
             brief(*v) + " is out of range [" + brief(minValue) + ", " + brief(maxValue) + "]");
    }
    out = x;
}

void JsonFields::read(const char* key, bool& out)
{
    const nlohmann::json* v = find(key);
    if (!v) {
        return;
    }
    if (!v->is_boolean()) {
        fail(key, "expected true or false, got " + brief(*v));
    }
    out = v->get<bool>();
}

void JsonFields::read(const char* key, std::string& out)
{
    const nlohmann::json* v = find(key);
    if (!v) {
        return;
    }
    if (!v->is_string()) {
        fail(key, "expected a string, got " + brief(*v));
    }
    out = v->get<std::string>();
}

void JsonFields::readChoice(const char* key, std::string& out,
                            const std::vector<std::string>& allowed)
{
    std::string v = out;
    read(key, v);
    for (const auto& a : allowed) {
        if (v == a) {
            out = v;
            return;
        }
    }
    std::string list;
    for (const auto& a : allowed) {
        list += (list.empty() ? "" : ", ") + a;
    }
    fail(key, "'" + v + "' is not one of: " + list);
}

void JsonFields::read(const char* key, std::vector<int>& out, int minValue, int maxValue)
{
    const nlohmann::json* v = find(key);
    if (!v) {
        return;
    }
    if (!v->is_array()) {
        fail(key, "expected an array of integers, got " + brief(*v));
    }
    std::vector<int> result;
    for (const auto& e : *v) {
        if (!e.is_number_integer() || e.get<int64_t>() < minValue || e.get<int64_t>() > maxValue) {
            fail(key, "element " + brief(e) + " is not an integer in [" + std::to_string(minValue) +
                          ", " + std::to_string(maxValue) + "]");
        }
        result.push_back(e.get<int>());
    }
    out = std::move(result);
}

const nlohmann::json* JsonFields::child(const char* key)
{
    return find(key);
}

void JsonFields::finish() const
{
    for (const auto& [key, value] : m_object.items()) {
        if (!m_known.count(key)) {
            fail(key.c_str(), "unknown key");
        }
    }
}

} // namespace vd
