// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SweepTableModel.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace vd::ui {
namespace {

/// Integers up to this magnitude show whole (parameters, steps, clips).
constexpr double kWholeLimit = 1e12;

QString shortNumber(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < kWholeLimit) {
        return QLocale().toString(static_cast<qint64>(v));
    }
    return QString::number(v, 'g', 4);
}

} // namespace

SweepTableModel::SweepTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SweepTableModel::setTable(const QStringList& columns, const QVector<QVector<QVariant>>& rows)
{
    if (columns == m_columns && rows.size() == m_rows.size() && !rows.isEmpty()) {
        m_rows = rows;
        updateNumeric();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_columns = columns;
    m_rows = rows;
    updateNumeric();
    endResetModel();
}

void SweepTableModel::clear()
{
    setTable({}, {});
}

void SweepTableModel::updateNumeric()
{
    m_numeric = QVector<bool>(m_columns.size(), false);
    for (int c = 0; c < m_columns.size(); ++c) {
        bool any = false;
        bool all = true;
        for (const QVector<QVariant>& row : m_rows) {
            const QVariant v = row.value(c);
            if (!v.isValid()) {
                continue;
            }
            any = true;
            all = all && v.typeId() == QMetaType::Double;
        }
        m_numeric[c] = any && all;
    }
}

bool SweepTableModel::isNumericColumn(int c) const
{
    return m_numeric.value(c, false);
}

QString SweepTableModel::variantAt(int row) const
{
    const int c = columnOf(QStringLiteral("variant"));
    return c < 0 ? QString() : m_rows.value(row).value(c).toString();
}

int SweepTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SweepTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant SweepTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size()) {
        return {};
    }
    const QVariant v = m_rows[index.row()].value(index.column());
    const bool number = v.typeId() == QMetaType::Double;
    switch (role) {
    case Qt::DisplayRole:
        if (!v.isValid()) {
            return QStringLiteral("–");
        }
        if (number) {
            return shortNumber(v.toDouble());
        }
        if (m_columns[index.column()] == QLatin1String("status")) {
            const QString s = v.toString();
            return s == QLatin1String("finished")  ? tr("finished")
                   : s == QLatin1String("pending") ? tr("pending")
                                                   : s;
        }
        return v;
    case Qt::ToolTipRole:
        return number ? QString::number(v.toDouble(), 'g', 10) : v.toString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(number ? Qt::AlignRight | Qt::AlignVCenter
                                          : Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        if (isNumericColumn(index.column())) {
            return v.isValid() ? v.toDouble() : std::numeric_limits<double>::infinity();
        }
        return v.isValid() ? v.toString() : QString();
    case RawRole:
        return v;
    default:
        return {};
    }
}

QVariant SweepTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        return headerFor(m_columns[section]);
    }
    if (role == Qt::ToolTipRole) {
        return m_columns[section];
    }
    return {};
}

QString SweepTableModel::headerFor(const QString& key)
{
    struct Name {
        const char* key;
        const char* text;
    };
    static const Name kNames[] = {
        {"variant", QT_TR_NOOP("Variant")},
        {"status", QT_TR_NOOP("Status")},
        {"parameters", QT_TR_NOOP("Parameters")},
        {"flops_per_step", QT_TR_NOOP("FLOPs per step")},
        {"train_time_s", QT_TR_NOOP("Time (s)")},
        {"steps", QT_TR_NOOP("Steps")},
        {"final_loss", QT_TR_NOOP("Final loss")},
        {"best_loss", QT_TR_NOOP("Best loss")},
        {"psnr_db", QT_TR_NOOP("PSNR (dB)")},
        {"ssim", QT_TR_NOOP("SSIM")},
        {"heldout_loss", QT_TR_NOOP("Held-out loss")},
        {"blob_score", QT_TR_NOOP("Blob score")},
        {"blob_verdict", QT_TR_NOOP("Blobs")},
        {"class_accuracy", QT_TR_NOOP("Class accuracy")},
        {"recognisable_accuracy", QT_TR_NOOP("Recognisable")},
        {"frechet", QT_TR_NOOP("Fréchet distance")},
        {"frechet_floor", QT_TR_NOOP("Fréchet floor")},
        {"base_channels", QT_TR_NOOP("Base channels")},
        {"train_share", QT_TR_NOOP("Data share")},
        {"train_clips", QT_TR_NOOP("Training clips")},
        {"match", QT_TR_NOOP("Matched")},
        {"train_flops", QT_TR_NOOP("Training FLOPs")},
    };
    for (const Name& n : kNames) {
        if (key == QLatin1String(n.key)) {
            return tr(n.text);
        }
    }
    return key;
}

} // namespace vd::ui
