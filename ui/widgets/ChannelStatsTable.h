// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableWidget>

namespace vd {
struct ClipInspection;
}

namespace vd::ui {

/// The Inspector's per-channel latent statistics: one row per channel (mean, std, min, max,
/// excess kurtosis, max |z|, top-1% and high-frequency energy shares, blobs, blob score).
/// Number cells keep their value in Qt::UserRole. Rows whose blob score reaches the detector's
/// flag score are red, rows with any blob amber, with the reason as tool tip. Read-only, one
/// row selectable. UI thread only.
class ChannelStatsTable final : public QTableWidget {
    Q_OBJECT
public:
    explicit ChannelStatsTable(QWidget* parent = nullptr);

    /// Fills the rows from `inspection` (channelStats and blobs.channels), flags rows at
    /// `flagScore` and selects row `selected` when in range. Emits no signal while filling.
    void setInspection(const vd::ClipInspection& inspection, double flagScore, int selected);
};

} // namespace vd::ui
