// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/TorchError.h"

#include "util/Error.h"

#include <c10/util/Exception.h>

#include <exception>
#include <new>

namespace vd {

std::string firstLine(const std::string& message)
{
    constexpr const char* kBlank = " \t\r";
    size_t begin = 0;
    while (begin < message.size()) {
        size_t end = message.find('\n', begin);
        if (end == std::string::npos) {
            end = message.size();
        }
        const size_t first = message.find_first_not_of(kBlank, begin);
        if (first != std::string::npos && first < end) {
            const size_t last = message.find_last_not_of(kBlank, end - 1);
            return message.substr(first, last - first + 1);
        }
        begin = end + 1;
    }
    return {};
}

void rethrowAsError(const std::string& context)
{
    // The order matters: c10::Error derives from std::exception, vd::Error from
    // std::runtime_error.
    try {
        throw;
    } catch (const Error&) {
        throw;
    } catch (const c10::OutOfMemoryError& e) {
        throw Error(ErrorKind::Runtime,
                    context + ": torch: " + firstLine(e.what_without_backtrace()),
                    ErrorCode::OutOfMemory);
    } catch (const c10::Error& e) {
        // what() carries torch's C++ backtrace on the lines after the message.
        throw Error(ErrorKind::Runtime,
                    context + ": torch: " + firstLine(e.what_without_backtrace()));
    } catch (const std::bad_alloc&) {
        throw Error(ErrorKind::Runtime, context + ": out of memory", ErrorCode::OutOfMemory);
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Runtime, context + ": " + firstLine(e.what()));
    }
}

} // namespace vd
