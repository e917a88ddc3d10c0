// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsPlotModel without a window: which figure a metric goes to, how live steps and a
// resumed run's rewritten steps land in the series, the debiased smoothing, the figure list,
// the hover's nearest step and the axis ranges that show a figure whole.
#include "models/MetricsPlotModel.h"

#include "report/DebiasedEMA.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using vd::ui::MetricsPlotModel;
using Figure = MetricsPlotModel::Figure;
using Source = MetricsPlotModel::Source;

Q_DECLARE_METATYPE(MetricsPlotModel::Figure)

namespace {

/// Points of one metric at `steps`, value = step / 10.
MetricsPlotModel::PointsMap line(const QString& name, const QVector<double>& steps)
{
    MetricsPlotModel::PointsMap map;
    for (double s : steps) {
        MetricsPlotModel::addPoint(map, name, s, s / 10.0);
    }
    return map;
}

QVector<double> keysOf(const QCPGraphDataContainer& data)
{
    QVector<double> keys;
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        keys.push_back(it->key);
    }
    return keys;
}

} // namespace

class tst_MetricsPlotModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void figureOf_data();
    void figureOf();
    void liveStepsBecomePoints();
    void laterBatchRewritesFromItsFirstStep();
    void smoothingIsDebiasedEMA();
    void figuresListLossThenThoseWithData();
    void nearestStepSnapsToLoggedStep();
    void ranges_data();
    void ranges();
    void readRunKeepsRestartAndSkipsTornLine();
};

void tst_MetricsPlotModel::figureOf_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("drawn");
    QTest::addColumn<Figure>("figure");
    QTest::newRow("loss") << "loss" << true << Figure::Loss;
    QTest::newRow("term") << "recon" << true << Figure::Loss;
    QTest::newRow("lr") << "lr" << true << Figure::LearningRate;
    QTest::newRow("grad") << "grad_norm" << true << Figure::GradNorm;
    QTest::newRow("wait") << "wait_ms" << true << Figure::Timing;
    QTest::newRow("psnr") << "probe_psnr" << true << Figure::ProbePSNR;
    QTest::newRow("blob max") << "blob_score_max" << true << Figure::LatentHealth;
    QTest::newRow("latent") << "latent_kurtosis" << true << Figure::LatentHealth;
    QTest::newRow("blob channel") << "blob_score_c3" << true << Figure::BlobChannels;
    QTest::newRow("accuracy") << "judge_acc_circle" << true << Figure::SampleAccuracy;
    QTest::newRow("recognisable") << "judge_recognisable_acc" << true << Figure::SampleAccuracy;
    QTest::newRow("frechet") << "judge_fd_floor" << true << Figure::SampleFrechet;
    QTest::newRow("ratio") << "judge_flicker_ratio" << true << Figure::SampleRatios;
    QTest::newRow("beta") << "beta" << true << Figure::Other;
    QTest::newRow("skipped") << "skipped" << false << Figure::Loss;
    QTest::newRow("time") << "time_s" << false << Figure::Loss;
    QTest::newRow("total") << "total" << false << Figure::Loss;
}

void tst_MetricsPlotModel::figureOf()
{
    QFETCH(QString, key);
    QFETCH(bool, drawn);
    QFETCH(Figure, figure);
    Figure got = Figure::Loss;
    QCOMPARE(MetricsPlotModel::figureOf(key, &got), drawn);
    if (drawn) {
        QCOMPARE(got, figure);
    }
}

void tst_MetricsPlotModel::liveStepsBecomePoints()
{
    QVector<vd::StepMetrics> steps(2);
    steps[0].step = 1;
    steps[0].loss = 0.5;
    steps[0].learningRate = 1e-3;
    steps[0].gradNorm = std::numeric_limits<double>::quiet_NaN(); // left out
    steps[0].terms = {{"recon", 0.4}, {"skipped", 1.0}};
    steps[1].step = 2;
    steps[1].loss = 0.4;
    const MetricsPlotModel::PointsMap points = MetricsPlotModel::pointsOf(steps);
    QCOMPARE(points.at("loss").first, (QVector<double>{1, 2}));
    QCOMPARE(points.at("loss").second, (QVector<double>{0.5, 0.4}));
    QCOMPARE(points.at("grad_norm").first, (QVector<double>{2}));
    QCOMPARE(points.at("recon").first, (QVector<double>{1}));
    QVERIFY(points.count("skipped") == 0);

    MetricsPlotModel model;
    QVERIFY(model.appendRun(points));
    QCOMPARE(model.pointCount("loss"), 2);
    QCOMPARE(model.pointCount("unknown"), 0);
    QCOMPARE(model.lastStep(), qint64(2));
    // "loss" comes first, the other terms by name.
    QCOMPARE(model.names(Source::Run, Figure::Loss), (QStringList{"loss", "recon"}));
}

