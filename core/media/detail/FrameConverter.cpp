// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/detail/FrameConverter.h"

#include "media/detail/FrameOps.h"
#include "media/detail/InputError.h"
#include "media/detail/Limits.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <cstring>
#include <utility>

namespace vd::media::detail {

FrameConverter::FrameConverter(std::string path, int outWidth, int outHeight, int rotationDeg)
    : m_path(std::move(path)), m_outW(outWidth), m_outH(outHeight), m_rotation(rotationDeg)
{
}

void FrameConverter::convert(const AVFrame* src, uint8_t* dst)
{
    if (!sizeAcceptable(src->width, src->height)) {
        throw inputError(m_path,
                         "decoded frame has a bad size " + std::to_string(src->width) + "x" +
                             std::to_string(src->height),
                         ErrorCode::BadDimensions);
    }
    const bool swap = m_rotation == 90 || m_rotation == 270;
    const int preW = swap ? m_outH : m_outW;
    const int preH = swap ? m_outW : m_outH;

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
        throw inputError(m_path, "decoder produced an unknown pixel format",
                         ErrorCode::DecodeFailed);
    }
    const bool alpha = (desc->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
    int space = SWS_CS_DEFAULT;
    // Read as a plain int: a bitstream may carry a matrix code no AVColorSpace names (255 in a
    // fuzzed MPEG-2 TS), and loading that as the enum is undefined behaviour.
    int colorspace = 0;
    static_assert(sizeof colorspace == sizeof src->colorspace);
    std::memcpy(&colorspace, &src->colorspace, sizeof colorspace);
    switch (colorspace) {
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

    if (!m_sws || src->width != m_srcW || src->height != m_srcH || srcFmt != m_srcFmt ||
        space != m_space || range != m_range) {
        const bool shrink =
            preW <= src->width && preH <= src->height && (preW < src->width || preH < src->height);
        int flags = shrink ? SWS_AREA : SWS_BICUBIC;
        // Near or above the chroma resolution, interpolate chroma per pixel and round exactly;
        // far below it the area filter averages chroma anyway and these only cost time.
        if (2 * preW > src->width) {
            flags |= SWS_FULL_CHR_H_INT | SWS_ACCURATE_RND;
        }
        const AVPixelFormat dstFmt = alpha ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24;
        m_sws.reset(sws_getContext(src->width, src->height, srcFmt, preW, preH, dstFmt, flags,
                                   nullptr, nullptr, nullptr));
        if (!m_sws) {
            throw inputError(m_path,
                             std::string("cannot convert pixel format ") + desc->name + " to RGB",
                             ErrorCode::DecodeFailed);
        }
        sws_setColorspaceDetails(m_sws.get(), sws_getCoefficients(space), range,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        m_srcW = src->width;
        m_srcH = src->height;
        m_srcFmt = srcFmt;
        m_space = space;
        m_range = range;
    }

    const int bpp = alpha ? 4 : 3;
    const int tightStride = preW * bpp;
    // swscale is fastest (and silent) with 16-byte aligned rows; scale into our own aligned
    // buffer when the destination is not.
    const bool direct = !alpha && m_rotation == 0 && tightStride % 16 == 0 &&
                        reinterpret_cast<uintptr_t>(dst) % 16 == 0;
    uint8_t* out = dst;
    int outStride = tightStride;
    if (!direct) {
        outStride = (tightStride + 31) & ~31;
        m_scaled.resize(static_cast<size_t>(outStride) * preH + 64);
        out = alignTo32(m_scaled.data());
    }
    uint8_t* planes[4] = {out, nullptr, nullptr, nullptr};
    int strides[4] = {outStride, 0, 0, 0};
    sws_scale(m_sws.get(), src->data, src->linesize, 0, src->height, planes, strides);
    if (direct) {
        return;
    }

    uint8_t* rgb = m_rotation == 0 ? dst : nullptr;
    if (m_rotation != 0) {
        m_rotated.resize(static_cast<size_t>(preW) * preH * 3);
        rgb = m_rotated.data();
    }
    if (alpha) {
        compositeOverBlack(out, outStride, preW, preH, rgb);
    } else {
        for (int y = 0; y < preH; ++y) {
            std::memcpy(rgb + static_cast<size_t>(y) * preW * 3,
                        out + static_cast<size_t>(y) * outStride, static_cast<size_t>(preW) * 3);
        }
    }
    if (m_rotation != 0) {
        rotateRGB(rgb, preW, preH, m_rotation, dst);
    }
}

void FrameConverter::reset()
{
    m_sws.reset();
    m_srcFmt = -1;
}

} // namespace vd::media::detail
