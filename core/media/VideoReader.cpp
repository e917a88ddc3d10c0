// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/VideoReader.h"

#include "media/detail/AvLog.h"
#include "media/detail/FFmpeg.h"
#include "media/detail/FrameOps.h"
#include "media/detail/Limits.h"
#include "util/Error.h"
#include "util/Log.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace vd {

using namespace media::detail;
namespace fs = std::filesystem;

namespace {

constexpr double kOpenTimeoutS = 30.0;  ///< open + stream analysis
constexpr double kReadTimeoutS = 20.0;  ///< one av_read_frame call
constexpr double kCountTimeoutS = 10.0; ///< counting frames by demuxing in probe()
constexpr int kMaxConsecutiveBadPackets = 48;
constexpr int kMaxRetriedReads = 1000;
/// A seek this many frames ahead (or fewer) decodes forward instead of seeking the demuxer:
/// cheaper than going back to a keyframe that is probably behind the current position anyway.
constexpr int64_t kForwardDecodeLimit = 48;
/// Name of the first frame of a PNG sequence folder (what VideoWriter writes).
constexpr const char* kSequenceFirst = "frame_000000.png";
constexpr const char* kSequencePattern = "frame_%06d.png";

Error inputError(const std::string& path, const std::string& what, ErrorCode code,
                 int64_t goodFrames = -1)
{
    return Error(ErrorKind::InputData, "'" + path + "': " + what, code, goodFrames);
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Demuxers that read single pictures (png_pipe, jpeg_pipe, image2, ...).
bool isImageDemuxer(const std::string& name)
{
    return name == "image2" || endsWith(name, "_pipe");
}

/// Recognizes the container from the file's first bytes alone (no extension), to tell a damaged
/// video ("truncated") from data that is no video at all ("unrecognized").
const AVInputFormat* sniffFormat(const std::string& path, int* score)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> buffer(64 * 1024 + AVPROBE_PADDING_SIZE, 0);
    in.read(reinterpret_cast<char*>(buffer.data()), 64 * 1024);
    const auto got = static_cast<int>(in.gcount());
    if (got <= 0) {
        return nullptr;
    }
    AVProbeData probe{};
    probe.filename = "";
    probe.buf = buffer.data();
    probe.buf_size = got;
    *score = 0;
    return av_probe_input_format2(&probe, 1, score);
}

struct ProbeResult {
    VideoInfo info;
    InputFormatPtr fmt; ///< still at the start of the data; null if counting consumed it
    int stream = -1;
    bool isSequence = false;
    bool framesKnown = false;      ///< `info.frames` is exact (header trusted or fully counted)
    std::vector<int64_t> ptsTable; ///< sorted presentation times of all frames, if counted
    bool ptsTableComplete = false;
};

/// Opens the container and analyses its streams. Throws the typed InputData errors.
InputFormatPtr openInput(const std::string& path, Deadline& deadline, bool* isSequence)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        throw inputError(path, "file not found", ErrorCode::FileNotFound);
    }
    std::string url = path;
    const AVInputFormat* forced = nullptr;
    AVDictionary* options = nullptr;
    *isSequence = fs::is_directory(status);
    if (*isSequence) {
        if (!fs::exists(fs::path(path) / kSequenceFirst, ec)) {
            throw inputError(
                path, std::string("folder holds no image sequence (no ") + kSequenceFirst + ")",
                ErrorCode::UnrecognizedFormat);
        }
        url = (fs::path(path) / kSequencePattern).string();
        forced = av_find_input_format("image2");
    } else {
        if (!fs::is_regular_file(status)) {
            // A FIFO or device would block in open() itself, where no interrupt callback can
            // reach; only regular files and folders are read.
            throw inputError(path, "not a regular file", ErrorCode::UnrecognizedFormat);
        }
        const auto size = fs::file_size(path, ec);
        if (ec) {
            throw inputError(path, "cannot read file: " + ec.message(), ErrorCode::FileNotFound);
        }
        if (size == 0) {
            throw inputError(path, "file is empty (0 bytes)", ErrorCode::EmptyFile);
        }
    }

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw) {
        throw std::bad_alloc();
    }
    raw->interrupt_callback = deadline.callback();
    deadline.arm(kOpenTimeoutS);
    const int ret = avformat_open_input(&raw, url.c_str(), forced, &options);
    av_dict_free(&options);
    if (ret < 0) {
        // avformat_open_input frees the context on failure.
        if (deadline.expired()) {
            throw inputError(path, "timed out opening the file", ErrorCode::Truncated);
        }
        if (ret == AVERROR(ENOENT)) {
            throw inputError(path, "file not found", ErrorCode::FileNotFound);
        }
        if (ret == AVERROR(EACCES) || ret == AVERROR(EPERM)) {
            throw inputError(path, "cannot open: permission denied", ErrorCode::FileNotFound);
        }
        int score = 0;
        const AVInputFormat* sniffed = sniffFormat(path, &score);
        if (sniffed && score >= AVPROBE_SCORE_MAX / 4) {
            throw inputError(path,
                             std::string("looks like ") + sniffed->name +
                                 " but cannot be opened (" + errorString(ret) +
                                 "): the file is incomplete or damaged",
                             ErrorCode::Truncated);
        }
        throw inputError(path, "not a recognized video format (" + errorString(ret) + ")",
                         ErrorCode::UnrecognizedFormat);
    }
    InputFormatPtr fmt(raw);

    // Refuse absurd sizes from the header before stream analysis opens a decoder on them.
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        const AVCodecParameters* par = fmt->streams[i]->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && (par->width != 0 || par->height != 0) &&
            !sizeAcceptable(par->width, par->height)) {
            throw inputError(path,
                             "header claims an absurd frame size " + std::to_string(par->width) +
                                 "x" + std::to_string(par->height) + " (limit " +
                                 std::to_string(kMaxSide) + " per side)",
                             ErrorCode::BadDimensions);
        }
    }

    deadline.arm(kOpenTimeoutS);
    const int infoRet = avformat_find_stream_info(fmt.get(), nullptr);
    if (deadline.expired()) {
        throw inputError(path, "timed out analysing the streams", ErrorCode::Truncated);
    }
    if (infoRet < 0) {
        // Not fatal: a damaged file may still have usable stream parameters; the checks below
        // and the decoder decide.
        vd::log::get("media")->warn("'{}': stream analysis failed: {}", path, errorString(infoRet));
    }
    return fmt;
}

