// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

class QListView;

namespace vd::ui {

class LogFilterModel;
class LogModel;

/// A "Log" box over a LogModel: the lines in a fixed-width list that follows new lines while it
/// is scrolled to the end, a level box ("logLevel": all, warnings and errors, errors only) and
/// a search field ("logSearch") that filter it.
///
/// Threads: UI thread only (LogModel::linesAdded is delivered there).
class LogView final : public QGroupBox {
    Q_OBJECT
public:
    explicit LogView(LogModel* log, QWidget* parent = nullptr);

    /// The shown lines: `log` filtered by the level box and the search field.
    LogFilterModel* filter() const { return m_filter; }

private:
    QListView* m_view = nullptr;
    LogFilterModel* m_filter = nullptr;
};

} // namespace vd::ui
