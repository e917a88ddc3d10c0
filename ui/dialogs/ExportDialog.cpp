// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/ExportDialog.h"

#include <QButtonGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace vd::ui {

namespace {

/// A file-name-safe form of a caption ("circle #2" → "circle-2").
QString fileStem(const QString& caption, int index)
{
    QString stem = caption;
    stem.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
    stem.remove(QRegularExpression(QStringLiteral("^[-.]+|-+$")));
    return stem.isEmpty() ? QStringLiteral("clip-%1").arg(index + 1) : stem;
}

} // namespace

ExportDialog::ExportDialog(const QVector<QVector<QImage>>& clips, const QStringList& captions,
                           int currentClip, QWidget* parent)
    : QDialog(parent), m_clips(clips), m_captions(captions),
      m_currentClip(std::clamp(currentClip, 0, std::max(0, static_cast<int>(clips.size()) - 1)))
{
    setWindowTitle(tr("Export Clips"));
    m_defaultFolder = QDir::homePath();

    const QString current = m_currentClip < m_captions.size() ? m_captions[m_currentClip]
                                                              : tr("clip %1").arg(m_currentClip + 1);
    m_currentRadio = new QRadioButton(tr("Current clip (%1)").arg(current), this);
    m_allRadio = new QRadioButton(tr("All %n clip(s) of the grid, into a folder", nullptr,
                                     static_cast<int>(m_clips.size())),
                                  this);
    m_currentRadio->setChecked(true);
    m_allRadio->setEnabled(m_clips.size() > 1);
    auto* scope = new QButtonGroup(this);
    scope->addButton(m_currentRadio);
    scope->addButton(m_allRadio);

    m_formatCombo = new QComboBox(this);
    m_formatCombo->addItem(tr("MP4 (H.264)"), static_cast<int>(vd::VideoFormat::MP4));
    m_formatCombo->addItem(tr("WebM (VP9)"), static_cast<int>(vd::VideoFormat::WebM));
    m_formatCombo->addItem(tr("Animated GIF"), static_cast<int>(vd::VideoFormat::GIF));
    m_formatCombo->addItem(tr("PNG sequence (a folder)"), static_cast<int>(vd::VideoFormat::PNG));

    m_fpsSpin = new QDoubleSpinBox(this);
    m_fpsSpin->setRange(0.5, 120.0);
    m_fpsSpin->setDecimals(2);
    m_fpsSpin->setValue(8.0);
    m_fpsSpin->setSuffix(tr(" fps"));

    m_scaleSpin = new QSpinBox(this);
    m_scaleSpin->setRange(1, 16);
    m_scaleSpin->setValue(1);
    m_scaleSpin->setPrefix(tr("×"));
    m_scaleSpin->setToolTip(tr("Each pixel becomes a block of this size (nearest neighbour)"));

    const int frames = std::max(1, frameCount());
    m_firstSpin = new QSpinBox(this);
    m_firstSpin->setRange(1, frames);
    m_firstSpin->setValue(1);
    m_lastSpin = new QSpinBox(this);
    m_lastSpin->setRange(1, frames);
    m_lastSpin->setValue(frames);
    auto* range = new QWidget(this);
    auto* rangeLayout = new QHBoxLayout(range);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(m_firstSpin);
    rangeLayout->addWidget(new QLabel(tr("to"), range));
    rangeLayout->addWidget(m_lastSpin);
    rangeLayout->addWidget(new QLabel(tr("of %n frame(s)", nullptr, frames), range));
    rangeLayout->addStretch();

    m_pathEdit = new QLineEdit(this);
    m_browseButton = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QWidget(this);
    auto* pathLayout = new QHBoxLayout(pathRow);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    pathLayout->addWidget(m_pathEdit, 1);
    pathLayout->addWidget(m_browseButton);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);

    auto* form = new QFormLayout;
    form->addRow(tr("Clips:"), m_currentRadio);
    form->addRow(QString(), m_allRadio);
    form->addRow(tr("Format:"), m_formatCombo);
    form->addRow(tr("Frame rate:"), m_fpsSpin);
    form->addRow(tr("Scale:"), m_scaleSpin);
    form->addRow(tr("Frames:"), range);
    form->addRow(tr("Save to:"), pathRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_statusLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(640, sizeHint().height());

    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::onExportClicked);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_pathEdit, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::proposePath);
    connect(m_currentRadio, &QRadioButton::toggled, this, &ExportDialog::proposePath);
    connect(m_scaleSpin, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_fpsSpin, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_firstSpin, &QSpinBox::valueChanged, this, [this](int first) {
        m_lastSpin->setMinimum(first);
        updateSummary();
    });
    connect(m_lastSpin, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    proposePath();
}

