// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoWriter.h"

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>

namespace vd::ui {

/// What to export: clips of frames, each to its own output.
struct ExportJob {
    QVector<QVector<QImage>> clips;
    /// One per clip: a file for MP4/WebM/GIF, a folder for a PNG sequence.
    QStringList outputs;
    vd::VideoFormat format = vd::VideoFormat::MP4;
    double fps = 8.0;
    int scale = 1;      ///< whole-number nearest-neighbour upscale (core upscaleNearest), 1..16
    int firstFrame = 0; ///< first frame written (clamped to each clip)
    int lastFrame = -1; ///< last frame written, inclusive; -1 = the clip's last frame
};

/// How an export ended.
struct ExportOutcome {
    bool ok = false;
    bool cancelled = false;
    QString message;     ///< the error, naming the file, when !ok && !cancelled
    QStringList written; ///< outputs complete on disk
};

/// Writes an ExportJob with core's VideoWriter. Each output is written under a temporary name
/// next to it and renamed when complete, so a cancelled or failed export leaves no partial file
/// and never damages a file it would have replaced; outputs finished before a cancel stay.
///
/// Threads: run() on a worker thread (or any thread that is not the UI thread); cancel() from any
/// thread, checked between frames. Signals arrive queued on the receiver's thread (direct when
/// the receiver lives on the worker's thread).
class ExportWorker final : public QObject {
    Q_OBJECT
public:
    explicit ExportWorker(ExportJob job, QObject* parent = nullptr);

    void cancel() { m_cancel = true; }
    const ExportJob& job() const { return m_job; }

    /// Frames the job writes in all (after the frame range), the total of progress().
    int totalFrames() const;

public Q_SLOTS:
    /// Writes every output; emits progress per frame, then finished once.
    void run();

Q_SIGNALS:
    void progress(int framesDone, int framesTotal);
    void finished(const vd::ui::ExportOutcome& outcome);

private:
    /// Writes clip `index`; false when cancelled. Throws on errors.
    bool writeClip(int index, int& done, int total);

    ExportJob m_job;
    std::atomic<bool> m_cancel{false};
};

} // namespace vd::ui

Q_DECLARE_METATYPE(vd::ui::ExportOutcome)
