// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Threads.h"

#include "util/Log.h"

#include <torch/torch.h>

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

namespace vd {

int hardwareThreads()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

bool setBlasThreads(int threads)
{
    // OpenBLAS is loaded indirectly through LibTorch; look the symbol up at run time so we
    // neither link against it nor fail where another BLAS is in use.
    using SetFn = void (*)(int);
    auto fn = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (!fn) {
        return false;
    }
    fn(threads);
    return true;
}

ThreadSettings defaultThreadSettings()
{
    ThreadSettings s;
    const int cores = hardwareThreads();
    s.torchThreads = cores <= 2 ? 1 : cores / 2;
    if (const char* env = std::getenv("VD_TORCH_THREADS")) {
        const int n = std::atoi(env);
        if (n > 0) {
            s.torchThreads = n;
        }
    }
    s.blasThreads = s.torchThreads;
    return s;
}

void configureThreads(const ThreadSettings& settings)
{
    if (settings.torchThreads > 0) {
        torch::set_num_threads(settings.torchThreads);
    }
    bool blas = false;
    if (settings.blasThreads > 0) {
        blas = setBlasThreads(settings.blasThreads);
    }
    log::get("util")->debug("threads: torch intra-op {}, BLAS {}{}", torch::get_num_threads(),
                            settings.blasThreads, blas ? "" : " (OpenBLAS not found)");
}

} // namespace vd
