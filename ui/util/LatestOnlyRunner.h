// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

template <typename T> class QPromise;

namespace vd::ui {

/// Runs short jobs off the UI thread where only the newest request matters (decode the clip
/// just selected, rescan the folder just chosen): one job at a time, the newest request wins.
///
/// Threads:
/// - submit(), cancel(), isBusy() and the destructor are called on the runner's own thread
///   (the UI thread).
/// - The work runs on QThreadPool::globalInstance(). It owns what it reads (capture copies,
///   never a widget's `this`) and catches its own errors: a thrown exception drops the result.
/// - onResult and the progress signals fire on the runner's thread, from its event loop, never
///   inside submit().
/// - A request submitted while a job runs waits; a newer one replaces it, and the replaced one
///   never runs. The running job is superseded: JobControl::isSuperseded() turns true, so it
///   can stop early, and its result and progress are dropped. The waiting request starts when
///   it ends, so at most one job runs and only the newest request's result is delivered.
/// - cancel() drops the waiting request and the running job's result.
/// - Destroying the runner does not wait: a running job finishes on its pool thread, where its
///   result is freed; onResult is never called.
class LatestOnlyRunner final : public QObject {
    Q_OBJECT
public:
    /// What running work may ask and report, from its pool thread.
    class JobControl {
    public:
        /// True once a newer request, cancel() or the runner's end made the result unwanted.
        bool isSuperseded() const;
        /// Reach progressRangeChanged / progressValueChanged while the job is current.
        void setProgressRange(int minimum, int maximum);
        void setProgressValue(int value);

    private:
        friend class LatestOnlyRunner;
        explicit JobControl(QPromise<void>& promise) : m_promise(promise) {}
        QPromise<void>& m_promise;
    };

    explicit LatestOnlyRunner(QObject* parent = nullptr);
    ~LatestOnlyRunner() override;

    /// Runs `work` (`Result()` or `Result(JobControl&)`) on a pool thread, then
    /// `onResult(Result)` on this thread unless a newer request or cancel() came first.
    template <typename Work, typename OnResult> void submit(Work work, OnResult onResult);
    /// Drops the waiting request and the running job's result (the job still ends first).
    void cancel();
    /// True while a result is still to be delivered (a request waits or a current job runs).
    bool isBusy() const;

Q_SIGNALS:
    void progressRangeChanged(int minimum, int maximum);
    void progressValueChanged(int value);

private:
    struct Request {
        std::function<void(JobControl&)> run; ///< pool thread: computes and stores the result
        std::function<void()> deliver;        ///< this thread: hands the result to onResult
    };
    void enqueue(Request request);
    void start(Request request);
    void onFinished();

    QFutureWatcher<void> m_watcher;
    bool m_running = false;
    bool m_runningWanted = false; ///< the running job is the newest request
    std::function<void()> m_deliverRunning;
    std::optional<Request> m_waiting;
};

template <typename Work, typename OnResult>
void LatestOnlyRunner::submit(Work work, OnResult onResult)
{
    constexpr bool takesControl = std::is_invocable_v<Work&, JobControl&>;
    using Result = std::decay_t<typename std::conditional_t<
        takesControl, std::invoke_result<Work&, JobControl&>, std::invoke_result<Work&>>::type>;
    // Shared by the job (writes it) and the delivery (reads it after the job ended).
    auto slot = std::make_shared<std::optional<Result>>();
    Request request;
    request.run = [slot, work = std::move(work)](JobControl& control) mutable {
        if constexpr (takesControl) {
            slot->emplace(work(control));
        } else {
            slot->emplace(work());
        }
    };
    request.deliver = [slot, onResult = std::move(onResult)]() mutable {
        if (slot->has_value()) {
            onResult(std::move(**slot));
        }
    };
    enqueue(std::move(request));
}

} // namespace vd::ui
