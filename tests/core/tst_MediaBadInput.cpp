// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input never crashes and never hangs: each kind of broken file gives a typed vd::Error
// (kind InputData, a message naming the file) or, for damage a decoder can conceal, a partial
// decode. A hang is caught by CTest's timeout on the suite, not timed here.
#include "media/VideoReader.h"
#include "media/VideoWriter.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <sys/stat.h>

using namespace vd;

Q_DECLARE_METATYPE(vd::ErrorCode)

namespace {

/// What happened when a file was probed and read to the end.
struct Outcome {
    bool ok = false; ///< no error at all
    ErrorKind kind = ErrorKind::Runtime;
    ErrorCode code = ErrorCode::Generic;
    int64_t goodFrames = -1;
    int64_t framesRead = 0;
    QString message;
    bool failedInProbe = false;
};

Outcome readAll(const QString& path)
{
    Outcome out;
    try {
        VideoReader::probe(path.toStdString());
    } catch (const vd::Error& e) {
        out.failedInProbe = true;
        out.kind = e.kind();
        out.code = e.code();
        out.goodFrames = e.goodFrames();
        out.message = e.what();
        return out;
    }
    try {
        VideoReader reader(path.toStdString(), DecodeOptions{32, 32, 0, true});
        Frame frame;
        while (reader.read(frame)) {
            ++out.framesRead;
        }
        out.ok = true;
    } catch (const vd::Error& e) {
        out.kind = e.kind();
        out.code = e.code();
        out.goodFrames = e.goodFrames();
        out.message = e.what();
    }
    return out;
}

void putLe32(QByteArray& bytes, int offset, uint32_t value)
{
    for (int i = 0; i < 4; ++i) {
        bytes[offset + i] = char((value >> (8 * i)) & 0xFF);
    }
}

} // namespace

class tst_MediaBadInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void typedErrors_data();
    void typedErrors();
    void truncatedPlaysPartially_data();
    void truncatedPlaysPartially();
    void brokenInTheMiddle_data();
    void brokenInTheMiddle();
    void fifoDoesNotHang();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    /// A valid 30-frame clip made by the ffmpeg command.
    QString makeClip(const QString& name, const QStringList& codecArgs);

    QTemporaryDir m_dir;
};

QString tst_MediaBadInput::makeClip(const QString& name, const QStringList& codecArgs)
{
    const QString path = file(name);
    if (!QFile::exists(path)) {
        vdtest::ffmpeg(
            QStringList{"-f", "lavfi", "-i", "testsrc2=s=64x48:r=25", "-frames:v", "30"} +
            codecArgs + QStringList{path});
    }
    return path;
}

void tst_MediaBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());

    QVERIFY(vdtest::writeBytes(file("empty.mp4"), {}));
    QVERIFY(
        vdtest::writeBytes(file("text.mp4"), "This is a text file, not a movie.\nSecond line.\n"));
    std::mt19937 rng(7);
    QByteArray noise(20000, '\0');
    for (char& c : noise) {
        c = char(rng() & 0xFF);
    }
    QVERIFY(vdtest::writeBytes(file("noise.mkv"), noise));

    // ffmpeg's plain MP4 has its index (moov) at the end: cut it off.
    const QByteArray mp4 = vdtest::readBytes(makeClip("plain.mp4", {"-c:v", "libx264"}));
    QVERIFY(mp4.size() > 1000);
    QVERIFY(vdtest::writeBytes(file("truncated_head.mp4"), mp4.left(mp4.size() / 2)));

    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "sine=d=1", file("audio.wav")}));
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "sine=d=1", "-c:a", "flac", file("audio.mka")}));
    QVERIFY(vdtest::ffmpeg(
        {"-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", file("still.png")}));
    QVERIFY(vdtest::ffmpeg(
        {"-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", file("still.jpg")}));
    QVERIFY(vdtest::ffmpeg(
        {"-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", file("still.gif")}));
    // An mp3 with cover art has a "video" stream that is a picture.
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "sine=d=1", "-i", file("still.png"), "-map", "0:a",
                            "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png", "-disposition:v",
                            "attached_pic", file("cover.mp3")}));

    // An AVI whose headers claim 100000 x 100000 pixels (avih and the BITMAPINFOHEADER).
    QByteArray avi = vdtest::readBytes(makeClip("mjpeg.avi", {"-c:v", "mjpeg"}));
    const int avih = avi.indexOf("avih");
    const int strf = avi.indexOf("strf");
    QVERIFY(avih > 0 && strf > 0);
    putLe32(avi, avih + 8 + 32, 100000);
    putLe32(avi, avih + 8 + 36, 100000);
    putLe32(avi, strf + 8 + 4, 100000);
    putLe32(avi, strf + 8 + 8, 100000);
    QVERIFY(vdtest::writeBytes(file("huge.avi"), avi));

    QVERIFY(QDir(m_dir.path()).mkpath("empty_folder"));
}

