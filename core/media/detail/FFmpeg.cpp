// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/detail/FFmpeg.h"

#include <new>

namespace vd::media::detail {

FramePtr makeFrame()
{
    FramePtr frame(av_frame_alloc());
    if (!frame) {
        throw std::bad_alloc();
    }
    return frame;
}

PacketPtr makePacket()
{
    PacketPtr packet(av_packet_alloc());
    if (!packet) {
        throw std::bad_alloc();
    }
    return packet;
}

std::string errorString(int errnum)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(errnum, buffer, sizeof(buffer));
    return buffer;
}

int Deadline::check(void* opaque)
{
    auto* self = static_cast<Deadline*>(opaque);
    if (std::chrono::steady_clock::now() > self->m_deadline) {
        self->m_expired = true;
        return 1;
    }
    return 0;
}

} // namespace vd::media::detail
