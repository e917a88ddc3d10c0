// SPDX-License-Identifier: GPL-3.0-or-later
// The Experiments panel over real sweep folders written by core's own writers (SweepPlan,
// SweepManifest, SweepResults, ScalingStudy, PreviewArchive) without training: the results
// table and its numeric sorting, the curves of the selected variants overlaid, their previews
// side by side, the scaling plot, a running sweep's table read live, the command line the
// form builds, a bad value reported before anything runs, and the CLI's error and stop
// handled (through stand-in programs).
#include "../common/TrainedProject.h"

#include "ProjectSession.h"
#include "controllers/SweepController.h"
#include "models/SweepTableModel.h"
#include "panels/ExperimentsPanel.h"
#include "widgets/ScalingPlot.h"
#include "widgets/SweepCurvesPlot.h"
#include "widgets/SweepDefinitionForm.h"
#include "widgets/SweepPreviewGrid.h"

#include "experiment/ScalingStudy.h"
#include "experiment/SweepManifest.h"
#include "experiment/SweepPlan.h"
#include "experiment/SweepResults.h"
#include "train/PreviewArchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace vd;
using namespace vd::ui;

namespace {

/// Parameters of the scaling fixture's variants: numeric order differs from text order.
const double kParameters[] = {9000.0, 40000.0, 150000.0};

void writeMetrics(const std::string& dir, int steps, double scale)
{
    std::ofstream out(dir + "/metrics.jsonl");
    for (int s = 1; s <= steps; ++s) {
        out << "{\"step\": " << s << ", \"loss\": " << scale / s
            << ", \"recon\": " << scale / (2.0 * s) << ", \"time_s\": " << 0.1 * s << "}\n";
    }
}

void writePreview(const std::string& dir, int64_t step, uint8_t shade)
{
    PreviewClip clip;
    clip.stage = Stage::VAE;
    clip.step = step;
    clip.kind = "reconstruction";
    clip.frames.frames = 2;
    clip.frames.width = 16;
    clip.frames.height = 8;
    clip.frames.data.assign(2 * 16 * 8 * 3, shade);
    PreviewArchive(dir + "/samples").write(clip);
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class tst_ExperimentsPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsTheProjectsSweeps();
    void tableShowsResultsAndSortsNumerically();
    void curvesOverlayTheSelectedVariants();
    void previewsSideBySide();
    void scalingPlotShowsPointsAndFit();
    void runningSweepIsReadLive();
    void commandLineFromTheForm();
    void badValueIsReported();
    void cliErrorIsShown();
    void stopSendsSigint();
    void realSweepRunsAndIsStopped();

private:
    ExperimentsPanel* openedPanel(const QString& sweepDir);

    QTemporaryDir m_dir;
    ProjectSession m_session;
    QString m_scalingDir;
    QString m_liveDir;
    std::unique_ptr<ExperimentsPanel> m_panel;
};

void tst_ExperimentsPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString project =
        vdtest::makeDemoProject(m_dir.path(), 8, 32, 8, vdtest::tinyProjectPatch());
    QVERIFY(!project.isEmpty());
    QString error;
    QVERIFY2(m_session.open(project, &error), qPrintable(error));
    const Project& p = m_session.project();

    // A finished scaling study (model=0.5,1,2), as the CLI leaves it.
    {
        const SweepPlan plan(p, Stage::VAE, {SweepAxis::parseScale("model=0.5,1,2")});
        plan.writeVariantProjects();
        SweepRunSettings settings;
        settings.steps = 4;
        SweepManifest manifest = SweepManifest::openFor(plan, settings);
        for (size_t i = 0; i < plan.variants().size(); ++i) {
            const SweepVariant& v = plan.variants()[i];
            const std::string dir = plan.variantDir(v);
            writeMetrics(dir, 4, 1.0 + double(i));
            const double heldout = 2.0 * std::pow(kParameters[i], -0.2);
            const nlohmann::json result = {{"variant", v.name},
                                           {"stage", "vae"},
                                           {"parameters", kParameters[i]},
                                           {"flops_per_step", 1e9 * double(i + 1)},
                                           {"eval",
                                            {{"psnr_db", 20.0 + double(i)},
                                             {"ssim", 0.5},
                                             {"heldout_loss", heldout},
                                             {"blob_score", 0.1},
                                             {"blob_verdict", "clean"}}}};
            std::ofstream(dir + "/result.json") << result.dump(2);
            writePreview(dir, 4, static_cast<uint8_t>(60 * i));
            manifest.markStarted(v.name);
            manifest.markFinished(v.name);
        }
        manifest.save();
        SweepResults results = SweepResults::collect(plan, manifest, "steps");
        const ScalingStudy study = ScalingStudy::analyse(plan, results, ScaleMatch::Steps);
        results.setExtra("scaling", study.toJson());
        results.write(plan.dir());
        m_scalingDir = QString::fromStdString(plan.dir());
    }
    // A sweep still running: sweep.json and the runs' metrics, no results.json yet.
    {
        const SweepPlan plan(p, Stage::VAE, {SweepAxis::parse("vae.loss.kl_weight=1e-6,1e-4")});
        plan.writeVariantProjects();
        SweepManifest manifest = SweepManifest::openFor(plan, SweepRunSettings{});
        writeMetrics(plan.variantDir(plan.variants()[0]), 6, 3.0);
        writeMetrics(plan.variantDir(plan.variants()[1]), 2, 5.0);
        manifest.markStarted(plan.variants()[0].name);
        manifest.markFinished(plan.variants()[0].name);
        manifest.markStarted(plan.variants()[1].name);
        manifest.save();
        m_liveDir = QString::fromStdString(plan.dir());
    }
}

