// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI contract: help and version, exit codes 2/3, one-line errors, JSON output.
#include "common/TestUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class tst_Cli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void probeGoodAndBad();
    void demoDatasetScan();
};

void tst_Cli::versionAndHelp()
{
    const auto v = vdtest::run(vdtest::cliPath(), {"--version"});
    QCOMPARE(v.exitCode, 0);
    QVERIFY(v.out.startsWith("vdstudio-cli "));
    QVERIFY(v.out.contains("LibTorch"));
    QVERIFY(v.out.contains("FFmpeg"));
    QVERIFY2(v.out.contains("malloc " VD_EXPECTED_ALLOCATOR), qPrintable(v.out));

    const auto h = vdtest::run(vdtest::cliPath(), {"--help"});
    QCOMPARE(h.exitCode, 0);
    for (const char* cmd : {"probe", "scan", "make-demo-dataset", "bench-decode"}) {
        QVERIFY2(h.out.contains(cmd), cmd);
    }
    const auto ch = vdtest::run(vdtest::cliPath(), {"scan", "--help"});
    QCOMPARE(ch.exitCode, 0);
    QVERIFY(ch.out.contains("--json"));
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no command") << QStringList{} << QString("usage");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << QString("frobnicate");
    QTest::newRow("unknown flag") << QStringList{"scan", "/tmp", "--bogus"} << QString("--bogus");
    QTest::newRow("missing value") << QStringList{"bench-decode", "x.mp4", "--size"}
                                   << QString("--size");
    QTest::newRow("bad number") << QStringList{"make-demo-dataset", "/tmp/x", "--clips", "ten"}
                                << QString("--clips");
    QTest::newRow("out of range") << QStringList{"make-demo-dataset", "/tmp/x", "--size", "0"}
                                  << QString("--size");
    QTest::newRow("bad kind") << QStringList{"make-demo-dataset", "/tmp/x", "--kind", "cats"}
                              << QString("cats");
    QTest::newRow("missing file arg") << QStringList{"probe"} << QString("FILE");
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const auto r = vdtest::run(vdtest::cliPath(), args);
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 2);
    const QByteArray text = args.isEmpty() ? r.out : r.err;
    QVERIFY2(text.contains(mentions.toUtf8()), text.constData());
    if (!args.isEmpty()) {
        QCOMPARE(r.err.count('\n'), 1); // one line, no stack trace
    }
}

void tst_Cli::probeGoodAndBad()
{
    QTemporaryDir dir;
    const QString good = dir.filePath("good.mp4");
    QVERIFY(vdtest::ffmpeg({"-f", "lavfi", "-i", "testsrc2=size=48x32:rate=10:duration=1",
                            "-c:v", "libx264", "-pix_fmt", "yuv420p", good}));
    const QString text = dir.filePath("notes.mp4");
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a video\n");
    }
    const auto r = vdtest::run(vdtest::cliPath(), {"probe", good, text});
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject g = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(g.value("ok").toBool(), true);
    QCOMPARE(g.value("width").toInt(), 48);
    QCOMPARE(g.value("height").toInt(), 32);
    QCOMPARE(g.value("frames").toInt(), 10);
    QCOMPARE(g.value("fps").toObject().value("num").toInt(), 10);
    QCOMPARE(g.value("codec").toString(), QString("h264"));
    const QJsonObject b = QJsonDocument::fromJson(lines[1]).object();
    QCOMPARE(b.value("ok").toBool(), false);
    QVERIFY(b.value("error").toString().contains("notes.mp4"));

    const auto missing = vdtest::run(vdtest::cliPath(), {"bench-decode", dir.filePath("nope.mp4")});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY(missing.err.contains("nope.mp4"));
    QCOMPARE(missing.err.count('\n'), 1);
}

void tst_Cli::demoDatasetScan()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("demo");
    const auto make = vdtest::run(vdtest::cliPath(), {"make-demo-dataset", data, "--clips", "6",
                                                      "--size", "32", "--frames", "4"});
    QCOMPARE(make.exitCode, 0);
    QVERIFY(make.out.contains("wrote 6 clips"));
    const auto scan = vdtest::run(vdtest::cliPath(), {"scan", data, "--json"});
    QCOMPARE(scan.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(scan.out).object();
    QCOMPARE(j.value("clips").toArray().size(), 6);
    QVERIFY(j.value("labels").toArray().size() >= 3);
    QCOMPARE(j.value("skipped").toArray().size(), 0);
    const auto report = vdtest::run(vdtest::cliPath(), {"scan", data});
    QCOMPARE(report.exitCode, 0);
    QVERIFY(report.out.contains("clips: 6"));
    QVERIFY(report.out.contains("probed now: 0")); // the index file spared the re-probe
}

QTEST_APPLESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
