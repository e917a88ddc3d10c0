// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetIndex: finds the clips of a folder tree, lists bad files with their reason, takes
// labels and captions, and keeps an index file so that reopening does not re-probe.
#include "data/DatasetIndex.h"
#include "data/DemoDataset.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include <unistd.h>

using namespace vd;

namespace {

const SkippedFile* findSkipped(const DatasetIndex& index, const std::string& path)
{
    for (const SkippedFile& s : index.skipped()) {
        if (s.path == path) {
            return &s;
        }
    }
    return nullptr;
}

const ClipEntry* findClip(const DatasetIndex& index, const std::string& path)
{
    for (const ClipEntry& c : index.clips()) {
        if (c.path == path) {
            return &c;
        }
    }
    return nullptr;
}

/// Moves a file's mtime, as an edit would, without changing its bytes.
void touchLater(const QString& path, int seconds)
{
    namespace fs = std::filesystem;
    const fs::path p = path.toStdString();
    fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(seconds));
}

} // namespace

class tst_DatasetIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void labelsAndCaptions();
    void badFilesAreSkippedWithReason();
    void hiddenAndOtherFilesIgnored();
    void orderIsDeterministic();
    void reopenUsesIndexFile();
    void changedFileIsReprobed();
    void corruptIndexIsRebuilt();
    void noCacheOption();
    void progressCountsProbes();
    void readOnlyFolderStillScans();
    void missingRootThrows();
    void videoFileNames_data();
    void videoFileNames();

private:
    /// A fresh copy of the fixture dataset (so tests that modify files don't interfere).
    QString copyFixture(const QString& name);

    QTemporaryDir m_dir;
    QString m_data;
    int m_goodCount = 0;
};

void tst_DatasetIndex::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath("data");
    DemoOptions o;
    o.clips = 6; // circle, square, triangle, star, circle, square
    o.size = 32;
    o.frames = 6;
    makeDemoDataset(m_data.toStdString(), o);

    // A clip at the root (no label), and one with a caption in a sub-sub-folder.
    QVERIFY(QFile::copy(m_data + "/circle/circle_0000.mp4", m_data + "/loose.mp4"));
    QDir().mkpath(m_data + "/star/extra");
    QVERIFY(QFile::copy(m_data + "/star/star_0000.mp4", m_data + "/star/extra/deep.mp4"));
    QVERIFY(vdtest::writeBytes(m_data + "/star/extra/deep.txt", "  a deep star\n\n"));
    m_goodCount = 8;

    // Bad files, spread over a label folder and the root.
    QVERIFY(vdtest::writeBytes(m_data + "/circle/zero.mp4", QByteArray()));
    QVERIFY(vdtest::writeBytes(m_data + "/circle/text.mp4",
                               "this is not a video, just text named .mp4\n"));
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac",
                            m_data + "/audio.mp4"}));
    const QByteArray good = vdtest::readBytes(m_data + "/square/square_0000.mp4");
    QVERIFY(good.size() > 200);
    QVERIFY(vdtest::writeBytes(m_data + "/square/truncated.mp4", good.left(100)));
}

QString tst_DatasetIndex::copyFixture(const QString& name)
{
    namespace fs = std::filesystem;
    const QString dst = m_dir.filePath(name);
    fs::copy(m_data.toStdString(), dst.toStdString(), fs::copy_options::recursive);
    fs::remove(dst.toStdString() + "/" + DatasetIndex::kIndexFileName);
    return dst;
}

