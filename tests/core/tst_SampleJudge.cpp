// SPDX-License-Identifier: GPL-3.0-or-later
// The sample judge: trained on real demo clips it recognises held-out real clips (>= 95%, and
// most of them also lie on the real manifold of their class: recognisable accuracy), scores
// pure noise near chance and never recognisable, puts real clips far closer to the real
// reference (Fréchet distance) than noise, sees that smeared clips keep their class but stop
// looking real, sees a collapsed sampler's lack of diversity and recall, caches itself and
// retrains when the data or split change, and falls back to rotation features without labels.
#include "../common/TrainedProject.h"

#include "data/ClipLoader.h"
#include "judge/FeatureStats.h"
#include "judge/SampleJudge.h"
#include "project/Project.h"
#include "project/detail/ProjectJudge.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <optional>

using namespace vd;

namespace {

/// Every clip of `index` once (first frames, no flip) as float [N,3,T,H,W] and labels [N].
std::pair<torch::Tensor, torch::Tensor> decodeAll(const DatasetIndex& index, SampleSpec spec)
{
    LoaderOptions o;
    o.batchSize = 16;
    o.workers = 1;
    o.shuffle = false;
    o.dropLast = false;
    o.epochs = 1;
    o.spec = spec;
    o.spec.randomStart = false;
    o.spec.randomFlip = false;
    ClipLoader loader(index, o);
    std::vector<torch::Tensor> videos, labels;
    while (auto batch = loader.next()) {
        videos.push_back(batch->video);
        labels.push_back(batch->labels);
    }
    return {torch::cat(videos), torch::cat(labels)};
}

} // namespace

class tst_SampleJudge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void frechetDistanceOfGaussians();
    void judgeRecognisesHeldOutRealClips();
    void noiseScoresNearChance();
    void frechetOfRealFarBelowNoise();
    void temporalRatiosOfRealClipsNearOne();
    void collapsedSamplesLackDiversity();
    void smearsKeepTheClassButAreNotRecognisable();
    void clipsThatTurnIntoAnotherShapeAreNotHeld();
    void cacheIsReusedAndRetrainedOnChange();
    void unlabelledDataUsesRotationFeatures();
    void rejectsTooFewClips();
    void liveFiguresInMetricsAndCli();

private:
    QTemporaryDir m_dir;
    std::optional<Project> m_project;
    std::optional<JudgeSetup> m_setup;
    std::optional<SampleJudge> m_judge;
    torch::Tensor m_heldOut;       ///< real held-out clips [N,3,T,H,W]
    torch::Tensor m_heldOutLabels; ///< [N]
};

void tst_SampleJudge::initTestCase()
{
    // The demo dataset as `make demo` writes it (300 clips of 16 frames, 8-frame windows) with
    // 15% held out (~45 clips, 180 windows): enough for a 95% bar to mean something. The judge
    // trains 1,200 steps as documented for that bar (bench/RESULTS.md, "Sample judge"); the demo
    // preset's 800 land at 94-95 % and made the bar a coin toss.
    const QString path = vdtest::makeDemoProject(m_dir.path(), 300, 64, 16,
                                                 {{"/dataset/held_out", 0.15},
                                                  {"/dataset/frames", 8},
                                                  {"/diffusion/judge/train_steps", 1200}});
    QVERIFY(!path.isEmpty());
    m_project = Project::load(path.toStdString());
    m_setup = judgeSetupFor(*m_project, torch::kCPU);
    m_judge = SampleJudge::prepare(*m_setup);
    std::tie(m_heldOut, m_heldOutLabels) = decodeAll(m_setup->heldOut, m_setup->spec);
    QVERIFY(m_heldOut.size(0) >= 20);
}

void tst_SampleJudge::frechetDistanceOfGaussians()
{
    torch::manual_seed(3);
    const torch::Tensor a = torch::randn({4000, 8}, torch::kDouble);
    const torch::Tensor b = torch::randn({4000, 8}, torch::kDouble);
    QVERIFY(frechetDistance(a, b) < 0.05);
    // A mean shift of 2 along one axis adds 4; doubling the spread of one axis adds (2-1)^2 = 1.
    torch::Tensor shifted = b.clone();
    shifted.select(1, 0).add_(2.0);
    QVERIFY(std::abs(frechetDistance(a, shifted) - 4.0) < 0.2);
    torch::Tensor wider = b.clone();
    wider.select(1, 1).mul_(2.0);
    QVERIFY(std::abs(frechetDistance(a, wider) - 1.0) < 0.15);
    QCOMPARE(meanPairwiseDistance(torch::zeros({5, 3})), 0.0);
}

