// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QRect>
#include <QString>
#include <QVector>
#include <QWidget>

#include <vector>

namespace vd::ui {

/// One 2D float map (a latent channel at one frame) drawn with the diverging colour map of the
/// reports (blue - white - red, core's vd::colourMapAt): cells enlarged by whole factors with
/// nearest-neighbour sampling, a title above, a colour bar with its low, middle and high values
/// on the right, and rectangles (blob boxes, in map cells) outlined. The colour range is set by
/// the caller (setRange), so several maps can share one scale. Clicking emits clicked();
/// a selected map gets a highlighted frame. UI thread only.
class HeatmapView final : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget* parent = nullptr);

    /// Row-major `width` x `height` values (copied). Non-finite values are drawn mid grey.
    void setMap(const float* values, int width, int height);
    void clear();
    /// Colours run from `low` (dark blue) through the middle (white) to `high` (dark red).
    /// A flat range (low >= high) is widened by 0.5 on each side.
    void setRange(double low, double high);
    /// Rectangles in map cells (x column, y row, inclusive corners as QRect(x0, y0, w, h)).
    void setBoxes(const QVector<QRect>& boxes);
    void setTitle(const QString& title);
    void setSelected(bool selected);
    void setColourBarVisible(bool visible);

    const std::vector<float>& values() const { return m_values; }
    int mapWidth() const { return m_width; }
    int mapHeight() const { return m_height; }
    double rangeLow() const { return m_low; }
    double rangeHigh() const { return m_high; }
    const QVector<QRect>& boxes() const { return m_boxes; }
    QString title() const { return m_title; }
    bool isSelected() const { return m_selected; }
    /// The map coloured at one pixel per cell (what is drawn, before enlarging).
    QImage image() const { return m_image; }

    /// Text for a colour-bar or table value: 3 significant digits (fixed or scientific).
    static QString formatValue(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void rebuildImage();
    QRect mapRect() const;
    int colourBarWidth() const;

    std::vector<float> m_values;
    int m_width = 0;
    int m_height = 0;
    double m_low = -1.0;
    double m_high = 1.0;
    QVector<QRect> m_boxes;
    QString m_title;
    bool m_selected = false;
    bool m_colourBar = true;
    QImage m_image;
};

} // namespace vd::ui
