// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace vd {

/// How BlobDetector finds localized spikes. Plain value type, JSON keys in snake_case.
///
/// Detection threshold: a Gaussian map of N positions has a largest |z| near sqrt(2 ln N)
/// (about 4.4 for the 16,384 values of a [4,16,16,16] clip), so a fixed threshold of 4 would
/// fire on almost every clean clip. The detector therefore uses
///     threshold = max(z_threshold, Q(false_alarm_rate / (2 N)))
/// where Q is the upper standard-normal quantile and N the number of positions examined in one
/// call (all channels, frames and clips; one-sided polarity uses false_alarm_rate / N): the
/// chance that a clean Gaussian clip yields any detection is about false_alarm_rate.
/// For the defaults that is 5.42 for [4,16,16,16] and 5.54 for [4,8,32,32].
struct BlobDetectorConfig {
    double zThreshold = 4.0;       ///< lowest detection threshold in |z| (floor of the rule above)
    double falseAlarmRate = 1e-3;  ///< per-call chance of a detection on Gaussian data; 0: use
                                   ///< z_threshold alone
    double regionZ = 3.0;          ///< a blob extends over connected positions with |z| >= this
                                   ///< (at most the detection threshold)
    double maxAreaFraction = 0.1;  ///< larger regions (share of one frame's h*w) are structure,
                                   ///< not blobs; they are counted but not reported as blobs
    int minArea = 1;               ///< smaller regions are ignored (e.g. single pixels in
                                   ///< pixel-space error maps)
    double minPeak = 1e-3;         ///< the peak must also differ from the channel mean by this
                                   ///< much in latent units (ignores float noise in flat channels)
    int connectivity = 8;          ///< 4 or 8
    std::string polarity = "both"; ///< "both", "positive" (high values only) or "negative"
    double blobScore = 0.5;        ///< channel score at which the verdict becomes "blobs"
    int maxBlobs = 1000;           ///< blobs listed in a report (counts stay exact beyond it)

    /// Every accepted polarity, "both" first.
    static const std::vector<std::string>& polarityNames();
};

void to_json(nlohmann::json& j, const BlobDetectorConfig& c);
/// Throws vd::Error(Config) naming the key ("inspect.blobs.z_threshold: ...").
void from_json(const nlohmann::json& j, BlobDetectorConfig& c);
BlobDetectorConfig blobDetectorConfigFromJson(const nlohmann::json& j, const std::string& path);
/// Throws vd::Error(Config, InvalidValue) naming `path.key` and the allowed range.
void validate(const BlobDetectorConfig& c, const std::string& path = "inspect.blobs");

} // namespace vd
