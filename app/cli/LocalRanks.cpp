// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/LocalRanks.h"

#include "cli/StopSignals.h"
#include "train/DataParallel.h"
#include "util/Error.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace vd::cli {

namespace {

int exitStatusOf(int status)
{
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

} // namespace

int runLocalRanks(int procs, const std::string& command, const std::vector<std::string>& args,
                  int graceS)
{
    const int port = freeLoopbackPort();
    std::vector<std::string> argvText{"vdstudio-cli", command};
    argvText.insert(argvText.end(), args.begin(), args.end());
    std::vector<char*> argvPtrs;
    for (std::string& a : argvText) {
        argvPtrs.push_back(a.data());
    }
    argvPtrs.push_back(nullptr);

    const StopSignals signals;

    std::vector<pid_t> pids;
    for (int rank = 0; rank < procs; ++rank) {
        // Built in the parent; the child sets them and execs.
        const auto variables = localRankVariables(rank, procs, port);
        const pid_t pid = ::fork();
        if (pid < 0) {
            for (pid_t p : pids) {
                ::kill(p, SIGKILL);
            }
            throw Error(ErrorKind::Runtime,
                        "--procs: could not start rank " + std::to_string(rank));
        }
        if (pid == 0) {
            signals.prepareChild();
            for (const auto& [name, value] : variables) {
                ::setenv(name.c_str(), value.c_str(), 1);
            }
            ::execv("/proc/self/exe", argvPtrs.data());
            std::fprintf(stderr, "vdstudio-cli: rank %d: cannot start /proc/self/exe\n", rank);
            std::_Exit(127);
        }
        pids.push_back(pid);
    }

    int result = 0;
    size_t running = pids.size();
    bool killPending = false; // a rank failed: kill the rest at killAt
    std::chrono::steady_clock::time_point killAt;
    int forwarded = 0;
    while (running > 0) {
        if (StopSignals::received() != 0 && StopSignals::received() != forwarded) {
            forwarded = StopSignals::received();
            for (pid_t p : pids) {
                if (p > 0) {
                    ::kill(p, forwarded);
                }
            }
        }
        int status = 0;
        const pid_t done = ::waitpid(-1, &status, WNOHANG);
        if (done > 0) {
            for (size_t r = 0; r < pids.size(); ++r) {
                if (pids[r] != done) {
                    continue;
                }
                pids[r] = -1;
                --running;
                const int code = exitStatusOf(status);
                if (code != 0 && result == 0) {
                    result = code;
                    if (running > 0) {
                        std::fprintf(stderr,
                                     "vdstudio-cli: rank %zu of %d ended with status %d; the "
                                     "other ranks stop\n",
                                     r, procs, code);
                        killPending = true;
                        killAt = std::chrono::steady_clock::now() + std::chrono::seconds(graceS);
                    }
                }
            }
            continue;
        }
        if (killPending && std::chrono::steady_clock::now() > killAt) {
            for (pid_t p : pids) {
                if (p > 0) {
                    ::kill(p, SIGKILL);
                }
            }
            killPending = false;
        }
        // A reaping poll: children are few and long-lived, and waitpid cannot also wait for
        // a deadline or a forwarded signal.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return result;
}

} // namespace vd::cli