void tst_SampleJudge::judgeRecognisesHeldOutRealClips()
{
    const JudgeInfo& info = m_judge->info();
    QCOMPARE(info.features, std::string("classifier"));
    QCOMPARE(info.labels.size(), size_t(4));
    QVERIFY(info.heldOutWindows >= 4 * info.heldOutClips - 4);
    QVERIFY2(info.heldOutAccuracy >= 0.95,
             qPrintable(QString("held-out accuracy %1").arg(info.heldOutAccuracy)));
    // The same clips given as "generated" with the labels they have.
    const JudgeReport r = m_judge->evaluate(m_heldOut, m_heldOutLabels);
    QVERIFY2(r.classAccuracy >= 0.95, qPrintable(QString("accuracy %1").arg(r.classAccuracy)));
    QCOMPARE(r.samples, int(m_heldOut.size(0)));
    QCOMPARE(r.classes.size(), size_t(4));
    // Most of them also lie on the real manifold of their class (0.74 with 1.13 here: held-out
    // clips, unseen by the judge, are a little less tight than the reference it learned from).
    QVERIFY2(r.recognisableAccuracy >= 0.6 && r.recognisableAccuracy <= r.classAccuracy,
             qPrintable(QString("recognisable %1").arg(r.recognisableAccuracy)));
    QVERIFY2(r.precision >= 0.5 && r.recall >= 0.5,
             qPrintable(QString("precision %1 recall %2").arg(r.precision).arg(r.recall)));
    QVERIFY2(r.realPrecision >= 0.5 && r.realRecall >= 0.5,
             qPrintable(QString("floor %1 %2").arg(r.realPrecision).arg(r.realRecall)));
    for (const JudgeClassFigures& c : r.classes) {
        QVERIFY(c.recognisableAccuracy >= 0 && c.recognisableAccuracy <= c.accuracy);
        QVERIFY(c.precision >= 0 && c.recall >= 0 && c.realPrecision >= 0 && c.realRecall >= 0);
    }
}

void tst_SampleJudge::noiseScoresNearChance()
{
    torch::manual_seed(11);
    const int64_t n = 64;
    const torch::Tensor noise = torch::rand({n, 3, 8, 64, 64}) * 2.0 - 1.0;
    const torch::Tensor labels = torch::arange(n, torch::kLong).remainder(4);
    const JudgeReport r = m_judge->evaluate(noise, labels);
    // Chance is 25% for four classes; whatever class noise looks like, at most one in four
    // requested labels matches it.
    QVERIFY2(r.classAccuracy <= 0.4, qPrintable(QString("accuracy %1").arg(r.classAccuracy)));
    // Whatever class it is given, noise looks like no real clip: not recognisable, not precise,
    // and it covers none of the real clips.
    QVERIFY2(r.recognisableAccuracy >= 0 && r.recognisableAccuracy <= 0.05,
             qPrintable(QString("recognisable %1").arg(r.recognisableAccuracy)));
    // k-NN precision counts a clip inside any real clip's k-NN radius, and one real outlier's
    // wide radius can hold a few noise clips: 0-5 % on LibTorch 1.13, 10.9 % (7 of 64) on 2.11
    // on an AVX512-BF16 Xeon. Still far below the real-vs-real floor (about 0.84).
    QVERIFY2(r.precision <= 0.25 && r.recall <= 0.05,
             qPrintable(QString("precision %1 recall %2").arg(r.precision).arg(r.recall)));
    // The floor does not depend on the generated clips' looks.
    QVERIFY(r.realPrecision >= 0.5);
}

