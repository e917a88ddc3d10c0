// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/SampleSettingsForm.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>
#include <climits>

namespace vd::ui {

SampleSettingsForm::SampleSettingsForm(QWidget* parent) : QWidget(parent)
{
    m_samplerCombo = new QComboBox(this);
    for (const std::string& name : SamplingConfig::samplerNames()) {
        m_samplerCombo->addItem(QString::fromStdString(name));
    }
    m_samplerCombo->setToolTip(tr("The samplers that fit the model's training objective"));
    m_stepsSpin = new QSpinBox(this);
    m_stepsSpin->setRange(1, 1000);
    m_stepsSpin->setToolTip(tr("Sampler steps (Heun evaluates the model twice per step)"));
    m_guidanceSpin = new QDoubleSpinBox(this);
    m_guidanceSpin->setRange(0.0, 20.0);
    m_guidanceSpin->setSingleStep(0.5);
    m_guidanceSpin->setDecimals(2);
    m_guidanceSpin->setToolTip(
        tr("Classifier-free guidance: 1 uses the label's prediction as is, more follows the "
           "label more strongly"));
    m_autoguidanceSpin = new QDoubleSpinBox(this);
    m_autoguidanceSpin->setObjectName(QStringLiteral("autoguidance"));
    m_autoguidanceSpin->setRange(0.0, 20.0);
    m_autoguidanceSpin->setSingleStep(0.5);
    m_autoguidanceSpin->setDecimals(2);
    m_labelCombo = new QComboBox(this);
    m_labelCombo->addItem(tr("Unconditional"), -1);
    m_seedSpin = new QSpinBox(this);
    m_seedSpin->setRange(0, INT_MAX);
    auto* diceButton = new QToolButton(this);
    diceButton->setText(tr("New"));
    diceButton->setToolTip(tr("Pick a random seed"));
    connect(diceButton, &QToolButton::clicked, this, [this] {
        m_seedSpin->setValue(static_cast<int>(QRandomGenerator::global()->bounded(INT_MAX)));
    });
    auto* seedRow = new QWidget(this);
    auto* seedLayout = new QHBoxLayout(seedRow);
    seedLayout->setContentsMargins(0, 0, 0, 0);
    seedLayout->addWidget(m_seedSpin, 1);
    seedLayout->addWidget(diceButton);
    m_countSpin = new QSpinBox(this);
    m_countSpin->setRange(1, 64);
    m_countSpin->setValue(4);
    m_countSpin->setToolTip(tr("Clips to generate; they play side by side"));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Sampler:"), m_samplerCombo);
    form->addRow(tr("Steps:"), m_stepsSpin);
    form->addRow(tr("Guidance:"), m_guidanceSpin);
    form->addRow(tr("Autoguidance:"), m_autoguidanceSpin);
    form->addRow(tr("Label:"), m_labelCombo);
    form->addRow(tr("Seed:"), seedRow);
    form->addRow(tr("Clips:"), m_countSpin);
    updateAutoguidanceTip();
}

SampleSettings SampleSettingsForm::settings() const
{
    SampleSettings s;
    s.sampler = m_samplerCombo->currentText();
    s.steps = m_stepsSpin->value();
    s.guidanceScale = m_guidanceSpin->value();
    s.autoguidance = m_hasGuide ? m_autoguidanceSpin->value() : 0.0;
    s.label = m_labelCombo->currentData().isValid() ? m_labelCombo->currentData().toInt() : -1;
    s.seed = static_cast<quint64>(m_seedSpin->value());
    s.count = m_countSpin->value();
    return s;
}

void SampleSettingsForm::setSettings(const SampleSettings& s)
{
    const int sampler = m_samplerCombo->findText(s.sampler);
    if (sampler >= 0) {
        m_samplerCombo->setCurrentIndex(sampler);
    }
    m_stepsSpin->setValue(s.steps);
    m_guidanceSpin->setValue(s.guidanceScale);
    m_autoguidanceSpin->setValue(s.autoguidance);
    const int label = m_labelCombo->findData(s.label);
    m_labelCombo->setCurrentIndex(std::max(0, label));
    m_seedSpin->setValue(static_cast<int>(std::min<quint64>(s.seed, INT_MAX)));
    m_countSpin->setValue(s.count);
}

void SampleSettingsForm::setModel(const SampleModelInfo& info, bool firstLoad)
{
    SampleSettings keep = settings();
    keep.autoguidance = m_autoguidanceSpin->value(); // also while greyed out
    {
        const QSignalBlocker blockSampler(m_samplerCombo);
        const QSignalBlocker blockLabel(m_labelCombo);
        m_samplerCombo->clear();
        m_samplerCombo->addItems(info.samplers);
        m_labelCombo->clear();
        m_labelCombo->addItem(tr("Unconditional"), -1);
        for (int i = 0; i < info.labels.size(); ++i) {
            m_labelCombo->addItem(info.labels[i], i);
        }
        if (info.labels.size() > 1) {
            m_labelCombo->addItem(tr("All classes"), SampleSettings::kAllLabels);
        }
    }
    // Without a guide the setting is kept (shown greyed) for a later run that has one.
    m_hasGuide = info.guideStep >= 0;
    m_autoguidanceSpin->setEnabled(m_hasGuide);
    updateAutoguidanceTip();
    SampleSettings s = keep;
    if (!info.samplers.contains(s.sampler)) {
        s.sampler = QStringLiteral("auto");
    }
    if (s.label >= info.labels.size() ||
        (s.label == SampleSettings::kAllLabels && info.labels.size() < 2)) {
        s.label = -1;
    }
    // A conditional model starts on its first class: the unconditional branch is the weaker one.
    if (firstLoad && s.label == -1 && !info.labels.isEmpty()) {
        s.label = 0;
    }
    setSettings(s);
}

void SampleSettingsForm::updateAutoguidanceTip()
{
    m_autoguidanceSpin->setToolTip(
        m_hasGuide ? tr("Autoguidance: adds this much of the difference between the model and "
                        "its run's early checkpoint (the guide), which sharpens outlines; 0 = off")
                   : tr("This run kept no guide checkpoint (diffusion.guide_at in the project), "
                        "so clips are sampled without autoguidance"));
}

void SampleSettingsForm::clearLabels()
{
    m_labelCombo->clear();
    m_labelCombo->addItem(tr("Unconditional"), -1);
}

void SampleSettingsForm::setEditable(bool editable)
{
    for (QWidget* w : std::initializer_list<QWidget*>{m_samplerCombo, m_stepsSpin, m_guidanceSpin,
                                                      m_labelCombo, m_seedSpin, m_countSpin}) {
        w->setEnabled(editable);
    }
    m_autoguidanceSpin->setEnabled(editable && m_hasGuide);
}

} // namespace vd::ui
