// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

namespace vd::ui {

/// What a thumbnail is made from: a video file and what the dataset index knows about it.
/// Size and mtime are part of the cache key, so a changed file gets a new thumbnail.
struct ThumbnailSource {
    QString path; ///< absolute path of the video
    qint64 sizeBytes = 0;
    qint64 mtimeNs = 0;
    int width = 0; ///< display size of the video (0 if unknown)
    int height = 0;
};

/// First-frame thumbnails of video files, made in the background and cached twice: in memory
/// (a bounded QCache) and on disk (`<cacheDir>/<sha1 of path+size+mtime+thumb size>.png`), so
/// that reopening a dataset shows its thumbnails without decoding again.
///
/// Frames are decoded with vd::VideoReader straight to at most `thumbnailSize` pixels on the
/// long side; videos smaller than that are enlarged by a whole factor with nearest-neighbour
/// sampling, so the 32-64 px clips of a latent video model stay sharp.
///
/// Work runs on a small private thread pool (1-2 threads); the newest request runs first, so
/// the items a view asks for last (the ones on screen now) come before stale ones.
///
/// Threads: every member function is for the UI thread; signals are emitted on the UI thread.
class ThumbnailCache final : public QObject {
    Q_OBJECT
public:
    /// `cacheDir` is created when the first thumbnail is written; "" disables the disk cache.
    explicit ThumbnailCache(const QString& cacheDir, int thumbnailSize = 96,
                            QObject* parent = nullptr);
    /// Drops queued work and waits for the running jobs (each decodes one frame).
    ~ThumbnailCache() override;

    /// `<QStandardPaths::CacheLocation>/thumbnails`.
    static QString defaultCacheDir();

    int thumbnailSize() const { return m_size; }
    QString cacheDir() const { return m_cacheDir; }

    /// The thumbnail when it is in memory, else a null image and the job is queued (once per
    /// key): thumbnailReady() or thumbnailFailed() follows.
    QImage request(const ThumbnailSource& source);
    /// Drops the jobs that have not started (a new dataset was opened).
    void cancelPending();
    /// Jobs queued or running.
    int pendingCount() const { return static_cast<int>(m_pending.size()); }

    /// The disk cache file name for `source` at this cache's thumbnail size.
    QString cacheFileName(const ThumbnailSource& source) const;

Q_SIGNALS:
    void thumbnailReady(const QString& path, const QImage& image);
    /// The first frame could not be decoded; `reason` is the core's message.
    void thumbnailFailed(const QString& path, const QString& reason);

private:
    void finish(const QString& key, const QString& path, const QImage& image, const QString& error);

    QString m_cacheDir;
    int m_size = 96;
    QThreadPool m_pool;
    QCache<QString, QImage> m_memory;
    QSet<QString> m_pending;
    int m_nextPriority = 0;
};

} // namespace vd::ui
