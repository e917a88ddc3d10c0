// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DemoDataset.h"

#include "data/detail/Idx.h"
#include "data/detail/Random.h"
#include "data/detail/Raster.h"
#include "media/VideoWriter.h"
#include "util/Error.h"
#include "util/Log.h"
#include "util/Threads.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace vd {
namespace {

using detail::Color;
using detail::Rng;

constexpr float kPi = 3.14159265358979f;
/// Fashion-MNIST items loaded: ~1,200 per class is plenty of variety for a demo, and reading a
/// fifth of the file keeps generation fast.
constexpr int64_t kFashionPool = 12000;
/// Seed salts, so the kinds don't share scenes for the same seed.
constexpr uint64_t kShapesSalt = 0x5348415045ull;
constexpr uint64_t kFashionSalt = 0x46415348ull;

const char* const kShapeNames[] = {"circle", "square", "triangle", "star"};
const detail::ShapeKind kShapeKinds[] = {detail::ShapeKind::Circle, detail::ShapeKind::Square,
                                         detail::ShapeKind::Triangle, detail::ShapeKind::Star};
/// Fashion-MNIST label numbers 0..9 (github.com/zalandoresearch/fashion-mnist), as folder names
/// and as nouns for captions.
const char* const kFashionNames[] = {"t-shirt", "trouser", "pullover", "dress", "coat",
                                     "sandal",  "shirt",   "sneaker",  "bag",   "ankle-boot"};
const char* const kFashionNouns[] = {"t-shirt", "pair of trousers", "pullover", "dress",
                                     "coat",    "sandal",           "shirt",    "sneaker",
                                     "bag",     "ankle boot"};

struct NamedColor {
    const char* name;
    Color color;
};

const NamedColor kPalette[] = {
    {"red", {220, 40, 40}},     {"orange", {245, 140, 30}}, {"yellow", {240, 215, 50}},
    {"green", {50, 175, 70}},   {"cyan", {40, 200, 220}},   {"blue", {40, 80, 220}},
    {"purple", {140, 60, 200}}, {"pink", {240, 130, 185}},  {"white", {240, 240, 240}},
    {"gray", {125, 125, 125}},  {"black", {25, 25, 25}},    {"brown", {130, 80, 40}},
};
constexpr int kPaletteSize = static_cast<int>(sizeof(kPalette) / sizeof(kPalette[0]));

float colorDistance(const Color& a, const Color& b)
{
    const float dr = a.r - b.r;
    const float dg = a.g - b.g;
    const float db = a.b - b.b;
    return std::sqrt(dr * dr + dg * dg + db * db);
}

/// A palette entry far enough from `avoid` that the foreground stays visible; the farthest
/// one if a few draws find none.
int pickContrasting(Rng& rng, const Color& avoid, int exclude)
{
    int best = -1;
    float bestDist = -1.0f;
    for (int tries = 0; tries < 24; ++tries) {
        const int i = static_cast<int>(rng.below(kPaletteSize));
        if (i == exclude) {
            continue;
        }
        const float d = colorDistance(kPalette[i].color, avoid);
        if (d > 130.0f) {
            return i;
        }
        if (d > bestDist) {
            bestDist = d;
            best = i;
        }
    }
    return best >= 0 ? best : (exclude + 1) % kPaletteSize;
}

/// The named colour with a small random shift, so that "red" is a family, not one value.
Color jitter(Rng& rng, const Color& c)
{
    auto j = [&](float v) {
        return std::clamp(v + static_cast<float>(rng.uniform(-14.0, 14.0)), 0.0f, 255.0f);
    };
    return {j(c.r), j(c.g), j(c.b)};
}

/// Image y points down; captions speak of "up" as a viewer does.
const char* const kDirectionNames[] = {
    "right", "up and to the right",  "up",   "up and to the left",
    "left",  "down and to the left", "down", "down and to the right"};

/// Which of the eight compass directions of kDirectionNames a velocity points to.
int directionSector(float vx, float vy)
{
    const float a = std::atan2(-vy, vx);
    const int sector = static_cast<int>(std::lround(a / (kPi / 4.0f)));
    return ((sector % 8) + 8) % 8;
}

/// Everything random about one clip, drawn in a fixed order from the clip's own seed.
struct Scene {
    detail::Background background;
    std::string backgroundText;
    Color foreground;
    std::string foregroundName;
    float x = 0.0f;
    float y = 0.0f;
    float vx = 0.0f;
    float vy = 0.0f;
    float angle = 0.0f;
    float spin = 0.0f;   ///< radians per frame
    float extent = 0.0f; ///< half size used for bouncing
};

Scene makeScene(Rng& rng, int size, float extent, bool rotates, DemoBackgrounds backgrounds)
{
    Scene s;
    const int fg = static_cast<int>(rng.below(kPaletteSize));
    s.foregroundName = kPalette[fg].name;
    s.foreground = jitter(rng, kPalette[fg].color);

    detail::Background& bg = s.background;
    // Solid and Gradient come first in BackgroundKind, so Plain draws from the first two.
    bg.kind = static_cast<detail::BackgroundKind>(
        rng.below(backgrounds == DemoBackgrounds::Plain ? 2 : 4));
    const int a = pickContrasting(rng, kPalette[fg].color, fg);
    int b = pickContrasting(rng, kPalette[fg].color, fg);
    if (b == a) {
        b = pickContrasting(rng, kPalette[fg].color, fg);
    }
    bg.a = jitter(rng, kPalette[a].color);
    bg.b = jitter(rng, kPalette[b].color);
    bg.angle = static_cast<float>(rng.uniform(0.0, 2.0 * kPi));
    bg.frequency = static_cast<float>(rng.uniform(1.5, 4.0));
    bg.phase = static_cast<float>(rng.uniform(0.0, 2.0 * kPi));
    bg.noiseSeed = rng.next();
    const std::string an = kPalette[a].name;
    const std::string bn = kPalette[b].name;
    switch (bg.kind) {
    case detail::BackgroundKind::Solid:
        s.backgroundText = "a plain " + an + " background";
        break;
    case detail::BackgroundKind::Gradient:
        s.backgroundText = a == b ? "a " + an + " gradient" : "a " + an + " to " + bn + " gradient";
        break;
    case detail::BackgroundKind::Stripes:
        s.backgroundText = a == b ? an + " stripes" : an + " and " + bn + " stripes";
        break;
    case detail::BackgroundKind::Noise:
        s.backgroundText =
            a == b ? "soft " + an + " noise" : "soft " + an + " and " + bn + " noise";
        break;
    }

    s.extent = extent;
    const float lo = extent;
    const float hi = std::max(lo, static_cast<float>(size) - extent);
    s.x = static_cast<float>(rng.uniform(lo, hi));
    s.y = static_cast<float>(rng.uniform(lo, hi));
    const float speed = static_cast<float>(size) * static_cast<float>(rng.uniform(0.035, 0.07));
    const float heading = static_cast<float>(rng.uniform(0.0, 2.0 * kPi));
    s.vx = speed * std::cos(heading);
    s.vy = speed * std::sin(heading);
    s.angle = static_cast<float>(rng.uniform(0.0, 2.0 * kPi));
    s.spin = rotates ? static_cast<float>(rng.uniform(-0.12, 0.12)) : 0.0f;
    return s;
}

/// Constant velocity; a wall reflects the position and the velocity (elastic bounce).
void step(Scene& s, int size)
{
    auto axis = [&](float& p, float& v) {
        p += v;
        const float lo = s.extent;
        const float hi = std::max(lo, static_cast<float>(size) - s.extent);
        for (int i = 0; i < 2 && (p < lo || p > hi); ++i) {
            if (p < lo) {
                p = 2.0f * lo - p;
                v = -v;
            } else if (p > hi) {
                p = 2.0f * hi - p;
                v = -v;
            }
        }
        p = std::clamp(p, lo, hi);
    };
    axis(s.x, s.vx);
    axis(s.y, s.vy);
    s.angle += s.spin;
}

/// Fashion-MNIST images with their label lists per class.
struct FashionData {
    detail::IdxArray images;
    std::vector<std::vector<int>> byClass; ///< label → item indices
};

FashionData loadFashion(const std::string& folder)
{
    const fs::path dir(folder);
    const std::string imagesPath = (dir / "train-images-idx3-ubyte.gz").string();
    const std::string labelsPath = (dir / "train-labels-idx1-ubyte.gz").string();
    for (const std::string& p : {imagesPath, labelsPath}) {
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) {
            throw Error(ErrorKind::InputData,
                        "'" + p +
                            "': Fashion-MNIST file not found (install the Debian package "
                            "dataset-fashion-mnist)",
                        ErrorCode::FileNotFound);
        }
    }
    FashionData data;
    data.images = detail::readIdx(imagesPath, kFashionPool);
    const detail::IdxArray labels = detail::readIdx(labelsPath, kFashionPool);
    if (data.images.dims.size() != 3 || labels.dims.size() != 1 ||
        labels.dims[0] != data.images.dims[0]) {
        throw Error(ErrorKind::InputData,
                    "'" + imagesPath + "': images and labels do not match (expected Nx28x28 and N)",
                    ErrorCode::UnrecognizedFormat);
    }
    data.byClass.resize(10);
    for (size_t i = 0; i < labels.data.size(); ++i) {
        if (labels.data[i] < 10) {
            data.byClass[labels.data[i]].push_back(static_cast<int>(i));
        }
    }
    for (size_t c = 0; c < data.byClass.size(); ++c) {
        if (data.byClass[c].empty()) {
            throw Error(ErrorKind::InputData,
                        "'" + labelsPath + "': no item of class " + kFashionNames[c],
                        ErrorCode::UnrecognizedFormat);
        }
    }
    return data;
}

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text << '\n';
    out.flush();
    if (!out) {
        throw Error(ErrorKind::Runtime, "'" + path.string() + "': cannot write the caption",
                    ErrorCode::WriteFailed);
    }
}

