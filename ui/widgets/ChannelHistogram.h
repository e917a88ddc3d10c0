// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace vd {
struct ChannelStats;
}

namespace vd::ui {

/// The Inspector's histogram of one latent channel's values: bars from the core's Histogram,
/// a dashed line at the mean and a title naming the channel and whether the values are
/// normalized. UI thread only.
class ChannelHistogram final : public QWidget {
    Q_OBJECT
public:
    explicit ChannelHistogram(QWidget* parent = nullptr);

    /// Draws channel `channel`'s histogram from `stats`.
    void showChannel(const vd::ChannelStats& stats, int channel, bool normalized);
    /// Removes the bars, the mean line and the title.
    void clear();

    QCustomPlot* plot() const { return m_plot; }

private:
    QLabel* m_title = nullptr;
    QCustomPlot* m_plot = nullptr;
};

} // namespace vd::ui