ExportDialog::~ExportDialog()
{
    cancelExport();
    if (m_thread != nullptr) {
        m_thread->quit();
        m_thread->wait();
    }
}

void ExportDialog::setAllClips(bool all)
{
    (all && m_allRadio->isEnabled() ? m_allRadio : m_currentRadio)->setChecked(true);
}

void ExportDialog::setFormat(vd::VideoFormat format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(static_cast<int>(format)));
}

vd::VideoFormat ExportDialog::format() const
{
    return static_cast<vd::VideoFormat>(m_formatCombo->currentData().toInt());
}

void ExportDialog::setFps(double fps)
{
    m_fpsSpin->setValue(fps);
}

void ExportDialog::setScale(int scale)
{
    m_scaleSpin->setValue(scale);
}

void ExportDialog::setFrameRange(int first, int last)
{
    m_firstSpin->setValue(first + 1);
    m_lastSpin->setValue(last + 1);
}

void ExportDialog::setOutputPath(const QString& path)
{
    m_pathEdit->setText(path);
    m_pathEdited = true;
}

QString ExportDialog::outputPath() const
{
    return m_pathEdit->text().trimmed();
}

void ExportDialog::setDefaultFolder(const QString& folder)
{
    m_defaultFolder = folder;
    if (!m_pathEdited) {
        proposePath();
    }
}

ExportJob ExportDialog::job() const
{
    ExportJob job;
    job.format = format();
    job.fps = m_fpsSpin->value();
    job.scale = m_scaleSpin->value();
    job.firstFrame = m_firstSpin->value() - 1;
    job.lastFrame = m_lastSpin->value() - 1;
    const QString path = QDir::cleanPath(QDir::fromNativeSeparators(outputPath()));
    if (m_allRadio->isChecked()) {
        for (int i = 0; i < m_clips.size(); ++i) {
            job.clips.push_back(m_clips[i]);
            const QString stem = fileStem(i < m_captions.size() ? m_captions[i] : QString(), i);
            job.outputs.push_back(QDir(path).filePath(stem + extension()));
        }
    } else if (m_currentClip < m_clips.size()) {
        job.clips.push_back(m_clips[m_currentClip]);
        job.outputs.push_back(path);
    }
    return job;
}

bool ExportDialog::startExport(QString* error)
{
    QString problem;
    if (isExporting()) {
        problem = tr("An export is already running.");
    } else if (m_clips.isEmpty()) {
        problem = tr("There is no clip to export.");
    } else if (outputPath().isEmpty()) {
        problem = tr("Choose where to save.");
    }
    if (!problem.isEmpty()) {
        m_statusLabel->setText(problem);
        if (error != nullptr) {
            *error = problem;
        }
        return false;
    }
    ExportJob exportJob = job();
    m_written.clear();
    m_thread = new QThread(this);
    auto* worker = new ExportWorker(std::move(exportJob));
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::started, worker, &ExportWorker::run);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &ExportWorker::progress, this, [this](int done, int total) {
        m_progress->setMaximum(std::max(1, total));
        m_progress->setValue(done);
        Q_EMIT exportProgress(done, total);
    });
    connect(worker, &ExportWorker::finished, this, &ExportDialog::onFinished);
    m_progress->setMaximum(std::max(1, worker->totalFrames()));
    m_progress->setValue(0);
    m_statusLabel->setText(tr("Exporting…"));
    setBusy(true);
    m_thread->start();
    return true;
}

void ExportDialog::cancelExport()
{
    if (m_worker) {
        m_worker->cancel();
        m_statusLabel->setText(tr("Cancelling…"));
    }
}

void ExportDialog::reject()
{
    if (isExporting()) {
        cancelExport(); // the dialog stays until the worker has removed its partial file
        return;
    }
    QDialog::reject();
}

