// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace vd {
struct ClipInspection;
}

namespace vd::ui {

/// The Inspector's verdict lines: the shown checkpoint's blob verdict and its reason on a
/// background of the verdict's colour (or why the inspection failed), and, when two checkpoints
/// were inspected, one line comparing their verdicts, top blob scores and PSNR.
///
/// Threads: UI thread only.
class InspectionVerdictView final : public QWidget {
    Q_OBJECT
public:
    explicit InspectionVerdictView(QWidget* parent = nullptr);

    /// Shows the verdict of `shown` ("A" or "B" after `showingB`); with `a` and `b` both set,
    /// the comparison line too.
    void showVerdict(const vd::ClipInspection& shown, bool showingB, const vd::ClipInspection* a,
                     const vd::ClipInspection* b);
    /// Shows that the inspection failed with `error`.
    void showFailure(const QString& error);
    void clear();
    /// The verdict line as shown.
    QString verdictText() const;

private:
    QLabel* m_verdictLabel = nullptr;
    QLabel* m_compareLabel = nullptr;
};

} // namespace vd::ui
