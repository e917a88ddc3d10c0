// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

namespace vd {
struct ClipInspection;
}

namespace vd::ui {

class FrameView;

/// The Inspector's "Clip" box: one frame of the inspected clip, its reconstruction (with the
/// PSNR) and the per-pixel error (one sequential colour scale for the whole clip), the
/// localized high-error regions outlined on the last two.
///
/// Threads: UI thread only.
class ReconstructionViews final : public QGroupBox {
    Q_OBJECT
public:
    explicit ReconstructionViews(QWidget* parent = nullptr);

    /// Shows frame `t` of `inspection` (clamped to its frames).
    void showFrame(const vd::ClipInspection& inspection, int t);
    /// Back to the placeholders.
    void clear();

    FrameView* inputView() const { return m_inputView; }
    FrameView* reconstructionView() const { return m_reconView; }
    FrameView* errorView() const { return m_errorView; }

private:
    FrameView* m_inputView = nullptr;
    FrameView* m_reconView = nullptr;
    FrameView* m_errorView = nullptr;
};

} // namespace vd::ui
