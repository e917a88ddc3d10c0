// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DatasetIndex.h"
#include "project/Project.h"
#include "util/LatestOnlyRunner.h"

#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QScrollArea;

namespace vd::ui {

class FrameView;

/// "What the model sees": the frames a training clip is cut into, after the project's
/// sampling (vd::sampleClip with sampleSpecFor(dataset, dataset.frames): stride or target fps,
/// cover-resize and centre crop to the training size), shown as a row of small FrameViews
/// enlarged with nearest-neighbour sampling. The start is deterministic (frame 0) and the seed
/// fixed, so the strip is the same every time; random flips follow the project's setting.
///
/// Sampling runs off the UI thread (LatestOnlyRunner: one job in flight, the newest request
/// wins). Threads: UI thread only.
class ModelInputStrip final : public QWidget {
    Q_OBJECT
public:
    /// The fixed seed of the strip's sample.
    static constexpr uint64_t kSeed = 0;

    explicit ModelInputStrip(QWidget* parent = nullptr);
    ~ModelInputStrip() override;

    /// Samples `clip` with the training settings `dataset` in the background.
    void showClip(const ClipEntry& clip, const DatasetSettings& dataset);
    /// Removes the frames and shows `message`.
    void showMessage(const QString& message);

    /// True from showClip() until its frames (or its error) are shown.
    bool isLoading() const { return m_loading; }
    /// The sampled frames at the training size (empty until sampled).
    const QVector<QImage>& frames() const { return m_frames; }
    /// The line above the frames (count, size, stride, source frames).
    QString summary() const;
    int frameViewCount() const { return static_cast<int>(m_views.size()); }

Q_SIGNALS:
    void framesReady(int count);
    void failed(const QString& message);

private:
    struct Request {
        ClipEntry clip;
        DatasetSettings dataset;
    };
    struct Sampled {
        QVector<QImage> frames;
        QVector<int> sourceFrames; ///< the clip frame each sample came from
        int stride = 1;
        QString error;
    };
    static Sampled sample(const Request& request);
    void onSampled(const Sampled& result);
    void setViews(const QVector<QImage>& frames, const QStringList& captions);

    QLabel* m_summary = nullptr;
    QScrollArea* m_scroll = nullptr;
    QHBoxLayout* m_row = nullptr;
    QVector<FrameView*> m_views;
    LatestOnlyRunner m_sampler;
    Request m_request; ///< the newest one: the only one whose frames are shown
    bool m_loading = false;
    QVector<QImage> m_frames;
};

} // namespace vd::ui
