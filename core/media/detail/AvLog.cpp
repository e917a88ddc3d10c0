// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/detail/AvLog.h"

#include "util/Log.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdarg>
#include <mutex>
#include <string>

namespace vd::media::detail {
namespace {

spdlog::level::level_enum toSpdlog(int avLevel)
{
    if (avLevel <= AV_LOG_FATAL) {
        return spdlog::level::err;
    }
    if (avLevel <= AV_LOG_WARNING) {
        // Bad input is an expected event here (a dataset scan meets broken files): FFmpeg's
        // own error lines accompany a vd::Error that the caller handles, so they are warnings.
        return spdlog::level::warn;
    }
    if (avLevel <= AV_LOG_INFO) {
        // libx264 and friends print their settings at "info"; that is debug detail for us.
        return spdlog::level::debug;
    }
    return spdlog::level::trace;
}

void avLogCallback(void* avcl, int level, const char* fmt, va_list args)
{
    if (level > AV_LOG_DEBUG) {
        return;
    }
    static const auto logger = vd::log::get("media");
    const auto spdLevel = toSpdlog(level);
    if (!logger->should_log(spdLevel)) {
        return;
    }
    // FFmpeg may emit one line in several calls; keep the pieces per thread until the newline.
    thread_local std::string pending;
    thread_local int printPrefix = 1;
    char line[1024];
    av_log_format_line2(avcl, level, fmt, args, line, sizeof(line), &printPrefix);
    pending += line;
    if (pending.empty() || pending.back() != '\n') {
        if (pending.size() < 4096) {
            return;
        }
    }
    while (!pending.empty() && (pending.back() == '\n' || pending.back() == '\r')) {
        pending.pop_back();
    }
    if (!pending.empty()) {
        logger->log(spdLevel, "ffmpeg: {}", pending);
    }
    pending.clear();
}

} // namespace

void installAvLogRouting()
{
    static std::once_flag once;
    std::call_once(once, [] {
        vd::log::get("media");
        av_log_set_callback(&avLogCallback);
    });
}

} // namespace vd::media::detail
