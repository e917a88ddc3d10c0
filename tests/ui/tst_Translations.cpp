// SPDX-License-Identifier: GPL-3.0-or-later
// The studio in other languages: the shipped catalogues load, the main window built after
// installTranslations("de") shows German in menus, docks and panels, Qt's own buttons are German
// too, and no visible text of the window or its dialogs stays English by mistake.
#include "AppSettings.h"
#include "MainWindow.h"
#include "Translations.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/NewProjectDialog.h"
#include "dialogs/PreferencesDialog.h"

#include "common/TsCatalogue.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QtTest>

#include <utility>

using vd::ui::installTranslations;

namespace {

/// One visible text of a widget tree, with where it was found.
struct Text {
    QString where;
    QString text;
};

QString nameOf(const QObject* o)
{
    return QString::fromLatin1(o->metaObject()->className()) +
           (o->objectName().isEmpty() ? QString() : QLatin1Char('#') + o->objectName());
}

/// Every user-visible string of `root` and its children, in a fixed order (creation order),
/// so that two trees built by the same code in two languages pair up item by item.
QVector<Text> visibleTexts(QWidget* root)
{
    QVector<Text> out;
    auto add = [&out](const QObject* o, const char* what, const QString& text) {
        if (!text.trimmed().isEmpty()) {
            out.push_back({nameOf(o) + QLatin1Char('.') + QLatin1String(what), text});
        }
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        add(w, "toolTip", w->toolTip());
        if (w->isWindow() || qobject_cast<QDockWidget*>(w)) {
            add(w, "windowTitle", w->windowTitle());
        }
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            add(w, "text", b->text());
        } else if (auto* l = qobject_cast<QLabel*>(w)) {
            add(w, "text", l->text());
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            add(w, "title", g->title());
        } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
            add(w, "placeholder", e->placeholderText());
        } else if (auto* c = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < c->count(); ++i) {
                add(w, "item", c->itemText(i));
            }
        } else if (auto* t = qobject_cast<QTabWidget*>(w)) {
            for (int i = 0; i < t->count(); ++i) {
                add(w, "tab", t->tabText(i));
            }
        } else if (auto* s = qobject_cast<QAbstractSpinBox*>(w)) {
            add(w, "special", s->specialValueText());
            if (auto* spin = qobject_cast<QSpinBox*>(w)) {
                add(w, "suffix", spin->suffix());
            }
        } else if (auto* p = qobject_cast<QProgressBar*>(w)) {
            add(w, "format", p->format());
        } else if (auto* m = qobject_cast<QMenu*>(w)) {
            add(w, "title", m->title());
        } else if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
            for (int c = 0; c < v->model()->columnCount(); ++c) {
                add(w, "header", v->model()->headerData(c, Qt::Horizontal).toString());
            }
        }
    }
    for (QAction* a : root->findChildren<QAction*>()) {
        add(a, "text", a->text());
        add(a, "statusTip", a->statusTip());
    }
    return out;
}

/// Texts that are the same in every language: no letters (numbers, "–", "✕", "%p%"), all-caps
/// abbreviations and format names (CPU, MP4, VAE), identifiers from the engine ("euler",
/// "vae.base_channels"), the product name and language names in their own language.
bool sameInEveryLanguage(const QString& text)
{
    static const QRegularExpression noLetters(QStringLiteral("^[^\\p{L}]*$"));
    static const QRegularExpression abbreviations(QStringLiteral("^[\\p{Lu}0-9+\\-./×() ]+$"));
    static const QRegularExpression identifiers(QStringLiteral("^[a-z0-9_+\\-.]+$"));
    static const QRegularExpression formatFields(QStringLiteral("%[a-z]")); // QProgressBar's %p%
    if (noLetters.match(QString(text).remove(formatFields)).hasMatch() ||
        abbreviations.match(text).hasMatch() || identifiers.match(text).hasMatch() ||
        text.startsWith(QLatin1String("VDStudio"))) {
        return true;
    }
    QStringList languages = vd::ui::availableLanguages();
    languages << QStringLiteral("en");
    for (const QString& code : languages) {
        if (text == QLocale(code).nativeLanguageName()) {
            return true;
        }
    }
    return text == QLatin1String("English");
}

