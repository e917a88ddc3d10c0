// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <signal.h>

namespace vd::cli {

/// For a launcher of child processes (--procs ranks, sweep variants): while alive, SIGINT and
/// SIGTERM only set a flag, so the launcher can pass them on to its children once and let them
/// write their checkpoints instead of dying first. The previous handlers come back when it ends,
/// also when the launcher leaves by an exception.
class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// The last signal caught since construction, 0 if none (stays readable afterwards).
    static int received();

    /// In a forked child before exec: the previous handlers, a process group of its own (a
    /// terminal's Ctrl-C reaches the launcher alone, which passes it on once; a second SIGINT
    /// would end a child without its checkpoint), and SIGTERM when the launcher dies (so it
    /// does not train on alone).
    void prepareChild() const;

private:
    struct sigaction m_oldInt {};
    struct sigaction m_oldTerm {};
};

} // namespace vd::cli