ExperimentsPanel* tst_ExperimentsPanel::openedPanel(const QString& sweepDir)
{
    m_panel = std::make_unique<ExperimentsPanel>(&m_session);
    m_panel->resize(1200, 800);
    m_panel->show();
    m_panel->openSweep(sweepDir);
    return m_panel.get();
}

void tst_ExperimentsPanel::listsTheProjectsSweeps()
{
    ExperimentsPanel panel(&m_session);
    QListWidget* list = panel.sweepList();
    QCOMPARE(list->count(), 2);
    QStringList names;
    for (int i = 0; i < list->count(); ++i) {
        names << list->item(i)->text();
    }
    QVERIFY2(names[0].startsWith("vae-kl_weight") && names[0].contains("1 of 2"),
             qPrintable(names.join('|')));
    QVERIFY2(names[1].startsWith("vae-model") && names[1].contains("3 of 3"),
             qPrintable(names.join('|')));
    // Choosing one reads it.
    list->setCurrentRow(1);
    QTRY_COMPARE(panel.snapshot().name, QString("vae-model"));
}

void tst_ExperimentsPanel::tableShowsResultsAndSortsNumerically()
{
    ExperimentsPanel* panel = openedPanel(m_scalingDir);
    SweepTableModel* model = panel->tableModel();
    QTRY_COMPARE(model->rowCount(), 3);
    QVERIFY(!panel->snapshot().live); // results.json is the sweep's own table
    for (const char* c : {"variant", "scale.model", "base_channels", "status", "parameters",
                          "final_loss", "psnr_db", "heldout_loss"}) {
        QVERIFY2(model->columnOf(c) >= 0, c);
    }
    const int params = model->columnOf("parameters");
    QVERIFY(model->isNumericColumn(params));
    QVERIFY(!model->isNumericColumn(model->columnOf("variant")));
    QCOMPARE(model->index(1, params).data(SweepTableModel::RawRole).toDouble(), 40000.0);
    QCOMPARE(model->index(1, model->columnOf("status")).data(SweepTableModel::RawRole).toString(),
             QString("finished"));
    QCOMPARE(model->headerData(model->columnOf("final_loss"), Qt::Horizontal).toString(),
             QString("Final loss"));

    QSortFilterProxyModel* sorted = panel->sortedModel();
    auto order = [&] {
        QStringList names;
        for (int r = 0; r < sorted->rowCount(); ++r) {
            names << model->variantAt(sorted->mapToSource(sorted->index(r, 0)).row());
        }
        return names;
    };
    // Shuffle the rows first with a text column, then order by a number: 9000 < 40000 < 150000
    // (as text "150000" would come first).
    sorted->sort(model->columnOf("variant"), Qt::DescendingOrder);
    QCOMPARE(order(), QStringList({"model=2", "model=1", "model=0.5"}));
    sorted->sort(params, Qt::AscendingOrder);
    QCOMPARE(order(), QStringList({"model=0.5", "model=1", "model=2"}));
    sorted->sort(params, Qt::DescendingOrder);
    QCOMPARE(order(), QStringList({"model=2", "model=1", "model=0.5"}));
    // The held-out loss falls as the parameters grow.
    sorted->sort(model->columnOf("heldout_loss"), Qt::AscendingOrder);
    QCOMPARE(order(), QStringList({"model=2", "model=1", "model=0.5"}));
}

