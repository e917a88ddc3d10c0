// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace vd::ui {

/// A red error banner with a dismiss button (✕), hidden until an error is shown.
///
/// Threads: UI thread only.
class ErrorBanner final : public QWidget {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    /// Shows the banner with `message` (selectable, word-wrapped).
    void showError(const QString& message);
    /// Hides the banner and clears its text.
    void dismiss();
    /// The message shown; empty when hidden.
    QString text() const;

private:
    QLabel* m_label = nullptr;
};

} // namespace vd::ui
