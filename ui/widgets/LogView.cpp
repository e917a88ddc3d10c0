// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LogView.h"

#include "LogModel.h"
#include "models/LogFilterModel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QVBoxLayout>

namespace vd::ui {

LogView::LogView(LogModel* log, QWidget* parent) : QGroupBox(tr("Log"), parent)
{
    m_filter = new LogFilterModel(this);
    m_filter->setSourceModel(log);
    m_view = new QListView;
    m_view->setModel(m_filter);
    m_view->setUniformItemSizes(true);
    m_view->setWordWrap(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_view->setFont(mono);
    connect(log, &LogModel::linesAdded, this, [this] {
        QScrollBar* bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2) {
            m_view->scrollToBottom();
        }
    });
    m_view->scrollToBottom();
    auto* logLevel = new QComboBox;
    logLevel->setObjectName(QStringLiteral("logLevel"));
    logLevel->addItem(tr("All messages"), 0);
    logLevel->addItem(tr("Warnings and errors"), 3);
    logLevel->addItem(tr("Errors only"), 4);
    connect(logLevel, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this, logLevel] { m_filter->setMinimumLevel(logLevel->currentData().toInt()); });
    auto* logSearch = new QLineEdit;
    logSearch->setObjectName(QStringLiteral("logSearch"));
    logSearch->setPlaceholderText(tr("Filter log…"));
    logSearch->setClearButtonEnabled(true);
    connect(logSearch, &QLineEdit::textChanged, m_filter, &LogFilterModel::setFilterFixedString);
    auto* logBar = new QHBoxLayout;
    logBar->addWidget(logLevel);
    logBar->addWidget(logSearch, 1);
    auto* logLayout = new QVBoxLayout(this);
    logLayout->setContentsMargins(2, 2, 2, 2);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_view);
}

} // namespace vd::ui
