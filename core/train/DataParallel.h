// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/ParallelEnv.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vd {

/// A torch.distributed (c10d) process group for data-parallel training: Gloo over TCP, with a
/// TCPStore on rank 0 for the rendezvous, and NCCL beside it for the weights and gradients of a
/// CUDA run (useDevice). Every rank holds the same weights: rank 0's are broadcast at the start
/// and the gradients are averaged over the ranks every step, in flat buckets. Collectives block
/// until every rank has called them; call them in the same order on every rank. A collective that
/// fails (a rank died or timed out) throws vd::Error(Runtime) naming this rank, so each survivor
/// stops with a message instead of hanging.
///
/// Threads: one thread per process uses the group (the training thread).
class DataParallel {
public:
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    /// Joins the group `env` describes: blocks until all ranks have joined, or throws
    /// vd::Error(Runtime) after env.timeout. Rank 0 asks `cancelled` (when given) every few
    /// milliseconds while it waits for the others and returns nullptr once it says true (the
    /// studio's Stop, or one of its ranks that ended before joining).
    static std::shared_ptr<DataParallel> join(const ParallelEnv& env,
                                              const std::function<bool()>& cancelled = {});

    /// The process-wide group, joined on the first call when the environment describes a run of
    /// more than one process; nullptr otherwise. Later calls return the same group.
    static std::shared_ptr<DataParallel> fromEnvironment();

    int rank() const { return m_env.rank; }
    int worldSize() const { return m_env.worldSize; }
    int localRank() const { return m_env.localRank; }
    int localWorldSize() const { return m_env.localWorldSize; }
    /// Rank 0 writes metrics, checkpoints, previews and caches; the others only train.
    bool isMain() const { return m_env.rank == 0; }

    /// Where the weights and gradients of this rank live, called by every rank before the first
    /// broadcastFromMain. CUDA: they are reduced on the device by an NCCL group (joined here,
    /// on the same rendezvous); anything else: on the CPU by Gloo (the default). The control
    /// figures (sum, maxMin, barrier) always go over Gloo. Throws vd::Error(Config) for a CUDA
    /// device on a LibTorch without NCCL or a machine without CUDA, vd::Error(Runtime) when
    /// NCCL cannot start.
    void useDevice(const torch::Device& device);
    /// The device of useDevice's collectives: the CPU (Gloo) or the CUDA device (NCCL).
    torch::Device collectiveDevice() const;

    /// Overwrites `tensors` on every rank with rank 0's values.
    void broadcastFromMain(const std::vector<torch::Tensor>& tensors);
    /// Replaces each defined gradient by its mean over the ranks (undefined ones count as zero
    /// and are filled in, so every rank steps every parameter).
    void averageGradients(const std::vector<torch::Tensor>& parameters);
    /// Replaces each of `tensors` by its element-wise sum over the ranks (in float32 on the
    /// wire, flat buckets as for the gradients); `what` names the exchange in errors.
    void sumTensors(const std::vector<torch::Tensor>& tensors, const std::string& what);
    /// Element-wise sum over the ranks of a few control values (loss, flags).
    std::vector<double> sum(const std::vector<double>& values);
    /// Largest and smallest of `value` over the ranks.
    std::pair<double, double> maxMin(double value);
    /// Waits until every rank has reached this point; `what` names it in errors.
    void barrier(const std::string& what);

    /// "rank R of N".
    std::string describe() const;

private:
    struct Impl;
    explicit DataParallel(const ParallelEnv& env);
    void reduceInBuckets(const std::vector<torch::Tensor>& tensors, double scale,
                         const std::string& what);
    ParallelEnv m_env;
    std::unique_ptr<Impl> m_d;
};

} // namespace vd
