// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/DatasetClipList.h"

#include "data/DatasetIndex.h"
#include "project/DatasetSplit.h"

#include <QSet>

#include <exception>

namespace vd::ui {

DatasetClipList DatasetClipList::scan(const QString& root, double heldOutShare)
{
    DatasetClipList out;
    try {
        ScanOptions options;
        options.threads = 1;
        const DatasetIndex index = DatasetIndex::scan(root.toStdString(), options);
        const DatasetSplit split = splitDataset(index, heldOutShare);
        QSet<QString> held;
        for (const ClipEntry& clip : split.heldOut.clips()) {
            held.insert(QString::fromStdString(clip.path));
        }
        for (const ClipEntry& clip : index.clips()) {
            const QString rel = QString::fromStdString(clip.path);
            out.paths.push_back(QString::fromStdString(clip.info.path));
            out.relativePaths.push_back(rel);
            out.heldOut.push_back(held.contains(rel));
        }
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace vd::ui
