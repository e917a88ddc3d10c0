// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/FlickerPlot.h"

#include "util/PlotTheme.h"

#include <algorithm>

namespace vd::ui {

FlickerPlot::FlickerPlot(QWidget* parent) : QCustomPlot(parent)
{
    setMinimumHeight(150);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize()));
    plotLayout()->addElement(0, 0, m_title);
    followPalette(this);
    xAxis->setLabel(tr("frame"));
    yAxis->setLabel(tr("mean |change|"));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    xAxis->setTicker(ticker);
    m_marker = new QCPItemStraightLine(this);
    m_marker->setPen(QPen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine));
    m_marker->setVisible(false);
    rebuild();
}

void FlickerPlot::setStats(const QVector<vd::TemporalStats>& stats, const QStringList& captions)
{
    m_stats = stats;
    m_captions = captions;
    m_currentClip = std::clamp(m_currentClip, 0, std::max(0, static_cast<int>(stats.size()) - 1));
    rebuild();
}

void FlickerPlot::clear()
{
    setStats({}, {});
}

void FlickerPlot::setCurrentClip(int clip)
{
    if (clip < 0 || clip >= m_stats.size() || clip == m_currentClip) {
        return;
    }
    m_currentClip = clip;
    rebuild();
}

void FlickerPlot::setCurrentFrame(int frame)
{
    m_frame = frame;
    placeMarker();
    replot(QCustomPlot::rpQueuedReplot);
}

QString FlickerPlot::titleText() const
{
    return m_title->text();
}

void FlickerPlot::rebuild()
{
    clearGraphs();
    if (m_stats.isEmpty()) {
        m_title->setText(tr("Frame-to-frame change (no clip)"));
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 0.1);
        placeMarker();
        replot();
        return;
    }
    // graph(0) is the current clip; the others are drawn first so it stays on top.
    QVector<int> order{m_currentClip};
    for (int i = 0; i < m_stats.size(); ++i) {
        if (i != m_currentClip) {
            order.push_back(i);
        }
    }
    double maxChange = 0.0;
    int maxFrames = 1;
    for (int i : order) {
        const vd::TemporalStats& s = m_stats[i];
        QVector<double> x;
        QVector<double> y;
        for (size_t t = 0; t < s.frameChange.size(); ++t) {
            // Frames are numbered from 1 as in the player: the change into frame t + 2.
            x.push_back(static_cast<double>(t + 2));
            y.push_back(s.frameChange[t]);
            maxChange = std::max(maxChange, s.frameChange[t]);
        }
        maxFrames = std::max(maxFrames, static_cast<int>(s.frames));
        QCPGraph* graph = addGraph();
        graph->setData(x, y, true);
        if (i == m_currentClip) {
            graph->setPen(QPen(palette().color(QPalette::Highlight), 2.0));
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
            graph->setLayer("main");
        } else {
            QColor faint = palette().color(QPalette::Text);
            faint.setAlphaF(0.25);
            graph->setPen(QPen(faint, 1.0));
        }
    }
    // Faint graphs drawn below the current one.
    for (int g = 1; g < graphCount(); ++g) {
        graph(g)->setLayer("grid");
    }
    const vd::TemporalStats& current = m_stats[m_currentClip];
    const QString name = m_currentClip < m_captions.size() ? m_captions[m_currentClip] : QString();
    const QString figures =
        current.frames >= 3 ? tr("flicker index %1, mean change %2")
                                  .arg(current.flickerIndex, 0, 'f', 3)
                                  .arg(current.meanChange, 0, 'f', 4)
        : current.frames == 2
            ? tr("mean change %1 (flicker index needs 3 frames)").arg(current.meanChange, 0, 'f', 4)
            : tr("a single frame has no change");
    m_title->setText(name.isEmpty() ? figures : tr("%1: %2").arg(name, figures));
    xAxis->setRange(0.5, std::max(2, maxFrames) + 0.5);
    yAxis->setRange(0.0, maxChange > 0.0 ? maxChange * 1.15 : 0.05);
    placeMarker();
    replot();
}

void FlickerPlot::placeMarker()
{
    m_marker->setVisible(!m_stats.isEmpty());
    m_marker->point1->setCoords(m_frame + 1, 0.0);
    m_marker->point2->setCoords(m_frame + 1, 1.0);
}

} // namespace vd::ui
