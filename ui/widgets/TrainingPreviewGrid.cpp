// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TrainingPreviewGrid.h"

#include "controllers/TrainingController.h"
#include "widgets/FrameView.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace vd::ui {
namespace {

constexpr int kPreviewFps = 8;
constexpr int kMaxPreviews = 8;

} // namespace

TrainingPreviewGrid::TrainingPreviewGrid(QWidget* parent) : QGroupBox(tr("Latest previews"), parent)
{
    m_area = new QWidget;
    m_grid = new QGridLayout(m_area);
    m_grid->setContentsMargins(4, 4, 4, 4);
    m_grid->setSpacing(6);
    m_placeholder = new QLabel;
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_grid->addWidget(m_placeholder, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_area);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(scroll);

    m_frameTimer = new QTimer(this);
    m_frameTimer->setInterval(1000 / kPreviewFps);
    connect(m_frameTimer, &QTimer::timeout, this, &TrainingPreviewGrid::animate);
}

QStringList TrainingPreviewGrid::captions() const
{
    QStringList captions;
    for (const Preview& p : m_previews) {
        captions << p.caption;
    }
    return captions;
}

void TrainingPreviewGrid::showPreview(const TrainingPreview& preview)
{
    const QString key =
        QStringLiteral("%1/%2/%3").arg(preview.kind).arg(preview.label).arg(preview.index);
    const bool reconstruction = preview.kind == QLatin1String("reconstruction");
    const QString caption = reconstruction                 ? tr("clip %1").arg(preview.index + 1)
                            : !preview.labelName.isEmpty() ? preview.labelName
                            : preview.label >= 0           ? tr("class %1").arg(preview.label)
                                                           : tr("sample %1").arg(preview.index + 1);
    setTitle(reconstruction
                 ? tr("Latest previews · step %1 · input | reconstruction").arg(preview.step)
                 : tr("Latest previews · step %1 · samples").arg(preview.step));
    auto it = std::find_if(m_previews.begin(), m_previews.end(),
                           [&](const Preview& p) { return p.key == key; });
    if (it == m_previews.end()) {
        if (static_cast<int>(m_previews.size()) >= kMaxPreviews) {
            return;
        }
        Preview p;
        p.key = key;
        p.view = new FrameView;
        p.view->setMinimumSize(96, 64);
        const int n = static_cast<int>(m_previews.size());
        m_grid->addWidget(p.view, n / 2, n % 2);
        m_previews.push_back(p);
        it = m_previews.end() - 1;
        m_placeholder->setVisible(false);
    }
    it->frames = preview.frames;
    it->caption = caption;
    it->view->setCaption(caption);
    it->view->setImage(it->frames[m_frame % it->frames.size()]);
    if (!m_frameTimer->isActive()) {
        m_frameTimer->start();
    }
}

void TrainingPreviewGrid::clear(const QString& placeholder)
{
    for (Preview& p : m_previews) {
        delete p.view;
    }
    m_previews.clear();
    m_frame = 0;
    setTitle(tr("Latest previews"));
    m_placeholder->setText(placeholder);
    m_placeholder->setVisible(true);
}

void TrainingPreviewGrid::setAnimating(bool on)
{
    if (on) {
        m_frameTimer->start();
    } else {
        m_frameTimer->stop();
    }
}

void TrainingPreviewGrid::animate()
{
    ++m_frame;
    for (Preview& p : m_previews) {
        if (!p.frames.isEmpty()) {
            p.view->setImage(p.frames[m_frame % p.frames.size()]);
        }
    }
}

} // namespace vd::ui