/// Source texts whose translation is the source itself: words a language shares with English
/// ("Training" in German), kept on purpose by the translator.
QSet<QString> keptByTranslator(const QVector<vdtest::Message>& messages)
{
    QSet<QString> kept;
    for (const vdtest::Message& m : messages) {
        if (!m.numerus && m.translations == QStringList{m.source}) {
            kept.insert(m.source);
        }
    }
    return kept;
}

QString actionTextOf(const QMenuBar* bar, int index)
{
    return bar->actions().value(index) ? bar->actions().value(index)->text() : QString();
}

} // namespace

class tst_Translations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyLanguageShipsAndLoads_data();
    void everyLanguageShipsAndLoads();
    void englishNeedsNoCatalogue();
    void followsTheSystemLocale();
    void mainWindowSpeaksGerman();
    void qtOwnButtonsSpeakGerman();
    void noTextStaysEnglish_data();
    void noTextStaysEnglish();
};

void tst_Translations::initTestCase()
{
    QCoreApplication::setOrganizationName("VDStudioTest");
    QCoreApplication::setApplicationName("tst_Translations");
    QSettings().clear();
}

void tst_Translations::cleanup()
{
    installTranslations(QStringLiteral("en"));
}

void tst_Translations::everyLanguageShipsAndLoads_data()
{
    QTest::addColumn<QString>("code");
    for (const char* code : {"de", "es", "fr", "ja", "zh_CN"}) {
        QTest::newRow(code) << QString::fromLatin1(code);
    }
}

void tst_Translations::everyLanguageShipsAndLoads()
{
    QFETCH(QString, code);
    QVERIFY2(vd::ui::availableLanguages().contains(code),
             qPrintable(vd::ui::availableLanguages().join(' ')));
    QCOMPARE(installTranslations(code), code);
    // Every catalogue translates the menus and the panels' titles.
    for (const char* source : {"&File", "&Edit", "&Help", "Dataset", "Preview"}) {
        const QString translated = QCoreApplication::translate("vd::ui::MainWindow", source);
        QVERIFY2(!translated.isEmpty() && translated != QLatin1String(source),
                 qPrintable(code + ": " + source));
    }
    QCOMPARE(QLocale().name().left(2), code.left(2)); // numbers and dates follow the language
}

