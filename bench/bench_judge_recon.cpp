// SPDX-License-Identifier: GPL-3.0-or-later
// bench_judge_recon PROJECT [--per-class N] [--threads N] [--from-t T1,T2,...] [--cfg G]:
// what the sample judge says about real clips and about the project's VAE reconstructions of
// them. The reconstructions' class accuracy is the ceiling a perfect denoiser could reach with
// this VAE. --from-t (flow models): noise each clip's latent to time t, denoise it back with the
// trained denoiser and the clip's own label (20 Euler steps per unit time) and judge the result:
// where class accuracy falls is where the denoiser stops knowing the class. --latent-noise
// S1,S2,... judges decodes of the normalized latents plus Gaussian noise of each std (how much
// latent error the decoder tolerates before the classes go).
#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "diffusion/DenoiseFn.h"
#include "diffusion/Guidance.h"
#include "diffusion/Random.h"
#include "diffusion/SelfConditioning.h"
#include "project/ClipJudge.h"
#include "project/Project.h"
#include "project/detail/InputClip.h"
#include "project/detail/TrainedModels.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_judge_recon PROJECT [--per-class N] [--threads N] "
                             "[--from-t T1,T2,...] [--cfg G] [--label-gap 1] "
                             "[--latent-noise S1,S2,...]\n");
        return 2;
    }
    int perClass = 16;
    int threads = 1;
    double cfg = 2.0;
    std::vector<double> fromT, latentNoise;
    bool labelGap = false;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--per-class") {
            perClass = std::atoi(argv[i + 1]);
        } else if (flag == "--threads") {
            threads = std::atoi(argv[i + 1]);
        } else if (flag == "--cfg") {
            cfg = std::atof(argv[i + 1]);
        } else if (flag == "--label-gap") {
            labelGap = std::atoi(argv[i + 1]) != 0;
        } else if (flag == "--from-t" || flag == "--latent-noise") {
            std::stringstream list(argv[i + 1]);
            for (std::string item; std::getline(list, item, ',');) {
                (flag == "--from-t" ? fromT : latentNoise).push_back(std::atof(item.c_str()));
            }
        }
    }
    torch::set_num_threads(threads);
    const vd::Project project = vd::Project::load(argv[1]);
    const vd::ClipJudge judge(project, "cpu",
                              [](const std::string& s) { std::printf("%s\n", s.c_str()); });
    vd::TrainedVAE vae = vd::loadTrainedVAE(project, torch::Device(torch::kCPU));
    const std::vector<std::string>& labels = judge.info().labels;
    std::vector<vd::FrameStack> real, recon;
    std::vector<torch::Tensor> latents; // normalized posterior means [1,C,T,h,w]
    std::vector<int> asked;
    torch::NoGradGuard noGrad;
    // The first N clips of each class in the dataset's own (path) order.
    const vd::DatasetIndex index = vd::DatasetIndex::scan(project.datasetRoot());
    for (size_t c = 0; c < labels.size(); ++c) {
        int taken = 0;
        for (const vd::ClipEntry& entry : index.clips()) {
            if (entry.label != labels[c] || taken == perClass) {
                continue;
            }
            ++taken;
            const torch::Tensor clip =
                vd::readInputClip(entry.info.path, project.dataset, 0, project.dataset.frames);
            const auto q = vae.vae->encode(clip.unsqueeze(0));
            const torch::Tensor out = vae.vae->decode(q.mean);
            latents.push_back(vae.vae->latentNorm()->normalize(q.mean));
            real.push_back(vd::tensorToFrames(clip));
            recon.push_back(vd::tensorToFrames(out[0]));
            asked.push_back(static_cast<int>(c));
        }
    }
    std::printf("== real clips\n%s", vd::formatJudgeReport(judge.judge(real, asked)).c_str());
    std::printf("== VAE reconstructions (%s)\n%s", vae.checkpoint.c_str(),
                vd::formatJudgeReport(judge.judge(recon, asked)).c_str());
    // How robust the decoder is to latent errors: decode each normalized latent plus Gaussian
    // noise of standard deviation s (a denoiser's residual error looks like this).
    at::Generator noiseGen = vd::makeGenerator(5);
    for (const double s : latentNoise) {
        std::vector<vd::FrameStack> noisy;
        double mse = 0.0;
        for (size_t i = 0; i < latents.size(); ++i) {
            const torch::Tensor z =
                latents[i] + s * vd::randnFrom(latents[i].sizes(), noiseGen, {});
            const torch::Tensor video =
                vae.vae->decode(vae.vae->latentNorm()->denormalize(z)).clamp(-1.0, 1.0);
            const torch::Tensor clean =
                vae.vae->decode(vae.vae->latentNorm()->denormalize(latents[i])).clamp(-1.0, 1.0);
            mse += (video - clean).pow(2).mean().item<double>() / 4.0; // [-1,1] -> [0,1] units
            noisy.push_back(vd::tensorToFrames(video[0]));
        }
        const double psnr = 10.0 * std::log10(static_cast<double>(latents.size()) / mse);
        std::printf("== decoded latents + noise of std %.2f (PSNR %.2f dB against the clean "
                    "decode)\n%s",
                    s, psnr, vd::formatJudgeReport(judge.judge(noisy, asked)).c_str());
    }
    if (fromT.empty() && !labelGap) {
        return 0;
    }
    vd::TrainedDenoiser den = vd::loadTrainedDenoiser(project, torch::Device(torch::kCPU));
    // One clip's denoising path at a time: a self-conditioned model keeps its last estimate.
    vd::DenoiseFn model = vd::samplingFn(den.denoiser);
    if (labelGap) {
        // How much the denoiser's flow loss depends on the label, per noise level: the loss
        // with the clip's own label, with the next class's label and with the null label.
        at::Generator gapGen = vd::makeGenerator(11);
        const int64_t n = static_cast<int64_t>(labels.size());
        std::printf("== label gap (flow loss per noise level; lower is better)\n");
        std::printf("    t     own     wrong   null\n");
        for (const double t : {0.1, 0.3, 0.5, 0.7, 0.85, 0.95}) {
            double own = 0.0, wrong = 0.0, null = 0.0;
            for (size_t i = 0; i < latents.size(); ++i) {
                const torch::Tensor noise = vd::randnFrom(latents[i].sizes(), gapGen, {});
                const torch::Tensor x = (1.0 - t) * latents[i] + t * noise;
                const torch::Tensor target = noise - latents[i];
                const torch::Tensor tt = torch::full({1}, t * vd::kFlowTimeScale);
                auto err = [&](int64_t label) {
                    // Without a previous estimate (zeros for a self-conditioned model).
                    return (den.denoiser->forward(x, tt, torch::tensor({label})) - target)
                        .pow(2)
                        .mean()
                        .item<double>();
                };
                own += err(asked[i]);
                wrong += err((asked[i] + 1) % n);
                null += err(-1);
            }
            const double k = static_cast<double>(latents.size());
            std::printf(" %.2f  %.4f  %.4f  %.4f\n", t, own / k, wrong / k, null / k);
        }
    }
    auto velocity = [&](const torch::Tensor& x, double t, int label) {
        return vd::guidedOutput(model, x, torch::full({1}, t * vd::kFlowTimeScale),
                                torch::tensor({int64_t(label)}), cfg);
    };
    at::Generator gen = vd::makeGenerator(7);
    for (const double t0 : fromT) {
        std::vector<vd::FrameStack> back;
        const int steps = std::max(1, static_cast<int>(std::lround(20.0 * t0)));
        for (size_t i = 0; i < latents.size(); ++i) {
            const torch::Tensor noise = vd::randnFrom(latents[i].sizes(), gen, {});
            torch::Tensor x = (1.0 - t0) * latents[i] + t0 * noise;
            model = vd::samplingFn(den.denoiser);
            for (int k = 0; k < steps; ++k) {
                const double t = t0 * (1.0 - double(k) / steps);
                const double next = t0 * (1.0 - double(k + 1) / steps);
                x = x - (t - next) * velocity(x, t, asked[i]);
            }
            const torch::Tensor video =
                vae.vae->decode(vae.vae->latentNorm()->denormalize(x)).clamp(-1.0, 1.0);
            back.push_back(vd::tensorToFrames(video[0]));
        }
        std::printf("== noised to t=%.2f and denoised (%s, cfg %.1f)\n%s", t0,
                    den.checkpoint.c_str(), cfg,
                    vd::formatJudgeReport(judge.judge(back, asked)).c_str());
    }
    return 0;
}
