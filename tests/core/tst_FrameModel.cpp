// SPDX-License-Identifier: GPL-3.0-or-later
// The frame model of docs/frames.md on real files that break the simple picture: an AVI with
// drop frames, an H.264 MP4 whose first picture cannot be decoded, an MP4 whose edit list cuts
// two frames, and a clip asked for past its end. Probe, sequential reads, seeks and readFrames
// must agree on every index, and nothing comes back silently short.
#include "media/VideoReader.h"
#include "util/Error.h"

#include "common/IndexSequence.h"
#include "common/TestUtil.h"

#include <QTemporaryDir>
#include <QtTest>

#include <vector>

using namespace vd;

class tst_FrameModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aviDropFramesRepeatThePictureBefore();
    void lostFirstPictureKeepsTheIndices();
    void editListCountIsWhatIsRead();
    void exportPastTheEndIsClampedWithAWarning();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    /// Reads every frame sequentially; the index each one shows (-1 for frames that are no
    /// index frame). Fails the test on an index out of order.
    static std::vector<int> shownIndices(VideoReader& reader);
    /// Checks probe, a sequential read, seeks and readFrames against `expected` (the index
    /// frame each slot must show).
    static void checkAgreement(const QString& path, const std::vector<int>& expected);

    QTemporaryDir m_dir;
    QString m_indexFrames; ///< 40 index frames as a PNG sequence (input for the ffmpeg command)
};

void tst_FrameModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_indexFrames = file("index_png");
    vdtest::writeIndexSequence(m_indexFrames, 40);
}

std::vector<int> tst_FrameModel::shownIndices(VideoReader& reader)
{
    std::vector<int> shown;
    Frame frame;
    while (reader.read(frame)) {
        if (frame.index != static_cast<int64_t>(shown.size())) {
            qWarning("frame %zu came with index %lld", shown.size(),
                     static_cast<long long>(frame.index));
            return {};
        }
        shown.push_back(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height));
    }
    return shown;
}

void tst_FrameModel::checkAgreement(const QString& path, const std::vector<int>& expected)
{
    const auto n = static_cast<int64_t>(expected.size());
    QCOMPARE(VideoReader::probe(path.toStdString()).frames, n);

    VideoReader reader(path.toStdString());
    QCOMPARE(reader.info().frames, n);
    QCOMPARE(shownIndices(reader), expected);

    Frame frame;
    for (int64_t target : {n - 1, int64_t(0), n / 2, int64_t(1), n - 2, int64_t(3), n / 3}) {
        reader.seek(target);
        QVERIFY(reader.read(frame));
        QCOMPARE(frame.index, target);
        QCOMPARE(vdtest::decodeIndexFrame(frame.rgb.data(), frame.width, frame.height),
                 expected[static_cast<size_t>(target)]);
    }
    // readFrames with a stride walks the same slots.
    const FrameStack stack = reader.readFrames(2, 6, 3);
    QCOMPARE(stack.frames, std::min(6, static_cast<int>((n - 2 + 2) / 3)));
    for (int t = 0; t < stack.frames; ++t) {
        QCOMPARE(vdtest::decodeIndexFrame(stack.frame(t), stack.width, stack.height),
                 expected[static_cast<size_t>(2 + 3 * t)]);
    }
    // Past the end: a clear error, not a short read.
    try {
        reader.seek(n);
        QFAIL("expected SeekOutOfRange");
    } catch (const vd::Error& e) {
        QCOMPARE(e.code(), ErrorCode::SeekOutOfRange);
        QVERIFY(QString(e.what()).contains(path));
    }
}

void tst_FrameModel::aviDropFramesRepeatThePictureBefore()
{
    // Only every fourth picture is stored, plus the last two; the AVI muxer writes the
    // timestamp gaps as empty "drop frame" entries, which the header counts and FFmpeg's
    // demuxer skips: 40 slots, 12 pictures.
    const QString path = file("drops.avi");
    QVERIFY(vdtest::ffmpeg({"-framerate", "25", "-i", m_indexFrames + "/frame_%06d.png", "-vf",
                            "select='not(mod(n\\,4))+gte(n\\,38)'", "-fps_mode", "passthrough",
                            "-c:v", "mpeg4", "-q:v", "2", path}));
    QCOMPARE(vdtest::ffprobeEntry(path, "nb_read_frames", true), QString("12"));
    std::vector<int> expected(40);
    for (int i = 0; i < 40; ++i) {
        expected[static_cast<size_t>(i)] = i >= 38 ? i : i / 4 * 4;
    }
    checkAgreement(path, expected);
}

