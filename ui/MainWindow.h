// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace vd::ui {

/// The studio's top-level window. Panels (dataset, training, inspector, preview) arrive with
/// the studio issue; for now it offers the menus and the About box.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Versions of Qt, LibTorch and FFmpeg, one per line (shown in About, printed by --version).
    static QString versionReport();

private Q_SLOTS:
    void showAbout();
};

} // namespace vd::ui
