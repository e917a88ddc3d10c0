// SPDX-License-Identifier: GPL-3.0-or-later
// Over 600 lines on purpose: the whole file format in one place (the dtype table, a header
// parser with a typed error for every field that can lie, the durable writer, the module
// helpers), so that it can be checked against the format's description top to bottom.
#include "util/Safetensors.h"

#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/JsonParse.h"
#include "util/Log.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "safetensors stores little-endian data; big-endian hosts would need byte swapping"
#endif

namespace vd {

namespace {

/// The reference rejects headers of 100 MB or more (safetensors MAX_HEADER_SIZE).
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

struct DtypeInfo {
    const char* name;
    torch::Dtype dtype;
    uint64_t size;
    /// Position in the reference's `Dtype` enum; the writer orders tensors by it, widest first.
    int rank;
};

// The dtypes LibTorch 1.13 can hold. The reference also knows U16/U32/U64 and the F8 types;
// files using them are rejected as unsupported rather than misread.
const DtypeInfo kDtypes[] = {
    {"BOOL", torch::kBool, 1, 0},    {"U8", torch::kUInt8, 1, 1},
    {"I8", torch::kInt8, 1, 2},      {"I16", torch::kInt16, 2, 5},
    {"F16", torch::kFloat16, 2, 7},  {"BF16", torch::kBFloat16, 2, 8},
    {"I32", torch::kInt32, 4, 9},    {"F32", torch::kFloat32, 4, 11},
    {"F64", torch::kFloat64, 8, 12}, {"I64", torch::kInt64, 8, 13},
};

const char* const kKnownUnsupported[] = {"U16",     "U32", "U64",     "F8_E5M2", "F8_E4M3",
                                         "F8_E8M0", "F4",  "F6_E2M3", "F6_E3M2", "C64"};

const DtypeInfo* dtypeByName(const std::string& name)
{
    for (const DtypeInfo& d : kDtypes) {
        if (name == d.name) {
            return &d;
        }
    }
    return nullptr;
}

const DtypeInfo* dtypeByTorch(torch::Dtype dtype)
{
    for (const DtypeInfo& d : kDtypes) {
        if (d.dtype == dtype) {
            return &d;
        }
    }
    return nullptr;
}

std::string shapeText(const std::vector<int64_t>& shape)
{
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        s += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return s + "]";
}

[[noreturn]] void fail(const std::string& path, ErrorCode code, const std::string& what)
{
    throw Error(ErrorKind::InputData, "safetensors file " + path + ": " + what, code);
}

[[noreturn]] void failUsage(const std::string& path, const std::string& what)
{
    throw Error(ErrorKind::Usage, "cannot write safetensors file " + path + ": " + what,
                ErrorCode::InvalidValue);
}

/// Reads exactly `bytes` at `offset`; false if the file ends first.
bool readAt(int fd, void* out, uint64_t bytes, uint64_t offset)
{
    char* p = static_cast<char*>(out);
    while (bytes > 0) {
        const size_t chunk = static_cast<size_t>(std::min<uint64_t>(bytes, 1u << 30));
        const ssize_t n = ::pread(fd, p, chunk, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        p += n;
        bytes -= static_cast<uint64_t>(n);
        offset += static_cast<uint64_t>(n);
    }
    return true;
}

/// Closes a descriptor on scope exit.
struct FdGuard {
    int fd;
    ~FdGuard()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

/// A non-negative integer that fits in uint64, or nullopt.
std::optional<uint64_t> asCount(const nlohmann::json& v)
{
    if (v.is_number_unsigned()) {
        return v.get<uint64_t>();
    }
    if (v.is_number_integer() && v.get<int64_t>() >= 0) {
        return static_cast<uint64_t>(v.get<int64_t>());
    }
    return std::nullopt;
}

SafetensorsEntry parseEntry(const std::string& path, const std::string& name,
                            const nlohmann::json& info)
{
    const std::string where = "tensor '" + name + "'";
    if (!info.is_object()) {
        fail(path, ErrorCode::CorruptHeader, where + " is not a JSON object");
    }
    SafetensorsEntry e;
    e.name = name;

    const auto dt = info.find("dtype");
    if (dt == info.end() || !dt->is_string()) {
        fail(path, ErrorCode::CorruptHeader, where + " has no dtype string");
    }
    e.dtypeName = dt->get<std::string>();
    const DtypeInfo* d = dtypeByName(e.dtypeName);
    if (!d) {
        const bool known = std::find(std::begin(kKnownUnsupported), std::end(kKnownUnsupported),
                                     e.dtypeName) != std::end(kKnownUnsupported);
        fail(path, ErrorCode::CorruptHeader,
             where + " has " + (known ? "unsupported" : "unknown") + " dtype '" + e.dtypeName +
                 "'");
    }
    e.dtype = d->dtype;

    const auto sh = info.find("shape");
    if (sh == info.end() || !sh->is_array()) {
        fail(path, ErrorCode::CorruptHeader, where + " has no shape array");
    }
    uint64_t numel = 1;
    bool overflow = false;
    bool hasZero = false;
    for (const auto& dim : *sh) {
        const auto n = asCount(dim);
        if (!n) {
            fail(path, ErrorCode::CorruptHeader,
                 where + " has an invalid dimension " + dim.dump() + " in shape " + sh->dump() +
                     " (dimensions are non-negative integers)");
        }
        if (*n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
            fail(path, ErrorCode::CorruptHeader, where + " has an absurd dimension " + dim.dump());
        }
        e.shape.push_back(static_cast<int64_t>(*n));
        hasZero = hasZero || *n == 0;
        if (*n != 0 && numel > std::numeric_limits<uint64_t>::max() / *n) {
            overflow = true;
        }
        numel *= *n;
    }
    if (hasZero) {
        // A zero dimension makes the product 0 whatever the others are.
        overflow = false;
        numel = 0;
    }
    if (overflow || numel > std::numeric_limits<uint64_t>::max() / d->size) {
        fail(path, ErrorCode::CorruptHeader,
             where + " has a shape too large to exist: " + sh->dump());
    }

    const auto off = info.find("data_offsets");
    if (off == info.end() || !off->is_array() || off->size() != 2) {
        fail(path, ErrorCode::CorruptHeader, where + " has no data_offsets [begin, end]");
    }
    const auto begin = asCount((*off)[0]);
    const auto end = asCount((*off)[1]);
    if (!begin || !end || *end < *begin) {
        fail(path, ErrorCode::CorruptHeader,
             where + " has invalid data_offsets " + off->dump() + " (need 0 <= begin <= end)");
    }
    e.begin = *begin;
    e.end = *end;
    const uint64_t needed = numel * d->size;
    if (e.end - e.begin != needed) {
        fail(path, ErrorCode::CorruptHeader,
             where + " has data_offsets " + off->dump() + " spanning " +
                 std::to_string(e.end - e.begin) + " bytes, but shape " + shapeText(e.shape) +
                 " of " + e.dtypeName + " needs " + std::to_string(needed) + " bytes");
    }
    return e;
}

} // namespace

// ---- writing ----------------------------------------------------------------------------------

void SafetensorsFile::write(const std::string& path, const NamedTensors& tensors,
                            const SafetensorsMetadata& metadata)
{
    struct Item {
        const std::string* name;
        const torch::Tensor* tensor;
        const DtypeInfo* dtype;
        uint64_t bytes;
    };
    std::vector<Item> items;
    items.reserve(tensors.size());
    std::set<std::string> seen;
    for (const auto& [name, t] : tensors) {
        if (name == "__metadata__") {
            failUsage(path, "the tensor name '__metadata__' is reserved");
        }
        if (!seen.insert(name).second) {
            failUsage(path, "tensor '" + name + "' is listed twice");
        }
        if (!t.defined()) {
            failUsage(path, "tensor '" + name + "' is undefined");
        }
        if (t.layout() != torch::kStrided) {
            failUsage(path, "tensor '" + name + "' is not dense");
        }
        const DtypeInfo* d = dtypeByTorch(t.scalar_type());
        if (!d) {
            failUsage(path, "tensor '" + name + "' has dtype " +
                                std::string(c10::toString(t.scalar_type())) +
                                ", which safetensors cannot store");
        }
        items.push_back({&name, &t, d, static_cast<uint64_t>(t.numel()) * d->size});
    }
    // The reference's order: dtype descending (widest first, keeps every tensor aligned to its
    // element size), then name.
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        if (a.dtype->rank != b.dtype->rank) {
            return a.dtype->rank > b.dtype->rank;
        }
        return *a.name < *b.name;
    });

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) {
        nlohmann::ordered_json meta = nlohmann::ordered_json::object();
        for (const auto& [k, v] : metadata) {
            meta[k] = v;
        }
        header["__metadata__"] = std::move(meta);
    }
    uint64_t offset = 0;
    for (const Item& item : items) {
        nlohmann::ordered_json info = nlohmann::ordered_json::object();
        info["dtype"] = item.dtype->name;
        info["shape"] = item.tensor->sizes().vec();
        info["data_offsets"] = {offset, offset + item.bytes};
        header[*item.name] = std::move(info);
        offset += item.bytes;
    }
    std::string headerText;
    try {
        headerText = header.dump();
    } catch (const nlohmann::json::exception& e) {
        failUsage(path, std::string("a name or metadata value is not valid UTF-8: ") + e.what());
    }
    headerText.append((8 - headerText.size() % 8) % 8, ' ');

