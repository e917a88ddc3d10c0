// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in demo dataset: real, decodable MP4 clips, labelled and captioned, in which things
// actually move, and the same files for the same seed.
#include "data/DatasetIndex.h"
#include "data/DemoDataset.h"
#include "media/VideoReader.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <thread>

using namespace vd;

namespace {

DemoOptions smallShapes(uint64_t seed)
{
    DemoOptions o;
    o.kind = DemoKind::Shapes;
    o.clips = 8;
    o.size = 32;
    o.frames = 8;
    o.seed = seed;
    return o;
}

/// Every clip of a dataset folder decoded, keyed by relative path.
std::map<std::string, FrameStack> decodeAll(const QString& dir)
{
    std::map<std::string, FrameStack> out;
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString(), {1, false, {}});
    for (const ClipEntry& c : index.clips()) {
        VideoReader reader(c.info.path);
        out[c.path] = reader.readFrames(0, 1000);
    }
    return out;
}

const char* const kFashionImages = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";

} // namespace

class tst_DemoDataset : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layoutAndCaptions();
    void filesDecode();
    void shapesMove();
    void deterministicForSeed();
    void progressOnCallingThread();
    void badOptionsThrow();
    void kindFromString();
    void plainStillScenes();
    void objectScaleGrowsShapes();
    void fashion();
    void fashionMissingFilesThrow();

private:
    QTemporaryDir m_dir;
    QString m_shapes;
};

void tst_DemoDataset::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shapes = m_dir.filePath("shapes");
    const DemoResult r = makeDemoDataset(m_shapes.toStdString(), smallShapes(3));
    QCOMPARE(r.clipsWritten, 8);
    QCOMPARE(r.labels, (std::vector<std::string>{"circle", "square", "star", "triangle"}));
}

