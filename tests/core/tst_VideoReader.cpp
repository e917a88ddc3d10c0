// SPDX-License-Identifier: GPL-3.0-or-later
// VideoReader: probing and decoding clips made by the ffmpeg command in several codecs and
// containers, scaling, rotation, alpha, variable frame rate and frame-accurate seeking.
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "util/Error.h"

#include "common/IndexSequence.h"
#include "common/TestUtil.h"

#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace vd;

class tst_VideoReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void probeAndDecode_data();
    void probeAndDecode();
    void scaledDecode_data();
    void scaledDecode();
    void rotation_data();
    void rotation();
    void alphaIsCompositedOverBlack();
    void variableFrameRate();
    void seekIsFrameAccurate_data();
    void seekIsFrameAccurate();
    void seekPastEndThrows();
    void readFramesWithStride();
    void threadCountsAgree();
    void moveKeepsState();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    /// A lavfi test source of the given size, rate and frame count. testsrc2 rounds sizes to
    /// even numbers, so odd sizes use testsrc.
    static QStringList testsrc(int w, int h, int rate, int frames)
    {
        const char* source = (w % 2 || h % 2) ? "testsrc" : "testsrc2";
        return {"-f",        "lavfi",
                "-i",        QString("%1=s=%2x%3:r=%4").arg(source).arg(w).arg(h).arg(rate),
                "-frames:v", QString::number(frames)};
    }
    /// The ffmpeg command's conversion that matches ours at (or near) the stored size.
    static QStringList exactScale()
    {
        return {"-vf", "scale=flags=bicubic+accurate_rnd+full_chroma_int"};
    }

    QTemporaryDir m_dir;
    QString m_indexFrames; ///< PNG sequence of index frames (input for the ffmpeg command)
};

void tst_VideoReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 40 frames whose pixels spell out their own index, written by our writer as PNGs: the
    // ffmpeg command then re-encodes them into each codec for the seek tests.
    m_indexFrames = file("index_png");
    vdtest::writeIndexSequence(m_indexFrames, 40);
}

void tst_VideoReader::probeAndDecode_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args"); // ffmpeg output options (input is testsrc2)
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("rate");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("container"); // substring of the demuxer name
    QTest::addColumn<int>("bitDepth");
    QTest::addColumn<bool>("hasAlpha");
    QTest::addColumn<bool>("counted"); // header has no frame count

    QTest::newRow("h264/mp4") << "h264.mp4" << QStringList{"-c:v", "libx264", "-pix_fmt", "yuv420p"}
                              << 64 << 48 << 20 << 25 << "h264"
                              << "mp4" << 8 << false << false;
    QTest::newRow("mpeg4/avi") << "mpeg4.avi" << QStringList{"-c:v", "mpeg4", "-q:v", "3"} << 64
                               << 48 << 15 << 25 << "mpeg4"
                               << "avi" << 8 << false << false;
    QTest::newRow("vp9/webm") << "vp9.webm"
                              << QStringList{"-c:v", "libvpx-vp9", "-deadline", "realtime",
                                             "-b:v", "0",          "-crf",      "30"}
                              << 64 << 48 << 12 << 24 << "vp9"
                              << "webm" << 8 << false << true;
    QTest::newRow("mjpeg/mkv") << "mjpeg.mkv" << QStringList{"-c:v", "mjpeg", "-q:v", "3"} << 64
                               << 48 << 10 << 10 << "mjpeg"
                               << "matroska" << 8 << false << true;
    // The gif demuxer of FFmpeg 5.1 finds the frame count itself.
    QTest::newRow("gif") << "anim.gif" << QStringList{"-c:v", "gif"} << 64 << 48 << 10 << 10
                         << "gif"
                         << "gif" << 8 << true << false;
    QTest::newRow("odd ffv1/mkv") << "odd.mkv" << QStringList{"-c:v", "ffv1", "-pix_fmt", "yuv420p"}
                                  << 33 << 17 << 10 << 25 << "ffv1"
                                  << "matroska" << 8 << false << true;
    QTest::newRow("odd rgb ffv1/mkv")
        << "odd_rgb.mkv" << QStringList{"-c:v", "ffv1"} << 33 << 17 << 10 << 25 << "ffv1"
        << "matroska" << 8 << false << true;
    QTest::newRow("odd vp9/webm") << "odd.webm"
                                  << QStringList{"-c:v",      "libvpx-vp9", "-pix_fmt", "yuv420p",
                                                 "-deadline", "realtime",   "-b:v",     "0",
                                                 "-crf",      "30"}
                                  << 33 << 17 << 10 << 25 << "vp9"
                                  << "webm" << 8 << false << true;
    QTest::newRow("10-bit h264") << "h264_10.mp4"
                                 << QStringList{"-c:v", "libx264", "-pix_fmt", "yuv420p10le"} << 64
                                 << 48 << 12 << 25 << "h264"
                                 << "mp4" << 10 << false << false;
    QTest::newRow("10-bit vp9") << "vp9_10.webm"
                                << QStringList{"-c:v",      "libvpx-vp9", "-pix_fmt", "yuv420p10le",
                                               "-deadline", "realtime",   "-b:v",     "0",
                                               "-crf",      "30"}
                                << 64 << 48 << 8 << 25 << "vp9"
                                << "webm" << 10 << false << true;
    QTest::newRow("yuv444 h264 odd")
        << "h264_444.mp4" << QStringList{"-c:v", "libx264", "-pix_fmt", "yuv444p"} << 35 << 21 << 10
        << 30 << "h264"
        << "mp4" << 8 << false << false;
}