void tst_DatasetIndex::labelsAndCaptions()
{
    const DatasetIndex index = DatasetIndex::scan(m_data.toStdString());
    QCOMPARE(static_cast<int>(index.clips().size()), m_goodCount);
    // Labels: first-level folders that hold a usable clip, sorted.
    QCOMPARE(index.labels(), (std::vector<std::string>{"circle", "square", "star", "triangle"}));
    for (const ClipEntry& c : index.clips()) {
        if (c.label.empty()) {
            QCOMPARE(c.labelIndex, -1);
        } else {
            QCOMPARE(index.labels()[static_cast<size_t>(c.labelIndex)], c.label);
        }
        QVERIFY(c.info.frames == 6);
        QVERIFY(QFileInfo(QString::fromStdString(c.info.path)).isAbsolute());
        QVERIFY(c.sizeBytes > 0);
    }
    const ClipEntry* loose = findClip(index, "loose.mp4");
    QVERIFY(loose);
    QVERIFY(loose->label.empty());
    QVERIFY(loose->caption.empty());
    const ClipEntry* deep = findClip(index, "star/extra/deep.mp4");
    QVERIFY(deep);
    QCOMPARE(deep->label, std::string("star")); // the first-level folder, not the parent
    QCOMPARE(deep->caption, std::string("a deep star"));
    const ClipEntry* circle = findClip(index, "circle/circle_0000.mp4");
    QVERIFY(circle);
    QVERIFY2(circle->caption.find("circle") != std::string::npos, circle->caption.c_str());
    QCOMPARE(index.totalFrames(), int64_t{6} * m_goodCount);
    QVERIFY(index.totalDurationS() > 0.0);
}

void tst_DatasetIndex::badFilesAreSkippedWithReason()
{
    const DatasetIndex index = DatasetIndex::scan(copyFixture("bad").toStdString());
    QCOMPARE(index.skipped().size(), size_t{4});
    const std::map<std::string, std::string> expected{
        {"circle/zero.mp4", "empty_file"},
        {"circle/text.mp4", "unrecognized_format"},
        {"audio.mp4", "no_video_stream"},
    };
    for (const auto& [path, code] : expected) {
        const SkippedFile* s = findSkipped(index, path);
        QVERIFY2(s, path.c_str());
        QCOMPARE(s->code, code);
        QVERIFY2(s->reason.rfind(code + ": ", 0) == 0, s->reason.c_str());
        QVERIFY(s->reason.find('\n') == std::string::npos);
    }
    const SkippedFile* truncated = findSkipped(index, "square/truncated.mp4");
    QVERIFY(truncated);
    QVERIFY(!truncated->reason.empty());
    // The good files of the same folders are still there.
    QVERIFY(findClip(index, "circle/circle_0000.mp4"));
    QVERIFY(findClip(index, "square/square_0000.mp4"));
}

void tst_DatasetIndex::hiddenAndOtherFilesIgnored()
{
    const QString dir = copyFixture("hidden");
    QVERIFY(QFile::copy(dir + "/loose.mp4", dir + "/.hidden.mp4"));
    QDir().mkpath(dir + "/.cache");
    QVERIFY(QFile::copy(dir + "/loose.mp4", dir + "/.cache/clip.mp4"));
    QVERIFY(vdtest::writeBytes(dir + "/notes.json", "{}"));
    QVERIFY(vdtest::writeBytes(dir + "/readme.txt", "hello"));
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(static_cast<int>(index.clips().size()), m_goodCount);
    QCOMPARE(index.skipped().size(), size_t{4});
    for (const ClipEntry& c : index.clips()) {
        QVERIFY2(c.path.find('.') != 0 && c.path.find("/.") == std::string::npos, c.path.c_str());
    }
}

void tst_DatasetIndex::orderIsDeterministic()
{
    const DatasetIndex a = DatasetIndex::scan(copyFixture("order1").toStdString(), {1, false, {}});
    const DatasetIndex b = DatasetIndex::scan(copyFixture("order2").toStdString(), {3, false, {}});
    QCOMPARE(a.clips().size(), b.clips().size());
    std::vector<std::string> pathsA;
    for (size_t i = 0; i < a.clips().size(); ++i) {
        QCOMPARE(a.clips()[i].path, b.clips()[i].path);
        QCOMPARE(a.clips()[i].labelIndex, b.clips()[i].labelIndex);
        pathsA.push_back(a.clips()[i].path);
    }
    QVERIFY(std::is_sorted(pathsA.begin(), pathsA.end()));
    for (size_t i = 0; i < a.skipped().size(); ++i) {
        QCOMPARE(a.skipped()[i].path, b.skipped()[i].path);
        QCOMPARE(a.skipped()[i].reason, b.skipped()[i].reason);
    }
}

