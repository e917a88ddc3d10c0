// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/PreviewArchive.h"

#include "media/FrameOps.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <system_error>
#include <tuple>

namespace fs = std::filesystem;

namespace vd {

namespace {

constexpr int kUpscale = 2; // GIFs of 64x64 frames are tiny in an image viewer
constexpr int kFps = 8;

} // namespace

PreviewArchive::PreviewArchive(std::string dir) : m_dir(std::move(dir)) {}

std::string PreviewArchive::write(const PreviewClip& clip)
{
    if (clip.step != m_step) {
        m_step = clip.step;
        m_kindsAtStep.clear();
    }
    const int index =
        static_cast<int>(std::count(m_kindsAtStep.begin(), m_kindsAtStep.end(), clip.kind));
    m_kindsAtStep.push_back(clip.kind);
    char name[128];
    if (clip.label >= 0) {
        std::snprintf(name, sizeof name, "step-%06lld-%s-%d-class%d.gif",
                      static_cast<long long>(clip.step), clip.kind.c_str(), index, clip.label);
    } else {
        std::snprintf(name, sizeof name, "step-%06lld-%s-%d.gif", static_cast<long long>(clip.step),
                      clip.kind.c_str(), index);
    }
    fs::create_directories(m_dir);
    const std::string path = (fs::path(m_dir) / name).string();
    const FrameStack frames = upscaleNearest(clip.frames, kUpscale);
    EncodeOptions options;
    options.fps = Rational{kFps, 1};
    VideoWriter writer(path, frames.width, frames.height, VideoFormat::GIF, options);
    writer.write(frames);
    writer.finish();
    return path;
}

std::vector<SavedPreview> PreviewArchive::latest() const
{
    static const std::regex pattern(
        R"(step-(\d+)-(reconstruction|sample)-(\d+)(?:-class(\d+))?\.gif)");
    std::vector<SavedPreview> found;
    std::error_code ec;
    for (fs::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::smatch m;
        if (!std::regex_match(name, m, pattern)) {
            continue;
        }
        SavedPreview p;
        p.step = std::stoll(m[1].str());
        p.kind = m[2].str();
        p.index = std::stoi(m[3].str());
        p.label = m[4].matched ? std::stoi(m[4].str()) : -1;
        p.path = it->path().string();
        found.push_back(std::move(p));
    }
    if (found.empty()) {
        return found;
    }
    const int64_t last =
        std::max_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.step < b.step;
        })->step;
    found.erase(std::remove_if(found.begin(), found.end(),
                               [last](const SavedPreview& p) { return p.step != last; }),
                found.end());
    std::sort(found.begin(), found.end(), [](const SavedPreview& a, const SavedPreview& b) {
        return std::tie(a.kind, a.index) < std::tie(b.kind, b.index);
    });
    return found;
}

FrameStack PreviewArchive::read(const SavedPreview& preview)
{
    const VideoInfo info = VideoReader::probe(preview.path);
    DecodeOptions options;
    // Area scaling of 2x2 equal pixels gives the original pixel back.
    options.outWidth = std::max(1, info.width / kUpscale);
    options.outHeight = std::max(1, info.height / kUpscale);
    VideoReader reader(preview.path, options);
    return reader.readFrames(0, static_cast<int>(std::max<int64_t>(1, info.frames)));
}

} // namespace vd