void tst_ExperimentsPanel::curvesOverlayTheSelectedVariants()
{
    ExperimentsPanel* panel = openedPanel(m_scalingDir);
    SweepCurvesPlot* curves = panel->curvesPlot();
    // A sweep opens with its variants selected: one curve each.
    QTRY_COMPARE(curves->seriesCount(), 3);
    QCOMPARE(curves->currentMetric(), QString("loss"));
    QVERIFY(curves->metrics().contains("recon"));
    panel->selectVariants({"model=0.5", "model=2"});
    QTRY_COMPARE(curves->seriesCount(), 2);
    QCOMPARE(curves->seriesNames(), QStringList({"model=0.5", "model=2"}));
    curves->setCurrentMetric("recon");
    QCOMPARE(curves->seriesCount(), 2);
    panel->selectVariants({});
    QTRY_COMPARE(curves->seriesCount(), 0);
}

void tst_ExperimentsPanel::previewsSideBySide()
{
    ExperimentsPanel* panel = openedPanel(m_scalingDir);
    SweepPreviewGrid* grid = panel->previewGrid();
    QTRY_COMPARE(grid->columnCount(), 3);
    QCOMPARE(grid->rowCount(), 1); // the same reconstruction clip in every variant
    QCOMPARE(grid->rowCaptions(), QStringList({"Reconstruction 1"}));
    QCOMPARE(grid->columnCaptions().front(), QString("model=0.5, step 4"));
    panel->selectVariants({"model=1"});
    QTRY_COMPARE(grid->columnCount(), 1);
}

void tst_ExperimentsPanel::scalingPlotShowsPointsAndFit()
{
    ExperimentsPanel* panel = openedPanel(m_scalingDir);
    ScalingPlot* plot = panel->scalingPlot();
    QTRY_COMPARE(plot->pointCount(), 3);
    QVERIFY(plot->hasFitLine());
    const SweepScaling& s = panel->snapshot().scaling;
    QVERIFY(s.present);
    QCOMPARE(s.xColumn, QString("parameters"));
    QCOMPARE(s.x, QVector<double>({9000.0, 40000.0, 150000.0}));
    QVERIFY2(std::abs(s.b - 0.2) < 1e-6, qPrintable(QString::number(s.b)));
    QVERIFY(plot->summaryText().contains("0.2"));
    QVERIFY(panel->tabs()->isTabEnabled(panel->tabs()->indexOf(plot)));

    // A sweep that is not a scaling study has no scaling plot.
    panel->openSweep(m_liveDir);
    QTRY_COMPARE(panel->snapshot().name, QString("vae-kl_weight"));
    QCOMPARE(plot->pointCount(), 0);
    QVERIFY(!panel->tabs()->isTabEnabled(panel->tabs()->indexOf(plot)));
}

void tst_ExperimentsPanel::runningSweepIsReadLive()
{
    ExperimentsPanel* panel = openedPanel(m_liveDir);
    SweepTableModel* model = panel->tableModel();
    QTRY_COMPARE(model->rowCount(), 2);
    QVERIFY(panel->snapshot().live);
    QCOMPARE(panel->snapshot().finished, 1);
    const int status = model->columnOf("status");
    const int steps = model->columnOf("steps");
    const int finalLoss = model->columnOf("final_loss");
    QVERIFY(status >= 0 && steps >= 0 && finalLoss >= 0);
    QCOMPARE(model->variantAt(0), QString("kl_weight=1e-6"));
    QCOMPARE(model->index(0, status).data(SweepTableModel::RawRole).toString(),
             QString("finished"));
    QCOMPARE(model->index(1, status).data(SweepTableModel::RawRole).toString(), QString("pending"));
    QCOMPARE(model->index(0, steps).data(SweepTableModel::RawRole).toDouble(), 6.0);
    QCOMPARE(model->index(1, finalLoss).data(SweepTableModel::RawRole).toDouble(), 2.5);
    // Not measured yet: empty, and sorted last.
    QVERIFY(
        !model->index(1, model->columnOf("parameters")).data(SweepTableModel::RawRole).isValid());

    // The run goes on: the table follows.
    writeMetrics((m_liveDir + "/kl_weight=1e-4").toStdString(), 5, 5.0);
    panel->refresh();
    QTRY_COMPARE(model->index(1, steps).data(SweepTableModel::RawRole).toDouble(), 5.0);
}

