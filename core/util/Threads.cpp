// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Threads.h"

#include "util/Log.h"

#include <torch/torch.h>

#include <dlfcn.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

namespace vd {

int hardwareThreads()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

int threadsWithWaitingRanks(int localRanks)
{
    return std::min(hardwareThreads(), at::get_num_threads() * std::max(1, localRanks));
}

ScopedTorchThreads::ScopedTorchThreads(int threads) : m_previous(at::get_num_threads())
{
    if (threads > 0 && threads != m_previous) {
        at::set_num_threads(threads);
    }
}

ScopedTorchThreads::~ScopedTorchThreads()
{
    if (at::get_num_threads() != m_previous) {
        at::set_num_threads(m_previous);
    }
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

std::string blasCoreName()
{
    using NameFn = char* (*)();
    auto fn = reinterpret_cast<NameFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    const char* name = fn ? fn() : nullptr;
    return name ? name : "";
}

bool cpuHasNativeBf16()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
#if defined(__clang__)
    // clang 14 (the sanitizer build) does not know "amx-bf16": CPUID.(EAX=7,ECX=0):EDX[22].
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    const bool amxBf16 = __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (edx & (1u << 22));
#else
    const bool amxBf16 = __builtin_cpu_supports("amx-bf16");
#endif
    return __builtin_cpu_supports("avx512bf16") || amxBf16;
#else
    return false;
#endif
}

void selectBlasKernels(char* argv[])
{
    if (std::getenv("OPENBLAS_CORETYPE") != nullptr) {
        return;
    }
    if (const char* flag = std::getenv("VD_BLAS_REEXEC"); flag && std::string(flag) == "0") {
        return;
    }
    if (blasCoreName() != "Prescott") {
        return;
    }
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    const char* better = __builtin_cpu_supports("avx512f") ? "SkylakeX"
                         : __builtin_cpu_supports("avx2")  ? "Haswell"
                                                           : nullptr;
    if (better == nullptr) {
        return;
    }
    setenv("OPENBLAS_CORETYPE", better, 1);
    setenv("VD_BLAS_REEXEC", "0", 1); // never twice
    execv("/proc/self/exe", argv);
    // exec failed (no /proc): carry on with the generic kernels.
    unsetenv("OPENBLAS_CORETYPE");
#else
    (void)argv;
#endif
}

ThreadSettings defaultThreadSettings()
{
    ThreadSettings s;
    const int cores = hardwareThreads();
    // Measured on the 2-core CI machine (bench/RESULTS.md): 2 intra-op threads with OpenBLAS
    // held at 1 beat 1 thread by 1.6x (VAE step 125 vs 205 ms, denoiser 317 vs 500 ms); letting
    // OpenBLAS spawn its own threads as well oversubscribes the cores. On bigger machines half
    // the hardware threads skips the SMT siblings.
    s.torchThreads = cores <= 2 ? cores : cores / 2;
    for (const char* name : {"OMP_NUM_THREADS", "VD_TORCH_THREADS"}) { // the latter wins
        if (const char* env = std::getenv(name)) {
            const int n = std::atoi(env);
            if (n > 0) {
                s.torchThreads = n;
            }
        }
    }
    s.blasThreads = 1;
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
