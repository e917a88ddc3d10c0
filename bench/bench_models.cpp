// SPDX-License-Identifier: GPL-3.0-or-later
// Training-step and sampler-step cost of the preset models on this machine.
//
//   bench_models [--preset demo,small] [--threads 1,2] [--repeat R] [--warmup W] [--size S]
//                [--frames T] [--batch B] [--vae-frames F] [--json] [--dump-params]
//                [--params-only] [--check-forward] [--profile-ops] [--malloc-tuned]
//                [--rows KEY,...] [--denoiser JSON] [--optimizer adamw|muon]
//
// Per preset (VAEConfig::preset / DenoiserConfig::preset; the denoiser gets the VAE's latent
// channels and 4 classes, as a project made from the preset would), rows:
// - VAE train step: forward (posterior sampled), VAELoss, backward, AdamW step on F frames of
//   S x S. The VAE is per-frame, so its batch is counted in frames: F/2 clips of 2 frames.
// - VAE encode+decode of 1 clip of T frames under NoGradGuard (a preview/eval pass).
// - denoiser train step: DiffusionObjective (flow) loss, backward, AdamW on B latent clips
//   [latent, T, S/f, S/f].
// - the two train steps again with their forward under bf16 autocast (`_bf16` rows; what
//   train.precision "bfloat16" runs): convs and matmuls in bf16, weights and norms in float32.
// - and with float32 convolutions inside bf16 autocast (`_mixed` rows; train.precision "mixed").
// - group norm, modulation and SiLU of the denoiser's top level, bf16, forward and backward:
//   the fused node (`norm_silu`) and the torch ops it replaced (`norm_silu_composition`).
// - sampler step: one Euler step (one denoiser forward under NoGradGuard) for 1 clip, without and
//   with classifier-free guidance (which doubles the batch).
// Each figure is the median of R timed steps after W warm-up steps, at each thread count
// (vd::configureThreads: torch intra-op threads; OpenBLAS at --blas-threads, 1 by default as the
// trainer runs it, since a second OpenBLAS thread per core oversubscribes it). Memory: the
// process's peak RSS (getrusage ru_maxrss) and, per row, the RSS before it and the peak during it
// (VmHWM after a reset through /proc/self/clear_refs). bench/python/bench_models.py is the same
// bench written against Python torch; bench/run.sh runs both and compares them.
#include "diffusion/DiffusionObjective.h"
#include "diffusion/Random.h"
#include "diffusion/Sampler.h"
#include "model/ConvPrecision.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "model/VAELoss.h"
#include "model/detail/GroupNormSiLU.h"
#include "train/detail/Autocast.h"
#include "train/detail/Muon.h"
#include "util/Memory.h"
#include "util/Threads.h"

#include <nlohmann/json.hpp>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <dlfcn.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

constexpr int64_t kNumClasses = 4;

/// Batch sizes and repeats of one preset. demo: the demo project's sizes (64x64, 8 frames,
/// batch 8). small: the small project's frames (128x128, 16 per clip) but batch 1 (the project
/// trains on 8), so that a run stays within minutes on 2 cores; the cost of these convolutional
/// steps grows about linearly with the batch. Must match default_sizes() in bench_models.py.
struct PresetSizes {
    int64_t size = 64;     ///< frame height and width
    int64_t frames = 8;    ///< T of the denoiser clips and of the sampled / reconstructed clip
    int64_t vaeFrames = 8; ///< VAE training batch in frames (2 frames per clip)
    int64_t batch = 8;     ///< denoiser training batch in clips
    int repeat = 5;
    int warmup = 2;
};

PresetSizes defaultSizes(const std::string& preset)
{
    if (preset == "small") {
        return {128, 16, 2, 1, 3, 1};
    }
    if (preset == "base") {
        return {256, 16, 2, 1, 2, 1};
    }
    return {};
}

