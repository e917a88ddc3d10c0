// SPDX-License-Identifier: GPL-3.0-or-later
// The sample judge's k-NN manifolds (improved precision and recall, Kynkäänniemi et al. 2019)
// on hand-made feature sets: radii and membership worked out by hand, the largest balls pruned,
// a generated set equal to the real one scores 1 and 1, a far-away cluster scores 0, a
// collapsed set sitting on one real point is all precision and no recall, and a lone real
// outlier does not make what lands near it "real". No model, no data: milliseconds.
#include "diffusion/Random.h"
#include "judge/FeatureStats.h"
#include "judge/JudgeReport.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace vd;

namespace {

/// Points on a line as [N,1] features.
torch::Tensor line(std::vector<double> xs)
{
    return torch::tensor(xs, torch::kDouble).unsqueeze(1);
}

/// A fixed cloud of `n` points in `d` dimensions (its own generator: no global RNG state).
torch::Tensor cloud(int64_t n, int64_t d, uint64_t seed)
{
    at::Generator generator = makeGenerator(seed);
    return torch::randn({n, d}, generator, torch::kDouble);
}

} // namespace

class tst_FeatureStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void radiiAreKthNearestOtherPoint();
    void radiiOfTinySetsClampK();
    void largestBallsArePruned();
    void membershipIncludesTheBoundary();
    void identicalSetsScoreOne();
    void farClusterHasNoPrecision();
    void collapsedSetHasPrecisionButNoRecall();
    void halfOffManifoldHalvesPrecision();
    void isolatedRealPointDoesNotVouch();
    void tooFewPointsAreNotMeasured();
    void reportCarriesTheNewFigures();
};

void tst_FeatureStats::radiiAreKthNearestOtherPoint()
{
    // Distances from 0: 1, 3, 6, 10; from 1: 1, 2, 5, 9; from 3: 2, 3, 3, 7; from 6: 3, 4, 5, 6;
    // from 10: 4, 7, 9, 10.
    // No pruning (keep quantile 1) for the plain k-NN radii.
    const torch::Tensor points = line({0, 1, 3, 6, 10});
    const torch::Tensor k1 = manifoldRadii(points, 1, 1.0);
    QVERIFY(torch::equal(k1, torch::tensor({1.0, 1.0, 2.0, 3.0, 4.0}, torch::kDouble)));
    const torch::Tensor k3 = manifoldRadii(points, kManifoldNeighbours, 1.0);
    QCOMPARE(kManifoldNeighbours, 3); // the paper's and the judge's k
    QVERIFY(torch::equal(k3, torch::tensor({6.0, 5.0, 3.0, 5.0, 9.0}, torch::kDouble)));
    // In two dimensions: a 3-4-5 triangle and a far point, nearest to the corner (0, 4).
    const torch::Tensor plane =
        torch::tensor({0.0, 0.0, 3.0, 0.0, 0.0, 4.0, 30.0, 40.0}, torch::kDouble).view({4, 2});
    const torch::Tensor expected =
        torch::tensor({3.0, 3.0, 4.0, std::hypot(30.0, 36.0)}, torch::kDouble);
    QVERIFY(torch::allclose(manifoldRadii(plane, 1, 1.0), expected));
}

void tst_FeatureStats::radiiOfTinySetsClampK()
{
    // With fewer than k other points the farthest other point sets the radius.
    QVERIFY(torch::equal(manifoldRadii(line({0, 2})), torch::tensor({2.0, 2.0}, torch::kDouble)));
    QVERIFY(torch::equal(manifoldRadii(line({0, 2, 7})),
                         torch::tensor({7.0, 5.0, 7.0}, torch::kDouble)));
    QCOMPARE(manifoldRadii(line({5})).numel(), int64_t(0));
    QCOMPARE(manifoldRadii(torch::Tensor()).numel(), int64_t(0));
}

void tst_FeatureStats::largestBallsArePruned()
{
    // Radii {6, 5, 3, 5, 9}: their 0.9 quantile is 7.8 (linear between 6 and 9), so the ball of
    // the point at 10 shrinks to the point itself; a median cut keeps only radii up to 5.
    const torch::Tensor points = line({0, 1, 3, 6, 10});
    QCOMPARE(kManifoldKeepQuantile, 0.9);
    QVERIFY(torch::equal(manifoldRadii(points),
                         torch::tensor({6.0, 5.0, 3.0, 5.0, 0.0}, torch::kDouble)));
    QVERIFY(torch::equal(manifoldRadii(points, 3, 0.5),
                         torch::tensor({0.0, 5.0, 3.0, 5.0, 0.0}, torch::kDouble)));
    // Equal radii are all kept.
    QVERIFY(torch::equal(manifoldRadii(line({0, 1, 2, 3})),
                         torch::tensor({3.0, 2.0, 2.0, 3.0}, torch::kDouble)));
}

