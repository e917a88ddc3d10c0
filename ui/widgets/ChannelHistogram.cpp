// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ChannelHistogram.h"

#include "util/PlotTheme.h"

#include "inspect/LatentStatsTypes.h"

#include <QLabel>
#include <QVBoxLayout>

#include "util/QCustomPlotInclude.h"

#include <algorithm>

namespace vd::ui {

ChannelHistogram::ChannelHistogram(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel;
    m_plot = new QCustomPlot;
    m_plot->setMinimumHeight(140);
    m_plot->xAxis->setLabel(tr("value"));
    m_plot->yAxis->setLabel(tr("count"));
    followPalette(m_plot);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_plot, 1);
}

void ChannelHistogram::showChannel(const ChannelStats& s, int channel, bool normalized)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    const Histogram& h = s.histogram;
    const int bins = static_cast<int>(h.counts.size());
    if (bins > 0) {
        const double width = (h.max - h.min) / bins;
        QVector<double> x(bins);
        QVector<double> y(bins);
        double top = 0.0;
        for (int i = 0; i < bins; ++i) {
            x[i] = h.min + (i + 0.5) * width;
            y[i] = static_cast<double>(h.counts[static_cast<size_t>(i)]);
            top = std::max(top, y[i]);
        }
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setWidth(width);
        bars->setData(x, y, true);
        bars->setPen(Qt::NoPen);
        bars->setBrush(QColor(70, 110, 170));
        auto* mean = new QCPItemStraightLine(m_plot);
        mean->point1->setCoords(s.mean, 0);
        mean->point2->setCoords(s.mean, 1);
        mean->setPen(QPen(QColor(200, 40, 40), 1, Qt::DashLine));
        m_plot->xAxis->setRange(h.min - width, h.max + width);
        m_plot->yAxis->setRange(0.0, std::max(1.0, top * 1.1));
    }
    m_title->setText(tr("Channel %1 values (%2; dashed: mean)")
                         .arg(channel)
                         .arg(normalized ? tr("normalized") : tr("raw")));
    m_plot->replot();
}

void ChannelHistogram::clear()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_title->clear();
    m_plot->replot();
}

} // namespace vd::ui
