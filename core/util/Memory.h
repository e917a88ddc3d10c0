// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace vd {

/// The allocator that serves malloc in this process: "tcmalloc" (linked into the programs by
/// cmake/Allocator.cmake where libtcmalloc-minimal4 is installed, or preloaded) or "libc".
const char* allocatorName();

/// Tunes the C allocator for training loops; call once at start-up, before the first model is
/// built (vdstudio-cli and vdstudio do). On glibc's malloc it fixes the mmap threshold at 32 MiB
/// and the trim threshold at 256 MiB, so the activations a step frees stay in the heap instead of
/// being returned to the kernel and page-faulted in again by the next step (bench/RESULTS.md,
/// "Models": 14-18 % on the demo VAE step). Does nothing under tcmalloc (it keeps freed memory in
/// its own caches) or elsewhere. Returns true when it changed settings.
bool tuneAllocator();

} // namespace vd
