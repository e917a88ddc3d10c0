// SPDX-License-Identifier: GPL-3.0-or-later
// `vdstudio-cli inspect` as a user runs it: on a real (tiny, briefly trained) VAE it writes a
// complete report with one entry and one readable heatmap per latent channel, a verdict and no
// NaN; a bad video or a project without a trained VAE end in exit 3 with a one-line reason.
#include "../common/ProjectFixture.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class tst_InspectCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportAndImages();
    void badInputVideo();
    void missingTrainedVAE();

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_clip;
};

namespace {

/// Path of some JSON value holding null (how NaN/inf come out of nlohmann::json), or "".
QString findNull(const QJsonValue& v, const QString& path)
{
    if (v.isNull()) {
        return path;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString found = findNull(it.value(), path + "/" + it.key());
            if (!found.isEmpty()) {
                return found;
            }
        }
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString found = findNull(a[i], path + "/" + QString::number(i));
            if (!found.isEmpty()) {
                return found;
            }
        }
    }
    return {};
}

/// The "vdstudio-cli: error: ..." lines of a command's stderr.
QList<QByteArray> errorLines(const QByteArray& err)
{
    QList<QByteArray> lines;
    for (const QByteArray& line : err.split('\n')) {
        if (line.startsWith("vdstudio-cli: error:")) {
            lines.push_back(line);
        }
    }
    return lines;
}

} // namespace

void tst_InspectCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 32x32 frames, 4 per clip and 30 steps of batch 4: a real VAE in a few seconds.
    m_project = vdtest::makeDemoProject(m_dir.path(), 40, 32, 8,
                                        {{"/dataset/width", 32},
                                         {"/dataset/height", 32},
                                         {"/dataset/frames", 4},
                                         {"/vae/train/batch_size", 4},
                                         {"/vae/train/checkpoint_every", 30},
                                         {"/vae/train/preview_every", 0},
                                         {"/vae/train/log_every", 10}});
    QVERIFY(!m_project.isEmpty());
    const auto train = vdtest::run(vdtest::cliPath(), {"train-vae", m_project, "--steps", "30"});
    QVERIFY2(train.exitCode == 0, train.err.constData());

    QDirIterator it(m_dir.filePath("data"), {"*.mp4"}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    m_clip = it.next();
}

void tst_InspectCli::reportAndImages()
{
    const QString out = m_dir.filePath("inspect");
    const auto r = vdtest::run(vdtest::cliPath(),
                               {"inspect", m_project, "--input", m_clip, "--out", out, "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError parseError;
    const QJsonObject report = QJsonDocument::fromJson(r.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, r.out.constData());
    QCOMPARE(report.value("schema").toString(), QString("vdstudio-inspect/1"));
    QCOMPARE(report.value("frames").toInt(), 4);
    QVERIFY(QFile::exists(out + "/report.json"));

    const QJsonArray shape = report.value("latent_shape").toArray();
    QCOMPARE(shape.size(), 4);
    const int channels = shape[0].toInt();
    QVERIFY(channels >= 1);
    QCOMPARE(shape[1].toInt(), 4);
    const QJsonArray entries = report.value("channels").toArray();
    QCOMPARE(entries.size(), channels);

    const QString verdict = report.value("verdict").toString();
    QVERIFY2(QStringList({"clean", "suspicious", "blobs"}).contains(verdict), qPrintable(verdict));
    QVERIFY(!report.value("reason").toString().isEmpty());
    const QString nullAt = findNull(report, "");
    QVERIFY2(nullAt.isEmpty(), qPrintable("NaN or inf at " + nullAt));

    for (int c = 0; c < channels; ++c) {
        const QJsonObject e = entries[c].toObject();
        QCOMPARE(e.value("channel").toInt(), c);
        for (const char* key :
             {"mean", "std", "min", "max", "p1", "p50", "p99", "excess_kurtosis", "max_abs_z",
              "top1_energy_share", "high_freq_energy_share", "blob_score"}) {
            QVERIFY2(e.value(key).isDouble(), key);
        }
        QVERIFY(e.value("min").toDouble() <= e.value("max").toDouble());
        QVERIFY(e.value("blobs").isArray());

        const QString png = out + QString("/channel-%1.png").arg(c);
        QVERIFY2(QFile::exists(png), qPrintable(png));
        const int width = vdtest::ffprobeEntry(png, "width").toInt();
        const int height = vdtest::ffprobeEntry(png, "height").toInt();
        QVERIFY2(width >= 64 && height >= 64, qPrintable(png));
        const QByteArray pixels = vdtest::ffmpegDecode(png);
        QCOMPARE(pixels.size(), width * height * 3);
    }
    for (const char* name : {"input.png", "reconstruction.png", "error.png", "channels.png"}) {
        QVERIFY2(!vdtest::ffmpegDecode(out + "/" + name).isEmpty(), name);
    }
    const QJsonObject rec = report.value("reconstruction").toObject();
    QVERIFY(rec.value("psnr_db").toDouble() > 0.0);
    QVERIFY(rec.value("regions").isArray());
    QVERIFY(report.value("temporal").toObject().contains("reconstruction"));
    // Real motion to compare with: the dataset's clips (default 16 of them).
    const QJsonObject dataset = report.value("temporal").toObject().value("dataset").toObject();
    QCOMPARE(dataset.value("clips").toInt(), 16);
    const QJsonObject change = dataset.value("mean_change").toObject();
    QVERIFY(change.value("min").toDouble() > 0.0);
    QVERIFY(change.value("min").toDouble() <= change.value("max").toDouble());
}

void tst_InspectCli::badInputVideo()
{
    const QString bad = m_dir.filePath("notes.mp4");
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a video\n");
    }
    const auto r = vdtest::run(
        vdtest::cliPath(), {"inspect", m_project, "--input", bad, "--out", m_dir.filePath("bad")});
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    // FFmpeg's own warnings may come first (media logger); the error itself is one line.
    const QList<QByteArray> errors = errorLines(r.err);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains("notes.mp4"), r.err.constData());
}

void tst_InspectCli::missingTrainedVAE()
{
    // Its own folder, so that its runs/ is not the trained project's.
    QVERIFY(QDir(m_dir.path()).mkpath("untrained"));
    const QString untrained = m_dir.filePath("untrained/p.vdproj");
    const auto create = vdtest::run(vdtest::cliPath(),
                                    {"new-project", untrained, "--data", m_dir.filePath("data")});
    QVERIFY2(create.exitCode == 0, create.err.constData());
    const auto r = vdtest::run(vdtest::cliPath(), {"inspect", untrained, "--input", m_clip, "--out",
                                                   m_dir.filePath("none")});
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    const QList<QByteArray> errors = errorLines(r.err);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains("train-vae"), r.err.constData());
}

QTEST_APPLESS_MAIN(tst_InspectCli)
#include "tst_InspectCli.moc"
