// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/ExportWorker.h"

#include <QDialog>
#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QVector>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QThread;

namespace vd::ui {

/// Exports the preview's current clip, or every clip of its grid, to MP4, WebM, GIF or a PNG
/// sequence with core's VideoWriter: frames per second, a whole-number nearest-neighbour
/// upscale, a frame range and the output path. The export runs on a worker thread
/// (ExportWorker) with a progress bar and Cancel; a cancelled export leaves no partial file.
/// Errors are shown in the dialog and name the file.
///
/// Threads: UI thread only; the worker thread is its own and is joined before it is destroyed.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    /// `clips` (frames each) with their captions; `currentClip` is the one "current clip" means.
    ExportDialog(const QVector<QVector<QImage>>& clips, const QStringList& captions,
                 int currentClip, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// Settings, also set by the user through the controls.
    void setAllClips(bool all);
    void setFormat(vd::VideoFormat format);
    vd::VideoFormat format() const;
    void setFps(double fps);
    void setScale(int scale);
    /// First and last frame, 0-based and inclusive.
    void setFrameRange(int first, int last);
    /// A file (one clip) or a folder (all clips; a PNG sequence of one clip is a folder too).
    void setOutputPath(const QString& path);
    QString outputPath() const;
    /// The folder proposed outputs go to until the user picks a path.
    void setDefaultFolder(const QString& folder);

    /// The job the settings describe (output paths resolved per clip).
    ExportJob job() const;

    /// Starts the export without asking about files it replaces; false (with the reason shown
    /// and returned in `error`) when the settings are unusable or an export is running.
    bool startExport(QString* error = nullptr);
    void cancelExport();
    bool isExporting() const { return m_thread != nullptr; }
    /// The outputs the last export completed.
    const QStringList& writtenFiles() const { return m_written; }

Q_SIGNALS:
    void exportProgress(int framesDone, int framesTotal);
    /// ok: every output written; otherwise `message` says why (cancelled, or the error naming
    /// the file).
    void exportFinished(bool ok, const QString& message);

protected:
    void reject() override;
    void closeEvent(QCloseEvent* event) override;

private:
    void onExportClicked();
    void onFinished(const vd::ui::ExportOutcome& outcome);
    void browse();
    void updateSummary();
    void proposePath();
    void setBusy(bool busy);
    int frameCount() const;
    QString extension() const;

    QVector<QVector<QImage>> m_clips;
    QStringList m_captions;
    int m_currentClip = 0;
    QString m_defaultFolder;
    bool m_pathEdited = false;
    QStringList m_written;

    QRadioButton* m_currentRadio = nullptr;
    QRadioButton* m_allRadio = nullptr;
    QComboBox* m_formatCombo = nullptr;
    QDoubleSpinBox* m_fpsSpin = nullptr;
    QSpinBox* m_scaleSpin = nullptr;
    QSpinBox* m_firstSpin = nullptr;
    QSpinBox* m_lastSpin = nullptr;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_closeButton = nullptr;

    QThread* m_thread = nullptr;
    QPointer<ExportWorker> m_worker;
};

} // namespace vd::ui