void tst_SampleJudge::frechetOfRealFarBelowNoise()
{
    torch::manual_seed(12);
    const int64_t n = m_heldOut.size(0);
    const JudgeReport real = m_judge->evaluate(m_heldOut, m_heldOutLabels);
    const JudgeReport noise =
        m_judge->evaluate(torch::rand({n, 3, 8, 64, 64}) * 2.0 - 1.0, m_heldOutLabels);
    QVERIFY(real.frechet >= 0 && real.frechetFloor >= 0);
    QVERIFY2(real.frechet * 10 < noise.frechet,
             qPrintable(QString("real %1 noise %2").arg(real.frechet).arg(noise.frechet)));
    QVERIFY2(real.frechetFloor * 10 < noise.frechet,
             qPrintable(QString("floor %1 noise %2").arg(real.frechetFloor).arg(noise.frechet)));
    // Held-out real clips are about as far from the reference as other real clips.
    QVERIFY2(real.frechet < 3 * real.frechetFloor + 1e-6,
             qPrintable(QString("real %1 floor %2").arg(real.frechet).arg(real.frechetFloor)));
}

void tst_SampleJudge::temporalRatiosOfRealClipsNearOne()
{
    const JudgeReport real = m_judge->evaluate(m_heldOut, m_heldOutLabels);
    QVERIFY2(real.meanChangeRatio > 0.7 && real.meanChangeRatio < 1.4,
             qPrintable(QString("change ratio %1").arg(real.meanChangeRatio)));
    QVERIFY2(real.flickerRatio > 0.7 && real.flickerRatio < 1.4,
             qPrintable(QString("flicker ratio %1").arg(real.flickerRatio)));
    // Frames of independent noise flicker (index ~0.75) far more than moving shapes.
    torch::manual_seed(13);
    const JudgeReport noise =
        m_judge->evaluate(torch::rand({16, 3, 8, 64, 64}) * 2.0 - 1.0, {});
    QVERIFY2(noise.flickerRatio > 1.2, qPrintable(QString("noise %1").arg(noise.flickerRatio)));
    QCOMPARE(noise.classAccuracy, -1.0); // unconditional clips get no class accuracy
    QCOMPARE(noise.recognisableAccuracy, -1.0);
    QVERIFY(noise.precision >= 0.0 && noise.precision <= 0.05);
}

void tst_SampleJudge::collapsedSamplesLackDiversity()
{
    const int64_t n = 16;
    const torch::Tensor one = m_heldOut.narrow(0, 0, 1).expand({n, -1, -1, -1, -1}).contiguous();
    const torch::Tensor labels = m_heldOutLabels.narrow(0, 0, 1).expand({n}).contiguous();
    const JudgeReport collapsed = m_judge->evaluate(one, labels);
    // Only the class that was asked for is reported (no empty classes with 0/0 accuracy).
    QCOMPARE(collapsed.classes.size(), size_t(1));
    QCOMPARE(collapsed.classes.front().samples, int(n));
    QVERIFY(collapsed.classAccuracy >= 0.0 && collapsed.classAccuracy <= 1.0);
    QVERIFY(collapsed.realDiversity > 0);
    QVERIFY2(collapsed.diversityRatio < 0.05,
             qPrintable(QString("ratio %1").arg(collapsed.diversityRatio)));
    // One clip sixteen times covers almost none of the real clips of its class.
    QVERIFY2(collapsed.recall >= 0 && collapsed.recall <= 0.1,
             qPrintable(QString("recall %1").arg(collapsed.recall)));
    const JudgeReport real = m_judge->evaluate(m_heldOut, m_heldOutLabels);
    QVERIFY2(real.diversityRatio > 0.6, qPrintable(QString("ratio %1").arg(real.diversityRatio)));
    QVERIFY2(real.recall > 5 * collapsed.recall + 0.3,
             qPrintable(QString("recall %1").arg(real.recall)));
}

