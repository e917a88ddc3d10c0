// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ClipTableModel.h"

#include "util/ThumbnailCache.h"

#include <QApplication>
#include <QColor>
#include <QDir>
#include <QPixmap>
#include <QStyle>

#include <cmath>

namespace vd::ui {
namespace {

/// The first folder of a relative path ("circle/broken.mp4" -> "circle"), "" at the root.
QString firstFolder(const std::string& relative)
{
    const QString rel = QString::fromStdString(relative);
    const int slash = rel.indexOf('/');
    return slash > 0 ? rel.left(slash) : QString();
}

QString formatFps(double fps)
{
    if (fps <= 0.0) {
        return QString();
    }
    return QString::number(fps, 'f', std::abs(fps - std::round(fps)) < 0.005 ? 0 : 2);
}

} // namespace

ClipTableModel::ClipTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClipTableModel::setDatasetIndex(const DatasetIndex& index)
{
    beginResetModel();
    m_index = index;
    m_rowOfPath.clear();
    m_images.clear();
    m_icons.clear();
    m_thumbnailErrors.clear();
    for (int row = 0; row < rowCount(); ++row) {
        const std::string& rel = row < clipCount() ? m_index.clips()[row].path
                                                   : m_index.skipped()[row - clipCount()].path;
        m_rowOfPath.insert(absolutePath(rel), row);
    }
    endResetModel();
}

void ClipTableModel::clear()
{
    setDatasetIndex(DatasetIndex());
}

void ClipTableModel::setThumbnailCache(ThumbnailCache* cache)
{
    if (m_thumbnails) {
        disconnect(m_thumbnails, nullptr, this, nullptr);
    }
    m_thumbnails = cache;
    if (m_thumbnails) {
        connect(m_thumbnails, &ThumbnailCache::thumbnailReady, this,
                &ClipTableModel::onThumbnailReady);
        connect(m_thumbnails, &ThumbnailCache::thumbnailFailed, this,
                &ClipTableModel::onThumbnailFailed);
    }
}

const ClipEntry* ClipTableModel::clipAt(int row) const
{
    return row >= 0 && row < clipCount() ? &m_index.clips()[row] : nullptr;
}

const SkippedFile* ClipTableModel::skippedAt(int row) const
{
    const int i = row - clipCount();
    return i >= 0 && i < skippedCount() ? &m_index.skipped()[i] : nullptr;
}

int ClipTableModel::rowOfPath(const QString& path) const
{
    return m_rowOfPath.value(QDir::cleanPath(path), -1);
}

int ClipTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : clipCount() + skippedCount();
}

int ClipTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClipTableModel::absolutePath(const std::string& relative) const
{
    return QDir::cleanPath(QString::fromStdString(m_index.root()) + "/" +
                           QString::fromStdString(relative));
}

QString ClipTableModel::formatDuration(double seconds)
{
    if (seconds <= 0.0) {
        return QString();
    }
    if (seconds < 60.0) {
        return tr("%1 s").arg(seconds, 0, 'f', 2);
    }
    const int whole = static_cast<int>(seconds);
    const int h = whole / 3600;
    const int m = (whole / 60) % 60;
    const double s = seconds - (h * 3600 + m * 60);
    if (h > 0) {
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QChar('0'))
            .arg(static_cast<int>(s), 2, 10, QChar('0'));
    }
    return QStringLiteral("%1:%2").arg(m).arg(s, 4, 'f', 1, QChar('0'));
}

