// SPDX-License-Identifier: GPL-3.0-or-later
// sample, export and eval-vae.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"

#include "data/ClipLoader.h"
#include "data/DatasetIndex.h"
#include "media/FrameOps.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "project/DatasetSplit.h"
#include "project/Project.h"
#include "project/ReconstructionMetrics.h"
#include "project/SampleGenerator.h"
#include "project/TrainedModels.h"
#include "report/ContactSheet.h"
#include "train/Trainer.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace vd::cli {
namespace {

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (!item.empty()) {
            out.push_back(item);
        }
    }
    return out;
}

/// The label index for --label: a class name or a number.
int resolveLabel(const std::string& value, const std::vector<std::string>& labels)
{
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == value) {
            return static_cast<int>(i);
        }
    }
    if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
        const int index = std::stoi(value);
        if (index < static_cast<int>(labels.size())) {
            return index;
        }
    }
    std::string known;
    for (const auto& l : labels) {
        known += (known.empty() ? "" : ", ") + l;
    }
    throw Error(ErrorKind::Usage,
                "--label: '" + value + "' is not a class of this model (" +
                    (known.empty() ? "it is unconditional" : known) + ")",
                ErrorCode::InvalidValue);
}

void writeClip(const FrameStack& frames, const std::string& path, VideoFormat format, double fps)
{
    EncodeOptions options;
    options.fps = Rational{static_cast<int>(std::lround(fps * 1000)), 1000};
    VideoWriter writer(path, frames.width, frames.height, format, options);
    writer.write(frames);
    writer.finish();
}

VideoFormat parseFormat(const std::string& name)
{
    try {
        return formatFromName(name);
    } catch (const Error& e) {
        throw Error(e.kind(), std::string("--format: ") + e.what(), e.code());
    }
}

} // namespace

int runSample(const std::vector<std::string>& argv)
{
    const CliArgs args(argv,
                       {"out", "num", "steps", "sampler", "cfg", "cfg-interval", "eta", "label",
                        "seed", "device", "format", "fps", "scale", "threads", "contact-sheet"},
                       {});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    if (!args.has("out")) {
        throw Error(ErrorKind::Usage, "sample: --out DIR is required", ErrorCode::InvalidValue);
    }
    const Project project = Project::load(args.positional()[0]);
    applyThreadsFlag(args);
    const SamplingConfig sampling = samplingFromFlags(args, project.sampling);
    const int count = args.getInt("num", 2, 1, 1000);
    const int scale = args.getInt("scale", 1, 1, 16);
    const double fps = args.getDouble("fps", 8.0, 0.1, 240.0);
    std::vector<VideoFormat> formats;
    for (const auto& name : splitList(args.get("format", "mp4,gif"))) {
        formats.push_back(parseFormat(name));
    }

    SampleGenerator generator(project, args.get("device", project.diffusion.train.device),
                              "--device");
    const std::vector<int> labels =
        args.has("label")
            ? std::vector<int>{resolveLabel(args.get("label", ""), generator.labels())}
            : generator.everyLabel();
    const fs::path outDir = args.get("out", "");
    fs::create_directories(outDir);
    const std::string samplerName = generator.samplerName(sampling);
    std::printf("sampling %d clip(s) per label with %s, %d steps, cfg %.2f, seed %llu; "
                "denoiser %s, VAE %s\n",
                count, samplerName.c_str(), sampling.steps, sampling.guidanceScale,
                static_cast<unsigned long long>(sampling.seed),
                generator.denoiserCheckpoint().c_str(), generator.vaeCheckpoint().c_str());

    nlohmann::ordered_json report = {{"sampler", samplerName},
                                     {"steps", sampling.steps},
                                     {"cfg", sampling.guidanceScale},
                                     {"seed", sampling.seed},
                                     {"denoiser", generator.denoiserCheckpoint()},
                                     {"vae", generator.vaeCheckpoint()},
                                     {"clips", nlohmann::ordered_json::array()}};
    std::vector<SheetRow> sheet;
    for (size_t li = 0; li < labels.size(); ++li) {
        SampleRequest request;
        request.count = count;
        request.label = labels[li];
        request.sampling = sampling;
        // A different seed per label, so classes do not share their noise.
        request.sampling.seed = sampling.seed + li * 1000003ULL;
        SampleResult result = generator.generate(request);
        for (SampleClip& clip : result.clips) {
            const std::string& name = clip.labelName;
            const int i = clip.index;
            const FrameStack frames = upscaleNearest(clip.frames, scale);
            nlohmann::ordered_json entry = {{"label", clip.label},
                                            {"label_name", name},
                                            {"index", i},
                                            {"frame_std", clip.frameStd},
                                            {"frame_change", clip.frameChange},
                                            {"files", nlohmann::ordered_json::array()}};
            for (VideoFormat format : formats) {
                const std::string file =
                    (outDir / (name + "-" + std::to_string(i) + formatExtension(format))).string();
                writeClip(frames, file, format, fps);
                entry["files"].push_back(file);
                std::printf("wrote %s\n", file.c_str());
            }
            report["clips"].push_back(entry);
            sheet.push_back({name + " " + std::to_string(i), std::move(clip.frames)});
        }
    }
    if (args.has("contact-sheet")) {
        SheetOptions options;
        options.maxFrames = 8;
        options.title = project.name + ": " + report["sampler"].get<std::string>() + ", " +
                        std::to_string(sampling.steps) + " steps, cfg " +
                        std::to_string(sampling.guidanceScale).substr(0, 4) + ", denoiser step " +
                        std::to_string(generator.denoiserStep());
        const std::string sheetPath = args.get("contact-sheet", "");
        writeContactSheet(sheet, sheetPath, options);
        report["contact_sheet"] = sheetPath;
        std::printf("wrote %s\n", sheetPath.c_str());
    }
    std::ofstream((outDir / "samples.json").string()) << report.dump(2) << '\n';
    return 0;
}

