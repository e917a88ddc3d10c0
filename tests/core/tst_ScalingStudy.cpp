// SPDX-License-Identifier: GPL-3.0-or-later
// The scaling study of `vdstudio-cli sweep --scale`: the power-law fit recovers a known exponent
// with an honest standard error, model widths round as documented, a tiny VAE's width study
// writes variants of the expected sizes, a table with held-out loss and fit and a log-log PNG,
// a data study trains each variant on its share of the clips, and a bad --scale value is
// refused by name before anything runs.
#include "../common/ProjectFixture.h"

#include "experiment/ModelCost.h"
#include "experiment/PowerLawFit.h"
#include "experiment/ScalingStudy.h"
#include "experiment/SweepPlan.h"
#include "project/DatasetSplit.h"
#include "project/DiffusionHeldOutLoss.h"
#include "project/Project.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

class tst_ScalingStudy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fitRecoversKnownExponent();
    void fitErrorCoversTheTruth();
    void fitNeedsThreePoints();
    void widthRounding_data();
    void widthRounding();
    void computeMatchKeepsStepsTimesFlops();
    void modelScaleSweepOfTinyVAE();
    void dataScaleTrainsOnShares();
    void diffusionHeldOutLossIsRepeatable();
    void rejectsBadScale_data();
    void rejectsBadScale();

private:
    QString sweepDir(const QString& name) const { return m_dir.path() + "/runs/sweeps/" + name; }

    QTemporaryDir m_dir;
    QString m_project;
};

namespace {

nlohmann::json readJson(const QString& path)
{
    const QByteArray bytes = vdtest::readBytes(path);
    return bytes.isEmpty() ? nlohmann::json() : nlohmann::json::parse(bytes.toStdString());
}

/// Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian).
QSize pngSize(const QString& path)
{
    const QByteArray b = vdtest::readBytes(path);
    if (b.size() < 24 || !b.startsWith("\x89PNG")) {
        return {};
    }
    const auto be32 = [&b](int at) {
        return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
               (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
    };
    return QSize(int(be32(16)), int(be32(20)));
}

/// Points y = a x^-b exp(noise), x from 1e3 to 1e6 in log steps, noise N(0, sigma) in ln y.
void powerLawPoints(double a, double b, double sigma, int n, uint32_t seed, std::vector<double>& x,
                    std::vector<double>& y)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    x.clear();
    y.clear();
    for (int i = 0; i < n; ++i) {
        const double xi = std::pow(10.0, 3.0 + 3.0 * i / (n - 1));
        x.push_back(xi);
        y.push_back(a * std::pow(xi, -b) * std::exp(noise(rng)));
    }
}

} // namespace

void tst_ScalingStudy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 32x32 single frames in batches of 2: a VAE variant trains a few steps in about a second.
    m_project = vdtest::makeDemoProject(m_dir.path(), 12, 32, 8,
                                        {{"/dataset/width", 32},
                                         {"/dataset/height", 32},
                                         {"/dataset/frames", 4},
                                         {"/dataset/held_out", 0.2},
                                         {"/vae/crop", 0},
                                         {"/vae/model/base_channels", 16},
                                         {"/vae/model/norm_groups", 8},
                                         {"/vae/train/batch_size", 2},
                                         {"/vae/train/steps", 3},
                                         {"/vae/train/checkpoint_every", 3},
                                         {"/vae/train/preview_every", 3},
                                         {"/vae/train/log_every", 1}});
    QVERIFY(!m_project.isEmpty());
    torch::set_num_threads(1);
}