void tst_ExperimentsPanel::commandLineFromTheForm()
{
    ExperimentsPanel panel(&m_session);
    SweepDefinitionForm* form = panel.form();
    form->setProgram("/opt/vd/vdstudio-cli");
    QVERIFY(form->keysFor(Stage::VAE).contains("vae.loss.kl_weight"));
    QVERIFY(form->keysFor(Stage::VAE).contains("dataset.frames"));
    QVERIFY(!form->keysFor(Stage::VAE).contains("diffusion.train.learning_rate"));
    QVERIFY(form->keysFor(Stage::Diffusion).contains("sampling.guidance_scale"));
    QVERIFY(!form->keysFor(Stage::Diffusion).contains("vae.loss.kl_weight"));

    form->removeAxis(0);
    form->addAxis("vae.loss.kl_weight", "1e-6, 1e-4");
    form->addAxis("vae.model.encoder_norm", "group ,none");
    form->findChild<QSpinBox*>("sweepSteps")->setValue(20);
    QVERIFY2(form->isValid(), qPrintable(form->errorText()));
    const QString project = m_session.filePath();
    QVERIFY(!form->commandLine().contains("--parallel")); // the CLI's choice by default
    form->findChild<QSpinBox*>("sweepParallel")->setValue(2);
    QCOMPARE(form->request().arguments(), QStringList({"sweep", project, "--stage", "vae", "--set",
                                                       "vae.loss.kl_weight=1e-6,1e-4", "--set",
                                                       "vae.model.encoder_norm=group,none",
                                                       "--steps", "20", "--parallel", "2"}));
    QCOMPARE(form->commandLine(), "/opt/vd/vdstudio-cli sweep " + project +
                                      " --stage vae --set vae.loss.kl_weight=1e-6,1e-4 --set "
                                      "vae.model.encoder_norm=group,none --steps 20 --parallel 2");
    QCOMPARE(form->request().effectiveName(), QString("vae-kl_weight-encoder_norm"));
    QVERIFY(panel.findChild<QPushButton*>("startSweep")->isEnabled());

    // A scaling study: --scale, and the matching it asks for.
    SweepRequest scaling = form->request();
    scaling.axes = {{SweepRequest::kScaleModel, "0.5, 1, 2"}};
    scaling.match = "compute";
    scaling.name = "widths";
    scaling.steps = 0;
    scaling.parallel = 0;
    scaling.evaluate = false;
    form->setRequest(scaling);
    QCOMPARE(form->axisCount(), 1);
    QVERIFY2(form->isValid(), qPrintable(form->errorText()));
    QCOMPARE(form->request().arguments(),
             QStringList({"sweep", project, "--stage", "vae", "--scale", "model=0.5,1,2", "--name",
                          "widths", "--match", "compute", "--no-eval"}));
}

void tst_ExperimentsPanel::badValueIsReported()
{
    ExperimentsPanel panel(&m_session);
    SweepDefinitionForm* form = panel.form();
    auto* start = panel.findChild<QPushButton*>("startSweep");
    form->removeAxis(0);
    QVERIFY(!form->isValid()); // nothing to vary
    QVERIFY(!start->isEnabled());

    form->addAxis("vae.loss.kl_weight", "1e-6, -1");
    QVERIFY(!form->isValid());
    QVERIFY2(form->errorText().contains("vae.loss.kl_weight") &&
                 form->errorText().contains("out of range"),
             qPrintable(form->errorText()));
    QVERIFY(!start->isEnabled());
    panel.start();
    QCOMPARE(panel.errorText(), form->errorText());
    QVERIFY(!panel.controller()->isRunning());

    // A key the stage does not vary.
    form->removeAxis(0);
    form->addAxis("vae.loss.kl_weight", "1e-6");
    QVERIFY2(form->isValid(), qPrintable(form->errorText()));
    SweepRequest r = form->request();
    r.stage = Stage::Diffusion;
    form->setRequest(r); // the diffusion stage offers no vae.* key: the axis has none
    QVERIFY(!form->isValid());
}

void tst_ExperimentsPanel::cliErrorIsShown()
{
    // The form's check passes, the CLI refuses: a sweep of that name exists with other
    // settings (exit 2, one line).
    ExperimentsPanel panel(&m_session);
    panel.controller()->setCliProgram(vdtest::cliPath());
    SweepRequest r = panel.form()->request();
    r.axes = {{SweepRequest::kScaleModel, "0.5,1,2"}};
    r.name = "vae-model";
    r.steps = 7; // the fixture's sweep ran 4
    panel.form()->setRequest(r);
    QVERIFY2(panel.form()->isValid(), qPrintable(panel.form()->errorText()));
    QSignalSpy finished(panel.controller(), &SweepController::finished);
    panel.start();
    QVERIFY(finished.count() == 1 || finished.wait(60000));
    QCOMPARE(finished.front().at(0).toInt(), SweepController::kUsageExitCode);
    QVERIFY2(panel.errorText().startsWith("The sweep did not start: ") &&
                 panel.errorText().contains("holds another sweep"),
             qPrintable(panel.errorText()));
    QVERIFY(panel.outputText().contains("--scale model=0.5,1,2 --steps 7 --name vae-model"));
    QVERIFY(panel.form()->isEnabled());
}