void tst_MetricsPlotModel::laterBatchRewritesFromItsFirstStep()
{
    MetricsPlotModel model;
    QVERIFY(model.appendRun(line("loss", {1, 2, 3, 4, 5})));
    // A resumed run logs step 3 again: the points from 3 on are replaced, no new metric.
    QVERIFY(!model.appendRun(line("loss", {3, 4})));
    QCOMPARE(keysOf(*model.runSeries("loss")->raw), (QVector<double>{1, 2, 3, 4}));
    QCOMPARE(keysOf(*model.runSeries("loss")->smooth), (QVector<double>{1, 2, 3, 4}));
    QCOMPARE(model.lastStep(), qint64(4));
    // Within one batch too: a step at or before the newest drops the later points.
    MetricsPlotModel::PointsMap batch = line("lr", {1, 2, 3});
    MetricsPlotModel::addPoint(batch, "lr", 2, 7.0);
    QCOMPARE(batch.at("lr").first, (QVector<double>{1, 2}));
    QCOMPARE(batch.at("lr").second, (QVector<double>{0.1, 7.0}));
    model.clearRun();
    QCOMPARE(model.lastStep(), qint64(0));
    QVERIFY(model.runSeries("loss") == nullptr);
}

void tst_MetricsPlotModel::smoothingIsDebiasedEMA()
{
    MetricsPlotModel model;
    model.setSmoothing(0.0, Figure::Loss);
    const QVector<double> values{4.0, 2.0, 6.0, 1.0};
    MetricsPlotModel::PointsMap batch;
    for (int i = 0; i < values.size(); ++i) {
        MetricsPlotModel::addPoint(batch, "loss", i + 1, values[i]);
    }
    model.appendRun(batch);
    const MetricsPlotModel::Series* s = model.runSeries("loss");
    QCOMPARE(s->smooth->at(3)->value, 1.0); // weight 0: raw
    QCOMPARE(s->minValue, 1.0);
    QCOMPARE(s->maxValue, 6.0);

    model.setSmoothing(0.8, Figure::Loss);
    vd::DebiasedEMA ema(0.8);
    for (int i = 0; i < values.size(); ++i) {
        QCOMPARE(s->smooth->at(i)->value, ema.feed(values[i]));
    }
    QCOMPARE(s->smooth->at(0)->value, 4.0); // debiased: the first point is not pulled to 0
}

void tst_MetricsPlotModel::figuresListLossThenThoseWithData()
{
    MetricsPlotModel model;
    QCOMPARE(model.figures(), QVector<Figure>{Figure::Loss});
    model.appendRun(line("probe_psnr", {1, 2}));
    model.setOverlay("/runs/old/metrics.jsonl", line("lr", {1}));
    QCOMPARE(model.figures(),
             (QVector<Figure>{Figure::Loss, Figure::LearningRate, Figure::ProbePSNR}));
    QCOMPARE(model.overlayPath(), QString("/runs/old/metrics.jsonl"));
    QCOMPARE(model.names(Source::Overlay, Figure::LearningRate), QStringList{"lr"});
    QVERIFY(model.names(Source::Run, Figure::LearningRate).isEmpty());
    model.clearOverlay();
    QVERIFY(model.overlayPath().isEmpty());
    QCOMPARE(model.figures(), (QVector<Figure>{Figure::Loss, Figure::ProbePSNR}));
    // Colour ordinals stay with their names.
    QCOMPARE(model.ordinalOf("loss"), 0);
    QCOMPARE(model.ordinalOf("recon"), 1);
    QCOMPARE(model.ordinalOf("loss"), 0);
}

void tst_MetricsPlotModel::nearestStepSnapsToLoggedStep()
{
    MetricsPlotModel model;
    double nearest = -1.0;
    QVERIFY(!model.nearestStep(Figure::Loss, 5.0, &nearest));
    model.appendRun(line("loss", {10, 20, 30}));
    QVERIFY(model.nearestStep(Figure::Loss, 14.0, &nearest));
    QCOMPARE(nearest, 10.0);
    QVERIFY(model.nearestStep(Figure::Loss, 16.0, &nearest));
    QCOMPARE(nearest, 20.0);
    QVERIFY(model.nearestStep(Figure::Loss, 100.0, &nearest));
    QCOMPARE(nearest, 30.0);
    QVERIFY(model.nearestStep(Figure::Loss, -5.0, &nearest));
    QCOMPARE(nearest, 10.0);
    QVERIFY(!model.nearestStep(Figure::GradNorm, 10.0, &nearest));
}