QVariant ClipTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    if (const ClipEntry* clip = clipAt(row)) {
        const VideoInfo& info = clip->info;
        const int w = info.displayWidth > 0 ? info.displayWidth : info.width;
        const int h = info.displayHeight > 0 ? info.displayHeight : info.height;
        switch (role) {
        case Qt::DisplayRole:
            switch (column) {
            case NameColumn:
                return QString::fromStdString(clip->path);
            case LabelColumn:
                return QString::fromStdString(clip->label);
            case ResolutionColumn:
                return QStringLiteral("%1×%2").arg(w).arg(h);
            case FpsColumn:
                return formatFps(info.fps.toDouble());
            case FramesColumn:
                return QVariant::fromValue<qlonglong>(info.frames);
            case DurationColumn:
                return formatDuration(info.durationS);
            case StatusColumn:
                return tr("ok");
            }
            break;
        case SortRole:
            switch (column) {
            case NameColumn:
                return QString::fromStdString(clip->path);
            case LabelColumn:
                return QString::fromStdString(clip->label);
            case ResolutionColumn:
                return QVariant::fromValue<qlonglong>(qlonglong(w) * h);
            case FpsColumn:
                return info.fps.toDouble();
            case FramesColumn:
                return QVariant::fromValue<qlonglong>(info.frames);
            case DurationColumn:
                return info.durationS;
            case StatusColumn:
                return QStringLiteral("0");
            }
            break;
        case Qt::ToolTipRole:
            if (column == NameColumn) {
                QString tip = absolutePath(clip->path);
                if (!clip->caption.empty()) {
                    tip += "\n" + QString::fromStdString(clip->caption);
                }
                if (m_thumbnailErrors.contains(row)) {
                    tip += "\n" + tr("No thumbnail: %1").arg(m_thumbnailErrors.value(row));
                }
                return tip;
            }
            if (column == ResolutionColumn) {
                return tr("%1, %2").arg(QString::fromStdString(info.codec),
                                        QString::fromStdString(info.pixelFormat));
            }
            break;
        case Qt::TextAlignmentRole:
            if (column == FpsColumn || column == FramesColumn || column == DurationColumn) {
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            }
            break;
        case Qt::DecorationRole:
        case ThumbnailRole:
            if (column == NameColumn) {
                return thumbnail(row, role);
            }
            break;
        case PathRole:
            return absolutePath(clip->path);
        case LabelRole:
            return QString::fromStdString(clip->label);
        case SkippedRole:
            return false;
        case ReasonRole:
            return QString();
        default:
            break;
        }
        return {};
    }

    const SkippedFile* skipped = skippedAt(row);
    const QString reason = QString::fromStdString(skipped->reason);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return QString::fromStdString(skipped->path);
        case LabelColumn:
            return firstFolder(skipped->path);
        case StatusColumn:
            return tr("skipped: %1").arg(reason);
        default:
            return QString();
        }
    case SortRole:
        switch (column) {
        case NameColumn:
            return QString::fromStdString(skipped->path);
        case LabelColumn:
            return firstFolder(skipped->path);
        case StatusColumn:
            return QStringLiteral("1 ") + reason;
        case FpsColumn:
        case DurationColumn:
            return -1.0;
        default:
            return QVariant::fromValue<qlonglong>(-1);
        }
    case Qt::ToolTipRole:
        return tr("%1 was skipped: %2").arg(absolutePath(skipped->path), reason);
    case Qt::ForegroundRole:
        return QColor(170, 50, 40);
    case Qt::DecorationRole:
        if (column == NameColumn) {
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return {};
    case PathRole:
        return absolutePath(skipped->path);
    case LabelRole:
        return firstFolder(skipped->path);
    case SkippedRole:
        return true;
    case ReasonRole:
        return reason;
    default:
        return {};
    }
}

QVariant ClipTableModel::thumbnail(int row, int role) const
{
    if (role == ThumbnailRole) {
        return m_images.value(row);
    }
    if (const auto icon = m_icons.constFind(row); icon != m_icons.constEnd()) {
        return *icon;
    }
    if (!m_thumbnails || m_thumbnailErrors.contains(row)) {
        return {};
    }
    const ClipEntry& clip = m_index.clips()[row];
    ThumbnailSource source;
    source.path = absolutePath(clip.path);
    source.sizeBytes = static_cast<qint64>(clip.sizeBytes);
    source.mtimeNs = clip.mtimeNs;
    source.width = clip.info.displayWidth > 0 ? clip.info.displayWidth : clip.info.width;
    source.height = clip.info.displayHeight > 0 ? clip.info.displayHeight : clip.info.height;
    const QImage image = m_thumbnails->request(source);
    if (image.isNull()) {
        return {}; // on its way: onThumbnailReady() announces it
    }
    // Already in memory (e.g. a rescan): keep it for this row right away.
    m_images.insert(row, image);
    const QIcon icon(QPixmap::fromImage(image));
    m_icons.insert(row, icon);
    return icon;
}

void ClipTableModel::onThumbnailReady(const QString& path, const QImage& image)
{
    const int row = rowOfPath(path);
    if (row < 0 || row >= clipCount()) {
        return; // from a dataset shown before
    }
    m_images.insert(row, image);
    m_icons.insert(row, QIcon(QPixmap::fromImage(image)));
    const QModelIndex cell = index(row, NameColumn);
    Q_EMIT dataChanged(cell, cell, {Qt::DecorationRole, ThumbnailRole});
}

void ClipTableModel::onThumbnailFailed(const QString& path, const QString& reason)
{
    const int row = rowOfPath(path);
    if (row < 0 || row >= clipCount()) {
        return;
    }
    m_thumbnailErrors.insert(row, reason);
    const QModelIndex cell = index(row, NameColumn);
    Q_EMIT dataChanged(cell, cell, {Qt::ToolTipRole});
}

QVariant ClipTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LabelColumn:
        return tr("Label");
    case ResolutionColumn:
        return tr("Resolution");
    case FpsColumn:
        return tr("FPS");
    case FramesColumn:
        return tr("Frames");
    case DurationColumn:
        return tr("Duration");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace vd::ui
