// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/HeatmapView.h"

#include "report/Heatmap.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace vd::ui {

namespace {

constexpr int kBarWidth = 8;  ///< colour bar, pixels
constexpr int kBarGap = 4;    ///< between map and bar, bar and labels
constexpr int kMargin = 3;    ///< around everything (room for the selection frame)

QColor toColor(Rgb c)
{
    return QColor(c.r, c.g, c.b);
}

} // namespace

HeatmapView::HeatmapView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
}

void HeatmapView::setMap(const float* values, int width, int height)
{
    m_width = std::max(0, width);
    m_height = std::max(0, height);
    m_values.assign(values, values + static_cast<size_t>(m_width) * m_height);
    rebuildImage();
}

void HeatmapView::clear()
{
    m_values.clear();
    m_width = 0;
    m_height = 0;
    m_boxes.clear();
    rebuildImage();
}

void HeatmapView::setRange(double low, double high)
{
    if (!(low < high)) {
        const double mid = std::isfinite(low) ? low : 0.0;
        low = mid - 0.5;
        high = mid + 0.5;
    }
    m_low = low;
    m_high = high;
    rebuildImage();
}

void HeatmapView::setBoxes(const QVector<QRect>& boxes)
{
    m_boxes = boxes;
    update();
}

void HeatmapView::setTitle(const QString& title)
{
    m_title = title;
    setToolTip(title);
    update();
}

void HeatmapView::setSelected(bool selected)
{
    m_selected = selected;
    update();
}

void HeatmapView::setColourBarVisible(bool visible)
{
    m_colourBar = visible;
    update();
}

QString HeatmapView::formatValue(double value)
{
    if (!std::isfinite(value)) {
        return QStringLiteral("–");
    }
    const double a = std::abs(value);
    if (a != 0.0 && (a < 1e-3 || a >= 1e4)) {
        return QString::number(value, 'e', 2);
    }
    return QString::number(value, 'f', a >= 100.0 ? 1 : (a >= 10.0 ? 2 : 3));
}

void HeatmapView::rebuildImage()
{
    if (m_width <= 0 || m_height <= 0) {
        m_image = QImage();
        update();
        return;
    }
    m_image = QImage(m_width, m_height, QImage::Format_RGB888);
    const double span = m_high - m_low;
    for (int y = 0; y < m_height; ++y) {
        uchar* line = m_image.scanLine(y);
        for (int x = 0; x < m_width; ++x) {
            const double v = m_values[static_cast<size_t>(y) * m_width + x];
            const Rgb c = colourMapAt(ColourMap::Diverging,
                                      std::isfinite(v) ? (v - m_low) / span : std::nan(""));
            line[3 * x] = c.r;
            line[3 * x + 1] = c.g;
            line[3 * x + 2] = c.b;
        }
    }
    update();
}

int HeatmapView::colourBarWidth() const
{
    if (!m_colourBar) {
        return 0;
    }
    const QFontMetrics fm = fontMetrics();
    int labels = 0;
    for (const double v : {m_low, 0.5 * (m_low + m_high), m_high}) {
        labels = std::max(labels, fm.horizontalAdvance(formatValue(v)));
    }
    return kBarGap + kBarWidth + kBarGap + labels;
}

QRect HeatmapView::mapRect() const
{
    if (m_image.isNull()) {
        return {};
    }
    const int titleH = m_title.isEmpty() ? 0 : fontMetrics().height() + 2;
    const QRect area =
        rect().adjusted(kMargin, kMargin + titleH, -kMargin - colourBarWidth(), -kMargin);
    if (area.width() <= 0 || area.height() <= 0) {
        return {};
    }
    const double fit = std::min(static_cast<double>(area.width()) / m_width,
                                static_cast<double>(area.height()) / m_height);
    // Whole factors keep every latent cell the same size on screen.
    const double factor = fit >= 1.0 ? std::floor(fit) : fit;
    const int w = std::max(1, static_cast<int>(m_width * factor));
    const int h = std::max(1, static_cast<int>(m_height * factor));
    return QRect(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h);
}

QSize HeatmapView::sizeHint() const
{
    const int titleH = m_title.isEmpty() ? 0 : fontMetrics().height() + 2;
    return QSize(128 + colourBarWidth(), 128 + titleH) + QSize(2 * kMargin, 2 * kMargin);
}

QSize HeatmapView::minimumSizeHint() const
{
    const int titleH = m_title.isEmpty() ? 0 : fontMetrics().height() + 2;
    return QSize(48 + colourBarWidth(), 48 + titleH);
}

void HeatmapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_selected) {
        p.setPen(QPen(palette().highlight().color(), 3));
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
    const QFontMetrics fm = fontMetrics();
    if (!m_title.isEmpty()) {
        p.setPen(palette().text().color());
        const QRect titleRect(kMargin, kMargin, width() - 2 * kMargin, fm.height());
        p.drawText(titleRect, Qt::AlignHCenter | Qt::AlignVCenter,
                   fm.elidedText(m_title, Qt::ElideRight, titleRect.width()));
    }
    const QRect target = mapRect();
    if (target.isEmpty()) {
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(target, m_image);
    p.setPen(QPen(QColor(120, 120, 120), 1));
    p.drawRect(target.adjusted(-1, -1, 0, 0));

    // Boxes go around the cells they cover, in green as in the CLI's report images.
    const double sx = static_cast<double>(target.width()) / m_width;
    const double sy = static_cast<double>(target.height()) / m_height;
    p.setPen(QPen(QColor(0, 200, 0), 2));
    p.setBrush(Qt::NoBrush);
    for (const QRect& b : m_boxes) {
        const QRectF r(target.x() + b.x() * sx, target.y() + b.y() * sy, b.width() * sx,
                       b.height() * sy);
        p.drawRect(r.adjusted(-1, -1, 1, 1));
    }

    if (!m_colourBar) {
        return;
    }
    const QRect bar(target.right() + 1 + kBarGap, target.y(), kBarWidth, target.height());
    for (int y = 0; y < bar.height(); ++y) {
        const double t = bar.height() > 1 ? 1.0 - static_cast<double>(y) / (bar.height() - 1) : 0.5;
        p.setPen(toColor(colourMapAt(ColourMap::Diverging, t)));
        p.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
    }
    p.setPen(QPen(QColor(120, 120, 120), 1));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(palette().text().color());
    const int textX = bar.right() + 1 + kBarGap;
    const int textW = width() - textX;
    const int hText = fm.height();
    p.drawText(QRect(textX, bar.top(), textW, hText), Qt::AlignLeft | Qt::AlignTop,
               formatValue(m_high));
    if (bar.height() >= 3 * hText) {
        p.drawText(QRect(textX, bar.center().y() - hText / 2, textW, hText),
                   Qt::AlignLeft | Qt::AlignVCenter, formatValue(0.5 * (m_low + m_high)));
    }
    p.drawText(QRect(textX, bar.bottom() - hText + 1, textW, hText),
               Qt::AlignLeft | Qt::AlignBottom, formatValue(m_low));
}

void HeatmapView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT clicked();
    }
    QWidget::mousePressEvent(event);
}

} // namespace vd::ui