void tst_SampleJudge::smearsKeepTheClassButAreNotRecognisable()
{
    // The held-out clips blurred by a 9x9 box (edge pixels repeated): shapes become soft blobs.
    // The classifier still names most of them right (0.88 here), but far fewer look like a real
    // clip of their class (0.42): the case recognisable accuracy is for.
    namespace F = torch::nn::functional;
    const int64_t b = m_heldOut.size(0), t = m_heldOut.size(2);
    const int64_t h = m_heldOut.size(3), w = m_heldOut.size(4);
    torch::Tensor frames = m_heldOut.permute({0, 2, 1, 3, 4}).reshape({b * t, 3, h, w});
    frames = F::pad(frames, F::PadFuncOptions({4, 4, 4, 4}).mode(torch::kReplicate));
    frames = F::avg_pool2d(frames, F::AvgPool2dFuncOptions(9).stride(1));
    const torch::Tensor smeared =
        frames.reshape({b, t, 3, h, w}).permute({0, 2, 1, 3, 4}).contiguous();
    const JudgeReport r = m_judge->evaluate(smeared, m_heldOutLabels);
    const JudgeReport real = m_judge->evaluate(m_heldOut, m_heldOutLabels);
    QVERIFY2(r.classAccuracy >= 0.6, qPrintable(QString("accuracy %1").arg(r.classAccuracy)));
    QVERIFY2(r.recognisableAccuracy <= r.classAccuracy - 0.2 &&
                 r.recognisableAccuracy <= real.recognisableAccuracy - 0.15,
             qPrintable(QString("recognisable %1, accuracy %2, real clips %3")
                            .arg(r.recognisableAccuracy)
                            .arg(r.classAccuracy)
                            .arg(real.recognisableAccuracy)));
    QVERIFY2(r.precision < real.precision,
             qPrintable(QString("precision %1 real %2").arg(r.precision).arg(real.precision)));
}

void tst_SampleJudge::clipsThatTurnIntoAnotherShapeAreNotHeld()
{
    // Real clips keep their shape and colour: both halves are judged their class, and their
    // halves differ as much as the floor's real clips' do (held 0.96, drift ratio 1.10 here).
    const JudgeReport real = m_judge->evaluate(m_heldOut, m_heldOutLabels);
    QVERIFY2(
        real.heldAccuracy >= 0.85 && real.realHeldAccuracy >= 0.85,
        qPrintable(QString("held %1, floor %2").arg(real.heldAccuracy).arg(real.realHeldAccuracy)));
    QVERIFY2(real.driftRatio > 0.6 && real.driftRatio < 1.5,
             qPrintable(QString("drift ratio %1").arg(real.driftRatio)));
    for (const JudgeClassFigures& c : real.classes) {
        QVERIFY(c.heldAccuracy >= 0 && c.heldAccuracy <= 1);
    }

    // Each clip's second half replaced by the second half of a clip of the next class: an
    // object that turns into another shape (and colour) half-way. The first half still names
    // the class asked for, so the clip is not held (held 0, drift ratio 8.4 here, while whole-clip
    // class accuracy still calls half of them right).
    const int64_t n = m_heldOut.size(0), t = m_heldOut.size(2);
    std::vector<int64_t> other;
    for (int64_t i = 0; i < n; ++i) {
        const int64_t want = (m_heldOutLabels[i].item<int64_t>() + 1) % 4;
        int64_t k = 0;
        while (k < n && m_heldOutLabels[(i + k) % n].item<int64_t>() != want) {
            ++k;
        }
        QVERIFY(k < n);
        other.push_back((i + k) % n);
    }
    const torch::Tensor spliced =
        torch::cat({m_heldOut.narrow(2, 0, t / 2),
                    m_heldOut.index_select(0, torch::tensor(other)).narrow(2, t / 2, t - t / 2)},
                   2);
    const JudgeReport r = m_judge->evaluate(spliced, m_heldOutLabels);
    qInfo("real clips: held %.3f (floor %.3f), drift ratio %.2f; spliced: held %.3f, drift "
          "ratio %.2f, class accuracy %.3f",
          real.heldAccuracy, real.realHeldAccuracy, real.driftRatio, r.heldAccuracy, r.driftRatio,
          r.classAccuracy);
    QVERIFY2(r.heldAccuracy >= 0 && r.heldAccuracy <= 0.15,
             qPrintable(QString("held %1").arg(r.heldAccuracy)));
    QVERIFY2(r.driftRatio > 2.0, qPrintable(QString("drift ratio %1").arg(r.driftRatio)));
    QCOMPARE(r.realHeldAccuracy, real.realHeldAccuracy); // the floor is the real clips'
}

