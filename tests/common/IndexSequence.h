// SPDX-License-Identifier: GPL-3.0-or-later
// A PNG sequence of index frames (TestUtil.h's indexFrame) written by our own writer: the input
// that media tests re-encode with the ffmpeg command into each codec and container, so that every
// decoded frame can say which frame it is.
#pragma once

#include "TestUtil.h"

#include "media/VideoWriter.h"

#include <QString>

namespace vdtest {

/// Writes `count` index frames of 64x48 as the PNG sequence folder `folder` (frame_%06d.png).
inline void writeIndexSequence(const QString& folder, int count)
{
    vd::VideoWriter writer(folder.toStdString(), 64, 48, vd::VideoFormat::PNG);
    for (int i = 0; i < count; ++i) {
        writer.write(indexFrame(64, 48, i).data());
    }
    writer.finish();
}

} // namespace vdtest
