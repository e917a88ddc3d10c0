// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/PreferencesDialog.h"

#include "AppSettings.h"
#include "Translations.h"

#include "util/Threads.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace vd::ui {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    m_device = new QComboBox(this);
    m_device->addItem(tr("As set in the project"), QStringLiteral("project"));
    m_device->addItem(tr("Automatic (CUDA when available)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_threads = new QSpinBox(this);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(
        tr("Automatic (%1 on this machine)").arg(defaultThreadSettings().torchThreads));
    m_language = new QComboBox(this);
    m_language->addItem(tr("Follow the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString& code : availableLanguages()) {
        const QLocale locale(code);
        m_language->addItem(locale.nativeLanguageName(), code);
    }
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));

    m_device->setCurrentIndex(std::max(0, m_device->findData(AppSettings::device())));
    m_threads->setValue(AppSettings::torchThreads());
    m_language->setCurrentIndex(std::max(0, m_language->findData(AppSettings::language())));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(AppSettings::theme())));

    auto* form = new QFormLayout;
    form->addRow(tr("Training device:"), m_device);
    form->addRow(tr("Torch threads:"), m_threads);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Theme:"), m_theme);
    auto* note = new QLabel(tr("The device applies to the next run; a new language applies "
                               "after a restart."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    AppSettings::setDevice(m_device->currentData().toString());
    AppSettings::setTorchThreads(m_threads->value());
    AppSettings::setLanguage(m_language->currentData().toString());
    AppSettings::setTheme(m_theme->currentData().toString());
    QDialog::accept();
}

} // namespace vd::ui