void tst_ScalingStudy::fitRecoversKnownExponent()
{
    std::vector<double> x, y;
    powerLawPoints(2.5, 0.3, 0.0, 5, 1, x, y); // exact points: exact fit, no error
    const std::optional<vd::PowerLawFit> exact = vd::fitPowerLaw(x, y);
    QVERIFY(exact);
    QVERIFY(std::fabs(exact->b - 0.3) < 1e-9);
    QVERIFY(std::fabs(exact->a - 2.5) < 1e-6);
    QVERIFY(exact->bStderr < 1e-9);
    QCOMPARE(exact->points, 5);
    QVERIFY(std::fabs(exact->at(1e4) - 2.5 * std::pow(1e4, -0.3)) < 1e-9);

    powerLawPoints(2.5, 0.3, 0.05, 8, 7, x, y); // 5 % noise
    const std::optional<vd::PowerLawFit> noisy = vd::fitPowerLaw(x, y);
    QVERIFY(noisy);
    QVERIFY2(std::fabs(noisy->b - 0.3) < 3 * noisy->bStderr, qPrintable(QString::number(noisy->b)));
    // The slope's error for sigma 0.05 over 3 decades (8 points): sigma / sqrt(Sxx) = 0.008.
    QVERIFY2(noisy->bStderr > 0.002 && noisy->bStderr < 0.03,
             qPrintable(QString::number(noisy->bStderr)));
    QVERIFY(noisy->r2 > 0.9 && noisy->r2 <= 1.0);
}

void tst_ScalingStudy::fitErrorCoversTheTruth()
{
    // Over many noisy replicates, |b_fit - b| < 2 standard errors about as often as a t
    // distribution with n - 2 = 4 degrees of freedom says (88 %): the error is neither
    // made up nor far too small.
    int covered = 0;
    constexpr int kReplicates = 400;
    std::vector<double> x, y;
    for (int r = 0; r < kReplicates; ++r) {
        powerLawPoints(1.0, 0.5, 0.1, 6, 100 + r, x, y);
        const std::optional<vd::PowerLawFit> fit = vd::fitPowerLaw(x, y);
        QVERIFY(fit);
        covered += std::fabs(fit->b - 0.5) < 2 * fit->bStderr ? 1 : 0;
    }
    const double share = double(covered) / kReplicates;
    QVERIFY2(share > 0.80 && share < 0.95, qPrintable(QString::number(share)));
}

void tst_ScalingStudy::fitNeedsThreePoints()
{
    QVERIFY(!vd::fitPowerLaw({1e3, 1e4}, {0.5, 0.3}));
    QVERIFY(!vd::fitPowerLaw({1e3, 1e3, 1e3}, {0.5, 0.3, 0.4}));  // one x: no slope
    QVERIFY(!vd::fitPowerLaw({1e3, 1e4, -1.0}, {0.5, 0.3, 0.2})); // a bad point is left out
    QVERIFY(vd::fitPowerLaw({1e3, 1e4, 1e5}, {0.5, 0.3, 0.2}));
}

void tst_ScalingStudy::widthRounding_data()
{
    QTest::addColumn<int>("base");
    QTest::addColumn<double>("factor");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("width");
    QTest::newRow("exact") << 16 << 2.0 << 8 << 32;
    QTest::newRow("half") << 16 << 0.5 << 8 << 8;
    QTest::newRow("at least one unit") << 16 << 0.25 << 8 << 8;
    QTest::newRow("nearest multiple") << 32 << 1.3 << 8 << 40; // 41.6 -> 40
    QTest::newRow("half rounds away") << 24 << 1.5 << 8 << 40; // 36 = 4.5 units -> 5
    QTest::newRow("lcm unit") << 32 << 0.75 << 24 << 24;       // 24 = lcm(8, 3)
}

void tst_ScalingStudy::widthRounding()
{
    QFETCH(int, base);
    QFETCH(double, factor);
    QFETCH(int, unit);
    QFETCH(int, width);
    QCOMPARE(vd::scaledWidth(base, factor, unit), width);
}

