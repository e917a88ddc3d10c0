// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/DurableFile.h"

#include "util/Error.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <unistd.h>

namespace vd {

namespace {

[[noreturn]] void failWrite(const std::string& path, const std::string& what, int err)
{
    throw Error(ErrorKind::Runtime, "cannot " + what + " " + path + ": " + std::strerror(err),
                ErrorCode::WriteFailed);
}

std::string folderOf(const std::string& path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

} // namespace

DurableFile::DurableFile(std::string path) : m_path(std::move(path))
{
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        failWrite(m_path, "create", errno);
    }
}

DurableFile::~DurableFile()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

void DurableFile::write(const void* data, size_t bytes)
{
    const char* p = static_cast<const char*>(data);
    while (bytes > 0) {
        const ssize_t n = ::write(m_fd, p, bytes);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            failWrite(m_path, "write", errno);
        }
        p += n;
        bytes -= static_cast<size_t>(n);
    }
}

void DurableFile::sync()
{
    if (::fsync(m_fd) != 0) {
        failWrite(m_path, "sync", errno);
    }
}

void DurableFile::close(bool syncFirst)
{
    if (m_fd < 0) {
        return;
    }
    if (syncFirst) {
        sync();
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        failWrite(m_path, "close", errno);
    }
}

void syncDirectory(const std::string& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        failWrite(dir, "open folder", errno);
    }
    // Some file systems (e.g. certain network mounts) reject fsync on folders; the data is
    // already synced, so that is not worth failing a checkpoint over.
    ::fsync(fd);
    ::close(fd);
}

void writeFileAtomically(const std::string& path, const std::function<void(DurableFile&)>& fill)
{
    const std::string tmp = tempNameFor(path);
    try {
        DurableFile file(tmp);
        fill(file);
        file.close(true);
    } catch (...) {
        std::remove(tmp.c_str());
        throw;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(tmp.c_str());
        failWrite(path, "rename a temp file onto", err);
    }
    syncDirectory(folderOf(path));
}

void writeFileAtomically(const std::string& path, std::string_view bytes)
{
    writeFileAtomically(path, [bytes](DurableFile& file) { file.write(bytes); });
}

void moveFileDurably(const std::string& from, const std::string& to)
{
    const int fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        failWrite(to, "open " + from + " to move it onto", err);
    }
    const bool synced = ::fsync(fd) == 0;
    const int syncErr = errno;
    ::close(fd);
    if (!synced) {
        failWrite(to, "sync " + from + " before moving it onto", syncErr);
    }
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        const int err = errno;
        failWrite(to, "rename " + from + " onto", err);
    }
    syncDirectory(folderOf(to));
}

std::string tempNameFor(const std::string& path)
{
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::string suffix(8, 'x');
    for (char& c : suffix) {
        c = kAlphabet[rng() % (sizeof(kAlphabet) - 1)];
    }
    return path + ".tmp-" + suffix;
}

void ignoreFileSizeSignal()
{
    std::signal(SIGXFSZ, SIG_IGN);
}

} // namespace vd
