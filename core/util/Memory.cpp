// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Memory.h"

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vd {

bool tuneAllocator()
{
#if defined(__GLIBC__)
    // GLIBC_TUNABLES set by the user wins: they asked for something specific.
    if (std::getenv("GLIBC_TUNABLES") != nullptr) {
        return false;
    }
    const bool mmap = mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1; // the largest glibc accepts
    const bool trim = mallopt(M_TRIM_THRESHOLD, 256 << 20) == 1;
    return mmap && trim;
#else
    return false;
#endif
}

} // namespace vd
