// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace vd::cli {

/// `--procs N`: runs `vdstudio-cli COMMAND ARGS...` as N data-parallel ranks on this machine,
/// as torchrun would: each child gets RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE,
/// MASTER_ADDR=127.0.0.1 and a free MASTER_PORT. Rank 0 prints the progress; the others only
/// their warnings and errors. SIGINT/SIGTERM are passed on to every rank (each stops after the
/// same step). When a rank fails, the others get `graceS` seconds to notice and stop by
/// themselves, then are killed. Returns the first non-zero exit status (128 + signal for a rank
/// killed by a signal), else 0.
int runLocalRanks(int procs, const std::string& command, const std::vector<std::string>& args,
                  int graceS = 60);

} // namespace vd::cli
