// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace vd::ui {

/// Device, torch threads, language and theme. Reads AppSettings when shown and writes them on
/// accept; the caller applies the theme, threads and language afterwards.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

public Q_SLOTS:
    void accept() override;

private:
    QComboBox* m_device;
    QSpinBox* m_threads;
    QComboBox* m_language;
    QComboBox* m_theme;
};

} // namespace vd::ui