    writeFileAtomically(path, [&](DurableFile& file) {
        uint8_t lengthBytes[8];
        const uint64_t n = headerText.size();
        for (int i = 0; i < 8; ++i) {
            lengthBytes[i] = static_cast<uint8_t>(n >> (8 * i));
        }
        file.write(lengthBytes, 8);
        file.write(headerText);
        for (const Item& item : items) {
            if (item.bytes == 0) {
                continue;
            }
            const torch::Tensor cpu = item.tensor->detach().to(torch::kCPU).contiguous();
            file.write(cpu.data_ptr(), item.bytes);
        }
    });
}

// ---- reading ----------------------------------------------------------------------------------

SafetensorsFile SafetensorsFile::open(const std::string& path, const TensorShapes* expectedShapes)
{
    return read(path, expectedShapes, true);
}

SafetensorsFile SafetensorsFile::openHeader(const std::string& path)
{
    return read(path, nullptr, false);
}

SafetensorsFile SafetensorsFile::read(const std::string& path, const TensorShapes* expectedShapes,
                                      bool loadTensors)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        throw Error(ErrorKind::InputData,
                    "cannot open safetensors file " + path + ": " + std::strerror(err),
                    ErrorCode::FileNotFound);
    }
    FdGuard guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        throw Error(ErrorKind::InputData, "safetensors file " + path + " is not a regular file",
                    ErrorCode::FileNotFound);
    }
    const uint64_t fileSize = static_cast<uint64_t>(st.st_size);
    if (fileSize == 0) {
        fail(path, ErrorCode::EmptyFile, "the file is empty");
    }
    if (fileSize < 8) {
        fail(path, ErrorCode::Truncated,
             "the file is truncated: " + std::to_string(fileSize) +
                 " bytes, shorter than the 8-byte header length");
    }
    uint8_t lengthBytes[8];
    if (!readAt(fd, lengthBytes, 8, 0)) {
        fail(path, ErrorCode::Truncated, "cannot read the header length");
    }
    uint64_t headerBytes = 0;
    for (int i = 0; i < 8; ++i) {
        headerBytes |= static_cast<uint64_t>(lengthBytes[i]) << (8 * i);
    }
    if (headerBytes >= kMaxHeaderBytes) {
        fail(path, ErrorCode::CorruptHeader,
             "header length " + std::to_string(headerBytes) + " is absurd (limit " +
                 std::to_string(kMaxHeaderBytes) + " bytes)");
    }
    if (headerBytes > fileSize - 8) {
        fail(path, ErrorCode::Truncated,
             "the file is truncated or not safetensors: header length " +
                 std::to_string(headerBytes) + " runs past the end of the file (" +
                 std::to_string(fileSize) + " bytes)");
    }
    if (headerBytes < 2) {
        fail(path, ErrorCode::CorruptHeader,
             "header length " + std::to_string(headerBytes) + " is too short for a JSON object");
    }
    std::string headerText(static_cast<size_t>(headerBytes), '\0');
    if (!readAt(fd, headerText.data(), headerBytes, 8)) {
        fail(path, ErrorCode::Truncated, "cannot read the header");
    }
    if (headerText.front() != '{') {
        fail(path, ErrorCode::CorruptHeader, "the header does not start with '{'");
    }
    nlohmann::json header;
    try {
        header = parseJson(headerText);
    } catch (const nlohmann::json::exception& e) {
        fail(path, ErrorCode::CorruptHeader,
             std::string("the header is not valid JSON: ") + e.what());
    }
    if (!header.is_object()) {
        fail(path, ErrorCode::CorruptHeader, "the header is not a JSON object");
    }

    SafetensorsFile file;
    file.m_path = path;
    for (const auto& [key, value] : header.items()) {
        if (key == "__metadata__") {
            if (!value.is_object()) {
                fail(path, ErrorCode::CorruptHeader, "__metadata__ is not a JSON object");
            }
            for (const auto& [mk, mv] : value.items()) {
                if (!mv.is_string()) {
                    fail(path, ErrorCode::CorruptHeader,
                         "__metadata__ value of '" + mk + "' is not a string");
                }
                file.m_metadata[mk] = mv.get<std::string>();
            }
            continue;
        }
        file.m_entries.push_back(parseEntry(path, key, value));
    }

    const uint64_t dataBytes = fileSize - 8 - headerBytes;
    for (const SafetensorsEntry& e : file.m_entries) {
        if (e.end > dataBytes) {
            fail(path, ErrorCode::Truncated,
                 "the file is truncated or its header is wrong: tensor '" + e.name +
                     "' ends at byte " + std::to_string(e.end) + " of the data, which holds " +
                     std::to_string(dataBytes) + " bytes");
        }
    }
    // As the reference validates: sorted by offsets, the tensors tile the data region exactly,
    // without gaps or overlaps.
    std::sort(file.m_entries.begin(), file.m_entries.end(),
              [](const SafetensorsEntry& a, const SafetensorsEntry& b) {
                  return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
              });
    uint64_t cursor = 0;
    const SafetensorsEntry* previous = nullptr;
    for (const SafetensorsEntry& e : file.m_entries) {
        if (e.begin != cursor) {
            const std::string near = previous ? " after tensor '" + previous->name + "'" : "";
            fail(path, ErrorCode::CorruptHeader,
                 "tensor '" + e.name + "' starts at byte " + std::to_string(e.begin) +
                     " but the previous data ends at " + std::to_string(cursor) + near + " (" +
                     (e.begin < cursor ? "overlapping" : "a gap in the") + " data_offsets)");
        }
        cursor = e.end;
        previous = &e;
    }
    if (cursor != dataBytes) {
        fail(path, ErrorCode::CorruptHeader,
             "the header describes " + std::to_string(cursor) +
                 " bytes of data but the file holds " + std::to_string(dataBytes) +
                 " (trailing bytes)");
    }

    if (expectedShapes) {
        checkShapes(file.shapes(), *expectedShapes, "safetensors file " + path);
    }
    if (!loadTensors) {
        return file;
    }

    const uint64_t dataStart = 8 + headerBytes;
    for (const SafetensorsEntry& e : file.m_entries) {
        // Bytes other than 0/1 in a bool tensor are undefined behaviour in torch: read as
        // uint8 and normalize.
        const bool isBool = e.dtype == torch::kBool;
        torch::Tensor t =
            torch::empty(e.shape, torch::TensorOptions().dtype(isBool ? torch::kUInt8 : e.dtype));
        if (e.end > e.begin && !readAt(fd, t.data_ptr(), e.end - e.begin, dataStart + e.begin)) {
            fail(path, ErrorCode::Truncated,
                 "the file ended while reading tensor '" + e.name + "' (was it being written?)");
        }
        if (isBool) {
            t = t.ne(0);
        }
        file.m_tensors.emplace(e.name, std::move(t));
    }
    file.m_loaded = true;
    return file;
}