void tst_DemoDataset::layoutAndCaptions()
{
    // dir/<label>/<label>_NNNN.mp4 with a caption beside each, clips spread evenly.
    for (const char* label : {"circle", "square", "star", "triangle"}) {
        for (const char* n : {"0000", "0001"}) {
            const QString stem = m_shapes + "/" + label + "/" + label + "_" + n;
            QVERIFY2(QFile::exists(stem + ".mp4"), qPrintable(stem));
            QFile caption(stem + ".txt");
            QVERIFY(caption.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(caption.readAll()).trimmed();
            QVERIFY2(text.startsWith("a ") || text.startsWith("an "), qPrintable(text));
            QVERIFY2(text.contains(label), qPrintable(text));
            QVERIFY2(text.contains(" moving ") && text.contains(" over "), qPrintable(text));
        }
    }
    const DatasetIndex index = DatasetIndex::scan(m_shapes.toStdString(), {1, false, {}});
    QCOMPARE(index.clips().size(), size_t{8});
    QVERIFY(index.skipped().empty());
    QCOMPARE(index.labels().size(), size_t{4});
    std::map<std::string, int> perLabel;
    for (const ClipEntry& c : index.clips()) {
        ++perLabel[c.label];
        QVERIFY(!c.caption.empty());
    }
    for (const auto& [label, count] : perLabel) {
        QCOMPARE(count, 2);
    }
}

void tst_DemoDataset::filesDecode()
{
    const auto clips = decodeAll(m_shapes);
    QCOMPARE(clips.size(), size_t{8});
    for (const auto& [path, stack] : clips) {
        QCOMPARE(stack.frames, 8);
        QCOMPARE(stack.width, 32);
        QCOMPARE(stack.height, 32);
        const VideoInfo info = VideoReader::probe(m_shapes.toStdString() + "/" + path);
        QCOMPARE(info.codec, std::string("h264"));
        QCOMPARE(info.fps.toDouble(), 8.0);
    }
}

void tst_DemoDataset::shapesMove()
{
    const size_t frameBytes = 32 * 32 * 3;
    for (const auto& [path, stack] : decodeAll(m_shapes)) {
        // A moving shape changes pixels between frames; H.264 noise alone stays far below this.
        double total = 0.0;
        for (int t = 1; t < stack.frames; ++t) {
            const double d = vdtest::meanAbsError(stack.frame(t - 1), stack.frame(t), frameBytes);
            total += d;
        }
        const double mean = total / (stack.frames - 1);
        QVERIFY2(mean > 0.5, qPrintable(QString("%1: mean frame difference %2")
                                            .arg(QString::fromStdString(path))
                                            .arg(mean)));
        // ... and the frame is not just noise: something contrasting is drawn on it.
        const uint8_t* f = stack.frame(0);
        int lo = 255;
        int hi = 0;
        for (size_t i = 0; i < frameBytes; ++i) {
            lo = std::min<int>(lo, f[i]);
            hi = std::max<int>(hi, f[i]);
        }
        QVERIFY2(hi - lo > 60, qPrintable(QString::fromStdString(path)));
    }
}

void tst_DemoDataset::deterministicForSeed()
{
    const QString again = m_dir.filePath("again");
    const QString other = m_dir.filePath("other");
    // Written by one thread here and by one per core in initTestCase: the files are the same.
    DemoOptions single = smallShapes(3);
    single.threads = 1;
    makeDemoDataset(again.toStdString(), single);
    makeDemoDataset(other.toStdString(), smallShapes(4));
    const auto a = decodeAll(m_shapes);
    const auto b = decodeAll(again);
    const auto c = decodeAll(other);
    QCOMPARE(a.size(), b.size());
    int differ = 0;
    for (const auto& [path, stack] : a) {
        QVERIFY(b.count(path) == 1 && c.count(path) == 1);
        QVERIFY2(stack.data == b.at(path).data, path.c_str());
        QFile fa(m_shapes + "/" + QString::fromStdString(path));
        QFile fb(again + "/" + QString::fromStdString(path));
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        QVERIFY2(fa.readAll() == fb.readAll(), path.c_str());
        differ += stack.data != c.at(path).data ? 1 : 0;
        QFile ca(m_shapes + "/" + QString::fromStdString(path).replace(".mp4", ".txt"));
        QFile cb(again + "/" + QString::fromStdString(path).replace(".mp4", ".txt"));
        QVERIFY(ca.open(QIODevice::ReadOnly) && cb.open(QIODevice::ReadOnly));
        QCOMPARE(ca.readAll(), cb.readAll());
    }
    QCOMPARE(differ, static_cast<int>(a.size()));
}

void tst_DemoDataset::progressOnCallingThread()
{
    const auto caller = std::this_thread::get_id();
    int calls = 0;
    int last = -1;
    bool sameThread = true;
    bool increasing = true;
    DemoOptions o = smallShapes(9);
    o.clips = 5;
    o.frames = 2;
    makeDemoDataset(m_dir.filePath("progress").toStdString(), o, [&](int done, int total) {
        sameThread = sameThread && std::this_thread::get_id() == caller;
        increasing = increasing && done > last && total == 5;
        last = done;
        ++calls;
    });
    QVERIFY(calls > 0);
    QVERIFY(sameThread);
    QVERIFY(increasing);
    QCOMPARE(last, 5);
}

void tst_DemoDataset::badOptionsThrow()
{
    DemoOptions o = smallShapes(1);
    o.clips = 0;
    QVERIFY_THROWS_EXCEPTION(Error, makeDemoDataset(m_dir.filePath("bad").toStdString(), o));
    o = smallShapes(1);
    o.size = 2;
    try {
        makeDemoDataset(m_dir.filePath("bad").toStdString(), o);
        QFAIL("no error for size 2");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Usage);
    }
}

void tst_DemoDataset::kindFromString()
{
    QCOMPARE(demoKindFromString("shapes"), DemoKind::Shapes);
    QCOMPARE(demoKindFromString("fashion"), DemoKind::Fashion);
    try {
        demoKindFromString("mnist");
        QFAIL("no error for an unknown kind");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Usage);
        QVERIFY(QString(e.what()).contains("mnist"));
    }
}

namespace {

/// The captions of a dataset folder, one string each.
std::vector<QString> captionsOf(const QString& dir)
{
    std::vector<QString> out;
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString(), {1, false, {}});
    for (const ClipEntry& c : index.clips()) {
        out.push_back(QString::fromStdString(c.caption));
    }
    return out;
}

} // namespace

void tst_DemoDataset::plainStillScenes()
{
    // The captions say what was drawn: over 24 clips the default scenes include stripes or
    // noise and spinning shapes; plain scenes without spin have neither.
    DemoOptions o = smallShapes(5);
    o.clips = 24;
    o.frames = 2;
    const QString varied = m_dir.filePath("varied");
    makeDemoDataset(varied.toStdString(), o);
    int textured = 0;
    int spinning = 0;
    for (const QString& c : captionsOf(varied)) {
        textured += c.contains("stripes") || c.contains("noise");
        spinning += c.contains("spinning");
    }
    QVERIFY(textured > 0 && spinning > 0);

    o.backgrounds = DemoBackgrounds::Plain;
    o.spin = false;
    const QString plain = m_dir.filePath("plain");
    makeDemoDataset(plain.toStdString(), o);
    const std::vector<QString> captions = captionsOf(plain);
    QCOMPARE(captions.size(), size_t{24});
    for (const QString& c : captions) {
        QVERIFY2(!c.contains("stripes") && !c.contains("noise") && !c.contains("spinning"),
                 qPrintable(c));
        QVERIFY2(c.contains("plain") || c.contains("gradient"), qPrintable(c));
    }

    QCOMPARE(demoBackgroundsFromString("plain"), DemoBackgrounds::Plain);
    QCOMPARE(demoBackgroundsFromString("all"), DemoBackgrounds::All);
    QVERIFY_THROWS_EXCEPTION(Error, demoBackgroundsFromString("checkered"));
}

