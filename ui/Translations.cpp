// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace vd::ui {

namespace {

const QString kCatalogueDir = QStringLiteral(":/i18n");

/// The translators the last installTranslations() call installed: the studio's and Qt's.
struct Installed {
    QPointer<QTranslator> app;
    QPointer<QTranslator> qt;
};

Installed& installed()
{
    static Installed translators;
    return translators;
}

void removeTranslator(QPointer<QTranslator>& translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

QStringList availableLanguages()
{
    QStringList codes;
    const QStringList files =
        QDir(kCatalogueDir).entryList({QStringLiteral("vdstudio_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        codes << file.mid(9, file.size() - 9 - 3); // vdstudio_<code>.qm
    }
    return codes;
}

QString installTranslations(const QString& language)
{
    removeTranslator(installed().app);
    removeTranslator(installed().qt);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // An explicit choice also sets number and date formats; "follow the system" already has them.
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        return QStringLiteral("en"); // the source strings are English
    }
    auto* app = new QTranslator(QCoreApplication::instance());
    // load(QLocale, ...) tries the locale's UI languages in order: zh_Hans_CN, zh_CN, zh, ...
    if (!app->load(locale, QStringLiteral("vdstudio"), QStringLiteral("_"), kCatalogueDir)) {
        delete app;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(app);
    installed().app = app;
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().qt = qt;
    } else {
        delete qt; // qt6-translations-l10n not installed: Qt's own dialogs stay English
    }
    // "vdstudio_zh_CN.qm" -> "zh_CN"
    const QString file = QFileInfo(app->filePath()).completeBaseName();
    return file.mid(9);
}

} // namespace vd::ui