// ---- queries ----------------------------------------------------------------------------------

TensorShapes SafetensorsFile::shapesOf(const torch::nn::Module& module)
{
    TensorShapes shapes;
    for (const auto& item : module.named_parameters(true)) {
        shapes[item.key()] = item.value().sizes().vec();
    }
    for (const auto& item : module.named_buffers(true)) {
        shapes[item.key()] = item.value().sizes().vec();
    }
    return shapes;
}

NamedTensors SafetensorsFile::tensorsOf(const torch::nn::Module& module)
{
    NamedTensors out;
    for (const auto& item : module.named_parameters(true)) {
        out.emplace_back(item.key(), item.value());
    }
    for (const auto& item : module.named_buffers(true)) {
        out.emplace_back(item.key(), item.value());
    }
    return out;
}

void SafetensorsFile::checkShapes(const TensorShapes& actual, const TensorShapes& expected,
                                  const std::string& what)
{
    std::vector<std::string> problems;
    for (const auto& [name, shape] : expected) {
        const auto it = actual.find(name);
        if (it == actual.end()) {
            problems.push_back("missing tensor '" + name + "' " + shapeText(shape));
        } else if (it->second != shape) {
            problems.push_back("tensor '" + name + "' has shape " + shapeText(it->second) +
                               ", expected " + shapeText(shape));
        }
    }
    for (const auto& [name, shape] : actual) {
        if (!expected.count(name)) {
            problems.push_back("unexpected tensor '" + name + "' " + shapeText(shape));
        }
    }
    if (problems.empty()) {
        return;
    }
    std::string message = what + " does not match the model: ";
    const size_t shown = std::min<size_t>(problems.size(), 5);
    for (size_t i = 0; i < shown; ++i) {
        message += (i ? "; " : "") + problems[i];
    }
    if (problems.size() > shown) {
        message += "; and " + std::to_string(problems.size() - shown) + " more";
    }
    throw Error(ErrorKind::InputData, message, ErrorCode::ShapeMismatch);
}

