// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <cstdint>
#include <string>

namespace vd::media::detail {

/// The reader's error about its input: kind InputData, the message starting with the quoted
/// path. `goodFrames` is how many frames decoded before the damage (-1: not applicable).
inline Error inputError(const std::string& path, const std::string& what, ErrorCode code,
                        int64_t goodFrames = -1)
{
    return Error(ErrorKind::InputData, "'" + path + "': " + what, code, goodFrames);
}

} // namespace vd::media::detail