void tst_ScalingStudy::computeMatchKeepsStepsTimesFlops()
{
    const vd::Project p = vd::Project::load(m_project.toStdString());
    const vd::SweepPlan plan(p, vd::Stage::VAE, {vd::SweepAxis::parseScale("model=0.5,1,2")}, "cm");
    QCOMPARE(plan.variants().size(), size_t(3));
    const std::vector<int64_t> same = vd::matchedSteps(plan, vd::ScaleMatch::Steps, 100);
    QCOMPARE(same, (std::vector<int64_t>{100, 100, 100}));
    const std::vector<int64_t> steps = vd::matchedSteps(plan, vd::ScaleMatch::Compute, 100);
    QCOMPARE(steps[1], int64_t(100)); // factor 1 is the reference
    const double reference =
        vd::measureModelCost(plan.variants()[1].project, vd::Stage::VAE).flopsPerStep * 100.0;
    for (size_t i = 0; i < 3; ++i) {
        const double flops =
            vd::measureModelCost(plan.variants()[i].project, vd::Stage::VAE).flopsPerStep;
        // Equal compute up to the rounding of the steps to whole steps.
        QVERIFY(std::fabs(steps[i] * flops - reference) <= 0.5 * flops + 1.0);
    }
    QVERIFY(steps[0] > 100 && steps[2] < 100);

    // The data axis leaves the FLOPs per step alone: compute matching is step matching there.
    const vd::SweepPlan data(p, vd::Stage::VAE, {vd::SweepAxis::parseScale("data=0.5,1")}, "cd");
    QCOMPARE(vd::matchedSteps(data, vd::ScaleMatch::Compute, 100),
             (std::vector<int64_t>{100, 100}));
    QCOMPARE(data.variants()[0].dataShare, 0.5);
}

