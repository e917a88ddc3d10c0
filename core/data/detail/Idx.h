// SPDX-License-Identifier: GPL-3.0-or-later
// Reader for the IDX format of (Fashion-)MNIST, gzip-compressed or not
// (http://yann.lecun.com/exdb/mnist/: big-endian magic 0x0000080N, N dimension sizes, bytes).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vd::detail {

struct IdxArray {
    std::vector<int> dims;     ///< e.g. {60000, 28, 28}
    std::vector<uint8_t> data; ///< row-major, dims[0] limited to what was asked for
};

/// Reads an unsigned-byte IDX file with gzip or plain content (zlib reads both), keeping at
/// most `maxItems` entries of the first dimension (all when < 0).
/// Throws vd::Error (InputData) naming the path for missing, truncated or malformed files.
IdxArray readIdx(const std::string& path, int64_t maxItems = -1);

} // namespace vd::detail
