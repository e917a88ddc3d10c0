// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ClipGridPlayer.h"

#include "widgets/FrameView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vd::ui {

namespace {

constexpr int kMaxZoom = 8;

QToolButton* makeButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip)
{
    auto* button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(tip);
    button->setFocusPolicy(Qt::NoFocus);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ClipGridPlayer::ClipGridPlayer(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);

    m_grid = new QWidget;
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(4, 4, 4, 4);
    m_gridLayout->setSpacing(6);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setAlignment(Qt::AlignCenter);

    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ClipGridPlayer::advance);

    m_backButton = makeButton(this, QStyle::SP_MediaSeekBackward, tr("Previous frame (Left)"));
    m_playButton = makeButton(this, QStyle::SP_MediaPlay, tr("Play (Space)"));
    m_forwardButton = makeButton(this, QStyle::SP_MediaSeekForward, tr("Next frame (Right)"));
    connect(m_backButton, &QToolButton::clicked, this, &ClipGridPlayer::stepBack);
    connect(m_playButton, &QToolButton::clicked, this, &ClipGridPlayer::togglePlay);
    connect(m_forwardButton, &QToolButton::clicked, this, &ClipGridPlayer::stepForward);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_slider->setToolTip(tr("Scrub through the frames"));
    connect(m_slider, &QSlider::valueChanged, this, &ClipGridPlayer::seek);

    m_frameLabel = new QLabel(this);
    m_frameLabel->setMinimumWidth(m_frameLabel->fontMetrics().horizontalAdvance(
        tr("frame %1 / %2").arg(9999).arg(9999)));

    m_fpsSpin = new QDoubleSpinBox(this);
    m_fpsSpin->setRange(0.5, 120.0);
    m_fpsSpin->setDecimals(1);
    m_fpsSpin->setValue(8.0);
    m_fpsSpin->setSuffix(tr(" fps"));
    m_fpsSpin->setToolTip(tr("Playback speed in frames per second"));
    connect(m_fpsSpin, &QDoubleSpinBox::valueChanged, this, [this](double fps) {
        m_timer->setInterval(static_cast<int>(std::lround(1000.0 / fps)));
    });
    m_timer->setInterval(static_cast<int>(std::lround(1000.0 / m_fpsSpin->value())));

    m_loopCheck = new QCheckBox(tr("Loop"), this);
    m_loopCheck->setChecked(true);
    m_loopCheck->setFocusPolicy(Qt::NoFocus);

    m_zoomCombo = new QComboBox(this);
    m_zoomCombo->addItem(tr("Fit"), 0);
    for (int k = 1; k <= kMaxZoom; ++k) {
        m_zoomCombo->addItem(tr("%1x").arg(k), k);
    }
    m_zoomCombo->setToolTip(tr("Zoom: fit the view, or whole factors with sharp pixels"));
    m_zoomCombo->setFocusPolicy(Qt::NoFocus);
    connect(m_zoomCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setZoom(m_zoomCombo->itemData(index).toInt()); });

    m_differenceCheck = new QCheckBox(tr("Difference"), this);
    m_differenceCheck->setToolTip(
        tr("Show |frame - previous frame|, amplified %1x, instead of the frames")
            .arg(kDifferenceGain));
    m_differenceCheck->setFocusPolicy(Qt::NoFocus);
    connect(m_differenceCheck, &QCheckBox::toggled, this, [this] { updateFrames(); });

    auto* transport = new QHBoxLayout;
    transport->setContentsMargins(0, 0, 0, 0);
    transport->addWidget(m_backButton);
    transport->addWidget(m_playButton);
    transport->addWidget(m_forwardButton);
    transport->addWidget(m_slider, 1);
    transport->addWidget(m_frameLabel);
    transport->addWidget(m_fpsSpin);
    transport->addWidget(m_loopCheck);
    transport->addWidget(new QLabel(tr("Zoom"), this));
    transport->addWidget(m_zoomCombo);
    transport->addWidget(m_differenceCheck);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(transport);

    rebuildGrid();
    updateControls();
}

void ClipGridPlayer::setClips(const QVector<QVector<QImage>>& clips, const QStringList& captions)
{
    pause();
    m_clips = clips;
    m_captions = captions;
    m_frameCount = 0;
    for (const auto& clip : m_clips) {
        m_frameCount = std::max(m_frameCount, static_cast<int>(clip.size()));
    }
    m_frame = 0;
    m_currentClip = 0;
    rebuildGrid();
    updateControls();
    updateFrames();
    Q_EMIT clipsChanged();
    Q_EMIT currentClipChanged(m_currentClip);
    Q_EMIT frameChanged(m_frame);
}

