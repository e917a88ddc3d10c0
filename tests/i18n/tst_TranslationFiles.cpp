// SPDX-License-Identifier: GPL-3.0-or-later
// The committed catalogues (translations/vdstudio_<code>.ts) against the sources: lupdate run on
// today's ui/ must find every string already translated (a new tr() string fails here until it
// is translated), nothing may be left unfinished or obsolete, and each translation keeps the
// placeholders, the accelerator and the plural forms its source needs.
#include "common/TsCatalogue.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using vdtest::Message;
using vdtest::readTs;

namespace {

QString catalogue(const QString& code)
{
    return QStringLiteral(VD_SOURCE_DIR "/translations/vdstudio_%1.ts").arg(code);
}

/// %1..%99 and %L1 in order of appearance; %n (the plural count) apart.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d{1,2}"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found << it.next().captured();
    }
    std::sort(found.begin(), found.end());
    return found;
}

bool hasAccelerator(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("&[^&\\s]"));
    return re.match(QString(text).replace(QLatin1String("&&"), QString())).hasMatch();
}

} // namespace

class tst_TranslationFiles : public QObject {
    Q_OBJECT

    static void languages_data();

private Q_SLOTS:
    void everySourceStringIsTranslated_data() { languages_data(); }
    void everySourceStringIsTranslated();
    void translationsKeepPlaceholdersAndAccelerators_data() { languages_data(); }
    void translationsKeepPlaceholdersAndAccelerators();
};

void tst_TranslationFiles::languages_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("pluralForms");
    // Qt's plural rules: one form for Chinese and Japanese, two for the others.
    const QHash<QString, int> forms{{"de", 2}, {"es", 2}, {"fr", 2}, {"ja", 1}, {"zh_CN", 1}};
    for (const QString& code : QStringLiteral(VD_LANGUAGES).split(QLatin1Char(','))) {
        QTest::newRow(qPrintable(code)) << code << forms.value(code, 2);
    }
}

void tst_TranslationFiles::everySourceStringIsTranslated()
{
    QFETCH(QString, code);
    QString error;
    const QVector<Message> committed = readTs(catalogue(code), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!committed.isEmpty());

    // lupdate (the same options as the update_translations target) on a copy: what it adds are
    // strings the catalogue lacks, what it drops are strings the sources no longer have.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(catalogue(code)).fileName());
    QVERIFY(QFile::copy(catalogue(code), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(VD_LUPDATE), {"-locations", "none", "-no-obsolete", "-silent",
                                               VD_SOURCE_DIR "/ui", "-ts", copy});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    const QVector<Message> updated = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList problems;
    QSet<QString> current;
    for (const Message& m : updated) {
        current.insert(m.key());
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("not translated: ") + m.key();
        }
    }
    for (const Message& m : committed) {
        if (!current.contains(m.key())) {
            problems << QStringLiteral("obsolete (gone from the sources): ") + m.key();
        } else if (!m.type.isEmpty()) {
            problems << m.type + QStringLiteral(": ") + m.key();
        }
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 (run `cmake --build build --target update_translations` "
                                       "and translate):\n")
                            .arg(catalogue(code)) +
                        problems.join('\n')));
}

void tst_TranslationFiles::translationsKeepPlaceholdersAndAccelerators()
{
    QFETCH(QString, code);
    QFETCH(int, pluralForms);
    QString error;
    const QVector<Message> messages = readTs(catalogue(code), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message& m : messages) {
        if (m.numerus && m.translations.size() != pluralForms) {
            problems << QStringLiteral("%1 plural form(s), %2 expected: ")
                                .arg(m.translations.size())
                                .arg(pluralForms) +
                            m.key();
        }
        for (const QString& t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problems << QStringLiteral("empty: ") + m.key();
            } else if (placeholders(t) != placeholders(m.source)) {
                problems << QStringLiteral("placeholders differ: ") + m.key() +
                                QStringLiteral(" -> ") + t;
            } else if (hasAccelerator(m.source) && !hasAccelerator(t)) {
                problems << QStringLiteral("no accelerator: ") + m.key() + QStringLiteral(" -> ") +
                                t;
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

QTEST_GUILESS_MAIN(tst_TranslationFiles)
#include "tst_TranslationFiles.moc"
