// SPDX-License-Identifier: GPL-3.0-or-later
// Over 600 lines on purpose: VideoWriter::Impl is one state machine (encoder or GIF palette or
// PNG sequence, the temporary file or folder, the rename on finish) whose steps share that
// state; the FFmpeg wrappers and frame conversions it uses are already in media/detail.
#include "media/VideoWriter.h"

#include "media/detail/AvLog.h"
#include "media/detail/FFmpeg.h"
#include "media/detail/FrameOps.h"
#include "media/detail/Limits.h"
#include "media/detail/Palette.h"
#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/Log.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace vd {

using namespace media::detail;
namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

Error encodeError(const std::string& path, const std::string& what, int err = 0)
{
    std::string message = "'" + path + "': " + what;
    if (err < 0) {
        message += " (" + errorString(err) + ")";
    }
    return Error(ErrorKind::Runtime, message, ErrorCode::EncodeFailed);
}

Error writeError(const std::string& path, const std::string& what, int err = 0)
{
    std::string message = "'" + path + "': " + what;
    if (err < 0) {
        message += " (" + errorString(err) + ")";
    }
    return Error(ErrorKind::Runtime, message, ErrorCode::WriteFailed);
}

/// Where the frames of a PNG sequence go: the folder itself, or "clip/" for "clip.png".
std::string sequenceFolder(const std::string& path)
{
    if (lowerExtension(path) == ".png") {
        fs::path p(path);
        return (p.parent_path() / p.stem()).string();
    }
    return path;
}

int alignUp(int value, int alignment)
{
    return (value + alignment - 1) / alignment * alignment;
}

} // namespace

VideoFormat formatFromPath(const std::string& path)
{
    const std::string ext = lowerExtension(path);
    if (ext == ".mp4" || ext == ".m4v" || ext == ".mov") {
        return VideoFormat::MP4;
    }
    if (ext == ".webm") {
        return VideoFormat::WebM;
    }
    if (ext == ".gif") {
        return VideoFormat::GIF;
    }
    std::error_code ec;
    if (ext == ".png" || ext.empty() || fs::is_directory(path, ec) ||
        (!path.empty() && (path.back() == '/' || path.back() == '\\'))) {
        return VideoFormat::PNG;
    }
    throw Error(ErrorKind::Usage,
                "'" + path + "': unknown video format '" + ext +
                    "' (use .mp4, .webm, .gif or a folder for PNG frames)",
                ErrorCode::InvalidValue);
}

