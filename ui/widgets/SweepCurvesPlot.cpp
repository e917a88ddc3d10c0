// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/SweepCurvesPlot.h"

#include "util/PlotTheme.h"
#include "util/QCustomPlotInclude.h"

#include "report/DebiasedEMA.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace vd::ui {
namespace {

constexpr double kSmoothing = 0.8;

QColor runColor(int i)
{
    static const QColor kPalette[] = {QColor(0x1f, 0x5f, 0xbf), QColor(0xd6, 0x5f, 0x00),
                                      QColor(0x2c, 0x9c, 0x3c), QColor(0xb0, 0x30, 0x60),
                                      QColor(0x7a, 0x4f, 0xc0), QColor(0x00, 0x96, 0x9c),
                                      QColor(0x8c, 0x6d, 0x2c), QColor(0x55, 0x55, 0x55)};
    constexpr int n = sizeof(kPalette) / sizeof(kPalette[0]);
    QColor c = kPalette[i % n];
    return i < n ? c : c.darker(100 + 30 * (i / n));
}

} // namespace

SweepCurvesPlot::SweepCurvesPlot(QWidget* parent) : QWidget(parent)
{
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("sweepMetric"));
    m_metric->setToolTip(tr("The figure drawn for each selected variant"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_smoothed = new QCheckBox(tr("Smoothed"), this);
    m_smoothed->setChecked(true);
    m_smoothed->setToolTip(tr("Draw each curve as a moving average of the logged steps"));
    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setChecked(true);
    m_empty = new QLabel(tr("Select variants in the table to compare their curves."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("sweepCurves"));
    m_plot->setMinimumHeight(160);
    m_plot->xAxis->setLabel(tr("Step"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    followPalette(m_plot);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Figure:"), this));
    controls->addWidget(m_metric);
    controls->addWidget(m_smoothed);
    controls->addWidget(m_log);
    controls->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_empty);
    layout->addWidget(m_plot, 1);

    connect(m_metric, &QComboBox::currentTextChanged, this, &SweepCurvesPlot::redraw);
    connect(m_smoothed, &QCheckBox::toggled, this, &SweepCurvesPlot::redraw);
    connect(m_log, &QCheckBox::toggled, this, &SweepCurvesPlot::redraw);
    redraw();
}

void SweepCurvesPlot::setRuns(const QVector<Run>& runs)
{
    m_runs = runs;
    const QString current = m_metric->currentText();
    std::set<QString> names;
    for (const Run& r : m_runs) {
        for (const auto& [name, points] : r.series) {
            if (!points.first.isEmpty()) {
                names.insert(name);
            }
        }
    }
    QStringList list;
    if (names.count(QStringLiteral("loss")) != 0) {
        list << QStringLiteral("loss");
    }
    for (const QString& n : names) {
        if (n != QLatin1String("loss")) {
            list << n;
        }
    }
    const QSignalBlocker block(m_metric);
    m_metric->clear();
    m_metric->addItems(list);
    m_metric->setCurrentIndex(std::max(0, static_cast<int>(list.indexOf(current))));
    redraw();
}

QStringList SweepCurvesPlot::metrics() const
{
    QStringList out;
    for (int i = 0; i < m_metric->count(); ++i) {
        out << m_metric->itemText(i);
    }
    return out;
}

QString SweepCurvesPlot::currentMetric() const
{
    return m_metric->currentText();
}

void SweepCurvesPlot::setCurrentMetric(const QString& name)
{
    m_metric->setCurrentText(name);
}

void SweepCurvesPlot::setSmoothed(bool on)
{
    m_smoothed->setChecked(on);
}

void SweepCurvesPlot::setLogScale(bool on)
{
    m_log->setChecked(on);
}

int SweepCurvesPlot::seriesCount() const
{
    return m_plot->graphCount();
}

QStringList SweepCurvesPlot::seriesNames() const
{
    QStringList out;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        out << m_plot->graph(i)->name();
    }
    return out;
}

void SweepCurvesPlot::redraw()
{
    m_plot->clearGraphs();
    const QString metric = m_metric->currentText();
    const bool log = m_log->isChecked();
    double xLow = 0.0;
    double xHigh = 1.0;
    double yLow = INFINITY;
    double yHigh = -INFINITY;
    bool anyPoint = false;
    for (int i = 0; i < m_runs.size(); ++i) {
        const auto it = m_runs[i].series.find(metric);
        if (it == m_runs[i].series.end() || it->second.first.isEmpty()) {
            continue;
        }
        const auto& [keys, values] = it->second;
        QVector<double> ys = values;
        if (m_smoothed->isChecked()) {
            DebiasedEMA ema(kSmoothing);
            for (double& y : ys) {
                y = ema.feed(y);
            }
        }
        QCPGraph* g = m_plot->addGraph();
        g->setName(m_runs[i].name);
        g->setPen(QPen(runColor(i), 1.6));
        g->setData(keys, ys, true);
        for (int k = 0; k < keys.size(); ++k) {
            if (!std::isfinite(ys[k]) || (log && ys[k] <= 0.0)) {
                continue;
            }
            xLow = anyPoint ? std::min(xLow, keys[k]) : keys[k];
            xHigh = anyPoint ? std::max(xHigh, keys[k]) : keys[k];
            yLow = std::min(yLow, ys[k]);
            yHigh = std::max(yHigh, ys[k]);
            anyPoint = true;
        }
    }
    m_plot->yAxis->setLabel(metric);
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    if (anyPoint) {
        m_plot->xAxis->setRange(xLow, std::max(xHigh, xLow + 1.0));
        if (log) {
            m_plot->yAxis->setRange(yLow / 1.15, yHigh * 1.15);
        } else {
            const double pad = std::max(1e-12, (yHigh - yLow) * 0.05);
            m_plot->yAxis->setRange(yLow - pad, yHigh + pad);
        }
    }
    m_empty->setVisible(m_runs.isEmpty());
    m_plot->legend->setVisible(m_plot->graphCount() > 0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace vd::ui
