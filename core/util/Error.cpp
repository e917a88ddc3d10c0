// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Error.h"

namespace vd {

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
    case ErrorKind::Config:
        return 2;
    case ErrorKind::InputData:
        return 3;
    case ErrorKind::Runtime:
        return 4;
    }
    return 4;
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Generic: return "error";
    case ErrorCode::FileNotFound: return "file_not_found";
    case ErrorCode::EmptyFile: return "empty_file";
    case ErrorCode::UnrecognizedFormat: return "unrecognized_format";
    case ErrorCode::NoVideoStream: return "no_video_stream";
    case ErrorCode::StillImage: return "still_image";
    case ErrorCode::UnsupportedCodec: return "unsupported_codec";
    case ErrorCode::BadDimensions: return "bad_dimensions";
    case ErrorCode::Truncated: return "truncated";
    case ErrorCode::DecodeFailed: return "decode_failed";
    case ErrorCode::EncodeFailed: return "encode_failed";
    case ErrorCode::SeekOutOfRange: return "seek_out_of_range";
    case ErrorCode::WriteFailed: return "write_failed";
    case ErrorCode::InvalidValue: return "invalid_value";
    case ErrorCode::CorruptHeader: return "corrupt_header";
    case ErrorCode::ShapeMismatch: return "shape_mismatch";
    case ErrorCode::NonFinite: return "non_finite";
    case ErrorCode::OutOfMemory: return "out_of_memory";
    }
    return "error";
}

} // namespace vd
