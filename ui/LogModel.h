// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QString>
#include <QVector>

#include <deque>
#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace vd::ui {

/// The engine's log (every spdlog logger: media, data, train, ui, ...) as a list model for the
/// studio's log views: one row per line, newest last, at most maxLines() rows (the oldest are
/// dropped). DisplayRole is "hh:mm:ss [logger] text"; LevelRole the spdlog level (0 trace ..
/// 5 critical); ForegroundRole colours warnings and errors.
///
/// Threads: the model lives on the UI thread and is read there. Its sink() may be written from
/// any thread: lines are queued under a mutex and added to the model on the UI thread in
/// batches (one queued call per burst, not per line). The sink outlives the model safely: once
/// the model is destroyed the sink drops what it receives.
class LogModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { LevelRole = Qt::UserRole + 1, LoggerRole, TimeRole, TextRole };

    /// One log line.
    struct Entry {
        QDateTime time;
        int level = 2; ///< spdlog::level (2 = info)
        QString logger;
        QString text;
    };

    explicit LogModel(int maxLines = 5000, QObject* parent = nullptr);
    ~LogModel() override;

    /// The process's log model, created on the first call (UI thread) with the sinks installed
    /// (see install()); deleted with the QCoreApplication.
    static LogModel* shared();

    /// Makes this model's sink and a stderr sink the sinks of every VDStudio logger
    /// (vd::log::setSinks). UI thread.
    void install();
    /// The thread-safe spdlog sink that feeds this model.
    std::shared_ptr<spdlog::sinks::sink> sink() const;

    /// Adds a line directly (UI thread), e.g. a message the UI itself produced.
    void append(int level, const QString& logger, const QString& text);
    void clear();
    int maxLines() const { return m_maxLines; }
    const Entry& entry(int row) const { return m_entries[static_cast<size_t>(row)]; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// Lines were appended (after rowsInserted); views use it to follow the newest line.
    void linesAdded(int count);

private:
    class Sink;
    void appendEntries(QVector<Entry> entries);
    void flushPending();

    std::deque<Entry> m_entries;
    int m_maxLines;
    std::shared_ptr<Sink> m_sink;
};

} // namespace vd::ui