void checkOptions(const DemoOptions& o)
{
    auto bad = [](const std::string& what) {
        throw Error(ErrorKind::Usage, "demo dataset: " + what, ErrorCode::InvalidValue);
    };
    if (o.clips < 1 || o.clips > 1000000) {
        bad("clips must be in [1, 1000000], got " + std::to_string(o.clips));
    }
    if (o.size < 8 || o.size > 2048) {
        bad("size must be in [8, 2048], got " + std::to_string(o.size));
    }
    if (o.frames < 1 || o.frames > 100000) {
        bad("frames must be in [1, 100000], got " + std::to_string(o.frames));
    }
    if (o.fps < 1 || o.fps > 1000) {
        bad("fps must be in [1, 1000], got " + std::to_string(o.fps));
    }
    if (!(o.objectScale >= 0.25 && o.objectScale <= 1.25)) {
        bad("object scale must be in [0.25, 1.25], got " + std::to_string(o.objectScale));
    }
    if (o.quality < 0 || o.quality > 51) {
        bad("quality (CRF) must be in [0, 51], got " + std::to_string(o.quality));
    }
}

/// Renders and encodes one clip; `frame` and `background` are reused buffers of the thread.
void writeClip(const fs::path& root, const DemoOptions& o, const FashionData* fashion, int clip,
               std::vector<uint8_t>& background, std::vector<uint8_t>& frame)
{
    const std::vector<std::string> classes = demoClassNames(o.kind);
    const int numClasses = static_cast<int>(classes.size());
    const int cls = clip % numClasses;
    const std::string& label = classes[static_cast<size_t>(cls)];
    char stem[64];
    std::snprintf(stem, sizeof(stem), "_%04d", clip / numClasses);
    const fs::path dir = root / label;
    const fs::path videoPath = dir / (label + stem + ".mp4");
    const fs::path captionPath = dir / (label + stem + ".txt");

    const bool shapes = o.kind == DemoKind::Shapes;
    Rng rng(
        detail::mixSeed(o.seed, shapes ? kShapesSalt : kFashionSalt, static_cast<uint64_t>(clip)));
    const int S = o.size;
    float extent = 0.0f;
    float spriteSize = 0.0f;
    detail::Sprite sprite;
    if (shapes) {
        extent = static_cast<float>(S) *
                 static_cast<float>(o.objectScale * rng.uniform(0.256, 0.384));
    } else {
        spriteSize = static_cast<float>(S) * static_cast<float>(rng.uniform(0.45, 0.6));
        extent = 0.5f * spriteSize;
        const auto& items = fashion->byClass[static_cast<size_t>(cls)];
        const int item = items[static_cast<size_t>(rng.below(static_cast<int64_t>(items.size())))];
        sprite.height = fashion->images.dims[1];
        sprite.width = fashion->images.dims[2];
        sprite.pixels =
            fashion->images.data.data() + static_cast<size_t>(item) * sprite.width * sprite.height;
        // Dark garments would be nearly transparent: stretch each item to full intensity.
        const uint8_t peak = *std::max_element(
            sprite.pixels, sprite.pixels + static_cast<size_t>(sprite.width) * sprite.height);
        sprite.gain = peak > 0 ? 255.0f / static_cast<float>(peak) : 1.0f;
    }
    const bool rotates = shapes && o.spin && kShapeKinds[cls] != detail::ShapeKind::Circle;
    Scene scene = makeScene(rng, S, extent, rotates, o.backgrounds);

    // The caption names the direction the thing moves in for most of the clip: a bounce in the
    // first frames would make the starting velocity a lie.
    int sectorFrames[8] = {};
    {
        Scene probe = scene;
        for (int t = 0; t + 1 < o.frames || t == 0; ++t) {
            ++sectorFrames[directionSector(probe.vx, probe.vy)];
            step(probe, S);
        }
    }
    const int sector =
        static_cast<int>(std::max_element(std::begin(sectorFrames), std::end(sectorFrames)) -
                         std::begin(sectorFrames));
    const bool vowel = std::string("aeiou").find(scene.foregroundName[0]) != std::string::npos;
    std::string caption = (vowel ? "an " : "a ") + scene.foregroundName + " " +
                          (shapes ? kShapeNames[cls] : kFashionNouns[cls]) + " ";
    if (std::abs(scene.spin) > 0.04f) {
        caption += "spinning and ";
    }
    caption += std::string("moving ") + kDirectionNames[sector] + " over " + scene.backgroundText;

    detail::renderBackground(scene.background, S, S, background);
    frame.resize(background.size());
    EncodeOptions encode;
    encode.fps = Rational{o.fps, 1};
    encode.quality = o.quality;
    encode.threads = 1; // clips are encoded in parallel already; tiny frames gain nothing more
    VideoWriter writer(videoPath.string(), S, S, VideoFormat::MP4, encode);
    for (int t = 0; t < o.frames; ++t) {
        std::copy(background.begin(), background.end(), frame.begin());
        if (shapes) {
            detail::ShapeParams p;
            p.kind = kShapeKinds[cls];
            p.cx = scene.x;
            p.cy = scene.y;
            p.radius = extent;
            p.angle = scene.angle;
            p.color = scene.foreground;
            detail::drawShape(p, S, S, frame.data());
        } else {
            detail::drawSprite(sprite, scene.x, scene.y, spriteSize, scene.foreground, S, S,
                               frame.data());
        }
        writer.write(frame.data());
        step(scene, S);
    }
    writer.finish();
    writeText(captionPath, caption);
}

} // namespace