namespace {

/// The output formats' names and file extensions, in one place.
struct FormatRow {
    VideoFormat format;
    const char* name;
    const char* extension;
};
constexpr FormatRow kFormats[] = {{VideoFormat::MP4, "mp4", ".mp4"},
                                  {VideoFormat::WebM, "webm", ".webm"},
                                  {VideoFormat::GIF, "gif", ".gif"},
                                  {VideoFormat::PNG, "png", ""}};

const FormatRow* rowOf(VideoFormat format)
{
    for (const FormatRow& row : kFormats) {
        if (row.format == format) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace

const char* formatName(VideoFormat format)
{
    const FormatRow* row = rowOf(format);
    return row ? row->name : "unknown";
}

VideoFormat formatFromName(const std::string& name)
{
    for (const FormatRow& row : kFormats) {
        if (name == row.name) {
            return row.format;
        }
    }
    throw Error(ErrorKind::Usage, "'" + name + "' is not mp4, webm, gif or png",
                ErrorCode::InvalidValue);
}

const char* formatExtension(VideoFormat format)
{
    const FormatRow* row = rowOf(format);
    return row ? row->extension : "";
}

struct VideoWriter::Impl {
    std::string path; ///< the file the caller named (messages name it)
    /// MP4, WebM and GIF are encoded into this temp file beside `path` and renamed over it when
    /// finished, so a failed or interrupted export never leaves a partial clip, nor destroys a
    /// file of that name that was there before (disk full, a kill; docs/frames.md's neighbour).
    std::string ioPath;
    bool published = false; ///< ioPath was renamed onto path
    int width = 0;
    int height = 0;
    VideoFormat format = VideoFormat::MP4;
    EncodeOptions options;
    int64_t frames = 0;
    bool finished = false;

    // Encoder + muxer (MP4, WebM, GIF).
    OutputFormatPtr fmt;
    CodecContextPtr encoder;
    AVStream* stream = nullptr;
    FramePtr frame;
    PacketPtr packet;
    SwsPtr sws;
    int encW = 0;
    int encH = 0;
    int stagingStride = 0;
    /// RGB copy padded to the encoded size, rows 32-byte aligned, with a tail: swscale's SIMD
    /// row readers read past the last pixel, and a buffer ending at a page boundary faulted.
    std::vector<uint8_t> staging;
    uint8_t* stagingRows() { return alignTo32(staging.data()); }

    // GIF: frames wait here until finish() computes the clip's palette.
    std::vector<uint8_t> gifFrames;

    // PNG sequence.
    std::string folder;
    CodecContextPtr pngEncoder;

    void openEncoder(const char* muxer, const char* codecName, AVPixelFormat pixFmt);
    void encode(const AVFrame* input);
    void writeVideoFrame(const uint8_t* rgb);
    void writePng(const uint8_t* rgb);
    void finishGif();
    void closeFile();
    void discardTemp();

    // A constructor that throws after the temp file exists leaves nothing behind either.
    ~Impl()
    {
        fmt.reset();
        discardTemp();
    }
};

void VideoWriter::Impl::discardTemp()
{
    if (!ioPath.empty() && !published) {
        std::error_code ec;
        fs::remove(ioPath, ec);
    }
}

void VideoWriter::Impl::openEncoder(const char* muxer, const char* codecName, AVPixelFormat pixFmt)
{
    AVFormatContext* raw = nullptr;
    // The muxer's own URL is the temp file too: MP4's faststart reopens it to move the index.
    int ret = avformat_alloc_output_context2(&raw, nullptr, muxer, ioPath.c_str());
    if (ret < 0 || !raw) {
        throw encodeError(path, std::string("cannot create the ") + muxer + " muxer", ret);
    }
    fmt.reset(raw);

    const AVCodec* codec = avcodec_find_encoder_by_name(codecName);
    if (!codec) {
        throw encodeError(path, std::string("encoder ") + codecName +
                                    " is not available in this FFmpeg build");
    }
    encoder.reset(avcodec_alloc_context3(codec));
    if (!encoder) {
        throw std::bad_alloc();
    }
    AVCodecContext* enc = encoder.get();
    enc->width = encW;
    enc->height = encH;
    enc->pix_fmt = pixFmt;
    enc->time_base = AVRational{options.fps.den, options.fps.num};
    enc->framerate = AVRational{options.fps.num, options.fps.den};
    enc->sample_aspect_ratio = AVRational{1, 1};
    AVDictionary* codecOptions = nullptr;
    if (format == VideoFormat::MP4 || format == VideoFormat::WebM) {
        // Tag what the RGB->YUV conversion below does (BT.601, limited range), so that players
        // convert back with the same matrix.
        enc->colorspace = AVCOL_SPC_SMPTE170M;
        enc->color_primaries = AVCOL_PRI_SMPTE170M;
        enc->color_trc = AVCOL_TRC_SMPTE170M;
        enc->color_range = AVCOL_RANGE_MPEG;
        if (options.keyframeInterval > 0) {
            enc->gop_size = options.keyframeInterval;
        }
        av_dict_set_int(&codecOptions, "crf", options.quality, 0);
    }
    if (format == VideoFormat::MP4) {
        av_dict_set(&codecOptions, "preset", "medium", 0);
        // x264's macroblock tree (r3095, Debian 12) reads uninitialised memory on small frames:
        // the same 32x32..96x96 frames encoded twice in one process gave up to 9 different
        // bitstreams in 600 tries, 1 with mbtree off. A seed must give the same files (demo
        // data, exported samples), and mbtree's rate saving hardly matters at these sizes.
        av_dict_set(&codecOptions, "x264-params", "mbtree=0", 0);
    } else if (format == VideoFormat::WebM) {
        // Constant quality (crf with no bitrate target); "good" at speed 4 is the usual
        // trade-off for offline encodes, row-mt uses the cores on small frames too.
        enc->bit_rate = 0;
        av_dict_set(&codecOptions, "deadline", "good", 0);
        av_dict_set_int(&codecOptions, "cpu-used", 4, 0);
        av_dict_set_int(&codecOptions, "row-mt", 1, 0);
    }
    if (options.threads > 0) {
        enc->thread_count = options.threads;
    }
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER) {
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    ret = avcodec_open2(enc, codec, &codecOptions);
    av_dict_free(&codecOptions);
    if (ret < 0) {
        throw encodeError(path, std::string("cannot open encoder ") + codecName, ret);
    }

    stream = avformat_new_stream(fmt.get(), nullptr);
    if (!stream) {
        throw std::bad_alloc();
    }
    stream->time_base = format == VideoFormat::GIF ? AVRational{1, 100} : enc->time_base;
    stream->avg_frame_rate = enc->framerate;
    ret = avcodec_parameters_from_context(stream->codecpar, enc);
    if (ret < 0) {
        throw encodeError(path, "cannot set stream parameters", ret);
    }

    ret = avio_open(&fmt->pb, ioPath.c_str(), AVIO_FLAG_WRITE);
    if (ret < 0) {
        throw writeError(path, "cannot open for writing", ret);
    }
    AVDictionary* muxOptions = nullptr;
    if (format == VideoFormat::MP4) {
        // moov atom first: players (and browsers) can start before the whole file is read.
        av_dict_set(&muxOptions, "movflags", "+faststart", 0);
    }
    ret = avformat_write_header(fmt.get(), &muxOptions);
    av_dict_free(&muxOptions);
    if (ret < 0) {
        throw writeError(path, "cannot write the file header", ret);
    }

    frame = makeFrame();
    frame->format = pixFmt;
    frame->width = encW;
    frame->height = encH;
    ret = av_frame_get_buffer(frame.get(), 0);
    if (ret < 0) {
        throw encodeError(path, "cannot allocate a frame", ret);
    }
    packet = makePacket();
}

void VideoWriter::Impl::encode(const AVFrame* input)
{
    int ret = avcodec_send_frame(encoder.get(), input);
    if (ret < 0) {
        throw encodeError(path, "encoder rejected frame " + std::to_string(frames), ret);
    }
    for (;;) {
        ret = avcodec_receive_packet(encoder.get(), packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) {
            return;
        }
        if (ret < 0) {
            throw encodeError(path, "encoding failed", ret);
        }
        av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
        packet->stream_index = stream->index;
        // av_interleaved_write_frame takes the packet's reference (it is blank afterwards).
        ret = av_interleaved_write_frame(fmt.get(), packet.get());
        if (ret < 0) {
            throw writeError(path, "cannot write encoded data", ret);
        }
    }
}

void VideoWriter::Impl::writeVideoFrame(const uint8_t* rgb)
{
    padReplicateRGB(rgb, width, height, stagingRows(), stagingStride, encW, encH);
    if (!sws) {
        sws.reset(sws_getContext(
            encW, encH, AV_PIX_FMT_RGB24, encW, encH, static_cast<AVPixelFormat>(frame->format),
            SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
        if (!sws) {
            throw encodeError(path, "cannot create the RGB to YUV converter");
        }
        sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                 sws_getCoefficients(SWS_CS_ITU601), 0, 0, 1 << 16, 1 << 16);
    }
    // The encoder may still hold a reference to the previous frame's buffers.
    int ret = av_frame_make_writable(frame.get());
    if (ret < 0) {
        throw encodeError(path, "cannot allocate a frame", ret);
    }
    const uint8_t* srcPlanes[4] = {stagingRows(), nullptr, nullptr, nullptr};
    const int srcStrides[4] = {stagingStride, 0, 0, 0};
    sws_scale(sws.get(), srcPlanes, srcStrides, 0, encH, frame->data, frame->linesize);
    frame->pts = frames;
    encode(frame.get());
}

void VideoWriter::Impl::writePng(const uint8_t* rgb)
{
    if (!pngEncoder) {
        const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
        if (!codec) {
            throw encodeError(path, "the PNG encoder is not available in this FFmpeg build");
        }
        pngEncoder.reset(avcodec_alloc_context3(codec));
        if (!pngEncoder) {
            throw std::bad_alloc();
        }
        pngEncoder->width = width;
        pngEncoder->height = height;
        pngEncoder->pix_fmt = AV_PIX_FMT_RGB24;
        pngEncoder->time_base = AVRational{options.fps.den, options.fps.num};
        const int ret = avcodec_open2(pngEncoder.get(), codec, nullptr);
        if (ret < 0) {
            throw encodeError(path, "cannot open the PNG encoder", ret);
        }
        frame = makeFrame();
        frame->format = AV_PIX_FMT_RGB24;
        frame->width = width;
        frame->height = height;
        if (av_frame_get_buffer(frame.get(), 0) < 0) {
            throw std::bad_alloc();
        }
        packet = makePacket();
    }
    int ret = av_frame_make_writable(frame.get());
    if (ret < 0) {
        throw encodeError(path, "cannot allocate a frame", ret);
    }
    for (int y = 0; y < height; ++y) {
        std::memcpy(frame->data[0] + static_cast<size_t>(y) * frame->linesize[0],
                    rgb + static_cast<size_t>(y) * width * 3, static_cast<size_t>(width) * 3);
    }
    frame->pts = frames;
    ret = avcodec_send_frame(pngEncoder.get(), frame.get());
    if (ret >= 0) {
        ret = avcodec_receive_packet(pngEncoder.get(), packet.get());
    }
    if (ret < 0) {
        throw encodeError(path, "PNG encoding failed at frame " + std::to_string(frames), ret);
    }
    PacketUnref unref(packet.get());
    char name[32];
    std::snprintf(name, sizeof(name), "frame_%06lld.png", static_cast<long long>(frames));
    const fs::path file = fs::path(folder) / name;
    // A crash never leaves a half-written frame that looks complete.
    try {
        writeFileAtomically(file.string(),
                            std::string_view(reinterpret_cast<const char*>(packet->data),
                                             static_cast<size_t>(packet->size)));
    } catch (const Error& e) {
        throw writeError(file.string(), std::string("cannot write PNG frame: ") + e.what());
    }
}

void VideoWriter::Impl::finishGif()
{
    if (frames == 0) {
        vd::log::get("media")->warn("'{}': no frames written, GIF not created", path);
        return;
    }
    const size_t pixels = static_cast<size_t>(width) * height;
    std::vector<const uint8_t*> all;
    all.reserve(static_cast<size_t>(frames));
    for (int64_t i = 0; i < frames; ++i) {
        all.push_back(gifFrames.data() + static_cast<size_t>(i) * pixels * 3);
    }
    const Palette palette = buildPalette(all, pixels);
    PaletteMapper mapper(palette);

    openEncoder("gif", "gif", AV_PIX_FMT_PAL8);
    for (int64_t i = 0; i < frames; ++i) {
        const int ret = av_frame_make_writable(frame.get());
        if (ret < 0) {
            throw encodeError(path, "cannot allocate a frame", ret);
        }
        mapper.map(all[static_cast<size_t>(i)], width, height, frame->data[0], frame->linesize[0]);
        std::memcpy(frame->data[1], palette.argb.data(), AVPALETTE_SIZE);
        frame->pts = i;
        encode(frame.get());
    }
    gifFrames.clear();
    gifFrames.shrink_to_fit();
}

void VideoWriter::Impl::closeFile()
{
    if (!fmt) {
        return;
    }
    encode(nullptr); // drain the encoder's delayed frames
    int ret = av_write_trailer(fmt.get());
    if (ret < 0) {
        throw writeError(path, "cannot finish the file", ret);
    }
    const bool ioError = fmt->pb && fmt->pb->error < 0;
    ret = avio_closep(&fmt->pb);
    if (ioError || ret < 0) {
        throw writeError(path, "cannot write the file (disk full?)", ret);
    }
    try {
        moveFileDurably(ioPath, path);
    } catch (const Error& e) {
        throw writeError(path, e.what());
    }
    published = true;
}

// ---- VideoWriter ------------------------------------------------------------------------------

VideoWriter::VideoWriter(const std::string& path, int width, int height, VideoFormat format,
                         EncodeOptions options)
    : m_impl(std::make_unique<Impl>())
{
    installAvLogRouting();
    Impl& d = *m_impl;
    d.path = path;
    d.width = width;
    d.height = height;
    d.format = format;
    d.options = options;
    if (!sizeAcceptable(width, height)) {
        throw Error(ErrorKind::Usage,
                    "'" + path + "': bad frame size " + std::to_string(width) + "x" +
                        std::to_string(height),
                    ErrorCode::InvalidValue);
    }
    if (!options.fps.valid()) {
        throw Error(ErrorKind::Usage,
                    "'" + path + "': bad frame rate " + std::to_string(options.fps.num) + "/" +
                        std::to_string(options.fps.den),
                    ErrorCode::InvalidValue);
    }
    if (options.quality < 0 || options.quality > 63) {
        throw Error(ErrorKind::Usage,
                    "'" + path + "': quality (CRF) must be 0..63, got " +
                        std::to_string(options.quality),
                    ErrorCode::InvalidValue);
    }

    // Like `sample --out`, a folder that does not exist yet is made (users name new ones).
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && format != VideoFormat::PNG) {
        std::error_code ec;
        fs::create_directories(parent, ec);
        if (!fs::is_directory(parent)) {
            throw writeError(path, "cannot create its folder '" + parent.string() + "'" +
                                       (ec ? ": " + ec.message() : std::string()));
        }
    }

    if (format != VideoFormat::PNG) {
        d.ioPath = tempNameFor(path);
    }
    switch (format) {
    case VideoFormat::MP4:
    case VideoFormat::WebM:
        // 4:2:0 chroma needs even sizes for H.264 (and for VP9 in most players): pad.
        d.encW = (width + 1) & ~1;
        d.encH = (height + 1) & ~1;
        d.stagingStride = alignUp(d.encW * 3, 32);
        d.staging.resize(static_cast<size_t>(d.stagingStride) * (d.encH + 1) + 32);
        d.openEncoder(format == VideoFormat::MP4 ? "mp4" : "webm",
                      format == VideoFormat::MP4 ? "libx264" : "libvpx-vp9", AV_PIX_FMT_YUV420P);
        break;
    case VideoFormat::GIF: {
        d.encW = width;
        d.encH = height;
        // The file is written by finish(); fail now, not after the caller made every frame.
        std::ofstream touch(d.ioPath, std::ios::binary | std::ios::trunc);
        if (!touch) {
            throw writeError(path, "cannot open for writing");
        }
        break;
    }
    case VideoFormat::PNG: {
        d.folder = sequenceFolder(path);
        std::error_code ec;
        fs::create_directories(d.folder, ec);
        if (ec || !fs::is_directory(d.folder)) {
            throw writeError(d.folder, "cannot create folder: " + ec.message());
        }
        break;
    }
    }
}

VideoWriter::~VideoWriter()
{
    if (!m_impl) {
        return;
    }
    try {
        finish();
    } catch (const std::exception& e) {
        vd::log::get("media")->error("{}", e.what());
    } catch (...) {
        vd::log::get("media")->error("'{}': unknown error while finishing", m_impl->path);
    }
}

void VideoWriter::write(const uint8_t* rgb)
{
    Impl& d = *m_impl;
    if (d.finished) {
        throw Error(ErrorKind::Usage, "'" + d.path + "': write() after finish()",
                    ErrorCode::InvalidValue);
    }
    if (!rgb) {
        throw Error(ErrorKind::Usage, "'" + d.path + "': null frame", ErrorCode::InvalidValue);
    }
    switch (d.format) {
    case VideoFormat::MP4:
    case VideoFormat::WebM:
        d.writeVideoFrame(rgb);
        break;
    case VideoFormat::GIF:
        d.gifFrames.insert(d.gifFrames.end(), rgb,
                           rgb + static_cast<size_t>(d.width) * d.height * 3);
        break;
    case VideoFormat::PNG:
        d.writePng(rgb);
        break;
    }
    ++d.frames;
}

void VideoWriter::write(const Frame& frame)
{
    const size_t bytes = static_cast<size_t>(m_impl->width) * m_impl->height * 3;
    if (frame.width != m_impl->width || frame.height != m_impl->height ||
        frame.rgb.size() < bytes) {
        throw Error(ErrorKind::Usage,
                    "'" + m_impl->path + "': frame is " + std::to_string(frame.width) + "x" +
                        std::to_string(frame.height) + ", the writer expects " +
                        std::to_string(m_impl->width) + "x" + std::to_string(m_impl->height),
                    ErrorCode::InvalidValue);
    }
    write(frame.rgb.data());
}

void VideoWriter::write(const FrameStack& stack)
{
    if (stack.width != m_impl->width || stack.height != m_impl->height) {
        throw Error(ErrorKind::Usage,
                    "'" + m_impl->path + "': frames are " + std::to_string(stack.width) + "x" +
                        std::to_string(stack.height) + ", the writer expects " +
                        std::to_string(m_impl->width) + "x" + std::to_string(m_impl->height),
                    ErrorCode::InvalidValue);
    }
    for (int t = 0; t < stack.frames; ++t) {
        write(stack.frame(t));
    }
}

void VideoWriter::finish()
{
    Impl& d = *m_impl;
    if (d.finished) {
        return;
    }
    // Marked first: if finishing fails, the destructor must not try (and fail) again.
    d.finished = true;
    struct Release {
        Impl& d;
        ~Release()
        {
            d.sws.reset();
            d.frame.reset();
            d.packet.reset();
            d.encoder.reset();
            d.pngEncoder.reset();
            d.fmt.reset();
            d.gifFrames = {};
            d.discardTemp(); // after fmt.reset() has closed it; no-op once published
        }
    } release{d};
    if (d.format == VideoFormat::GIF) {
        d.finishGif();
    }
    d.closeFile();
}

int64_t VideoWriter::framesWritten() const
{
    return m_impl->frames;
}

} // namespace vd
