// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/InspectorControlBar.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace vd::ui {

namespace {

/// Marks clip files opened by hand (kept when the dataset's clips are listed again).
constexpr int kOpenedByHandRole = Qt::UserRole + 1;

QString stepLabel(int64_t step, bool newest)
{
    return newest ? InspectorControlBar::tr("step %1 (newest)").arg(step)
                  : InspectorControlBar::tr("step %1").arg(step);
}

} // namespace

InspectorControlBar::InspectorControlBar(QWidget* parent) : QWidget(parent)
{
    m_checkpointCombo = new QComboBox;
    m_checkpointCombo->setToolTip(tr("VAE checkpoint to inspect (EMA weights when saved)"));
    m_checkpointCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_compareCombo = new QComboBox;
    m_compareCombo->setToolTip(tr("A second checkpoint to inspect on the same clip"));
    m_compareCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_showA = new QRadioButton(tr("Show A"));
    m_showB = new QRadioButton(tr("Show B"));
    m_showA->setToolTip(tr("Show the first checkpoint's result"));
    m_showB->setToolTip(tr("Show the comparison checkpoint's result"));
    m_showA->setChecked(true);
    m_showGroup = new QButtonGroup(this);
    m_showGroup->addButton(m_showA, 0);
    m_showGroup->addButton(m_showB, 1);
    m_refreshButton = new QPushButton(tr("Refresh"));
    m_refreshButton->setToolTip(tr("Read the checkpoints, clips and metrics again"));

    m_clipCombo = new QComboBox;
    m_clipCombo->setMinimumContentsLength(24);
    m_clipCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_clipCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_browseButton = new QPushButton(tr("Open File…"));
    m_frameSlider = new QSlider(Qt::Horizontal);
    m_frameSlider->setMinimumWidth(120);
    m_frameSpin = new QSpinBox;
    m_normCheck = new QCheckBox(tr("Latent normalization"));
    m_normCheck->setToolTip(tr("Show the latents after the VAE's per-channel normalization, as "
                               "the diffusion model sees them"));
    m_sharedCheck = new QCheckBox(tr("Shared colour scale"));
    m_sharedCheck->setToolTip(tr("One colour range for all channels (symmetric around 0) "
                                 "instead of one per channel (centred on its mean)"));

    auto* row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Checkpoint A:")));
    row1->addWidget(m_checkpointCombo);
    row1->addSpacing(12);
    row1->addWidget(new QLabel(tr("Compare with B:")));
    row1->addWidget(m_compareCombo);
    row1->addWidget(m_showA);
    row1->addWidget(m_showB);
    row1->addStretch(1);
    row1->addWidget(m_normCheck);
    row1->addWidget(m_sharedCheck);
    row1->addWidget(m_refreshButton);

    auto* row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Clip:")));
    row2->addWidget(m_clipCombo, 1);
    row2->addWidget(m_browseButton);
    row2->addSpacing(12);
    row2->addWidget(new QLabel(tr("Frame:")));
    row2->addWidget(m_frameSlider);
    row2->addWidget(m_frameSpin);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row1);
    layout->addLayout(row2);

    connect(m_checkpointCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (!m_updating) {
            Q_EMIT checkpointChanged();
        }
    });
    connect(m_compareCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (m_updating) {
            return;
        }
        const bool comparing = m_compareCombo->currentIndex() > 0;
        m_showB->setEnabled(comparing);
        if (!comparing) {
            m_showA->setChecked(true);
        }
        Q_EMIT compareChanged(comparing);
    });
    connect(m_showGroup, &QButtonGroup::idClicked, this,
            [this](int id) { Q_EMIT showComparedClicked(id == 1); });
    connect(m_clipCombo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        if (!m_updating) {
            Q_EMIT clipChanged();
        }
    });
    connect(m_browseButton, &QPushButton::clicked, this, &InspectorControlBar::openFileClicked);
    connect(m_refreshButton, &QPushButton::clicked, this, &InspectorControlBar::refreshClicked);
    connect(m_frameSlider, &QSlider::valueChanged, this, [this](int v) { setFrame(v); });
    connect(m_frameSpin, qOverload<int>(&QSpinBox::valueChanged), this,
            [this](int v) { setFrame(v); });
    connect(m_normCheck, &QCheckBox::toggled, this, &InspectorControlBar::normalizationToggled);
    connect(m_sharedCheck, &QCheckBox::toggled, this, &InspectorControlBar::sharedScaleToggled);

    m_showB->setEnabled(false);
    disableFrames();
}

void InspectorControlBar::setCheckpoints(
    const std::vector<std::pair<int64_t, std::string>>& newestFirst)
{
    const QString previousA = checkpointA();
    const QString previousB = checkpointB();
    m_updating = true;
    m_checkpointCombo->clear();
    m_compareCombo->clear();
    m_compareCombo->addItem(tr("none"), QString());
    for (size_t i = 0; i < newestFirst.size(); ++i) {
        const QString label = stepLabel(newestFirst[i].first, i == 0);
        const QString path = QString::fromStdString(newestFirst[i].second);
        m_checkpointCombo->addItem(label, path);
        m_compareCombo->addItem(label, path);
    }
    const int a = m_checkpointCombo->findData(previousA);
    // A new checkpoint while the newest was shown: follow it.
    m_checkpointCombo->setCurrentIndex(a > 0 ? a : (m_checkpointCombo->count() > 0 ? 0 : -1));
    const int b = m_compareCombo->findData(previousB);
    m_compareCombo->setCurrentIndex(b > 0 ? b : 0);
    m_showB->setEnabled(m_compareCombo->currentIndex() > 0);
    if (m_compareCombo->currentIndex() <= 0) {
        m_showA->setChecked(true);
    }
    m_checkpointCombo->setEnabled(m_checkpointCombo->count() > 0);
    m_compareCombo->setEnabled(m_checkpointCombo->count() > 1);
    m_updating = false;
}

