// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/VideoReader.h"

#include "media/detail/FFmpeg.h"
#include "media/detail/FrameConverter.h"
#include "media/detail/InputError.h"
#include "media/detail/Limits.h"
#include "media/detail/VideoProbe.h"
#include "util/Error.h"
#include "util/Log.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace vd {

using namespace media::detail;

namespace {

constexpr int kMaxConsecutiveBadPackets = 48;
/// A seek this many frames ahead (or fewer) decodes forward instead of seeking the demuxer:
/// cheaper than going back to a keyframe that is probably behind the current position anyway.
constexpr int64_t kForwardDecodeLimit = 48;

enum class IndexMode {
    Pts,   ///< constant rate: index = the slot (pts - stream start) x fps; see docs/frames.md
    Table, ///< variable rate: index = position of pts in the counted timestamp table
    Count, ///< no usable timestamps: count decoded frames (seeks decode from the start)
};

} // namespace

struct VideoReader::Impl {
    std::string path;
    DecodeOptions options;
    VideoInfo info;
    bool isSequence = false;
    bool framesKnown = false;
    std::vector<int64_t> ptsTable;
    IndexMode mode = IndexMode::Count;

    Deadline deadline; // referenced by fmt's interrupt callback: declared before fmt
    InputFormatPtr fmt;
    int streamIndex = -1;
    AVRational timeBase{1, 1};
    CodecContextPtr decoder;
    PacketPtr packet = makePacket();
    FramePtr frame = makeFrame();

    // Decoding state. Frame indices are slots (docs/frames.md): `cursor` is the slot the next
    // read() returns; `held` is the last picture at or before it, which fills the slots of
    // pictures the stream leaves out (AVI drop frames, timestamp gaps, a lost first picture).
    int64_t cursor = 0;
    bool havePending = false; ///< `frame` holds a decoded picture not yet moved to `held`
    int64_t pendingIndex = -1;
    int64_t pendingPts = AV_NOPTS_VALUE;
    FramePtr held = makeFrame();
    bool haveHeld = false;
    int64_t heldIndex = -1;
    int64_t heldPts = AV_NOPTS_VALUE;
    int64_t lastIndex = -1; ///< index of the last picture the decoder produced
    int64_t startPts = AV_NOPTS_VALUE;
    bool flushed = false;   ///< end of data: the decoder got its flush packet
    bool readError = false; ///< the demuxer failed before a clean end of file
    std::string readErrorText;
    int64_t badPackets = 0;
    int consecutiveBad = 0;
    int64_t firstBadIndex = -1;
    bool endReported = false;
    // Since open, without a demuxer seek ("contiguous"): frames out of the decoder and packets
    // of our stream out of the demuxer. They tell a damaged stream (packets there, frames
    // missing) from a cut one (packets missing).
    bool contiguous = true;
    int64_t framesProduced = 0;
    int64_t packetsRead = 0;

    // Conversion.
    int outW = 0;
    int outH = 0;
    std::optional<FrameConverter> converter; ///< made once the output size is known

    void open(InputFormatPtr probed, int probedStream);
    bool fetch();
    AVFrame* pictureAtCursor();
    void forgetPictures();
    void requireCursorFrame();
    bool decodeNext();
    void assignIndex();
    void noteBadPacket(int err);
    bool endOfStream();
    bool seekDemuxer(int64_t target);
    void restart();
    double timeOf(int64_t pts, int64_t index) const;
};

