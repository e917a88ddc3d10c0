// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace vd {

/// Where this process stands in a data-parallel run, as a launcher describes it in the
/// environment: torchrun, `vdstudio-cli --procs N`, or a Slurm recipe (docs/distributed.md) set
/// RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT; the studio fills one in for the
/// rank 0 it trains itself. Plain values, no torch (the studio's UI code may use it).
struct ParallelEnv {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    /// Ranks on this machine (LOCAL_WORLD_SIZE; 1 when the launcher does not say). While rank 0
    /// alone samples previews the others wait, and it may use their threads.
    int localWorldSize = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    /// How long a collective may wait for the other ranks (VD_DIST_TIMEOUT_S, default 1800 s:
    /// rank 0 alone builds the latent cache and the judge while the others wait). A rank that
    /// dies closes its sockets, which the others notice at once; the timeout bounds a hang.
    std::chrono::milliseconds timeout{std::chrono::seconds(1800)};
};

/// A loopback TCP port nobody listens on now (the kernel's choice), for rank 0's TCPStore when
/// ranks are started on this machine. Throws vd::Error(Runtime) when none can be had.
int freeLoopbackPort();

/// Reads the launcher's variables. WORLD_SIZE unset means one process (worldSize 1). Throws
/// vd::Error(Config) naming the variable when a value is malformed or out of range.
ParallelEnv parallelEnvFromEnvironment();

/// The launcher's variables (name, value) for rank `rank` of `worldSize` ranks on this machine
/// with rank 0's store at 127.0.0.1:`port`: what parallelEnvFromEnvironment reads back. Both
/// launchers of local ranks (`vdstudio-cli --procs`, the studio's Processes option) use it.
std::vector<std::pair<std::string, std::string>> localRankVariables(int rank, int worldSize,
                                                                    int port);

} // namespace vd
