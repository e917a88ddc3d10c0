// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProjectSession.h"
#include "widgets/ProjectSettingsForm.h"

#include "project/Project.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using vd::ui::ProjectSession;
using vd::ui::ProjectSettingsForm;

class tst_ProjectSettingsForm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void showsEveryStageOfTheProject();
    void invalidValueNamesTheKeyAndBlocksApply();
    void validEditAppliesToTheSessionAndSaves();
    void typedTextIsValidatedAsYouType();
    void revertDropsEdits();
    void filterHidesOtherSettings();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_ProjectSettingsForm::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath("p.vdproj");
    vd::Project project = vd::Project::fromPreset("demo");
    project.name = "formtest";
    project.dataset.root = "data";
    project.save(m_path.toStdString());
}

void tst_ProjectSettingsForm::showsEveryStageOfTheProject()
{
    ProjectSession session;
    ProjectSettingsForm form(&session);
    QVERIFY(!form.isEnabled());
    QVERIFY(session.open(m_path));
    QVERIFY(form.isEnabled());
    for (const char* key : {"dataset.width", "vae.train.learning_rate", "vae.model.encoder_norm",
                            "diffusion.objective.objective", "sampling.sampler",
                            "diffusion.train.steps", "vae.model.channel_multipliers"}) {
        QVERIFY2(form.findChild<QWidget*>(key) != nullptr, key);
    }
    QCOMPARE(form.findChild<QSpinBox*>("dataset.width")->value(), 64);
    QVERIFY(form.isValid());
    QVERIFY(!form.hasEdits());
}

void tst_ProjectSettingsForm::invalidValueNamesTheKeyAndBlocksApply()
{
    ProjectSession session;
    ProjectSettingsForm form(&session);
    QVERIFY(session.open(m_path));
    QSignalSpy validity(&form, &ProjectSettingsForm::validityChanged);
    QVERIFY(form.setValue("/vae/train/learning_rate", -1.0));
    QVERIFY(!form.isValid());
    QVERIFY2(form.errorText().contains("vae.train.learning_rate"), qPrintable(form.errorText()));
    QCOMPARE(validity.count(), 1);
    QVERIFY(!form.apply());
    QCOMPARE(session.project().vae.train.learningRate, 1e-3);
    auto* apply = form.findChild<QPushButton*>();
    QVERIFY(apply);
    // A cross-field rule: width not divisible by the VAE's downsampling.
    QVERIFY(form.setValue("/vae/train/learning_rate", 2e-3));
    QVERIFY(form.isValid());
    QVERIFY(form.setValue("/dataset/width", 66));
    QVERIFY(!form.isValid());
    QVERIFY2(form.errorText().contains("width"), qPrintable(form.errorText()));
}

void tst_ProjectSettingsForm::validEditAppliesToTheSessionAndSaves()
{
    ProjectSession session;
    ProjectSettingsForm form(&session);
    QVERIFY(session.open(m_path));
    QSignalSpy changed(&session, &ProjectSession::settingsChanged);
    QVERIFY(form.setValue("/vae/train/steps", 123));
    QVERIFY(form.setValue("/vae/model/decoder_norm", "channel"));
    QVERIFY(form.setValue("/vae/model/decoder_temporal", true));
    QVERIFY(form.isValid());
    QVERIFY(form.apply());
    QCOMPARE(changed.count(), 1);
    QVERIFY(session.modified());
    QCOMPARE(session.project().vae.train.steps, 123);
    QVERIFY(session.project().vae.model.decoderTemporal);
    QVERIFY(session.save());
    const vd::Project reloaded = vd::Project::load(m_path.toStdString());
    QCOMPARE(reloaded.vae.train.steps, 123);
    QCOMPARE(reloaded.name, std::string("formtest"));
    QVERIFY(!form.hasEdits());
}

void tst_ProjectSettingsForm::typedTextIsValidatedAsYouType()
{
    ProjectSession session;
    ProjectSettingsForm form(&session);
    QVERIFY(session.open(m_path));
    auto* lr = form.findChild<QLineEdit*>("vae.train.learning_rate");
    QVERIFY(lr);
    lr->clear();
    QTest::keyClicks(lr, "abc");
    QVERIFY(!form.isValid());
    QVERIFY2(form.errorText().contains("learning_rate"), qPrintable(form.errorText()));
    lr->selectAll();
    QTest::keyClicks(lr, "5e-4");
    QVERIFY2(form.isValid(), qPrintable(form.errorText()));
    QVERIFY(form.apply());
    QCOMPARE(session.project().vae.train.learningRate, 5e-4);
}

void tst_ProjectSettingsForm::revertDropsEdits()
{
    ProjectSession session;
    ProjectSettingsForm form(&session);
    QVERIFY(session.open(m_path));
    QVERIFY(form.setValue("/dataset/frames", 0));
    QVERIFY(!form.isValid());
    form.revert();
    QVERIFY(form.isValid());
    QVERIFY(!form.hasEdits());
    QCOMPARE(form.findChild<QSpinBox*>("dataset.frames")->value(), 8);
}

void tst_ProjectSettingsForm::filterHidesOtherSettings()
{
    ProjectSession session;
    ProjectSettingsForm form(&session);
    QVERIFY(session.open(m_path));
    form.show();
    auto* filter = form.findChild<QLineEdit*>("settingsFilter");
    QVERIFY(filter);
    filter->setText("learning_rate");
    QTRY_VERIFY(form.findChild<QWidget*>("vae.train.learning_rate")->isVisible());
    QTRY_VERIFY(!form.findChild<QWidget*>("dataset.width")->isVisible());
    filter->clear();
    QTRY_VERIFY(form.findChild<QWidget*>("dataset.width")->isVisible());
}

QTEST_MAIN(tst_ProjectSettingsForm)
#include "tst_ProjectSettingsForm.moc"
