// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QString>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <vector>

class QGridLayout;

namespace vd {
struct Blob;
}

namespace vd::ui {

class HeatmapView;

/// Every latent channel as a HeatmapView, laid out in as many columns as fit (at least about
/// 160 px each). Clicking a map selects its channel. The caller decides colour ranges (shared
/// or per channel) and boxes. UI thread only.
class ChannelGrid final : public QWidget {
    Q_OBJECT
public:
    /// One channel's map at the frame shown.
    struct Channel {
        QString title;
        std::vector<float> values; ///< row-major width x height
        int width = 0;
        int height = 0;
        double low = -1.0; ///< colour range
        double high = 1.0;
        QVector<QRect> boxes; ///< blob boxes in map cells
    };

    explicit ChannelGrid(QWidget* parent = nullptr);

    /// The bounding boxes (inclusive corners, in map cells) of the blobs or regions in channel
    /// `channel` of frame `frame`; high-error regions all have channel 0.
    static QVector<QRect> boxesAt(const std::vector<vd::Blob>& blobs, int64_t channel,
                                  int64_t frame);

    /// Shows `channels` (reusing the views when the count is unchanged). The selection is kept
    /// when still in range, else channel 0 is selected.
    void setChannels(const QVector<Channel>& channels);
    void clear();

    int count() const { return m_views.size(); }
    HeatmapView* view(int channel) const;
    int selectedChannel() const { return m_selected; }
    /// Selects `channel` and emits channelSelected when it changes.
    void setSelectedChannel(int channel);

Q_SIGNALS:
    void channelSelected(int channel);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout();
    int columnsFor(int width) const;

    QGridLayout* m_layout = nullptr;
    QVector<HeatmapView*> m_views;
    int m_columns = 0;
    int m_selected = -1;
};

} // namespace vd::ui
