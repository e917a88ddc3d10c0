// SPDX-License-Identifier: GPL-3.0-or-later
// inspect: latent channel statistics, blob report, error map and heatmaps of one clip.
#include "cli/CliArgs.h"
#include "cli/Commands.h"

#include "data/ClipLoader.h"
#include "data/ClipSampler.h"
#include "inspect/BlobDetector.h"
#include "inspect/ErrorMap.h"
#include "inspect/LatentStats.h"
#include "inspect/TemporalStats.h"
#include "media/FrameOps.h"
#include "media/VideoReader.h"
#include "project/Project.h"
#include "project/ReconstructionMetrics.h"
#include "project/TrainedModels.h"
#include "report/ContactSheet.h"
#include "report/Heatmap.h"
#include "train/Trainer.h"
#include "util/Error.h"
#include "util/Threads.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace vd::cli {
namespace {

constexpr const char* kSchema = "vdstudio-inspect/1";
constexpr int kImageMinSide = 256; ///< frames and maps are enlarged (nearest) to about this size
constexpr int kSheetCellSide = 96; ///< latent maps in channels.png

/// `frames` frames of `path` from frame `start` (in the file's frames), shaped as training shapes
/// them (DatasetSettings: the stride or target fps, a resize whose short side covers the
/// training size, a centre crop): float [3,T,H,W] in [-1,1]. Returns fewer frames when the file
/// ends first; throws vd::Error(InputData) naming the file when it is unreadable or has no frame
/// at `start`.
torch::Tensor readInputClip(const std::string& path, const DatasetSettings& dataset, int start,
                            int frames)
{
    ClipEntry entry;
    entry.path = path;
    entry.info = VideoReader::probe(path);
    const SampleSpec spec = sampleSpecFor(dataset, frames);
    const int stride = effectiveStride(entry, spec);
    const int srcW = entry.info.displayWidth > 0 ? entry.info.displayWidth : entry.info.width;
    const int srcH = entry.info.displayHeight > 0 ? entry.info.displayHeight : entry.info.height;
    if (srcW <= 0 || srcH <= 0) {
        throw Error(ErrorKind::InputData, "'" + path + "': unknown frame size",
                    ErrorCode::BadDimensions);
    }
    const double scale =
        std::max(static_cast<double>(spec.width) / srcW, static_cast<double>(spec.height) / srcH);
    DecodeOptions decode;
    decode.outWidth = std::max(spec.width, static_cast<int>(std::lround(srcW * scale)));
    decode.outHeight = std::max(spec.height, static_cast<int>(std::lround(srcH * scale)));
    VideoReader reader(path, decode);
    if (reader.info().frames > 0 && start >= reader.info().frames) {
        throw Error(ErrorKind::InputData,
                    "'" + path + "': --start " + std::to_string(start) +
                        " is past the last frame (" + std::to_string(reader.info().frames) +
                        " frames)",
                    ErrorCode::SeekOutOfRange);
    }
    const FrameStack raw = reader.readFrames(start, frames, stride);
    if (raw.frames <= 0) {
        throw Error(ErrorKind::InputData,
                    "'" + path + "': no frame could be decoded at " + std::to_string(start),
                    ErrorCode::DecodeFailed);
    }
    const torch::Tensor video = framesToTensor(raw); // [3,T,H',W']
    return video.narrow(2, (raw.height - spec.height) / 2, spec.height)
        .narrow(3, (raw.width - spec.width) / 2, spec.width)
        .contiguous();
}

/// The blob entries of one channel in the report: to_json(Blob) without the batch index and
/// channel (implied), with the centroid as x, y.
nlohmann::json blobEntries(const std::vector<Blob>& blobs, int64_t channel)
{
    nlohmann::json list = nlohmann::json::array();
    for (const Blob& b : blobs) {
        if (b.channel != channel) {
            continue;
        }
        nlohmann::json j = b;
        j.erase("clip");
        j.erase("channel");
        j.erase("centroid_x");
        j.erase("centroid_y");
        j["x"] = b.centroidX;
        j["y"] = b.centroidY;
        list.push_back(std::move(j));
    }
    return list;
}

/// Channel entry: to_json(ChannelStats) with the percentiles lifted to the top level, plus the
/// blob score, the detector's per-channel summary and the channel's blobs.
nlohmann::json channelEntry(const ChannelStats& stats, const BlobReport& blobs)
{
    nlohmann::json j = stats;
    for (const auto& [key, value] : j["percentiles"].items()) {
        j[key] = value;
    }
    j.erase("percentiles");
    const ChannelBlobSummary& summary = blobs.channels[static_cast<size_t>(stats.channel)];
    j["blob_score"] = summary.score;
    j["blob_summary"] = summary;
    j["blobs"] = blobEntries(blobs.blobs, stats.channel);
    return j;
}

std::vector<HeatmapBox> boxesOf(const std::vector<Blob>& blobs, int64_t channel, int64_t frame)
{
    std::vector<HeatmapBox> boxes;
    for (const Blob& b : blobs) {
        if (b.channel == channel && b.frame == frame) {
            boxes.push_back({b.x0, b.y0, b.x1, b.y1, {0, 200, 0}});
        }
    }
    return boxes;
}

/// Frame `t` of a video [3,T,H,W] in [-1,1], enlarged (nearest) to about kImageMinSide, as PNG.
void writeFramePng(const torch::Tensor& video, int t, const std::string& path)
{
    const FrameStack frames = tensorToFrames(video.narrow(1, t, 1));
    const int side = std::max(frames.width, frames.height);
    const int factor = std::clamp((kImageMinSide + side - 1) / side, 1, 16);
    const FrameStack big = upscaleNearest(frames, factor);
    Canvas canvas(big.width, big.height);
    canvas.blit(big.data.data(), big.width, big.height, 0, 0);
    canvas.savePng(path);
}

std::string fixed(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

} // namespace

int runInspect(const std::vector<std::string>& argv)
{
    const CliArgs args(argv, {"input", "out", "frames", "start", "checkpoint", "device", "threads"},
                       {"json"});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    if (!args.has("input") || !args.has("out")) {
        throw Error(ErrorKind::Usage, "inspect: --input VIDEO and --out DIR are required",
                    ErrorCode::InvalidValue);
    }
    const Project project = Project::load(args.positional()[0]);
    ThreadSettings threads = defaultThreadSettings();
    if (args.has("threads")) {
        threads.torchThreads = args.getInt("threads", 1, 1, 256);
    }
    configureThreads(threads);
    const torch::Device device =
        resolveDevice(args.get("device", project.vae.train.device), "--device");
    const int frames = args.getInt("frames", project.dataset.frames, 1, 4096);
    const int start = args.getInt("start", 0, 0, 1 << 30);
    const std::string input = args.get("input", "");
    const fs::path outDir = args.get("out", "");
    const bool json = args.has("json");

    TrainedVAE vae = args.has("checkpoint") ? loadVAECheckpoint(args.get("checkpoint", ""), device)
                                            : loadTrainedVAE(project, device);
    const torch::Tensor video = readInputClip(input, project.dataset, start, frames);

    // Posterior mean and logvar, and the decoded mean: what the diffusion stage sees and what
    // the user sees.
    torch::NoGradGuard noGrad;
    const torch::Tensor x = video.unsqueeze(0).to(device);
    const LatentDistribution posterior = vae.vae->encode(x);
    const torch::Tensor reconstruction =
        vae.vae->decode(posterior.mean).clamp(-1.0, 1.0).to(torch::kCPU, torch::kFloat32)[0];
    const torch::Tensor latents = posterior.mean.to(torch::kCPU, torch::kFloat32)[0]; // [C,T,h,w]
    const torch::Tensor logvar = posterior.logvar.to(torch::kCPU, torch::kFloat32)[0];
    if (!torch::isfinite(latents).all().item<bool>() ||
        !torch::isfinite(reconstruction).all().item<bool>()) {
        throw Error(ErrorKind::Runtime,
                    "inspect: the VAE of " + vae.checkpoint +
                        " produced NaN or infinite values; the checkpoint is unusable",
                    ErrorCode::NonFinite);
    }

    const LatentStats stats = computeLatentStats(latents, logvar);
    const BlobReport blobs = BlobDetector().detect(latents);
    const ReconstructionErrorReport error = analyzeReconstruction(video, reconstruction);
    const double psnr = psnrDb(video, reconstruction);
    const int64_t C = latents.size(0);
    const int64_t T = latents.size(1);
    const int64_t h = latents.size(2);
    const int64_t w = latents.size(3);

    // ---- images -------------------------------------------------------------------------------
    fs::create_directories(outDir);
    const auto out = [&](const std::string& name) { return (outDir / name).string(); };
    writeFramePng(video, 0, out("input.png"));
    writeFramePng(reconstruction, 0, out("reconstruction.png"));
    {
        HeatmapOptions o;
        o.colourMap = ColourMap::Sequential;
        o.minSide = kImageMinSide;
        o.min = 0.0;
        o.max = std::max(error.maxError, 1e-6); // one scale for every frame of the clip
        o.title = "abs error frame 0, PSNR " + fixed(psnr, 1) + " dB";
        for (const Blob& r : error.regions.blobs) {
            if (r.frame == 0) {
                o.boxes.push_back({r.x0, r.y0, r.x1, r.y1, {0, 200, 255}});
            }
        }
        renderHeatmap(error.errorMap[0], o).savePng(out("error.png"));
    }
    nlohmann::json channelFiles = nlohmann::json::array();
    std::vector<SheetRow> sheet;
    for (int64_t c = 0; c < C; ++c) {
        const ChannelBlobSummary& summary = blobs.channels[static_cast<size_t>(c)];
        const torch::Tensor channel = latents[c]; // [T,h,w]
        // Centred on the detector's channel mean, so white is "typical" and deep red/blue are
        // the spikes; one range for all frames of the channel.
        const double reach = (channel - summary.mean).abs().max().item<double>();
        HeatmapOptions o;
        o.minSide = kImageMinSide;
        o.min = summary.mean - reach;
        o.max = summary.mean + reach;
        o.title =
            "channel " + std::to_string(c) + " frame 0, blob score " + fixed(summary.score, 2);
        o.boxes = boxesOf(blobs.blobs, c, 0);
        const std::string name = "channel-" + std::to_string(c) + ".png";
        renderHeatmap(channel[0], o).savePng(out(name));
        channelFiles.push_back(name);

        HeatmapOptions cell = o;
        cell.title.clear();
        cell.colourBar = false;
        cell.rangeLine = false;
        cell.minSide = kSheetCellSide;
        SheetRow row;
        row.label = "ch " + std::to_string(c) + " score " + fixed(summary.score, 2);
        for (int64_t t = 0; t < T; ++t) {
            cell.boxes = boxesOf(blobs.blobs, c, t);
            const Canvas map = renderHeatmap(channel[t], cell);
            row.frames.frames += 1;
            row.frames.width = map.width();
            row.frames.height = map.height();
            row.frames.data.insert(row.frames.data.end(), map.rgb().begin(), map.rgb().end());
        }
        sheet.push_back(std::move(row));
    }
    SheetOptions sheetOptions;
    sheetOptions.scale = 1;
    sheetOptions.gap = 4;
    sheetOptions.title = "latent channels x frames, boxes: blobs";
    writeContactSheet(sheet, out("channels.png"), sheetOptions);

    // ---- report -------------------------------------------------------------------------------
    nlohmann::ordered_json report;
    report["schema"] = kSchema;
    report["project"] = project.filePath;
    report["checkpoint"] = vae.checkpoint;
    report["step"] = vae.step;
    report["ema"] = vae.ema;
    report["input"] = input;
    report["start"] = start;
    report["frames"] = T;
    report["frames_requested"] = frames;
    report["size"] = {video.size(3), video.size(2)};
    report["latent_shape"] = {C, T, h, w};
    report["verdict"] = blobVerdictName(blobs.verdict);
    report["reason"] = blobs.reason;
    report["detector"] = {{"z_threshold", blobs.zThreshold},
                          {"region_z", blobs.regionZ},
                          {"positions", blobs.positions},
                          {"max_area", blobs.maxArea},
                          {"blobs_truncated", blobs.blobsTruncated},
                          {"config", nlohmann::json(BlobDetectorConfig{})}};
    report["high_freq_share_white_noise"] = stats.highFreqShareWhiteNoise;
    nlohmann::json channels = nlohmann::json::array();
    for (const ChannelStats& s : stats.channelStats) {
        channels.push_back(channelEntry(s, blobs));
    }
    report["channels"] = channels;
    nlohmann::json reconstructionJson = error;
    reconstructionJson["psnr_db"] = psnr;
    reconstructionJson["regions_reason"] = error.regions.reason;
    reconstructionJson["regions"] = blobEntries(error.regions.blobs, 0);
    report["reconstruction"] = reconstructionJson;
    report["temporal"] = {{"input", nlohmann::json(computeTemporalStats(video))},
                          {"reconstruction", nlohmann::json(computeTemporalStats(reconstruction))}};
    report["images"] = {{"input", "input.png"},
                        {"reconstruction", "reconstruction.png"},
                        {"error", "error.png"},
                        {"channels", "channels.png"},
                        {"channel_maps", channelFiles}};
    std::ofstream(out("report.json")) << report.dump(2) << '\n';

    if (json) {
        std::printf("%s\n", report.dump(2).c_str());
        return 0;
    }
    std::printf("VAE %s (step %lld%s) on %s: %lld frames at %lldx%lld -> latents [%lld,%lld,%lld,"
                "%lld]\n",
                vae.checkpoint.c_str(), static_cast<long long>(vae.step), vae.ema ? ", EMA" : "",
                input.c_str(), static_cast<long long>(T), static_cast<long long>(video.size(3)),
                static_cast<long long>(video.size(2)), static_cast<long long>(C),
                static_cast<long long>(T), static_cast<long long>(h), static_cast<long long>(w));
    if (T < frames) {
        std::printf("note: the file ended after %lld of the %d frames asked for\n",
                    static_cast<long long>(T), frames);
    }
    std::printf("verdict: %s. %s\n", blobVerdictName(blobs.verdict), blobs.reason.c_str());
    std::printf("reconstruction: PSNR %.2f dB, mean |error| %.4f, max %.4f, %zu high-error "
                "region(s)\n",
                psnr, error.meanError, error.maxError, error.regions.blobs.size());
    std::printf("  ch      mean      std   kurtosis  max|z|  top1%%  high-freq  blobs  score\n");
    for (const ChannelStats& s : stats.channelStats) {
        const ChannelBlobSummary& b = blobs.channels[static_cast<size_t>(s.channel)];
        std::printf("  %2lld %9.4f %8.4f %10.2f %7.2f %6.3f %10.3f %6lld %6.2f\n",
                    static_cast<long long>(s.channel), s.mean, s.std, s.excessKurtosis, s.maxAbsZ,
                    s.top1EnergyShare, s.highFreqEnergyShare, static_cast<long long>(b.blobs),
                    b.score);
    }
    std::printf("(blob threshold |z| >= %.2f; white-noise high-freq share %.3f)\n",
                blobs.zThreshold, stats.highFreqShareWhiteNoise);
    std::printf("wrote report.json, input.png, reconstruction.png, error.png, channels.png and "
                "channel-0..%lld.png to %s\n",
                static_cast<long long>(C - 1), outDir.string().c_str());
    return 0;
}

} // namespace vd::cli