void tst_FeatureStats::membershipIncludesTheBoundary()
{
    const torch::Tensor points = line({0, 10});
    const torch::Tensor radii = torch::tensor({1.0, 1.0}, torch::kDouble);
    const torch::Tensor on = onManifold(points, radii, line({0.5, 5, 10.9, -1, 11.5}));
    QVERIFY(torch::equal(on, torch::tensor({true, false, true, true, false})));
    const torch::Tensor noRadii = torch::empty({0}, torch::kDouble);
    QCOMPARE(onManifold(points, noRadii, line({0})).item<bool>(), false);
}

void tst_FeatureStats::identicalSetsScoreOne()
{
    const torch::Tensor real = cloud(40, 8, 1);
    const PrecisionRecall same = precisionRecall(real, real.clone());
    QCOMPARE(same.precision, 1.0);
    QCOMPARE(same.recall, 1.0);
    // Float features as the judge hands them over give the same.
    const PrecisionRecall single = precisionRecall(real.to(torch::kFloat), real.to(torch::kFloat));
    QCOMPARE(single.precision, 1.0);
    QCOMPARE(single.recall, 1.0);
}

void tst_FeatureStats::farClusterHasNoPrecision()
{
    const torch::Tensor real = cloud(40, 8, 2);
    const torch::Tensor far = cloud(40, 8, 3) + 100.0;
    const PrecisionRecall pr = precisionRecall(real, far);
    QCOMPARE(pr.precision, 0.0);
    QCOMPARE(pr.recall, 0.0);
}

void tst_FeatureStats::collapsedSetHasPrecisionButNoRecall()
{
    // Every generated point is one real point: all of them look real, but they cover nothing
    // else of the real set (their own radii are 0), so only that one real point is recalled.
    const torch::Tensor real = cloud(40, 8, 4);
    const torch::Tensor collapsed = real.narrow(0, 5, 1).expand({20, -1}).contiguous();
    const PrecisionRecall pr = precisionRecall(real, collapsed);
    QCOMPARE(pr.precision, 1.0);
    QCOMPARE(pr.recall, 1.0 / 40.0);
    // Slightly off the point, still well inside its ball: the same verdict.
    const PrecisionRecall near = precisionRecall(real, collapsed + 1e-6, 3, 1.0);
    QCOMPARE(near.precision, 1.0);
    QVERIFY2(near.recall <= 1.0 / 40.0, qPrintable(QString::number(near.recall)));
}

void tst_FeatureStats::halfOffManifoldHalvesPrecision()
{
    const torch::Tensor real = cloud(40, 8, 5);
    const torch::Tensor half = torch::cat({real.narrow(0, 0, 10), cloud(10, 8, 6) + 100.0});
    const PrecisionRecall pr = precisionRecall(real, half);
    QCOMPARE(pr.precision, 0.5);
    // The ten real-looking points recall at least themselves; the far ones recall nothing.
    QVERIFY(pr.recall >= 10.0 / 40.0 && pr.recall < 1.0);
}

void tst_FeatureStats::isolatedRealPointDoesNotVouch()
{
    // Forty real points in a cloud and one far from all of them: its ball reaches back to the
    // cloud, so everything between them is "real" to the plain k-NN manifold. Pruned, the
    // generated points near the lone one are not.
    torch::Tensor outlier = torch::zeros({1, 8}, torch::kDouble);
    outlier[0][0] = 40.0;
    const torch::Tensor real = torch::cat({cloud(40, 8, 9), outlier});
    torch::Tensor generated = cloud(10, 8, 10) * 0.5;
    generated.select(1, 0).add_(30.0);
    QCOMPARE(precisionRecall(real, generated, 3, 1.0).precision, 1.0);
    QCOMPARE(precisionRecall(real, generated).precision, 0.0);
    // The cloud itself stays real.
    QCOMPARE(precisionRecall(real, real.narrow(0, 0, 40)).precision, 1.0);
}

void tst_FeatureStats::tooFewPointsAreNotMeasured()
{
    const torch::Tensor real = cloud(10, 4, 7);
    const PrecisionRecall oneGenerated = precisionRecall(real, real.narrow(0, 0, 1));
    QCOMPARE(oneGenerated.precision, 1.0);
    QCOMPARE(oneGenerated.recall, -1.0); // one generated point has no radius
    const PrecisionRecall oneReal = precisionRecall(real.narrow(0, 0, 1), real);
    QCOMPARE(oneReal.precision, -1.0);
    QCOMPARE(oneReal.recall, 1.0); // the one real point is among the generated ones
    const PrecisionRecall none = precisionRecall(real, torch::empty({0, 4}, torch::kDouble));
    QCOMPARE(none.precision, -1.0);
    QCOMPARE(none.recall, -1.0);
    QVERIFY_EXCEPTION_THROWN(precisionRecall(real, cloud(10, 5, 8)), Error);
}