void tst_DatasetIndex::reopenUsesIndexFile()
{
    const QString dir = copyFixture("reopen");
    const DatasetIndex first = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(first.probedCount(), m_goodCount + 4);
    QVERIFY(QFile::exists(dir + "/" + DatasetIndex::kIndexFileName));

    // Nothing changed: no file is probed again, bad ones included, and the result is the same.
    const DatasetIndex second = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(second.probedCount(), 0);
    QCOMPARE(second.clips().size(), first.clips().size());
    QCOMPARE(second.skipped().size(), first.skipped().size());
    for (size_t i = 0; i < first.clips().size(); ++i) {
        const ClipEntry& a = first.clips()[i];
        const ClipEntry& b = second.clips()[i];
        QCOMPARE(b.path, a.path);
        QCOMPARE(b.label, a.label);
        QCOMPARE(b.caption, a.caption);
        QCOMPARE(b.info.path, a.info.path);
        QCOMPARE(b.info.frames, a.info.frames);
        QCOMPARE(b.info.width, a.info.width);
        QCOMPARE(QString::fromStdString(b.info.codec), QString::fromStdString(a.info.codec));
        QCOMPARE(b.info.fps.num, a.info.fps.num);
        QCOMPARE(b.info.fps.den, a.info.fps.den);
        QCOMPARE(b.info.durationS, a.info.durationS);
    }
    for (size_t i = 0; i < first.skipped().size(); ++i) {
        QCOMPARE(second.skipped()[i].reason, first.skipped()[i].reason);
        QCOMPARE(second.skipped()[i].code, first.skipped()[i].code);
    }
    // Captions are read fresh: editing a sidecar needs no re-probe.
    QVERIFY(vdtest::writeBytes(dir + "/loose.txt", "a loose circle"));
    const DatasetIndex third = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(third.probedCount(), 0);
    QCOMPARE(findClip(third, "loose.mp4")->caption, std::string("a loose circle"));
}

void tst_DatasetIndex::changedFileIsReprobed()
{
    const QString dir = copyFixture("changed");
    QCOMPARE(DatasetIndex::scan(dir.toStdString()).probedCount(), m_goodCount + 4);

    touchLater(dir + "/triangle/triangle_0000.mp4", 5);
    const DatasetIndex touched = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(touched.probedCount(), 1);
    QCOMPARE(DatasetIndex::scan(dir.toStdString()).probedCount(), 0);

    // A bad file that gets fixed is probed again and becomes a clip.
    QFile::remove(dir + "/circle/zero.mp4");
    QVERIFY(QFile::copy(dir + "/loose.mp4", dir + "/circle/zero.mp4"));
    touchLater(dir + "/circle/zero.mp4", 7);
    const DatasetIndex fixed = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(fixed.probedCount(), 1);
    QVERIFY(findClip(fixed, "circle/zero.mp4"));
    QVERIFY(!findSkipped(fixed, "circle/zero.mp4"));

    // A new file is probed; a removed one disappears.
    QVERIFY(QFile::copy(dir + "/loose.mp4", dir + "/new.mp4"));
    QVERIFY(QFile::remove(dir + "/audio.mp4"));
    const DatasetIndex grown = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(grown.probedCount(), 1);
    QVERIFY(findClip(grown, "new.mp4"));
    QVERIFY(!findSkipped(grown, "audio.mp4"));
    QCOMPARE(DatasetIndex::scan(dir.toStdString()).probedCount(), 0);
}

void tst_DatasetIndex::corruptIndexIsRebuilt()
{
    const QString dir = copyFixture("corrupt");
    const QString indexFile = dir + "/" + DatasetIndex::kIndexFileName;
    const DatasetIndex first = DatasetIndex::scan(dir.toStdString());
    const QByteArray json = vdtest::readBytes(indexFile);
    QVERIFY(!json.isEmpty());

    for (const QByteArray& garbage :
         {QByteArray("{\"format\": \"vdstudio-dataset-index\", \"vers"),
          QByteArray("\x00\x01\xff", 3), QByteArray("[]"),
          QByteArray("{\"format\":\"vdstudio-dataset-index\",\"version\":2,"
                     "\"files\":[{\"path\":\"loose.mp4\"}]}")}) {
        QVERIFY(vdtest::writeBytes(indexFile, garbage));
        const DatasetIndex again = DatasetIndex::scan(dir.toStdString());
        QCOMPARE(again.probedCount(), m_goodCount + 4);
        QCOMPARE(again.clips().size(), first.clips().size());
        QCOMPARE(again.skipped().size(), first.skipped().size());
        // ... and the rebuilt index is good again.
        QCOMPARE(DatasetIndex::scan(dir.toStdString()).probedCount(), 0);
    }
}

