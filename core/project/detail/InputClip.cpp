// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/InputClip.h"

#include "data/ClipLoader.h"
#include "data/ClipSampler.h"
#include "media/VideoReader.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace vd {

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
                    "'" + path + "': start frame " + std::to_string(start) +
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

} // namespace vd
