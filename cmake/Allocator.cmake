# SPDX-License-Identifier: GPL-3.0-or-later
# tcmalloc for every program that links vd_core (the CLI, the studio, the tests and benches).
# A training step allocates and frees some 1,500 tensors; glibc's malloc took about 9 % of a
# demo denoiser training process in _int_malloc, _int_free and malloc_consolidate, and tcmalloc's
# per-thread caches make the steps 11-14 % shorter (bench/RESULTS.md, "tcmalloc"). Debian's
# libtcmalloc-minimal4 (gperftools without the heap profiler) is enough; without it, or in
# sanitizer and fuzzer builds (their own allocators), the programs use glibc's malloc as before.
option(VDSTUDIO_TCMALLOC "Link tcmalloc (libtcmalloc-minimal4) into the programs when found" ON)

set(VD_TCMALLOC_LIBRARY "")
if(VDSTUDIO_TCMALLOC AND NOT VDSTUDIO_SANITIZE AND NOT VDSTUDIO_BUILD_FUZZERS)
    # The runtime package ships only the versioned file; the -dev package (not needed) the link.
    find_library(VD_TCMALLOC_FOUND NAMES tcmalloc_minimal libtcmalloc_minimal.so.4)
    if(VD_TCMALLOC_FOUND)
        set(VD_TCMALLOC_LIBRARY ${VD_TCMALLOC_FOUND})
        message(STATUS "Allocator: ${VD_TCMALLOC_LIBRARY}")
    else()
        message(STATUS "Allocator: glibc malloc (libtcmalloc-minimal4 not found)")
    endif()
endif()
# What the build does, not what was asked: off in sanitizer builds and without the library.
add_feature_info(tcmalloc VD_TCMALLOC_LIBRARY "tcmalloc as the programs' allocator")

# Adds tcmalloc to what programs linking `target` need, ahead of libc so that its malloc wins.
# --no-as-needed: nothing calls tcmalloc by name, so --as-needed would drop it.
function(vd_link_allocator target)
    if(VD_TCMALLOC_LIBRARY)
        target_link_options(${target} INTERFACE
            "LINKER:--push-state,--no-as-needed,${VD_TCMALLOC_LIBRARY},--pop-state")
    endif()
endfunction()
