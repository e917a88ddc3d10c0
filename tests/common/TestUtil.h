// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the Qt Test suites: run external commands (ffmpeg, vdstudio-cli) and
// make fixtures at test time. Header-only so each test stays one executable.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace vdtest {

struct CommandResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;
};

/// Runs a program with arguments and waits (up to timeoutMs). stdout/stderr are captured.
inline CommandResult run(const QString& program, const QStringList& args, int timeoutMs = 300000)
{
    CommandResult r;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program.toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out: " + program.toUtf8();
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// Runs `ffmpeg -y -hide_banner -loglevel error <args>`; fails the calling test on error.
inline bool ffmpeg(const QStringList& args)
{
    QStringList full{"-y", "-hide_banner", "-loglevel", "error", "-nostdin"};
    full += args;
    const CommandResult r = run("ffmpeg", full);
    if (r.exitCode != 0) {
        qWarning("ffmpeg %s failed: %s", qPrintable(args.join(' ')), r.err.constData());
        return false;
    }
    return true;
}

/// The vdstudio-cli binary under test (set by CTest through VD_CLI).
/// The bytes of a file; empty when it cannot be read.
inline QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Writes a fixture file, creating its folder; false when that fails.
inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QString cliPath()
{
    return qEnvironmentVariable("VD_CLI", "vdstudio-cli");
}

// ---- media fixtures ---------------------------------------------------------------------------

/// A synthetic RGB24 frame: smooth colour gradients that move with `t` plus a bright square,
/// so that scaling, colour conversion and frame order all show in the pixels.
inline std::vector<uint8_t> gradientFrame(int width, int height, int t)
{
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    const int sq = std::max(2, std::min(width, height) / 4);
    const int sx = (t * 3) % std::max(1, width - sq);
    const int sy = (t * 2) % std::max(1, height - sq);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            uint8_t* p = rgb.data() + (static_cast<size_t>(y) * width + x) * 3;
            const bool inSquare = x >= sx && x < sx + sq && y >= sy && y < sy + sq;
            p[0] = inSquare ? 240 : static_cast<uint8_t>(40 + x * 160 / std::max(1, width - 1));
            p[1] = inSquare ? 240 : static_cast<uint8_t>(30 + y * 170 / std::max(1, height - 1));
            p[2] = inSquare ? 240 : static_cast<uint8_t>(60 + (t * 9) % 120);
        }
    }
    return rgb;
}

/// Number of bits (vertical stripes) an index frame carries.
constexpr int kIndexBits = 8;

/// A frame whose index is written as 8 wide vertical stripes, black (0) or white (1), most
/// significant bit on the left: flat areas survive any lossy codec. Width >= 32 recommended.
inline std::vector<uint8_t> indexFrame(int width, int height, int index)
{
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int bit = kIndexBits - 1 - x * kIndexBits / width;
            const uint8_t v = ((index >> bit) & 1) ? 235 : 20;
            uint8_t* p = rgb.data() + (static_cast<size_t>(y) * width + x) * 3;
            p[0] = p[1] = p[2] = v;
        }
    }
    return rgb;
}

/// Reads back the index written by indexFrame (from the middle of each stripe).
inline int decodeIndexFrame(const uint8_t* rgb, int width, int height)
{
    int index = 0;
    for (int b = 0; b < kIndexBits; ++b) {
        const int x0 = b * width / kIndexBits;
        const int x1 = (b + 1) * width / kIndexBits;
        long sum = 0;
        int n = 0;
        for (int y = height / 4; y < height - height / 4; ++y) {
            for (int x = x0 + (x1 - x0) / 4; x < x1 - (x1 - x0) / 4; ++x) {
                sum += rgb[(static_cast<size_t>(y) * width + x) * 3 + 1];
                ++n;
            }
        }
        index = (index << 1) | (n > 0 && sum / n > 128 ? 1 : 0);
    }
    return index;
}

/// Mean absolute difference of two byte buffers of equal size.
inline double meanAbsError(const uint8_t* a, const uint8_t* b, size_t n)
{
    if (n == 0) {
        return 0.0;
    }
    uint64_t sum = 0;
    for (size_t i = 0; i < n; ++i) {
        sum += static_cast<uint64_t>(a[i] > b[i] ? a[i] - b[i] : b[i] - a[i]);
    }
    return static_cast<double>(sum) / static_cast<double>(n);
}

/// Decodes a file with the ffmpeg command to packed frames of `pixFmt` (rgb24 by default),
/// as a reference for what FFmpeg itself makes of the file (autorotation included).
inline QByteArray ffmpegDecode(const QString& path, const QStringList& extra = {},
                               const QString& pixFmt = "rgb24")
{
    QStringList args{"-hide_banner", "-loglevel", "error", "-nostdin", "-i", path};
    args += extra;
    args += {"-f", "rawvideo", "-pix_fmt", pixFmt, "-"};
    return run("ffmpeg", args).out;
}

/// `ffprobe` answer for one stream entry (e.g. "codec_name"), or "" if ffprobe fails.
inline QString ffprobeEntry(const QString& path, const QString& entry, bool countFrames = false)
{
    QStringList args{"-v",
                     "error",
                     "-select_streams",
                     "v:0",
                     "-show_entries",
                     "stream=" + entry,
                     "-of",
                     "default=noprint_wrappers=1:nokey=1"};
    if (countFrames) {
        args.prepend("-count_frames");
    }
    args << path;
    const CommandResult r = run("ffprobe", args);
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
}

} // namespace vdtest
