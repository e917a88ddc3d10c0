// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ClipFilterProxyModel.h"

#include "models/ClipTableModel.h"

namespace vd::ui {

ClipFilterProxyModel::ClipFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ClipTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void ClipFilterProxyModel::setLabelFilter(const QString& label)
{
    if (m_labelActive && m_label == label) {
        return;
    }
    m_label = label;
    m_labelActive = true;
    invalidateFilter();
}

void ClipFilterProxyModel::clearLabelFilter()
{
    if (!m_labelActive) {
        return;
    }
    m_labelActive = false;
    m_label.clear();
    invalidateFilter();
}

void ClipFilterProxyModel::setStatusFilter(StatusFilter status)
{
    if (m_status != status) {
        m_status = status;
        invalidateFilter();
    }
}

void ClipFilterProxyModel::setNameFilter(const QString& text)
{
    if (m_name != text) {
        m_name = text;
        invalidateFilter();
    }
}

bool ClipFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex name =
        sourceModel()->index(sourceRow, ClipTableModel::NameColumn, sourceParent);
    if (m_status != StatusFilter::All) {
        const bool skipped = name.data(ClipTableModel::SkippedRole).toBool();
        if (skipped != (m_status == StatusFilter::Skipped)) {
            return false;
        }
    }
    if (m_labelActive && name.data(ClipTableModel::LabelRole).toString() != m_label) {
        return false;
    }
    if (!m_name.isEmpty() &&
        !name.data(Qt::DisplayRole).toString().contains(m_name, Qt::CaseInsensitive)) {
        return false;
    }
    return true;
}

} // namespace vd::ui
