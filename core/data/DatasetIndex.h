// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vd {

/// One usable clip of a dataset.
struct ClipEntry {
    std::string path;         ///< relative to the dataset root, '/' separated
    std::string label;        ///< first-level subfolder name; empty for files at the root
    int labelIndex = -1;      ///< index into DatasetIndex::labels(); -1 when unlabelled
    std::string caption;      ///< contents of the sidecar <stem>.txt, trimmed; empty if none
    VideoInfo info;           ///< probe result (info.path is absolute)
    uint64_t sizeBytes = 0;
    int64_t mtimeNs = 0;
};

/// A file that looked like a video but could not be used.
struct SkippedFile {
    std::string path;   ///< relative to the dataset root
    std::string reason; ///< one line, e.g. "truncated: moov atom not found"
    std::string code;   ///< errorCodeName() of the failure, e.g. "truncated"
};

struct ScanOptions {
    int threads = 0;       ///< probe threads; 0 = hardware threads
    bool useCache = true;  ///< read/write the index file in the dataset folder
    /// Optional: `progress(probed, toProbe)` once before probing and after each probed file
    /// (files the index file already knows are not counted). Called from the probing threads,
    /// one call at a time, with `probed` rising; it must be quick and thread-safe.
    std::function<void(int, int)> progress;
};

/// Scans a folder tree for videos and animated GIFs, probes them in parallel, and keeps an
/// index file (`.vdstudio-index.json` in the root) so that reopening a dataset re-probes only
/// files whose size or mtime changed. Labels come from the first-level subfolder name (sorted,
/// so label indices are stable), captions from a sidecar .txt with the same stem.
///
/// Thread rules: scan() is self-contained and may run on any thread; the result is immutable.
class DatasetIndex {
public:
    /// Throws vd::Error (InputData) if `root` is not a readable folder. Bad files never throw:
    /// they are listed in skipped().
    static DatasetIndex scan(const std::string& root, const ScanOptions& options = {});
    /// True when a scan takes `path` for a video by its extension (any case): mp4, m4v, mov,
    /// mkv, webm, avi, gif, mpg, ts, y4m and the other containers FFmpeg reads.
    static bool isVideoFileName(const std::string& path);

    const std::string& root() const { return m_root; }
    const std::vector<ClipEntry>& clips() const { return m_clips; }
    const std::vector<SkippedFile>& skipped() const { return m_skipped; }
    const std::vector<std::string>& labels() const { return m_labels; }
    /// How many files were probed in this scan (the rest came from the index file).
    int probedCount() const { return m_probed; }

    /// The same index with only the clips for which `keep` is true (labels and skipped files
    /// unchanged, so label indices stay valid).
    template <typename Predicate>
    DatasetIndex filtered(Predicate keep) const
    {
        DatasetIndex out = *this;
        out.m_clips.clear();
        for (const ClipEntry& clip : m_clips) {
            if (keep(clip)) {
                out.m_clips.push_back(clip);
            }
        }
        return out;
    }
    /// Total frames and duration over all clips.
    int64_t totalFrames() const;
    double totalDurationS() const;

    static constexpr const char* kIndexFileName = ".vdstudio-index.json";

private:
    std::string m_root;
    std::vector<ClipEntry> m_clips;
    std::vector<SkippedFile> m_skipped;
    std::vector<std::string> m_labels;
    int m_probed = 0;
};

} // namespace vd
