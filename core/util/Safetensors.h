// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace torch::nn {
class Module;
}

namespace vd {

/// Tensors in the order a caller lists them; the file orders them itself.
using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;
/// The `__metadata__` of a safetensors file: string keys to string values (config JSON goes here).
using SafetensorsMetadata = std::map<std::string, std::string>;
/// Tensor name to shape, e.g. a model's state dict as SafetensorsFile::shapesOf() gives it.
using TensorShapes = std::map<std::string, std::vector<int64_t>>;

/// One tensor as the header describes it. Offsets are relative to the data region.
struct SafetensorsEntry {
    std::string name;
    std::string dtypeName; ///< "F32", "F16", "BF16", "I64", ...
    torch::Dtype dtype = torch::kFloat32;
    std::vector<int64_t> shape;
    uint64_t begin = 0;
    uint64_t end = 0;
};

/// Options of SafetensorsFile::loadInto.
struct SafetensorsLoadOptions {
    bool strict = true;        ///< every parameter and buffer present, no extra tensors
    bool requireFinite = true; ///< reject a file whose floating tensors hold NaN or infinity
};

/// A `.safetensors` file (https://github.com/huggingface/safetensors, format of v0.4): an 8-byte
/// little-endian header length N, N bytes of JSON header padded with spaces to a multiple of 8,
/// then the tensors' bytes, contiguous and little-endian. write() produces it exactly as the
/// reference implementation does, so any safetensors reader (Python included) loads it; open()
/// validates the header against the file before allocating any tensor, so a truncated or
/// hostile file is rejected cheaply.
///
/// Threads: a SafetensorsFile is an immutable value once opened; const methods may be called
/// from any thread. loadInto() must not race with other users of the module.
class SafetensorsFile {
public:
    /// Writes `tensors` (any device, any layout; moved to the CPU and made contiguous one at a
    /// time) with `metadata` to `path`, through a temp file, fsync and rename, so a kill leaves
    /// either the old file or the new one. Tensors are laid out as the reference does: by dtype,
    /// widest first, then by name.
    /// Throws vd::Error(Usage, InvalidValue) for duplicate or empty names, undefined tensors,
    /// dtypes safetensors cannot store (complex, quantized) or the reserved name "__metadata__";
    /// vd::Error(Runtime, WriteFailed) when the file cannot be written.
    static void write(const std::string& path, const NamedTensors& tensors,
                      const SafetensorsMetadata& metadata = {});

    /// Reads and validates the header, checks it against `expectedShapes` when given (each
    /// missing, extra or wrong-shaped tensor is named), then reads every tensor into CPU memory.
    /// Throws vd::Error(InputData) with a message naming the file and the fault: FileNotFound,
    /// EmptyFile, Truncated (the file is shorter than its header says), CorruptHeader (bad
    /// length, JSON, dtype, shape or offsets), ShapeMismatch (against `expectedShapes`).
    static SafetensorsFile open(const std::string& path,
                                const TensorShapes* expectedShapes = nullptr);

    /// Like open() but reads only the header: metadata(), entries() and names() work,
    /// tensor() throws. Same validation and errors as open().
    static SafetensorsFile openHeader(const std::string& path);

    /// Names and shapes of a module's parameters and buffers (recursive, as in its state dict).
    static TensorShapes shapesOf(const torch::nn::Module& module);
    /// A module's parameters and buffers by state-dict name (recursive), ready for write().
    static NamedTensors tensorsOf(const torch::nn::Module& module);

    /// Compares `actual` with `expected`; throws vd::Error(InputData, ShapeMismatch) naming
    /// `what` (usually the file) and the first tensors that are missing, extra or of another shape.
    static void checkShapes(const TensorShapes& actual, const TensorShapes& expected,
                            const std::string& what);

    const std::string& path() const { return m_path; }
    const SafetensorsMetadata& metadata() const { return m_metadata; }
    /// The metadata value for `key`, or nullopt.
    std::optional<std::string> metadataValue(const std::string& key) const;

    /// Header entries in data order.
    const std::vector<SafetensorsEntry>& entries() const { return m_entries; }
    /// Tensor names, sorted.
    std::vector<std::string> names() const;
    bool contains(const std::string& name) const;
    /// Names and shapes of every tensor in the file.
    TensorShapes shapes() const;

    /// The loaded CPU tensor called `name`. Throws vd::Error(InputData, ShapeMismatch) if the
    /// file has no such tensor and vd::Error(Usage) after openHeader().
    const torch::Tensor& tensor(const std::string& name) const;
    /// Every loaded tensor, sorted by name.
    NamedTensors tensors() const;

    /// Copies the tensors into the module's parameters and buffers of the same names (recursive
    /// names from named_parameters()/named_buffers()), converting device and dtype, under a
    /// NoGradGuard. Everything is checked before anything is copied, so a failure leaves the
    /// module unchanged. Throws vd::Error(InputData): ShapeMismatch for a missing (strict), extra
    /// (strict) or wrong-shaped tensor, NonFinite for NaN/infinity when requireFinite;
    /// vd::Error(Usage) after openHeader().
    void loadInto(torch::nn::Module& module, const SafetensorsLoadOptions& options = {}) const;

private:
    SafetensorsFile() = default;
    static SafetensorsFile read(const std::string& path, const TensorShapes* expectedShapes,
                                bool loadTensors);

    std::string m_path;
    SafetensorsMetadata m_metadata;
    std::vector<SafetensorsEntry> m_entries;
    std::map<std::string, torch::Tensor> m_tensors;
    bool m_loaded = false;
};

} // namespace vd
