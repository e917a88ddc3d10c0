// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QRect>
#include <QString>
#include <QVector>
#include <QWidget>

namespace vd::ui {

/// Shows one image scaled to fit, keeping its aspect ratio. Small frames (the 32-64 px frames
/// of a latent video model) are enlarged by whole factors with nearest-neighbour sampling so
/// pixels stay sharp; `setZoom(k)` fixes the factor instead of fitting. An optional caption is
/// drawn under the image. UI thread only.
class FrameView : public QWidget {
    Q_OBJECT
public:
    explicit FrameView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    const QImage& image() const { return m_image; }
    void setCaption(const QString& caption);
    /// 0 fits the widget (whole factors when enlarging), k > 0 draws at k times the image size.
    void setZoom(int factor);
    int zoom() const { return m_zoom; }
    /// Text shown when there is no image.
    void setPlaceholderText(const QString& text);
    /// Rectangles in image pixels (inclusive corners), outlined over the image; e.g. the
    /// inspector's high-error regions. Cleared by passing an empty list.
    void setOutlines(const QVector<QRect>& outlines);
    const QVector<QRect>& outlines() const { return m_outlines; }

    /// The rectangle the image is drawn into, in widget coordinates.
    QRect imageRect() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QString m_caption;
    QString m_placeholder;
    QVector<QRect> m_outlines;
    int m_zoom = 0;
};

} // namespace vd::ui
