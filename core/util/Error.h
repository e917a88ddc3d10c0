// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace vd {

/// Broad class of a failure; decides the CLI exit code (see exitCodeFor).
enum class ErrorKind {
    Usage,     ///< bad command line or API misuse (exit 2)
    Config,    ///< bad project file, key or value (exit 2)
    InputData, ///< a file or dataset the user gave is unreadable or invalid (exit 3)
    Runtime,   ///< failure while running: encoder, I/O, torch (exit 4)
};

/// Precise reason, so callers and tests can react to one case without parsing messages.
enum class ErrorCode {
    Generic,
    FileNotFound,       ///< path does not exist or cannot be opened
    EmptyFile,          ///< zero bytes
    UnrecognizedFormat, ///< no demuxer recognizes the data (e.g. a text file named .mp4)
    NoVideoStream,      ///< container has no video stream (audio-only)
    StillImage,         ///< a single image, not a video
    UnsupportedCodec,   ///< no decoder for the stream's codec
    BadDimensions,      ///< zero, negative or absurd width/height
    Truncated,          ///< the file ends early or the stream breaks; see Error::goodFrames()
    DecodeFailed,       ///< the decoder rejected the data
    EncodeFailed,       ///< the encoder or muxer failed
    SeekOutOfRange,     ///< frame index past the end
    WriteFailed,        ///< cannot write a file (permissions, full disk)
    InvalidValue,       ///< a key or argument has a value out of range
    CorruptHeader,      ///< a file's header is malformed or contradicts the file (safetensors)
    ShapeMismatch,      ///< tensor names or shapes in a file differ from the model's
    NonFinite,          ///< a tensor holds NaN or infinity where that is not allowed
    OutOfMemory,        ///< the host or the GPU ran out of memory (see util/TorchError.h)
};

/// The one exception type core throws. The message names the file, key or value.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, ErrorCode code = ErrorCode::Generic,
          int64_t goodFrames = -1)
        : std::runtime_error(std::move(message)), m_kind(kind), m_code(code),
          m_goodFrames(goodFrames)
    {
    }

    ErrorKind kind() const { return m_kind; }
    ErrorCode code() const { return m_code; }
    /// For partial decodes: how many frames decoded correctly before the failure; -1 if unknown.
    int64_t goodFrames() const { return m_goodFrames; }

private:
    ErrorKind m_kind;
    ErrorCode m_code;
    int64_t m_goodFrames;
};

/// Process exit code for an error kind: 2 usage/config, 3 input data, 4 runtime.
int exitCodeFor(ErrorKind kind);

/// Stable lower-case name of a code ("truncated", "no_video_stream"), used in JSON output.
const char* errorCodeName(ErrorCode code);

} // namespace vd
