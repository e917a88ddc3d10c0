// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ChannelGrid.h"

#include "widgets/HeatmapView.h"

#include "inspect/BlobReport.h"

#include <QGridLayout>
#include <QResizeEvent>

#include <algorithm>

namespace vd::ui {

namespace {
constexpr int kMinCellWidth = 160;
} // namespace

QVector<QRect> ChannelGrid::boxesAt(const std::vector<Blob>& blobs, int64_t channel, int64_t frame)
{
    QVector<QRect> boxes;
    for (const Blob& b : blobs) {
        if (b.channel == channel && b.frame == frame) {
            boxes << QRect(QPoint(static_cast<int>(b.x0), static_cast<int>(b.y0)),
                           QPoint(static_cast<int>(b.x1), static_cast<int>(b.y1)));
        }
    }
    return boxes;
}

ChannelGrid::ChannelGrid(QWidget* parent) : QWidget(parent)
{
    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
}

HeatmapView* ChannelGrid::view(int channel) const
{
    return channel >= 0 && channel < m_views.size() ? m_views[channel] : nullptr;
}

void ChannelGrid::setChannels(const QVector<Channel>& channels)
{
    if (channels.size() != m_views.size()) {
        qDeleteAll(m_views);
        m_views.clear();
        for (int c = 0; c < channels.size(); ++c) {
            auto* view = new HeatmapView(this);
            connect(view, &HeatmapView::clicked, this, [this, c] { setSelectedChannel(c); });
            m_views.push_back(view);
        }
        m_columns = 0;
        relayout();
    }
    for (int c = 0; c < channels.size(); ++c) {
        const Channel& ch = channels[c];
        HeatmapView* view = m_views[c];
        view->setTitle(ch.title);
        view->setMap(ch.values.data(), ch.width, ch.height);
        view->setRange(ch.low, ch.high);
        view->setBoxes(ch.boxes);
    }
    const int selected = m_selected >= 0 && m_selected < channels.size() ? m_selected : 0;
    m_selected = -1;
    if (!channels.isEmpty()) {
        setSelectedChannel(selected);
    }
}

void ChannelGrid::clear()
{
    setChannels({});
    m_selected = -1;
}

void ChannelGrid::setSelectedChannel(int channel)
{
    if (channel < 0 || channel >= m_views.size() || channel == m_selected) {
        return;
    }
    m_selected = channel;
    for (int c = 0; c < m_views.size(); ++c) {
        m_views[c]->setSelected(c == channel);
    }
    Q_EMIT channelSelected(channel);
}

int ChannelGrid::columnsFor(int width) const
{
    const int n = static_cast<int>(m_views.size());
    return std::clamp(width / kMinCellWidth, 1, std::max(1, n));
}

void ChannelGrid::relayout()
{
    const int columns = columnsFor(width());
    if (columns == m_columns) {
        return;
    }
    m_columns = columns;
    for (HeatmapView* view : m_views) {
        m_layout->removeWidget(view);
    }
    for (int c = 0; c < m_views.size(); ++c) {
        m_layout->addWidget(m_views[c], c / columns, c % columns);
    }
}

void ChannelGrid::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

} // namespace vd::ui
