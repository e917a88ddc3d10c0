// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/LatestOnlyRunner.h"

#include <QImage>
#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

class QLabel;
class QSlider;
class QToolButton;

namespace vd::ui {

class FrameView;

/// Plays one video file in a loop: the frames are decoded off the UI thread (vd::VideoReader,
/// scaled to at most kMaxSide px on the long side, the first kMaxFrames frames), then shown in
/// a FrameView by a QTimer at the clip's frame rate. An info line gives codec, resolution, fps,
/// frames, duration and an optional caption; a slider and a play/pause button let the user
/// step through the frames.
///
/// One decode is in flight at a time (LatestOnlyRunner); a newer playFile() stops it between
/// frames (newest request wins). Threads: UI thread only.
class VideoFilePlayer final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxSide = 256;
    /// Longer clips play their first kMaxFrames frames (at most 75 MB at 256x256).
    static constexpr int kMaxFrames = 400;

    explicit VideoFilePlayer(QWidget* parent = nullptr);

    /// Decodes `path` in the background and starts playing it when done; `caption` is shown
    /// under the info line. Errors are shown in the player and reported by loadFailed().
    void playFile(const QString& path, const QString& caption = {});
    /// Stops and shows `message` in place of a clip.
    void showMessage(const QString& message);

    /// True from playFile() until the clip plays or fails.
    bool isLoading() const { return m_loading; }
    bool isPlaying() const { return m_timer.isActive(); }
    QString path() const { return m_path; }
    const QVector<QImage>& frames() const { return m_frames; }
    double fps() const { return m_fps; }
    int currentFrame() const { return m_current; }
    QString infoText() const;
    FrameView* view() const { return m_view; }

public Q_SLOTS:
    void setPlaying(bool playing);
    void showFrame(int index);

Q_SIGNALS:
    /// The clip at `path` is decoded and playing.
    void fileLoaded(const QString& path, int frames);
    void loadFailed(const QString& path, const QString& message);

private:
    struct Decoded {
        QVector<QImage> frames;
        QString info; ///< codec, size, fps, frames, duration
        double fps = 0;
        QString error; ///< set when nothing could be decoded
        QString note;  ///< e.g. "first 400 frames" or why decoding stopped early
    };
    static Decoded decode(LatestOnlyRunner::JobControl& control, const QString& path);
    void onDecoded(Decoded result);
    void advance();

    FrameView* m_view = nullptr;
    QLabel* m_info = nullptr;
    QToolButton* m_playButton = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_position = nullptr;
    QTimer m_timer;
    LatestOnlyRunner m_decoder;
    bool m_loading = false;
    QString m_path;
    QString m_caption;
    QVector<QImage> m_frames;
    double m_fps = 0;
    int m_current = 0;
};

} // namespace vd::ui
