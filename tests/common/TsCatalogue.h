// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a Qt Linguist catalogue (translations/vdstudio_<code>.ts) for the translation tests.
#pragma once

#include <QFile>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QXmlStreamReader>

namespace vdtest {

/// One <message> of a .ts file.
struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             ///< "" when finished, else unfinished / vanished / obsolete
    QStringList translations; ///< one, or one per plural form
    QString key() const { return context + QLatin1String(" | ") + source; }
};

/// Every message of `path`, in file order; `error` names the file and line when it is not a
/// readable catalogue.
inline QVector<Message> readTs(const QString& path, QString* error)
{
    QVector<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            m.translations << xml.readElementText();
                        }
                    } else {
                        m.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << m;
        }
    }
    if (xml.hasError()) {
        *error =
            QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    }
    return messages;
}

} // namespace vdtest