void tst_ScalingStudy::modelScaleSweepOfTinyVAE()
{
    const auto r = vdtest::run(vdtest::cliPath(),
                               {"sweep", m_project, "--stage", "vae", "--scale", "model=0.5,1,2",
                                "--steps", "3", "--name", "width", "--eval-clips", "4"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json results = readJson(sweepDir("width") + "/results.json");
    const nlohmann::json& rows = results["rows"];
    QCOMPARE(rows.size(), size_t(3));

    // Each variant's width (16 x factor, a multiple of norm_groups 8) and its parameters.
    vd::Project p = vd::Project::load(m_project.toStdString());
    const int widths[] = {8, 16, 32};
    for (size_t i = 0; i < 3; ++i) {
        const nlohmann::json& row = rows[i];
        QCOMPARE(row["base_channels"].get<int>(), widths[i]);
        const QString dir = sweepDir("width") + "/" + QString::fromStdString(row["variant"]);
        QCOMPARE(readJson(dir + "/project.vdproj")["vae"]["model"]["base_channels"].get<int>(),
                 widths[i]);
        p.vae.model.baseChannels = widths[i];
        QCOMPARE(row["parameters"].get<int64_t>(),
                 vd::measureModelCost(p, vd::Stage::VAE).parameters);
        QCOMPARE(row["status"].get<std::string>(), std::string("finished"));
        QCOMPARE(row["steps"].get<int64_t>(), int64_t(3)); // step-matched
        QCOMPARE(row["match"].get<std::string>(), std::string("steps"));
        QVERIFY(row["heldout_loss"].get<double>() > 0.0);
        QVERIFY(row["train_flops"].get<double>() > 0.0);
    }
    QCOMPARE(rows[0]["variant"].get<std::string>(), std::string("model=0.5"));

    // The fit: held-out loss against parameters, with its exponent, error and prefactor.
    const nlohmann::json& scaling = results["scaling"];
    QCOMPARE(scaling["axis"].get<std::string>(), std::string("model"));
    QCOMPARE(scaling["x"].get<std::string>(), std::string("parameters"));
    QCOMPARE(scaling["y"].get<std::string>(), std::string("heldout_loss"));
    QCOMPARE(scaling["points"].size(), size_t(3));
    const nlohmann::json& fit = scaling["fit"];
    QVERIFY2(fit.is_object(), results.dump().c_str());
    for (const char* key : {"a", "b", "b_stderr", "r2"}) {
        QVERIFY2(fit[key].is_number() && std::isfinite(fit[key].get<double>()), key);
    }
    QVERIFY(fit["a"].get<double>() > 0.0);
    QVERIFY(fit["b_stderr"].get<double>() >= 0.0);
    QCOMPARE(fit["points"].get<int>(), 3);
    const QList<QByteArray> csv = vdtest::readBytes(sweepDir("width") + "/results.csv").split('\n');
    QVERIFY(csv[0].contains(",heldout_loss"));
    QVERIFY(csv[0].contains("base_channels"));
    // Printed: the fit with its exponent and error.
    QVERIFY2(r.out.contains("power law: held-out loss = "), r.out.constData());
    QVERIFY2(r.out.contains("(standard error)"), r.out.constData());
    QVERIFY(r.out.contains("step-matched"));

    QCOMPARE(pngSize(sweepDir("width") + "/scaling.png"), QSize(960, 540));

    // Two widths are two points: no fit, and the table and the output say so.
    const auto two = vdtest::run(vdtest::cliPath(),
                                 {"sweep", m_project, "--stage", "vae", "--scale", "model=1,2",
                                  "--steps", "2", "--name", "two", "--eval-clips", "2"});
    QVERIFY2(two.exitCode == 0, two.err.constData());
    const nlohmann::json twoResults = readJson(sweepDir("two") + "/results.json");
    QVERIFY(twoResults["scaling"]["fit"].is_null());
    QVERIFY(twoResults["scaling"]["note"].get<std::string>().find("fewer than 3") !=
            std::string::npos);
    QVERIFY2(two.out.contains("no power law fitted"), two.out.constData());
    QVERIFY(!two.out.contains("power law: "));
    QCOMPARE(pngSize(sweepDir("two") + "/scaling.png"), QSize(960, 540));
}

void tst_ScalingStudy::dataScaleTrainsOnShares()
{
    // Nested, deterministic subsets; the held-out clips are not touched.
    const vd::Project p = vd::Project::load(m_project.toStdString());
    const vd::DatasetSplit split =
        vd::splitDataset(vd::DatasetIndex::scan(p.datasetRoot()), p.dataset.heldOut);
    const size_t n = split.train.clips().size();
    QVERIFY(n >= 4);
    const vd::DatasetIndex half = vd::trainingSubset(split.train, 0.5, 3);
    const vd::DatasetIndex quarter = vd::trainingSubset(split.train, 0.25, 3);
    QCOMPARE(half.clips().size(), vd::trainingSubsetSize(n, 0.5));
    QCOMPARE(quarter.clips().size(), std::max<size_t>(1, size_t(std::llround(0.25 * n))));
    for (const vd::ClipEntry& c : quarter.clips()) {
        bool inHalf = false;
        for (const vd::ClipEntry& h : half.clips()) {
            inHalf = inHalf || h.path == c.path;
        }
        QVERIFY2(inHalf, c.path.c_str());
    }
    QCOMPARE(vd::trainingSubset(split.train, 0.5, 3).clips().front().path,
             half.clips().front().path);

    // A data study as child processes: each trains on its share, the table counts the clips.
    const auto r = vdtest::run(vdtest::cliPath(), {"sweep", m_project, "--stage", "vae", "--scale",
                                                   "data=0.25,0.5,1", "--steps", "2", "--name",
                                                   "data", "--parallel", "2", "--eval-clips", "2"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const nlohmann::json results = readJson(sweepDir("data") + "/results.json");
    QCOMPARE(results["rows"].size(), size_t(3));
    const double shares[] = {0.25, 0.5, 1.0};
    for (size_t i = 0; i < 3; ++i) {
        const nlohmann::json& row = results["rows"][i];
        const size_t clips = vd::trainingSubsetSize(n, shares[i]);
        QCOMPARE(row["train_clips"].get<size_t>(), clips);
        QVERIFY(row["heldout_loss"].get<double>() > 0.0);
        const QString log = QString::fromUtf8(vdtest::readBytes(
            sweepDir("data") + "/" + QString::fromStdString(row["variant"]) + "/sweep.log"));
        QVERIFY2(log.contains(QString("VAE: %1 training clips, %2 held out")
                                  .arg(clips)
                                  .arg(split.heldOut.clips().size())),
                 qPrintable(log.left(2000)));
    }
    QCOMPARE(results["scaling"]["x"].get<std::string>(), std::string("train_clips"));
    QVERIFY(results["scaling"]["fit"].is_object());
}

void tst_ScalingStudy::diffusionHeldOutLossIsRepeatable()
{
    // A VAE and a denoiser of two steps each in a project of their own: the held-out loss is
    // a finite positive figure, the same on a second measurement (fixed draws).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = vdtest::makeDemoProject(dir.path(), 12, 32, 8,
                                                    {{"/dataset/width", 32},
                                                     {"/dataset/height", 32},
                                                     {"/dataset/frames", 4},
                                                     {"/dataset/held_out", 0.2},
                                                     {"/vae/crop", 0},
                                                     {"/vae/train/batch_size", 2},
                                                     {"/vae/train/precision", "float32"},
                                                     {"/diffusion/model/base_channels", 8},
                                                     {"/diffusion/train/batch_size", 2},
                                                     {"/diffusion/train/precision", "float32"},
                                                     {"/diffusion/judge/every", 0}});
    QVERIFY(!project.isEmpty());
    for (const char* command : {"train-vae", "train-diffusion"}) {
        const auto r =
            vdtest::run(vdtest::cliPath(), {command, project, "--steps", "2", "--threads", "1"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const vd::Project p = vd::Project::load(project.toStdString());
    vd::DiffusionHeldOutLossOptions options;
    options.device = "cpu";
    options.draws = 2;
    const vd::DiffusionHeldOutLoss first = vd::evaluateDiffusionHeldOutLoss(p, options);
    QVERIFY(first.clips > 0);
    QCOMPARE(first.draws, 2);
    QVERIFY2(std::isfinite(first.loss) && first.loss > 0.0,
             qPrintable(QString::number(first.loss)));
    QVERIFY(first.checkpoint.find("step-2") != std::string::npos);
    const vd::DiffusionHeldOutLoss second = vd::evaluateDiffusionHeldOutLoss(p, options);
    QCOMPARE(second.loss, first.loss);
}

void tst_ScalingStudy::rejectsBadScale_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("named"); // what the one error line must name
    QTest::newRow("not a number") << QStringList{"--scale", "model=0.5,wide"} << "'wide'";
    QTest::newRow("zero width") << QStringList{"--scale", "model=0,1"} << "'0'";
    QTest::newRow("share above 1") << QStringList{"--scale", "data=0.5,1.5"} << "'1.5'";
    QTest::newRow("unknown axis") << QStringList{"--scale", "depth=1,2"} << "depth=1,2";
    QTest::newRow("same width") << QStringList{"--scale", "model=0.5,0.6"} << "model=0.5,0.6";
    QTest::newRow("bad match") << QStringList{"--scale", "model=1,2", "--match", "flops"}
                               << "flops";
    QTest::newRow("two axes") << QStringList{"--scale", "model=1,2", "--scale", "data=0.5,1"}
                              << "--scale";
    QTest::newRow("grid beside") << QStringList{"--scale", "model=1,2", "--set",
                                                "vae.loss.kl_weight=1e-6,1e-4"}
                                 << "vae.loss.kl_weight";
}

void tst_ScalingStudy::rejectsBadScale()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, named);
    const auto r = vdtest::run(
        vdtest::cliPath(),
        QStringList{"sweep", m_project, "--stage", "vae", "--name", "bad", "--steps", "2"} + flags);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
    QCOMPARE(r.err.trimmed().count('\n'), 0);     // one line
    QVERIFY(!QFileInfo::exists(sweepDir("bad"))); // rejected before anything ran
}

QTEST_APPLESS_MAIN(tst_ScalingStudy)
#include "tst_ScalingStudy.moc"
