// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/DataParallel.h"

#include "util/Error.h"

#include <torch/version.h>

// LibTorch ships the Gloo process group; its header's contents are guarded by USE_C10D_GLOO,
// which LibTorch's CMake targets define (Debian's 1.13 and the wheel's 2.x alike). The Gloo
// headers come from Debian's libgloo-dev: the wheel has none, and its ProcessGroupGloo.hpp
// compiles against them (core.DataParallel passes on both builds).
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
// A CUDA LibTorch's torch_cuda target defines USE_C10D_NCCL: NCCL for the GPUs' tensors.
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <cstdlib>
#include <mutex>
#include <thread>

namespace vd {

namespace {

/// Gradients go over the wire in flat buckets of about this size: one allreduce per bucket
/// instead of one per parameter (the demo denoiser has 110 parameter tensors and fits one).
constexpr int64_t kBucketBytes = 16 << 20;

/// The rendezvous store's count of the ranks that have joined.
constexpr const char* kJoinedKey = "vd/joined";

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

bool isLoopback(const std::string& host)
{
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
}

} // namespace

struct DataParallel::Impl {
    c10::intrusive_ptr<::c10d::Store> store;
    /// The control figures (sum, maxMin, barrier) always; weights and gradients on the CPU.
    c10::intrusive_ptr<::c10d::ProcessGroupGloo> group;
#ifdef USE_C10D_NCCL
    /// Weights and gradients of a CUDA run, where they live (useDevice).
    c10::intrusive_ptr<::c10d::ProcessGroupNCCL> nccl;
#endif
    /// Where weights and gradients are reduced: the CPU (Gloo) or the CUDA device (NCCL).
    torch::Device wire{torch::kCPU};

    auto allreduceTensors(std::vector<torch::Tensor>& tensors)
    {
#ifdef USE_C10D_NCCL
        if (nccl) {
            return nccl->allreduce(tensors);
        }
#endif
        return group->allreduce(tensors);
    }
    auto broadcastTensors(std::vector<torch::Tensor>& tensors)
    {
        ::c10d::BroadcastOptions options;
        options.rootRank = 0;
#ifdef USE_C10D_NCCL
        if (nccl) {
            return nccl->broadcast(tensors, options);
        }
#endif
        return group->broadcast(tensors, options);
    }
};

DataParallel::DataParallel(const ParallelEnv& env) : m_env(env), m_d(std::make_unique<Impl>()) {}

DataParallel::~DataParallel() = default;

std::string DataParallel::describe() const
{
    return "rank " + std::to_string(m_env.rank) + " of " + std::to_string(m_env.worldSize);
}

std::shared_ptr<DataParallel> DataParallel::join(const ParallelEnv& env,
                                                 const std::function<bool()>& cancelled)
{
    std::shared_ptr<DataParallel> dp(new DataParallel(env));
    try {
        ::c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(env.masterPort);
        storeOptions.isServer = env.rank == 0;
        storeOptions.numWorkers = static_cast<std::size_t>(env.worldSize);
        // Rank 0 counts the ranks itself (below) instead of TCPStore's wait, which can be
        // neither cancelled nor told apart from a timeout.
        storeOptions.waitWorkers = false;
        storeOptions.timeout = env.timeout;
        dp->m_d->store = c10::make_intrusive<::c10d::TCPStore>(env.masterAddr, storeOptions);
        dp->m_d->store->add(kJoinedKey, 1);
        if (env.rank == 0) {
            const auto deadline = std::chrono::steady_clock::now() + env.timeout;
            int64_t joined = 1;
            while ((joined = dp->m_d->store->add(kJoinedKey, 0)) < env.worldSize) {
                if (cancelled && cancelled()) {
                    return nullptr;
                }
                if (std::chrono::steady_clock::now() > deadline) {
                    const auto waitedS =
                        std::chrono::duration_cast<std::chrono::seconds>(env.timeout).count();
                    throw Error(ErrorKind::Runtime, dp->describe() + ": " + std::to_string(joined) +
                                                        " of " + std::to_string(env.worldSize) +
                                                        " ranks joined at " + env.masterAddr + ":" +
                                                        std::to_string(env.masterPort) +
                                                        " within " + std::to_string(waitedS) +
                                                        " s (VD_DIST_TIMEOUT_S)");
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }

        auto options = ::c10d::ProcessGroupGloo::Options::create(env.timeout);
        // Loopback for single-machine runs (a sandbox's hostname may not resolve);
        // GLOO_SOCKET_IFNAME picks the interface across machines, as in PyTorch.
        if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname) {
            options->devices.push_back(::c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        } else if (isLoopback(env.masterAddr)) {
            options->devices.push_back(
                ::c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        } else {
            options->devices.push_back(::c10d::ProcessGroupGloo::createDefaultDevice());
        }
        options->threads = 1; // one collective at a time; the cores belong to torch
        dp->m_d->group = c10::make_intrusive<::c10d::ProcessGroupGloo>(dp->m_d->store, env.rank,
                                                                       env.worldSize, options);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Runtime, dp->describe() + ": could not join the process group at " +
                                            env.masterAddr + ":" + std::to_string(env.masterPort) +
                                            ": " + firstLine(e.what()));
    }
    return dp;
}

void DataParallel::useDevice(const torch::Device& device)
{
    if (!device.is_cuda()) {
#ifdef USE_C10D_NCCL
        m_d->nccl.reset();
#endif
        m_d->wire = torch::Device(torch::kCPU);
        return;
    }
#ifdef USE_C10D_NCCL
    if (!torch::cuda::is_available()) {
        throw Error(ErrorKind::Config,
                    describe() + ": training on " + device.str() + " asked for, but there is no " +
                        "CUDA device",
                    ErrorCode::InvalidValue);
    }
    try {
        // Its own key space in the rendezvous store, beside the Gloo group's.
        auto store = c10::make_intrusive<::c10d::PrefixStore>("nccl", m_d->store);
        auto options = ::c10d::ProcessGroupNCCL::Options::create();
        options->timeout = m_env.timeout;
        m_d->nccl = c10::make_intrusive<::c10d::ProcessGroupNCCL>(store, m_env.rank,
                                                                  m_env.worldSize, options);
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Runtime, describe() + ": could not start NCCL on " + device.str() +
                                            ": " + firstLine(e.what()));
    }
    m_d->wire = device;
#else
    throw Error(ErrorKind::Config,
                describe() + ": training on " + device.str() +
                    " needs NCCL, which this LibTorch build (" + TORCH_VERSION +
                    ") lacks; train on the CPU (--device cpu) or build against a CUDA LibTorch "
                    "(README.md, \"Two LibTorch builds\")",
                ErrorCode::InvalidValue);
#endif
}

torch::Device DataParallel::collectiveDevice() const
{
    return m_d->wire;
}

std::shared_ptr<DataParallel> DataParallel::fromEnvironment()
{
    static std::mutex mutex;
    static std::shared_ptr<DataParallel> group;
    static bool tried = false;
    std::lock_guard lock(mutex);
    if (!tried) {
        const ParallelEnv env = parallelEnvFromEnvironment();
        tried = true;
        if (env.worldSize > 1) {
            group = join(env);
        }
    }
    return group;
}

namespace {

/// Runs one collective and turns c10d's failures into a vd::Error naming the rank.
template <typename Fn> void collective(const DataParallel& dp, const std::string& what, Fn fn)
{
    try {
        fn()->wait();
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Runtime,
                    dp.describe() + ": " + what +
                        " failed; another rank stopped or lost contact: " + firstLine(e.what()));
    }
}

} // namespace

void DataParallel::broadcastFromMain(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& t : tensors) {
        // Gloo works on contiguous CPU tensors, NCCL on the GPU's; parameters may live on either.
        torch::Tensor buffer = t.detach().to(m_d->wire).contiguous();
        std::vector<torch::Tensor> one{buffer};
        collective(*this, "broadcast of the weights", [&] { return m_d->broadcastTensors(one); });
        t.copy_(buffer);
    }
}