std::optional<std::string> SafetensorsFile::metadataValue(const std::string& key) const
{
    const auto it = m_metadata.find(key);
    if (it == m_metadata.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<std::string> SafetensorsFile::names() const
{
    std::vector<std::string> out;
    out.reserve(m_entries.size());
    for (const SafetensorsEntry& e : m_entries) {
        out.push_back(e.name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool SafetensorsFile::contains(const std::string& name) const
{
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [&](const SafetensorsEntry& e) { return e.name == name; });
}

TensorShapes SafetensorsFile::shapes() const
{
    TensorShapes out;
    for (const SafetensorsEntry& e : m_entries) {
        out[e.name] = e.shape;
    }
    return out;
}

const torch::Tensor& SafetensorsFile::tensor(const std::string& name) const
{
    if (!m_loaded) {
        throw Error(ErrorKind::Usage, "safetensors file " + m_path +
                                          " was opened header-only; tensor '" + name +
                                          "' is not loaded");
    }
    const auto it = m_tensors.find(name);
    if (it == m_tensors.end()) {
        fail(m_path, ErrorCode::ShapeMismatch, "no tensor named '" + name + "'");
    }
    return it->second;
}

NamedTensors SafetensorsFile::tensors() const
{
    NamedTensors out;
    out.reserve(m_tensors.size());
    for (const auto& [name, t] : m_tensors) {
        out.emplace_back(name, t);
    }
    return out;
}

void SafetensorsFile::loadInto(torch::nn::Module& module,
                               const SafetensorsLoadOptions& options) const
{
    if (!m_loaded) {
        throw Error(ErrorKind::Usage,
                    "safetensors file " + m_path + " was opened header-only; cannot load it");
    }
    std::vector<std::pair<std::string, torch::Tensor>> targets;
    for (const auto& item : module.named_parameters(true)) {
        targets.emplace_back(item.key(), item.value());
    }
    for (const auto& item : module.named_buffers(true)) {
        targets.emplace_back(item.key(), item.value());
    }
    TensorShapes expected;
    for (const auto& [name, t] : targets) {
        expected[name] = t.sizes().vec();
    }
    if (options.strict) {
        checkShapes(shapes(), expected, "safetensors file " + m_path);
    } else {
        TensorShapes common;
        for (const auto& [name, shape] : shapes()) {
            if (expected.count(name)) {
                common[name] = shape;
            }
        }
        TensorShapes expectedCommon;
        for (const auto& [name, shape] : common) {
            expectedCommon[name] = expected.at(name);
        }
        checkShapes(common, expectedCommon, "safetensors file " + m_path);
    }
    if (options.requireFinite) {
        for (const auto& [name, t] : m_tensors) {
            if (expected.count(name) && t.is_floating_point() && t.numel() > 0 &&
                !torch::isfinite(t).all().item<bool>()) {
                fail(m_path, ErrorCode::NonFinite,
                     "tensor '" + name + "' holds NaN or infinite values");
            }
        }
    }
    torch::NoGradGuard noGrad;
    size_t copied = 0;
    for (auto& [name, target] : targets) {
        const auto it = m_tensors.find(name);
        if (it == m_tensors.end() || !target.defined()) {
            continue;
        }
        target.copy_(it->second);
        ++copied;
    }
    log::get("train")->debug("loaded {} tensors from {}", copied, m_path);
}

} // namespace vd