void VideoReader::Impl::open(InputFormatPtr probed, int probedStream)
{
    if (probed) {
        fmt = std::move(probed);
        streamIndex = probedStream;
    } else {
        bool sequence = false;
        fmt = openInput(path, deadline, &sequence);
        streamIndex = selectStream(fmt.get(), path);
    }
    // The callback was set on the probe's context with the same Deadline object.
    fmt->interrupt_callback = deadline.callback();
    AVStream* st = fmt->streams[streamIndex];
    timeBase = st->time_base;

    const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
    decoder.reset(avcodec_alloc_context3(codec));
    if (!decoder) {
        throw std::bad_alloc();
    }
    int ret = avcodec_parameters_to_context(decoder.get(), st->codecpar);
    if (ret < 0) {
        throw inputError(path, "bad codec parameters: " + errorString(ret),
                         ErrorCode::DecodeFailed);
    }
    decoder->pkt_timebase = st->time_base;
    decoder->thread_count = std::max(0, options.threads);
    decoder->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    // A stream whose frames grow past the limit mid-way is refused by the decoder itself.
    decoder->max_pixels = kMaxPixels;
    ret = avcodec_open2(decoder.get(), codec, nullptr);
    if (ret < 0) {
        throw inputError(
            path, std::string("cannot open the ") + codec->name + " decoder: " + errorString(ret),
            ErrorCode::UnsupportedCodec);
    }

    forgetPictures();
    flushed = false;
    readError = false;
    readErrorText.clear();
    badPackets = 0;
    consecutiveBad = 0;
    firstBadIndex = -1;
    endReported = false;
    contiguous = true;
    framesProduced = 0;
    packetsRead = 0;
}

void VideoReader::Impl::noteBadPacket(int err)
{
    ++badPackets;
    if (firstBadIndex < 0) {
        firstBadIndex = lastIndex + 1;
    }
    if (badPackets <= 3) {
        vd::log::get("media")->warn("'{}': damaged data near frame {}: {}", path, lastIndex + 1,
                                    errorString(err));
    }
    if (++consecutiveBad > kMaxConsecutiveBadPackets) {
        throw inputError(path,
                         "decoder rejected " + std::to_string(consecutiveBad) +
                             " packets in a row near frame " + std::to_string(lastIndex + 1) +
                             " (" + errorString(err) + ")",
                         ErrorCode::DecodeFailed, firstBadIndex);
    }
}

void VideoReader::Impl::assignIndex()
{
    const int64_t ts = frame->best_effort_timestamp;
    pendingPts = ts;
    if (ts == AV_NOPTS_VALUE && mode != IndexMode::Count) {
        vd::log::get("media")->debug("'{}': frame without timestamp; counting frames", path);
        mode = IndexMode::Count;
    }
    int64_t index = lastIndex + 1;
    if (mode == IndexMode::Pts) {
        if (startPts == AV_NOPTS_VALUE) {
            startPts = ts;
        }
        index = std::max<int64_t>(
            0, av_rescale_q(ts - startPts, timeBase, AVRational{info.fps.den, info.fps.num}));
    } else if (mode == IndexMode::Table) {
        const auto it = std::lower_bound(ptsTable.begin(), ptsTable.end(), ts);
        index = it - ptsTable.begin();
        if (it == ptsTable.end() ||
            (*it != ts && it != ptsTable.begin() && ts - *(it - 1) < *it - ts)) {
            index = std::max<int64_t>(0, index - 1);
        }
    }
    // Keep indices increasing even where timestamps stall or jump back (broken streams).
    if (lastIndex >= 0 && index <= lastIndex) {
        index = lastIndex + 1;
    }
    pendingIndex = index;
    lastIndex = index;
}

bool VideoReader::Impl::decodeNext()
{
    int retries = 0;
    for (;;) {
        int ret = avcodec_receive_frame(decoder.get(), frame.get());
        if (ret == 0) {
            consecutiveBad = 0;
            ++framesProduced;
            assignIndex();
            return true;
        }
        if (ret == AVERROR_EOF) {
            return false;
        }
        if (ret != AVERROR(EAGAIN)) {
            noteBadPacket(ret);
            continue;
        }
        if (flushed) {
            return false; // cannot happen per the API; never loop on it
        }
        deadline.arm(kReadTimeoutS);
        ret = av_read_frame(fmt.get(), packet.get());
        if (ret == AVERROR(EAGAIN) && ++retries < kMaxRetriedReads) {
            continue;
        }
        if (ret < 0) {
            if (ret != AVERROR_EOF) {
                readError = true;
                readErrorText = deadline.expired() ? "read timed out" : errorString(ret);
            }
            avcodec_send_packet(decoder.get(), nullptr);
            flushed = true;
            continue;
        }
        PacketUnref unref(packet.get());
        if (packet->stream_index != streamIndex) {
            continue;
        }
        ++packetsRead;
        ret = avcodec_send_packet(decoder.get(), packet.get());
        if (ret < 0 && ret != AVERROR(EAGAIN)) {
            noteBadPacket(ret);
        }
    }
}

