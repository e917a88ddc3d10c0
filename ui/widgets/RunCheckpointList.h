// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeWidget>

namespace vd::ui {

/// The complete checkpoints of one training run, newest first: step, when it was saved and its
/// size on disk. Double-clicking a row opens its folder in the file manager.
///
/// Threads: UI thread only (showRun() reads the folder on the calling thread; a run has few
/// checkpoints).
class RunCheckpointList final : public QTreeWidget {
    Q_OBJECT
public:
    explicit RunCheckpointList(QWidget* parent = nullptr);

    /// Lists the checkpoints in `checkpointsDir` (none when empty or missing).
    void showRun(const QString& checkpointsDir);
};

} // namespace vd::ui
