// SPDX-License-Identifier: GPL-3.0-or-later
// RAII owners for the FFmpeg objects the media layer uses, plus small helpers shared by the
// reader and the writer. Private to core/media: nothing outside it includes libav* headers.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libswscale/swscale.h>
}

#include <chrono>
#include <memory>
#include <string>

namespace vd::media::detail {

struct InputFormatDeleter {
    void operator()(AVFormatContext* ctx) const { avformat_close_input(&ctx); }
};

/// Output contexts own their AVIOContext only when the format writes to a file; closing it
/// here means an exception thrown half-way through writing still releases the file handle.
struct OutputFormatDeleter {
    void operator()(AVFormatContext* ctx) const
    {
        if (ctx->oformat && !(ctx->oformat->flags & AVFMT_NOFILE) && ctx->pb) {
            avio_closep(&ctx->pb);
        }
        avformat_free_context(ctx);
    }
};

struct CodecContextDeleter {
    void operator()(AVCodecContext* ctx) const { avcodec_free_context(&ctx); }
};

struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};

struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};

struct SwsDeleter {
    void operator()(SwsContext* ctx) const { sws_freeContext(ctx); }
};

using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

/// Allocates a frame / packet; throws std::bad_alloc when FFmpeg is out of memory.
FramePtr makeFrame();
PacketPtr makePacket();

/// Unreferences a packet when it leaves scope, so every early return or throw in a read loop
/// gives the buffer back.
class PacketUnref {
public:
    explicit PacketUnref(AVPacket* packet) : m_packet(packet) {}
    ~PacketUnref() { av_packet_unref(m_packet); }
    PacketUnref(const PacketUnref&) = delete;
    PacketUnref& operator=(const PacketUnref&) = delete;

private:
    AVPacket* m_packet;
};

/// FFmpeg's text for an AVERROR code.
std::string errorString(int errnum);

/// A deadline checked by FFmpeg's blocking I/O through AVIOInterruptCB: a stalled read (a pipe,
/// a network mount, a FIFO named like a video) returns AVERROR_EXIT instead of hanging forever.
class Deadline {
public:
    /// Starts (or restarts) the clock: I/O is interrupted `seconds` from now.
    void arm(double seconds)
    {
        m_deadline = std::chrono::steady_clock::now() +
                     std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double>(seconds));
        m_expired = false;
    }
    bool expired() const { return m_expired; }
    /// The callback to put into AVFormatContext::interrupt_callback; `this` must outlive it.
    AVIOInterruptCB callback() { return AVIOInterruptCB{&Deadline::check, this}; }

private:
    static int check(void* opaque);

    std::chrono::steady_clock::time_point m_deadline = std::chrono::steady_clock::time_point::max();
    bool m_expired = false;
};

} // namespace vd::media::detail