bool VideoReader::Impl::fetch()
{
    if (havePending) {
        return true;
    }
    havePending = decodeNext();
    return havePending;
}

void VideoReader::Impl::forgetPictures()
{
    havePending = false;
    pendingIndex = -1;
    av_frame_unref(held.get());
    haveHeld = false;
    heldIndex = -1;
    lastIndex = -1;
}

AVFrame* VideoReader::Impl::pictureAtCursor()
{
    // Move every picture up to the cursor's slot into `held` (references only, nothing is
    // converted), so that skipped slots cost a decode and no more.
    while (fetch() && pendingIndex <= cursor) {
        av_frame_unref(held.get());
        av_frame_move_ref(held.get(), frame.get());
        haveHeld = true;
        heldIndex = pendingIndex;
        heldPts = pendingPts;
        havePending = false;
    }
    if (haveHeld) {
        // After the last picture the stream ends: its slot is the last one.
        return havePending || heldIndex == cursor ? held.get() : nullptr;
    }
    // Slots before the first picture (its own was lost) show the first one.
    return havePending ? frame.get() : nullptr;
}

void VideoReader::Impl::requireCursorFrame()
{
    if (!pictureAtCursor()) {
        endOfStream(); // throws Truncated/DecodeFailed when the file is damaged
        throw inputError(path,
                         "cannot seek to frame " + std::to_string(cursor) + ": the stream has " +
                             std::to_string(lastIndex + 1) + " frames",
                         ErrorCode::SeekOutOfRange);
    }
}

bool VideoReader::Impl::endOfStream()
{
    if (endReported) {
        return false;
    }
    endReported = true;
    // Slots, not pictures: a slot without a picture of its own was filled, not lost.
    const int64_t produced = lastIndex + 1;
    const int64_t good = firstBadIndex >= 0 ? std::min(firstBadIndex, produced) : produced;
    // One frame of slack: encoder delay can hide a frame the header counts.
    const bool shortOfHeader = framesKnown && produced < info.frames - 1;
    const bool packetsMissing = contiguous && packetsRead < info.frames - 1;
    const std::string got = std::to_string(produced) + " of " + std::to_string(info.frames);
    if (readError) {
        throw inputError(path, "stream ends early after " + got + " frames (" + readErrorText + ")",
                         ErrorCode::Truncated, good);
    }
    if (shortOfHeader && badPackets > 0 && !packetsMissing) {
        throw inputError(path,
                         "damaged stream: decoded " + got + " frames, " +
                             std::to_string(badPackets) + " packets rejected",
                         ErrorCode::DecodeFailed, good);
    }
    if (shortOfHeader) {
        throw inputError(path, "stream ends early after " + got + " frames", ErrorCode::Truncated,
                         good);
    }
    if (badPackets > 0) {
        vd::log::get("media")->warn("'{}': {} damaged packets were concealed", path, badPackets);
    }
    if (framesProduced > 0 && framesProduced < produced && contiguous) {
        vd::log::get("media")->info("'{}': {} of {} frames have no picture of their own and "
                                    "show the nearest one before (or the first)",
                                    path, produced - framesProduced, produced);
    }
    return false;
}

void VideoReader::Impl::restart()
{
    converter->reset(); // the decoder may pick another output format
    fmt.reset();
    decoder.reset();
    open(nullptr, -1);
}

