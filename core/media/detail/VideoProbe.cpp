// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/detail/VideoProbe.h"

#include "media/detail/AvLog.h"
#include "media/detail/InputError.h"
#include "media/detail/Limits.h"
#include "util/Log.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace vd::media::detail {

namespace fs = std::filesystem;

namespace {

constexpr double kOpenTimeoutS = 30.0;  ///< open + stream analysis
constexpr double kCountTimeoutS = 10.0; ///< counting frames by demuxing in probe()
/// Name of the first frame of a PNG sequence folder (what VideoWriter writes).
constexpr const char* kSequenceFirst = "frame_000000.png";
constexpr const char* kSequencePattern = "frame_%06d.png";

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

/// The median difference of consecutive sorted timestamps (0 for fewer than two).
int64_t medianStep(const std::vector<int64_t>& sortedPts)
{
    if (sortedPts.size() < 2) {
        return 0;
    }
    std::vector<int64_t> steps;
    steps.reserve(sortedPts.size());
    for (size_t i = 1; i < sortedPts.size(); ++i) {
        steps.push_back(sortedPts[i] - sortedPts[i - 1]);
    }
    std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2),
                     steps.end());
    return steps[steps.size() / 2];
}

/// Frame durations differ noticeably: more than 2% of the steps stray from the median step by
/// more than a tick and 10%. (A rounding jitter of one tick, as in a 30 fps GIF in 1/100 s
/// units, is still constant rate.)
bool looksVariable(const std::vector<int64_t>& sortedPts)
{
    if (sortedPts.size() < 3) {
        return false;
    }
    const int64_t median = medianStep(sortedPts);
    const double tolerance = std::max(1.0, 0.1 * static_cast<double>(median));
    size_t off = 0;
    for (size_t i = 1; i < sortedPts.size(); ++i) {
        if (std::abs(static_cast<double>(sortedPts[i] - sortedPts[i - 1] - median)) > tolerance) {
            ++off;
        }
    }
    return static_cast<double>(off) > 0.02 * static_cast<double>(sortedPts.size() - 1);
}

} // namespace

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

ProbeResult probeVideo(const std::string& path, Deadline& deadline, bool wantTable)
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
    // raw streams have none, and some muxers write a wrong one. The stream's own duration is
    // exact (an edit list that drops two frames of 100 shows there and not in the count: the
    // slots of docs/frames.md end with the duration), a container's duration only roughly.
    bool count = st->nb_frames <= 0;
    if (!count && info.fps.valid() && info.durationS > 0.0) {
        const double expected = info.durationS * info.fps.toDouble();
        const double slack = st->duration != AV_NOPTS_VALUE && st->duration > 0
                                 ? 0.5 + 1e-4 * expected
                                 : std::max(2.0, 0.1 * expected);
        count = std::abs(static_cast<double>(st->nb_frames) - expected) > slack;
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
            if (result.ptsTableComplete && packets > 1 && !info.variableFrameRate) {
                // Constant rate: the slots from the first picture's to the last's, which a
                // timestamp gap makes more than the pictures (docs/frames.md). The rate is the
                // timestamps' own where the header's disagrees (a short GIF has none and
                // FFmpeg guesses its time base).
                const int64_t span = result.ptsTable.back() - result.ptsTable.front();
                const double tick = av_q2d(st->time_base);
                const auto median = static_cast<double>(medianStep(result.ptsTable));
                // Within a tick (timestamps are rounded to the time base) the header's stands.
                const double headerStep =
                    info.fps.valid() ? 1.0 / (info.fps.toDouble() * tick) : 0.0;
                if (span > 0 && median > 0.0 &&
                    std::abs(headerStep - median) > 1.0 + 0.01 * median) {
                    const double average = static_cast<double>(span) / (packets - 1);
                    const AVRational q = av_d2q(1.0 / (average * tick), 1 << 16);
                    info.fps = Rational{q.num, q.den};
                }
                info.frames =
                    1 + av_rescale_q(span, st->time_base, AVRational{info.fps.den, info.fps.num});
            }
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

} // namespace vd::media::detail