struct Options {
    std::vector<std::string> presets{"demo"};
    std::vector<int> threads{1, 2};
    int blasThreads = 1; ///< OpenBLAS threads; 0 = as many as torch's (the bench before 2026-12-05)
    // -1: the preset's default.
    int repeat = -1;
    int warmup = -1;
    int64_t size = -1;
    int64_t frames = -1;
    int64_t batch = -1;
    int64_t vaeFrames = -1;
    bool json = false;
    bool dumpParams = false;
    bool paramsOnly = false;       ///< build the models, report their parameters, time nothing
    std::vector<std::string> rows; ///< row keys to run; empty = all
    bool checkForward = false;     ///< report outputs for fixed weights and inputs (see below)
    bool profileOps = false;       ///< profile one step per row (op counts and self times)
    bool mallocTuned = false;      ///< keep freed activations in glibc's heap (vd::tuneAllocator)
    std::string denoiserPatch;     ///< JSON merged into the preset's denoiser settings
    bool muon = false;             ///< train rows step hidden matrices with Muon (train.optimizer)
};

template <typename T> std::vector<T> parseList(const std::string& s)
{
    std::vector<T> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) {
            continue;
        }
        if constexpr (std::is_same_v<T, std::string>) {
            out.push_back(item);
        } else {
            out.push_back(static_cast<T>(std::stoll(item)));
        }
    }
    return out;
}

void usage(FILE* out)
{
    std::fprintf(
        out,
        "usage: bench_models [--preset demo,small] [--threads 1,2] [--blas-threads 1] "
        "[--repeat R] [--warmup W]\n"
        "                    [--size S] [--frames T] [--batch B] [--vae-frames F] "
        "[--json] [--dump-params]\n"
        "                    [--params-only] [--check-forward] [--profile-ops] [--malloc-tuned] "
        "[--rows vae_train,vae_train_bf16,vae_train_mixed,vae_recon,denoiser_train,\n"
        "                     denoiser_train_bf16,denoiser_train_mixed,sampler,sampler_cfg]\n"
        "                    [--denoiser JSON (merged into the preset's denoiser settings)]\n"
        "                    [--optimizer adamw|muon (train rows; muon as train.optimizer)]\n");
}

// --- memory ------------------------------------------------------------------------------------

