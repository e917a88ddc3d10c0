// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/SweepRequest.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;

namespace vd::ui {

/// Runs one sweep for the Experiments panel as a `vdstudio-cli sweep PROJECT ...` child process
/// (cliProgram()), so that torch never runs in the studio's process for it and a sweep goes on
/// as the CLI's would. Its output arrives line by line. stop() sends SIGINT: the sweep stops
/// its variants after their current step with a checkpoint and exits 130; starting the same
/// request again resumes it. If the studio dies, the sweep gets SIGTERM (the same clean stop).
///
/// Threads: UI thread only; the work runs in the child process.
class SweepController final : public QObject {
    Q_OBJECT
public:
    /// The exit status of a sweep stopped by a signal (docs/experiments.md).
    static constexpr int kStoppedExitCode = 130;
    /// The exit status of a usage or settings error (one line on stderr).
    static constexpr int kUsageExitCode = 2;

    explicit SweepController(QObject* parent = nullptr);
    /// A running sweep is stopped (SIGINT) and given a few seconds to save its checkpoint.
    ~SweepController() override;

    /// `vdstudio-cli` beside the studio's executable, or the program set for tests.
    QString cliProgram() const;
    void setCliProgram(const QString& path);

    /// Starts the sweep; false with the reason in `error` when one runs already or the program
    /// is missing.
    bool start(const SweepRequest& request, QString* error = nullptr);
    /// Asks the running sweep to stop (SIGINT); finished() follows.
    void stop();
    /// stop(), then waits up to `timeoutMs` for the process; true when it ended.
    bool stopAndWait(int timeoutMs);

    bool isRunning() const;
    bool isStopping() const { return m_stopping; }
    /// The request last started.
    const SweepRequest& request() const { return m_request; }
    /// The last non-empty line of the running (or last) sweep's output.
    QString lastLine() const { return m_lastLine; }

Q_SIGNALS:
    void runningChanged(bool running);
    /// One line of the sweep's output (stdout and stderr merged).
    void outputLine(const QString& line);
    /// The sweep ended: its exit status (kStoppedExitCode after stop(); -1 when it could not
    /// start or crashed) and its last line of output (the CLI's error message on failure).
    void finished(int exitCode, const QString& lastLine);

private:
    void readOutput();
    /// Emits the complete lines of m_partial.
    void splitLines();
    void onFinished(int exitCode, bool crashed);

    QProcess* m_process = nullptr;
    QString m_cliProgram;
    SweepRequest m_request;
    QByteArray m_partial;
    QString m_lastLine;
    bool m_stopping = false;
};

} // namespace vd::ui
