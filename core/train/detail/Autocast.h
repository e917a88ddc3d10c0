// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/autocast_mode.h>
#include <c10/core/DeviceType.h>
#include <torch/version.h>

namespace vd::detail {

/// bf16 autocast on one device type (CPU or CUDA) for the scope; nothing when not enabled.
/// LibTorch 2.4 replaced the per-device calls of 1.x (set_enabled / set_cpu_enabled and their
/// dtype setters) with calls that take the device type; both are covered.
class Autocast {
public:
    Autocast(c10::DeviceType type, bool enable)
        : m_cuda(type == c10::DeviceType::CUDA),
          m_enabled(enable && (type == c10::DeviceType::CPU || m_cuda))
    {
        if (!m_enabled) {
            return;
        }
        set(true);
        at::autocast::increment_nesting();
    }
    ~Autocast()
    {
        if (!m_enabled) {
            return;
        }
        if (at::autocast::decrement_nesting() == 0) {
            at::autocast::clear_cache();
        }
        set(false);
    }
    Autocast(const Autocast&) = delete;
    Autocast& operator=(const Autocast&) = delete;

private:
    void set(bool on) const
    {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        const at::DeviceType type = m_cuda ? at::kCUDA : at::kCPU;
        if (on) {
            at::autocast::set_autocast_dtype(type, at::kBFloat16);
        }
        at::autocast::set_autocast_enabled(type, on);
#else
        if (m_cuda) {
            if (on) {
                at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
            }
            at::autocast::set_enabled(on);
        } else {
            if (on) {
                at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
            }
            at::autocast::set_cpu_enabled(on);
        }
#endif
    }

    bool m_cuda;
    bool m_enabled;
};

} // namespace vd::detail