namespace {

/// Pixels that change by more than 40 levels between the first two frames, over all clips: a
/// shape that does not spin changes its leading and trailing edges, which grow with its size.
int64_t movingPixels(const QString& dir)
{
    int64_t count = 0;
    for (const auto& [path, stack] : decodeAll(dir)) {
        const uint8_t* a = stack.frame(0);
        const uint8_t* b = stack.frame(1);
        const int pixels = stack.width * stack.height;
        for (int i = 0; i < pixels; ++i) {
            for (int c = 0; c < 3; ++c) {
                if (std::abs(int{a[3 * i + c]} - int{b[3 * i + c]}) > 40) {
                    ++count;
                    break;
                }
            }
        }
    }
    return count;
}

} // namespace

void tst_DemoDataset::objectScaleGrowsShapes()
{
    // The same scenes (one seed) drawn with shapes 1.6x as large move about 1.6x as many pixels.
    DemoOptions o = smallShapes(7);
    o.clips = 24;
    o.size = 64;
    o.frames = 2;
    o.backgrounds = DemoBackgrounds::Plain;
    o.spin = false;
    o.objectScale = 0.5;
    const QString normal = m_dir.filePath("scale-0.5");
    makeDemoDataset(normal.toStdString(), o);
    o.objectScale = 0.8;
    const QString large = m_dir.filePath("scale-0.8");
    makeDemoDataset(large.toStdString(), o);
    const int64_t n = movingPixels(normal);
    const int64_t l = movingPixels(large);
    QVERIFY2(n > 0 && l > 1.3 * static_cast<double>(n),
             qPrintable(QString("moving pixels: %1 at scale 0.5, %2 at 0.8").arg(n).arg(l)));

    o.objectScale = 1.5;
    try {
        makeDemoDataset(m_dir.filePath("bad-scale").toStdString(), o);
        QFAIL("no error for object scale 1.5");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Usage);
        QVERIFY2(QString(e.what()).contains("object scale"), e.what());
    }
}

void tst_DemoDataset::fashion()
{
    if (!QFile::exists(kFashionImages)) {
        QSKIP("Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
    }
    const QString dir = m_dir.filePath("fashion");
    DemoOptions o;
    o.kind = DemoKind::Fashion;
    o.clips = 10;
    o.size = 32;
    o.frames = 6;
    o.seed = 2;
    const DemoResult r = makeDemoDataset(dir.toStdString(), o);
    QCOMPARE(r.clipsWritten, 10);
    QCOMPARE(r.labels.size(), size_t{10});
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString(), {1, false, {}});
    QCOMPARE(index.labels(),
             (std::vector<std::string>{"ankle-boot", "bag", "coat", "dress", "pullover", "sandal",
                                       "shirt", "sneaker", "t-shirt", "trouser"}));
    QCOMPARE(index.clips().size(), size_t{10});
    for (const ClipEntry& c : index.clips()) {
        QVERIFY2(c.caption.find(" moving ") != std::string::npos, c.caption.c_str());
        VideoReader reader(c.info.path);
        const FrameStack s = reader.readFrames(0, 100);
        QCOMPARE(s.frames, 6);
        const double d = vdtest::meanAbsError(s.frame(0), s.frame(5), size_t{32} * 32 * 3);
        QVERIFY2(d > 0.5, c.path.c_str());
    }
}

void tst_DemoDataset::fashionMissingFilesThrow()
{
    DemoOptions o;
    o.kind = DemoKind::Fashion;
    o.clips = 2;
    o.fashionDir = m_dir.filePath("no-such-folder").toStdString();
    try {
        makeDemoDataset(m_dir.filePath("nofashion").toStdString(), o);
        QFAIL("no error for missing Fashion-MNIST files");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY2(QString(e.what()).contains("dataset-fashion-mnist"), e.what());
        QVERIFY2(QString(e.what()).contains("no-such-folder"), e.what());
    }
}

QTEST_APPLESS_MAIN(tst_DemoDataset)
#include "tst_DemoDataset.moc"
