// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/BlobScorePlot.h"

#include "util/PlotTheme.h"

#include "train/MetricsLog.h"

#include <QLabel>
#include <QVBoxLayout>

#include "train/MetricNames.h"
#include "util/QCustomPlotInclude.h"

#include <algorithm>
#include <exception>
#include <string>

namespace vd::ui {

namespace {

/// Colours of the blob-score curves per channel (max is drawn black).
const QVector<QColor>& seriesColours()
{
    static const QVector<QColor> colours{
        QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),   QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127)};
    return colours;
}

} // namespace

BlobScorePlot::BlobScorePlot(QWidget* parent) : QWidget(parent)
{
    m_plot = new QCustomPlot;
    m_plot->setMinimumHeight(140);
    m_plot->xAxis->setLabel(tr("training step"));
    m_plot->yAxis->setLabel(tr("blob score"));
    m_plot->legend->setVisible(true);
    QFont legendFont = font();
    legendFont.setPointSizeF(std::max(6.0, legendFont.pointSizeF() * 0.8));
    m_plot->legend->setFont(legendFont);
    // One row of entries along the top, so the legend does not hide the curves.
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(9);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(4);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    followPalette(m_plot);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Blob score over training (VAE previews)")));
    layout->addWidget(m_plot, 1);
}

BlobScorePlot::Curves BlobScorePlot::readCurves(const QString& metricsPath)
{
    Curves out;
    try {
        const std::string prefix = metric::kBlobScoreChannelPrefix;
        for (const MetricsRecord& r : MetricsLog::readAll(metricsPath.toStdString()).records()) {
            const double step = static_cast<double>(r.step);
            for (const auto& [key, value] : r.numbers) {
                if (key == metric::kBlobScoreMax) {
                    out.max.steps.push_back(step);
                    out.max.scores.push_back(value);
                } else if (key.compare(0, prefix.size(), prefix) == 0) {
                    bool ok = false;
                    const int c = QString::fromStdString(key.substr(prefix.size())).toInt(&ok);
                    if (!ok || c < 0 || c > 4096) {
                        continue;
                    }
                    if (out.channels.size() <= c) {
                        out.channels.resize(c + 1);
                    }
                    out.channels[c].steps.push_back(step);
                    out.channels[c].scores.push_back(value);
                }
            }
        }
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

int BlobScorePlot::setCurves(const Curves& curves, double threshold,
                             std::optional<int64_t> markedStep)
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    int points = 0;
    double top = 0.0;
    for (int c = 0; c < curves.channels.size(); ++c) {
        const Series& s = curves.channels[c];
        if (s.steps.isEmpty()) {
            continue;
        }
        QCPGraph* g = m_plot->addGraph();
        g->setName(tr("ch %1").arg(c));
        g->setPen(QPen(seriesColours()[c % seriesColours().size()], 1));
        g->setData(s.steps, s.scores, true);
        points += static_cast<int>(s.steps.size());
        top = std::max(top, *std::max_element(s.scores.begin(), s.scores.end()));
    }
    if (!curves.max.steps.isEmpty()) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(tr("max"));
        g->setPen(QPen(palette().text().color(), 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        g->setData(curves.max.steps, curves.max.scores, true);
        points += static_cast<int>(curves.max.steps.size());
        top = std::max(top, *std::max_element(curves.max.scores.begin(), curves.max.scores.end()));
    }
    auto* line = new QCPItemStraightLine(m_plot);
    line->point1->setCoords(0, threshold);
    line->point2->setCoords(1, threshold);
    line->setPen(QPen(QColor(200, 40, 40), 1, Qt::DashLine));
    m_plot->legend->setVisible(m_plot->graphCount() > 0);
    m_plot->rescaleAxes();
    m_plot->yAxis->setRange(0.0, std::max(threshold, top) * 1.15);
    if (m_plot->graphCount() == 0) {
        m_plot->xAxis->setRange(0, 1);
    }
    markStep(markedStep);
    return points;
}

void BlobScorePlot::markStep(std::optional<int64_t> step)
{
    // One vertical line at the step (tagged so it can be replaced).
    for (int i = m_plot->itemCount() - 1; i >= 0; --i) {
        QCPAbstractItem* item = m_plot->item(i);
        if (item->property("checkpointMark").toBool()) {
            m_plot->removeItem(item);
        }
    }
    if (step) {
        auto* mark = new QCPItemStraightLine(m_plot);
        mark->setProperty("checkpointMark", true);
        mark->point1->setCoords(static_cast<double>(*step), 0);
        mark->point2->setCoords(static_cast<double>(*step), 1);
        mark->setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
    }
    m_plot->replot();
}

void BlobScorePlot::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_plot->replot();
}

} // namespace vd::ui
