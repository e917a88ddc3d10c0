// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ReconstructionViews.h"

#include "widgets/ChannelGrid.h"
#include "widgets/FrameView.h"
#include "widgets/HeatmapView.h"

#include "project/ClipInspector.h"
#include "report/Heatmap.h"
#include "util/FrameImages.h"

#include <QHBoxLayout>

#include <algorithm>

namespace vd::ui {

namespace {

/// The error map of frame t as a sequential-colour image, one scale (0..max) for the clip.
QImage errorImage(const ClipInspection& r, int t)
{
    const int w = r.input.width;
    const int h = r.input.height;
    QImage image(w, h, QImage::Format_RGB888);
    const float* map = r.errorMap(t);
    const double top = std::max(r.error.maxError, 1e-6);
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const Rgb c = colourMapAt(ColourMap::Sequential, map[y * w + x] / top);
            line[3 * x] = c.r;
            line[3 * x + 1] = c.g;
            line[3 * x + 2] = c.b;
        }
    }
    return image;
}

} // namespace

ReconstructionViews::ReconstructionViews(QWidget* parent) : QGroupBox(tr("Clip"), parent)
{
    m_inputView = new FrameView;
    m_reconView = new FrameView;
    m_errorView = new FrameView;
    m_inputView->setPlaceholderText(tr("Input"));
    m_reconView->setPlaceholderText(tr("Reconstruction"));
    m_errorView->setPlaceholderText(tr("Error"));
    auto* images = new QHBoxLayout(this);
    images->addWidget(m_inputView);
    images->addWidget(m_reconView);
    images->addWidget(m_errorView);
}

void ReconstructionViews::showFrame(const ClipInspection& r, int t)
{
    t = std::clamp(t, 0, std::max(0, r.input.frames - 1));
    m_inputView->setImage(frameToImage(r.input, t));
    m_inputView->setCaption(tr("Input, frame %1").arg(t));
    m_reconView->setImage(frameToImage(r.reconstruction, t));
    m_reconView->setCaption(tr("Reconstruction, PSNR %1 dB").arg(r.psnrDb, 0, 'f', 1));
    m_errorView->setImage(errorImage(r, t));
    // The localized high-error regions of this frame (core/inspect findHighErrorRegions).
    const QVector<QRect> regions = ChannelGrid::boxesAt(r.error.regions.blobs, 0, t);
    m_errorView->setOutlines(regions);
    m_reconView->setOutlines(regions);
    const double frameError = t < static_cast<int>(r.error.frameMeanError.size())
                                  ? r.error.frameMeanError[static_cast<size_t>(t)]
                                  : 0.0;
    m_errorView->setCaption(tr("|error| mean %1, scale 0–%2")
                                .arg(HeatmapView::formatValue(frameError))
                                .arg(HeatmapView::formatValue(r.error.maxError)));
}

void ReconstructionViews::clear()
{
    for (FrameView* view : {m_inputView, m_reconView, m_errorView}) {
        view->setImage({});
        view->setCaption({});
    }
}

} // namespace vd::ui