void tst_FeatureStats::reportCarriesTheNewFigures()
{
    JudgeReport r;
    r.judge.features = "classifier";
    r.judge.labels = {"circle", "triangle"};
    r.samples = 4;
    r.classAccuracy = 1.0;
    r.recognisableAccuracy = 0.25;
    r.precision = 0.5;
    r.recall = 0.125;
    r.realPrecision = 0.875;
    r.realRecall = 0.75;
    JudgeClassFigures triangle;
    triangle.label = "triangle";
    triangle.samples = 4;
    triangle.accuracy = 1.0;
    triangle.recognisableAccuracy = 0.25;
    triangle.heldAccuracy = 0.75;
    triangle.precision = 0.25;
    triangle.recall = 0.5;
    triangle.realPrecision = 1.0;
    triangle.realRecall = 0.625;
    r.classes = {triangle};
    r.heldAccuracy = 0.75;
    r.realHeldAccuracy = 1.0;
    r.drift = 3.0;
    r.realDrift = 2.0;
    r.driftRatio = 1.5;

    const nlohmann::json j = r;
    QCOMPARE(j.at("class_accuracy").get<double>(), 1.0);
    QCOMPARE(j.at("recognisable_accuracy").get<double>(), 0.25);
    QCOMPARE(j.at("precision").get<double>(), 0.5);
    QCOMPARE(j.at("recall").get<double>(), 0.125);
    QCOMPARE(j.at("real_precision").get<double>(), 0.875);
    QCOMPARE(j.at("real_recall").get<double>(), 0.75);
    QCOMPARE(j.at("held_accuracy").get<double>(), 0.75);
    QCOMPARE(j.at("real_held_accuracy").get<double>(), 1.0);
    QCOMPARE(j.at("drift_ratio").get<double>(), 1.5);
    const nlohmann::json& c = j.at("classes").at(0);
    QCOMPARE(c.at("accuracy").get<double>(), 1.0);
    QCOMPARE(c.at("recognisable_accuracy").get<double>(), 0.25);
    QCOMPARE(c.at("precision").get<double>(), 0.25);
    QCOMPARE(c.at("recall").get<double>(), 0.5);
    QCOMPARE(c.at("real_precision").get<double>(), 1.0);
    QCOMPARE(c.at("real_recall").get<double>(), 0.625);
    QCOMPARE(c.at("held_accuracy").get<double>(), 0.75);

    const std::map<std::string, double> m = judgeMetrics(r);
    QCOMPARE(m.at("judge_acc"), 1.0);
    QCOMPARE(m.at("judge_recognisable_acc"), 0.25);
    QCOMPARE(m.at("judge_precision"), 0.5);
    QCOMPARE(m.at("judge_recall"), 0.125);
    QCOMPARE(m.at("judge_precision_floor"), 0.875);
    QCOMPARE(m.at("judge_recall_floor"), 0.75);
    QCOMPARE(m.at("judge_held_acc"), 0.75);
    QCOMPARE(m.at("judge_held_acc_floor"), 1.0);
    QCOMPARE(m.at("judge_drift_ratio"), 1.5);
    r.recognisableAccuracy = -1; // not measured: left out
    QVERIFY(judgeMetrics(r).count("judge_recognisable_acc") == 0);

    // The terminal text puts the new figures next to class accuracy.
    const QString text = QString::fromStdString(formatJudgeReport(r));
    QVERIFY2(text.contains("class accuracy") && text.contains("recognisable"), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression("precision +0\\.500 +real vs real 0\\.875")),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression("recall +0\\.125 +real vs real 0\\.750")),
             qPrintable(text));
    QVERIFY2(
        text.contains(QRegularExpression("triangle +100\\.0% +25\\.0% +75\\.0% +0\\.25 +0\\.50")),
        qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression("held +75\\.0% .*real 100\\.0%")), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression("drift +3\\.000 +real 2\\.000 +ratio 1\\.50")),
             qPrintable(text));
    // A figure that was not measured is a dash, not -100%.
    r.classes.front().heldAccuracy = -1;
    QVERIFY2(QString::fromStdString(formatJudgeReport(r))
                 .contains(QRegularExpression("triangle +100\\.0% +25\\.0% +- +0\\.25")),
             qPrintable(text));
    r.classes.front().recognisableAccuracy = -1; // too few real clips of the class
    const QString unmeasured = QString::fromStdString(formatJudgeReport(r));
    QVERIFY2(!unmeasured.contains("-100"), qPrintable(unmeasured));
    QVERIFY2(unmeasured.contains(QRegularExpression("triangle +100\\.0% +- +- +0\\.25")),
             qPrintable(unmeasured));
}

QTEST_APPLESS_MAIN(tst_FeatureStats)
#include "tst_FeatureStats.moc"
