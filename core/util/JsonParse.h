// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace vd {

/// Deepest nesting accepted in a JSON file core reads; ours nest a few levels. nlohmann's copy,
/// dump and comparison recurse once per level, so a hostile file of a few hundred kilobytes
/// nested 100,000 deep (`[[[[...]]]]`) overflowed the stack as soon as an error message
/// quoted it (a project file like that crashed vdstudio-cli; docs/fuzzing-and-sanitizers.md).
constexpr int kMaxJsonDepth = 64;

/// nlohmann::json::parse with a nesting limit, checked while parsing (the parser itself does
/// not recurse). Throws nlohmann::json::exception: parse_error for invalid JSON and for nesting
/// deeper than `maxDepth`, out_of_range for a number beyond a double's range ("1e400").
nlohmann::json parseJson(std::string_view text, int maxDepth = kMaxJsonDepth);

/// Like parseJson but never throws: a discarded value (is_discarded()) for invalid or too
/// deeply nested text, or a number out of range.
nlohmann::json parseJsonOrDiscarded(std::string_view text, int maxDepth = kMaxJsonDepth);

} // namespace vd