/// Picks the video stream to decode (not cover art) and discards the others.
int selectStream(AVFormatContext* fmt, const std::string& path)
{
    const int best = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    int chosen = -1;
    int audio = 0;
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        const AVStream* st = fmt->streams[i];
        if (st->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) {
            ++audio;
        }
        if (st->codecpar->codec_type != AVMEDIA_TYPE_VIDEO ||
            (st->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
            continue;
        }
        if (chosen < 0 || static_cast<int>(i) == best) {
            chosen = static_cast<int>(i);
        }
    }
    if (chosen < 0) {
        throw inputError(path, audio > 0 ? "no video stream (audio only)" : "no video stream",
                         ErrorCode::NoVideoStream);
    }
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        fmt->streams[i]->discard =
            static_cast<int>(i) == chosen ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    }
    const AVCodecParameters* par = fmt->streams[chosen]->codecpar;
    if (!avcodec_find_decoder(par->codec_id)) {
        throw inputError(path,
                         std::string("no decoder for codec ") + avcodec_get_name(par->codec_id),
                         ErrorCode::UnsupportedCodec);
    }
    if (!sizeAcceptable(par->width, par->height)) {
        throw inputError(path,
                         "bad frame size " + std::to_string(par->width) + "x" +
                             std::to_string(par->height),
                         ErrorCode::BadDimensions);
    }
    return chosen;
}

int rotationOf(const AVStream* st)
{
    // FFmpeg 5.1 keeps the display matrix as stream side data (no codecpar->coded_side_data).
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
    double ccw = 0.0;
    if (matrix && size >= 9 * sizeof(int32_t)) {
        ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
        if (std::isnan(ccw)) {
            ccw = 0.0;
        }
    } else if (const AVDictionaryEntry* tag = av_dict_get(st->metadata, "rotate", nullptr, 0)) {
        ccw = -std::atof(tag->value);
    }
    // The matrix stores a counter-clockwise angle; players rotate clockwise by its negation.
    const long cw = std::lround(-ccw / 90.0) * 90;
    return static_cast<int>(((cw % 360) + 360) % 360);
}

