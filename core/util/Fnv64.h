// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace vd {

/// FNV-1a, 64 bit: enough to notice changed weights or files; not a security hash.
struct Fnv64 {
    uint64_t h = 1469598103934665603ULL;
    void add(const void* data, size_t n)
    {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < n; ++i) {
            h = (h ^ p[i]) * 1099511628211ULL;
        }
    }
    void add(const std::string& s) { add(s.data(), s.size() + 1); }
    template <typename T>
    void addValue(T v)
    {
        add(&v, sizeof v);
    }
    /// The hash as 16 lower-case hex digits.
    std::string hex() const
    {
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
        return text;
    }
};

} // namespace vd
