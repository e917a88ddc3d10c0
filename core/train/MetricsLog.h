// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace vd {

/// One line of metrics.jsonl, typed: numbers and strings apart (null, i.e. a NaN that was
/// logged, and nested values are left out).
struct MetricsRecord {
    int64_t step = 0;
    std::map<std::string, double> numbers;    ///< "loss", "lr", ... ("step" not repeated)
    std::map<std::string, std::string> texts; ///< "stage", ...
};

/// What readAll() found in a metrics.jsonl.
struct MetricsContents {
    std::vector<nlohmann::json> entries; ///< the good lines, in file order; each has an int "step"
    int64_t corruptLines = 0;            ///< lines skipped in the middle (bad JSON, no "step")
    bool tornLastLine = false;           ///< the file ended in a partial line (a kill mid-write)

    /// The entries as typed records.
    std::vector<MetricsRecord> records() const;
};

/// `runs/<name>/metrics.jsonl`: one JSON object per logged step, appended and flushed line by
/// line, so a crash or kill loses at most the line being written. Reading skips a torn last line
/// and corrupt lines with a warning.
///
/// Threads: an open MetricsLog belongs to one thread (the training thread). readAll() may run on
/// any thread, also while another thread or process appends.
class MetricsLog {
public:
    /// Opens `path` for appending (creating it and its folder if needed). A torn last line is
    /// cut off first. With `resumeFromStep` >= 0 (resuming from the checkpoint of that step),
    /// entries with step > resumeFromStep and corrupt lines are dropped, so the curve carries on
    /// where the checkpoint stopped; the file is rewritten atomically for that.
    /// Throws vd::Error(Runtime, WriteFailed) when the file cannot be opened or rewritten.
    static MetricsLog open(const std::string& path, int64_t resumeFromStep = -1);

    MetricsLog(MetricsLog&& other) noexcept;
    MetricsLog& operator=(MetricsLog&& other) noexcept;
    MetricsLog(const MetricsLog&) = delete;
    MetricsLog& operator=(const MetricsLog&) = delete;
    /// Closes, syncing to disk.
    ~MetricsLog();

    /// Appends `entry` as one line and flushes it to the OS; fsyncs at most every few seconds.
    /// Throws vd::Error(Usage, InvalidValue) unless `entry` is an object with an integer "step";
    /// vd::Error(Runtime, WriteFailed) when the write fails (e.g. full disk).
    void append(const nlohmann::json& entry);
    /// Appends {"step": step, ...values}. NaN/infinite values are written as null.
    void append(int64_t step, const std::map<std::string, double>& values);

    /// fsync now.
    void sync();
    /// Syncs and closes; later appends throw vd::Error(Usage).
    void close();

    const std::string& path() const { return m_path; }
    /// Step of the last entry appended or kept on open, -1 if none.
    int64_t lastStep() const { return m_lastStep; }

    /// Reads every good line of `path`. A missing file reads as empty. Never throws for damaged
    /// content; throws vd::Error(InputData, FileNotFound) if the file exists but cannot be read.
    static MetricsContents readAll(const std::string& path);

private:
    MetricsLog() = default;

    std::string m_path;
    std::FILE* m_file = nullptr;
    int64_t m_lastStep = -1;
    std::chrono::steady_clock::time_point m_lastSync;
};

} // namespace vd
