// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace vd {

/// A file written through a POSIX descriptor so it can be fsync'ed: the building block of
/// writeFileAtomically. Every failure throws vd::Error(Runtime, WriteFailed) naming the file.
/// Not thread-safe; one owner at a time.
class DurableFile {
public:
    /// Creates (or truncates) `path` for writing.
    explicit DurableFile(std::string path);
    DurableFile(const DurableFile&) = delete;
    DurableFile& operator=(const DurableFile&) = delete;
    /// Closes without syncing; errors are ignored (use close() to see them).
    ~DurableFile();

    void write(const void* data, size_t bytes);
    void write(std::string_view bytes) { write(bytes.data(), bytes.size()); }
    /// fsync: the bytes written so far survive a power cut.
    void sync();
    /// Syncs (if asked) and closes.
    void close(bool syncFirst = true);

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    int m_fd = -1;
};

/// The one way core replaces a file: `fill` writes the content into a temp file beside `path`
/// (same folder, tempNameFor), which is fsync'ed, closed and renamed over `path`; then the
/// folder is fsync'ed. A kill, a crash or a full disk at any moment leaves either the old file
/// or the new one, never a mix. On any failure the temp file is removed and an existing `path`
/// is left as it was: the helper's own failures throw vd::Error(Runtime, WriteFailed) whose
/// message names `path` (or its temp name, which begins with `path`); an exception thrown by
/// `fill` propagates unchanged. The folder must exist.
void writeFileAtomically(const std::string& path, const std::function<void(DurableFile&)>& fill);
/// writeFileAtomically with `bytes` as the whole content.
void writeFileAtomically(const std::string& path, std::string_view bytes);

/// Moves a finished file `from` (written by someone else, e.g. an encoder) over `to` in the
/// same folder durably: fsync `from`, rename, fsync the folder. Throws vd::Error(Runtime,
/// WriteFailed) naming `to`; on failure `from` is left for the caller to remove.
void moveFileDurably(const std::string& from, const std::string& to);

/// fsync on a directory, so that renames and new entries in it are durable. Best effort on
/// file systems that refuse it; throws vd::Error(Runtime, WriteFailed) only if it cannot be opened.
void syncDirectory(const std::string& dir);

/// `path` + ".tmp-" + a random suffix, for temp names beside a target.
std::string tempNameFor(const std::string& path);

/// A write past the file size limit (RLIMIT_FSIZE, `ulimit -f`) raises SIGXFSZ, which kills the
/// process by default. Programs call this once at start: the write then fails with EFBIG, and
/// the error names the file and leaves the old one, as a full disk does.
void ignoreFileSizeSignal();

} // namespace vd
