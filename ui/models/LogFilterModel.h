// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace vd::ui {

/// The log view's filter over a LogModel: lines below a minimum spdlog level are hidden, and
/// the fixed-string filter (QSortFilterProxyModel's, case-insensitive) matches the displayed
/// line. New lines are filtered as they arrive. UI thread only.
class LogFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    /// spdlog level: 0 shows everything, 3 warnings and errors, 4 errors only.
    void setMinimumLevel(int level);
    int minimumLevel() const { return m_minimumLevel; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_minimumLevel = 0;
};

} // namespace vd::ui