void tst_FrameModel::lostFirstPictureKeepsTheIndices()
{
    const QString good = file("idr.mp4");
    QVERIFY(vdtest::ffmpeg({"-framerate", "25", "-i", m_indexFrames + "/frame_%06d.png", "-c:v",
                            "libx264", "-g", "10", "-bf", "0", "-pix_fmt", "yuv444p", "-qp", "0",
                            good}));
    // Damage the slice header of the first IDR picture (inside the first packet of the mdat,
    // whose NAL units carry 4-byte lengths): the decoder rejects it and the pictures of its
    // group that depend on it.
    const QString packets =
        vdtest::run("ffprobe", {"-v", "error", "-select_streams", "v", "-show_entries",
                                "packet=pos,size", "-of", "csv=p=0", good})
            .out.split('\n')
            .first();
    const qint64 pos = packets.section(',', 1, 1).toLongLong();
    const qint64 size = packets.section(',', 0, 0).toLongLong();
    QVERIFY2(pos > 0 && size > 0, qPrintable(packets));
    QByteArray bytes = vdtest::readBytes(good);
    bool damaged = false;
    for (qint64 off = pos; off + 5 < pos + size;) {
        const auto len =
            static_cast<qint64>((uchar(bytes[off]) << 24) | (uchar(bytes[off + 1]) << 16) |
                                (uchar(bytes[off + 2]) << 8) | uchar(bytes[off + 3]));
        if ((uchar(bytes[off + 4]) & 31) == 5) { // IDR slice
            for (qint64 i = off + 5; i < off + 21; ++i) {
                bytes[i] = char(0xff);
            }
            damaged = true;
        }
        off += 4 + len;
    }
    QVERIFY(damaged);
    const QString path = file("lost_first.mp4");
    QVERIFY(vdtest::writeBytes(path, bytes));

    // The header counts 40 and slot 0 starts at the stream's start; the slots before the
    // first picture the decoder gives show that picture, the others their own.
    VideoReader probeReader(path.toStdString());
    Frame first;
    QVERIFY(probeReader.read(first));
    const int firstPicture = vdtest::decodeIndexFrame(first.rgb.data(), first.width, first.height);
    qInfo("first decodable picture: %d", firstPicture);
    QVERIFY(firstPicture >= 1 && firstPicture < 40);
    std::vector<int> expected(40);
    for (int i = 0; i < 40; ++i) {
        expected[static_cast<size_t>(i)] = std::max(i, firstPicture);
    }
    checkAgreement(path, expected);
}

void tst_FrameModel::editListCountIsWhatIsRead()
{
    // Copying from 0.08 s writes an edit list that hides the first two frames; the header still
    // counts all 40 samples, the stream's duration 38 frames.
    const QString source = file("whole.mp4");
    QVERIFY(vdtest::ffmpeg({"-framerate", "25", "-i", m_indexFrames + "/frame_%06d.png", "-c:v",
                            "libx264", "-g", "10", "-pix_fmt", "yuv444p", "-qp", "0", source}));
    const QString path = file("edit_list.mp4");
    QVERIFY(vdtest::ffmpeg({"-ss", "0.08", "-i", source, "-c", "copy", path}));
    QCOMPARE(vdtest::ffprobeEntry(path, "nb_frames"), QString("40"));
    std::vector<int> expected(38);
    for (int i = 0; i < 38; ++i) {
        expected[static_cast<size_t>(i)] = i + 2;
    }
    checkAgreement(path, expected);
}

void tst_FrameModel::exportPastTheEndIsClampedWithAWarning()
{
    const QString input = file("short.mp4");
    QVERIFY(vdtest::ffmpeg({"-framerate", "25", "-i", m_indexFrames + "/frame_%06d.png", "-c:v",
                            "libx264", "-pix_fmt", "yuv444p", "-qp", "0", input}));
    const QString out = file("tail.mp4");
    const vdtest::CommandResult r = vdtest::run(
        vdtest::cliPath(), {"export", input, "--out", out, "--start", "36", "--count", "8"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("warning") && r.err.contains("has 40 frames") &&
                 r.err.contains("writing the 4 frames from 36"),
             r.err.constData());
    QVERIFY(r.out.contains("4 frames"));
    VideoReader written(out.toStdString());
    QCOMPARE(shownIndices(written), (std::vector<int>{36, 37, 38, 39}));

    // A start past the end is an error naming the file.
    const vdtest::CommandResult past = vdtest::run(
        vdtest::cliPath(), {"export", input, "--out", file("none.mp4"), "--start", "40"});
    QCOMPARE(past.exitCode, 3);
    QVERIFY2(past.err.contains(input.toUtf8()), past.err.constData());
}

QTEST_GUILESS_MAIN(tst_FrameModel)
#include "tst_FrameModel.moc"
