// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/FrameView.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace vd::ui {

FrameView::FrameView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FrameView::setImage(const QImage& image)
{
    const bool resized = image.size() != m_image.size();
    m_image = image;
    if (resized) {
        updateGeometry();
    }
    update();
}

void FrameView::setCaption(const QString& caption)
{
    m_caption = caption;
    update();
}

void FrameView::setZoom(int factor)
{
    m_zoom = std::max(0, factor);
    updateGeometry();
    update();
}

void FrameView::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    update();
}

QRect FrameView::imageRect() const
{
    if (m_image.isNull()) {
        return {};
    }
    const int captionH = m_caption.isEmpty() ? 0 : fontMetrics().height() + 2;
    const QRect area = rect().adjusted(0, 0, 0, -captionH);
    QSize size = m_image.size();
    if (m_zoom > 0) {
        size *= m_zoom;
    } else {
        const double fit = std::min(static_cast<double>(area.width()) / size.width(),
                                    static_cast<double>(area.height()) / size.height());
        // Whole factors when enlarging keep every source pixel the same size on screen.
        const double factor = fit >= 1.0 ? std::floor(fit) : fit;
        size = QSize(std::max(1, static_cast<int>(size.width() * factor)),
                     std::max(1, static_cast<int>(size.height() * factor)));
    }
    return QRect(area.x() + (area.width() - size.width()) / 2,
                 area.y() + (area.height() - size.height()) / 2, size.width(), size.height());
}

QSize FrameView::sizeHint() const
{
    const QSize base = m_image.isNull() ? QSize(128, 128) : m_image.size();
    const int factor = m_zoom > 0 ? m_zoom : std::max(1, 192 / std::max(1, base.height()));
    return base * factor + QSize(0, m_caption.isEmpty() ? 0 : fontMetrics().height() + 2);
}

QSize FrameView::minimumSizeHint() const
{
    return {48, 48};
}

void FrameView::setOutlines(const QVector<QRect>& outlines)
{
    if (outlines != m_outlines) {
        m_outlines = outlines;
        update();
    }
}

void FrameView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QRect target = imageRect();
    // Nearest neighbour when enlarging, smooth when shrinking.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, target.width() < m_image.width());
    painter.drawImage(target, m_image);
    if (!m_outlines.isEmpty()) {
        // Outside the region's pixels, so the outline never hides what it points at.
        const double sx = static_cast<double>(target.width()) / m_image.width();
        const double sy = static_cast<double>(target.height()) / m_image.height();
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setBrush(Qt::NoBrush);
        for (const QRect& r : m_outlines) {
            const QRectF box(target.left() + r.left() * sx - 1.0, target.top() + r.top() * sy - 1.0,
                             r.width() * sx + 1.0, r.height() * sy + 1.0);
            painter.setPen(QPen(Qt::black, 3));
            painter.drawRect(box);
            painter.setPen(QPen(QColor(0, 230, 255), 1));
            painter.drawRect(box);
        }
    }
    if (!m_caption.isEmpty()) {
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect captionRect(0, target.bottom() + 2, width(), fontMetrics().height());
        painter.drawText(captionRect, Qt::AlignHCenter | Qt::AlignTop,
                         fontMetrics().elidedText(m_caption, Qt::ElideMiddle, width()));
    }
}

} // namespace vd::ui
