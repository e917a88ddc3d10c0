// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFrame;
class QGridLayout;
class QLabel;
class QScrollArea;
class QSlider;
class QTimer;
class QToolButton;

namespace vd::ui {

class FrameView;

/// A frame-by-frame player for one clip or a grid of clips that play in sync on one clock.
/// Transport: play/pause (Space), step (Left/Right), first/last frame (Home/End), a scrub
/// slider, frames per second, loop; zoom (fit or 1x..8x, nearest neighbour); and a "difference"
/// view showing |frame t - frame t-1| (amplified) instead of the frames. Clips shorter than the
/// longest hold their last frame. Clicking a clip makes it the current clip.
///
/// Threads: UI thread only. It only shows images it is given; decoding happens elsewhere.
class ClipGridPlayer : public QWidget {
    Q_OBJECT
public:
    explicit ClipGridPlayer(QWidget* parent = nullptr);

    /// Replaces the clips (each a list of frames) and their captions; stops playback and shows
    /// frame 0 of clip 0. Captions may be fewer than clips.
    void setClips(const QVector<QVector<QImage>>& clips, const QStringList& captions);
    void clear();
    const QVector<QVector<QImage>>& clips() const { return m_clips; }
    const QStringList& captions() const { return m_captions; }

    int clipCount() const { return static_cast<int>(m_clips.size()); }
    /// Frames of the longest clip.
    int frameCount() const { return m_frameCount; }
    int currentFrame() const { return m_frame; }
    int currentClip() const { return m_currentClip; }
    bool isPlaying() const;

    double fps() const;
    void setFps(double fps);
    bool loops() const;
    void setLoop(bool loop);
    /// 0 fits the view, k in 1..8 draws each clip at k times its size.
    int zoom() const { return m_zoom; }
    void setZoom(int factor);
    bool differenceView() const;
    void setDifferenceView(bool on);

    /// The image clip `clip` shows now (the frame, or the difference image in difference view).
    QImage displayedImage(int clip) const;

    /// |a - b| per channel times `gain`, clamped to 255, as RGB888. A null or differently
    /// sized `b` gives a black image of a's size.
    static QImage differenceImage(const QImage& a, const QImage& b, int gain = kDifferenceGain);
    static constexpr int kDifferenceGain = 4;

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    /// Shows frame `frame` (clamped) of every clip.
    void seek(int frame);
    void setCurrentClip(int clip);

Q_SIGNALS:
    void frameChanged(int frame);
    void currentClipChanged(int clip);
    void playingChanged(bool playing);
    void clipsChanged();

protected:
    /// Re-derives the cell colours when the theme (application palette) changes.
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuildGrid();
    void updateFrames();
    void updateControls();
    void updateSelection();
    void advance();
    QImage frameOf(int clip, int frame) const;

    QVector<QVector<QImage>> m_clips;
    QStringList m_captions;
    int m_frameCount = 0;
    int m_frame = 0;
    int m_currentClip = 0;
    int m_zoom = 0;

    QScrollArea* m_scroll = nullptr;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
    QVector<QFrame*> m_cells;
    QVector<FrameView*> m_views;
    QTimer* m_timer = nullptr;
    QToolButton* m_playButton = nullptr;
    QToolButton* m_backButton = nullptr;
    QToolButton* m_forwardButton = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_frameLabel = nullptr;
    QDoubleSpinBox* m_fpsSpin = nullptr;
    QCheckBox* m_loopCheck = nullptr;
    QComboBox* m_zoomCombo = nullptr;
    QCheckBox* m_differenceCheck = nullptr;
};

} // namespace vd::ui