void tst_VideoReader::probeAndDecode()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, frames);
    QFETCH(int, rate);
    QFETCH(QString, codec);
    QFETCH(QString, container);
    QFETCH(int, bitDepth);
    QFETCH(bool, hasAlpha);
    QFETCH(bool, counted);

    const QString path = file(name);
    QVERIFY(vdtest::ffmpeg(testsrc(width, height, rate, frames) + args + QStringList{path}));

    const VideoInfo info = VideoReader::probe(path.toStdString());
    QCOMPARE(QString::fromStdString(info.path), path);
    QCOMPARE(QString::fromStdString(info.codec), codec);
    QVERIFY2(QString::fromStdString(info.container).contains(container), info.container.c_str());
    QCOMPARE(info.width, width);
    QCOMPARE(info.height, height);
    QCOMPARE(info.displayWidth, width);
    QCOMPARE(info.rotationDeg, 0);
    QCOMPARE(info.frames, int64_t(frames));
    QCOMPARE(info.framesCounted, counted);
    QCOMPARE(info.fps.toDouble(), double(rate));
    QVERIFY2(std::abs(info.durationS - double(frames) / rate) < 0.06,
             qPrintable(QString::number(info.durationS)));
    QCOMPARE(info.bitDepth, bitDepth);
    QCOMPARE(info.hasAlpha, hasAlpha);
    QVERIFY(!info.variableFrameRate);
    QVERIFY(!info.pixelFormat.empty());

    // Decode every frame at the stored size and compare with FFmpeg's own decode.
    const QByteArray reference = vdtest::ffmpegDecode(path, exactScale());
    const size_t frameBytes = size_t(width) * height * 3;
    QCOMPARE(size_t(reference.size()), frameBytes * frames);
    VideoReader reader(path.toStdString());
    QCOMPARE(reader.outputWidth(), width);
    QCOMPARE(reader.outputHeight(), height);
    Frame frame;
    int n = 0;
    double worst = 0.0;
    while (reader.read(frame)) {
        QCOMPARE(frame.index, int64_t(n));
        QVERIFY(std::abs(frame.timeS - double(n) / rate) < 0.011);
        QCOMPARE(frame.rgb.size(), frameBytes);
        const auto* ref = reinterpret_cast<const uint8_t*>(reference.constData()) + frameBytes * n;
        worst = std::max(worst, vdtest::meanAbsError(frame.rgb.data(), ref, frameBytes));
        ++n;
    }
    QCOMPARE(n, frames);
    QVERIFY(!reader.read(frame)); // stays at the end
    qInfo("%s: mean abs error vs ffmpeg %.2f", qPrintable(name), worst);
    QVERIFY2(worst < 1.0, qPrintable(QString::number(worst)));
}

