// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/VideoFilePlayer.h"

#include "widgets/FrameView.h"

#include "models/ClipTableModel.h"
#include "util/FrameImages.h"

#include "media/VideoReader.h"
#include "util/Error.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vd::ui {

VideoFilePlayer::VideoFilePlayer(QWidget* parent) : QWidget(parent)
{
    m_view = new FrameView(this);
    m_view->setPlaceholderText(tr("Select a clip to play it."));
    m_view->setMinimumSize(160, 120);

    m_playButton = new QToolButton(this);
    m_playButton->setCheckable(true);
    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playButton->setToolTip(tr("Play / pause"));
    m_playButton->setEnabled(false);
    connect(m_playButton, &QToolButton::toggled, this, &VideoFilePlayer::setPlaying);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setEnabled(false);
    connect(m_slider, &QSlider::sliderMoved, this, [this](int value) {
        setPlaying(false);
        showFrame(value);
    });

    m_position = new QLabel(this);
    m_position->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000")));
    m_position->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_playButton);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_position);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(controls);
    layout->addWidget(m_info);

    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &VideoFilePlayer::advance);
}

VideoFilePlayer::Decoded VideoFilePlayer::decode(LatestOnlyRunner::JobControl& control,
                                                 const QString& path)
{
    Decoded out;
    try {
        const VideoInfo info = VideoReader::probe(path.toStdString());
        const int w = info.displayWidth > 0 ? info.displayWidth : info.width;
        const int h = info.displayHeight > 0 ? info.displayHeight : info.height;
        DecodeOptions options;
        options.threads = 1;
        if (std::max(w, h) > kMaxSide) {
            (w >= h ? options.outWidth : options.outHeight) = kMaxSide;
        }
        VideoReader reader(path.toStdString(), options);
        out.fps = info.fps.valid() ? info.fps.toDouble() : 25.0;
        out.info = tr("%1 · %2×%3 · %4 fps · %5 frames · %6")
                       .arg(QString::fromStdString(info.codec))
                       .arg(w)
                       .arg(h)
                       .arg(QString::number(out.fps, 'g', 4))
                       .arg(info.frames)
                       .arg(ClipTableModel::formatDuration(info.durationS));
        Frame frame;
        try {
            while (out.frames.size() < kMaxFrames && reader.read(frame)) {
                if (control.isSuperseded()) {
                    return {};
                }
                out.frames.push_back(frameToImage(frame));
            }
            if (out.frames.size() == kMaxFrames && info.frames > kMaxFrames) {
                out.note = tr("playing the first %1 frames").arg(kMaxFrames);
            }
        } catch (const Error& e) {
            // A stream that breaks off still plays up to the damage.
            if (out.frames.isEmpty()) {
                throw;
            }
            out.note = tr("stops after %1 frames: %2")
                           .arg(out.frames.size())
                           .arg(QString::fromStdString(e.what()));
        }
        if (out.frames.isEmpty()) {
            out.error = tr("no frame could be decoded");
        }
    } catch (const std::exception& e) {
        out.frames.clear();
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

void VideoFilePlayer::playFile(const QString& path, const QString& caption)
{
    m_timer.stop();
    m_path = path;
    m_caption = caption;
    m_loading = true;
    m_info->setText(tr("Decoding %1 …").arg(path));
    m_decoder.submit(
        [path](LatestOnlyRunner::JobControl& control) { return decode(control, path); },
        [this](Decoded result) { onDecoded(std::move(result)); });
}

void VideoFilePlayer::onDecoded(Decoded result)
{
    m_loading = false;
    if (!result.error.isEmpty()) {
        m_frames.clear();
        m_view->setImage({});
        m_view->setPlaceholderText(tr("Cannot play this clip."));
        m_info->setText(result.error);
        m_playButton->setEnabled(false);
        m_slider->setEnabled(false);
        m_position->clear();
        Q_EMIT loadFailed(m_path, result.error);
        return;
    }
    m_frames = std::move(result.frames);
    m_fps = result.fps;
    QString text = result.info;
    if (!result.note.isEmpty()) {
        text += QStringLiteral(" (") + result.note + QStringLiteral(")");
    }
    if (!m_caption.isEmpty()) {
        text += "\n" + tr("Caption: %1").arg(m_caption);
    }
    m_info->setText(text);
    m_slider->setRange(0, static_cast<int>(m_frames.size()) - 1);
    m_slider->setEnabled(m_frames.size() > 1);
    m_playButton->setEnabled(m_frames.size() > 1);
    showFrame(0);
    m_timer.setInterval(std::max(1, static_cast<int>(std::lround(1000.0 / m_fps))));
    setPlaying(m_frames.size() > 1);
    Q_EMIT fileLoaded(m_path, static_cast<int>(m_frames.size()));
}

void VideoFilePlayer::showMessage(const QString& message)
{
    m_decoder.cancel();
    m_loading = false;
    m_path.clear();
    m_frames.clear();
    setPlaying(false);
    m_view->setImage({});
    m_view->setPlaceholderText(message);
    m_info->clear();
    m_position->clear();
    m_playButton->setEnabled(false);
    m_slider->setEnabled(false);
    m_slider->setValue(0);
}

QString VideoFilePlayer::infoText() const
{
    return m_info->text();
}

void VideoFilePlayer::setPlaying(bool playing)
{
    playing = playing && m_frames.size() > 1;
    if (playing) {
        m_timer.start();
    } else {
        m_timer.stop();
    }
    const QSignalBlocker block(m_playButton);
    m_playButton->setChecked(playing);
    m_playButton->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void VideoFilePlayer::showFrame(int index)
{
    if (m_frames.isEmpty()) {
        return;
    }
    m_current = std::clamp(index, 0, static_cast<int>(m_frames.size()) - 1);
    m_view->setImage(m_frames[m_current]);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(m_current);
    }
    m_position->setText(QStringLiteral("%1 / %2").arg(m_current + 1).arg(m_frames.size()));
}

void VideoFilePlayer::advance()
{
    if (!m_frames.isEmpty()) {
        showFrame((m_current + 1) % static_cast<int>(m_frames.size()));
    }
}

} // namespace vd::ui
