// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the Qt Test suites: run external commands (ffmpeg, vdstudio-cli) and
// make fixtures at test time. Header-only so each test stays one executable.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

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
inline QString cliPath()
{
    return qEnvironmentVariable("VD_CLI", "vdstudio-cli");
}

} // namespace vdtest
