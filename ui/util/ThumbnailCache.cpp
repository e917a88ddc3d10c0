// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ThumbnailCache.h"

#include "util/FrameImages.h"

#include "media/VideoReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <exception>

namespace vd::ui {
namespace {

/// Memory cache budget in KiB (a 96x96 RGB thumbnail is 27 KiB: about 2400 of them).
constexpr int kMemoryBudgetKiB = 64 * 1024;

/// Decodes the first frame of `source` at most `size` px on the long side, enlarged by a whole
/// factor with nearest-neighbour sampling when the video is smaller; null when the stream has
/// no frame. Throws vd::Error. Runs on a pool thread.
QImage decodeThumbnail(const ThumbnailSource& source, int size)
{
    DecodeOptions options;
    options.threads = 1;
    const int w = source.width;
    const int h = source.height;
    if (w > 0 && h > 0 && std::max(w, h) > size) {
        if (w >= h) {
            options.outWidth = size;
        } else {
            options.outHeight = size;
        }
    }
    VideoReader reader(source.path.toStdString(), options);
    Frame frame;
    if (!reader.read(frame)) {
        return {};
    }
    QImage image = frameToImage(frame);
    const int longSide = std::max(image.width(), image.height());
    if (longSide > size) {
        // Display size unknown to the index (or rotated): shrink here instead.
        image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    } else if (longSide > 0 && longSide * 2 <= size) {
        const int factor = size / longSide;
        image = image.scaled(image.width() * factor, image.height() * factor, Qt::IgnoreAspectRatio,
                             Qt::FastTransformation);
    }
    return image;
}

} // namespace

ThumbnailCache::ThumbnailCache(const QString& cacheDir, int thumbnailSize, QObject* parent)
    : QObject(parent), m_cacheDir(cacheDir), m_size(std::max(16, thumbnailSize))
{
    // The UI thread and the scan share the cores: one or two decoders are plenty for thumbnails.
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount() / 2, 1, 2));
    m_memory.setMaxCost(kMemoryBudgetKiB);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailCache::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + "/thumbnails";
}

QString ThumbnailCache::cacheFileName(const ThumbnailSource& source) const
{
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(QFileInfo(source.path).absoluteFilePath())
                            .arg(source.sizeBytes)
                            .arg(source.mtimeNs)
                            .arg(m_size);
    return QString::fromLatin1(
               QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex()) +
           ".png";
}

QImage ThumbnailCache::request(const ThumbnailSource& source)
{
    const QString key = cacheFileName(source);
    if (const QImage* cached = m_memory.object(key)) {
        return *cached;
    }
    if (m_pending.contains(key)) {
        return {};
    }
    m_pending.insert(key);
    const QString diskFile = m_cacheDir.isEmpty() ? QString() : m_cacheDir + "/" + key;
    const int size = m_size;
    m_pool.start(
        [this, source, key, diskFile, size] {
            QImage image;
            QString error;
            if (!diskFile.isEmpty() && QFileInfo::exists(diskFile)) {
                image.load(diskFile, "PNG");
            }
            if (image.isNull()) {
                try {
                    image = decodeThumbnail(source, size);
                } catch (const std::exception& e) {
                    error = QString::fromStdString(e.what());
                }
                if (!image.isNull() && !diskFile.isEmpty() &&
                    QDir().mkpath(QFileInfo(diskFile).absolutePath())) {
                    // QSaveFile: a crash never leaves half a PNG that later reads as valid.
                    QSaveFile out(diskFile);
                    if (out.open(QIODevice::WriteOnly) && image.save(&out, "PNG")) {
                        out.commit();
                    }
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, key, path = source.path, image, error] { finish(key, path, image, error); },
                Qt::QueuedConnection);
        },
        ++m_nextPriority);
    return {};
}

void ThumbnailCache::cancelPending()
{
    m_pool.clear();
    m_pending.clear();
}

void ThumbnailCache::finish(const QString& key, const QString& path, const QImage& image,
                            const QString& error)
{
    m_pending.remove(key);
    if (image.isNull()) {
        Q_EMIT thumbnailFailed(path, error.isEmpty() ? tr("no frame could be decoded") : error);
        return;
    }
    m_memory.insert(key, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    Q_EMIT thumbnailReady(path, image);
}

} // namespace vd::ui
