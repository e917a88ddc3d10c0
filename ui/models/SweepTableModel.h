// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace vd::ui {

/// A sweep's results table (results.json's "columns" and "rows", SweepSnapshot): one row per
/// variant, one column per figure. Numbers show in short form (the tool tip has them whole)
/// and sort by value through SortRole, so a QSortFilterProxyModel with that sort role orders
/// every figure numerically (empty cells last when ascending); text columns sort as text.
/// Headers are translated names of the figures (the column's key in the tool tip); the axes'
/// columns show their keys.
///
/// Threads: UI thread only.
class SweepTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    /// The value to sort by: a double for numeric columns, text otherwise.
    static constexpr int SortRole = Qt::UserRole + 1;
    /// The cell as read: a double, a QString or invalid (null).
    static constexpr int RawRole = Qt::UserRole + 2;

    explicit SweepTableModel(QObject* parent = nullptr);

    /// Replaces the table. Same columns and rows count: the cells change in place (views keep
    /// their selection and sorting).
    void setTable(const QStringList& columns, const QVector<QVector<QVariant>>& rows);
    void clear();

    const QStringList& columns() const { return m_columns; }
    /// Column of `key`, -1 when none.
    int columnOf(const QString& key) const { return m_columns.indexOf(key); }
    /// Whether every non-empty cell of column `c` is a number.
    bool isNumericColumn(int c) const;
    /// The "variant" cell of `row`.
    QString variantAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The translated header of a column key ("final_loss" -> "Final loss"); the key itself
    /// for keys that are not figures (an axis).
    static QString headerFor(const QString& key);

private:
    void updateNumeric();

    QStringList m_columns;
    QVector<QVector<QVariant>> m_rows;
    QVector<bool> m_numeric;
};

} // namespace vd::ui
