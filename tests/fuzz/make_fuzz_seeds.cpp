// SPDX-License-Identifier: GPL-3.0-or-later
// vd_fuzz_seeds OUT: writes the seed corpus of every fuzz target into OUT/<Name>/ with our own
// writers (and the ffmpeg command for containers we do not write), so nothing is downloaded
// and the seeds follow the formats as the code writes them today.
#include "FuzzFixtures.h"

#include "data/DatasetIndex.h"
#include "project/Project.h"
#include "train/MetricsLog.h"
#include "util/Log.h"
#include "util/Safetensors.h"

#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

void safetensorsSeeds(const fs::path& dir)
{
    // The tensors of fuzz_Safetensors' TinyModule, with config metadata as checkpoints carry.
    vd::SafetensorsFile::write((dir / "module.safetensors").string(),
                               {{"weight", torch::arange(6, torch::kFloat32).reshape({2, 3})},
                                {"bias", torch::ones({3})},
                                {"steps", torch::tensor({7}, torch::kInt64)}},
                               {{"config", R"({"latent_channels": 4})"}, {"step", "7"}});
    vd::SafetensorsFile::write((dir / "dtypes.safetensors").string(),
                               {{"half", torch::ones({2, 2}, torch::kFloat16)},
                                {"bf16", torch::ones({3}, torch::kBFloat16)},
                                {"flag", torch::tensor({true, false})},
                                {"bytes", torch::zeros({4}, torch::kUInt8)},
                                {"empty", torch::zeros({0, 5})}});
    vd::SafetensorsFile::write((dir / "metadata-only.safetensors").string(), {},
                               {{"format", "pt"}});
}

void projectSeeds(const fs::path& dir)
{
    for (const char* preset : {"demo", "small", "base"}) {
        vd::Project p = vd::Project::fromPreset(preset);
        p.dataset.root = "data";
        p.save((dir / (std::string(preset) + ".vdproj")).string());
    }
    writeText(dir / "minimal.vdproj", R"({"format": "vdstudio-project", "version": 1})");
}

void metricsSeeds(const fs::path& dir)
{
    const fs::path clean = dir / "clean.jsonl";
    {
        vd::MetricsLog log = vd::MetricsLog::open(clean.string());
        for (int step = 1; step <= 8; ++step) {
            log.append(step, {{"loss", 1.0 / step}, {"lr", 1e-4}, {"grad_norm", 0.5}});
        }
        log.append({{"step", 9}, {"stage", "vae"}, {"loss", nullptr}, {"ema", true}});
    }
    std::ifstream in(clean, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // What a kill mid-write and a damaged disk leave.
    writeText(dir / "torn.jsonl", text + R"({"step": 10, "lo)");
    writeText(dir / "corrupt.jsonl", R"({"step": 1, "loss": 2})"
                                     "\n"
                                     "garbage\n\n"
                                     R"({"loss": 3})"
                                     "\n" +
                                         text);
}

void datasetIndexSeeds(const fs::path& dir, const fs::path& scratch)
{
    const fs::path root = scratch / "dataset";
    vdfuzz::makeDatasetFixture(root);
    vd::ScanOptions options;
    options.threads = 1;
    (void)vd::DatasetIndex::scan(root.string(), options);
    fs::copy_file(root / vd::DatasetIndex::kIndexFileName, dir / "index.json",
                  fs::copy_options::overwrite_existing);
}

void videoSeeds(const fs::path& dir)
{
    vdfuzz::writeTinyClip(dir / "h264.mp4", vd::VideoFormat::MP4);
    vdfuzz::writeTinyClip(dir / "vp9.webm", vd::VideoFormat::WebM, 4);
    vdfuzz::writeTinyClip(dir / "anim.gif", vd::VideoFormat::GIF, 4, 8);
    // Containers and codecs our writer does not make, when the ffmpeg command is there (it is
    // a dependency of the tests, scripts/install-deps.sh): AVI with MPEG-4 Part 2, Matroska
    // with a variable frame rate, MPEG-TS with MPEG-2.
    const fs::path source = dir / "h264.mp4";
    const struct {
        const char* name;
        const char* args;
    } made[] = {
        {"mpeg4.avi", "-c:v mpeg4 -q:v 8"},
        {"vfr.mkv", "-vf setpts='N*N/8/TB' -fps_mode vfr -c:v ffv1"},
        {"mpeg2.ts", "-c:v mpeg2video"},
    };
    for (const auto& m : made) {
        const std::string cmd = "ffmpeg -nostdin -y -hide_banner -loglevel error -i '" +
                                source.string() + "' " + m.args + " '" + (dir / m.name).string() +
                                "' 2>/dev/null";
        if (std::system(cmd.c_str()) != 0) {
            std::fprintf(stderr, "vd_fuzz_seeds: no %s (ffmpeg missing or failed)\n", m.name);
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: vd_fuzz_seeds OUT\n");
        return 2;
    }
    vd::log::setLevel(spdlog::level::err);
    const fs::path out(argv[1]);
    const fs::path scratch = out / ".scratch";
    try {
        fs::remove_all(scratch);
        for (const char* name :
             {"Safetensors", "Project", "MetricsLog", "DatasetIndex", "VideoReader"}) {
            fs::create_directories(out / name);
        }
        fs::create_directories(scratch);
        safetensorsSeeds(out / "Safetensors");
        projectSeeds(out / "Project");
        metricsSeeds(out / "MetricsLog");
        datasetIndexSeeds(out / "DatasetIndex", scratch);
        videoSeeds(out / "VideoReader");
        fs::remove_all(scratch);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vd_fuzz_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
