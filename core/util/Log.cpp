// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Log.h"

#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>

namespace vd::log {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()};
    spdlog::level::level_enum level = spdlog::level::info;
};

Registry& registry()
{
    static Registry r;
    return r;
}

} // namespace

std::shared_ptr<spdlog::logger> get(const std::string& subsystem)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    if (auto existing = spdlog::get(subsystem)) {
        return existing;
    }
    auto logger = std::make_shared<spdlog::logger>(subsystem, r.sinks.begin(), r.sinks.end());
    logger->set_level(r.level);
    logger->set_pattern("[%H:%M:%S.%e] [%n] [%^%l%$] %v");
    spdlog::register_logger(logger);
    return logger;
}

void setLevel(spdlog::level::level_enum level)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.level = level;
    spdlog::apply_all([level](const std::shared_ptr<spdlog::logger>& l) { l->set_level(level); });
}

void setSinks(std::vector<spdlog::sink_ptr> sinks)
{
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.sinks = std::move(sinks);
    spdlog::apply_all([&r](const std::shared_ptr<spdlog::logger>& l) { l->sinks() = r.sinks; });
}

} // namespace vd::log
