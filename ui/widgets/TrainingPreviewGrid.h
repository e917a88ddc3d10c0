// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

class QGridLayout;
class QLabel;
class QTimer;

namespace vd::ui {

class FrameView;
struct TrainingPreview;

/// The Training panel's latest preview clips: up to eight, two per row, each animated at
/// 8 fps with a caption (the probe clip, the class or the sample), the title naming the step
/// and the kind. A preview of a kind, label and index already shown replaces it in place; a
/// placeholder line stands in while there are none. UI thread only.
class TrainingPreviewGrid final : public QGroupBox {
    Q_OBJECT
public:
    explicit TrainingPreviewGrid(QWidget* parent = nullptr);

    /// Shows `preview` (its frames must not be empty) and starts the animation. A new one
    /// beyond the eighth is left out.
    void showPreview(const TrainingPreview& preview);
    /// Removes every clip and shows `placeholder` instead.
    void clear(const QString& placeholder);
    /// Starts or stops stepping the clips' frames.
    void setAnimating(bool on);

    /// Number of clips shown.
    int count() const { return static_cast<int>(m_previews.size()); }
    /// The captions under the clips, in grid order.
    QStringList captions() const;

private:
    struct Preview {
        QString key;
        FrameView* view = nullptr;
        QVector<QImage> frames;
        QString caption;
    };

    void animate();

    QWidget* m_area = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_placeholder = nullptr;
    QTimer* m_frameTimer = nullptr;
    std::vector<Preview> m_previews;
    int m_frame = 0;
};

} // namespace vd::ui
