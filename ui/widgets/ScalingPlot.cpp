// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ScalingPlot.h"

#include "util/PlotTheme.h"
#include "util/QCustomPlotInclude.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vd::ui {
namespace {

constexpr int kLinePoints = 64;

QString axisText(const QString& column)
{
    if (column == QLatin1String("parameters")) {
        return ScalingPlot::tr("Parameters");
    }
    if (column == QLatin1String("train_clips")) {
        return ScalingPlot::tr("Training clips");
    }
    if (column == QLatin1String("heldout_loss")) {
        return ScalingPlot::tr("Held-out loss");
    }
    if (column == QLatin1String("final_loss")) {
        return ScalingPlot::tr("Final training loss");
    }
    return column;
}

} // namespace

ScalingPlot::ScalingPlot(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("scalingPlot"));
    m_plot->setMinimumHeight(160);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    followPalette(m_plot);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("scalingSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);
    clear();
}

int ScalingPlot::pointCount() const
{
    return m_points;
}

bool ScalingPlot::hasFitLine() const
{
    return m_fitLine;
}

QString ScalingPlot::summaryText() const
{
    return m_summary->text();
}

void ScalingPlot::setScaling(const SweepScaling& s)
{
    m_plot->clearGraphs();
    m_points = 0;
    m_fitLine = false;
    m_plot->xAxis->setLabel(axisText(s.xColumn));
    m_plot->yAxis->setLabel(axisText(s.yColumn));
    if (!s.present) {
        m_summary->setText(tr("This sweep is not a scaling study (scale the model or the data "
                              "to get one)."));
        m_plot->legend->setVisible(false);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i < s.x.size() && i < s.y.size(); ++i) {
        if (s.x[i] > 0.0 && s.y[i] > 0.0 && std::isfinite(s.x[i]) && std::isfinite(s.y[i])) {
            xs << s.x[i];
            ys << s.y[i];
        }
    }
    QCPGraph* points = m_plot->addGraph();
    points->setName(s.match == QLatin1String("compute") ? tr("Variants (compute-matched)")
                                                        : tr("Variants (step-matched)"));
    points->setLineStyle(QCPGraph::lsNone);
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0x1f, 0x5f, 0xbf), 8));
    points->setData(xs, ys);
    m_points = static_cast<int>(xs.size());

    double xLow = 1.0;
    double xHigh = 10.0;
    double yLow = 0.1;
    double yHigh = 1.0;
    if (!xs.isEmpty()) {
        xLow = *std::min_element(xs.begin(), xs.end());
        xHigh = *std::max_element(xs.begin(), xs.end());
        yLow = *std::min_element(ys.begin(), ys.end());
        yHigh = *std::max_element(ys.begin(), ys.end());
    }
    QString summary;
    if (s.hasFit && !xs.isEmpty()) {
        QVector<double> lx;
        QVector<double> ly;
        const double l0 = std::log(xLow);
        const double l1 = std::log(std::max(xHigh, xLow * 1.0001));
        for (int i = 0; i < kLinePoints; ++i) {
            const double x = std::exp(l0 + (l1 - l0) * i / (kLinePoints - 1));
            lx << x;
            ly << s.a * std::pow(x, -s.b);
        }
        QCPGraph* line = m_plot->addGraph();
        line->setName(tr("%1 = %2 × x^−%3 (b ± %4, R² %5)")
                          .arg(axisText(s.yColumn), QString::number(s.a, 'g', 4),
                               QString::number(s.b, 'g', 3), QString::number(s.bStderr, 'g', 2),
                               QString::number(s.r2, 'f', 3)));
        line->setPen(QPen(QColor(0xd6, 0x5f, 0x00), 1.8, Qt::DashLine));
        line->setData(lx, ly, true);
        m_fitLine = true;
        for (double y : ly) {
            yLow = std::min(yLow, y);
            yHigh = std::max(yHigh, y);
        }
        summary =
            tr("Doubling %1 multiplies the loss by %2 (b = %3 ± %4, standard error; "
               "R² %5 over %n point(s)).",
               nullptr, s.fitPoints)
                .arg(s.xColumn == QLatin1String("train_clips") ? tr("the training clips")
                                                               : tr("the parameters"),
                     QString::number(std::pow(2.0, -s.b), 'f', 3), QString::number(s.b, 'g', 3),
                     QString::number(s.bStderr, 'g', 2), QString::number(s.r2, 'f', 3));
    } else {
        summary = tr("No power law fitted: it needs 3 or more finished variants at different "
                     "sizes.");
    }
    if (!s.note.isEmpty()) {
        summary += QLatin1Char(' ') + s.note;
    }
    m_summary->setText(summary);
    m_plot->xAxis->setRange(xLow / 1.4, xHigh * 1.4);
    m_plot->yAxis->setRange(yLow / 1.2, yHigh * 1.2);
    m_plot->legend->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace vd::ui
