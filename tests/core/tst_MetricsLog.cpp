// SPDX-License-Identifier: GPL-3.0-or-later
// metrics.jsonl: one flushed line per step, a torn last line or a corrupt line after a kill
// skipped, and on resume the curve cut back to the checkpoint's step.
#include "train/MetricsLog.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace vd;

namespace {

std::vector<int64_t> steps(const MetricsContents& c)
{
    std::vector<int64_t> out;
    for (const auto& e : c.entries) {
        out.push_back(e["step"].get<int64_t>());
    }
    return out;
}

} // namespace

class tst_MetricsLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void appendAndRead();
    void eachLineIsFlushed();
    void damagedLines_data();
    void damagedLines();
    void tornLastLineIsCutBeforeAppending();
    void resumeTruncates();
    void rejectsEntriesWithoutStep();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_MetricsLog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_MetricsLog::appendAndRead()
{
    const QString path = file("run/metrics.jsonl"); // the folder is created
    {
        MetricsLog log = MetricsLog::open(path.toStdString());
        QCOMPARE(log.lastStep(), int64_t(-1));
        log.append({{"step", 1}, {"loss", 0.5}, {"stage", "vae"}, {"lr", 1e-4}});
        log.append(2, {{"loss", 0.25}, {"grad_norm", 3.0}, {"bad", std::nan("")}});
        QCOMPARE(log.lastStep(), int64_t(2));
    }
    const QByteArray text = vdtest::readBytes(path);
    QCOMPARE(text.count('\n'), 2);
    QVERIFY(text.endsWith('\n'));

    const MetricsContents c = MetricsLog::readAll(path.toStdString());
    QCOMPARE(c.entries.size(), size_t(2));
    QCOMPARE(c.corruptLines, int64_t(0));
    QVERIFY(!c.tornLastLine);
    const auto records = c.records();
    QCOMPARE(records[0].step, int64_t(1));
    QCOMPARE(records[0].numbers.at("loss"), 0.5);
    QCOMPARE(records[0].texts.at("stage"), std::string("vae"));
    QCOMPARE(records[1].numbers.at("grad_norm"), 3.0);
    QVERIFY(!records[1].numbers.count("bad")); // NaN was logged as null
    QVERIFY(c.entries[1]["bad"].is_null());

    // Reopening appends after what is there.
    {
        MetricsLog log = MetricsLog::open(path.toStdString());
        QCOMPARE(log.lastStep(), int64_t(2));
        log.append(3, {{"loss", 0.125}});
    }
    QCOMPARE(steps(MetricsLog::readAll(path.toStdString())), (std::vector<int64_t>{1, 2, 3}));
    QVERIFY(MetricsLog::readAll(file("missing.jsonl").toStdString()).entries.empty());
}

void tst_MetricsLog::eachLineIsFlushed()
{
    const QString path = file("flushed.jsonl");
    MetricsLog log = MetricsLog::open(path.toStdString());
    for (int step = 1; step <= 3; ++step) {
        log.append(step, {{"loss", 1.0 / step}});
        // Another reader sees the line while the log is still open.
        QCOMPARE(MetricsLog::readAll(path.toStdString()).entries.size(), size_t(step));
    }
}

void tst_MetricsLog::damagedLines_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<int>>("expectedSteps");
    QTest::addColumn<int>("corrupt");
    QTest::addColumn<bool>("torn");

    const QByteArray good = "{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"loss\":0.4}\n";
    QTest::newRow("clean") << good << QList<int>{1, 2} << 0 << false;
    QTest::newRow("torn last line") << good + "{\"step\":3,\"lo" << QList<int>{1, 2} << 0 << true;
    QTest::newRow("torn inside a string")
        << good + "{\"step\":3,\"stage\":\"va" << QList<int>{1, 2} << 0 << true;
    QTest::newRow("last line lacks only its newline")
        << good + "{\"step\":3}" << QList<int>{1, 2, 3} << 0 << false;
    QTest::newRow("corrupt middle line")
        << QByteArray("{\"step\":1}\n{\"st\x01\xff garbage\n{\"step\":3}\n") << QList<int>{1, 3}
        << 1 << false;
    QTest::newRow("line without step")
        << QByteArray("{\"step\":1}\n{\"loss\":2}\n[1,2]\n{\"step\":\"x\"}\n{\"step\":5}\n")
        << QList<int>{1, 5} << 3 << false;
    QTest::newRow("blank lines") << QByteArray("\n{\"step\":1}\n\n  \n{\"step\":2}\n")
                                 << QList<int>{1, 2} << 0 << false;
    QTest::newRow("zero bytes at the end (a lost page)")
        << good + QByteArray(16, '\0') << QList<int>{1, 2} << 0 << true;
}

