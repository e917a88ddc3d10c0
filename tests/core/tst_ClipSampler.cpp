// SPDX-License-Identifier: GPL-3.0-or-later
// sampleClip: the right frames (start, stride, target fps, short clips), the right shape
// (scale to cover, crop, flip), and the same sample for the same seed.
#include "data/ClipSampler.h"
#include "data/DatasetIndex.h"
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace vd;

namespace {

constexpr int kIndexFrames = 40;

/// The frame indices an index clip sample shows (frames carry their index as stripes).
std::vector<int> indicesOf(const FrameStack& s)
{
    std::vector<int> out;
    for (int t = 0; t < s.frames; ++t) {
        out.push_back(vdtest::decodeIndexFrame(s.frame(t), s.width, s.height));
    }
    return out;
}

/// The same sample with its columns mirrored.
FrameStack mirrored(const FrameStack& s)
{
    FrameStack m = s;
    for (int t = 0; t < s.frames; ++t) {
        for (int y = 0; y < s.height; ++y) {
            for (int x = 0; x < s.width; ++x) {
                const uint8_t* src = s.frame(t) + (static_cast<size_t>(y) * s.width + x) * 3;
                uint8_t* dst =
                    m.frame(t) + (static_cast<size_t>(y) * s.width + (s.width - 1 - x)) * 3;
                dst[0] = src[0];
                dst[1] = src[1];
                dst[2] = src[2];
            }
        }
    }
    return m;
}

} // namespace

class tst_ClipSampler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shapeAndFrameCount_data();
    void shapeAndFrameCount();
    void deterministicForSeed();
    void seedsDiffer();
    void uniformStartAndStride();
    void randomStartKeepsStride();
    void targetFps();
    void shortClipRepeatsLastFrame();
    void centerCrop();
    void randomCropIsAWindow();
    void flipMirrorsColumns();
    void unreadableClipThrows();
    void badSpecThrows();

private:
    const ClipEntry& clip(const std::string& path) const;

    QTemporaryDir m_dir;
    DatasetIndex m_index;
};

void tst_ClipSampler::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // index.mp4: 64×64, 40 frames at 20 fps, each showing its own index.
    {
        EncodeOptions o;
        o.fps = Rational{20, 1};
        o.quality = 12;
        o.keyframeInterval = 10;
        VideoWriter w(m_dir.filePath("index.mp4").toStdString(), 64, 64, VideoFormat::MP4, o);
        for (int i = 0; i < kIndexFrames; ++i) {
            w.write(vdtest::indexFrame(64, 64, i).data());
        }
        w.finish();
    }
    // wide.mp4: 64×48 gradients, for scaling and cropping.
    {
        EncodeOptions o;
        o.fps = Rational{25, 1};
        o.quality = 12;
        VideoWriter w(m_dir.filePath("wide.mp4").toStdString(), 64, 48, VideoFormat::MP4, o);
        for (int i = 0; i < 12; ++i) {
            w.write(vdtest::gradientFrame(64, 48, i).data());
        }
        w.finish();
    }
    m_index = DatasetIndex::scan(m_dir.path().toStdString(), {1, false, {}});
    QCOMPARE(m_index.clips().size(), size_t{2});
}

const ClipEntry& tst_ClipSampler::clip(const std::string& path) const
{
    for (const ClipEntry& c : m_index.clips()) {
        if (c.path == path) {
            return c;
        }
    }
    throw std::runtime_error("no clip " + path);
}

void tst_ClipSampler::shapeAndFrameCount_data()
{
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("stride");
    QTest::newRow("square-crop") << 8 << 32 << 32 << 1;
    QTest::newRow("same-size") << 4 << 64 << 48 << 1;
    QTest::newRow("upscale") << 3 << 96 << 80 << 2;
    QTest::newRow("tall") << 5 << 16 << 40 << 1;
    QTest::newRow("longer-than-clip") << 20 << 24 << 24 << 1;
}

