// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/JsonParse.h"

#include <string>

namespace vd {

nlohmann::json parseJson(std::string_view text, int maxDepth)
{
    // The callback sees each value with its depth (0 for the outermost container); throwing
    // from it ends the parse.
    const nlohmann::json::parser_callback_t limit =
        [maxDepth](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth >= maxDepth) {
                throw nlohmann::json::parse_error::create(
                    101, 0, "nested deeper than " + std::to_string(maxDepth) + " levels",
                    static_cast<const nlohmann::json*>(nullptr));
            }
            return true;
        };
    return nlohmann::json::parse(text.begin(), text.end(), limit);
}

nlohmann::json parseJsonOrDiscarded(std::string_view text, int maxDepth)
{
    try {
        return parseJson(text, maxDepth);
    } catch (const nlohmann::json::exception&) {
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
}

} // namespace vd