void tst_MetricsLog::damagedLines()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<int>, expectedSteps);
    QFETCH(int, corrupt);
    QFETCH(bool, torn);
    const QString path = file("damaged.jsonl");
    QVERIFY(vdtest::writeBytes(path, content));
    const MetricsContents c = MetricsLog::readAll(path.toStdString());
    std::vector<int64_t> expected(expectedSteps.begin(), expectedSteps.end());
    QCOMPARE(steps(c), expected);
    QCOMPARE(c.corruptLines, int64_t(corrupt));
    QCOMPARE(c.tornLastLine, torn);

    // Appending after damage yields a readable file with the new line at the end.
    {
        MetricsLog log = MetricsLog::open(path.toStdString());
        log.append(100, {{"loss", 1.0}});
    }
    const MetricsContents after = MetricsLog::readAll(path.toStdString());
    expected.push_back(100);
    QCOMPARE(steps(after), expected);
    QVERIFY(!after.tornLastLine);
}

void tst_MetricsLog::tornLastLineIsCutBeforeAppending()
{
    const QString path = file("torn.jsonl");
    QVERIFY(vdtest::writeBytes(path, "{\"step\":1}\n{\"step\":2,\"lo"));
    {
        MetricsLog log = MetricsLog::open(path.toStdString());
        QCOMPARE(log.lastStep(), int64_t(1));
        log.append(2, {{"loss", 0.3}});
    }
    QCOMPARE(vdtest::readBytes(path), QByteArray("{\"step\":1}\n{\"loss\":0.3,\"step\":2}\n"));
}

void tst_MetricsLog::resumeTruncates()
{
    const QString path = file("resume.jsonl");
    {
        MetricsLog log = MetricsLog::open(path.toStdString());
        for (int step = 10; step <= 60; step += 10) {
            log.append(step, {{"loss", 1.0 / step}});
        }
    }
    // A kill mid-write, and a corrupt line, after the last checkpoint at step 40.
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write("garbage\n{\"step\":70,\"lo");
    f.close();

    {
        MetricsLog log = MetricsLog::open(path.toStdString(), 40);
        QCOMPARE(log.lastStep(), int64_t(40));
        log.append(50, {{"loss", 0.5}});
    }
    const MetricsContents c = MetricsLog::readAll(path.toStdString());
    QCOMPARE(steps(c), (std::vector<int64_t>{10, 20, 30, 40, 50}));
    QCOMPARE(c.records().back().numbers.at("loss"), 0.5);
    QCOMPARE(c.corruptLines, int64_t(0));
    QVERIFY(!c.tornLastLine);

    // Resuming from step 0 keeps nothing after it; a missing file is simply created.
    {
        MetricsLog::open(path.toStdString(), 0);
    }
    QVERIFY(MetricsLog::readAll(path.toStdString()).entries.empty());
    {
        MetricsLog::open(file("fresh.jsonl").toStdString(), 500);
    }
    QVERIFY(QFile::exists(file("fresh.jsonl")));
}

void tst_MetricsLog::rejectsEntriesWithoutStep()
{
    MetricsLog log = MetricsLog::open(file("strict.jsonl").toStdString());
    for (const nlohmann::json& bad :
         {nlohmann::json{{"loss", 1.0}}, nlohmann::json{{"step", "7"}}, nlohmann::json::array()}) {
        try {
            log.append(bad);
            QFAIL("an entry without an integer step was logged");
        } catch (const vd::Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Usage);
        }
    }
    log.close();
    QVERIFY_THROWS_EXCEPTION(vd::Error, log.append(1, {}));
    QCOMPARE(vdtest::readBytes(file("strict.jsonl")), QByteArray());
}

QTEST_APPLESS_MAIN(tst_MetricsLog)
#include "tst_MetricsLog.moc"
