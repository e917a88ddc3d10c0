// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/SweepController.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace vd::ui {
namespace {

constexpr int kDestructorWaitMs = 5000;

} // namespace

SweepController::SweepController(QObject* parent) : QObject(parent) {}

SweepController::~SweepController()
{
    if (isRunning()) {
        // QProcess's destructor would kill it outright; a stop keeps the current step's work.
        // No signal may reach the owner, which is being destroyed.
        m_process->disconnect(this);
        ::kill(static_cast<pid_t>(m_process->processId()), SIGINT);
        m_process->waitForFinished(kDestructorWaitMs);
    }
}

QString SweepController::cliProgram() const
{
    return m_cliProgram.isEmpty() ? QDir(QCoreApplication::applicationDirPath())
                                        .filePath(QStringLiteral("vdstudio-cli"))
                                  : m_cliProgram;
}

void SweepController::setCliProgram(const QString& path)
{
    m_cliProgram = path;
}

bool SweepController::isRunning() const
{
    return m_process != nullptr && m_process->state() != QProcess::NotRunning;
}

bool SweepController::start(const SweepRequest& request, QString* error)
{
    if (isRunning()) {
        if (error) {
            *error = tr("A sweep is running already.");
        }
        return false;
    }
    const QString program = cliProgram();
    if (!QFileInfo(program).isExecutable()) {
        if (error) {
            *error = tr("Cannot run sweeps: %1 is missing.").arg(QDir::toNativeSeparators(program));
        }
        return false;
    }
    if (m_process) {
        m_process->deleteLater();
    }
    m_request = request;
    m_partial.clear();
    m_lastLine.clear();
    m_stopping = false;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setProgram(program);
    m_process->setArguments(request.arguments());
    // The sweep must not train on alone when the studio dies: SIGTERM stops it cleanly. The
    // signal follows the thread that forks, which is the UI thread here.
    const pid_t studio = ::getpid();
    m_process->setChildProcessModifier([studio] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != studio) {
            ::_exit(1);
        }
    });
    QProcess* process = m_process;
    connect(process, &QProcess::readyRead, this, [this, process] {
        if (process == m_process) {
            readOutput();
        }
    });
    connect(process, &QProcess::finished, this,
            [this, process](int code, QProcess::ExitStatus status) {
                if (process == m_process) {
                    onFinished(code, status == QProcess::CrashExit);
                }
            });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (process == m_process && e == QProcess::FailedToStart) {
            m_lastLine = process->errorString();
            onFinished(-1, true);
        }
    });
    vd::log::get("ui")->info("sweep: {} {}", program.toStdString(),
                             request.arguments().join(QLatin1Char(' ')).toStdString());
    m_process->start();
    Q_EMIT runningChanged(true);
    return true;
}

void SweepController::stop()
{
    if (!isRunning() || m_process->processId() <= 0) {
        return;
    }
    m_stopping = true;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGINT);
}

bool SweepController::stopAndWait(int timeoutMs)
{
    if (!isRunning()) {
        return true;
    }
    stop();
    return m_process->waitForFinished(timeoutMs);
}

void SweepController::readOutput()
{
    m_partial += m_process->readAll();
    splitLines();
}

void SweepController::splitLines()
{
    qsizetype newline = 0;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        // A terminal progress line may rewrite itself with '\r': keep its newest state.
        QString line = QString::fromUtf8(m_partial.left(newline));
        m_partial.remove(0, newline + 1);
        line = line.mid(line.lastIndexOf(QLatin1Char('\r')) + 1).trimmed();
        if (!line.isEmpty()) {
            m_lastLine = line;
            Q_EMIT outputLine(line);
        }
    }
}

void SweepController::onFinished(int exitCode, bool crashed)
{
    m_partial += m_process->readAll();
    m_partial += '\n';
    splitLines();
    const int code = crashed ? -1 : exitCode;
    vd::log::get("ui")->info("sweep ended with status {}", code);
    m_stopping = false;
    Q_EMIT runningChanged(false);
    Q_EMIT finished(code, m_lastLine);
}

} // namespace vd::ui