void tst_VideoReader::scaledDecode_data()
{
    QTest::addColumn<int>("outW");
    QTest::addColumn<int>("outH");
    QTest::addColumn<int>("expectW");
    QTest::addColumn<int>("expectH");

    QTest::newRow("shrink") << 32 << 24 << 32 << 24;
    QTest::newRow("enlarge") << 200 << 150 << 200 << 150;
    QTest::newRow("square") << 64 << 64 << 64 << 64;
    QTest::newRow("width only") << 32 << 0 << 32 << 24;
    QTest::newRow("height only") << 0 << 96 << 128 << 96;
    QTest::newRow("odd") << 17 << 9 << 17 << 9;
}

void tst_VideoReader::scaledDecode()
{
    QFETCH(int, outW);
    QFETCH(int, outH);
    QFETCH(int, expectW);
    QFETCH(int, expectH);

    const QString path = file("scale.mp4");
    if (!QFile::exists(path)) {
        QVERIFY(vdtest::ffmpeg(testsrc(64, 48, 25, 10) + QStringList{"-c:v", "libx264", path}));
    }
    DecodeOptions options;
    options.outWidth = outW;
    options.outHeight = outH;
    VideoReader reader(path.toStdString(), options);
    QCOMPARE(reader.outputWidth(), expectW);
    QCOMPARE(reader.outputHeight(), expectH);
    Frame frame;
    QVERIFY(reader.read(frame));
    QCOMPARE(frame.width, expectW);
    QCOMPARE(frame.height, expectH);
    QCOMPARE(frame.rgb.size(), size_t(expectW) * expectH * 3);

    // Same picture as FFmpeg's scaler gives with the filter we choose: area when shrinking,
    // bicubic otherwise, exact chroma near or above the chroma resolution.
    QString flags = expectW <= 64 && expectH <= 48 ? "area" : "bicubic";
    if (2 * expectW > 64) {
        flags += "+accurate_rnd+full_chroma_int";
    }
    const QByteArray ref = vdtest::ffmpegDecode(
        path, {"-frames:v", "1", "-vf",
               QString("scale=%1:%2:flags=%3").arg(expectW).arg(expectH).arg(flags)});
    QCOMPARE(size_t(ref.size()), frame.rgb.size());
    const double err = vdtest::meanAbsError(
        frame.rgb.data(), reinterpret_cast<const uint8_t*>(ref.constData()), frame.rgb.size());
    qInfo("%dx%d: mean abs error vs ffmpeg %.2f", expectW, expectH, err);
    QVERIFY2(err < 1.0, qPrintable(QString::number(err)));
}

void tst_VideoReader::rotation_data()
{
    QTest::addColumn<int>("rotate"); // the "rotate" tag given to ffmpeg
    QTest::addColumn<bool>("swapped");
    QTest::newRow("90") << 90 << true;
    QTest::newRow("180") << 180 << false;
    QTest::newRow("270") << 270 << true;
}

