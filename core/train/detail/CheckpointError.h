// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <string>

namespace vd::detail {

/// Throws the error for a damaged checkpoint folder, or one that does not fit what it is loaded
/// into: vd::Error(InputData, code), "checkpoint <dir>: <what>".
[[noreturn]] inline void failCheckpointInput(const std::string& dir, ErrorCode code,
                                             const std::string& what)
{
    throw Error(ErrorKind::InputData, "checkpoint " + dir + ": " + what, code);
}

} // namespace vd::detail
