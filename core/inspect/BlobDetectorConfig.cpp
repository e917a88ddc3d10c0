// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/BlobDetectorConfig.h"

#include "util/ConfigCheck.h"
#include "util/JsonFields.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>

namespace vd {

const std::vector<std::string>& BlobDetectorConfig::polarityNames()
{
    static const std::vector<std::string> names{"both", "positive", "negative"};
    return names;
}

void to_json(nlohmann::json& j, const BlobDetectorConfig& c)
{
    j = nlohmann::json{{"z_threshold", c.zThreshold},    {"false_alarm_rate", c.falseAlarmRate},
                       {"region_z", c.regionZ},          {"max_area_fraction", c.maxAreaFraction},
                       {"min_area", c.minArea},          {"min_peak", c.minPeak},
                       {"connectivity", c.connectivity}, {"polarity", c.polarity},
                       {"blob_score", c.blobScore},      {"max_blobs", c.maxBlobs}};
}

void from_json(const nlohmann::json& j, BlobDetectorConfig& c)
{
    c = blobDetectorConfigFromJson(j, "inspect.blobs");
}

BlobDetectorConfig blobDetectorConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    BlobDetectorConfig c;
    JsonFields f(j, path);
    f.read("z_threshold", c.zThreshold, -1e9, 1e9);
    f.read("false_alarm_rate", c.falseAlarmRate, -1e9, 1e9);
    f.read("region_z", c.regionZ, -1e9, 1e9);
    f.read("max_area_fraction", c.maxAreaFraction, -1e9, 1e9);
    f.read("min_area", c.minArea, INT_MIN, INT_MAX);
    f.read("min_peak", c.minPeak, -1e9, 1e9);
    f.read("connectivity", c.connectivity, INT_MIN, INT_MAX);
    f.readChoice("polarity", c.polarity, BlobDetectorConfig::polarityNames());
    f.read("blob_score", c.blobScore, -1e9, 1e9);
    f.read("max_blobs", c.maxBlobs, INT_MIN, INT_MAX);
    f.finish();
    validate(c, path);
    return c;
}

void validate(const BlobDetectorConfig& c, const std::string& path)
{
    checkRange(path, "z_threshold", c.zThreshold, 1.0, 100.0);
    checkRange(path, "false_alarm_rate", c.falseAlarmRate, 0.0, 1.0);
    checkRange(path, "region_z", c.regionZ, 0.5, 100.0);
    checkRange(path, "max_area_fraction", c.maxAreaFraction, 1e-6, 1.0);
    checkRange(path, "min_area", c.minArea, 1, 1000000);
    checkRange(path, "min_peak", c.minPeak, 0.0, 1e9);
    if (c.connectivity != 4 && c.connectivity != 8) {
        failKey(path, "connectivity", std::to_string(c.connectivity) + " is not 4 or 8");
    }
    const auto& names = BlobDetectorConfig::polarityNames();
    if (std::find(names.begin(), names.end(), c.polarity) == names.end()) {
        failKey(path, "polarity", "'" + c.polarity + "' is not both, positive or negative");
    }
    checkRange(path, "blob_score", c.blobScore, 0.0, 1e6);
    checkRange(path, "max_blobs", c.maxBlobs, 0, 1000000);
}

} // namespace vd