void ExportDialog::closeEvent(QCloseEvent* event)
{
    if (isExporting()) {
        cancelExport();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void ExportDialog::onExportClicked()
{
    const ExportJob exportJob = job();
    QStringList existing;
    for (const QString& out : exportJob.outputs) {
        if (QFileInfo::exists(out)) {
            existing << QDir::toNativeSeparators(out);
        }
    }
    if (!existing.isEmpty() &&
        QMessageBox::question(this, tr("Replace Files?"),
                              tr("These already exist and will be replaced:\n%1")
                                  .arg(existing.mid(0, 8).join(QLatin1Char('\n')))) !=
            QMessageBox::Yes) {
        return;
    }
    startExport();
}

void ExportDialog::onFinished(const ExportOutcome& outcome)
{
    m_thread->quit();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_written = outcome.written;
    setBusy(false);
    QString message;
    if (outcome.ok) {
        message = m_written.size() == 1
                      ? tr("Wrote %1").arg(QDir::toNativeSeparators(m_written.front()))
                      : tr("Wrote %n clip(s) to %1", nullptr, static_cast<int>(m_written.size()))
                            .arg(QDir::toNativeSeparators(outputPath()));
    } else if (outcome.cancelled) {
        message = m_written.isEmpty()
                      ? tr("Cancelled; nothing was written.")
                      : tr("Cancelled; %n complete clip(s) were kept.", nullptr,
                           static_cast<int>(m_written.size()));
    } else {
        message = outcome.message;
    }
    m_statusLabel->setText(message);
    Q_EMIT exportFinished(outcome.ok, message);
}

void ExportDialog::browse()
{
    QString path;
    if (m_allRadio->isChecked() || format() == vd::VideoFormat::PNG) {
        path = QFileDialog::getExistingDirectory(this, tr("Export To Folder"), outputPath());
        if (!path.isEmpty() && !m_allRadio->isChecked()) {
            // A PNG sequence of one clip goes into a new folder inside the chosen one.
            path = QDir(path).filePath(QFileInfo(outputPath()).fileName());
        }
    } else {
        const QString filter = format() == vd::VideoFormat::MP4    ? tr("MP4 video (*.mp4)")
                               : format() == vd::VideoFormat::WebM ? tr("WebM video (*.webm)")
                                                                   : tr("GIF animation (*.gif)");
        path = QFileDialog::getSaveFileName(this, tr("Export Clip"), outputPath(), filter, nullptr,
                                            QFileDialog::DontConfirmOverwrite);
    }
    if (!path.isEmpty()) {
        setOutputPath(QDir::toNativeSeparators(path));
    }
}

void ExportDialog::proposePath()
{
    if (m_pathEdited) {
        // Keep the user's folder and name; follow the format's extension.
        if (!m_allRadio->isChecked()) {
            const QFileInfo info(outputPath());
            const QString base = info.path() + QLatin1Char('/') + info.completeBaseName();
            m_pathEdit->setText(QDir::toNativeSeparators(base + extension()));
        }
        updateSummary();
        return;
    }
    QString path;
    if (m_allRadio->isChecked()) {
        path = QDir(m_defaultFolder).filePath(QStringLiteral("samples"));
    } else {
        const QString caption =
            m_currentClip < m_captions.size() ? m_captions[m_currentClip] : QString();
        path = QDir(m_defaultFolder).filePath(fileStem(caption, m_currentClip) + extension());
    }
    m_pathEdit->setText(QDir::toNativeSeparators(path));
    updateSummary();
}

void ExportDialog::updateSummary()
{
    if (m_clips.isEmpty() || m_clips[m_currentClip].isEmpty()) {
        m_summaryLabel->setText(tr("There is no clip to export."));
        return;
    }
    const QImage& first = m_clips[m_currentClip].front();
    const int scale = m_scaleSpin->value();
    const int frames = m_lastSpin->value() - m_firstSpin->value() + 1;
    m_summaryLabel->setText(tr("%1 × %2 pixels, %n frame(s) at %3 fps (%4 s)", nullptr, frames)
                                .arg(first.width() * scale)
                                .arg(first.height() * scale)
                                .arg(m_fpsSpin->value(), 0, 'g', 4)
                                .arg(frames / m_fpsSpin->value(), 0, 'f', 2));
}

void ExportDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_exportButton->setEnabled(!busy);
    m_closeButton->setText(busy ? tr("Cancel") : tr("Close"));
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_currentRadio, m_allRadio, m_formatCombo, m_fpsSpin, m_scaleSpin, m_firstSpin,
             m_lastSpin, m_pathEdit, m_browseButton}) {
        w->setEnabled(!busy && (w != m_allRadio || m_clips.size() > 1));
    }
}

int ExportDialog::frameCount() const
{
    int frames = 0;
    for (const auto& clip : m_clips) {
        frames = std::max(frames, static_cast<int>(clip.size()));
    }
    return frames;
}

QString ExportDialog::extension() const
{
    return QString::fromLatin1(vd::formatExtension(format()));
}

} // namespace vd::ui