void ClipGridPlayer::clear()
{
    setClips({}, {});
}

bool ClipGridPlayer::isPlaying() const
{
    return m_timer->isActive();
}

double ClipGridPlayer::fps() const
{
    return m_fpsSpin->value();
}

void ClipGridPlayer::setFps(double fps)
{
    m_fpsSpin->setValue(fps);
}

bool ClipGridPlayer::loops() const
{
    return m_loopCheck->isChecked();
}

void ClipGridPlayer::setLoop(bool loop)
{
    m_loopCheck->setChecked(loop);
}

void ClipGridPlayer::setZoom(int factor)
{
    factor = std::clamp(factor, 0, kMaxZoom);
    if (factor == m_zoom) {
        return;
    }
    m_zoom = factor;
    const int index = m_zoomCombo->findData(factor);
    if (index != m_zoomCombo->currentIndex()) {
        m_zoomCombo->setCurrentIndex(index);
    }
    // In fit mode the grid follows the viewport; at a fixed zoom it keeps its size and scrolls.
    for (FrameView* view : m_views) {
        view->setZoom(m_zoom);
        const QSize image = view->image().size();
        view->setMinimumSize(m_zoom > 0 && !image.isEmpty()
                                 ? image * m_zoom + QSize(0, view->fontMetrics().height() + 2)
                                 : view->minimumSizeHint());
    }
    m_grid->adjustSize();
}

bool ClipGridPlayer::differenceView() const
{
    return m_differenceCheck->isChecked();
}

void ClipGridPlayer::setDifferenceView(bool on)
{
    m_differenceCheck->setChecked(on);
}

QImage ClipGridPlayer::displayedImage(int clip) const
{
    if (clip < 0 || clip >= m_views.size()) {
        return {};
    }
    return m_views[clip]->image();
}

QImage ClipGridPlayer::differenceImage(const QImage& a, const QImage& b, int gain)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB888);
    QImage out(x.size(), QImage::Format_RGB888);
    if (b.isNull() || b.size() != a.size()) {
        out.fill(Qt::black);
        return out;
    }
    const QImage y = b.convertToFormat(QImage::Format_RGB888);
    const int bytes = x.width() * 3;
    for (int row = 0; row < x.height(); ++row) {
        const uchar* p = x.constScanLine(row);
        const uchar* q = y.constScanLine(row);
        uchar* o = out.scanLine(row);
        for (int i = 0; i < bytes; ++i) {
            o[i] = static_cast<uchar>(std::min(255, std::abs(int(p[i]) - int(q[i])) * gain));
        }
    }
    return out;
}

void ClipGridPlayer::play()
{
    if (m_frameCount < 2 || isPlaying()) {
        return;
    }
    if (m_frame >= m_frameCount - 1) {
        seek(0); // play from the start again, as players do at the end of a clip
    }
    m_timer->start();
    updateControls();
    Q_EMIT playingChanged(true);
}

void ClipGridPlayer::pause()
{
    if (!isPlaying()) {
        return;
    }
    m_timer->stop();
    updateControls();
    Q_EMIT playingChanged(false);
}

void ClipGridPlayer::togglePlay()
{
    if (isPlaying()) {
        pause();
    } else {
        play();
    }
}

void ClipGridPlayer::stepForward()
{
    pause();
    seek(m_frame + 1 < m_frameCount ? m_frame + 1 : (loops() ? 0 : m_frame));
}

void ClipGridPlayer::stepBack()
{
    pause();
    seek(m_frame > 0 ? m_frame - 1 : (loops() ? std::max(0, m_frameCount - 1) : 0));
}

void ClipGridPlayer::seek(int frame)
{
    frame = std::clamp(frame, 0, std::max(0, m_frameCount - 1));
    if (frame == m_frame && m_slider->value() == frame) {
        return;
    }
    m_frame = frame;
    updateFrames();
    updateControls();
    Q_EMIT frameChanged(m_frame);
}

void ClipGridPlayer::setCurrentClip(int clip)
{
    if (clip < 0 || clip >= clipCount() || clip == m_currentClip) {
        return;
    }
    m_currentClip = clip;
    updateSelection();
    Q_EMIT currentClipChanged(m_currentClip);
}

void ClipGridPlayer::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Space: togglePlay(); break;
    case Qt::Key_Right: stepForward(); break;
    case Qt::Key_Left: stepBack(); break;
    case Qt::Key_Home:
        pause();
        seek(0);
        break;
    case Qt::Key_End:
        pause();
        seek(m_frameCount - 1);
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

