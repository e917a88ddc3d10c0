// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QPushButton;
class QRadioButton;
class QSlider;
class QSpinBox;

namespace vd::ui {

/// The Inspector's two rows of controls: checkpoint A and a checkpoint B to compare with
/// (newest first), Show A / Show B, latent normalization, a shared colour scale and Refresh;
/// the clip (the dataset's clips, then files opened by hand), Open File and the frame (slider
/// and spin box). Filling the lists and the frame range keeps the selection and emits nothing;
/// a change the user makes, or a setter below, emits the matching signal.
///
/// Threads: UI thread only.
class InspectorControlBar final : public QWidget {
    Q_OBJECT
public:
    explicit InspectorControlBar(QWidget* parent = nullptr);

    /// Fills both checkpoint lists with (step, folder), newest first. A selected checkpoint stays
    /// selected; when the newest (or none) was selected as A, the newest is. Without a
    /// comparison, Show A is checked.
    void setCheckpoints(const std::vector<std::pair<int64_t, std::string>>& newestFirst);
    /// Checkpoint folders, newest first.
    QStringList checkpointPaths() const;
    QString checkpointA() const;
    /// Empty: no comparison.
    QString checkpointB() const;
    bool isComparing() const { return !checkpointB().isEmpty(); }
    /// Selects checkpoint `index` of checkpointPaths() as A.
    void setCheckpoint(int index);
    /// Selects checkpoint `index` of checkpointPaths() as B (-1: no comparison).
    void setCompareCheckpoint(int index);
    /// Checks Show B (`compared`) or Show A.
    void checkShown(bool compared);

    /// Lists the dataset's clips (absolute paths and their labels); files opened by hand stay
    /// after them.
    void setClips(const QStringList& paths, const QStringList& labels);
    /// Selects the clip file `path`, adding it after the others when it is not listed.
    void selectClip(const QString& path);
    void clearClips();
    /// Clip files in the list (absolute paths), dataset clips first.
    QStringList clipPaths() const;
    QString currentClip() const;

    /// Frames 0..frames-1; the frame controls are enabled when there is more than one.
    void setFrameCount(int frames);
    void disableFrames();
    int frame() const;
    /// Shows frame `frame` (clamped to the range) and emits frameChanged.
    void setFrame(int frame);

    bool latentNormalization() const;
    void setLatentNormalization(bool on);
    bool sharedScale() const;
    void setSharedScale(bool shared);

Q_SIGNALS:
    void checkpointChanged();
    /// Checkpoint B changed; `comparing` is false for "none" (Show A is checked then).
    void compareChanged(bool comparing);
    /// Show A (false) or Show B (true) was clicked.
    void showComparedClicked(bool compared);
    void clipChanged();
    void frameChanged(int frame);
    void normalizationToggled(bool on);
    void sharedScaleToggled(bool shared);
    void refreshClicked();
    void openFileClicked();

private:
    QComboBox* m_checkpointCombo = nullptr;
    QComboBox* m_compareCombo = nullptr;
    QRadioButton* m_showA = nullptr;
    QRadioButton* m_showB = nullptr;
    QButtonGroup* m_showGroup = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QComboBox* m_clipCombo = nullptr;
    QPushButton* m_browseButton = nullptr;
    QSlider* m_frameSlider = nullptr;
    QSpinBox* m_frameSpin = nullptr;
    QCheckBox* m_normCheck = nullptr;
    QCheckBox* m_sharedCheck = nullptr;
    bool m_updating = false; ///< filling lists or ranges: no signals
};

} // namespace vd::ui
