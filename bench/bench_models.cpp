// SPDX-License-Identifier: GPL-3.0-or-later
// Training-step and sampler-step cost of the demo-size models on this machine.
//
//   bench_models [--repeat R] [--threads 1,2] [--frames T] [--batch B] [--vae-frames F]
//
// Rows: one VAE training step (forward, loss, backward, AdamW) on F frames at 64x64 (the VAE is
// per-frame, so its batch is counted in frames: F/2 clips of 2 frames);
// one denoiser training step (flow objective) on B latent clips [4, T, 16, 16]; one sampler step
// (a denoiser forward under NoGradGuard) for 1 clip, without and with classifier-free guidance
// (which doubles the batch). Each figure is the median of R timed steps after 2 warm-up steps.
#include "diffusion/DiffusionObjective.h"
#include "diffusion/Random.h"
#include "diffusion/Sampler.h"
#include "model/Denoiser.h"
#include "model/VAE.h"
#include "model/VAELoss.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

double medianMs(int repeat, const std::function<void()>& step)
{
    for (int i = 0; i < 2; ++i) {
        step();
    }
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        step();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

std::vector<int> parseList(const std::string& s)
{
    std::vector<int> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        out.push_back(std::stoi(item));
    }
    return out;
}

int64_t countParameters(torch::nn::Module& m)
{
    int64_t n = 0;
    for (const auto& p : m.parameters()) {
        n += p.numel();
    }
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    int repeat = 5;
    int64_t frames = 8;
    int64_t batch = 8;
    int64_t vaeFrames = 8;
    std::vector<int> threads{1, 2};
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--repeat") {
            repeat = std::atoi(argv[i + 1]);
        } else if (a == "--threads") {
            threads = parseList(argv[i + 1]);
        } else if (a == "--frames") {
            frames = std::atoll(argv[i + 1]);
        } else if (a == "--vae-frames") {
            vaeFrames = std::max<int64_t>(2, std::atoll(argv[i + 1]));
        } else if (a == "--batch") {
            batch = std::atoll(argv[i + 1]);
        } else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    torch::manual_seed(0);
    at::Generator gen = vd::makeGenerator(0);

    const vd::VAEConfig vaeConfig = vd::VAEConfig::preset("demo");
    vd::VAE vae(vaeConfig);
    torch::optim::AdamW vaeOpt(vae->parameters(), torch::optim::AdamWOptions(1e-4));
    const vd::VAELoss vaeLoss;
    const torch::Tensor video = torch::rand({vaeFrames / 2, 3, 2, 64, 64}) * 2 - 1;
    const torch::Tensor clip = torch::rand({1, 3, frames, 64, 64}) * 2 - 1;

    vd::DenoiserConfig denoiserConfig = vd::DenoiserConfig::preset("demo");
    denoiserConfig.numClasses = 4;
    vd::Denoiser denoiser(denoiserConfig);
    torch::optim::AdamW denOpt(denoiser->parameters(), torch::optim::AdamWOptions(1e-4));
    const vd::DiffusionObjective objective{vd::DiffusionConfig{}};
    const torch::Tensor latents = torch::randn({batch, 4, frames, 16, 16});
    const torch::Tensor labels = torch::randint(0, 4, {batch}, torch::kLong);
    const vd::DenoiseFn fn = [&](const torch::Tensor& x, const torch::Tensor& t,
                                 const torch::Tensor& y) { return denoiser->forward(x, t, y); };

    std::printf("VAE demo: %lld parameters; denoiser demo: %lld parameters\n",
                static_cast<long long>(countParameters(*vae)),
                static_cast<long long>(countParameters(*denoiser)));
    std::printf("VAE batch %lld frames; denoiser batch %lld clips x %lld frames; median of %d "
                "steps (ms)\n\n",
                static_cast<long long>(video.size(0) * 2), static_cast<long long>(batch),
                static_cast<long long>(frames), repeat);
    std::printf("%-48s", "step");
    for (int n : threads) {
        std::printf(" %10s", ("threads=" + std::to_string(n)).c_str());
    }
    std::printf("\n");

    struct Row {
        std::string name;
        std::function<void()> step;
    };
    std::vector<Row> rows;
    rows.push_back({"VAE train step [F/2,3,2,64,64]", [&] {
                        vaeOpt.zero_grad();
                        const vd::VAELossResult r =
                            vaeLoss(video, vae->forward(video, true, gen), 0);
                        r.total.backward();
                        vaeOpt.step();
                    }});
    rows.push_back({"VAE encode+decode, no grad, 1 clip [3,T,64,64]", [&] {
                        torch::NoGradGuard noGrad;
                        vae->decode(vae->encode(clip).mean);
                    }});
    rows.push_back({"denoiser train step [B,4,T,16,16] (flow)", [&] {
                        denOpt.zero_grad();
                        objective.loss(denoiser, latents, labels, gen).loss.backward();
                        denOpt.step();
                    }});
    for (const bool cfg : {false, true}) {
        rows.push_back(
            {std::string("sampler step, 1 clip, ") + (cfg ? "cfg 3.0" : "cfg 1.0"), [&, cfg] {
                 vd::SamplingConfig sc;
                 sc.sampler = "euler";
                 vd::SamplerOptions so;
                 so.steps = 1;
                 so.guidanceScale = cfg ? 3.0 : 1.0;
                 so.labels = torch::tensor({1}, torch::kLong);
                 vd::makeSampler(sc, vd::DiffusionConfig{})
                     ->sample(fn, {1, 4, frames, 16, 16}, so, gen);
             }});
    }
    for (auto& row : rows) {
        std::printf("%-48s", row.name.c_str());
        for (int n : threads) {
            torch::set_num_threads(n);
            std::printf(" %10.1f", medianMs(repeat, row.step));
            std::fflush(stdout);
        }
        std::printf("\n");
    }
    return 0;
}
