// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/detail/Idx.h"

#include "util/Error.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace vd::detail {
namespace {

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

[[noreturn]] void fail(const std::string& path, const std::string& what)
{
    throw Error(ErrorKind::InputData, "'" + path + "': " + what, ErrorCode::UnrecognizedFormat);
}

/// gzread takes an unsigned count: read big buffers in slices.
bool readExact(gzFile_s* f, uint8_t* out, size_t n)
{
    while (n > 0) {
        const unsigned chunk = static_cast<unsigned>(std::min<size_t>(n, 1u << 30));
        const int got = gzread(f, out, chunk);
        if (got <= 0) {
            return false;
        }
        out += got;
        n -= static_cast<size_t>(got);
    }
    return true;
}

} // namespace

IdxArray readIdx(const std::string& path, int64_t maxItems)
{
    GzFile f(gzopen(path.c_str(), "rb"));
    if (!f) {
        throw Error(ErrorKind::InputData, "'" + path + "': cannot open", ErrorCode::FileNotFound);
    }
    gzbuffer(f.get(), 1 << 17);
    uint8_t magic[4];
    if (!readExact(f.get(), magic, 4)) {
        fail(path, "not an IDX file (too short)");
    }
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] < 1 || magic[3] > 4) {
        fail(path, "not an unsigned-byte IDX file (bad magic)");
    }
    IdxArray out;
    size_t itemBytes = 1;
    for (int i = 0; i < magic[3]; ++i) {
        uint8_t b[4];
        if (!readExact(f.get(), b, 4)) {
            fail(path, "truncated IDX header");
        }
        const uint32_t d = (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) |
                           uint32_t{b[3]};
        if (d == 0 || d > (1u << 24)) {
            fail(path, "implausible IDX dimension " + std::to_string(d));
        }
        out.dims.push_back(static_cast<int>(d));
        if (i > 0) {
            itemBytes *= d;
        }
    }
    if (itemBytes > (1u << 24)) {
        fail(path, "implausible IDX item size");
    }
    if (maxItems >= 0 && out.dims[0] > maxItems) {
        out.dims[0] = static_cast<int>(maxItems);
    }
    out.data.resize(itemBytes * static_cast<size_t>(out.dims[0]));
    if (!readExact(f.get(), out.data.data(), out.data.size())) {
        fail(path, "truncated IDX data");
    }
    return out;
}

} // namespace vd::detail