void tst_VideoReader::rotation()
{
    QFETCH(int, rotate);
    QFETCH(bool, swapped);

    // Asymmetric content: a bright square in one corner, flat elsewhere.
    const QString plain = file("rot_plain.mp4");
    if (!QFile::exists(plain)) {
        QVERIFY(
            vdtest::ffmpeg({"-f", "lavfi", "-i",
                            "color=c=0x204060:s=64x48:r=25,drawbox=x=0:y=0:w=20:h=12:"
                            "c=white:t=fill",
                            "-frames:v", "5", "-c:v", "libx264", "-pix_fmt", "yuv444p", plain}));
    }
    const QString path = file(QString("rot%1.mp4").arg(rotate));
    QVERIFY(vdtest::ffmpeg(
        {"-i", plain, "-c", "copy", "-metadata:s:v:0", QString("rotate=%1").arg(rotate), path}));

    const VideoInfo info = VideoReader::probe(path.toStdString());
    QVERIFY(info.rotationDeg != 0);
    QCOMPARE(info.rotationDeg == 90 || info.rotationDeg == 270, swapped);
    QCOMPARE(info.width, 64);
    QCOMPARE(info.displayWidth, swapped ? 48 : 64);
    QCOMPARE(info.displayHeight, swapped ? 64 : 48);

    // Upright frames match what FFmpeg's own autorotation shows.
    VideoReader reader(path.toStdString());
    QCOMPARE(reader.outputWidth(), info.displayWidth);
    Frame frame;
    QVERIFY(reader.read(frame));
    const QByteArray ref = vdtest::ffmpegDecode(path, {"-frames:v", "1"});
    QCOMPARE(size_t(ref.size()), frame.rgb.size());
    const double err = vdtest::meanAbsError(
        frame.rgb.data(), reinterpret_cast<const uint8_t*>(ref.constData()), frame.rgb.size());
    QVERIFY2(err < 2.0, qPrintable(QString::number(err)));

    // applyRotation = false gives the stored orientation.
    DecodeOptions options;
    options.applyRotation = false;
    VideoReader stored(path.toStdString(), options);
    QCOMPARE(stored.outputWidth(), 64);
    QVERIFY(stored.read(frame));
    const QByteArray refNoRot =
        vdtest::run("ffmpeg", {"-hide_banner", "-loglevel", "error", "-noautorotate", "-i", path,
                               "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"})
            .out;
    QCOMPARE(size_t(refNoRot.size()), frame.rgb.size());
    QVERIFY(vdtest::meanAbsError(frame.rgb.data(),
                                 reinterpret_cast<const uint8_t*>(refNoRot.constData()),
                                 frame.rgb.size()) < 2.0);
}

void tst_VideoReader::alphaIsCompositedOverBlack()
{
    const QString path = file("alpha.mov");
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i",
                            "testsrc2=s=64x48:r=25,format=rgba,colorchannelmixer=aa=0.5",
                            "-frames:v", "3", "-c:v", "png", path}));
    const VideoInfo info = VideoReader::probe(path.toStdString());
    QVERIFY(info.hasAlpha);
    QCOMPARE(QString::fromStdString(info.pixelFormat), QString("rgba"));

    VideoReader reader(path.toStdString());
    Frame frame;
    QVERIFY(reader.read(frame));
    const QByteArray rgba = vdtest::ffmpegDecode(path, {"-frames:v", "1"}, "rgba");
    QCOMPARE(size_t(rgba.size()), size_t(64 * 48 * 4));
    std::vector<uint8_t> expected(64 * 48 * 3);
    for (int i = 0; i < 64 * 48; ++i) {
        const auto* p = reinterpret_cast<const uint8_t*>(rgba.constData()) + 4 * i;
        for (int c = 0; c < 3; ++c) {
            expected[3 * i + c] = uint8_t((p[c] * p[3] + 127) / 255);
        }
    }
    QVERIFY(vdtest::meanAbsError(frame.rgb.data(), expected.data(), expected.size()) < 1.0);
}

