// SPDX-License-Identifier: GPL-3.0-or-later
// inspect: latent channel statistics, blob report, error map and heatmaps of one clip.
#include "cli/CliArgs.h"
#include "cli/Commands.h"
#include "cli/CommonFlags.h"

#include "inspect/BlobDetectorConfig.h"
#include "media/FrameOps.h"
#include "project/ClipInspector.h"
#include "project/Project.h"
#include "report/ContactSheet.h"
#include "report/Heatmap.h"
#include "train/Trainer.h"
#include "util/Device.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace vd::cli {
namespace {

constexpr const char* kSchema = "vdstudio-inspect/1";
constexpr int kImageMinSide = 256; ///< frames and maps are enlarged (nearest) to about this size
constexpr int kSheetCellSide = 96; ///< latent maps in channels.png

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

/// Frame `t` of `frames`, enlarged (nearest) to about kImageMinSide, as PNG.
void writeFramePng(const FrameStack& frames, int t, const std::string& path)
{
    const FrameStack frame = sliceFrames(frames, t, t + 1);
    const int side = std::max(frame.width, frame.height);
    const int factor = std::clamp((kImageMinSide + side - 1) / side, 1, 16);
    const FrameStack big = upscaleNearest(frame, factor);
    Canvas canvas(big.width, big.height);
    canvas.blit(big.data.data(), big.width, big.height, 0, 0);
    canvas.savePng(path);
}

/// Frame `t` of channel `c` of the inspected latents, row-major h x w.
std::vector<float> latentFrame(const ClipInspection& r, int64_t c, int64_t t)
{
    const float* p = r.latentMap(c, t);
    return {p, p + r.latentShape.height * r.latentShape.width};
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
    const CliArgs args(argv, {"input", "out", "frames", "start", "checkpoint", "device", "threads",
                              "reference"},
                       {"json"});
    args.requirePositional(1, 1, "PROJECT (a .vdproj file)");
    if (!args.has("input") || !args.has("out")) {
        throw Error(ErrorKind::Usage, "inspect: --input VIDEO and --out DIR are required",
                    ErrorCode::InvalidValue);
    }
    const Project project = Project::load(args.positional()[0]);
    applyThreadsFlag(args);
    // Checked here so that a bad value names the option.
    const std::string device =
        resolveDevice(args.get("device", project.vae.train.device), "--device").str();
    const int frames = args.getInt("frames", project.dataset.frames, 1, 4096);
    const int start = args.getInt("start", 0, 0, 1 << 30);
    const std::string input = args.get("input", "");
    const fs::path outDir = args.get("out", "");
    const bool json = args.has("json");

    ClipInspector inspector(project, args.get("checkpoint", ""), device);
    ClipRequest request;
    request.videoPath = input;
    request.start = start;
    request.frames = frames;
    const ClipInspection r = inspector.inspect(request);
    // Real motion to compare with: the same figures over dataset clips shaped like training.
    const int referenceClips = args.getInt("reference", 16, 0, 100000);
    const TemporalReference reference =
        referenceClips > 0 ? inspector.datasetTemporalReference(referenceClips, frames)
                           : TemporalReference{};
    const BlobReport& blobs = r.blobs;
    const ReconstructionErrorSummary& error = r.error;
    const double psnr = r.psnrDb;
    const int64_t C = r.latentShape.channels;
    const int64_t T = r.latentShape.frames;
    const int64_t h = r.latentShape.height;
    const int64_t w = r.latentShape.width;

    // ---- images -------------------------------------------------------------------------------
    fs::create_directories(outDir);
    const auto out = [&](const std::string& name) { return (outDir / name).string(); };
    writeFramePng(r.input, 0, out("input.png"));
    writeFramePng(r.reconstruction, 0, out("reconstruction.png"));
    {
        HeatmapOptions o;
        o.colourMap = ColourMap::Sequential;
        o.minSide = kImageMinSide;
        o.min = 0.0;
        o.max = std::max(error.maxError, 1e-6); // one scale for every frame of the clip
        o.title = "abs error frame 0, PSNR " + fixed(psnr, 1) + " dB";
        for (const Blob& region : error.regions.blobs) {
            if (region.frame == 0) {
                o.boxes.push_back({region.x0, region.y0, region.x1, region.y1, {0, 200, 255}});
            }
        }
        const std::vector<float> map(r.errorMap(0),
                                     r.errorMap(0) + r.input.width * r.input.height);
        renderHeatmap(map, r.input.width, r.input.height, o).savePng(out("error.png"));
    }
    nlohmann::json channelFiles = nlohmann::json::array();
    std::vector<SheetRow> sheet;
    for (int64_t c = 0; c < C; ++c) {
        const ChannelBlobSummary& summary = blobs.channels[static_cast<size_t>(c)];
        // Centred on the detector's channel mean, so white is "typical" and deep red/blue are
        // the spikes; one range for all frames of the channel.
        const float centre = static_cast<float>(summary.mean);
        const float* values = r.latentMap(c, 0);
        float reachF = 0.0F;
        for (int64_t i = 0; i < T * h * w; ++i) {
            reachF = std::max(reachF, std::abs(values[i] - centre));
        }
        const double reach = reachF;
        HeatmapOptions o;
        o.minSide = kImageMinSide;
        o.min = summary.mean - reach;
        o.max = summary.mean + reach;
        o.title =
            "channel " + std::to_string(c) + " frame 0, blob score " + fixed(summary.score, 2);
        o.boxes = boxesOf(blobs.blobs, c, 0);
        const std::string name = "channel-" + std::to_string(c) + ".png";
        renderHeatmap(latentFrame(r, c, 0), static_cast<int>(w), static_cast<int>(h), o)
            .savePng(out(name));
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
            const Canvas map = renderHeatmap(latentFrame(r, c, t), static_cast<int>(w),
                                             static_cast<int>(h), cell);
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
    report["checkpoint"] = r.checkpoint;
    report["step"] = r.step;
    report["ema"] = r.ema;
    report["input"] = input;
    report["start"] = start;
    report["frames"] = T;
    report["frames_requested"] = frames;
    report["size"] = {r.input.width, r.input.height};
    report["latent_shape"] = {C, T, h, w};
    report["verdict"] = blobVerdictName(blobs.verdict);
    report["reason"] = blobs.reason;
    report["detector"] = {{"z_threshold", blobs.zThreshold},
                          {"region_z", blobs.regionZ},
                          {"positions", blobs.positions},
                          {"max_area", blobs.maxArea},
                          {"blobs_truncated", blobs.blobsTruncated},
                          {"config", nlohmann::json(inspector.detectorConfig())}};
    report["high_freq_share_white_noise"] = r.highFreqShareWhiteNoise;
    nlohmann::json channels = nlohmann::json::array();
    for (const ChannelStats& s : r.channelStats) {
        channels.push_back(channelEntry(s, blobs));
    }
    report["channels"] = channels;
    nlohmann::json reconstructionJson = error;
    reconstructionJson["psnr_db"] = psnr;
    reconstructionJson["regions_reason"] = error.regions.reason;
    reconstructionJson["regions"] = blobEntries(error.regions.blobs, 0);
    report["reconstruction"] = reconstructionJson;
    report["temporal"] = {{"input", nlohmann::json(r.inputTemporal)},
                          {"reconstruction", nlohmann::json(r.reconstructionTemporal)}};
    if (reference.clips > 0) {
        report["temporal"]["dataset"] = decltype(report)::parse(nlohmann::json(reference).dump());
    }
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
                r.checkpoint.c_str(), static_cast<long long>(r.step), r.ema ? ", EMA" : "",
                input.c_str(), static_cast<long long>(T), static_cast<long long>(r.input.width),
                static_cast<long long>(r.input.height), static_cast<long long>(C),
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
    for (const ChannelStats& s : r.channelStats) {
        const ChannelBlobSummary& b = blobs.channels[static_cast<size_t>(s.channel)];
        std::printf("  %2lld %9.4f %8.4f %10.2f %7.2f %6.3f %10.3f %6lld %6.2f\n",
                    static_cast<long long>(s.channel), s.mean, s.std, s.excessKurtosis, s.maxAbsZ,
                    s.top1EnergyShare, s.highFreqEnergyShare, static_cast<long long>(b.blobs),
                    b.score);
    }
    if (reference.clips > 0) {
        std::printf("temporal: mean change %.4f (reconstruction %.4f), flicker %.3f (%.3f); "
                    "%lld dataset clips: mean change %.4f..%.4f, flicker %.3f..%.3f\n",
                    r.inputTemporal.meanChange, r.reconstructionTemporal.meanChange,
                    r.inputTemporal.flickerIndex, r.reconstructionTemporal.flickerIndex,
                    static_cast<long long>(reference.clips), reference.meanChange.min,
                    reference.meanChange.max, reference.flickerIndex.min,
                    reference.flickerIndex.max);
    }
    std::printf("(blob threshold |z| >= %.2f; white-noise high-freq share %.3f)\n",
                blobs.zThreshold, r.highFreqShareWhiteNoise);
    std::printf("wrote report.json, input.png, reconstruction.png, error.png, channels.png and "
                "channel-0..%lld.png to %s\n",
                static_cast<long long>(C - 1), outDir.string().c_str());
    return 0;
}

} // namespace vd::cli
