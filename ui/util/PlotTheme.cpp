// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/PlotTheme.h"

#include "util/QCustomPlotInclude.h"

#include <QEvent>

namespace vd::ui {
namespace {

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

void applyPalette(QCustomPlot* plot)
{
    const QPalette& palette = plot->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    plot->setBackground(base);
    for (QCPAxisRect* rect : plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            // Text at partial opacity reads on white and on near-black alike.
            const QPen line(withAlpha(text, 150));
            axis->setBasePen(line);
            axis->setTickPen(line);
            axis->setSubTickPen(line);
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(withAlpha(text, 45), 0, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(withAlpha(text, 90), 0, Qt::SolidLine));
        }
    }
    plot->legend->setBrush(withAlpha(base, 215));
    plot->legend->setBorderPen(QPen(withAlpha(text, 110)));
    plot->legend->setTextColor(text);
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        plot->legend->item(i)->setTextColor(text);
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
            title->setTextColor(text);
        }
    }
}

/// Re-applies the palette when it changes; a child of the plot, so it lives as long as the plot.
class PaletteFollower final : public QObject {
public:
    explicit PaletteFollower(QCustomPlot* plot) : QObject(plot), m_plot(plot)
    {
        plot->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange) {
            applyPalette(m_plot);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    QCustomPlot* m_plot;
};

} // namespace

void followPalette(QCustomPlot* plot)
{
    applyPalette(plot);
    new PaletteFollower(plot);
}

} // namespace vd::ui