void tst_VideoReader::variableFrameRate()
{
    // 40 index frames: the first 20 at 25 fps, the rest at 10 fps.
    const QString path = file("vfr.mkv");
    QVERIFY(vdtest::ffmpeg({"-framerate", "25", "-i", m_indexFrames + "/frame_%06d.png", "-vf",
                            "settb=1/1000,setpts='if(lt(N,20),N/25,0.8+(N-20)/10)/TB'", "-fps_mode",
                            "vfr", "-c:v", "libx264", "-g", "8", "-pix_fmt", "yuv420p", path}));
    const VideoInfo info = VideoReader::probe(path.toStdString());
    QVERIFY(info.variableFrameRate);
    QCOMPARE(info.frames, int64_t(40));
    QVERIFY2(info.durationS >= 2.7 && info.durationS < 2.85,
             qPrintable(QString::number(info.durationS)));

    // The encoder rounds the times to its own time base: take them from ffprobe.
    const vdtest::CommandResult probe = vdtest::run(
        "ffprobe", {"-v", "error", "-show_entries", "packet=pts_time", "-of", "csv=p=0", path});
    std::vector<double> times;
    for (const QByteArray& line : probe.out.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            times.push_back(line.trimmed().toDouble());
        }
    }
    std::sort(times.begin(), times.end());
    QCOMPARE(times.size(), size_t(40));

    VideoReader reader(path.toStdString());
    Frame frame;
    int n = 0;
    while (reader.read(frame)) {
        QCOMPARE(frame.index, int64_t(n));
        QCOMPARE(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height), n);
        QVERIFY2(std::abs(frame.timeS - times[n]) < 0.002,
                 qPrintable(QString::number(frame.timeS)));
        ++n;
    }
    QCOMPARE(n, 40);
    for (int target : {35, 3, 22, 19, 39, 0, 27}) {
        reader.seek(target);
        QVERIFY(reader.read(frame));
        QCOMPARE(frame.index, int64_t(target));
        QCOMPARE(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height), target);
    }
}

void tst_VideoReader::seekIsFrameAccurate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args"); // ffmpeg output options; empty: our own writer

    QTest::newRow("h264/mp4 (ffmpeg, B-frames)")
        << "seek_h264.mp4"
        << QStringList{"-c:v", "libx264", "-g", "9", "-bf", "3", "-pix_fmt", "yuv420p"};
    QTest::newRow("mpeg4/avi") << "seek_mpeg4.avi"
                               << QStringList{"-c:v", "mpeg4", "-g", "7", "-q:v", "3"};
    QTest::newRow("vp9/webm") << "seek_vp9.webm"
                              << QStringList{"-c:v",     "libvpx-vp9", "-g", "10",   "-deadline",
                                             "realtime", "-b:v",       "0",  "-crf", "20"};
    QTest::newRow("mjpeg/mkv") << "seek_mjpeg.mkv" << QStringList{"-c:v", "mjpeg", "-q:v", "3"};
    QTest::newRow("gif") << "seek.gif" << QStringList{"-c:v", "gif"};
    QTest::newRow("mp4 (VideoWriter)") << "seek_writer.mp4" << QStringList{};
    QTest::newRow("webm (VideoWriter)") << "seek_writer.webm" << QStringList{};
    QTest::newRow("png sequence") << "index_png" << QStringList{};
}

