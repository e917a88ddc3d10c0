// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LatentChannelsView.h"

#include "widgets/ChannelGrid.h"

#include "project/ClipInspector.h"

#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vd::ui {

LatentChannelsView::LatentChannelsView(QWidget* parent)
    : QGroupBox(tr("Latent channels (click to select; boxes: blobs)"), parent)
{
    m_grid = new ChannelGrid;
    auto* gridScroll = new QScrollArea;
    gridScroll->setWidget(m_grid);
    gridScroll->setWidgetResizable(true);
    gridScroll->setFrameShape(QFrame::NoFrame);
    auto* gridLayout = new QVBoxLayout(this);
    gridLayout->setContentsMargins(4, 4, 4, 4);
    gridLayout->addWidget(gridScroll);
}

void LatentChannelsView::setInspection(const ClipInspection& r)
{
    const LatentShape& shape = r.latentShape;
    const int64_t perChannel = shape.frames * shape.height * shape.width;
    m_reach.fill(0.0, static_cast<int>(shape.channels));
    m_sharedReach = 0.0;
    for (int64_t c = 0; c < shape.channels; ++c) {
        const double centre = r.blobs.channels[static_cast<size_t>(c)].mean;
        const float* v = r.latentMap(c, 0);
        double reach = 0.0;
        for (int64_t i = 0; i < perChannel; ++i) {
            reach = std::max(reach, std::abs(v[i] - centre));
            m_sharedReach = std::max(m_sharedReach, static_cast<double>(std::abs(v[i])));
        }
        m_reach[static_cast<int>(c)] = reach;
    }
}

void LatentChannelsView::showFrame(const ClipInspection& r, int t, bool sharedScale)
{
    const LatentShape& shape = r.latentShape;
    QVector<ChannelGrid::Channel> channels;
    channels.reserve(static_cast<int>(shape.channels));
    for (int64_t c = 0; c < shape.channels; ++c) {
        const ChannelBlobSummary& summary = r.blobs.channels[static_cast<size_t>(c)];
        ChannelGrid::Channel ch;
        ch.title = tr("ch %1 · score %2").arg(c).arg(summary.score, 0, 'f', 2);
        ch.width = static_cast<int>(shape.width);
        ch.height = static_cast<int>(shape.height);
        const float* map = r.latentMap(c, t);
        ch.values.assign(map, map + shape.width * shape.height);
        const double reach = c < m_reach.size() ? m_reach[static_cast<int>(c)] : 0.0;
        if (sharedScale) {
            ch.low = -m_sharedReach;
            ch.high = m_sharedReach;
        } else {
            ch.low = summary.mean - reach;
            ch.high = summary.mean + reach;
        }
        ch.boxes = ChannelGrid::boxesAt(r.blobs.blobs, c, t);
        channels.push_back(std::move(ch));
    }
    m_grid->setChannels(channels);
}

void LatentChannelsView::clear()
{
    m_reach.clear();
    m_sharedReach = 0.0;
    m_grid->clear();
}

} // namespace vd::ui
