// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/BlobDetector.h"

#include "inspect/detail/ConnectedRegions.h"
#include "inspect/detail/InspectInput.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vd {

namespace {

std::string fixed(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

/// "channel 2 (16 of 16 frames, peak |z| 19.4)".
std::string describe(const ChannelBlobSummary& s)
{
    return "channel " + std::to_string(s.channel) + " (" + std::to_string(s.framesWithBlobs) +
           " of " + std::to_string(s.frames) + " frames, peak |z| " + fixed(s.maxPeakAbsZ, 1) + ")";
}

std::string joinDescriptions(const std::vector<const ChannelBlobSummary*>& list)
{
    std::string s;
    for (size_t i = 0; i < list.size(); ++i) {
        if (i > 0) {
            s += i + 1 == list.size() ? " and " : ", ";
        }
        s += describe(*list[i]);
    }
    return s;
}

void explain(BlobReport& r, double blobScore)
{
    std::vector<const ChannelBlobSummary*> strong;
    std::vector<const ChannelBlobSummary*> weak;
    for (const ChannelBlobSummary& s : r.channels) {
        if (s.blobs == 0) {
            continue;
        }
        (s.score >= blobScore ? strong : weak).push_back(&s);
    }
    const auto byScore = [](const ChannelBlobSummary* a, const ChannelBlobSummary* b) {
        return a->score > b->score;
    };
    std::stable_sort(strong.begin(), strong.end(), byScore);
    std::stable_sort(weak.begin(), weak.end(), byScore);
    const std::string threshold = fixed(r.zThreshold, 2);
    if (!strong.empty()) {
        r.verdict = BlobVerdict::Blobs;
        r.reason = "Localized spikes (blobs) in " + joinDescriptions(strong);
        if (!weak.empty()) {
            r.reason += "; weaker spikes in " + joinDescriptions(weak);
        }
        r.reason += ".";
    } else if (!weak.empty()) {
        r.verdict = BlobVerdict::Suspicious;
        r.reason = "Isolated spikes above |z| " + threshold + " in " + joinDescriptions(weak) +
                   ", too rare or weak to call a blob artifact.";
    } else {
        r.verdict = BlobVerdict::Clean;
        r.reason = "No localized spikes: no small region reaches |z| " + threshold + ".";
    }
}

} // namespace

const char* blobVerdictName(BlobVerdict verdict)
{
    switch (verdict) {
    case BlobVerdict::Clean:
        return "clean";
    case BlobVerdict::Suspicious:
        return "suspicious";
    case BlobVerdict::Blobs:
        return "blobs";
    }
    return "clean";
}

void to_json(nlohmann::json& j, const Blob& b)
{
    j = nlohmann::json{{"clip", b.clip},
                       {"channel", b.channel},
                       {"frame", b.frame},
                       {"centroid_x", b.centroidX},
                       {"centroid_y", b.centroidY},
                       {"bbox", {b.x0, b.y0, b.x1, b.y1}},
                       {"area", b.area},
                       {"peak_abs_z", b.peakAbsZ},
                       {"sign", b.sign},
                       {"peak_value", b.peakValue}};
}

void to_json(nlohmann::json& j, const ChannelBlobSummary& s)
{
    j = nlohmann::json{{"channel", s.channel},
                       {"mean", s.mean},
                       {"std", s.std},
                       {"blobs", s.blobs},
                       {"frames_with_blobs", s.framesWithBlobs},
                       {"frames", s.frames},
                       {"large_regions", s.largeRegions},
                       {"max_peak_abs_z", s.maxPeakAbsZ},
                       {"score", s.score}};
}

void to_json(nlohmann::json& j, const BlobReport& r)
{
    j = nlohmann::json{{"verdict", blobVerdictName(r.verdict)},
                       {"reason", r.reason},
                       {"z_threshold", r.zThreshold},
                       {"region_z", r.regionZ},
                       {"positions", r.positions},
                       {"max_area", r.maxArea},
                       {"channels", r.channels},
                       {"blobs", r.blobs},
                       {"blobs_truncated", r.blobsTruncated}};
}

BlobDetector::BlobDetector(BlobDetectorConfig config) : m_config(std::move(config))
{
    validate(m_config);
}

double BlobDetector::detectionThreshold(int64_t positions) const
{
    if (m_config.falseAlarmRate <= 0.0 || positions <= 0) {
        return m_config.zThreshold;
    }
    // Bonferroni (union) bound: N positions, each a two-sided (or one-sided) Gaussian tail.
    const double sides = m_config.polarity == "both" ? 2.0 : 1.0;
    const double tail = m_config.falseAlarmRate / (sides * static_cast<double>(positions));
    return std::max(m_config.zThreshold, detail::normalUpperQuantile(tail));
}

BlobReport BlobDetector::detect(const torch::Tensor& maps) const
{
    torch::NoGradGuard noGrad;
    const torch::Tensor x = detail::clipBatch(maps, "BlobDetector::detect");
    const int64_t batch = x.size(0);
    const int64_t channels = x.size(1);
    const int64_t frames = x.size(2);
    const int64_t height = x.size(3);
    const int64_t width = x.size(4);

    BlobReport report;
    report.positions = x.numel();
    report.zThreshold = detectionThreshold(report.positions);
    report.regionZ = std::min(m_config.regionZ, report.zThreshold);
    report.maxArea = std::max<int64_t>(
        1, static_cast<int64_t>(std::floor(m_config.maxAreaFraction * double(height * width))));

    // Channel centre and scale: population mean/std, then once more without the values beyond
    // the threshold, so that a large blob does not inflate std and mask itself.
    const torch::Tensor flat = x.transpose(0, 1).reshape({channels, -1});
    torch::Tensor mean = flat.mean(1, true);
    torch::Tensor stdev = (flat - mean).pow(2).mean(1, true).sqrt();
    const torch::Tensor keep = (flat - mean).abs() < report.zThreshold * stdev;
    const torch::Tensor kept = keep.sum(1, true).to(torch::kFloat64);
    const torch::Tensor clippedMean = (flat * keep).sum(1, true) / kept.clamp_min(1.0);
    const torch::Tensor clippedStd =
        ((flat - clippedMean).pow(2) * keep).sum(1, true).div(kept.clamp_min(1.0)).sqrt();
    // When everything but the spikes is one value, the clipped std is 0: keep the first pass.
    const torch::Tensor useClipped = (kept >= 2.0).logical_and(clippedStd > 0.0);
    mean = torch::where(useClipped, clippedMean, mean);
    stdev = torch::where(useClipped, clippedStd, stdev);
    // A flat channel (min == max) has no spikes; rounding must not make its std nonzero.
    const torch::Tensor flatChannel = (flat.amax(1, true) == flat.amin(1, true));
    stdev = torch::where(flatChannel, torch::zeros_like(stdev), stdev);

    const torch::Tensor mean5 = mean.view({1, channels, 1, 1, 1});
    const torch::Tensor std5 = stdev.view({1, channels, 1, 1, 1});
    const torch::Tensor z =
        torch::where(std5 > 0, (x - mean5) / std5.clamp_min(1e-300), torch::zeros_like(x))
            .clamp(-1e30, 1e30) // a nearly flat channel must not overflow float
            .to(torch::kFloat32)
            .contiguous();

    mean = mean.contiguous();
    stdev = stdev.contiguous();
    const double* meanPtr = mean.data_ptr<double>();
    const double* stdPtr = stdev.data_ptr<double>();
    report.channels.resize(static_cast<size_t>(channels));
    for (int64_t c = 0; c < channels; ++c) {
        ChannelBlobSummary& s = report.channels[static_cast<size_t>(c)];
        s.channel = c;
        s.mean = meanPtr[c];
        s.std = stdPtr[c];
        s.frames = batch * frames;
    }

    detail::RegionThresholds thresholds;
    thresholds.seed = report.zThreshold;
    thresholds.grow = report.regionZ;
    thresholds.connectivity = m_config.connectivity;
    thresholds.positive = m_config.polarity != "negative";
    thresholds.negative = m_config.polarity != "positive";

    detail::ConnectedRegions labeller;
    const float* zPtr = z.data_ptr<float>();
    const double* xPtr = x.data_ptr<double>();
    const int64_t mapSize = height * width;
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t c = 0; c < channels; ++c) {
            ChannelBlobSummary& s = report.channels[static_cast<size_t>(c)];
            for (int64_t t = 0; t < frames; ++t) {
                const int64_t offset = ((b * channels + c) * frames + t) * mapSize;
                bool frameHasBlob = false;
                for (const detail::Region& region :
                     labeller.find(zPtr + offset, height, width, thresholds)) {
                    if (region.area > report.maxArea) {
                        ++s.largeRegions;
                        continue;
                    }
                    if (region.area < m_config.minArea) {
                        continue;
                    }
                    const double peakValue = xPtr[offset + region.peakY * width + region.peakX];
                    if (std::abs(peakValue - s.mean) < m_config.minPeak) {
                        continue;
                    }
                    frameHasBlob = true;
                    ++s.blobs;
                    s.maxPeakAbsZ = std::max(s.maxPeakAbsZ, std::abs(region.peak));
                    if (report.blobs.size() >= static_cast<size_t>(m_config.maxBlobs)) {
                        report.blobsTruncated = true;
                        continue;
                    }
                    Blob blob;
                    blob.clip = b;
                    blob.channel = c;
                    blob.frame = t;
                    blob.centroidX = region.centroidX;
                    blob.centroidY = region.centroidY;
                    blob.x0 = region.x0;
                    blob.y0 = region.y0;
                    blob.x1 = region.x1;
                    blob.y1 = region.y1;
                    blob.area = region.area;
                    blob.peakAbsZ = std::abs(region.peak);
                    blob.sign = region.sign;
                    blob.peakValue = peakValue;
                    report.blobs.push_back(blob);
                }
                s.framesWithBlobs += frameHasBlob ? 1 : 0;
            }
        }
    }
    for (ChannelBlobSummary& s : report.channels) {
        s.score = s.blobs == 0 ? 0.0
                               : double(s.framesWithBlobs) / double(s.frames) *
                                     (s.maxPeakAbsZ / report.zThreshold);
    }
    explain(report, m_config.blobScore);
    return report;
}

} // namespace vd