void tst_ClipSampler::shapeAndFrameCount()
{
    QFETCH(int, frames);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, stride);
    SampleSpec spec;
    spec.frames = frames;
    spec.width = width;
    spec.height = height;
    spec.stride = stride;
    const FrameStack s = sampleClip(clip("wide.mp4"), spec, 1);
    QCOMPARE(s.frames, frames);
    QCOMPARE(s.width, width);
    QCOMPARE(s.height, height);
    QCOMPARE(s.data.size(), static_cast<size_t>(frames) * width * height * 3);
}

void tst_ClipSampler::deterministicForSeed()
{
    SampleSpec spec;
    spec.frames = 6;
    spec.width = 32;
    spec.height = 32;
    spec.crop = CropMode::Random;
    spec.randomFlip = true;
    for (uint64_t seed : {0ull, 1ull, 42ull, 0xFFFFFFFFFFFFull}) {
        const FrameStack a = sampleClip(clip("wide.mp4"), spec, seed);
        const FrameStack b = sampleClip(clip("wide.mp4"), spec, seed);
        QVERIFY(a.data == b.data);
        const FrameStack c = sampleClip(clip("index.mp4"), spec, seed);
        const FrameStack d = sampleClip(clip("index.mp4"), spec, seed);
        QVERIFY(c.data == d.data);
    }
}

void tst_ClipSampler::seedsDiffer()
{
    SampleSpec spec;
    spec.frames = 4;
    spec.width = 64;
    spec.height = 64;
    std::set<int> starts;
    for (uint64_t seed = 0; seed < 12; ++seed) {
        starts.insert(indicesOf(sampleClip(clip("index.mp4"), spec, seed)).front());
    }
    QVERIFY2(starts.size() >= 4, "random starts barely vary with the seed");
}

void tst_ClipSampler::uniformStartAndStride()
{
    SampleSpec spec;
    spec.frames = 8;
    spec.width = 64;
    spec.height = 64;
    spec.randomStart = false;
    spec.stride = 3;
    for (uint64_t seed : {1ull, 2ull, 3ull}) {
        QCOMPARE(indicesOf(sampleClip(clip("index.mp4"), spec, seed)),
                 (std::vector<int>{0, 3, 6, 9, 12, 15, 18, 21}));
    }
}

void tst_ClipSampler::randomStartKeepsStride()
{
    SampleSpec spec;
    spec.frames = 5;
    spec.width = 64;
    spec.height = 64;
    spec.stride = 2;
    for (uint64_t seed = 0; seed < 8; ++seed) {
        const std::vector<int> idx = indicesOf(sampleClip(clip("index.mp4"), spec, seed));
        QCOMPARE(idx.size(), size_t{5});
        for (size_t i = 1; i < idx.size(); ++i) {
            QCOMPARE(idx[i] - idx[i - 1], 2);
        }
        QVERIFY(idx.front() >= 0 && idx.back() < kIndexFrames);
    }
}

void tst_ClipSampler::targetFps()
{
    // 20 fps clip sampled at 5 fps: every 4th frame; the stride field is ignored.
    SampleSpec spec;
    spec.frames = 6;
    spec.width = 64;
    spec.height = 64;
    spec.randomStart = false;
    spec.stride = 7;
    spec.targetFps = 5.0;
    QCOMPARE(effectiveStride(clip("index.mp4"), spec), 4);
    QCOMPARE(indicesOf(sampleClip(clip("index.mp4"), spec, 0)),
             (std::vector<int>{0, 4, 8, 12, 16, 20}));
    spec.targetFps = 8.0; // 2.5 rounds to 3 (round half away from zero)
    QCOMPARE(effectiveStride(clip("index.mp4"), spec), 3);
    spec.targetFps = 60.0; // faster than the clip: every frame
    QCOMPARE(effectiveStride(clip("index.mp4"), spec), 1);
    spec.targetFps = 0.0;
    QCOMPARE(effectiveStride(clip("index.mp4"), spec), 7);
}

void tst_ClipSampler::shortClipRepeatsLastFrame()
{
    SampleSpec spec;
    spec.frames = 8;
    spec.width = 64;
    spec.height = 64;
    spec.stride = 10;
    for (uint64_t seed : {0ull, 5ull}) {
        QCOMPARE(indicesOf(sampleClip(clip("index.mp4"), spec, seed)),
                 (std::vector<int>{0, 10, 20, 30, 30, 30, 30, 30}));
    }
}

