// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DatasetIndex.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QImage>
#include <QSet>
#include <QString>

namespace vd::ui {

class ThumbnailCache;

/// The files of a scanned dataset as a table: one row per usable clip (in index order), then
/// one row per skipped file with its reason. Columns: name (path relative to the dataset
/// root), label, resolution, fps, frames, duration, status.
///
/// Thumbnails are asked for lazily: when a view requests the decoration of a row (views only
/// ask for rows on screen), the model asks its ThumbnailCache and shows the image once it
/// arrives (dataChanged on the name column with DecorationRole and ThumbnailRole).
///
/// Threads: UI thread only.
class ClipTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        LabelColumn,
        ResolutionColumn,
        FpsColumn,
        FramesColumn,
        DurationColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< numbers for numeric columns, text otherwise
        PathRole,                    ///< absolute path of the file (QString)
        LabelRole,                   ///< label (QString; skipped files: their first folder)
        SkippedRole,                 ///< true for a skipped file
        ReasonRole,                  ///< why a file was skipped ("" for clips)
        ThumbnailRole,               ///< the first-frame QImage (null until it has arrived)
    };

    explicit ClipTableModel(QObject* parent = nullptr);

    /// Shows `index` (resets the model and forgets thumbnails of the previous dataset).
    void setDatasetIndex(const DatasetIndex& index);
    void clear();
    const DatasetIndex& datasetIndex() const { return m_index; }

    /// Thumbnail source for the decoration role; nullptr shows none. Not owned.
    void setThumbnailCache(ThumbnailCache* cache);

    int clipCount() const { return static_cast<int>(m_index.clips().size()); }
    int skippedCount() const { return static_cast<int>(m_index.skipped().size()); }
    /// The clip of `row`, or nullptr for a skipped file or a row out of range.
    const ClipEntry* clipAt(int row) const;
    /// The skipped file of `row`, or nullptr for a clip.
    const SkippedFile* skippedAt(int row) const;
    /// The row showing the file at absolute `path`, or -1.
    int rowOfPath(const QString& path) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "0.64 s", "1:05.2", "1:02:03": how the duration column writes seconds.
    static QString formatDuration(double seconds);

private:
    void onThumbnailReady(const QString& path, const QImage& image);
    void onThumbnailFailed(const QString& path, const QString& reason);
    QVariant thumbnail(int row, int role) const;
    QString absolutePath(const std::string& relative) const;

    DatasetIndex m_index;
    QHash<QString, int> m_rowOfPath;
    ThumbnailCache* m_thumbnails = nullptr;
    // Filled by the thumbnail signals, and from data() when the cache already holds the image.
    mutable QHash<int, QImage> m_images;
    mutable QHash<int, QIcon> m_icons;
    QHash<int, QString> m_thumbnailErrors;
};

} // namespace vd::ui
