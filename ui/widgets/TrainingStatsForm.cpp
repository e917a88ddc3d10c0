// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TrainingStatsForm.h"

#include "controllers/TrainingController.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

namespace vd::ui {

namespace {

constexpr qint64 kRateWindowMs = 5000;

QString formatDuration(double seconds)
{
    const qint64 s = static_cast<qint64>(seconds + 0.5);
    if (s >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QLabel* valueLabel()
{
    auto* label = new QLabel(QStringLiteral("–"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

TrainingStatsForm::TrainingStatsForm(QWidget* parent) : QWidget(parent)
{
    m_clock.start();
    m_speed = valueLabel();
    m_eta = valueLabel();
    m_wait = valueLabel();
    m_device = valueLabel();
    m_batch = valueLabel();
    m_batch->setToolTip(tr("Clips per step of each process, and of all of them together"));
    m_loss = valueLabel();
    auto* stats = new QFormLayout(this);
    stats->setContentsMargins(0, 0, 0, 0);
    stats->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    stats->addRow(tr("Speed:"), m_speed);
    stats->addRow(tr("Remaining:"), m_eta);
    stats->addRow(tr("Loader wait:"), m_wait);
    stats->addRow(tr("Device:"), m_device);
    stats->addRow(tr("Batch:"), m_batch);
    stats->addRow(tr("Loss (smoothed):"), m_loss);
}

void TrainingStatsForm::addMetrics(const QVector<StepMetrics>& metrics)
{
    if (metrics.isEmpty()) {
        return;
    }
    const StepMetrics& last = metrics.back();
    double waitMs = 0.0;
    double stepMs = 0.0;
    for (const StepMetrics& m : metrics) {
        m_smoothedLoss = m_smoothedLoss < 0 ? m.loss : 0.95 * m_smoothedLoss + 0.05 * m.loss;
        waitMs += m.loaderWaitMs;
        stepMs += m.stepTimeMs;
    }
    waitMs /= metrics.size();
    stepMs /= metrics.size();
    const qint64 now = m_clock.elapsed();
    m_rate.emplace_back(now, last.step);
    while (m_rate.size() > 2 && now - m_rate.front().first > kRateWindowMs) {
        m_rate.pop_front();
    }
    if (m_rate.size() >= 2 && now > m_rate.front().first) {
        const double itPerS = (m_rate.back().second - m_rate.front().second) * 1000.0 /
                              static_cast<double>(now - m_rate.front().first);
        m_speed->setText(tr("%1 it/s · %2 ms/step")
                             .arg(QLocale().toString(itPerS, 'f', 2))
                             .arg(QLocale().toString(stepMs, 'f', 0)));
        m_eta->setText(itPerS > 0 ? formatDuration((last.totalSteps - last.step) / itPerS)
                                  : QStringLiteral("–"));
    }
    const double share = waitMs + stepMs > 0 ? 100.0 * waitMs / (waitMs + stepMs) : 0.0;
    m_wait->setText(tr("%1 ms/step (%2%)")
                        .arg(QLocale().toString(waitMs, 'f', 1))
                        .arg(QLocale().toString(share, 'f', 0)));
    m_loss->setText(QLocale().toString(m_smoothedLoss, 'g', 4));
}

void TrainingStatsForm::reset(bool clearAll)
{
    m_rate.clear();
    m_smoothedLoss = -1.0;
    if (clearAll) {
        clearSpeed();
        m_wait->setText(QStringLiteral("–"));
        m_loss->setText(QStringLiteral("–"));
    }
}

void TrainingStatsForm::clearSpeed()
{
    m_speed->setText(QStringLiteral("–"));
    m_eta->setText(QStringLiteral("–"));
}

void TrainingStatsForm::setDeviceText(const QString& text)
{
    m_device->setText(text);
}

void TrainingStatsForm::setBatchText(const QString& text)
{
    m_batch->setText(text);
}

QString TrainingStatsForm::batchText() const
{
    return m_batch->text();
}

} // namespace vd::ui