void tst_SampleJudge::cacheIsReusedAndRetrainedOnChange()
{
    // The judge of initTestCase is in the project's runs/judge: the same setup loads it.
    const SampleJudge again = SampleJudge::prepare(*m_setup);
    QVERIFY(!again.info().retrained);
    QCOMPARE(again.info().heldOutAccuracy, m_judge->info().heldOutAccuracy);
    QVERIFY(torch::equal(again.predict(m_heldOut), m_judge->predict(m_heldOut)));
    QVERIFY(std::filesystem::is_regular_file(judgeDir(*m_project) + "/model.safetensors"));

    // A few training steps in a folder of its own keep the rest quick.
    QTemporaryDir cache;
    JudgeSetup quick = *m_setup;
    quick.cacheDir = cache.path().toStdString();
    quick.steps = 3;
    QVERIFY(SampleJudge::prepare(quick).info().retrained);
    QVERIFY(!SampleJudge::prepare(quick).info().retrained);
    JudgeSetup fewerClips = quick; // a clip left the dataset
    int i = 0;
    fewerClips.train = quick.train.filtered([&](const ClipEntry&) { return i++ != 0; });
    QVERIFY(SampleJudge::prepare(fewerClips).info().retrained);
    JudgeSetup otherSplit = fewerClips; // the held-out set changed
    otherSplit.heldOut = quick.train.filtered([](const ClipEntry&) { return false; });
    QVERIFY(SampleJudge::prepare(otherSplit).info().retrained);
    // A damaged cache file is retrained, not fatal.
    QFile model(cache.path() + "/model.safetensors");
    QVERIFY(model.open(QIODevice::WriteOnly | QIODevice::Truncate));
    model.write("not a safetensors file");
    model.close();
    QVERIFY(SampleJudge::prepare(otherSplit).info().retrained);
}

void tst_SampleJudge::unlabelledDataUsesRotationFeatures()
{
    // Upright Fashion-MNIST items moving over backgrounds (the shapes spin, so their frames
    // carry no "up"), copied into one folder: no subfolders, no labels.
    QTemporaryDir fashion;
    const auto made = vdtest::run(vdtest::cliPath(),
                                  {"make-demo-dataset", fashion.path(), "--kind", "fashion",
                                   "--clips", "60", "--size", "64", "--frames", "8"});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QTemporaryDir flat;
    int copied = 0;
    const DatasetIndex items = DatasetIndex::scan(fashion.path().toStdString());
    for (const ClipEntry& clip : items.clips()) {
        QVERIFY(QFile::copy(QString::fromStdString(clip.info.path),
                            flat.path() + QString("/clip%1.mp4").arg(copied++)));
    }
    QCOMPARE(copied, 60);
    JudgeSetup setup;
    setup.train = DatasetIndex::scan(flat.path().toStdString());
    QVERIFY(setup.train.labels().empty());
    setup.spec = m_setup->spec;
    setup.cacheDir = flat.path().toStdString() + "/judge";
    setup.steps = 600;
    const SampleJudge judge = SampleJudge::prepare(setup);
    QCOMPARE(judge.info().features, std::string("rotation"));
    QVERIFY(judge.info().labels.empty());
    QCOMPARE(judge.info().heldOutClips, 6); // every tenth clip, held out by the judge itself
    // Chance is 25%; 60 small clips give it a start, not mastery (42% after 300 steps).
    QVERIFY2(judge.info().heldOutAccuracy > 0.35,
             qPrintable(QString("rotation accuracy %1").arg(judge.info().heldOutAccuracy)));
    const JudgeReport r = judge.evaluate(m_heldOut, {});
    QCOMPARE(r.classAccuracy, -1.0);
    QCOMPARE(r.recognisableAccuracy, -1.0);
    QVERIFY(r.precision >= 0 && r.recall >= 0 && r.realPrecision >= 0 && r.realRecall >= 0);
    QVERIFY(r.frechet >= 0 && r.frechetFloor >= 0);
    QCOMPARE(r.classes.size(), size_t(1));
}

void tst_SampleJudge::rejectsTooFewClips()
{
    JudgeSetup setup = *m_setup;
    int i = 0;
    setup.train = m_setup->train.filtered([&](const ClipEntry&) { return i++ < 3; });
    QTemporaryDir cache;
    setup.cacheDir = cache.path().toStdString();
    try {
        (void)SampleJudge::prepare(setup);
        QFAIL("expected vd::Error");
    } catch (const Error& e) {
        QVERIFY(std::string(e.what()).find("at least 4") != std::string::npos);
    }
}

