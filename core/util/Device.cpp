// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Device.h"

#include "util/Error.h"
#include "util/ParallelEnv.h"

namespace vd {

namespace {

/// The CUDA device a process takes when none is named: one per rank of a data-parallel run on
/// this machine (LOCAL_RANK modulo the devices; NCCL wants each rank on its own GPU), else 0.
int defaultCudaIndex()
{
    const ParallelEnv env = parallelEnvFromEnvironment();
    const int64_t devices = static_cast<int64_t>(torch::cuda::device_count());
    return env.worldSize > 1 && devices > 0 ? static_cast<int>(env.localRank % devices) : 0;
}

} // namespace

torch::Device resolveDevice(const std::string& name, const std::string& key)
{
    if (name == "auto") {
        return torch::cuda::is_available()
                   ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(defaultCudaIndex()))
                   : torch::Device(torch::kCPU);
    }
    if (name == "cpu") {
        return torch::Device(torch::kCPU);
    }
    if (name.rfind("cuda", 0) == 0) {
        int index = 0;
        if (name.size() > 4) {
            if (name[4] != ':' || name.size() == 5 ||
                name.find_first_not_of("0123456789", 5) != std::string::npos) {
                throw Error(ErrorKind::Config,
                            key + ": '" + name + "' is not auto, cpu, cuda or cuda:N",
                            ErrorCode::InvalidValue);
            }
            index = std::stoi(name.substr(5));
        }
        if (!torch::cuda::is_available()) {
            throw Error(ErrorKind::Config,
                        key + ": '" + name +
                            "' asked for, but this LibTorch build or machine has no CUDA device",
                        ErrorCode::InvalidValue);
        }
        if (name == "cuda") {
            index = defaultCudaIndex();
        }
        if (index >= static_cast<int>(torch::cuda::device_count())) {
            throw Error(ErrorKind::Config,
                        key + ": '" + name + "': only " +
                            std::to_string(torch::cuda::device_count()) + " CUDA device(s)",
                        ErrorCode::InvalidValue);
        }
        return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw Error(ErrorKind::Config, key + ": '" + name + "' is not auto, cpu, cuda or cuda:N",
                ErrorCode::InvalidValue);
}

} // namespace vd