QStringList InspectorControlBar::checkpointPaths() const
{
    QStringList out;
    for (int i = 0; i < m_checkpointCombo->count(); ++i) {
        out.push_back(m_checkpointCombo->itemData(i).toString());
    }
    return out;
}

QString InspectorControlBar::checkpointA() const
{
    return m_checkpointCombo->currentData().toString();
}

QString InspectorControlBar::checkpointB() const
{
    return m_compareCombo->currentData().toString();
}

void InspectorControlBar::setCheckpoint(int index)
{
    m_checkpointCombo->setCurrentIndex(index);
}

void InspectorControlBar::setCompareCheckpoint(int index)
{
    m_compareCombo->setCurrentIndex(index < 0 ? 0 : index + 1);
}

void InspectorControlBar::checkShown(bool compared)
{
    (compared ? m_showB : m_showA)->setChecked(true);
}

void InspectorControlBar::setClips(const QStringList& paths, const QStringList& labels)
{
    const QString current = currentClip();
    m_updating = true;
    // Files opened by hand stay in the list after the dataset's clips.
    QStringList extraPaths;
    QStringList extraLabels;
    for (int i = 0; i < m_clipCombo->count(); ++i) {
        const QString path = m_clipCombo->itemData(i).toString();
        if (m_clipCombo->itemData(i, kOpenedByHandRole).toBool() && !paths.contains(path)) {
            extraPaths.push_back(path);
            extraLabels.push_back(m_clipCombo->itemText(i));
        }
    }
    m_clipCombo->clear();
    for (int i = 0; i < paths.size(); ++i) {
        m_clipCombo->addItem(labels[i], paths[i]);
        m_clipCombo->setItemData(i, paths[i], Qt::ToolTipRole);
    }
    for (int i = 0; i < extraPaths.size(); ++i) {
        m_clipCombo->addItem(extraLabels[i], extraPaths[i]);
        const int row = m_clipCombo->count() - 1;
        m_clipCombo->setItemData(row, true, kOpenedByHandRole);
        m_clipCombo->setItemData(row, extraPaths[i], Qt::ToolTipRole);
    }
    const int index = m_clipCombo->findData(current);
    m_clipCombo->setCurrentIndex(index >= 0 ? index : (m_clipCombo->count() > 0 ? 0 : -1));
    m_updating = false;
}

void InspectorControlBar::selectClip(const QString& path)
{
    m_updating = true;
    int index = m_clipCombo->findData(path);
    if (index < 0) {
        m_clipCombo->addItem(QFileInfo(path).fileName(), path);
        index = m_clipCombo->count() - 1;
        m_clipCombo->setItemData(index, true, kOpenedByHandRole);
        m_clipCombo->setItemData(index, path, Qt::ToolTipRole);
    }
    m_clipCombo->setCurrentIndex(index);
    m_updating = false;
}

void InspectorControlBar::clearClips()
{
    m_updating = true;
    m_clipCombo->clear();
    m_updating = false;
}

QStringList InspectorControlBar::clipPaths() const
{
    QStringList out;
    for (int i = 0; i < m_clipCombo->count(); ++i) {
        out.push_back(m_clipCombo->itemData(i).toString());
    }
    return out;
}

QString InspectorControlBar::currentClip() const
{
    return m_clipCombo->currentData().toString();
}

void InspectorControlBar::setFrameCount(int frames)
{
    m_updating = true;
    m_frameSlider->setRange(0, std::max(0, frames - 1));
    m_frameSpin->setRange(0, std::max(0, frames - 1));
    m_frameSlider->setEnabled(frames > 1);
    m_frameSpin->setEnabled(frames > 1);
    m_updating = false;
}

void InspectorControlBar::disableFrames()
{
    m_frameSlider->setEnabled(false);
    m_frameSpin->setEnabled(false);
}

int InspectorControlBar::frame() const
{
    return m_frameSlider->value();
}

void InspectorControlBar::setFrame(int frame)
{
    if (m_updating) {
        return;
    }
    m_updating = true;
    m_frameSlider->setValue(frame);
    m_frameSpin->setValue(m_frameSlider->value());
    m_updating = false;
    Q_EMIT frameChanged(m_frameSlider->value());
}

bool InspectorControlBar::latentNormalization() const
{
    return m_normCheck->isChecked();
}

void InspectorControlBar::setLatentNormalization(bool on)
{
    m_normCheck->setChecked(on);
}

bool InspectorControlBar::sharedScale() const
{
    return m_sharedCheck->isChecked();
}

void InspectorControlBar::setSharedScale(bool shared)
{
    m_sharedCheck->setChecked(shared);
}

} // namespace vd::ui
