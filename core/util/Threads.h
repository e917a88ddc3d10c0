// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace vd {

/// How many threads torch's intra-op pool and the BLAS library get.
struct ThreadSettings {
    int torchThreads = 1; ///< intra-op (OpenMP) threads; 0 = leave torch's default
    int blasThreads = 1;  ///< OpenBLAS threads; 0 = leave OpenBLAS's default
};

/// Applies thread settings once, deliberately: left alone, OpenMP and OpenBLAS each start one
/// thread per core and oversubscribe a small machine (on 2 cores a conv VAE step measured 172 ms
/// with 1 thread and 257 ms with 2 OpenMP threads). Call from the main thread before any torch op.
void configureThreads(const ThreadSettings& settings);

/// Threads settings chosen for this machine: torch/BLAS use 1 thread on machines with <= 2 cores
/// (the rest go to the loader's decode workers), half the cores otherwise. Env VD_TORCH_THREADS
/// overrides.
ThreadSettings defaultThreadSettings();

/// Number of hardware threads (at least 1).
int hardwareThreads();

/// Torch's intra-op threads now times `localRanks`, at most hardwareThreads(): what rank 0 may use
/// for work it does alone while the other ranks on this machine wait for it, blocked in a
/// collective with their cores idle (previews, judging, the latent cache).
int threadsWithWaitingRanks(int localRanks);

/// Sets torch's intra-op threads for a scope and restores the previous count after it. Rank 0
/// uses it to borrow the threads of the local ranks that wait while it alone samples previews.
class ScopedTorchThreads {
public:
    explicit ScopedTorchThreads(int threads);
    ~ScopedTorchThreads();
    ScopedTorchThreads(const ScopedTorchThreads&) = delete;
    ScopedTorchThreads& operator=(const ScopedTorchThreads&) = delete;

private:
    int m_previous;
};

/// Sets OpenBLAS's thread count if OpenBLAS is loaded; returns false if it is not.
bool setBlasThreads(int threads);

/// The OpenBLAS kernel set in use ("SkylakeX", "Haswell", "Prescott", ...), or "" when OpenBLAS
/// is not loaded.
std::string blasCoreName();

/// True when this CPU does bf16 arithmetic natively (AVX512-BF16 or AMX-BF16), where oneDNN's
/// bf16 convolutions run about twice as fast as float32 ones; elsewhere bf16 is emulated and
/// slower.
bool cpuHasNativeBf16();

/// OpenBLAS 0.3.21 (Debian 12) does not know recent CPU models and falls back to its generic
/// SSE3 kernels ("Prescott"), which made the demo denoiser's linear layers 3-4x slower on an
/// AVX-512 VM (bench/RESULTS.md, "OpenBLAS kernels"). OpenBLAS reads OPENBLAS_CORETYPE only
/// while it loads, before main(), so when it runs the generic kernels on a CPU with AVX-512 or
/// AVX2 this sets OPENBLAS_CORETYPE to SkylakeX or Haswell and re-executes the program with the
/// same arguments (once; VD_BLAS_REEXEC=0 or a set OPENBLAS_CORETYPE disables it). Call first
/// thing in main(); returns only when no re-execution happened (or it failed).
void selectBlasKernels(char* argv[]);

} // namespace vd
