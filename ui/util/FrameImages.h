// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

#include <QImage>
#include <QVector>

namespace vd::ui {

/// Frame `t` of `frames` as a deep-copied RGB888 QImage (safe to hand to another thread).
QImage frameToImage(const FrameStack& frames, int t);
/// Every frame of `frames` as QImages.
QVector<QImage> framesToImages(const FrameStack& frames);
/// One RGB frame as a QImage (deep copy).
QImage frameToImage(const Frame& frame);
/// The images as a FrameStack (all converted to RGB888 at the first image's size).
FrameStack imagesToFrames(const QVector<QImage>& images);

} // namespace vd::ui