void tst_MediaBadInput::typedErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("zero bytes") << "empty.mp4" << ErrorCode::EmptyFile;
    QTest::newRow("text named .mp4") << "text.mp4" << ErrorCode::UnrecognizedFormat;
    QTest::newRow("random bytes") << "noise.mkv" << ErrorCode::UnrecognizedFormat;
    QTest::newRow("mp4 cut before its index") << "truncated_head.mp4" << ErrorCode::Truncated;
    QTest::newRow("audio only wav") << "audio.wav" << ErrorCode::NoVideoStream;
    QTest::newRow("audio only mka") << "audio.mka" << ErrorCode::NoVideoStream;
    QTest::newRow("audio with cover art") << "cover.mp3" << ErrorCode::NoVideoStream;
    QTest::newRow("png image") << "still.png" << ErrorCode::StillImage;
    QTest::newRow("jpeg image") << "still.jpg" << ErrorCode::StillImage;
    QTest::newRow("one-frame gif") << "still.gif" << ErrorCode::StillImage;
    QTest::newRow("absurd resolution") << "huge.avi" << ErrorCode::BadDimensions;
    QTest::newRow("missing file") << "no_such_file.mp4" << ErrorCode::FileNotFound;
    QTest::newRow("folder without frames") << "empty_folder" << ErrorCode::UnrecognizedFormat;
}

void tst_MediaBadInput::typedErrors()
{
    QFETCH(QString, name);
    QFETCH(ErrorCode, code);

    const QString path = file(name);
    const Outcome probe = readAll(path);
    QVERIFY2(!probe.ok, "expected an error");
    QVERIFY(probe.failedInProbe);
    QCOMPARE(probe.kind, ErrorKind::InputData);
    QVERIFY2(probe.code == code,
             qPrintable(QString("got %1: %2").arg(errorCodeName(probe.code)).arg(probe.message)));
    QVERIFY2(probe.message.contains(name), qPrintable(probe.message));

    // The constructor reports the same as probe().
    try {
        VideoReader reader(path.toStdString());
        QFAIL("expected vd::Error");
    } catch (const vd::Error& e) {
        QCOMPARE(e.code(), code);
        QCOMPARE(e.kind(), ErrorKind::InputData);
    }
}

void tst_MediaBadInput::truncatedPlaysPartially_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("codecArgs");
    QTest::addColumn<double>("keep"); // fraction of the file kept

    // Cut points lie past the first keyframe (which holds most of the bytes of a small clip):
    // before it, FFmpeg too decodes nothing.
    QTest::newRow("faststart mp4")
        << "fast.mp4" << QStringList{"-c:v", "libx264", "-g", "5", "-movflags", "+faststart"}
        << 0.75;
    QTest::newRow("mpeg4 avi") << "mpeg4.avi" << QStringList{"-c:v", "mpeg4"} << 0.6;
    QTest::newRow("vp9 webm") << "vp9.webm" << QStringList{"-c:v",     "libvpx-vp9", "-deadline",
                                                           "realtime", "-g",         "5"}
                              << 0.75;
    QTest::newRow("mjpeg mkv") << "mjpeg.mkv" << QStringList{"-c:v", "mjpeg"} << 0.6;
    QTest::newRow("gif") << "anim.gif" << QStringList{"-c:v", "gif"} << 0.9;
}

