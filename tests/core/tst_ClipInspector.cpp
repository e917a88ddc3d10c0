// SPDX-License-Identifier: GPL-3.0-or-later
// vd::ClipInspector on a tiny trained VAE: one inspection gives consistent shapes and values,
// asking again for the same clip (normalization toggled) does not run the model, the
// normalized latents are (z - mean) / std of the VAE's LatentNorm, a given checkpoint folder is
// loaded, and a bad video or a project without checkpoints throws vd::Error(InputData).
#include "project/ClipInspector.h"

#include "project/Project.h"
#include "util/Error.h"

#include "common/TrainedProject.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

class tst_ClipInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inspectsClip();
    void normalizationReusesModelOutputs();
    void givenCheckpoint();
    void errors();
    void usesTheProjectsDetectorSettings();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    vd::Project m_project;
    std::string m_clip;
};

void tst_ClipInspector::initTestCase()
{
    const QString base = qEnvironmentVariable("VD_TEST_TMP", QDir::tempPath());
    QDir().mkpath(base);
    m_dir = std::make_unique<QTemporaryDir>(base + "/clipinspector-XXXXXX");
    QVERIFY(m_dir->isValid());
    const QString project = vdtest::makeTrainedProject(m_dir->path(), false);
    QVERIFY(!project.isEmpty());
    m_project = vd::Project::load(project.toStdString());
    QDirIterator it(m_dir->filePath("data"), {"*.mp4"}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    m_clip = it.next().toStdString();
}

void tst_ClipInspector::inspectsClip()
{
    vd::ClipInspector inspector(m_project, {}, "cpu");
    QVERIFY(inspector.checkpoint().find("step-30") != std::string::npos);
    QCOMPARE(inspector.step(), int64_t(30));
    vd::ClipRequest request;
    request.videoPath = m_clip;
    const vd::ClipInspection r = inspector.inspect(request);
    QCOMPARE(inspector.modelRuns(), int64_t(1));
    const int T = m_project.dataset.frames;
    QCOMPARE(r.input.frames, T);
    QCOMPARE(r.input.width, m_project.dataset.width);
    QCOMPARE(r.reconstruction.frames, T);
    QCOMPARE(r.errorMaps.size(), size_t(T) * r.input.width * r.input.height);
    QCOMPARE(r.error.frameMeanError.size(), size_t(T));
    QCOMPARE(r.latentShape.channels, int64_t(m_project.vae.model.latentChannels));
    QCOMPARE(r.latentShape.frames, int64_t(T));
    QCOMPARE(r.latents.size(), size_t(r.latentShape.size()));
    QCOMPARE(r.logVariance.size(), size_t(r.latentShape.size()));
    QCOMPARE(r.channelStats.size(), size_t(r.latentShape.channels));
    QCOMPARE(r.blobs.channels.size(), size_t(r.latentShape.channels));
    QCOMPARE(r.inputTemporal.frames, int64_t(T));
    QVERIFY(r.psnrDb > 0.0 && std::isfinite(r.psnrDb));
    QVERIFY(!r.normalized);
    // The statistics describe the latents handed out.
    const int64_t plane = r.latentShape.frames * r.latentShape.height * r.latentShape.width;
    double sum = 0.0;
    for (int64_t i = 0; i < plane; ++i) {
        sum += r.latentMap(1, 0)[i];
    }
    QVERIFY(std::abs(sum / plane - r.channelStats[1].mean) < 1e-4);
    double maxError = 0.0;
    for (float e : r.errorMaps) {
        maxError = std::max(maxError, static_cast<double>(e));
    }
    QVERIFY(std::abs(maxError - r.error.maxError) < 1e-6);
}

void tst_ClipInspector::normalizationReusesModelOutputs()
{
    vd::ClipInspector inspector(m_project, {}, "cpu");
    vd::ClipRequest request;
    request.videoPath = m_clip;
    const vd::ClipInspection raw = inspector.inspect(request);
    request.normalized = true;
    const vd::ClipInspection norm = inspector.inspect(request);
    QCOMPARE(inspector.modelRuns(), int64_t(1));
    QVERIFY(norm.normalized);
    QVERIFY(norm.normCalibrated()); // the end of VAE training calibrates it
    const int64_t plane = raw.latentShape.frames * raw.latentShape.height * raw.latentShape.width;
    for (int64_t c = 0; c < raw.latentShape.channels; ++c) {
        for (int64_t i = 0; i < plane; i += 7) {
            const double expected = (raw.latentMap(c, 0)[i] - raw.normMean[c]) / raw.normStd[c];
            QVERIFY(std::abs(norm.latentMap(c, 0)[i] - expected) < 1e-4);
        }
    }
    // Blob z-scores do not change under a per-channel affine map.
    QCOMPARE(norm.blobs.verdict, raw.blobs.verdict);
    // Another clip runs the model again.
    request.start = 1;
    inspector.inspect(request);
    QCOMPARE(inspector.modelRuns(), int64_t(2));
}

void tst_ClipInspector::givenCheckpoint()
{
    const std::string dir = m_project.runDir(vd::Stage::VAE) + "/checkpoints/step-15";
    vd::ClipInspector inspector(m_project, dir, "cpu");
    QCOMPARE(inspector.step(), int64_t(15));
    vd::ClipRequest request;
    request.videoPath = m_clip;
    request.frames = 2;
    const vd::ClipInspection r = inspector.inspect(request);
    QCOMPARE(r.step, int64_t(15));
    QCOMPARE(r.latentShape.frames, int64_t(2));
}

void tst_ClipInspector::usesTheProjectsDetectorSettings()
{
    vd::Project project = m_project;
    project.inspect.blobs.zThreshold = 7.5;
    project.inspect.blobs.regionZ = 3.0;
    vd::ClipInspector inspector(project, {}, "cpu");
    QCOMPARE(inspector.detectorConfig().zThreshold, 7.5);
    vd::ClipRequest request;
    request.videoPath = m_clip;
    const vd::ClipInspection r = inspector.inspect(request);
    QVERIFY(r.blobs.zThreshold >= 7.5); // the floor the project asked for, not the default 4
}

void tst_ClipInspector::errors()
{
    vd::ClipInspector inspector(m_project, {}, "cpu");
    const QString bad = m_dir->filePath("notes.mp4");
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a video\n");
    }
    vd::ClipRequest request;
    request.videoPath = bad.toStdString();
    try {
        inspector.inspect(request);
        QFAIL("a bad video must throw");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), vd::ErrorKind::InputData);
        QVERIFY(std::string(e.what()).find("notes.mp4") != std::string::npos);
    }
    request.videoPath = m_clip;
    request.start = 100000;
    QVERIFY_THROWS_EXCEPTION(vd::Error, inspector.inspect(request));

    vd::Project untrained = m_project;
    untrained.runsDir = "no-runs-here";
    try {
        vd::ClipInspector none(untrained, {}, "cpu");
        QFAIL("a project without checkpoints must throw");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), vd::ErrorKind::InputData);
        QVERIFY(std::string(e.what()).find("train-vae") != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(tst_ClipInspector)
#include "tst_ClipInspector.moc"
