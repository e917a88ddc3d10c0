// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ModelInputStrip.h"

#include "widgets/FrameView.h"

#include "util/FrameImages.h"

#include "data/ClipSampler.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace vd::ui {
namespace {

/// Frames are drawn about this many pixels wide (whole nearest-neighbour factors).
constexpr int kTargetSide = 128;

} // namespace

ModelInputStrip::ModelInputStrip(QWidget* parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    auto* rowHost = new QWidget;
    m_row = new QHBoxLayout(rowHost);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(4);
    m_row->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(rowHost);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_scroll);

    showMessage(tr("Select a clip to see the frames the model trains on."));
}

ModelInputStrip::~ModelInputStrip() = default;

ModelInputStrip::Sampled ModelInputStrip::sample(const Request& request)
{
    Sampled out;
    try {
        SampleSpec spec = sampleSpecFor(request.dataset, request.dataset.frames);
        spec.randomStart = false;
        out.stride = effectiveStride(request.clip, spec);
        const FrameStack frames = sampleClip(request.clip, spec, kSeed);
        out.frames = framesToImages(frames);
        const int64_t last = std::max<int64_t>(0, request.clip.info.frames - 1);
        for (int t = 0; t < frames.frames; ++t) {
            const int64_t source = static_cast<int64_t>(t) * out.stride;
            // Clips shorter than T*stride repeat their last frame.
            out.sourceFrames.push_back(
                static_cast<int>(request.clip.info.frames > 0 ? std::min(source, last) : source));
        }
    } catch (const std::exception& e) {
        out.frames.clear();
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

void ModelInputStrip::showClip(const ClipEntry& clip, const DatasetSettings& dataset)
{
    m_request = Request{clip, dataset};
    m_loading = true;
    m_summary->setText(tr("Sampling %1 …").arg(QString::fromStdString(clip.path)));
    m_sampler.submit([request = m_request] { return sample(request); },
                     [this](const Sampled& result) { onSampled(result); });
}

void ModelInputStrip::onSampled(const Sampled& result)
{
    m_loading = false;
    if (!result.error.isEmpty()) {
        showMessage(tr("Cannot sample this clip: %1").arg(result.error));
        Q_EMIT failed(result.error);
        return;
    }
    m_frames = result.frames;
    const DatasetSettings& d = m_request.dataset;
    QString rate;
    const double fps = m_request.clip.info.fps.toDouble();
    if (fps > 0.0) {
        rate = tr(" (%1 fps)").arg(QString::number(fps / result.stride, 'g', 4));
    }
    m_summary->setText(tr("%1 frames · %2×%3 · stride %4%5 · from frame 0 · centre crop%6")
                           .arg(result.frames.size())
                           .arg(d.width)
                           .arg(d.height)
                           .arg(result.stride)
                           .arg(rate)
                           .arg(d.randomFlip ? tr(" · random flip (fixed seed)") : QString()));
    QStringList captions;
    for (int source : result.sourceFrames) {
        captions << QStringLiteral("#%1").arg(source);
    }
    setViews(result.frames, captions);
    Q_EMIT framesReady(static_cast<int>(result.frames.size()));
}

void ModelInputStrip::setViews(const QVector<QImage>& frames, const QStringList& captions)
{
    while (m_views.size() > frames.size()) {
        delete m_views.takeLast();
    }
    while (m_views.size() < frames.size()) {
        auto* view = new FrameView;
        // Before the trailing stretch, so the frames stay packed to the left.
        m_row->insertWidget(static_cast<int>(m_views.size()), view);
        m_views.push_back(view);
    }
    int rowHeight = 0;
    for (int i = 0; i < frames.size(); ++i) {
        const QImage& image = frames[i];
        const int zoom =
            std::max(1, kTargetSide / std::max(1, std::max(image.width(), image.height())));
        FrameView* view = m_views[i];
        view->setImage(image);
        view->setCaption(i < captions.size() ? captions[i] : QString());
        view->setZoom(zoom);
        view->setFixedSize(view->sizeHint());
        rowHeight = std::max(rowHeight, view->sizeHint().height());
    }
    const int scrollBar = m_scroll->horizontalScrollBar()->sizeHint().height();
    m_scroll->setFixedHeight(frames.isEmpty() ? 0 : rowHeight + scrollBar + 2);
}

void ModelInputStrip::showMessage(const QString& message)
{
    m_sampler.cancel();
    m_loading = false;
    m_frames.clear();
    setViews({}, {});
    m_summary->setText(message);
}

QString ModelInputStrip::summary() const
{
    return m_summary->text();
}

} // namespace vd::ui