void tst_Translations::englishNeedsNoCatalogue()
{
    installTranslations(QStringLiteral("de"));
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("vd::ui::MainWindow", "&File"), QStringLiteral("&File"));
    // A language the studio does not ship falls back to English.
    QCOMPARE(installTranslations(QStringLiteral("sw")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("vd::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

void tst_Translations::followsTheSystemLocale()
{
    // QLocale::system() is read once per process from the environment, so a child process of
    // this test with a French locale runs the check.
    if (qEnvironmentVariableIsSet("VD_EXPECT_LANGUAGE")) {
        QCOMPARE(installTranslations(QString()), qEnvironmentVariable("VD_EXPECT_LANGUAGE"));
        return;
    }
    for (const auto& [locale, expected] :
         {std::pair{"fr_FR.UTF-8", "fr"}, std::pair{"zh_CN.UTF-8", "zh_CN"},
          std::pair{"en_GB.UTF-8", "en"}}) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LC_ALL", locale);
        env.insert("LANG", locale);
        env.remove("LANGUAGE");
        env.insert("VD_EXPECT_LANGUAGE", expected);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {"followsTheSystemLocale"});
        QVERIFY(child.waitForFinished(60000));
        QVERIFY2(child.exitCode() == 0,
                 qPrintable(QString::fromUtf8(child.readAllStandardOutput())));
    }
}

void tst_Translations::mainWindowSpeaksGerman()
{
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    vd::ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The menu bar: File, Edit, Training, Clips, View, Help, in German.
    QCOMPARE(actionTextOf(w.menuBar(), 0), QStringLiteral("&Datei"));
    QCOMPARE(actionTextOf(w.menuBar(), 1), QStringLiteral("&Bearbeiten"));
    QCOMPARE(actionTextOf(w.menuBar(), w.menuBar()->actions().size() - 1),
             QStringLiteral("&Hilfe"));
    // Dock titles and the panels' own text.
    QStringList titles;
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        titles << dock->windowTitle();
    }
    QVERIFY2(titles.contains(QStringLiteral("Datensatz")), qPrintable(titles.join(", ")));
    QStringList buttons;
    for (QAbstractButton* b : w.findChildren<QAbstractButton*>()) {
        buttons << b->text();
    }
    const QString start = QCoreApplication::translate("vd::ui::TrainingPanel", "Start");
    QVERIFY(start != QLatin1String("Start"));
    QVERIFY2(buttons.contains(start), qPrintable(buttons.join(", ")));
    QStringList fileMenu;
    for (QAction* a : w.menuBar()->actions().constFirst()->menu()->actions()) {
        fileMenu << a->text();
    }
    const QString save = QCoreApplication::translate("vd::ui::MainWindow", "&Save Project");
    QVERIFY(save != QLatin1String("&Save Project"));
    QVERIFY2(fileMenu.contains(save), qPrintable(fileMenu.join(", ")));
}

void tst_Translations::qtOwnButtonsSpeakGerman()
{
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (!QFile::exists(qtbase)) {
        QSKIP("qt6-translations-l10n is not installed");
    }
    installTranslations(QStringLiteral("de"));
    vd::ui::PreferencesDialog dialog;
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box != nullptr);
    QCOMPARE(box->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
}

void tst_Translations::noTextStaysEnglish_data()
{
    QTest::addColumn<QString>("code");
    for (const QString& code : vd::ui::availableLanguages()) {
        QTest::newRow(qPrintable(code)) << code;
    }
}

void tst_Translations::noTextStaysEnglish()
{
    QFETCH(QString, code);
    // The same windows and dialogs, built in English and then in `code`, compared text by text.
    auto build = [](QVector<Text>* texts) {
        vd::ui::MainWindow w;
        *texts += visibleTexts(&w);
        for (QMenu* menu : w.findChildren<QMenu*>()) {
            *texts += visibleTexts(menu);
        }
        vd::ui::PreferencesDialog preferences;
        *texts += visibleTexts(&preferences);
        vd::ui::NewProjectDialog newProject;
        *texts += visibleTexts(&newProject);
        QImage frame(16, 16, QImage::Format_RGB888);
        frame.fill(Qt::gray);
        vd::ui::ExportDialog exportDialog({{frame, frame}}, {QStringLiteral("circle-1")}, 0);
        *texts += visibleTexts(&exportDialog);
    };
    QVector<Text> english;
    QVector<Text> translated;
    installTranslations(QStringLiteral("en"));
    build(&english);
    installTranslations(code);
    build(&translated);
    QCOMPARE(translated.size(), english.size());

    QString error;
    const QSet<QString> kept = keptByTranslator(vdtest::readTs(
        QStringLiteral(VD_TRANSLATIONS_DIR "/vdstudio_") + code + QStringLiteral(".ts"), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList untranslated;
    for (int i = 0; i < english.size(); ++i) {
        const Text& en = english[i];
        const Text& tr = translated[i];
        if (en.text != tr.text || sameInEveryLanguage(en.text) || kept.contains(en.text)) {
            continue;
        }
        untranslated << en.where + QStringLiteral(": ") + en.text;
    }
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("%1 text(s) stay English:\n").arg(untranslated.size()) +
                        untranslated.join('\n')));
}

QTEST_MAIN(tst_Translations)
#include "tst_Translations.moc"