void tst_VideoReader::seekIsFrameAccurate()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);

    const QString path = file(name);
    if (!args.isEmpty()) {
        QVERIFY(vdtest::ffmpeg(
            QStringList{"-framerate", "25", "-i", m_indexFrames + "/frame_%06d.png"} + args +
            QStringList{path}));
    } else if (name != "index_png") {
        EncodeOptions options;
        options.keyframeInterval = 8;
        VideoWriter writer(path.toStdString(), 64, 48, formatFromPath(path.toStdString()), options);
        for (int i = 0; i < 40; ++i) {
            writer.write(vdtest::indexFrame(64, 48, i).data());
        }
    }

    VideoReader reader(path.toStdString());
    QCOMPARE(reader.info().frames, int64_t(40));
    Frame frame;
    // Sequential indices are right to begin with.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(reader.read(frame));
        QCOMPARE(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height), i);
    }
    std::mt19937 rng(1234);
    std::uniform_int_distribution<int> pick(0, 39);
    std::vector<int> targets{39, 0, 20, 19, 21, 8, 9, 7, 38, 1};
    for (int i = 0; i < 25; ++i) {
        targets.push_back(pick(rng));
    }
    for (int target : targets) {
        reader.seek(target);
        QVERIFY(reader.read(frame));
        QCOMPARE(frame.index, int64_t(target));
        QCOMPARE(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height), target);
        // The following frame comes next.
        if (target < 39) {
            QVERIFY(reader.read(frame));
            QCOMPARE(frame.index, int64_t(target + 1));
            QCOMPARE(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height),
                     target + 1);
        }
    }
}

void tst_VideoReader::seekPastEndThrows()
{
    const QString path = file("seek_writer.mp4");
    QVERIFY(QFile::exists(path));
    VideoReader reader(path.toStdString());
    try {
        reader.seek(40);
        QFAIL("expected vd::Error");
    } catch (const vd::Error& e) {
        QCOMPARE(e.code(), ErrorCode::SeekOutOfRange);
        QCOMPARE(e.kind(), ErrorKind::InputData);
    }
    QVERIFY_THROWS_EXCEPTION(vd::Error, reader.seek(-1));
    // Still usable afterwards.
    reader.seek(39);
    Frame frame;
    QVERIFY(reader.read(frame));
    QCOMPARE(frame.index, int64_t(39));
    QVERIFY(!reader.read(frame));
}

void tst_VideoReader::readFramesWithStride()
{
    const QString path = file("seek_writer.webm");
    QVERIFY(QFile::exists(path));
    DecodeOptions options;
    options.outWidth = 32;
    options.outHeight = 24;
    VideoReader reader(path.toStdString(), options);
    FrameStack stack = reader.readFrames(5, 6, 3);
    QCOMPARE(stack.frames, 6);
    QCOMPARE(stack.width, 32);
    QCOMPARE(stack.height, 24);
    QCOMPARE(stack.data.size(), size_t(6) * 32 * 24 * 3);
    for (int t = 0; t < 6; ++t) {
        QCOMPARE(vdtest::decodeIndexFrame(stack.frame(t), 32, 24), 5 + 3 * t);
    }
    // Going backwards works, and the end of the stream cuts the stack short.
    stack = reader.readFrames(30, 8, 2);
    QCOMPARE(stack.frames, 5);
    QCOMPARE(stack.data.size(), size_t(5) * 32 * 24 * 3);
    QCOMPARE(vdtest::decodeIndexFrame(stack.frame(4), 32, 24), 38);
    stack = reader.readFrames(0, 0);
    QCOMPARE(stack.frames, 0);
}

void tst_VideoReader::threadCountsAgree()
{
    const QString path = file("h264.mp4");
    QVERIFY(QFile::exists(path));
    FrameStack one;
    FrameStack two;
    for (int threads : {1, 2}) {
        DecodeOptions options;
        options.threads = threads;
        VideoReader reader(path.toStdString(), options);
        (threads == 1 ? one : two) = reader.readFrames(0, 20);
    }
    QCOMPARE(one.frames, 20);
    QCOMPARE(two.frames, 20);
    QVERIFY(one.data == two.data);
}

void tst_VideoReader::moveKeepsState()
{
    const QString path = file("seek_writer.mp4");
    VideoReader a(path.toStdString());
    Frame frame;
    QVERIFY(a.read(frame));
    VideoReader b(std::move(a));
    QVERIFY(b.read(frame));
    QCOMPARE(frame.index, int64_t(1));
    QCOMPARE(b.info().frames, int64_t(40));
}

QTEST_APPLESS_MAIN(tst_VideoReader)
#include "tst_VideoReader.moc"
