// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace vd::media::detail {

/// Routes FFmpeg's av_log output into the spdlog logger "media". Installed once per process
/// (later calls do nothing); safe to call from any thread. FFmpeg errors are logged as warnings:
/// the media layer turns the failures that matter into vd::Error, FFmpeg's lines are the detail.
void installAvLogRouting();

} // namespace vd::media::detail
