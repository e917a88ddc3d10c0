// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/VersionInfo.h"

#include "util/Memory.h"

#include <torch/torch.h>
#include <torch/version.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include <sstream>

namespace vd {
namespace {

std::string avVersion(unsigned v)
{
    std::ostringstream s;
    s << AV_VERSION_MAJOR(v) << '.' << AV_VERSION_MINOR(v) << '.' << AV_VERSION_MICRO(v);
    return s.str();
}

} // namespace

std::string libraryVersions()
{
    std::ostringstream s;
    s << "LibTorch " << TORCH_VERSION << " (" << (torch::cuda::is_available() ? "cuda" : "cpu")
      << ")\n"
      << "FFmpeg " << av_version_info() << " (libavformat " << avVersion(avformat_version())
      << ", libavcodec " << avVersion(avcodec_version()) << ", libswscale "
      << avVersion(swscale_version()) << ")\n"
      << "malloc " << allocatorName();
    return s.str();
}

AutoDevice autoDevice()
{
    if (torch::cuda::is_available()) {
        return {true, static_cast<int>(torch::cuda::device_count())};
    }
    return {false, torch::get_num_threads()};
}

} // namespace vd