void DataParallel::averageGradients(const std::vector<torch::Tensor>& parameters)
{
    std::vector<torch::Tensor> grads;
    for (const torch::Tensor& p : parameters) {
        if (!p.requires_grad()) {
            continue;
        }
        if (!p.grad().defined()) {
            p.mutable_grad() = torch::zeros_like(p);
        }
        grads.push_back(p.mutable_grad());
    }
    reduceInBuckets(grads, 1.0 / m_env.worldSize, "gradient allreduce");
}

void DataParallel::sumTensors(const std::vector<torch::Tensor>& tensors, const std::string& what)
{
    reduceInBuckets(tensors, 1.0, what);
}

void DataParallel::reduceInBuckets(const std::vector<torch::Tensor>& tensors, double scale,
                                   const std::string& what)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> bucket;
    int64_t bytes = 0;
    auto flush = [&] {
        if (bucket.empty()) {
            return;
        }
        std::vector<torch::Tensor> flat;
        flat.reserve(bucket.size());
        for (const torch::Tensor& t : bucket) {
            flat.push_back(t.to(m_d->wire, torch::kFloat32).reshape({-1}));
        }
        std::vector<torch::Tensor> buffer{torch::cat(flat)};
        collective(*this, what, [&] { return m_d->allreduceTensors(buffer); });
        if (scale != 1.0) {
            buffer[0].mul_(scale);
        }
        int64_t offset = 0;
        for (torch::Tensor& t : bucket) {
            const int64_t n = t.numel();
            t.copy_(buffer[0].narrow(0, offset, n).view_as(t));
            offset += n;
        }
        bucket.clear();
        bytes = 0;
    };
    for (const torch::Tensor& t : tensors) {
        bucket.push_back(t);
        bytes += t.numel() * 4;
        if (bytes >= kBucketBytes) {
            flush();
        }
    }
    flush();
}

std::vector<double> DataParallel::sum(const std::vector<double>& values)
{
    std::vector<torch::Tensor> buffer{
        torch::tensor(values, torch::TensorOptions().dtype(torch::kFloat64))};
    collective(*this, "allreduce of the step's figures",
               [&] { return m_d->group->allreduce(buffer); });
    const double* data = buffer[0].data_ptr<double>();
    return std::vector<double>(data, data + values.size());
}

std::pair<double, double> DataParallel::maxMin(double value)
{
    std::vector<torch::Tensor> buffer{
        torch::tensor({value, -value}, torch::TensorOptions().dtype(torch::kFloat64))};
    collective(*this, "weights check", [&] {
        ::c10d::AllreduceOptions options;
        options.reduceOp = ::c10d::ReduceOp::MAX;
        return m_d->group->allreduce(buffer, options);
    });
    return {buffer[0][0].item<double>(), -buffer[0][1].item<double>()};
}

void DataParallel::barrier(const std::string& what)
{
    // An allreduce of one value rather than c10d's barrier: the same failure reporting, and
    // Gloo's barrier has no per-call timeout either.
    std::vector<torch::Tensor> buffer{torch::zeros({1})};
    collective(*this, ("waiting for the other ranks (" + what + ")").c_str(),
               [&] { return m_d->group->allreduce(buffer); });
}

} // namespace vd
