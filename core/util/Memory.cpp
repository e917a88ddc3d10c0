// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Memory.h"

#include <cstdlib>
#include <string_view>

#include <dlfcn.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vd {

const char* allocatorName()
{
    // tcmalloc exports malloc and tc_malloc as one function; where malloc resolves to it, it is
    // the allocator (a tcmalloc merely loaded by some library would not be).
    void* tc = dlsym(RTLD_DEFAULT, "tc_malloc");
    return tc != nullptr && tc == dlsym(RTLD_DEFAULT, "malloc") ? "tcmalloc" : "libc";
}

bool tuneAllocator()
{
#if defined(__GLIBC__)
    // GLIBC_TUNABLES set by the user wins: they asked for something specific.
    if (std::getenv("GLIBC_TUNABLES") != nullptr || std::string_view(allocatorName()) != "libc") {
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