std::vector<std::string> demoClassNames(DemoKind kind)
{
    if (kind == DemoKind::Fashion) {
        return {std::begin(kFashionNames), std::end(kFashionNames)};
    }
    return {std::begin(kShapeNames), std::end(kShapeNames)};
}

DemoBackgrounds demoBackgroundsFromString(const std::string& name)
{
    if (name == "all") {
        return DemoBackgrounds::All;
    }
    if (name == "plain") {
        return DemoBackgrounds::Plain;
    }
    throw Error(ErrorKind::Usage,
                "unknown demo backgrounds '" + name + "' (expected all or plain)",
                ErrorCode::InvalidValue);
}

DemoKind demoKindFromString(const std::string& name)
{
    if (name == "shapes") {
        return DemoKind::Shapes;
    }
    if (name == "fashion") {
        return DemoKind::Fashion;
    }
    throw Error(ErrorKind::Usage,
                "unknown demo dataset kind '" + name + "' (expected shapes or fashion)",
                ErrorCode::InvalidValue);
}

DemoResult makeDemoDataset(const std::string& dir, const DemoOptions& options,
                           const std::function<void(int, int)>& progress)
{
    checkOptions(options);
    FashionData fashion;
    if (options.kind == DemoKind::Fashion) {
        fashion = loadFashion(options.fashionDir);
    }

    const fs::path root(dir);
    const std::vector<std::string> classes = demoClassNames(options.kind);
    const int used = std::min(options.clips, static_cast<int>(classes.size()));
    DemoResult result;
    for (int c = 0; c < used; ++c) {
        std::error_code ec;
        fs::create_directories(root / classes[static_cast<size_t>(c)], ec);
        if (ec) {
            throw Error(ErrorKind::Runtime,
                        "'" + (root / classes[static_cast<size_t>(c)]).string() +
                            "': cannot create folder: " + ec.message(),
                        ErrorCode::WriteFailed);
        }
        result.labels.push_back(classes[static_cast<size_t>(c)]);
    }
    std::sort(result.labels.begin(), result.labels.end());

    // The files are the same for any thread count (VideoWriter turns off x264's mbtree, which
    // read uninitialised memory on small frames and made a seed give different bitstreams).
    int threads = options.threads > 0 ? options.threads : hardwareThreads();
    threads = std::max(1, std::min(threads, options.clips));
    std::atomic<int> nextClip{0};
    std::atomic<bool> abort{false};
    std::mutex mutex;
    std::condition_variable doneCv;
    int done = 0;
    int running = threads;
    std::exception_ptr failure;
    const FashionData* fashionPtr = options.kind == DemoKind::Fashion ? &fashion : nullptr;

    auto work = [&]() {
        std::vector<uint8_t> background;
        std::vector<uint8_t> frame;
        try {
            for (int i = nextClip++; i < options.clips && !abort; i = nextClip++) {
                writeClip(root, options, fashionPtr, i, background, frame);
                std::lock_guard lock(mutex);
                ++done;
                doneCv.notify_all();
            }
        } catch (...) {
            abort = true;
            std::lock_guard lock(mutex);
            if (!failure) {
                failure = std::current_exception();
            }
        }
        std::lock_guard lock(mutex);
        --running;
        doneCv.notify_all();
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back(work);
    }
    {
        // Report progress from this thread, so a caller never sees its callback on ours. A
        // callback that throws (to cancel) stops the workers after their current clip.
        std::unique_lock lock(mutex);
        int reported = 0;
        while (running > 0 || reported != done) {
            doneCv.wait(lock, [&] { return done != reported || running == 0; });
            if (done == reported) {
                continue;
            }
            reported = done;
            if (progress && !abort) {
                lock.unlock();
                try {
                    progress(reported, options.clips);
                } catch (...) {
                    abort = true;
                    lock.lock();
                    if (!failure) {
                        failure = std::current_exception();
                    }
                    continue;
                }
                lock.lock();
            }
        }
    }
    for (std::thread& t : pool) {
        t.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
    result.clipsWritten = done;
    log::get("data")->info("wrote {} demo clips ({}x{}, {} frames, {} classes) to {}", done,
                           options.size, options.size, options.frames, result.labels.size(), dir);
    return result;
}

} // namespace vd
