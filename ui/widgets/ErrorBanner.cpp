// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace vd::ui {

ErrorBanner::ErrorBanner(QWidget* parent) : QWidget(parent)
{
    m_label = new QLabel;
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setStyleSheet(
        QStringLiteral("QLabel { background: #f8d7da; color: #721c24; border: 1px solid #e0a0a8;"
                       " border-radius: 3px; padding: 6px; }"));
    auto* close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    setVisible(false);
    connect(close, &QToolButton::clicked, this, &ErrorBanner::dismiss);
}

void ErrorBanner::showError(const QString& message)
{
    m_label->setText(message);
    setVisible(true);
}

void ErrorBanner::dismiss()
{
    m_label->clear();
    setVisible(false);
}

QString ErrorBanner::text() const
{
    return m_label->text();
}

} // namespace vd::ui
