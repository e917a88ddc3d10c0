// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/InspectionVerdictView.h"

#include "project/ClipInspector.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace vd::ui {

namespace {

QString verdictWord(BlobVerdict v)
{
    switch (v) {
    case BlobVerdict::Clean:
        return InspectionVerdictView::tr("clean");
    case BlobVerdict::Suspicious:
        return InspectionVerdictView::tr("suspicious");
    case BlobVerdict::Blobs:
        return InspectionVerdictView::tr("blobs");
    }
    return {};
}

QString verdictColour(BlobVerdict v)
{
    switch (v) {
    case BlobVerdict::Clean:
        return QStringLiteral("#d8f0d8");
    case BlobVerdict::Suspicious:
        return QStringLiteral("#fbeec2");
    case BlobVerdict::Blobs:
        return QStringLiteral("#f6cccc");
    }
    return {};
}

double topBlobScore(const ClipInspection& x)
{
    double top = 0.0;
    for (const ChannelBlobSummary& c : x.blobs.channels) {
        top = std::max(top, c.score);
    }
    return top;
}

} // namespace

InspectionVerdictView::InspectionVerdictView(QWidget* parent) : QWidget(parent)
{
    m_verdictLabel = new QLabel;
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdictLabel->setMargin(4);
    m_compareLabel = new QLabel;
    m_compareLabel->setWordWrap(true);
    m_compareLabel->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_compareLabel);
}

void InspectionVerdictView::showVerdict(const ClipInspection& r, bool showingB,
                                        const ClipInspection* a, const ClipInspection* b)
{
    QString text = tr("%1 — step %2: %3. %4")
                       .arg(showingB ? tr("B") : tr("A"))
                       .arg(r.step)
                       .arg(verdictWord(r.blobs.verdict).toUpper())
                       .arg(QString::fromStdString(r.blobs.reason));
    if (r.normalized && !r.normCalibrated()) {
        text += QLatin1Char(' ') +
                tr("(This checkpoint's latent normalization is not calibrated yet; the values "
                   "are raw.)");
    }
    m_verdictLabel->setText(text);
    m_verdictLabel->setStyleSheet(
        QStringLiteral("background: %1; color: #141414;").arg(verdictColour(r.blobs.verdict)));
    if (a && b) {
        const auto line = [](const QString& name, const ClipInspection& x) {
            return tr("%1: step %2, %3, max blob score %4, PSNR %5 dB")
                .arg(name)
                .arg(x.step)
                .arg(verdictWord(x.blobs.verdict))
                .arg(topBlobScore(x), 0, 'f', 2)
                .arg(x.psnrDb, 0, 'f', 2);
        };
        m_compareLabel->setText(line(tr("A"), *a) + QStringLiteral("   |   ") + line(tr("B"), *b));
        m_compareLabel->setVisible(true);
    } else {
        m_compareLabel->clear();
        m_compareLabel->setVisible(false);
    }
}

void InspectionVerdictView::showFailure(const QString& error)
{
    m_verdictLabel->setText(tr("Inspection failed: %1").arg(error));
    m_verdictLabel->setStyleSheet(QStringLiteral("background: #f6cccc;"));
}

void InspectionVerdictView::clear()
{
    m_verdictLabel->clear();
    m_verdictLabel->setStyleSheet({});
    m_compareLabel->clear();
    m_compareLabel->setVisible(false);
}

QString InspectionVerdictView::verdictText() const
{
    return m_verdictLabel->text();
}

} // namespace vd::ui
