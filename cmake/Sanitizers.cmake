# SPDX-License-Identifier: GPL-3.0-or-later
# Sanitizers and libFuzzer instrumentation for every target of the build (presets sanitize and
# tsan; docs/fuzzing-and-sanitizers.md). Only our code is instrumented: LibTorch, OpenBLAS,
# FFmpeg and Qt are Debian's libraries, seen by the sanitizers through their interceptors.
set(VDSTUDIO_SANITIZE "" CACHE STRING
    "Sanitizers for every target: address,undefined or thread (empty: none)")
option(VDSTUDIO_BUILD_FUZZERS
    "Build the libFuzzer targets of tests/fuzz (clang; instruments all code for coverage)" OFF)
add_feature_info(Sanitizers VDSTUDIO_SANITIZE "-fsanitize=${VDSTUDIO_SANITIZE}")
add_feature_info(Fuzzers VDSTUDIO_BUILD_FUZZERS "libFuzzer targets")

if(VDSTUDIO_SANITIZE)
    add_compile_options(-fsanitize=${VDSTUDIO_SANITIZE} -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${VDSTUDIO_SANITIZE})
endif()

if(VDSTUDIO_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "VDSTUDIO_BUILD_FUZZERS needs clang (libFuzzer): "
                            "-DCMAKE_CXX_COMPILER=clang++ or the preset sanitize")
    endif()
    # Coverage for everything the fuzz targets reach; only their own executables link
    # libFuzzer's main (-fsanitize=fuzzer in tests/fuzz), the tests and the CLI stay ordinary.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# What the test programs run with (tests/CMakeLists.txt adds it to every test's environment):
# tests/sanitizers/options.txt, which scripts/fuzz.sh and scripts/sanitize-e2e.sh read too.
set(VD_SANITIZER_ENV)
if(VDSTUDIO_SANITIZE OR VDSTUDIO_BUILD_FUZZERS)
    set(vd_supp ${PROJECT_SOURCE_DIR}/tests/sanitizers)
    file(STRINGS ${vd_supp}/options.txt vd_options REGEX "^[A-Z]")
    foreach(line ${vd_options})
        string(REPLACE "SUPP_DIR" "${vd_supp}" line "${line}")
        list(APPEND VD_SANITIZER_ENV "${line}")
    endforeach()
endif()