bool ClipGridPlayer::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        for (int i = 0; i < m_cells.size(); ++i) {
            if (watched == m_cells[i] || watched == m_views[i]) {
                setFocus(Qt::MouseFocusReason);
                setCurrentClip(i);
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ClipGridPlayer::rebuildGrid()
{
    for (QFrame* cell : m_cells) {
        delete cell;
    }
    m_cells.clear();
    m_views.clear();
    const int n = clipCount();
    if (n == 0) {
        auto* cell = new QFrame(m_grid);
        auto* cellLayout = new QVBoxLayout(cell);
        auto* view = new FrameView(cell);
        view->setPlaceholderText(
            tr("No clip to show.\nSample with the model, or open a dataset or exported clip."));
        cellLayout->addWidget(view);
        m_gridLayout->addWidget(cell, 0, 0);
        m_cells.push_back(cell);
        m_views.push_back(view);
        return;
    }
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    for (int i = 0; i < n; ++i) {
        auto* cell = new QFrame(m_grid);
        cell->setFrameStyle(QFrame::Box | QFrame::Plain);
        cell->setLineWidth(2);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(2, 2, 2, 2);
        auto* view = new FrameView(cell);
        view->setCaption(i < m_captions.size() ? m_captions[i] : QString());
        view->setZoom(m_zoom);
        cellLayout->addWidget(view);
        cell->installEventFilter(this);
        view->installEventFilter(this);
        m_gridLayout->addWidget(cell, i / columns, i % columns);
        m_cells.push_back(cell);
        m_views.push_back(view);
    }
    updateSelection();
    // Re-applies the minimum sizes of a fixed zoom to the new views.
    const int zoom = m_zoom;
    m_zoom = -1;
    for (int i = 0; i < m_views.size(); ++i) {
        m_views[i]->setImage(frameOf(i, 0));
    }
    setZoom(zoom);
}

QImage ClipGridPlayer::frameOf(int clip, int frame) const
{
    if (clip < 0 || clip >= clipCount() || m_clips[clip].isEmpty()) {
        return {};
    }
    const auto& frames = m_clips[clip];
    return frames[std::min(frame, static_cast<int>(frames.size()) - 1)];
}

void ClipGridPlayer::updateFrames()
{
    const bool difference = differenceView();
    for (int i = 0; i < clipCount() && i < m_views.size(); ++i) {
        const QImage current = frameOf(i, m_frame);
        if (!difference) {
            m_views[i]->setImage(current);
            continue;
        }
        const int length = static_cast<int>(m_clips[i].size());
        // Frame 0 has no previous frame; a clip holding its last frame does not change.
        const QImage previous =
            m_frame > 0 && m_frame < length ? frameOf(i, m_frame - 1) : current;
        m_views[i]->setImage(differenceImage(current, previous));
    }
}

void ClipGridPlayer::updateControls()
{
    const bool playing = isPlaying();
    m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause
                                                        : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    const bool hasFrames = m_frameCount > 0;
    m_playButton->setEnabled(m_frameCount > 1);
    m_backButton->setEnabled(hasFrames);
    m_forwardButton->setEnabled(hasFrames);
    m_slider->setEnabled(m_frameCount > 1);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, std::max(0, m_frameCount - 1));
        m_slider->setValue(m_frame);
    }
    m_frameLabel->setText(hasFrames ? tr("frame %1 / %2").arg(m_frame + 1).arg(m_frameCount)
                                    : tr("no frames"));
}

void ClipGridPlayer::updateSelection()
{
    const bool several = clipCount() > 1;
    for (int i = 0; i < m_cells.size(); ++i) {
        QPalette p = m_cells[i]->palette();
        const bool selected = several && i == m_currentClip;
        p.setColor(QPalette::WindowText,
                   selected ? palette().color(QPalette::Highlight) : palette().color(QPalette::Window));
        m_cells[i]->setPalette(p);
        // The caption keeps the normal text colour (set explicitly, or it inherits the border's).
        QPalette text = m_views[i]->palette();
        text.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
        m_views[i]->setPalette(text);
    }
}

void ClipGridPlayer::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        updateSelection();
    }
}

void ClipGridPlayer::advance()
{
    if (m_frame + 1 < m_frameCount) {
        seek(m_frame + 1);
    } else if (loops()) {
        seek(0);
    } else {
        pause();
    }
}

} // namespace vd::ui
