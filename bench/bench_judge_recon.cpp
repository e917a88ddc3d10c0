// SPDX-License-Identifier: GPL-3.0-or-later
// bench_judge_recon PROJECT [--per-class N] [--threads N]: what the sample judge says about real
// clips and about the project's VAE reconstructions of them. The reconstructions' class
// accuracy is the ceiling a perfect denoiser could reach with this VAE.
#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "project/ClipJudge.h"
#include "project/InputClip.h"
#include "project/Project.h"
#include "project/TrainedModels.h"
#include "util/Threads.h"

#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_judge_recon PROJECT [--per-class N] [--threads N]\n");
        return 2;
    }
    int perClass = 16;
    int threads = 1;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--per-class") {
            perClass = std::atoi(argv[i + 1]);
        } else if (flag == "--threads") {
            threads = std::atoi(argv[i + 1]);
        }
    }
    torch::set_num_threads(threads);
    const std::string projectPath = argv[1];
    const vd::Project project = vd::Project::load(projectPath);
    const std::filesystem::path root =
        std::filesystem::path(projectPath).parent_path() / project.dataset.root;
    const vd::ClipJudge judge(project, "cpu", [](const std::string& s) {
        std::printf("%s\n", s.c_str());
    });
    vd::TrainedVAE vae = vd::loadTrainedVAE(project, torch::Device(torch::kCPU));
    const std::vector<std::string>& labels = judge.info().labels;
    std::vector<vd::FrameStack> real, recon;
    std::vector<int> asked;
    torch::NoGradGuard noGrad;
    for (size_t c = 0; c < labels.size(); ++c) {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(root / labels[c])) {
            if (e.path().extension() == ".mp4") {
                files.push_back(e.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (int k = 0; k < perClass && k < static_cast<int>(files.size()); ++k) {
            const torch::Tensor clip =
                vd::readInputClip(files[size_t(k)].string(), project.dataset, 0,
                                  project.dataset.frames);
            const auto q = vae.vae->encode(clip.unsqueeze(0));
            const torch::Tensor out = vae.vae->decode(q.mean);
            real.push_back(vd::tensorToFrames(clip));
            recon.push_back(vd::tensorToFrames(out[0]));
            asked.push_back(static_cast<int>(c));
        }
    }
    std::printf("== real clips\n%s", vd::formatJudgeReport(judge.judge(real, asked)).c_str());
    std::printf("== VAE reconstructions (%s)\n%s", vae.checkpoint.c_str(),
                vd::formatJudgeReport(judge.judge(recon, asked)).c_str());
    return 0;
}
