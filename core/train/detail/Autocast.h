// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/AutocastApi.h"

#include <ATen/autocast_mode.h>
#include <c10/core/DeviceType.h>

namespace vd::detail {

/// bf16 autocast on one device type (CPU or CUDA) for the scope; nothing when not enabled.
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
        if (on) {
            setAutocastBf16(m_cuda);
        }
        setAutocastEnabled(m_cuda, on);
    }

    bool m_cuda;
    bool m_enabled;
};

} // namespace vd::detail
