// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/FrameImages.h"

#include <cstring>

namespace vd::ui {
namespace {

QImage rgbToImage(const uint8_t* rgb, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        std::memcpy(image.scanLine(y), rgb + static_cast<size_t>(y) * width * 3,
                    static_cast<size_t>(width) * 3);
    }
    return image;
}

} // namespace

QImage frameToImage(const FrameStack& frames, int t)
{
    if (t < 0 || t >= frames.frames || frames.width <= 0 || frames.height <= 0) {
        return {};
    }
    return rgbToImage(frames.frame(t), frames.width, frames.height);
}

QVector<QImage> framesToImages(const FrameStack& frames)
{
    QVector<QImage> images;
    images.reserve(frames.frames);
    for (int t = 0; t < frames.frames; ++t) {
        images.push_back(frameToImage(frames, t));
    }
    return images;
}

QImage frameToImage(const Frame& frame)
{
    if (frame.width <= 0 || frame.height <= 0 ||
        frame.rgb.size() < static_cast<size_t>(frame.width) * frame.height * 3) {
        return {};
    }
    return rgbToImage(frame.rgb.data(), frame.width, frame.height);
}

FrameStack imagesToFrames(const QVector<QImage>& images)
{
    FrameStack stack;
    if (images.isEmpty()) {
        return stack;
    }
    stack.width = images.front().width();
    stack.height = images.front().height();
    stack.frames = static_cast<int>(images.size());
    stack.data.resize(static_cast<size_t>(stack.frames) * stack.width * stack.height * 3);
    for (int t = 0; t < stack.frames; ++t) {
        QImage image = images[t].convertToFormat(QImage::Format_RGB888);
        if (image.size() != QSize(stack.width, stack.height)) {
            image = image.scaled(stack.width, stack.height);
        }
        for (int y = 0; y < stack.height; ++y) {
            std::memcpy(stack.frame(t) + static_cast<size_t>(y) * stack.width * 3,
                        image.constScanLine(y), static_cast<size_t>(stack.width) * 3);
        }
    }
    return stack;
}

} // namespace vd::ui