void tst_SampleJudge::liveFiguresInMetricsAndCli()
{
    // A tiny trained project with the judge on every preview (steps 5 and 10).
    QTemporaryDir dir;
    const QString project = vdtest::makeTrainedProject(
        dir.path(), true, 24,
        {{"/diffusion/judge/every", 5}, {"/diffusion/judge/per_class", 2}});
    QVERIFY(!project.isEmpty());
    QFile metrics(dir.path() + "/runs/diffusion/metrics.jsonl");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    QList<qint64> judgedSteps;
    for (const QByteArray& line : metrics.readAll().split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        const nlohmann::json j = nlohmann::json::parse(line.toStdString());
        if (j.contains("judge_fd")) {
            judgedSteps << j.at("step").get<qint64>();
            QVERIFY(j.at("judge_acc").get<double>() >= 0.0 && j.at("judge_acc").get<double>() <= 1.0);
            QVERIFY(j.contains("judge_acc_circle"));
            QVERIFY(j.at("judge_fd").get<double>() >= 0.0);
            QVERIFY(j.contains("judge_flicker_ratio") && j.contains("judge_diversity_ratio"));
            const double recognisable = j.at("judge_recognisable_acc").get<double>();
            QVERIFY(recognisable >= 0.0 && recognisable <= j.at("judge_acc").get<double>());
            for (const char* key : {"judge_precision", "judge_recall", "judge_precision_floor",
                                    "judge_recall_floor"}) {
                QVERIFY2(j.at(key).get<double>() >= 0.0 && j.at(key).get<double>() <= 1.0, key);
            }
        }
    }
    QCOMPARE(judgedSteps, (QList<qint64>{5, 10}));

    // eval-samples reuses the judge the training made, and reports in JSON.
    const auto result = vdtest::run(vdtest::cliPath(),
                                    {"eval-samples", project, "--per-class", "2", "--json"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const nlohmann::json report = nlohmann::json::parse(result.out.toStdString());
    QCOMPARE(report.at("judge").at("retrained").get<bool>(), false);
    QCOMPARE(report.at("samples").get<int>(), 8);
    QCOMPARE(report.at("classes").size(), size_t(4));
    QVERIFY(report.at("class_accuracy").get<double>() >= 0.0);
    QVERIFY(report.at("frechet_floor").get<double>() >= 0.0);
    for (const char* key :
         {"recognisable_accuracy", "precision", "recall", "real_precision", "real_recall"}) {
        QVERIFY2(report.at(key).get<double>() >= 0.0, key);
        // Per class the floor has one real clip here: too few for a manifold of its own, so
        // its recall is -1 (not measured); the others need only the reference.
        const double perClass = report.at("classes").at(0).at(key).get<double>();
        QVERIFY2(perClass >= (std::string(key) == "real_recall" ? -1.0 : 0.0), key);
    }

    // A project without a trained denoiser fails with exit 3 and says what to do.
    QTemporaryDir bare;
    const QString untrained = vdtest::makeTrainedProject(bare.path(), false, 24);
    QVERIFY(!untrained.isEmpty());
    const auto missing = vdtest::run(vdtest::cliPath(), {"eval-samples", untrained});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY2(missing.err.contains("train-diffusion"), missing.err.constData());

    // --prepare needs no trained model: it trains the judge into the cache, then loads it.
    const auto prepared = vdtest::run(vdtest::cliPath(), {"eval-samples", untrained, "--prepare"});
    QVERIFY2(prepared.exitCode == 0, prepared.err.constData());
    QVERIFY2(prepared.out.contains("classifier") && prepared.out.contains("trained now"),
             prepared.out.constData());
    QVERIFY(QFile::exists(bare.path() + "/runs/judge/model.safetensors"));
    const auto reused = vdtest::run(vdtest::cliPath(), {"eval-samples", untrained, "--prepare"});
    QVERIFY2(reused.exitCode == 0, reused.err.constData());
    QVERIFY2(reused.out.contains("loaded from"), reused.out.constData());
}

QTEST_APPLESS_MAIN(tst_SampleJudge)
#include "tst_SampleJudge.moc"
