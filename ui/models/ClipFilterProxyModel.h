// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace vd::ui {

/// Sorts and filters a ClipTableModel: by label, by status (usable or skipped) and by a
/// case-insensitive piece of the file name. Sorting uses ClipTableModel::SortRole, so numeric
/// columns sort as numbers. UI thread only.
class ClipFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class StatusFilter { All, Ok, Skipped };

    explicit ClipFilterProxyModel(QObject* parent = nullptr);

    /// Keeps only rows with this label ("" keeps the unlabelled files at the root).
    void setLabelFilter(const QString& label);
    /// Keeps every label again.
    void clearLabelFilter();
    bool hasLabelFilter() const { return m_labelActive; }
    QString labelFilter() const { return m_label; }

    void setStatusFilter(StatusFilter status);
    StatusFilter statusFilter() const { return m_status; }

    /// Keeps rows whose name (path relative to the dataset root) contains `text`, ignoring case.
    void setNameFilter(const QString& text);
    QString nameFilter() const { return m_name; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_label;
    bool m_labelActive = false;
    StatusFilter m_status = StatusFilter::All;
    QString m_name;
};

} // namespace vd::ui
