// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace vd::ui {

/// The languages the studio ships besides English, as codes ("de", "zh_CN"): the catalogues
/// embedded at ":/i18n/vdstudio_<code>.qm" by qt_add_translations (translations/*.ts).
QStringList availableLanguages();

/// Installs the studio's catalogue and Qt's own (qtbase: standard buttons, file dialogs) for
/// `language`: a code from availableLanguages(), "en", or "" for the system locale. Replaces
/// the translators a previous call installed, and makes the language's locale the default so
/// numbers and dates match the text. Call before any widget is built: widgets translate their
/// text once, when they are made. Returns the code in effect ("en" when no catalogue matched).
QString installTranslations(const QString& language);

} // namespace vd::ui
