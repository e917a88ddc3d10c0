// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the fuzz targets (tests/fuzz/fuzz_<Name>.cpp). Each target defines
// LLVMFuzzerTestOneInput; it links libFuzzer's main in the sanitizer build (fuzz_<Name>) and
// ReplayMain.cpp in every build (fuzz_<Name>_replay, the regression test). Header-only so each
// target stays one source file.
#pragma once

#include "util/Error.h"
#include "util/Log.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace vdfuzz {

/// A folder of this process's own for the files an input becomes: in /dev/shm when there is
/// one (fsync and rename are free there, which keeps the executions per second up). Removed at
/// a normal exit; never destroyed before that, so atexit handlers may still use it.
inline const std::filesystem::path& scratchDir()
{
    static const std::filesystem::path* dir = [] {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path base =
            fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        auto* d = new fs::path(base / ("vdstudio-fuzz-" + std::to_string(::getpid())));
        fs::remove_all(*d, ec);
        fs::create_directories(*d);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratchDir(), ignored);
        });
        return d;
    }();
    return *dir;
}

/// Writes the input to `path` as it is (no terminating byte added).
inline void writeBytes(const std::filesystem::path& path, const uint8_t* data, size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

/// Once per process: no log output (a warning per rejected input slows the fuzzer and floods
/// its output; what matters is a crash or a sanitizer report).
inline void quietLogs()
{
    static const bool done = [] {
        vd::log::setLevel(spdlog::level::off);
        return true;
    }();
    (void)done;
}

} // namespace vdfuzz
