// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/SampleWorker.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace vd::ui {

/// The Preview panel's "Sample now" settings, one row each: sampler, steps, guidance,
/// autoguidance (enabled when the run kept a guide), label (unconditional, a class, or all
/// classes), seed (with a "New" button for a random one) and the number of clips. The sampler
/// and label lists follow the loaded models (setModel()).
///
/// Threads: UI thread only.
class SampleSettingsForm final : public QWidget {
    Q_OBJECT
public:
    explicit SampleSettingsForm(QWidget* parent = nullptr);

    /// The controls' values; setting them fills the controls (an unknown sampler keeps the
    /// current one, an unknown label selects "Unconditional").
    SampleSettings settings() const;
    void setSettings(const SampleSettings& settings);
    /// Offers the loaded models' samplers and labels, keeping the current settings where they
    /// still fit; `firstLoad` selects a conditional model's first class.
    void setModel(const SampleModelInfo& info, bool firstLoad);
    /// Back to the one label "Unconditional" (no models loaded).
    void clearLabels();
    /// Enables or disables the controls (disabled while sampling).
    void setEditable(bool editable);

private:
    void updateAutoguidanceTip();

    QComboBox* m_samplerCombo = nullptr;
    QSpinBox* m_stepsSpin = nullptr;
    QDoubleSpinBox* m_guidanceSpin = nullptr;
    QDoubleSpinBox* m_autoguidanceSpin = nullptr;
    bool m_hasGuide = true; ///< the loaded run kept an autoguidance guide (or none loaded yet)
    QComboBox* m_labelCombo = nullptr;
    QSpinBox* m_seedSpin = nullptr;
    QSpinBox* m_countSpin = nullptr;
};

} // namespace vd::ui