bool VideoReader::Impl::seekDemuxer(int64_t target)
{
    const int64_t targetTs =
        mode == IndexMode::Table
            ? ptsTable[static_cast<size_t>(target)]
            : startPts + av_rescale_q(target, AVRational{info.fps.den, info.fps.num}, timeBase);
    // When the demuxer's keyframe index is coarse, it may land after the target: back off.
    const double backoffS[] = {0.0, 1.0, 5.0, 20.0};
    for (double back : backoffS) {
        const int64_t ts =
            targetTs - av_rescale_q(std::llround(back * 1000), AVRational{1, 1000}, timeBase);
        deadline.arm(kReadTimeoutS);
        if (av_seek_frame(fmt.get(), streamIndex, ts, AVSEEK_FLAG_BACKWARD) < 0) {
            return false;
        }
        avcodec_flush_buffers(decoder.get());
        contiguous = false;
        forgetPictures();
        flushed = false;
        endReported = false;
        consecutiveBad = 0;
        if (!fetch()) {
            return false;
        }
        if (mode == IndexMode::Count) {
            return false; // timestamps vanished: indices after a seek are unknown
        }
        if (pendingIndex <= target) {
            cursor = target;
            return true;
        }
    }
    return false;
}

double VideoReader::Impl::timeOf(int64_t pts, int64_t index) const
{
    if (pts != AV_NOPTS_VALUE && mode != IndexMode::Count) {
        const int64_t origin = mode == IndexMode::Table ? ptsTable.front() : startPts;
        return static_cast<double>(pts - origin) * av_q2d(timeBase);
    }
    return info.fps.valid() ? static_cast<double>(index) / info.fps.toDouble() : 0.0;
}
// ---- VideoReader ------------------------------------------------------------------------------

VideoReader::VideoReader(const std::string& path, DecodeOptions options)
    : m_impl(std::make_unique<Impl>())
{
    Impl& d = *m_impl;
    d.path = path;
    d.options = options;
    if (options.outWidth < 0 || options.outHeight < 0) {
        throw Error(ErrorKind::Usage, "'" + path + "': negative output size requested",
                    ErrorCode::InvalidValue);
    }
    ProbeResult probed = probeVideo(path, d.deadline, true);
    d.info = std::move(probed.info);
    d.isSequence = probed.isSequence;
    d.framesKnown = probed.framesKnown;
    if (d.info.variableFrameRate && probed.ptsTableComplete && !probed.ptsTable.empty()) {
        d.mode = IndexMode::Table;
        d.ptsTable = std::move(probed.ptsTable);
    } else if (d.info.fps.valid() && !d.info.variableFrameRate) {
        d.mode = IndexMode::Pts;
    } else {
        d.mode = IndexMode::Count;
    }

    const int baseW = options.applyRotation ? d.info.displayWidth : d.info.width;
    const int baseH = options.applyRotation ? d.info.displayHeight : d.info.height;
    d.outW = options.outWidth;
    d.outH = options.outHeight;
    if (d.outW == 0 && d.outH == 0) {
        d.outW = baseW;
        d.outH = baseH;
    } else if (d.outH == 0) {
        d.outH =
            std::max(1, static_cast<int>(std::lround(static_cast<double>(d.outW) * baseH / baseW)));
    } else if (d.outW == 0) {
        d.outW =
            std::max(1, static_cast<int>(std::lround(static_cast<double>(d.outH) * baseW / baseH)));
    }
    if (!sizeAcceptable(d.outW, d.outH)) {
        throw Error(ErrorKind::Usage,
                    "'" + path + "': output size " + std::to_string(d.outW) + "x" +
                        std::to_string(d.outH) + " is out of range",
                    ErrorCode::InvalidValue);
    }

    d.converter.emplace(path, d.outW, d.outH, options.applyRotation ? d.info.rotationDeg : 0);
    d.open(std::move(probed.fmt), probed.stream);
    if (d.mode == IndexMode::Pts) {
        // Slots count from the stream's start, not from its first decodable picture: a lost
        // first picture leaves its slot to be filled instead of shifting every index.
        const AVStream* st = d.fmt->streams[d.streamIndex];
        d.startPts = st->start_time;
    }
    // Decode the first frame now: it fixes the timestamp origin for frame indices, and a file
    // that cannot produce a single frame fails here rather than in the middle of a batch.
    if (!d.fetch()) {
        d.endOfStream();
        throw inputError(path, "no frame could be decoded", ErrorCode::DecodeFailed, 0);
    }
}

