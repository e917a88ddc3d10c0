// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace vd::detail {

/// A file written through a POSIX descriptor so it can be fsync'ed: the building block of the
/// checkpoint and safetensors writers. Every failure throws vd::Error(Runtime, WriteFailed)
/// naming the file. Not thread-safe; one owner at a time.
class DurableFile {
public:
    /// Creates (or truncates) `path` for writing.
    explicit DurableFile(std::string path);
    DurableFile(const DurableFile&) = delete;
    DurableFile& operator=(const DurableFile&) = delete;
    /// Closes without syncing; errors are ignored (use close() to see them).
    ~DurableFile();

    void write(const void* data, size_t bytes);
    void write(const std::string& bytes) { write(bytes.data(), bytes.size()); }
    /// fsync: the bytes written so far survive a power cut.
    void sync();
    /// Syncs (if asked) and closes.
    void close(bool syncFirst = true);

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    int m_fd = -1;
};

/// fsync on a directory, so that renames and new entries in it are durable. Best effort on
/// file systems that refuse it; throws vd::Error(Runtime, WriteFailed) only if it cannot be opened.
void syncDirectory(const std::string& dir);

/// Writes `bytes` to `path` so that a kill at any moment leaves either the old file or the new
/// one: a temp file beside it, fsync, rename, fsync of the folder.
void writeFileAtomically(const std::string& path, const std::string& bytes);

/// `path` + ".tmp-" + a random suffix, for temp names beside a target.
std::string tempNameFor(const std::string& path);

} // namespace vd::detail
