// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/ExportWorker.h"

#include "media/FrameOps.h"
#include "util/DurableFile.h"
#include "util/FrameImages.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

namespace vd::ui {

namespace {

/// Frames [first, last] of a clip of `length` frames under the job's range; empty when none.
std::pair<int, int> rangeOf(const ExportJob& job, int length)
{
    const int first = std::max(0, job.firstFrame);
    const int last = job.lastFrame < 0 ? length - 1 : std::min(job.lastFrame, length - 1);
    return {first, last};
}

/// A temporary name next to `target` (same folder, hidden, unique, same extension).
fs::path temporaryFor(const fs::path& target)
{
    const QString tag = QString::number(QRandomGenerator::global()->generate(), 16);
    return target.parent_path() / ("." + target.stem().string() + ".partial-" + tag.toStdString() +
                                   target.extension().string());
}

void removeQuietly(const fs::path& path)
{
    std::error_code ec;
    fs::remove_all(path, ec);
}

/// Moves a finished PNG sequence folder `from` to `to`. An existing folder keeps its other
/// files; only its frame_*.png are replaced.
void movePngFolder(const fs::path& from, const fs::path& to)
{
    if (!fs::exists(to)) {
        fs::rename(from, to);
        return;
    }
    if (!fs::is_directory(to)) {
        throw std::runtime_error(
            QCoreApplication::translate("vd::ui::ExportWorker", "'%1' exists and is not a folder")
                .arg(QString::fromStdString(to.string()))
                .toStdString());
    }
    for (const auto& entry : fs::directory_iterator(to)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("frame_", 0) == 0 && entry.path().extension() == ".png") {
            fs::remove(entry.path());
        }
    }
    for (const auto& entry : fs::directory_iterator(from)) {
        fs::rename(entry.path(), to / entry.path().filename());
    }
    fs::remove(from);
}

} // namespace

ExportWorker::ExportWorker(ExportJob job, QObject* parent) : QObject(parent), m_job(std::move(job))
{
    qRegisterMetaType<vd::ui::ExportOutcome>();
}

int ExportWorker::totalFrames() const
{
    int total = 0;
    for (const auto& clip : m_job.clips) {
        const auto [first, last] = rangeOf(m_job, static_cast<int>(clip.size()));
        total += std::max(0, last - first + 1);
    }
    return total;
}

void ExportWorker::run()
{
    ExportOutcome outcome;
    const int total = totalFrames();
    int done = 0;
    int index = 0;
    try {
        if (m_job.outputs.size() != m_job.clips.size()) {
            throw std::runtime_error(tr("one output path per clip is needed").toStdString());
        }
        if (m_job.scale < 1 || m_job.scale > 16) {
            throw std::runtime_error(tr("the scale must be 1 to 16").toStdString());
        }
        for (; index < m_job.clips.size(); ++index) {
            if (!writeClip(index, done, total)) {
                outcome.cancelled = true;
                break;
            }
            outcome.written << m_job.outputs[index];
        }
        outcome.ok = !outcome.cancelled;
    } catch (const std::exception& e) {
        const QString target = index < m_job.outputs.size() ? m_job.outputs[index] : QString();
        outcome.message = tr("Could not export to %1: %2").arg(target, QString::fromUtf8(e.what()));
    }
    Q_EMIT finished(outcome);
}

bool ExportWorker::writeClip(int index, int& done, int total)
{
    const QVector<QImage>& clip = m_job.clips[index];
    const auto [first, last] = rangeOf(m_job, static_cast<int>(clip.size()));
    if (first > last) {
        throw std::runtime_error(tr("the frame range %1-%2 is outside the clip's %3 frames")
                                     .arg(m_job.firstFrame + 1)
                                     .arg(m_job.lastFrame + 1)
                                     .arg(clip.size())
                                     .toStdString());
    }
    fs::path target = fs::path(m_job.outputs[index].toStdString());
    if (m_job.format == vd::VideoFormat::PNG && target.extension() == ".png") {
        target.replace_extension(); // VideoWriter's rule: "clip.png" means the folder "clip"
    }
    if (!target.parent_path().empty()) {
        fs::create_directories(target.parent_path());
    }
    const fs::path temporary = temporaryFor(target);
    try {
        const vd::FrameStack frames = imagesToFrames(clip.mid(first, last - first + 1));
        vd::EncodeOptions options;
        options.fps = vd::Rational{static_cast<int>(std::lround(m_job.fps * 1000)), 1000};
        auto writer =
            std::make_unique<vd::VideoWriter>(temporary.string(), frames.width * m_job.scale,
                                              frames.height * m_job.scale, m_job.format, options);
        for (int t = 0; t < frames.frames; ++t) {
            if (m_cancel) {
                writer.reset(); // its destructor finishes the file; remove it after that
                removeQuietly(temporary);
                return false;
            }
            // One frame at a time, so a large upscale never holds the whole clip enlarged.
            const vd::FrameStack frame =
                vd::upscaleNearest(vd::sliceFrames(frames, t, t + 1), m_job.scale);
            writer->write(frame.frame(0));
            Q_EMIT progress(++done, total);
        }
        writer->finish();
        writer.reset();
        if (m_cancel) {
            removeQuietly(temporary);
            return false;
        }
        if (m_job.format == vd::VideoFormat::PNG) {
            movePngFolder(temporary, target);
        } else {
            // Replaces an existing file atomically, and survives a power cut once done.
            vd::moveFileDurably(temporary.string(), target.string());
        }
    } catch (const std::exception& e) {
        removeQuietly(temporary);
        // Core names the file it was writing: the temporary name, which the user never chose.
        std::string message = e.what();
        const std::string from = temporary.string();
        for (size_t at = message.find(from); at != std::string::npos;
             at = message.find(from, at + 1)) {
            message.replace(at, from.size(), target.string());
        }
        throw std::runtime_error(message);
    }
    return true;
}

} // namespace vd::ui
