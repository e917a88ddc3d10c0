// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/SweepPreviewGrid.h"

#include <QPainter>

#include <algorithm>

namespace vd::ui {
namespace {

constexpr int kFrameMs = 125; // the saved previews' 8 fps
constexpr int kRowHeaderWidth = 120;
constexpr int kHeaderHeight = 22;
constexpr int kGap = 6;

} // namespace

SweepPreviewGrid::SweepPreviewGrid(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sweepPreviews"));
    setMinimumHeight(120);
    m_timer.setInterval(kFrameMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_frame;
        update();
    });
}

void SweepPreviewGrid::setColumns(const QVector<Column>& columns)
{
    m_columns = columns;
    m_rows.clear();
    for (const Column& c : m_columns) {
        for (const Clip& clip : c.clips) {
            const RowKey key{clip.kind, clip.index, clip.label};
            if (!m_rows.contains(key)) {
                m_rows << key;
            }
        }
    }
    // Reconstructions first, then samples by class and index.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const RowKey& a, const RowKey& b) {
        if (a.kind != b.kind) {
            return a.kind == QLatin1String("reconstruction");
        }
        return a.label != b.label ? a.label < b.label : a.index < b.index;
    });
    m_frame = 0;
    updateTimer();
    updateGeometry();
    update();
}

QStringList SweepPreviewGrid::rowCaptions() const
{
    QStringList out;
    for (const RowKey& r : m_rows) {
        QString text = r.kind == QLatin1String("reconstruction")
                           ? tr("Reconstruction %1").arg(r.index + 1)
                           : tr("Sample %1").arg(r.index + 1);
        if (r.label >= 0) {
            text += QStringLiteral(" · ") + tr("class %1").arg(r.label);
        }
        out << text;
    }
    return out;
}

QStringList SweepPreviewGrid::columnCaptions() const
{
    QStringList out;
    for (const Column& c : m_columns) {
        qint64 step = 0;
        for (const Clip& clip : c.clips) {
            step = std::max(step, clip.step);
        }
        out << (c.clips.isEmpty() ? tr("%1 (no previews)").arg(c.name)
                                  : tr("%1, step %2").arg(c.name).arg(step));
    }
    return out;
}

QSize SweepPreviewGrid::sizeHint() const
{
    return {kRowHeaderWidth + 200 * std::max(1, columnCount()),
            kHeaderHeight + 140 * std::max(1, rowCount())};
}

const SweepPreviewGrid::Clip* SweepPreviewGrid::clipAt(int column, const RowKey& row) const
{
    for (const Clip& clip : m_columns[column].clips) {
        if (RowKey{clip.kind, clip.index, clip.label} == row) {
            return &clip;
        }
    }
    return nullptr;
}

void SweepPreviewGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().text().color());
    if (m_columns.isEmpty() || m_rows.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   m_columns.isEmpty()
                       ? tr("Select variants in the table to compare their previews.")
                       : tr("The selected variants have saved no previews yet."));
        return;
    }
    const int cols = columnCount();
    const int rows = rowCount();
    const double cellW = std::max(8.0, double(width() - kRowHeaderWidth - kGap) / cols);
    const double cellH = std::max(8.0, double(height() - kHeaderHeight - kGap) / rows);
    const QStringList colCaptions = columnCaptions();
    const QStringList rowCaps = rowCaptions();
    for (int c = 0; c < cols; ++c) {
        const QRectF header(kRowHeaderWidth + c * cellW, 0, cellW, kHeaderHeight);
        p.drawText(header, Qt::AlignCenter,
                   p.fontMetrics().elidedText(colCaptions[c], Qt::ElideMiddle,
                                              static_cast<int>(cellW) - 4));
    }
    for (int r = 0; r < rows; ++r) {
        const double top = kHeaderHeight + r * cellH;
        p.drawText(QRectF(0, top, kRowHeaderWidth - kGap, cellH),
                   Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, rowCaps[r]);
        for (int c = 0; c < cols; ++c) {
            const QRectF cell(kRowHeaderWidth + c * cellW + kGap / 2.0, top + kGap / 2.0,
                              cellW - kGap, cellH - kGap);
            const Clip* clip = clipAt(c, m_rows[r]);
            if (!clip || clip->frames.isEmpty()) {
                p.drawText(cell, Qt::AlignCenter, QStringLiteral("–"));
                continue;
            }
            const QImage& frame = clip->frames[m_frame % clip->frames.size()];
            QSizeF size = frame.size();
            size.scale(cell.size(), Qt::KeepAspectRatio);
            const QRectF target(cell.center().x() - size.width() / 2,
                                cell.center().y() - size.height() / 2, size.width(), size.height());
            p.drawImage(target, frame);
        }
    }
}

void SweepPreviewGrid::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateTimer();
}

void SweepPreviewGrid::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void SweepPreviewGrid::updateTimer()
{
    bool animated = false;
    for (const Column& c : m_columns) {
        for (const Clip& clip : c.clips) {
            animated = animated || clip.frames.size() > 1;
        }
    }
    if (animated && isVisible()) {
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

} // namespace vd::ui
