// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace vd {

// Autocast state of the CPU or CUDA, for this thread. LibTorch 2.4 replaced the per-device calls
// of 1.x (is_cpu_enabled / set_cpu_enabled / set_enabled and their dtype setters) with calls that
// take the device type; these cover both, so no other file needs the version switch.

inline bool autocastEnabled(bool cuda)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

inline void setAutocastEnabled(bool cuda, bool on)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, on);
#else
    if (cuda) {
        at::autocast::set_enabled(on);
    } else {
        at::autocast::set_cpu_enabled(on);
    }
#endif
}

/// The dtype autocast computes in on that device when it is enabled.
inline at::ScalarType autocastDtype(bool cuda)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::get_autocast_dtype(cuda ? at::kCUDA : at::kCPU);
#else
    return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
#endif
}

/// The dtype autocast computes in on that device: bf16.
inline void setAutocastBf16(bool cuda)
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, at::kBFloat16);
#else
    if (cuda) {
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    } else {
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    }
#endif
}

} // namespace vd
