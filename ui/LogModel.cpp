// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogModel.h"

#include "util/Log.h"

#include <QColor>
#include <QCoreApplication>
#include <QPointer>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <chrono>
#include <mutex>
#include <utility>

namespace vd::ui {

/// Collects lines from any thread and hands them to the model on its thread in batches.
class LogModel::Sink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    Sink(LogModel* model, int maxPending) : m_model(model), m_maxPending(maxPending) {}

    /// The model is going away: drop what is pending and everything that comes later.
    void detach()
    {
        std::lock_guard lock(m_pendingMutex);
        m_model = nullptr;
        m_pending.clear();
    }

    QVector<Entry> take()
    {
        std::lock_guard lock(m_pendingMutex);
        m_scheduled = false;
        return std::exchange(m_pending, {});
    }

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        Entry e;
        e.time = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch())
                .count());
        e.level = static_cast<int>(msg.level);
        e.logger = QString::fromUtf8(msg.logger_name.data(),
                                     static_cast<qsizetype>(msg.logger_name.size()));
        e.text = QString::fromUtf8(msg.payload.data(), static_cast<qsizetype>(msg.payload.size()));
        std::lock_guard lock(m_pendingMutex);
        if (!m_model) {
            return;
        }
        if (m_pending.size() >= m_maxPending) {
            // A burst larger than the model keeps: the oldest would be dropped anyway.
            m_pending.removeFirst();
        }
        m_pending.push_back(std::move(e));
        if (!m_scheduled) {
            m_scheduled = true;
            QMetaObject::invokeMethod(m_model, &LogModel::flushPending, Qt::QueuedConnection);
        }
    }

    void flush_() override {}

private:
    std::mutex m_pendingMutex; ///< guards everything below
    LogModel* m_model;
    int m_maxPending;
    QVector<Entry> m_pending;
    bool m_scheduled = false;
};

LogModel::LogModel(int maxLines, QObject* parent)
    : QAbstractListModel(parent), m_maxLines(std::max(1, maxLines)),
      m_sink(std::make_shared<Sink>(this, std::max(1, maxLines)))
{
}

LogModel::~LogModel()
{
    m_sink->detach();
}

LogModel* LogModel::shared()
{
    static QPointer<LogModel> model;
    if (!model) {
        model = new LogModel(5000, QCoreApplication::instance());
        model->install();
    }
    return model;
}

void LogModel::install()
{
    auto stderrSink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    stderrSink->set_pattern("[%H:%M:%S.%e] [%n] [%^%l%$] %v");
    vd::log::setSinks({m_sink, stderrSink});
}

std::shared_ptr<spdlog::sinks::sink> LogModel::sink() const
{
    return m_sink;
}

void LogModel::append(int level, const QString& logger, const QString& text)
{
    appendEntries({Entry{QDateTime::currentDateTime(), level, logger, text}});
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void LogModel::flushPending()
{
    appendEntries(m_sink->take());
}

void LogModel::appendEntries(QVector<Entry> entries)
{
    if (entries.isEmpty()) {
        return;
    }
    if (entries.size() > m_maxLines) {
        entries.remove(0, entries.size() - m_maxLines);
    }
    const int overflow = static_cast<int>(m_entries.size()) + entries.size() - m_maxLines;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + overflow);
        endRemoveRows();
    }
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + entries.size() - 1);
    for (Entry& e : entries) {
        m_entries.push_back(std::move(e));
    }
    endInsertRows();
    Q_EMIT linesAdded(entries.size());
}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
        return {};
    }
    const Entry& e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // Log text is not translated (see STYLE.md); the level word is part of the log line.
        const char* level = e.level >= spdlog::level::err    ? "error: "
                            : e.level == spdlog::level::warn ? "warning: "
                                                             : "";
        return QStringLiteral("%1 [%2] %3%4")
            .arg(e.time.toString(QStringLiteral("HH:mm:ss")), e.logger,
                 QString::fromLatin1(level), e.text);
    }
    case Qt::ToolTipRole:
        return e.text;
    case Qt::ForegroundRole:
        if (e.level >= spdlog::level::err) {
            return QColor(0xd0, 0x30, 0x30);
        }
        if (e.level == spdlog::level::warn) {
            return QColor(0xc0, 0x80, 0x00);
        }
        return {};
    case LevelRole:
        return e.level;
    case LoggerRole:
        return e.logger;
    case TimeRole:
        return e.time;
    case TextRole:
        return e.text;
    default:
        return {};
    }
}

} // namespace vd::ui
