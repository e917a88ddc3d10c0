// SPDX-License-Identifier: GPL-3.0-or-later
#include "LatestOnlyRunner.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace vd::ui {

bool LatestOnlyRunner::JobControl::isSuperseded() const
{
    return m_promise.isCanceled();
}

void LatestOnlyRunner::JobControl::setProgressRange(int minimum, int maximum)
{
    m_promise.setProgressRange(minimum, maximum);
}

void LatestOnlyRunner::JobControl::setProgressValue(int value)
{
    m_promise.setProgressValue(value);
}

LatestOnlyRunner::LatestOnlyRunner(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &LatestOnlyRunner::onFinished);
    // A cancelled future reports no progress, so a superseded job's never shows.
    connect(&m_watcher, &QFutureWatcher<void>::progressRangeChanged, this,
            &LatestOnlyRunner::progressRangeChanged);
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, this,
            &LatestOnlyRunner::progressValueChanged);
}

LatestOnlyRunner::~LatestOnlyRunner()
{
    // Asks the job to stop; the watcher, destroyed with us, stops listening without waiting.
    m_watcher.cancel();
}

void LatestOnlyRunner::enqueue(Request request)
{
    if (!m_running) {
        start(std::move(request));
        return;
    }
    m_waiting = std::move(request); // replaces (drops) an older waiting request
    m_runningWanted = false;
    m_watcher.cancel();
}

void LatestOnlyRunner::start(Request request)
{
    m_running = true;
    m_runningWanted = true;
    m_deliverRunning = std::move(request.deliver);
    m_watcher.setFuture(
        QtConcurrent::run([run = std::move(request.run)](QPromise<void>& promise) mutable {
            JobControl control(promise);
            run(control);
        }));
}

void LatestOnlyRunner::onFinished()
{
    m_running = false;
    std::function<void()> deliver = std::exchange(m_deliverRunning, {});
    if (m_waiting) {
        Request next = std::move(*m_waiting);
        m_waiting.reset();
        start(std::move(next));
        return;
    }
    if (std::exchange(m_runningWanted, false)) {
        deliver(); // last: it may submit again, or delete the runner's owner
    }
}

void LatestOnlyRunner::cancel()
{
    m_waiting.reset();
    if (m_running) {
        m_runningWanted = false;
        m_watcher.cancel();
    }
}

bool LatestOnlyRunner::isBusy() const
{
    return m_waiting.has_value() || (m_running && m_runningWanted);
}

} // namespace vd::ui
