// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ParallelEnv.h"

#include "util/Error.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace vd {

namespace {

int envInt(const char* name, int fallback, int lo, int hi)
{
    const char* text = std::getenv(name);
    if (!text || !*text) {
        return fallback;
    }
    char* end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (*end != '\0' || v < lo || v > hi) {
        throw Error(ErrorKind::Config,
                    std::string(name) + ": '" + text + "' is not a whole number in [" +
                        std::to_string(lo) + ", " + std::to_string(hi) + "]",
                    ErrorCode::InvalidValue);
    }
    return static_cast<int>(v);
}

} // namespace

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    const bool bound = fd >= 0 &&
                       ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                       ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    if (!bound) {
        throw Error(ErrorKind::Runtime, "no free local TCP port for the ranks' rendezvous");
    }
    return ntohs(addr.sin_port);
}

ParallelEnv parallelEnvFromEnvironment()
{
    ParallelEnv env;
    env.worldSize = envInt("WORLD_SIZE", 1, 1, 4096);
    if (env.worldSize == 1) {
        return env;
    }
    env.rank = envInt("RANK", -1, 0, env.worldSize - 1);
    if (env.rank < 0) {
        throw Error(ErrorKind::Config,
                    "RANK: not set, but WORLD_SIZE is " + std::to_string(env.worldSize),
                    ErrorCode::InvalidValue);
    }
    env.localRank = envInt("LOCAL_RANK", env.rank, 0, 4095);
    env.localWorldSize = envInt("LOCAL_WORLD_SIZE", 1, 1, env.worldSize);
    if (const char* addr = std::getenv("MASTER_ADDR"); addr && *addr) {
        env.masterAddr = addr;
    }
    env.masterPort = envInt("MASTER_PORT", env.masterPort, 1, 65535);
    env.timeout = std::chrono::seconds(envInt("VD_DIST_TIMEOUT_S", 1800, 1, 7 * 24 * 3600));
    return env;
}

std::vector<std::pair<std::string, std::string>> localRankVariables(int rank, int worldSize,
                                                                    int port)
{
    return {{"RANK", std::to_string(rank)},
            {"LOCAL_RANK", std::to_string(rank)},
            {"WORLD_SIZE", std::to_string(worldSize)},
            {"LOCAL_WORLD_SIZE", std::to_string(worldSize)},
            {"MASTER_ADDR", "127.0.0.1"},
            {"MASTER_PORT", std::to_string(port)}};
}

} // namespace vd
