// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LogFilterModel.h"

#include "LogModel.h"

namespace vd::ui {

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(Qt::DisplayRole);
}

void LogFilterModel::setMinimumLevel(int level)
{
    if (level != m_minimumLevel) {
        m_minimumLevel = level;
        invalidateFilter();
    }
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::LevelRole).toInt() < m_minimumLevel) {
        return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace vd::ui
