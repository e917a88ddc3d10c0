// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/ClipInspectionJob.h"

#include <exception>
#include <mutex>
#include <utility>

namespace vd::ui {

struct ClipInspectionJob::Cache {
    std::mutex mutex;
    QString device; ///< the device preference the inspectors were loaded for
    std::shared_ptr<ClipInspector> a;
    std::shared_ptr<ClipInspector> b;
};

std::shared_ptr<ClipInspectionJob::Cache> ClipInspectionJob::makeCache()
{
    return std::make_shared<Cache>();
}

ClipInspectionJob::Result ClipInspectionJob::run() const
{
    Result out;
    Cache& cache = *inspectors;
    const std::lock_guard lock(cache.mutex);
    if (cache.device != device) {
        cache.a.reset();
        cache.b.reset();
        cache.device = device;
    }
    const std::string deviceName = device.toStdString();
    // A cached inspector is reused when it holds the same checkpoint; B may take over A's (or
    // A B's) when the user swaps them.
    const auto acquire = [&](const QString& dir, std::shared_ptr<ClipInspector>& mine,
                             std::shared_ptr<ClipInspector>& other) {
        if (mine && mine->checkpoint() == dir.toStdString()) {
            return;
        }
        if (other && other->checkpoint() == dir.toStdString()) {
            std::swap(mine, other);
            return;
        }
        mine = std::make_shared<ClipInspector>(project, dir.toStdString(), deviceName);
    };
    try {
        acquire(checkpointA, cache.a, cache.b);
        out.a = cache.a->inspect(clip);
        if (checkpointB == checkpointA) {
            out.b = out.a;
        } else if (!checkpointB.isEmpty()) {
            acquire(checkpointB, cache.b, cache.a);
            out.b = cache.b->inspect(clip);
        }
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
        out.a.reset();
        out.b.reset();
    }
    return out;
}

} // namespace vd::ui