void tst_MediaBadInput::truncatedPlaysPartially()
{
    QFETCH(QString, name);
    QFETCH(QStringList, codecArgs);
    QFETCH(double, keep);

    const QByteArray whole = vdtest::readBytes(makeClip(name, codecArgs));
    QVERIFY(whole.size() > 1000);
    const QString path = file("cut_" + name);
    QVERIFY(vdtest::writeBytes(path, whole.left(int(whole.size() * keep))));

    const Outcome out = readAll(path);
    qInfo("%s: %s, %lld frames read, good %lld: %s", qPrintable(name),
          out.ok ? "ok" : errorCodeName(out.code), static_cast<long long>(out.framesRead),
          static_cast<long long>(out.goodFrames), qPrintable(out.message));
    if (out.ok) {
        // Read what was there: some frames, not all 30.
        QVERIFY(out.framesRead > 0);
        QVERIFY(out.framesRead < 30);
    } else {
        QCOMPARE(out.kind, ErrorKind::InputData);
        QVERIFY2(out.code == ErrorCode::Truncated || out.code == ErrorCode::DecodeFailed,
                 errorCodeName(out.code));
        QVERIFY(out.message.contains(path));
        if (!out.failedInProbe) {
            QVERIFY(out.goodFrames >= 0);
            QVERIFY(out.goodFrames < 30);
            QVERIFY(out.goodFrames <= out.framesRead);
        }
    }
}

void tst_MediaBadInput::brokenInTheMiddle_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("codecArgs");

    QTest::newRow("mpeg4 avi") << "mid_mpeg4.avi" << QStringList{"-c:v", "mpeg4", "-g", "10"};
    QTest::newRow("mjpeg avi") << "mid_mjpeg.avi" << QStringList{"-c:v", "mjpeg"};
    QTest::newRow("h264 mp4") << "mid_h264.mp4" << QStringList{"-c:v", "libx264", "-g", "10"};
    QTest::newRow("vp9 webm") << "mid_vp9.webm"
                              << QStringList{"-c:v", "libvpx-vp9", "-deadline", "realtime"};
}

void tst_MediaBadInput::brokenInTheMiddle()
{
    QFETCH(QString, name);
    QFETCH(QStringList, codecArgs);

    QByteArray bytes = vdtest::readBytes(makeClip(name, codecArgs));
    QVERIFY(bytes.size() > 1000);
    // Overwrite 20% of the file in the middle with noise.
    std::mt19937 rng(99);
    for (int i = bytes.size() * 4 / 10; i < bytes.size() * 6 / 10; ++i) {
        bytes[i] = char(rng() & 0xFF);
    }
    const QString path = file("broken_" + name);
    QVERIFY(vdtest::writeBytes(path, bytes));

    const Outcome out = readAll(path);
    qInfo("%s: %s, %lld frames read, good %lld: %s", qPrintable(name),
          out.ok ? "ok (concealed)" : errorCodeName(out.code),
          static_cast<long long>(out.framesRead), static_cast<long long>(out.goodFrames),
          qPrintable(out.message));
    if (!out.ok) {
        QCOMPARE(out.kind, ErrorKind::InputData);
        QVERIFY2(out.code == ErrorCode::Truncated || out.code == ErrorCode::DecodeFailed,
                 errorCodeName(out.code));
        QVERIFY(out.message.contains(path));
        if (!out.failedInProbe) {
            QVERIFY(out.goodFrames >= 0);
            QVERIFY(out.goodFrames <= out.framesRead);
        }
    } else {
        QVERIFY(out.framesRead > 0);
    }

    // Seeking around a broken stream stays typed too.
    try {
        VideoReader reader(path.toStdString());
        Frame frame;
        for (int target : {25, 2, 14}) {
            if (target < reader.info().frames) {
                reader.seek(target);
                reader.read(frame);
            }
        }
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
    }
}

void tst_MediaBadInput::fifoDoesNotHang()
{
    // Opening a FIFO with no writer blocks in the kernel; it must be refused up front: the
    // call returns, with a typed error (an open that blocked would hang until CTest's timeout).
    const QString path = file("pipe.mp4");
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    const Outcome out = readAll(path);
    QVERIFY(!out.ok);
    QCOMPARE(out.kind, ErrorKind::InputData);
    QCOMPARE(out.code, ErrorCode::UnrecognizedFormat);
}

QTEST_APPLESS_MAIN(tst_MediaBadInput)
#include "tst_MediaBadInput.moc"
