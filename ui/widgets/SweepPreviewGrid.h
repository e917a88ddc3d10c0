// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

namespace vd::ui {

/// The newest preview clips of several runs side by side (the selected variants of a sweep):
/// one column per run, one row per clip (a reconstruction of the same held-out clip, or a
/// sample from the same noise, since the variants share the project's seeds), all playing in
/// step at the previews' 8 fps so a frame compares with the same frame. Reconstructions show
/// input | output as the run saved them. Frames are scaled with nearest neighbour.
///
/// Threads: UI thread only; the caller decodes the clips off the UI thread.
class SweepPreviewGrid final : public QWidget {
    Q_OBJECT
public:
    /// One saved preview clip.
    struct Clip {
        QString kind; ///< "reconstruction" or "sample"
        int index = 0;
        int label = -1;
        qint64 step = 0;
        QVector<QImage> frames;
    };
    /// One run's clips.
    struct Column {
        QString name;
        QVector<Clip> clips;
    };

    explicit SweepPreviewGrid(QWidget* parent = nullptr);

    void setColumns(const QVector<Column>& columns);
    void clear() { setColumns({}); }

    int columnCount() const { return static_cast<int>(m_columns.size()); }
    /// Rows: the distinct clips (kind, index, label) of all columns.
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    /// The row captions ("Reconstruction 1", "Sample 2 · class 3"), in order.
    QStringList rowCaptions() const;
    /// The column captions (run name and step).
    QStringList columnCaptions() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct RowKey {
        QString kind;
        int index = 0;
        int label = -1;
        bool operator==(const RowKey& o) const
        {
            return kind == o.kind && index == o.index && label == o.label;
        }
    };
    const Clip* clipAt(int column, const RowKey& row) const;
    void updateTimer();

    QVector<Column> m_columns;
    QVector<RowKey> m_rows;
    QTimer m_timer;
    int m_frame = 0;
};

} // namespace vd::ui
