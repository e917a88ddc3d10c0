// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/SweepRequest.h"

#include "experiment/SweepPlan.h"
#include "project/Project.h"

#include <QRegularExpression>

#include <exception>
#include <vector>

namespace vd::ui {
namespace {

/// The axes as core reads them; throws vd::Error for a spec core refuses.
std::vector<SweepAxis> coreAxes(const QVector<SweepRequest::Axis>& axes)
{
    std::vector<SweepAxis> out;
    for (const SweepRequest::Axis& a : axes) {
        const QString values = SweepRequest::normalizedValues(a.values);
        if (a.key == QLatin1String(SweepRequest::kScaleModel) ||
            a.key == QLatin1String(SweepRequest::kScaleData)) {
            const QString kind = a.key.mid(a.key.indexOf(QLatin1Char('.')) + 1);
            out.push_back(SweepAxis::parseScale((kind + QLatin1Char('=') + values).toStdString()));
        } else {
            out.push_back(SweepAxis::parse((a.key + QLatin1Char('=') + values).toStdString()));
        }
    }
    return out;
}

QString shellQuoted(const QString& arg)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./=,+:@%-]+$"));
    if (plain.match(arg).hasMatch()) {
        return arg;
    }
    QString quoted = arg;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

bool SweepRequest::isScaling() const
{
    for (const Axis& a : axes) {
        if (a.key.startsWith(QLatin1String("scale."))) {
            return true;
        }
    }
    return false;
}

QStringList SweepRequest::splitValues(const QString& values)
{
    QStringList out;
    QString item;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QChar c = values[i];
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < values.size()) {
                item += c;
                item += values[++i];
                continue;
            }
            quoted = c != QLatin1Char('"');
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
        } else if ((c == QLatin1Char(']') || c == QLatin1Char('}')) && depth > 0) {
            --depth;
        } else if (c == QLatin1Char(',') && depth == 0) {
            out << item.trimmed();
            item.clear();
            continue;
        }
        item += c;
    }
    out << item.trimmed();
    return out;
}

QString SweepRequest::normalizedValues(const QString& values)
{
    return splitValues(values).join(QLatin1Char(','));
}

QStringList SweepRequest::arguments() const
{
    QStringList args{QStringLiteral("sweep"), projectPath, QStringLiteral("--stage"),
                     QString::fromLatin1(stageName(stage))};
    for (const Axis& a : axes) {
        if (a.key.startsWith(QLatin1String("scale."))) {
            args << QStringLiteral("--scale")
                 << a.key.mid(6) + QLatin1Char('=') + normalizedValues(a.values);
        } else {
            args << QStringLiteral("--set")
                 << a.key + QLatin1Char('=') + normalizedValues(a.values);
        }
    }
    if (steps > 0) {
        args << QStringLiteral("--steps") << QString::number(steps);
    }
    if (minutes > 0.0) {
        args << QStringLiteral("--minutes") << QString::number(minutes, 'g', 6);
    }
    if (parallel > 0) {
        args << QStringLiteral("--parallel") << QString::number(parallel);
    }
    if (!name.trimmed().isEmpty()) {
        args << QStringLiteral("--name") << name.trimmed();
    }
    if (isScaling() && match == QLatin1String("compute")) {
        args << QStringLiteral("--match") << match;
    }
    if (!evaluate) {
        args << QStringLiteral("--no-eval");
    }
    return args;
}

QString SweepRequest::commandLine(const QString& program) const
{
    QStringList parts{shellQuoted(program)};
    for (const QString& a : arguments()) {
        parts << shellQuoted(a);
    }
    return parts.join(QLatin1Char(' '));
}

QString SweepRequest::effectiveName() const
{
    if (!name.trimmed().isEmpty()) {
        return name.trimmed();
    }
    try {
        return QString::fromStdString(SweepPlan::defaultName(stage, coreAxes(axes)));
    } catch (const std::exception&) {
        return {};
    }
}

QString SweepRequest::check(const Project& project) const
{
    if (axes.isEmpty()) {
        return tr("Add a setting to vary.");
    }
    for (const Axis& a : axes) {
        if (a.key.trimmed().isEmpty()) {
            return tr("Choose the setting of each axis.");
        }
        if (a.values.trimmed().isEmpty()) {
            return tr("%1: give one or more values, separated by commas.").arg(a.key);
        }
    }
    try {
        // The same reading and checks as the CLI: every variant's project is validated.
        const SweepPlan plan(project, stage, coreAxes(axes), name.trimmed().toStdString());
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace vd::ui