double currentRssMb()
{
    std::ifstream statm("/proc/self/statm");
    long long pages = 0;
    long long resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

/// getrusage's ru_maxrss (KiB on Linux): peak since start, or since the last resetPeakRss().
double maxRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// Resets the kernel's RSS high-water mark to the current RSS (Linux >= 4.0). Returns false where
/// that is not allowed; per-row peaks are then peaks since the start.
bool resetPeakRss()
{
    std::ofstream clearRefs("/proc/self/clear_refs");
    clearRefs << "5";
    clearRefs.flush();
    return static_cast<bool>(clearRefs);
}

/// Tracks the process peak across resets of the high-water mark.
struct PeakTracker {
    double processPeakMb = 0.0;
    void observe() { processPeakMb = std::max(processPeakMb, maxRssMb()); }
};

// --- BLAS ----------------------------------------------------------------------------------------

int blasThreads()
{
    using GetFn = int (*)();
    auto fn = reinterpret_cast<GetFn>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return fn ? fn() : -1;
}

std::string blasConfig()
{
    using ConfigFn = char* (*)();
    auto fn = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    return fn ? std::string(fn()) : std::string("OpenBLAS not found");
}

// --- parameters ----------------------------------------------------------------------------------

int64_t countParameters(const torch::nn::Module& m)
{
    int64_t n = 0;
    for (const auto& p : m.parameters()) {
        n += p.numel();
    }
    return n;
}

/// "name:d0xd1...", sorted by name: what bench_models.py must reproduce exactly.
std::vector<std::string> parameterShapes(const torch::nn::Module& m)
{
    std::vector<std::string> out;
    for (const auto& item : m.named_parameters()) {
        std::string s = item.key() + ":";
        const auto sizes = item.value().sizes();
        for (size_t i = 0; i < sizes.size(); ++i) {
            s += (i ? "x" : "") + std::to_string(sizes[i]);
        }
        out.push_back(s);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// FNV-1a (64 bit) of the shapes joined by ';', as 16 hex digits.
std::string digest(const std::vector<std::string>& shapes)
{
    uint64_t h = 1469598103934665603ULL;
    bool first = true;
    for (const auto& s : shapes) {
        const std::string part = (first ? "" : ";") + s;
        first = false;
        for (const unsigned char c : part) {
            h ^= c;
            h *= 1099511628211ULL;
        }
    }
    char buf[17];
    std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// --- forward check -------------------------------------------------------------------------------
// --check-forward sets every parameter (sorted by name) to sin(0.37 k + index) * 0.2 and runs
// the VAE and the denoiser on fixed inputs; bench_models.py does the same, and bench/run.sh
// compares the output sums. Equal parameter shapes do not prove equal computations; this does.

void fillDeterministic(torch::nn::Module& m)
{
    torch::NoGradGuard noGrad;
    std::vector<std::pair<std::string, torch::Tensor>> params;
    for (const auto& item : m.named_parameters()) {
        params.emplace_back(item.key(), item.value());
    }
    std::sort(params.begin(), params.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i < params.size(); ++i) {
        torch::Tensor& p = params[i].second;
        p.copy_(
            (torch::sin(torch::arange(p.numel(), torch::kFloat32) * 0.37 + static_cast<double>(i)) *
             0.2)
                .view(p.sizes()));
    }
}

torch::Tensor deterministicInput(at::IntArrayRef sizes)
{
    int64_t n = 1;
    for (const int64_t s : sizes) {
        n *= s;
    }
    return torch::sin(torch::arange(n, torch::kFloat32) * 0.11).view(sizes);
}

nlohmann::json forwardCheck(vd::VAE& vae, vd::Denoiser& denoiser)
{
    fillDeterministic(*vae);
    fillDeterministic(*denoiser);
    vae->eval();
    denoiser->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor recon = vae->forward(deterministicInput({1, 3, 2, 32, 32}), false)
                                    .reconstruction.to(torch::kFloat64);
    const int64_t c = denoiser->config().latentChannels;
    const torch::Tensor out =
        denoiser
            ->forward(deterministicInput({2, c, 4, 8, 8}), torch::tensor({250.0f, 750.0f}),
                      torch::tensor({1, -1}, torch::kLong))
            .to(torch::kFloat64);
    return {{"vae_sum", recon.sum().item<double>()},
            {"vae_abs", recon.abs().sum().item<double>()},
            {"denoiser_sum", out.sum().item<double>()},
            {"denoiser_abs", out.abs().sum().item<double>()}};
}

// --- op profile --------------------------------------------------------------------------------
// --profile-ops runs one more step of each row under the autograd profiler (the legacy one: the
// Debian build has no Kineto, and Python's profiler falls back to the same) and reports, per op
// name, calls and self time, plus the time spent inside top-level ATen ops. Wall time minus that
// is what the framework costs around the kernels (C++ or Python code, autograd bookkeeping).

nlohmann::json profileStep(const std::function<void()>& step)
{
    namespace prof = torch::autograd::profiler;
    namespace impl = torch::profiler::impl;
    prof::enableProfilerLegacy(impl::ProfilerConfig(impl::ProfilerState::CPU));
    const auto start = std::chrono::steady_clock::now();
    step();
    const double wallUs =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    const prof::thread_event_lists lists = prof::disableProfilerLegacy();

    struct Frame {
        const prof::LegacyEvent* push;
        double childUs;
        bool underAten;
    };
    std::map<std::string, std::pair<int64_t, double>> ops; // name -> (calls, self us)
    double atenTopUs = 0.0;
    for (const auto& list : lists) {
        std::vector<Frame> stack;
        for (const auto& ev : list) {
            if (ev.kind() == prof::EventKind::PushRange) {
                const bool underAten =
                    !stack.empty() &&
                    (stack.back().underAten ||
                     std::string(stack.back().push->name()).rfind("aten::", 0) == 0);
                stack.push_back({&ev, 0.0, underAten});
            } else if (ev.kind() == prof::EventKind::PopRange && !stack.empty()) {
                const Frame f = stack.back();
                stack.pop_back();
                const double us = f.push->cpuElapsedUs(ev);
                const std::string name = f.push->name();
                auto& op = ops[name];
                op.first += 1;
                op.second += us - f.childUs;
                if (!stack.empty()) {
                    stack.back().childUs += us;
                }
                if (!f.underAten && name.rfind("aten::", 0) == 0) {
                    atenTopUs += us;
                }
            }
        }
    }
    nlohmann::json jops = nlohmann::json::object();
    for (const auto& [name, op] : ops) {
        jops[name] = {op.first, op.second};
    }
    return {{"wall_us", wallUs}, {"aten_top_us", atenTopUs}, {"ops", jops}};
}

// --- timing --------------------------------------------------------------------------------------

struct Timing {
    double medianMs = 0.0;
    double minMs = 0.0;
    double maxMs = 0.0;
    double cpuMedianMs = 0.0; ///< process CPU time (all threads) per step, median
};

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

Timing timeSteps(int warmup, int repeat, const std::function<void()>& step)
{
    for (int i = 0; i < warmup; ++i) {
        step();
    }
    std::vector<double> ms;
    std::vector<double> cpuMs;
    for (int i = 0; i < repeat; ++i) {
        const double cpuStart = processCpuMs();
        const auto start = std::chrono::steady_clock::now();
        step();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        cpuMs.push_back(processCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpuMs.begin(), cpuMs.end());
    return {ms[ms.size() / 2], ms.front(), ms.back(), cpuMs[cpuMs.size() / 2]};
}

std::string shapeString(at::IntArrayRef sizes)
{
    std::string s = "[";
    for (size_t i = 0; i < sizes.size(); ++i) {
        s += (i ? "," : "") + std::to_string(sizes[i]);
    }
    return s + "]";
}

// --- one preset ----------------------------------------------------------------------------------

nlohmann::json runPreset(const std::string& preset, const Options& opt, PeakTracker& peak)
{
    PresetSizes sz = defaultSizes(preset);
    sz.size = opt.size > 0 ? opt.size : sz.size;
    sz.frames = opt.frames > 0 ? opt.frames : sz.frames;
    sz.batch = opt.batch > 0 ? opt.batch : sz.batch;
    sz.vaeFrames = opt.vaeFrames > 0 ? std::max<int64_t>(2, opt.vaeFrames) : sz.vaeFrames;
    sz.repeat = opt.repeat > 0 ? opt.repeat : sz.repeat;
    sz.warmup = opt.warmup >= 0 ? opt.warmup : sz.warmup;

    torch::manual_seed(0);
    at::Generator gen = vd::makeGenerator(0);
    const double rssStartMb = currentRssMb();

    const vd::VAEConfig vaeConfig = vd::VAEConfig::preset(preset);
    vd::VAE vae(vaeConfig);
    torch::optim::AdamW vaeOpt(vae->parameters(), torch::optim::AdamWOptions(1e-4));
    const vd::VAELoss vaeLoss;
    const int64_t latentSize = sz.size / vaeConfig.downsampleFactor();
    const torch::Tensor video = torch::rand({sz.vaeFrames / 2, 3, 2, sz.size, sz.size}) * 2 - 1;
    const torch::Tensor clip = torch::rand({1, 3, sz.frames, sz.size, sz.size}) * 2 - 1;

    vd::DenoiserConfig denoiserConfig = vd::DenoiserConfig::preset(preset);
    denoiserConfig.latentChannels = vaeConfig.latentChannels;
    denoiserConfig.numClasses = kNumClasses;
    if (!opt.denoiserPatch.empty()) { // e.g. {"temporal_attention_levels": [0, 1]}
        nlohmann::json j = denoiserConfig;
        j.merge_patch(nlohmann::json::parse(opt.denoiserPatch));
        denoiserConfig = vd::denoiserConfigFromJson(j, "--denoiser");
    }
    vd::Denoiser denoiser(denoiserConfig);
    torch::optim::AdamW denOpt(denoiser->parameters(), torch::optim::AdamWOptions(1e-4));
    // --optimizer muon: what train.optimizer "muon" adds to a step (Trainer: Muon first, then
    // AdamW for the parameters Muon left without gradients).
    std::vector<torch::Tensor> vaeMuon;
    std::vector<torch::Tensor> denoiserMuon;
    if (opt.muon) {
        vaeMuon = vd::detail::muonParameters(*vae);
        denoiserMuon = vd::detail::muonParameters(*denoiser);
    }
    const vd::DiffusionObjective objective{vd::DiffusionConfig{}};
    const std::vector<int64_t> latentShape{sz.batch, denoiserConfig.latentChannels, sz.frames,
                                           latentSize, latentSize};
    const torch::Tensor latents = torch::randn(latentShape);
    const torch::Tensor labels = torch::randint(0, kNumClasses, {sz.batch}, torch::kLong);
    const vd::DenoiseFn fn = [&](const torch::Tensor& x, const torch::Tensor& t,
                                 const torch::Tensor& y) { return denoiser->forward(x, t, y); };
    const std::vector<int64_t> sampleShape{1, denoiserConfig.latentChannels, sz.frames, latentSize,
                                           latentSize};
    const double rssModelsMb = currentRssMb();

    const auto vaeShapes = parameterShapes(*vae);
    const auto denoiserShapes = parameterShapes(*denoiser);
    if (opt.dumpParams) {
        for (const auto& s : vaeShapes) {
            std::printf("vae %s\n", s.c_str());
        }
        for (const auto& s : denoiserShapes) {
            std::printf("denoiser %s\n", s.c_str());
        }
    }

    struct Row {
        std::string key;
        std::string label;
        std::function<void()> setup;
        std::function<void()> step;
    };
    std::vector<Row> rows;
    // precision: 0 float32, 1 bf16 autocast, 2 mixed (bf16 autocast, float32 convolutions).
    const char* precisionKeys[] = {"", "_bf16", "_mixed"};
    const char* precisionLabels[] = {"", " (bf16)", " (mixed)"};
    for (const int precision : {0, 1, 2}) {
        rows.push_back({std::string("vae_train") + precisionKeys[precision],
                        "VAE train step" + std::string(precisionLabels[precision]) + ", " +
                            std::to_string(sz.vaeFrames) + " frames " + shapeString(video.sizes()),
                        [&] { vae->train(); },
                        [&, precision] {
                            vaeOpt.zero_grad();
                            torch::Tensor loss;
                            {
                                vd::detail::Autocast autocast(torch::kCPU, precision > 0);
                                vd::Float32Convolutions convs(precision == 2);
                                loss = vaeLoss(video, vae->forward(video, true, gen), 0).total;
                            }
                            loss.backward();
                            vd::detail::muonStep(vaeOpt, vaeMuon, 1e-4, 0.0);
                            vaeOpt.step();
                        }});
    }
    rows.push_back({"vae_recon", "VAE encode+decode, no grad, 1 clip " + shapeString(clip.sizes()),
                    [&] { vae->eval(); },
                    [&] {
                        torch::NoGradGuard noGrad;
                        vae->decode(vae->encode(clip).mean);
                    }});
    // The training rows again under bf16 autocast (train.precision "bfloat16"): as the Trainer
    // runs them, forward under autocast, backward and optimizer outside.
    for (const int precision : {0, 1, 2}) {
        rows.push_back({std::string("denoiser_train") + precisionKeys[precision],
                        "denoiser train step (flow" +
                            std::string(precision == 0   ? ""
                                        : precision == 1 ? ", bf16"
                                                         : ", mixed") +
                            ") " + shapeString(latents.sizes()),
                        [&] { denoiser->train(); },
                        [&, precision] {
                            denOpt.zero_grad();
                            torch::Tensor loss;
                            {
                                vd::detail::Autocast autocast(torch::kCPU, precision > 0);
                                vd::Float32Convolutions convs(precision == 2);
                                loss = objective.loss(denoiser, latents, labels, gen).loss;
                            }
                            loss.backward();
                            vd::detail::muonStep(denOpt, denoiserMuon, 1e-4, 0.0);
                            denOpt.step();
                        }});
    }
    // Group norm, modulation and SiLU before a convolution of the denoiser's top level under
    // bf16 autocast (bf16 in and out), forward and backward: the fused node the models run
    // (detail::groupNormSiLU) and the composition of torch ops it replaced, side by side.
    const torch::Tensor normInput =
        torch::randn({sz.batch * sz.frames, denoiserConfig.baseChannels, latentSize, latentSize})
            .to(torch::kBFloat16);
    const torch::Tensor normUpstream = torch::randn(normInput.sizes()).to(torch::kBFloat16);
    const torch::Tensor normWeight = torch::ones({normInput.size(1)}).requires_grad_(true);
    const torch::Tensor normBias = torch::zeros({normInput.size(1)}).requires_grad_(true);
    const torch::Tensor normScale =
        (torch::randn({normInput.size(0), normInput.size(1)}) * 0.1).requires_grad_(true);
    const torch::Tensor normShift =
        (torch::randn({normInput.size(0), normInput.size(1)}) * 0.1).requires_grad_(true);
    for (const bool fused : {true, false}) {
        rows.push_back(
            {fused ? "norm_silu" : "norm_silu_composition",
             std::string(fused ? "group norm+SiLU, fused" : "group norm+SiLU, torch ops") +
                 " (bf16, fwd+bwd) " + shapeString(normInput.sizes()),
             [] {},
             [&, fused] {
                 const torch::Tensor x = normInput.detach().requires_grad_(true);
                 const auto run =
                     fused ? vd::detail::groupNormSiLU : vd::detail::groupNormSiLUReference;
                 run(x, denoiserConfig.normGroups, normWeight, normBias, normScale, normShift, 1e-6,
                     torch::kBFloat16)
                     .backward(normUpstream);
             }});
    }
    for (const bool cfg : {false, true}) {
        rows.push_back(
            {cfg ? "sampler_cfg" : "sampler",
             std::string("sampler step, 1 clip ") + shapeString(sampleShape) +
                 (cfg ? ", cfg 3.0" : ", cfg 1.0"),
             [&] { denoiser->eval(); },
             [&, cfg] {
                 vd::SamplingConfig sc;
                 sc.sampler = "euler";
                 vd::SamplerOptions so;
                 so.steps = 1;
                 so.guidanceScale = cfg ? 3.0 : 1.0;
                 so.labels = torch::tensor({1}, torch::kLong);
                 vd::makeSampler(sc, vd::DiffusionConfig{})->sample(fn, sampleShape, so, gen);
             }});
    }

    const int64_t vaeParams = countParameters(*vae);
    const int64_t denoiserParams = countParameters(*denoiser);
    FILE* table = opt.json ? stderr : stdout;
    std::fprintf(table,
                 "\n[cpp] preset %s: VAE %lld parameters, denoiser %lld parameters; "
                 "median of %d steps after %d warm-up (ms)\n",
                 preset.c_str(), static_cast<long long>(vaeParams),
                 static_cast<long long>(denoiserParams), sz.repeat, sz.warmup);
    std::fprintf(table, "%-58s", "step");
    for (const int n : opt.threads) {
        std::fprintf(table, " %10s", ("threads=" + std::to_string(n)).c_str());
    }
    std::fprintf(table, " %12s\n", "row peak MB");

    nlohmann::json jrows = nlohmann::json::array();
    nlohmann::json profiles = nlohmann::json::object();
    if (opt.paramsOnly) {
        rows.clear();
    }
    if (!opt.rows.empty()) {
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [&](const Row& r) {
                                      return std::find(opt.rows.begin(), opt.rows.end(), r.key) ==
                                             opt.rows.end();
                                  }),
                   rows.end());
    }
    for (auto& row : rows) {
        std::fprintf(table, "%-58s", row.label.c_str());
        double rowPeakMb = 0.0;
        for (const int n : opt.threads) {
            vd::configureThreads(vd::ThreadSettings{n, opt.blasThreads > 0 ? opt.blasThreads : n});
            row.setup();
            peak.observe();
            const double rssBeforeMb = currentRssMb();
            const bool reset = resetPeakRss();
            const Timing t = timeSteps(sz.warmup, sz.repeat, row.step);
            const double rowMaxMb = maxRssMb();
            peak.observe();
            rowPeakMb = std::max(rowPeakMb, rowMaxMb);
            std::fprintf(table, " %10.1f", t.medianMs);
            std::fflush(table);
            jrows.push_back({{"key", row.key},
                             {"label", row.label},
                             {"threads", n},
                             {"torch_threads", torch::get_num_threads()},
                             {"blas_threads", blasThreads()},
                             {"ms", t.medianMs},
                             {"ms_min", t.minMs},
                             {"ms_max", t.maxMs},
                             {"cpu_ms", t.cpuMedianMs},
                             {"repeat", sz.repeat},
                             {"warmup", sz.warmup},
                             {"rss_before_mb", rssBeforeMb},
                             {"row_peak_mb", rowMaxMb},
                             {"row_peak_is_since_reset", reset},
                             {"row_growth_mb", rowMaxMb - rssBeforeMb}});
        }
        std::fprintf(table, " %12.0f\n", rowPeakMb);
        if (opt.profileOps) {
            profiles[row.key] = profileStep(row.step);
        }
    }
    peak.observe();

    nlohmann::json forward;
    if (opt.checkForward) {
        forward = forwardCheck(vae, denoiser);
    }
    return {{"impl", "cpp"},
            {"preset", preset},
            {"torch_version", TORCH_VERSION},
            {"blas_config", blasConfig()},
            {"allocator", vd::allocatorName()},
            {"sizes",
             {{"size", sz.size},
              {"frames", sz.frames},
              {"vae_frames", sz.vaeFrames},
              {"batch", sz.batch},
              {"latent_size", latentSize},
              {"latent_channels", denoiserConfig.latentChannels},
              {"num_classes", kNumClasses}}},
            {"params",
             {{"vae", vaeParams},
              {"denoiser", denoiserParams},
              {"vae_tensors", vaeShapes.size()},
              {"denoiser_tensors", denoiserShapes.size()},
              {"vae_digest", digest(vaeShapes)},
              {"denoiser_digest", digest(denoiserShapes)}}},
            {"rss_start_mb", rssStartMb},
            {"rss_models_mb", rssModelsMb},
            {"forward", forward},
            {"profiles", profiles},
            {"rows", jrows}};
}

} // namespace

int main(int argc, char** argv)
{
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--json") {
            opt.json = true;
        } else if (a == "--dump-params") {
            opt.dumpParams = true;
        } else if (a == "--malloc-tuned") {
            opt.mallocTuned = true;
        } else if (hasValue && a == "--optimizer") {
            const std::string name = argv[++i];
            if (name != "adamw" && name != "muon") {
                std::fprintf(stderr, "bench_models: --optimizer is adamw or muon, not '%s'\n",
                             name.c_str());
                return 2;
            }
            opt.muon = name == "muon";
        } else if (a == "--profile-ops") {
            opt.profileOps = true;
        } else if (a == "--check-forward") {
            opt.checkForward = true;
        } else if (a == "--params-only") {
            opt.paramsOnly = true;
        } else if (a == "--help" || a == "-h") {
            usage(stdout);
            return 0;
        } else if (hasValue && a == "--preset") {
            opt.presets = parseList<std::string>(argv[++i]);
        } else if (hasValue && a == "--denoiser") {
            opt.denoiserPatch = argv[++i];
        } else if (hasValue && a == "--rows") {
            opt.rows = parseList<std::string>(argv[++i]);
        } else if (hasValue && a == "--threads") {
            opt.threads = parseList<int>(argv[++i]);
        } else if (hasValue && a == "--blas-threads") {
            opt.blasThreads = std::atoi(argv[++i]);
        } else if (hasValue && a == "--repeat") {
            opt.repeat = std::atoi(argv[++i]);
        } else if (hasValue && a == "--warmup") {
            opt.warmup = std::atoi(argv[++i]);
        } else if (hasValue && a == "--size") {
            opt.size = std::atoll(argv[++i]);
        } else if (hasValue && a == "--frames") {
            opt.frames = std::atoll(argv[++i]);
        } else if (hasValue && a == "--batch") {
            opt.batch = std::atoll(argv[++i]);
        } else if (hasValue && a == "--vae-frames") {
            opt.vaeFrames = std::atoll(argv[++i]);
        } else {
            std::fprintf(stderr, "unknown option or missing value: %s\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (opt.presets.empty() || opt.threads.empty()) {
        usage(stderr);
        return 2;
    }

    // vd::tuneAllocator: glibc's fixed mmap and trim thresholds (util/Memory.h). It changes
    // nothing under tcmalloc or a user's GLIBC_TUNABLES, and then the flag would not mean what
    // the JSON says.
    if (opt.mallocTuned && !vd::tuneAllocator()) {
        std::fprintf(
            stderr,
            "bench_models: --malloc-tuned tunes glibc's malloc, but this process runs %s "
            "(tcmalloc: configure with -DVDSTUDIO_TCMALLOC=OFF) or GLIBC_TUNABLES is set\n",
            vd::allocatorName());
        return 4;
    }
    PeakTracker peak;
    peak.observe();
    nlohmann::json out = nlohmann::json::array();
    try {
        for (const auto& preset : opt.presets) {
            out.push_back(runPreset(preset, opt, peak));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_models: %s\n", e.what());
        return 4;
    }
    peak.observe();
    std::FILE* table = opt.json ? stderr : stdout;
    std::fprintf(table, "\n[cpp] peak RSS of the process: %.0f MB (ru_maxrss); %s; malloc: %s\n",
                 peak.processPeakMb, blasConfig().c_str(), vd::allocatorName());
    if (opt.json) {
        for (auto& p : out) {
            p["peak_rss_mb"] = peak.processPeakMb;
            p["malloc_tuned"] = opt.mallocTuned;
        }
        std::printf("%s\n", out.dump().c_str());
    }
    return 0;
}
