// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace vd {

/// How many variants a sweep trains at once when the user does not say (`sweep` without
/// `--parallel` or `--threads`). On a CPU, variants side by side with one thread each: on a
/// 2-core VM two VAE variants at once finished in 0.75x the wall time of one after another
/// with two threads, and two denoiser variants in about the same share (bench/RESULTS.md,
/// "Sweeps: side by side or one after another"); small models use a second thread poorly,
/// separate processes do not share anything. At most one per core, at most `pending`, and at
/// most 8 (each process holds its own model, loader and latent cache). On a GPU one after
/// another: variants would share one device. Returns at least 1.
int defaultSweepParallel(size_t pending, bool onCuda, unsigned cores);

/// The order in which to start variants of estimated costs `costs` (e.g. FLOPs per step x
/// steps) on parallel workers: largest first, ties in their given order. Starting the longest
/// jobs first bounds the time to finish all of them by 4/3 of the best schedule (Graham's LPT
/// rule, 1969); in the given order a large variant that starts last runs alone at the end.
std::vector<size_t> largestFirst(const std::vector<double>& costs);

} // namespace vd