void tst_MetricsPlotModel::ranges_data()
{
    QTest::addColumn<QVector<double>>("values"); // at steps 0, 100, 200, ...
    QTest::addColumn<bool>("log");
    QTest::addColumn<double>("xLow");
    QTest::addColumn<double>("xHigh");
    QTest::addColumn<double>("yLow");
    QTest::addColumn<double>("yHigh");
    QTest::newRow("empty") << QVector<double>{} << false << 0.0 << 100.0 << 0.0 << 1.0;
    QTest::newRow("empty, log") << QVector<double>{} << true << 0.0 << 100.0 << 0.01 << 1.0;
    // 5% of the value span either side; 2% of the step span to the right.
    QTest::newRow("linear") << QVector<double>{1.0, 3.0} << false << 0.0 << 102.0 << 0.9 << 3.1;
    // One point: one step wide; a flat curve gets 10% of its value as span.
    QTest::newRow("one point") << QVector<double>{2.0} << false << 0.0 << 1.02 << 1.99 << 2.01;
    // Log: the smallest positive value / 1.3 to the largest x 1.3, at least a decade.
    QTest::newRow("log") << QVector<double>{-1.0, 0.13, 2.0} << true << 0.0 << 204.0 << 0.1 << 2.6;
    QTest::newRow("log, narrow") << QVector<double>{0.13, 0.2} << true << 0.0 << 102.0 << 0.1
                                 << 1.0;
}

void tst_MetricsPlotModel::ranges()
{
    QFETCH(QVector<double>, values);
    QFETCH(bool, log);
    QFETCH(double, xLow);
    QFETCH(double, xHigh);
    QFETCH(double, yLow);
    QFETCH(double, yHigh);
    MetricsPlotModel model;
    MetricsPlotModel::PointsMap batch;
    for (int i = 0; i < values.size(); ++i) {
        MetricsPlotModel::addPoint(batch, "loss", 100.0 * i, values[i]);
    }
    model.appendRun(batch);
    const MetricsPlotModel::Ranges r = model.ranges(Figure::Loss, log);
    QVERIFY2(std::abs(r.xLow - xLow) < 1e-9, qPrintable(QString::number(r.xLow)));
    QVERIFY2(std::abs(r.xHigh - xHigh) < 1e-9, qPrintable(QString::number(r.xHigh)));
    QVERIFY2(std::abs(r.yLow - yLow) < 1e-9, qPrintable(QString::number(r.yLow)));
    QVERIFY2(std::abs(r.yHigh - yHigh) < 1e-9, qPrintable(QString::number(r.yHigh)));
}

void tst_MetricsPlotModel::readRunKeepsRestartAndSkipsTornLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("metrics.jsonl");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // Steps 1-3, a restart from step 2 (rewriting 2), then a line cut by a kill.
    f.write("{\"step\":1,\"loss\":0.5,\"time_s\":1}\n{\"step\":2,\"loss\":0.4}\n"
            "{\"step\":3,\"loss\":0.3}\n{\"step\":2,\"loss\":0.45,\"lr\":0.001}\n{\"step\":3,\"lo");
    f.close();
    const MetricsPlotModel::LoadedRun run = MetricsPlotModel::readRun(path);
    QVERIFY(run.error.isEmpty());
    QCOMPARE(run.path, path);
    QCOMPARE(run.lines, 4);
    QCOMPARE(run.series.at("loss").first, (QVector<double>{1, 2}));
    QCOMPARE(run.series.at("loss").second, (QVector<double>{0.5, 0.45}));
    QCOMPARE(run.series.at("lr").first, (QVector<double>{2}));
    QVERIFY(run.series.count("time_s") == 0);

    const MetricsPlotModel::LoadedRun missing =
        MetricsPlotModel::readRun(dir.filePath("none.jsonl"));
    QVERIFY(missing.error.isEmpty());
    QCOMPARE(missing.lines, 0);
    QVERIFY(missing.series.empty());
}

QTEST_APPLESS_MAIN(tst_MetricsPlotModel)
#include "tst_MetricsPlotModel.moc"
