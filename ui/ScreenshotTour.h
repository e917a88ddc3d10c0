// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace vd::ui {

class MainWindow;

/// Takes the README's and the AppStream screenshots: with a trained project open in `window`,
/// it fills every panel with real results (the dataset scanned and a clip selected, a clip
/// inspected, clips sampled by the denoiser or else a dataset clip opened) and grabs the window
/// for each panel, theme and size into `dir` as `<panel>-<theme>-<W>x<H>.png`, plus
/// `<panel>.png` for the first theme and size. In the first theme and size it also saves single
/// views: `dataset-grid.png`, `dataset-skipped.png` (when the dataset has a skipped file),
/// `inspector-compare-normalized.png` (when the VAE has two checkpoints),
/// `preview-zoom-difference.png` and `export-dialog.png` (when the preview has clips). Waits
/// for what loads in the background rather than for fixed times where the panels show it.
/// Runs its own event loop; UI thread only.
/// Returns the number of files written, or -1 with the reason in `error`.
int takeScreenshots(MainWindow& window, const QString& dir, const QStringList& themes,
                    const QList<QSize>& sizes, QString* error);

} // namespace vd::ui
