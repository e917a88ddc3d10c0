// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/TemporalStats.h"

#include <QStringList>
#include <QVector>

#include "util/QCustomPlotInclude.h"

namespace vd::ui {

/// The per-frame flicker plot of the preview: for each frame transition the mean absolute
/// change (in [0,1] pixel units), drawn at the number of the later frame (frames count from 1,
/// as in the player), with the clip's flicker index in the
/// title and a marker at the frame the player shows. The current clip is graph(0), drawn in the
/// accent colour; the other clips of a grid are faint lines behind it.
///
/// Threads: UI thread only; the statistics are computed elsewhere (core TemporalStats).
class FlickerPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit FlickerPlot(QWidget* parent = nullptr);

    /// One entry per clip (frameChange has frames-1 entries); captions name the clips.
    void setStats(const QVector<vd::TemporalStats>& stats, const QStringList& captions);
    void clear();
    const QVector<vd::TemporalStats>& stats() const { return m_stats; }
    /// Which clip is drawn as graph(0).
    void setCurrentClip(int clip);
    int currentClip() const { return m_currentClip; }
    /// Moves the marker to frame index `frame` (0-based, drawn at frame number frame + 1).
    void setCurrentFrame(int frame);
    int currentFrame() const { return m_frame; }
    /// The title text (names the clip's flicker index).
    QString titleText() const;

private:
    void rebuild();
    void placeMarker();

    QVector<vd::TemporalStats> m_stats;
    QStringList m_captions;
    int m_currentClip = 0;
    int m_frame = 0;
    QCPTextElement* m_title = nullptr;
    QCPItemStraightLine* m_marker = nullptr;
};

} // namespace vd::ui
