// SPDX-License-Identifier: GPL-3.0-or-later
// LatestOnlyRunner: one job at a time, only the newest request's result, delivered on the
// runner's thread, nothing delivered after cancel() or the runner's end. Jobs are held with a
// semaphore instead of slept on; the tests wait for observable events only.
#include "util/LatestOnlyRunner.h"

#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QVector>
#include <QtTest>

#include <atomic>
#include <memory>

using vd::ui::LatestOnlyRunner;

namespace {

/// Generous bound for a job to start on an idle pool: a hang fails instead of blocking forever.
constexpr int kStartTimeoutMs = 30000;

/// Which jobs ran, as seen from their pool threads.
class RanLog {
public:
    void add(int id)
    {
        QMutexLocker lock(&m_mutex);
        m_ids.push_back(id);
    }
    QVector<int> ids()
    {
        QMutexLocker lock(&m_mutex);
        return m_ids;
    }

private:
    QMutex m_mutex;
    QVector<int> m_ids;
};

} // namespace

class tst_LatestOnlyRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversOnItsOwnThread();
    void onlyTheNewestOfSeveralRequestsDelivers();
    void cancelledJobNeverDelivers();
    void supersededProgressIsNotShown();
    void destroyingWithJobInFlightNeitherWaitsNorDelivers();
};

void tst_LatestOnlyRunner::deliversOnItsOwnThread()
{
    LatestOnlyRunner runner;
    std::atomic<QThread*> workThread{nullptr};
    QThread* resultThread = nullptr;
    int result = 0;
    runner.submit(
        [&workThread] {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int value) {
            resultThread = QThread::currentThread();
            result = value;
        });
    QVERIFY(runner.isBusy());
    QCOMPARE(result, 0); // never inside submit()
    QTRY_COMPARE(result, 42);
    QCOMPARE(resultThread, runner.thread());
    QVERIFY(workThread.load() != nullptr);
    QVERIFY(workThread.load() != runner.thread());
    QVERIFY(!runner.isBusy());
}

void tst_LatestOnlyRunner::onlyTheNewestOfSeveralRequestsDelivers()
{
    LatestOnlyRunner runner;
    QSemaphore started;
    QSemaphore gate;
    std::atomic<bool> firstSawSuperseded{false};
    RanLog ran;
    QVector<int> delivered;
    const auto deliver = [&delivered](int id) { delivered.push_back(id); };

    runner.submit(
        [&](LatestOnlyRunner::JobControl& control) {
            ran.add(1);
            started.release();
            gate.acquire();
            firstSawSuperseded = control.isSuperseded();
            return 1;
        },
        deliver);
    QVERIFY(started.tryAcquire(1, kStartTimeoutMs));
    for (int id = 2; id <= 4; ++id) {
        runner.submit(
            [&ran, id] {
                ran.add(id);
                return id;
            },
            deliver);
    }
    QVERIFY(runner.isBusy());
    gate.release();
    QTRY_VERIFY(!runner.isBusy());
    QCOMPARE(delivered, QVector<int>({4}));
    QCOMPARE(ran.ids(), QVector<int>({1, 4})); // 2 and 3 were replaced before they ran
    QVERIFY(firstSawSuperseded);
}

void tst_LatestOnlyRunner::cancelledJobNeverDelivers()
{
    LatestOnlyRunner runner;
    QSemaphore started;
    QSemaphore gate;
    QVector<int> delivered;
    const auto deliver = [&delivered](int id) { delivered.push_back(id); };
    runner.submit(
        [&] {
            started.release();
            gate.acquire();
            return 1;
        },
        deliver);
    QVERIFY(started.tryAcquire(1, kStartTimeoutMs));
    runner.cancel();
    QVERIFY(!runner.isBusy());
    gate.release();
    // The next request starts only after the cancelled job ended, so once it delivers, the
    // cancelled job's end has been handled too.
    runner.submit([] { return 2; }, deliver);
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(delivered, QVector<int>({2}));
}

void tst_LatestOnlyRunner::supersededProgressIsNotShown()
{
    LatestOnlyRunner runner;
    QSignalSpy values(&runner, &LatestOnlyRunner::progressValueChanged);
    QSemaphore started;
    QSemaphore gate;
    QVector<int> delivered;
    const auto deliver = [&delivered](int id) { delivered.push_back(id); };
    runner.submit(
        [&](LatestOnlyRunner::JobControl& control) {
            started.release();
            gate.acquire();
            control.setProgressRange(0, 77);
            control.setProgressValue(77);
            return 1;
        },
        deliver);
    QVERIFY(started.tryAcquire(1, kStartTimeoutMs));
    runner.submit(
        [](LatestOnlyRunner::JobControl& control) {
            control.setProgressRange(0, 5);
            control.setProgressValue(5);
            return 2;
        },
        deliver);
    gate.release();
    QTRY_COMPARE(delivered, QVector<int>({2}));
    // Progress is posted before the end of its job, so it has arrived by now.
    QVERIFY(!values.isEmpty());
    for (const QList<QVariant>& args : values) {
        QVERIFY(args.at(0).toInt() != 77);
    }
    QCOMPARE(values.last().at(0).toInt(), 5);
}

void tst_LatestOnlyRunner::destroyingWithJobInFlightNeitherWaitsNorDelivers()
{
    auto runner = std::make_unique<LatestOnlyRunner>();
    QSemaphore started;
    QSemaphore gate;
    QSemaphore ended;
    std::atomic<bool> sawSuperseded{false};
    std::weak_ptr<int> resultWatch; // set by the job before it releases `ended`
    bool delivered = false;
    runner->submit(
        [&](LatestOnlyRunner::JobControl& control) {
            started.release();
            gate.acquire();
            sawSuperseded = control.isSuperseded();
            auto value = std::make_shared<int>(7);
            resultWatch = value;
            ended.release();
            return value;
        },
        [&delivered](const std::shared_ptr<int>&) { delivered = true; });
    QVERIFY(started.tryAcquire(1, kStartTimeoutMs));
    runner.reset(); // returns while the job is still held: the UI thread never waits for it
    gate.release();
    QVERIFY(ended.tryAcquire(1, kStartTimeoutMs));
    QVERIFY(sawSuperseded);
    QTRY_VERIFY(resultWatch.expired()); // the result was freed, on the pool thread
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(tst_LatestOnlyRunner)
#include "tst_LatestOnlyRunner.moc"
