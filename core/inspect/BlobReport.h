// SPDX-License-Identifier: GPL-3.0-or-later
// What BlobDetector finds, as plain value types without torch (the UI reads these).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace vd {

/// One localized spike: a small connected region of one channel in one frame.
/// Coordinates are latent positions (column x, row y, 0-based); the bbox is inclusive.
struct Blob {
    int64_t clip = 0; ///< index in the batch given to detect()
    int64_t channel = 0;
    int64_t frame = 0;
    double centroidX = 0; ///< unweighted mean column of the region's positions
    double centroidY = 0;
    int64_t x0 = 0;
    int64_t y0 = 0;
    int64_t x1 = 0;
    int64_t y1 = 0;
    int64_t area = 0;     ///< positions in the region
    double peakAbsZ = 0;  ///< largest |z| in the region
    int sign = 1;         ///< +1 a high spike, -1 a low one
    double peakValue = 0; ///< the raw value at the peak
};

/// Per-channel totals of a detection.
struct ChannelBlobSummary {
    int64_t channel = 0;
    double mean = 0;             ///< the centre used for z (sigma-clipped mean)
    double std = 0;              ///< the scale used for z (sigma-clipped population std; 0: flat)
    int64_t blobs = 0;           ///< blobs found (all of them, even past maxBlobs)
    int64_t framesWithBlobs = 0; ///< frames (over all clips) with at least one blob
    int64_t frames = 0;          ///< frames examined (clips x T)
    int64_t largeRegions = 0;    ///< regions above threshold but larger than max_area_fraction
    double maxPeakAbsZ = 0;      ///< largest blob peak |z|; 0 without blobs
    /// (framesWithBlobs / frames) * (maxPeakAbsZ / zThreshold): 0 without blobs, about 1 for
    /// threshold-level blobs in every frame; one huge spike in one frame also scores high.
    double score = 0;
};

/// Overall call on a clip or batch.
enum class BlobVerdict {
    Clean,      ///< no blob in any channel
    Suspicious, ///< blobs, but no channel reaches blob_score (rare or weak spikes)
    Blobs,      ///< at least one channel reaches blob_score
};

/// "clean", "suspicious", "blobs".
const char* blobVerdictName(BlobVerdict verdict);

struct BlobReport {
    BlobVerdict verdict = BlobVerdict::Clean;
    std::string reason;    ///< one plain-language sentence naming the channels
    double zThreshold = 0; ///< effective detection threshold in |z|
    double regionZ = 0;    ///< effective region (hysteresis) threshold in |z|
    int64_t positions = 0; ///< values examined (the N of the threshold rule)
    int64_t maxArea = 0;   ///< largest blob area in positions
    std::vector<ChannelBlobSummary> channels;
    std::vector<Blob> blobs; ///< by clip, channel, frame; at most config.maxBlobs
    bool blobsTruncated = false;
};

void to_json(nlohmann::json& j, const Blob& b);
void to_json(nlohmann::json& j, const ChannelBlobSummary& s);
void to_json(nlohmann::json& j, const BlobReport& r);

} // namespace vd
