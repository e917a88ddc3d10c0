// SPDX-License-Identifier: GPL-3.0-or-later
// sample, export and eval-vae.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"

#include "media/FrameOps.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "project/Project.h"
#include "project/SampleGenerator.h"
#include "project/VAEEvaluation.h"
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
                       {"out", "num", "steps", "sampler", "cfg", "cfg-interval", "autoguidance",
                        "eta", "label", "seed", "device", "format", "fps", "scale", "threads",
                        "contact-sheet"},
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
    std::printf("sampling %d clip(s) per label with %s, %d steps, cfg %.2f, autoguidance %.2f, "
                "seed %llu; denoiser %s, VAE %s\n",
                count, samplerName.c_str(), sampling.steps, sampling.guidanceScale,
                sampling.autoguidance, static_cast<unsigned long long>(sampling.seed),
                generator.denoiserCheckpoint().c_str(), generator.vaeCheckpoint().c_str());

    nlohmann::ordered_json report = {
        {"sampler", samplerName},
        {"steps", sampling.steps},
        {"cfg", sampling.guidanceScale},
        {"autoguidance", sampling.autoguidance},
        {"seed", sampling.seed},
        {"denoiser", generator.denoiserCheckpoint()},
        {"vae", generator.vaeCheckpoint()},
        {"guide", sampling.autoguidance > 0.0 ? generator.guideCheckpoint() : std::string()},
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
        options.title =
            project.name + ": " + report["sampler"].get<std::string>() + ", " +
            std::to_string(sampling.steps) + " steps, cfg " +
            std::to_string(sampling.guidanceScale).substr(0, 4) +
            (sampling.autoguidance > 0.0
                 ? ", autoguidance " + std::to_string(sampling.autoguidance).substr(0, 4) +
                       " (guide step " + std::to_string(generator.guideStep()) + ")"
                 : std::string()) +
            ", denoiser step " + std::to_string(generator.denoiserStep());
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
    const int wanted = std::min(count, std::max(available, 1));
    FrameStack frames = reader.readFrames(start, wanted);
    if (frames.frames == 0) {
        throw Error(ErrorKind::InputData, input + ": no frames at " + std::to_string(start),
                    ErrorCode::SeekOutOfRange);
    }
    if (frames.frames < count) {
        // Clamped, never silently short (docs/frames.md).
        const int64_t end = start + frames.frames;
        const std::string header =
            end == info.frames ? "" : " (its header said " + std::to_string(info.frames) + ")";
        std::fprintf(stderr,
                     "vdstudio-cli: warning: '%s' has %lld frames%s: --start %d --count %d asks "
                     "past its end; writing the %d frames from %d\n",
                     input.c_str(), static_cast<long long>(end), header.c_str(), start, count,
                     frames.frames, start);
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
    VAEEvaluationOptions options;
    options.dataDir = args.get("data", "");
    options.maxClips = args.getInt("clips", 64, 1, 1 << 20);
    options.preferEMA = !args.has("raw");
    options.device = args.get("device", project.vae.train.device);
    options.deviceKey = "--device";
    const VAEEvaluation e = evaluateVAE(project, options);

    nlohmann::ordered_json perClip = nlohmann::ordered_json::array();
    for (const ClipReconstruction& c : e.perClip) {
        perClip.push_back({{"path", c.path}, {"psnr_db", c.psnrDb}, {"ssim", c.ssim}});
    }
    nlohmann::ordered_json report = {{"checkpoint", e.checkpoint},
                                     {"step", e.step},
                                     {"ema", e.ema},
                                     {"source", e.source},
                                     {"clips", e.clips},
                                     {"frames", e.frames},
                                     {"psnr_db", e.psnrDb},
                                     {"ssim", e.ssim},
                                     {"blob_score", e.blobScore},
                                     {"blob_verdict", e.blobVerdict},
                                     {"per_clip", perClip}};
    writeReportFlag(args, report.dump(2));
    if (args.has("json")) {
        std::printf("%s\n", report.dump(2).c_str());
    } else {
        std::printf("VAE %s (step %lld%s) on %d %s, %d frames each at %dx%d:\n"
                    "  PSNR %.2f dB   SSIM %.4f   blob score %.2f (%s)\n",
                    e.checkpoint.c_str(), static_cast<long long>(e.step), e.ema ? ", EMA" : "",
                    e.clips, e.source.c_str(), e.frames, project.dataset.width,
                    project.dataset.height, e.psnrDb, e.ssim, e.blobScore, e.blobVerdict.c_str());
    }
    return 0;
}

} // namespace vd::cli