void tst_DatasetIndex::noCacheOption()
{
    const QString dir = copyFixture("nocache");
    ScanOptions o;
    o.useCache = false;
    const DatasetIndex a = DatasetIndex::scan(dir.toStdString(), o);
    QCOMPARE(static_cast<int>(a.clips().size()), m_goodCount);
    QVERIFY(!QFile::exists(dir + "/" + DatasetIndex::kIndexFileName));
    QCOMPARE(DatasetIndex::scan(dir.toStdString(), o).probedCount(), m_goodCount + 4);
}

void tst_DatasetIndex::progressCountsProbes()
{
    const QString dir = copyFixture("progress");
    std::mutex mutex;
    std::vector<std::pair<int, int>> calls;
    ScanOptions o;
    o.threads = 3;
    o.progress = [&](int done, int total) {
        std::lock_guard lock(mutex);
        calls.emplace_back(done, total);
    };
    const DatasetIndex first = DatasetIndex::scan(dir.toStdString(), o);
    // Every file probed (bad ones too) is counted once, in rising order, out of the same total.
    const int probed = first.probedCount();
    QCOMPARE(probed, m_goodCount + 4);
    QCOMPARE(static_cast<int>(calls.size()), probed + 1);
    for (int i = 0; i <= probed; ++i) {
        QCOMPARE(calls[static_cast<size_t>(i)], std::make_pair(i, probed));
    }
    // Reopened: the index file answers, nothing to probe.
    calls.clear();
    QCOMPARE(DatasetIndex::scan(dir.toStdString(), o).probedCount(), 0);
    QCOMPARE(calls, (std::vector<std::pair<int, int>>{{0, 0}}));
}

void tst_DatasetIndex::readOnlyFolderStillScans()
{
    if (geteuid() == 0) {
        QSKIP("running as root: permissions are not enforced");
    }
    const QString dir = copyFixture("readonly");
    QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
    const DatasetIndex index = DatasetIndex::scan(dir.toStdString());
    QCOMPARE(static_cast<int>(index.clips().size()), m_goodCount);
    QVERIFY(!QFile::exists(dir + "/" + DatasetIndex::kIndexFileName));
    QCOMPARE(DatasetIndex::scan(dir.toStdString()).probedCount(), m_goodCount + 4);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void tst_DatasetIndex::missingRootThrows()
{
    try {
        DatasetIndex::scan(m_dir.filePath("does-not-exist").toStdString());
        QFAIL("no error for a missing folder");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY(QString(e.what()).contains("does-not-exist"));
    }
    try {
        DatasetIndex::scan((m_data + "/loose.mp4").toStdString());
        QFAIL("no error for a file given as the root");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
    }
}

void tst_DatasetIndex::videoFileNames_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("video");
    QTest::newRow("mp4") << "circle/a.mp4" << true;
    QTest::newRow("upper case") << "A.MOV" << true;
    QTest::newRow("y4m") << "/data/x.y4m" << true;
    QTest::newRow("gif") << "x.gif" << true;
    QTest::newRow("caption") << "a.txt" << false;
    QTest::newRow("temp file of a write") << "a.mp4.tmp-k3j4x9q1" << false;
    QTest::newRow("no extension") << "mp4" << false;
}

void tst_DatasetIndex::videoFileNames()
{
    QFETCH(QString, path);
    QFETCH(bool, video);
    QCOMPARE(DatasetIndex::isVideoFileName(path.toStdString()), video);
}

QTEST_APPLESS_MAIN(tst_DatasetIndex)
#include "tst_DatasetIndex.moc"
