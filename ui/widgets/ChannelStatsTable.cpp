// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ChannelStatsTable.h"

#include "widgets/HeatmapView.h"

#include "project/ClipInspector.h"

#include <QHeaderView>
#include <QSignalBlocker>

namespace vd::ui {

namespace {

enum Column {
    ColChannel,
    ColMean,
    ColStd,
    ColMin,
    ColMax,
    ColKurtosis,
    ColMaxZ,
    ColTop1,
    ColHighFreq,
    ColBlobs,
    ColScore,
    ColumnCount
};

QTableWidgetItem* numberItem(double value)
{
    auto* item = new QTableWidgetItem(HeatmapView::formatValue(value));
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ChannelStatsTable::ChannelStatsTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Ch"), tr("Mean"), tr("Std"), tr("Min"), tr("Max"),
                               tr("Kurtosis"), tr("Max |z|"), tr("Top 1%"), tr("HF"), tr("Blobs"),
                               tr("Score")});
    const QStringList headerTips{tr("Latent channel"),
                                 tr("Mean over frames and positions"),
                                 tr("Standard deviation"),
                                 tr("Smallest value"),
                                 tr("Largest value"),
                                 tr("Excess kurtosis (0 for a Gaussian; large: heavy tails)"),
                                 tr("Largest |value − mean| / std"),
                                 tr("Share of the channel's energy in its top 1% positions "
                                    "(about 0.085 for Gaussian values)"),
                                 tr("Share of the energy in high spatial frequencies"),
                                 tr("Blobs found"),
                                 tr("Blob score (flagged at the detector's blob_score)")};
    for (int c = 0; c < ColumnCount; ++c) {
        horizontalHeaderItem(c)->setToolTip(headerTips[c]);
    }
    verticalHeader()->setVisible(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
}

void ChannelStatsTable::setInspection(const ClipInspection& r, double flagScore, int selected)
{
    const QSignalBlocker block(this);
    setRowCount(static_cast<int>(r.channelStats.size()));
    for (int row = 0; row < static_cast<int>(r.channelStats.size()); ++row) {
        const ChannelStats& s = r.channelStats[static_cast<size_t>(row)];
        const ChannelBlobSummary& b = r.blobs.channels[static_cast<size_t>(s.channel)];
        auto* channel = new QTableWidgetItem(QString::number(s.channel));
        channel->setTextAlignment(Qt::AlignCenter);
        setItem(row, ColChannel, channel);
        setItem(row, ColMean, numberItem(s.mean));
        setItem(row, ColStd, numberItem(s.std));
        setItem(row, ColMin, numberItem(s.min));
        setItem(row, ColMax, numberItem(s.max));
        setItem(row, ColKurtosis, numberItem(s.excessKurtosis));
        setItem(row, ColMaxZ, numberItem(s.maxAbsZ));
        setItem(row, ColTop1, numberItem(s.top1EnergyShare));
        setItem(row, ColHighFreq, numberItem(s.highFreqEnergyShare));
        auto* blobs = new QTableWidgetItem(QString::number(b.blobs));
        blobs->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, ColBlobs, blobs);
        setItem(row, ColScore, numberItem(b.score));
        // Flagged channels: red at the verdict's score, amber with any blob.
        QColor background;
        QString why;
        if (b.score >= flagScore) {
            background = QColor(246, 204, 204);
            why = tr("Flagged: blob score %1 reaches %2").arg(b.score, 0, 'f', 2).arg(flagScore);
        } else if (b.blobs > 0) {
            background = QColor(251, 238, 194);
            why = tr("%n blob(s), score below %1", "", static_cast<int>(b.blobs)).arg(flagScore);
        }
        for (int col = 0; col < ColumnCount; ++col) {
            QTableWidgetItem* cell = item(row, col);
            if (background.isValid()) {
                cell->setBackground(background);
                cell->setForeground(QColor(20, 20, 20));
                cell->setToolTip(why);
            }
        }
    }
    if (selected >= 0 && selected < rowCount()) {
        selectRow(selected);
    }
}

} // namespace vd::ui
