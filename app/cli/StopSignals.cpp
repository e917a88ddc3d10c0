// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/StopSignals.h"

#include <sys/prctl.h>
#include <unistd.h>

namespace vd::cli {

namespace {

volatile sig_atomic_t g_signal = 0;

void rememberSignal(int sig)
{
    g_signal = sig;
}

} // namespace

StopSignals::StopSignals()
{
    struct sigaction action {};
    action.sa_handler = rememberSignal;
    sigemptyset(&action.sa_mask);
    g_signal = 0;
    sigaction(SIGINT, &action, &m_oldInt);
    sigaction(SIGTERM, &action, &m_oldTerm);
}

StopSignals::~StopSignals()
{
    sigaction(SIGINT, &m_oldInt, nullptr);
    sigaction(SIGTERM, &m_oldTerm, nullptr);
}

int StopSignals::received()
{
    return g_signal;
}

void StopSignals::prepareChild() const
{
    sigaction(SIGINT, &m_oldInt, nullptr);
    sigaction(SIGTERM, &m_oldTerm, nullptr);
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
}

} // namespace vd::cli
