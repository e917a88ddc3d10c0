// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QVector>

namespace vd {
struct ClipInspection;
}

namespace vd::ui {

class ChannelGrid;

/// The Inspector's "Latent channels" box: every latent channel of one frame as a heatmap in a
/// scrolling ChannelGrid, titled with its blob score, with its blob boxes, coloured on one
/// range for the whole clip: per channel (centred on its mean) or shared by all channels
/// (symmetric around 0), so that stepping through frames keeps the scale.
///
/// Threads: UI thread only.
class LatentChannelsView final : public QGroupBox {
    Q_OBJECT
public:
    explicit LatentChannelsView(QWidget* parent = nullptr);

    /// Takes the colour ranges of `inspection` over all its frames (call before showFrame).
    void setInspection(const vd::ClipInspection& inspection);
    /// Shows frame `t` of `inspection` (the one given to setInspection).
    void showFrame(const vd::ClipInspection& inspection, int t, bool sharedScale);
    void clear();

    ChannelGrid* grid() const { return m_grid; }

private:
    ChannelGrid* m_grid = nullptr;
    /// Per channel, max |v - mean| over all frames, and the overall max |v|.
    QVector<double> m_reach;
    double m_sharedReach = 0.0;
};

} // namespace vd::ui