void tst_ClipSampler::centerCrop()
{
    // 64×48 → short side 48 scaled to 32 → 43×32, centre crop at x = 5.
    SampleSpec spec;
    spec.frames = 4;
    spec.width = 32;
    spec.height = 32;
    spec.randomStart = false;
    const FrameStack s = sampleClip(clip("wide.mp4"), spec, 9);
    DecodeOptions d;
    d.outWidth = 43;
    d.outHeight = 32;
    VideoReader reader(clip("wide.mp4").info.path, d);
    const FrameStack full = reader.readFrames(0, 4);
    for (int t = 0; t < 4; ++t) {
        for (int y = 0; y < 32; ++y) {
            QVERIFY(std::memcmp(s.frame(t) + y * 32 * 3, full.frame(t) + (y * 43 + 5) * 3,
                                32 * 3) == 0);
        }
    }
}

void tst_ClipSampler::randomCropIsAWindow()
{
    SampleSpec spec;
    spec.frames = 2;
    spec.width = 32;
    spec.height = 32;
    spec.randomStart = false;
    spec.crop = CropMode::Random;
    DecodeOptions d;
    d.outWidth = 43;
    d.outHeight = 32;
    VideoReader reader(clip("wide.mp4").info.path, d);
    const FrameStack full = reader.readFrames(0, 2);
    std::set<int> offsets;
    for (uint64_t seed = 0; seed < 16; ++seed) {
        const FrameStack s = sampleClip(clip("wide.mp4"), spec, seed);
        int found = -1;
        for (int x0 = 0; x0 <= 11 && found < 0; ++x0) {
            bool same = true;
            for (int y = 0; y < 32 && same; ++y) {
                same = std::memcmp(s.frame(0) + y * 32 * 3, full.frame(0) + (y * 43 + x0) * 3,
                                   32 * 3) == 0;
            }
            found = same ? x0 : -1;
        }
        QVERIFY2(found >= 0, "random crop is not a window of the scaled frame");
        offsets.insert(found);
    }
    QVERIFY(offsets.size() >= 3);
}

void tst_ClipSampler::flipMirrorsColumns()
{
    SampleSpec spec;
    spec.frames = 3;
    spec.width = 32;
    spec.height = 24;
    spec.crop = CropMode::Random;
    int flipped = 0;
    int kept = 0;
    for (uint64_t seed = 0; seed < 16; ++seed) {
        spec.randomFlip = false;
        const FrameStack plain = sampleClip(clip("wide.mp4"), spec, seed);
        spec.randomFlip = true;
        const FrameStack maybe = sampleClip(clip("wide.mp4"), spec, seed);
        if (maybe.data == plain.data) {
            ++kept;
        } else {
            QVERIFY(maybe.data == mirrored(plain).data);
            ++flipped;
        }
    }
    QVERIFY(flipped > 0);
    QVERIFY(kept > 0);
}

void tst_ClipSampler::unreadableClipThrows()
{
    const QString path = m_dir.filePath("broken/clip.mp4");
    QDir().mkpath(m_dir.filePath("broken"));
    QVERIFY(QFile::copy(m_dir.filePath("wide.mp4"), path));
    const DatasetIndex index =
        DatasetIndex::scan(m_dir.filePath("broken").toStdString(), {1, false, {}});
    QCOMPARE(index.clips().size(), size_t{1});
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("garbage, not a video any more");
    }
    SampleSpec spec;
    spec.width = 32;
    spec.height = 32;
    QVERIFY_THROWS_EXCEPTION(Error, sampleClip(index.clips()[0], spec, 0));
    QFile::remove(path);
    QVERIFY_THROWS_EXCEPTION(Error, sampleClip(index.clips()[0], spec, 0));
}

void tst_ClipSampler::badSpecThrows()
{
    SampleSpec spec;
    spec.frames = 0;
    try {
        sampleClip(clip("wide.mp4"), spec, 0);
        QFAIL("no error for zero frames");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Usage);
    }
}

QTEST_APPLESS_MAIN(tst_ClipSampler)
#include "tst_ClipSampler.moc"