VideoReader::~VideoReader() = default;
VideoReader::VideoReader(VideoReader&&) noexcept = default;
VideoReader& VideoReader::operator=(VideoReader&&) noexcept = default;

VideoInfo VideoReader::probe(const std::string& path)
{
    Deadline deadline;
    ProbeResult result = probeVideo(path, deadline, false);
    return std::move(result.info);
}

const VideoInfo& VideoReader::info() const
{
    return m_impl->info;
}

int VideoReader::outputWidth() const
{
    return m_impl->outW;
}

int VideoReader::outputHeight() const
{
    return m_impl->outH;
}

bool VideoReader::read(Frame& frame)
{
    Impl& d = *m_impl;
    AVFrame* picture = d.pictureAtCursor();
    if (!picture) {
        return d.endOfStream();
    }
    frame.width = d.outW;
    frame.height = d.outH;
    frame.index = d.cursor;
    frame.timeS = d.timeOf(picture == d.held.get() ? d.heldPts : d.pendingPts, d.cursor);
    frame.rgb.resize(static_cast<size_t>(d.outW) * d.outH * 3);
    d.converter->convert(picture, frame.rgb.data());
    ++d.cursor;
    return true;
}

void VideoReader::seek(int64_t index)
{
    Impl& d = *m_impl;
    if (index < 0 || (d.framesKnown && index >= d.info.frames)) {
        throw inputError(d.path,
                         "cannot seek to frame " + std::to_string(index) + ": the video has " +
                             std::to_string(d.info.frames) + " frames",
                         ErrorCode::SeekOutOfRange);
    }
    // Ahead by a little, or back within the picture on hand: the decoder stays where it is.
    const bool ahead = index >= d.cursor && index - d.cursor <= kForwardDecodeLimit;
    const bool onHeld = d.haveHeld && d.heldIndex <= index && index < d.cursor;
    if ((ahead || onHeld) && !d.endReported) {
        d.cursor = index;
        d.requireCursorFrame();
        return;
    }
    if (d.mode == IndexMode::Count || !d.seekDemuxer(index)) {
        // No timestamps to trust, the demuxer cannot seek, or the slot comes before the
        // stream's first picture: decode from the start.
        d.restart();
        d.cursor = index;
    }
    d.requireCursorFrame();
}

FrameStack VideoReader::readFrames(int64_t start, int count, int stride)
{
    Impl& d = *m_impl;
    if (count < 0 || stride < 1) {
        throw Error(ErrorKind::Usage,
                    "readFrames: bad count " + std::to_string(count) + " or stride " +
                        std::to_string(stride),
                    ErrorCode::InvalidValue);
    }
    FrameStack stack;
    stack.width = d.outW;
    stack.height = d.outH;
    if (count == 0) {
        return stack;
    }
    seek(start);
    const size_t frameBytes = static_cast<size_t>(d.outW) * d.outH * 3;
    stack.data.resize(frameBytes * static_cast<size_t>(count));
    for (int t = 0; t < count; ++t) {
        // The stride-1 slots between are decoded (the codec needs them) but never converted.
        d.cursor = start + static_cast<int64_t>(t) * stride;
        AVFrame* picture = d.pictureAtCursor();
        if (!picture) {
            d.endOfStream();
            break;
        }
        d.converter->convert(picture, stack.frame(t));
        stack.frames = t + 1;
    }
    d.cursor = start + static_cast<int64_t>(stack.frames - 1) * stride + 1;
    stack.data.resize(frameBytes * static_cast<size_t>(stack.frames));
    return stack;
}

} // namespace vd