/// Frame durations differ noticeably: more than 2% of the steps stray from the median step by
/// more than a tick and 10%. (A rounding jitter of one tick, as in a 30 fps GIF in 1/100 s
/// units, is still constant rate.)
bool looksVariable(const std::vector<int64_t>& sortedPts)
{
    if (sortedPts.size() < 3) {
        return false;
    }
    std::vector<int64_t> steps;
    steps.reserve(sortedPts.size());
    for (size_t i = 1; i < sortedPts.size(); ++i) {
        steps.push_back(sortedPts[i] - sortedPts[i - 1]);
    }
    std::vector<int64_t> sorted = steps;
    std::nth_element(sorted.begin(),
                     sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    const int64_t median = sorted[sorted.size() / 2];
    const double tolerance = std::max(1.0, 0.1 * static_cast<double>(median));
    size_t off = 0;
    for (int64_t s : steps) {
        if (std::abs(static_cast<double>(s - median)) > tolerance) {
            ++off;
        }
    }
    return static_cast<double>(off) > 0.02 * static_cast<double>(steps.size());
}

/// Probes `path`. With `wantTable`, a variable-frame-rate file is always counted so that frame
/// indices can be mapped to timestamps.
ProbeResult probeImpl(const std::string& path, Deadline& deadline, bool wantTable)
{
    installAvLogRouting();
    ProbeResult result;
    result.fmt = openInput(path, deadline, &result.isSequence);
    AVFormatContext* fmt = result.fmt.get();
    result.stream = selectStream(fmt, path);
    const AVStream* st = fmt->streams[result.stream];
    const AVCodecParameters* par = st->codecpar;

    VideoInfo& info = result.info;
    info.path = path;
    info.container = fmt->iformat->name;
    const AVCodec* decoder = avcodec_find_decoder(par->codec_id);
    info.codec = decoder ? decoder->name : avcodec_get_name(par->codec_id);
    const auto pixFmt = static_cast<AVPixelFormat>(par->format);
    if (const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(pixFmt)) {
        info.pixelFormat = desc->name;
        info.hasAlpha = (desc->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
        info.bitDepth = desc->comp[0].depth;
    }
    info.width = par->width;
    info.height = par->height;
    info.rotationDeg = rotationOf(st);
    const bool swap = info.rotationDeg == 90 || info.rotationDeg == 270;
    info.displayWidth = swap ? info.height : info.width;
    info.displayHeight = swap ? info.width : info.height;

    AVRational rate = st->avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0) {
        rate = st->r_frame_rate;
    }
    if (rate.num > 0 && rate.den > 0) {
        av_reduce(&rate.num, &rate.den, rate.num, rate.den, 1 << 30);
        info.fps = Rational{rate.num, rate.den};
    }
    if (st->duration != AV_NOPTS_VALUE && st->duration > 0) {
        info.durationS = static_cast<double>(st->duration) * av_q2d(st->time_base);
    } else if (fmt->duration != AV_NOPTS_VALUE && fmt->duration > 0) {
        info.durationS = static_cast<double>(fmt->duration) / AV_TIME_BASE;
    }

    if (isImageDemuxer(info.container) && !result.isSequence) {
        throw inputError(path, "is a still image (" + info.codec + "), not a video",
                         ErrorCode::StillImage);
    }

    // A header frame count is trusted when it agrees with duration x rate; webm, gif, mkv and
    // raw streams have none, and some muxers write a wrong one.
    bool count = st->nb_frames <= 0;
    if (!count && info.fps.valid() && info.durationS > 0.0) {
        const double expected = info.durationS * info.fps.toDouble();
        count =
            std::abs(static_cast<double>(st->nb_frames) - expected) > std::max(2.0, 0.1 * expected);
    }
    const AVRational r = st->r_frame_rate;
    if (!count && r.num > 0 && r.den > 0 && info.fps.valid()) {
        // Real and average rates disagree: variable frame rate.
        info.variableFrameRate = std::abs(av_q2d(r) / info.fps.toDouble() - 1.0) > 0.01;
        count = wantTable && info.variableFrameRate;
    }
    info.frames = st->nb_frames;
    result.framesKnown = !count && info.frames > 0;

    if (count) {
        AVFormatContext* f = fmt;
        PacketPtr packet = makePacket();
        int64_t packets = 0;
        bool complete = true;
        bool timestampsComplete = true;
        const auto start = std::chrono::steady_clock::now();
        const auto limit = std::chrono::duration<double>(kCountTimeoutS);
        int retries = 0;
        for (;;) {
            deadline.arm(kReadTimeoutS);
            const int ret = av_read_frame(f, packet.get());
            if (ret == AVERROR(EAGAIN) && ++retries < kMaxRetriedReads) {
                continue;
            }
            if (ret < 0) {
                if (ret != AVERROR_EOF) {
                    vd::log::get("media")->warn("'{}': demuxing stopped after {} frames: {}", path,
                                                packets, errorString(ret));
                }
                break;
            }
            PacketUnref unref(packet.get());
            if (packet->stream_index != result.stream || (packet->flags & AV_PKT_FLAG_DISCARD)) {
                continue;
            }
            ++packets;
            const int64_t ts = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
            if (ts == AV_NOPTS_VALUE) {
                timestampsComplete = false;
            } else if (timestampsComplete) {
                result.ptsTable.push_back(ts);
            }
            if ((packets & 255) == 0 && std::chrono::steady_clock::now() - start > limit) {
                complete = false;
                break;
            }
        }
        std::sort(result.ptsTable.begin(), result.ptsTable.end());
        result.ptsTableComplete = complete && timestampsComplete &&
                                  static_cast<int64_t>(result.ptsTable.size()) == packets;
        if (result.ptsTableComplete) {
            info.variableFrameRate = looksVariable(result.ptsTable);
        } else {
            result.ptsTable.clear();
        }
        if (complete) {
            info.frames = packets;
            info.framesCounted = true;
            result.framesKnown = true;
        } else {
            vd::log::get("media")->warn("'{}': frame counting stopped after {} s; estimating", path,
                                        kCountTimeoutS);
            info.frames =
                std::max<int64_t>(packets, std::llround(info.durationS * info.fps.toDouble()));
        }
        // The demuxer is at the end now; the reader opens the file again.
        result.fmt.reset();
    }

    if (!info.fps.valid() && info.frames > 0 && info.durationS > 0.0) {
        const AVRational q = av_d2q(static_cast<double>(info.frames) / info.durationS, 1 << 16);
        info.fps = Rational{q.num, q.den};
    }
    if (info.durationS <= 0.0 && info.fps.valid()) {
        info.durationS = static_cast<double>(info.frames) / info.fps.toDouble();
    }
    if (info.frames <= 0) {
        throw inputError(path, "video stream holds no frames", ErrorCode::Truncated, 0);
    }
    const bool animatedContainer =
        info.container == "gif" || info.container == "apng" || info.container == "webp";
    if (info.frames == 1 && animatedContainer) {
        throw inputError(path, "is a still image (a single " + info.codec + " frame), not a video",
                         ErrorCode::StillImage);
    }
    return result;
}

enum class IndexMode {
    Pts,   ///< constant rate: index = (pts - first pts) x fps
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

    // Decoding state.
    bool havePending = false; ///< `frame` holds a decoded frame not yet returned
    int64_t pendingIndex = -1;
    int64_t pendingPts = AV_NOPTS_VALUE;
    int64_t lastIndex = -1; ///< index of the last frame the decoder produced
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
    int rotation = 0;
    SwsPtr sws;
    int swsSrcW = 0, swsSrcH = 0, swsSrcFmt = -1, swsSpace = -1, swsRange = -1;
    std::vector<uint8_t> scaled;  ///< scaler output when it cannot write the destination directly
    std::vector<uint8_t> rotated; ///< composited frame before rotation

    void open(InputFormatPtr probed, int probedStream);
    bool fetch();
    bool decodeNext();
    void assignIndex();
    void noteBadPacket(int err);
    bool endOfStream();
    void skipTo(int64_t target);
    bool seekDemuxer(int64_t target);
    void restart();
    void convert(const AVFrame* src, uint8_t* dst);
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

    havePending = false;
    pendingIndex = -1;
    lastIndex = -1;
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
        index = av_rescale_q(ts - startPts, timeBase, AVRational{info.fps.den, info.fps.num});
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

bool VideoReader::Impl::endOfStream()
{
    if (endReported) {
        return false;
    }
    endReported = true;
    // Frames dropped in the middle leave gaps in timestamp-derived indices: count them when
    // the decode ran from the start.
    const int64_t produced = contiguous ? framesProduced : lastIndex + 1;
    const int64_t good = firstBadIndex >= 0 ? std::min(firstBadIndex, produced) : produced;
    // One frame of slack: edit lists and encoder delay can hide a frame the header counts.
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
    return false;
}

void VideoReader::Impl::restart()
{
    sws.reset(); // the decoder may pick another output format
    swsSrcFmt = -1;
    fmt.reset();
    decoder.reset();
    open(nullptr, -1);
}

void VideoReader::Impl::skipTo(int64_t target)
{
    for (;;) {
        if (!fetch()) {
            endOfStream(); // throws Truncated/DecodeFailed when the file is damaged
            throw inputError(path,
                             "cannot seek to frame " + std::to_string(target) +
                                 ": the stream has " + std::to_string(lastIndex + 1) + " frames",
                             ErrorCode::SeekOutOfRange);
        }
        // Past the target only when a frame is missing (a timestamp gap): stop at the next one.
        if (pendingIndex >= target) {
            return;
        }
        havePending = false;
    }
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
        havePending = false;
        flushed = false;
        endReported = false;
        lastIndex = -1;
        consecutiveBad = 0;
        if (!fetch()) {
            return false;
        }
        if (mode == IndexMode::Count) {
            return false; // timestamps vanished: indices after a seek are unknown
        }
        if (pendingIndex <= target) {
            skipTo(target);
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

void VideoReader::Impl::convert(const AVFrame* src, uint8_t* dst)
{
    if (!sizeAcceptable(src->width, src->height)) {
        throw inputError(path,
                         "decoded frame has a bad size " + std::to_string(src->width) + "x" +
                             std::to_string(src->height),
                         ErrorCode::BadDimensions);
    }
    const bool swap = rotation == 90 || rotation == 270;
    const int preW = swap ? outH : outW;
    const int preH = swap ? outW : outH;

    auto srcFmt = static_cast<AVPixelFormat>(src->format);
    int range = src->color_range == AVCOL_RANGE_JPEG ? 1 : 0;
    // The yuvj* formats are full-range yuv*: give swscale the plain format and the range flag
    // (it warns about the deprecated names otherwise).
    switch (srcFmt) {
    case AV_PIX_FMT_YUVJ420P:
        srcFmt = AV_PIX_FMT_YUV420P;
        range = 1;
        break;
    case AV_PIX_FMT_YUVJ422P:
        srcFmt = AV_PIX_FMT_YUV422P;
        range = 1;
        break;
    case AV_PIX_FMT_YUVJ444P:
        srcFmt = AV_PIX_FMT_YUV444P;
        range = 1;
        break;
    case AV_PIX_FMT_YUVJ440P:
        srcFmt = AV_PIX_FMT_YUV440P;
        range = 1;
        break;
    case AV_PIX_FMT_YUVJ411P:
        srcFmt = AV_PIX_FMT_YUV411P;
        range = 1;
        break;
    default:
        break;
    }
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(srcFmt);
    if (!desc) {
        throw inputError(path, "decoder produced an unknown pixel format", ErrorCode::DecodeFailed);
    }
    const bool alpha = (desc->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
    int space = SWS_CS_DEFAULT;
    switch (src->colorspace) {
    case AVCOL_SPC_BT709:
        space = SWS_CS_ITU709;
        break;
    case AVCOL_SPC_FCC:
        space = SWS_CS_FCC;
        break;
    case AVCOL_SPC_SMPTE240M:
        space = SWS_CS_SMPTE240M;
        break;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        space = SWS_CS_BT2020;
        break;
    default:
        break; // unspecified: BT.601, as the ffmpeg command assumes
    }

    if (!sws || src->width != swsSrcW || src->height != swsSrcH || srcFmt != swsSrcFmt ||
        space != swsSpace || range != swsRange) {
        const bool shrink =
            preW <= src->width && preH <= src->height && (preW < src->width || preH < src->height);
        int flags = shrink ? SWS_AREA : SWS_BICUBIC;
        // Near or above the chroma resolution, interpolate chroma per pixel and round exactly;
        // far below it the area filter averages chroma anyway and these only cost time.
        if (2 * preW > src->width) {
            flags |= SWS_FULL_CHR_H_INT | SWS_ACCURATE_RND;
        }
        const AVPixelFormat dstFmt = alpha ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24;
        sws.reset(sws_getContext(src->width, src->height, srcFmt, preW, preH, dstFmt, flags,
                                 nullptr, nullptr, nullptr));
        if (!sws) {
            throw inputError(path,
                             std::string("cannot convert pixel format ") + desc->name + " to RGB",
                             ErrorCode::DecodeFailed);
        }
        sws_setColorspaceDetails(sws.get(), sws_getCoefficients(space), range,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        swsSrcW = src->width;
        swsSrcH = src->height;
        swsSrcFmt = srcFmt;
        swsSpace = space;
        swsRange = range;
    }

    const int bpp = alpha ? 4 : 3;
    const int tightStride = preW * bpp;
    // swscale is fastest (and silent) with 16-byte aligned rows; scale into our own aligned
    // buffer when the destination is not.
    const bool direct = !alpha && rotation == 0 && tightStride % 16 == 0 &&
                        reinterpret_cast<uintptr_t>(dst) % 16 == 0;
    uint8_t* out = dst;
    int outStride = tightStride;
    if (!direct) {
        outStride = (tightStride + 31) & ~31;
        scaled.resize(static_cast<size_t>(outStride) * preH + 64);
        const auto base = reinterpret_cast<uintptr_t>(scaled.data());
        out = scaled.data() + ((32 - base % 32) % 32);
    }
    uint8_t* planes[4] = {out, nullptr, nullptr, nullptr};
    int strides[4] = {outStride, 0, 0, 0};
    sws_scale(sws.get(), src->data, src->linesize, 0, src->height, planes, strides);
    if (direct) {
        return;
    }

    uint8_t* rgb = rotation == 0 ? dst : nullptr;
    if (rotation != 0) {
        rotated.resize(static_cast<size_t>(preW) * preH * 3);
        rgb = rotated.data();
    }
    if (alpha) {
        compositeOverBlack(out, outStride, preW, preH, rgb);
    } else {
        for (int y = 0; y < preH; ++y) {
            std::memcpy(rgb + static_cast<size_t>(y) * preW * 3,
                        out + static_cast<size_t>(y) * outStride, static_cast<size_t>(preW) * 3);
        }
    }
    if (rotation != 0) {
        rotateRGB(rgb, preW, preH, rotation, dst);
    }
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
    ProbeResult probed = probeImpl(path, d.deadline, true);
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

    d.rotation = options.applyRotation ? d.info.rotationDeg : 0;
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

    d.open(std::move(probed.fmt), probed.stream);
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
    ProbeResult result = probeImpl(path, deadline, false);
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
    if (!d.fetch()) {
        return d.endOfStream();
    }
    frame.width = d.outW;
    frame.height = d.outH;
    frame.index = d.pendingIndex;
    frame.timeS = d.timeOf(d.pendingPts, d.pendingIndex);
    frame.rgb.resize(static_cast<size_t>(d.outW) * d.outH * 3);
    d.havePending = false;
    d.convert(d.frame.get(), frame.rgb.data());
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
    if (d.havePending && d.pendingIndex == index) {
        return;
    }
    const int64_t next = d.havePending ? d.pendingIndex : d.lastIndex + 1;
    if (index >= next && index - next <= kForwardDecodeLimit && !d.endReported) {
        d.skipTo(index);
        return;
    }
    if (d.mode != IndexMode::Count && d.seekDemuxer(index)) {
        return;
    }
    // No timestamps to trust, or the demuxer cannot seek: decode from the start.
    d.restart();
    d.skipTo(index);
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
        if (t > 0) {
            // Skip stride-1 frames: decoded (the codec needs them) but never converted.
            for (int s = 1; s < stride; ++s) {
                if (!d.fetch()) {
                    break;
                }
                d.havePending = false;
            }
        }
        if (!d.fetch()) {
            d.endOfStream();
            break;
        }
        d.havePending = false;
        d.convert(d.frame.get(), stack.frame(t));
        stack.frames = t + 1;
    }
    stack.data.resize(frameBytes * static_cast<size_t>(stack.frames));
    return stack;
}

} // namespace vd