int runExport(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"out", "format", "fps", "scale", "start", "count"}, {});
    args.requirePositional(1, 1, "INPUT (a video file or PNG folder)");
    if (!args.has("out")) {
        throw Error(ErrorKind::Usage, "export: --out FILE is required", ErrorCode::InvalidValue);
    }
    const std::string input = args.positional()[0];
    const std::string out = args.get("out", "");
    const VideoFormat format =
        args.has("format") ? parseFormat(args.get("format", "")) : formatFromPath(out);
    VideoReader reader(input);
    const VideoInfo info = reader.info();
    const int start = args.getInt("start", 0, 0, 1 << 30);
    const int available = static_cast<int>(std::max<int64_t>(0, info.frames - start));
    const int count = args.getInt("count", available, 1, 1 << 30);
    FrameStack frames = reader.readFrames(start, std::min(count, std::max(available, 1)));
    if (frames.frames == 0) {
        throw Error(ErrorKind::InputData, input + ": no frames at " + std::to_string(start),
                    ErrorCode::SeekOutOfRange);
    }
    frames = upscaleNearest(frames, args.getInt("scale", 1, 1, 16));
    const double fps = args.getDouble("fps", info.fps.toDouble() > 0 ? info.fps.toDouble() : 25.0,
                                      0.1, 240.0);
    writeClip(frames, out, format, fps);
    std::printf("wrote %s: %d frames %dx%d at %.3g fps (%s)\n", out.c_str(), frames.frames,
                frames.width, frames.height, fps, formatName(format));
    return 0;
}

int runEvalVAE(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"data", "device", "clips", "threads", "report"}, {"json", "raw"});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    const Project project = Project::load(args.positional()[0]);
    applyThreadsFlag(args);
    const torch::Device device =
        resolveDevice(args.get("device", project.vae.train.device), "--device");
    TrainedVAE vae = loadTrainedVAE(project, device, !args.has("raw"));

    // Held-out clips of the project's dataset, or every clip of --data.
    DatasetIndex clips = args.has("data") ? DatasetIndex::scan(args.get("data", ""))
                                          : splitDataset(DatasetIndex::scan(project.datasetRoot()),
                                                         project.dataset.heldOut)
                                                .heldOut;
    const std::string source = args.has("data") ? args.get("data", "") : "held-out clips";
    const int limit = args.getInt("clips", 64, 1, 1 << 20);
    if (clips.clips().size() > static_cast<size_t>(limit)) {
        int n = 0;
        clips = clips.filtered([&](const ClipEntry&) { return n++ < limit; });
    }
    if (clips.clips().empty()) {
        throw Error(ErrorKind::InputData,
                    "eval-vae: no clips to evaluate (" + source +
                        "); pass --data DIR or raise dataset.held_out",
                    ErrorCode::FileNotFound);
    }
    LoaderOptions options;
    options.batchSize = 1;
    options.workers = project.dataset.workers;
    options.shuffle = false;
    options.dropLast = false;
    options.epochs = 1;
    options.spec = sampleSpecFor(project.dataset, project.dataset.frames);
    options.spec.randomStart = false;
    options.spec.randomFlip = false;
    ClipLoader loader(clips, options);
    torch::NoGradGuard noGrad;
    nlohmann::ordered_json perClip = nlohmann::ordered_json::array();
    double psnrSum = 0.0;
    double ssimSum = 0.0;
    int n = 0;
    while (auto batch = loader.next()) {
        const torch::Tensor x = batch->video.to(device);
        const torch::Tensor y = vae.vae->forward(x, false).reconstruction.clamp(-1.0, 1.0);
        const double p = psnrDb(x, y);
        const double s = ssim(x, y);
        psnrSum += p;
        ssimSum += s;
        ++n;
        perClip.push_back({{"path", clips.clips()[static_cast<size_t>(batch->clipIndices[0])].path},
                           {"psnr_db", p},
                           {"ssim", s}});
    }
    if (n == 0) {
        throw Error(ErrorKind::InputData, "eval-vae: none of the clips could be decoded",
                    ErrorCode::DecodeFailed);
    }
    nlohmann::ordered_json report = {{"checkpoint", vae.checkpoint},
                                     {"step", vae.step},
                                     {"ema", vae.ema},
                                     {"source", source},
                                     {"clips", n},
                                     {"frames", project.dataset.frames},
                                     {"psnr_db", psnrSum / n},
                                     {"ssim", ssimSum / n},
                                     {"per_clip", perClip}};
    writeReportFlag(args, report.dump(2));
    if (args.has("json")) {
        std::printf("%s\n", report.dump(2).c_str());
    } else {
        std::printf("VAE %s (step %lld%s) on %d %s, %d frames each at %dx%d:\n"
                    "  PSNR %.2f dB   SSIM %.4f\n",
                    vae.checkpoint.c_str(), static_cast<long long>(vae.step),
                    vae.ema ? ", EMA" : "", n, source.c_str(), project.dataset.frames,
                    project.dataset.width, project.dataset.height, psnrSum / n, ssimSum / n);
    }
    return 0;
}

} // namespace vd::cli