void tst_ExperimentsPanel::stopSendsSigint()
{
    const QString fake = m_dir.filePath("fake-cli-stop");
    writeFile(fake, "#!/bin/sh\ntrap 'echo \"sweep stopped\"; exit 130' INT\necho started\n"
                    "while true; do sleep 0.05; done\n");
    QFile::setPermissions(fake, QFile::permissions(fake) | QFileDevice::ExeOwner);
    ExperimentsPanel panel(&m_session);
    panel.controller()->setCliProgram(fake);
    panel.form()->removeAxis(0);
    panel.form()->addAxis("vae.loss.kl_weight", "1e-6,1e-4");
    QVERIFY(panel.form()->isValid());
    QSignalSpy finished(panel.controller(), &SweepController::finished);
    panel.start();
    QVERIFY(panel.controller()->isRunning());
    QVERIFY(!panel.form()->isEnabled());
    QTRY_VERIFY(panel.outputText().contains("started"));
    auto* stop = panel.findChild<QPushButton*>("stopSweep");
    QVERIFY(stop->isEnabled());
    stop->click();
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QCOMPARE(finished.front().at(0).toInt(), SweepController::kStoppedExitCode);
    QVERIFY(panel.outputText().contains("sweep stopped"));
    QVERIFY(panel.errorText().isEmpty());
    QVERIFY(panel.form()->isEnabled());
}

void tst_ExperimentsPanel::realSweepRunsAndIsStopped()
{
    ExperimentsPanel panel(&m_session);
    panel.controller()->setCliProgram(vdtest::cliPath());
    SweepRequest r = panel.form()->request();
    r.axes = {{"vae.loss.kl_weight", "1e-6, 1e-4"}};
    r.name = "e2e";
    r.steps = 2;
    panel.form()->setRequest(r);
    QVERIFY2(panel.form()->isValid(), qPrintable(panel.form()->errorText()));
    QSignalSpy finished(panel.controller(), &SweepController::finished);
    panel.start();
    // The started sweep is listed and shown as soon as its folder appears.
    QTRY_COMPARE_WITH_TIMEOUT(
        panel.currentSweepDir(),
        QDir(QFileInfo(m_session.filePath()).absolutePath()).absoluteFilePath("runs/sweeps/e2e"),
        60000);
    QVERIFY(finished.count() == 1 || finished.wait(300000));
    QCOMPARE(finished.front().at(0).toInt(), 0);
    QVERIFY(panel.errorText().isEmpty());
    QTRY_COMPARE(panel.snapshot().finished, 2);
    QTRY_VERIFY(!panel.snapshot().live); // the sweep's own results.json
    QCOMPARE(panel.tableModel()->rowCount(), 2);
    const int steps = panel.tableModel()->columnOf("steps");
    QCOMPARE(panel.tableModel()->index(0, steps).data(SweepTableModel::RawRole).toDouble(), 2.0);
    QTRY_COMPARE(panel.curvesPlot()->seriesCount(), 2);

    // A long sweep under another name, stopped: SIGINT, exit 130, a checkpoint to resume from.
    r.name = "e2e-stop";
    r.steps = 100000;
    panel.form()->setRequest(r);
    panel.start();
    // The variant is on its way ("sweep: NAME" one after another, "sweep: started NAME" side
    // by side).
    static const QRegularExpression started("^sweep: (started )?kl_weight=1e-6",
                                            QRegularExpression::MultilineOption);
    QTRY_VERIFY_WITH_TIMEOUT(panel.outputText().contains(started), 60000);
    finished.clear();
    panel.stop();
    QVERIFY(finished.count() == 1 || finished.wait(300000));
    QCOMPARE(finished.front().at(0).toInt(), SweepController::kStoppedExitCode);
    QVERIFY(panel.errorText().isEmpty());
    QVERIFY(QFileInfo::exists(QFileInfo(m_session.filePath()).absolutePath() +
                              "/runs/sweeps/e2e-stop/results.json"));
}

QTEST_MAIN(tst_ExperimentsPanel)
#include "tst_ExperimentsPanel.moc"
