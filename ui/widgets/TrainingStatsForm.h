// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QVector>
#include <QWidget>

#include <deque>
#include <utility>

class QLabel;

namespace vd {
struct StepMetrics;
}

namespace vd::ui {

/// The Training panel's run figures, one row each: speed (it/s over the last five seconds and
/// ms/step), remaining time, loader wait (ms/step and its share), device, batch and the
/// smoothed loss. The speed, wait and loss follow the metrics given to addMetrics(); the device
/// and batch lines are set by the panel. "–" stands for a figure not known yet.
///
/// Threads: UI thread only.
class TrainingStatsForm final : public QWidget {
    Q_OBJECT
public:
    explicit TrainingStatsForm(QWidget* parent = nullptr);

    /// A run's drained metrics (one stage, in step order): speed, remaining, wait and loss.
    void addMetrics(const QVector<StepMetrics>& metrics);
    /// Forgets the rate and the smoothed loss (a new run or stage); `clearAll` also resets the
    /// shown speed, remaining time, loader wait and loss.
    void reset(bool clearAll);
    /// Speed and remaining time back to "–" (the run ended).
    void clearSpeed();
    void setDeviceText(const QString& text);
    void setBatchText(const QString& text);
    QString batchText() const;

private:
    QLabel* m_speed = nullptr;
    QLabel* m_eta = nullptr;
    QLabel* m_wait = nullptr;
    QLabel* m_device = nullptr;
    QLabel* m_batch = nullptr;
    QLabel* m_loss = nullptr;
    /// (time ms, step) of recent drains, for it/s.
    std::deque<std::pair<qint64, qint64>> m_rate;
    QElapsedTimer m_clock;
    double m_smoothedLoss = -1.0;
};

} // namespace vd::ui
