// SPDX-License-Identifier: GPL-3.0-or-later
// util/DurableFile: the one way core replaces a file. A write leaves the new content; a write
// that fails leaves the old file as it was, no temp file behind, and an error naming the file.
#include "util/DurableFile.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <stdexcept>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

using namespace vd;

namespace {

/// Files in `dir` that look like a temp file of ours (tempNameFor).
QStringList tempFilesIn(const QString& dir)
{
    return QDir(dir).entryList({"*.tmp-*"},
                               QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class tst_DurableFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writeReplacesContent();
    void fillStreamsTheContent();
    void missingFolderThrowsNamingTheFile_data();
    void missingFolderThrowsNamingTheFile();
    void failedRenameKeepsTheOldEntry();
    void throwingFillKeepsTheOldFile();
    void readOnlyFolderKeepsTheOldFile();
    void moveReplacesTarget();
    void failedMoveNamesTheTarget();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_DurableFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_DurableFile::writeReplacesContent()
{
    const QString target = path("settings.json");
    writeFileAtomically(target.toStdString(), "first");
    QCOMPARE(vdtest::readBytes(target), QByteArray("first"));
    writeFileAtomically(target.toStdString(), std::string("second, longer"));
    QCOMPARE(vdtest::readBytes(target), QByteArray("second, longer"));
    writeFileAtomically(target.toStdString(), "");
    QCOMPARE(vdtest::readBytes(target), QByteArray());
    QVERIFY(QFile::exists(target));
    QCOMPARE(tempFilesIn(m_dir->path()), QStringList());
}

void tst_DurableFile::fillStreamsTheContent()
{
    const QString target = path("weights.bin");
    QVERIFY(vdtest::writeBytes(target, "old"));
    writeFileAtomically(target.toStdString(), [](DurableFile& file) {
        const char header[4] = {'V', 'D', 0, 1};
        file.write(header, sizeof(header));
        file.write(std::string(1000, 'x'));
    });
    const QByteArray bytes = vdtest::readBytes(target);
    QCOMPARE(bytes.size(), 1004);
    QCOMPARE(bytes.left(4), QByteArray("VD\0\1", 4));
    QCOMPARE(tempFilesIn(m_dir->path()), QStringList());
}

void tst_DurableFile::missingFolderThrowsNamingTheFile_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("fileToCreate");
    QTest::newRow("folder does not exist") << "no/such/folder/x.json"
                                           << "";
    QTest::newRow("parent is a file") << "plain-file/x.json"
                                      << "plain-file";
}

void tst_DurableFile::missingFolderThrowsNamingTheFile()
{
    QFETCH(QString, relative);
    QFETCH(QString, fileToCreate);
    if (!fileToCreate.isEmpty()) {
        QVERIFY(vdtest::writeBytes(path(fileToCreate), "keep me"));
    }
    const std::string target = path(relative).toStdString();
    try {
        writeFileAtomically(target, "content");
        QFAIL("wrote where no file can be");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Runtime);
        QCOMPARE(e.code(), ErrorCode::WriteFailed);
        QVERIFY2(std::string(e.what()).find(target) != std::string::npos, e.what());
    }
    if (!fileToCreate.isEmpty()) {
        QCOMPARE(vdtest::readBytes(path(fileToCreate)), QByteArray("keep me"));
    }
    QCOMPARE(tempFilesIn(m_dir->path()), QStringList());
}

void tst_DurableFile::failedRenameKeepsTheOldEntry()
{
    // The temp file is written in full, then the rename fails (a folder holds the name).
    const QString target = path("taken.json");
    QVERIFY(QDir().mkpath(target));
    QVERIFY(vdtest::writeBytes(QDir(target).filePath("inside.txt"), "old"));
    try {
        writeFileAtomically(target.toStdString(), "new content");
        QFAIL("replaced a folder with a file");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::WriteFailed);
        QVERIFY2(QString(e.what()).contains(target), e.what());
    }
    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(vdtest::readBytes(QDir(target).filePath("inside.txt")), QByteArray("old"));
    QCOMPARE(tempFilesIn(m_dir->path()), QStringList());
}

void tst_DurableFile::throwingFillKeepsTheOldFile()
{
    const QString target = path("project.vdproj");
    QVERIFY(vdtest::writeBytes(target, "the old project"));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             writeFileAtomically(target.toStdString(), [](DurableFile& file) {
                                 file.write(std::string("half of the new"));
                                 throw std::runtime_error("the writer failed midway");
                             }));
    QCOMPARE(vdtest::readBytes(target), QByteArray("the old project"));
    QCOMPARE(tempFilesIn(m_dir->path()), QStringList());
}

void tst_DurableFile::readOnlyFolderKeepsTheOldFile()
{
    if (::geteuid() == 0) {
        QSKIP("root writes into read-only folders");
    }
    const QString folder = path("read-only");
    QVERIFY(QDir().mkpath(folder));
    const QString target = QDir(folder).filePath("index.json");
    QVERIFY(vdtest::writeBytes(target, "old index"));
    QCOMPARE(::chmod(folder.toLocal8Bit().constData(), 0555), 0);
    bool threw = false;
    try {
        writeFileAtomically(target.toStdString(), "new index");
    } catch (const Error& e) {
        threw = true;
        QCOMPARE(e.code(), ErrorCode::WriteFailed);
        QVERIFY2(QString(e.what()).contains(target), e.what());
    }
    ::chmod(folder.toLocal8Bit().constData(), 0755);
    QVERIFY(threw);
    QCOMPARE(vdtest::readBytes(target), QByteArray("old index"));
    QCOMPARE(tempFilesIn(folder), QStringList());
}

void tst_DurableFile::moveReplacesTarget()
{
    const QString from = path(".clip.partial-1.mp4");
    const QString to = path("clip.mp4");
    QVERIFY(vdtest::writeBytes(from, "encoded"));
    QVERIFY(vdtest::writeBytes(to, "previous export"));
    moveFileDurably(from.toStdString(), to.toStdString());
    QCOMPARE(vdtest::readBytes(to), QByteArray("encoded"));
    QVERIFY(!QFile::exists(from));
}

void tst_DurableFile::failedMoveNamesTheTarget()
{
    const QString to = path("clip.mp4");
    QVERIFY(vdtest::writeBytes(to, "previous export"));
    try {
        moveFileDurably(path("never-written.mp4").toStdString(), to.toStdString());
        QFAIL("moved a file that does not exist");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::WriteFailed);
        QVERIFY2(QString(e.what()).contains(to), e.what());
    }
    QCOMPARE(vdtest::readBytes(to), QByteArray("previous export"));
}

QTEST_APPLESS_MAIN(tst_DurableFile)
#include "tst_DurableFile.moc"
