// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

/// Sets OpenBLAS's thread count if OpenBLAS is loaded; returns false if it is not.
bool setBlasThreads(int threads);

} // namespace vd
