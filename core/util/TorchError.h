// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>

namespace vd {

/// Rethrows the exception being handled as a vd::Error a user can read: one line, no C++
/// backtrace, prefixed with `context`, what was being done ("sampling", "loading the VAE").
/// Call it only inside a catch block: `catch (...) { rethrowAsError("sampling"); }`.
///   - c10::Error and its subclasses: Runtime "<context>: torch: <first line of the message>"
///     (what_without_backtrace(), so without torch's "Exception raised from ..." frames);
///     CUDA's out-of-memory error also gets ErrorCode::OutOfMemory;
///   - std::bad_alloc: Runtime "<context>: out of memory", ErrorCode::OutOfMemory;
///   - vd::Error: rethrown unchanged (its message already names the file, key or value);
///   - any other std::exception: Runtime "<context>: <first line of what()>";
///   - anything else (a caller's own control-flow types): rethrown unchanged.
/// Torch-free header: core façades call it at their public entry points, the CLI around each
/// command.
[[noreturn]] void rethrowAsError(const std::string& context);

/// Calls `f()` and returns what it returns; an exception it throws goes through
/// rethrowAsError(context).
template <class F> decltype(auto) translateTorchErrors(const std::string& context, F&& f)
{
    try {
        return std::forward<F>(f)();
    } catch (...) {
        rethrowAsError(context);
    }
}

/// The first non-empty line of `message`, without surrounding blanks ("" when there is none).
std::string firstLine(const std::string& message);

} // namespace vd
