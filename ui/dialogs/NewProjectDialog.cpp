// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/NewProjectDialog.h"

#include "data/DemoDataset.h"
#include "project/Project.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <exception>

namespace vd::ui {
namespace {

QWidget* withBrowse(QLineEdit* edit, QPushButton* button)
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

NewProjectDialog::NewProjectDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("New Project"));
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("e.g. ~/videos/shapes.vdproj"));
    m_data = new QLineEdit(this);
    m_data->setPlaceholderText(tr("a folder of videos; subfolders are labels"));
    auto* browsePath = new QPushButton(tr("Browse…"), this);
    auto* browseData = new QPushButton(tr("Browse…"), this);
    m_preset = new QComboBox(this);
    m_preset->addItem(tr("Demo: 64×64, trains in minutes on a CPU"), QStringLiteral("demo"));
    m_preset->addItem(tr("Small: 128×128, trains in an hour on a CPU"), QStringLiteral("small"));
    m_preset->addItem(tr("Base: full-size models, for a GPU"), QStringLiteral("base"));
    m_presetInfo = new QLabel(this);
    m_presetInfo->setWordWrap(true);
    m_makeDemo = new QCheckBox(tr("Write the built-in demo dataset (moving shapes) into the folder"),
                               this);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto* form = new QFormLayout;
    form->addRow(tr("Project file:"), withBrowse(m_path, browsePath));
    form->addRow(tr("Dataset folder:"), withBrowse(m_data, browseData));
    form->addRow(QString(), m_makeDemo);
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(QString(), m_presetInfo);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);
    updatePresetInfo(); // before sizing: the text takes two lines
    resize(620, sizeHint().height());

    connect(browsePath, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("New Project"), m_path->text(), tr("VDStudio projects (*.vdproj)"));
        if (!path.isEmpty()) {
            setProjectPath(path.endsWith(QLatin1String(".vdproj")) ? path
                                                                   : path + ".vdproj");
        }
    });
    connect(browseData, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Dataset Folder"), m_data->text());
        if (!dir.isEmpty()) {
            setDataDir(dir);
        }
    });
    connect(m_path, &QLineEdit::textChanged, this, &NewProjectDialog::updateState);
    connect(m_data, &QLineEdit::textChanged, this, &NewProjectDialog::updateState);
    connect(m_makeDemo, &QCheckBox::toggled, this, &NewProjectDialog::updateState);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &NewProjectDialog::updatePresetInfo);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewProjectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewProjectDialog::reject);
    connect(&m_demoWatcher, &QFutureWatcher<QString>::finished, this,
            &NewProjectDialog::demoDataWritten);
    connect(&m_demoWatcher, &QFutureWatcher<QString>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    updateState();
}

QString NewProjectDialog::projectPath() const
{
    return m_path->text().trimmed();
}

QString NewProjectDialog::dataDir() const
{
    return m_data->text().trimmed();
}

QString NewProjectDialog::preset() const
{
    return m_preset->currentData().toString();
}

void NewProjectDialog::setProjectPath(const QString& path)
{
    m_path->setText(path);
}

void NewProjectDialog::setDataDir(const QString& dir)
{
    m_data->setText(dir);
}

void NewProjectDialog::setMakeDemoData(bool on, int clips)
{
    m_demoClips = clips;
    m_makeDemo->setChecked(on);
}

void NewProjectDialog::updatePresetInfo()
{
    // The figures the project file will get: Project::fromPreset is plain settings, no torch.
    const Project p = Project::fromPreset(preset().toStdString());
    const TrainConfig& vae = p.vae.train;
    const TrainConfig& denoiser = p.diffusion.train;
    if (vae.maxMinutes > 0.0 && denoiser.maxMinutes > 0.0) {
        m_presetInfo->setText(
            tr("Clips of %1×%2 pixels and %3 frames. The VAE trains for up to %4 minutes or %5 "
               "steps, the denoiser for up to %6 minutes or %7 steps.")
                .arg(p.dataset.width)
                .arg(p.dataset.height)
                .arg(p.dataset.frames)
                .arg(vae.maxMinutes)
                .arg(vae.steps)
                .arg(denoiser.maxMinutes)
                .arg(denoiser.steps));
    } else {
        m_presetInfo->setText(tr("Clips of %1×%2 pixels and %3 frames. The VAE trains for %4 "
                                 "steps and the denoiser for %5 steps.")
                                  .arg(p.dataset.width)
                                  .arg(p.dataset.height)
                                  .arg(p.dataset.frames)
                                  .arg(vae.steps)
                                  .arg(denoiser.steps));
    }
}

void NewProjectDialog::updateState()
{
    QString problem;
    if (projectPath().isEmpty()) {
        problem = tr("Choose where to save the project file.");
    } else if (dataDir().isEmpty()) {
        problem = tr("Choose the folder with the training videos.");
    } else if (!m_makeDemo->isChecked() && !QFileInfo(dataDir()).isDir()) {
        problem = tr("The dataset folder %1 does not exist.").arg(dataDir());
    } else if (QFileInfo::exists(projectPath())) {
        problem = tr("%1 exists and will be overwritten.").arg(projectPath());
    }
    m_message->setText(problem);
    const bool busy = m_demoWatcher.isRunning();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!busy && !projectPath().isEmpty() && !dataDir().isEmpty() &&
                     (m_makeDemo->isChecked() || QFileInfo(dataDir()).isDir()));
}

void NewProjectDialog::accept()
{
    if (!m_makeDemo->isChecked()) {
        QDialog::accept();
        return;
    }
    // The demo clips are encoded with FFmpeg: a job for a worker thread, not the UI thread.
    m_progress->setRange(0, m_demoClips);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_message->setText(tr("Writing %1 demo clips…").arg(m_demoClips));
    const std::string dir = dataDir().toStdString();
    const int clips = m_demoClips;
    // At the preset's resolution: the small preset's 128x128 clips drawn at 64x64 and scaled
    // up would train it on blurred outlines.
    const int size = Project::fromPreset(preset().toStdString()).dataset.width;
    m_demoWatcher.setFuture(QtConcurrent::run([dir, clips, size](QPromise<QString>& promise) {
        promise.setProgressRange(0, clips);
        try {
            DemoOptions options;
            options.clips = clips;
            options.size = size;
            makeDemoDataset(dir, options,
                            [&promise](int done, int) { promise.setProgressValue(done); });
            promise.addResult(QString());
        } catch (const std::exception& e) {
            promise.addResult(QString::fromStdString(e.what()));
        }
    }));
    updateState();
}

void NewProjectDialog::demoDataWritten()
{
    const QString error = m_demoWatcher.future().resultCount() > 0 ? m_demoWatcher.result()
                                                                   : tr("cancelled");
    m_progress->setVisible(false);
    updateState();
    if (!error.isEmpty()) {
        m_message->setText(tr("Could not write the demo dataset: %1").arg(error));
        return;
    }
    m_makeDemo->setChecked(false); // written; accepting again must not rewrite it
    QDialog::accept();
}

} // namespace vd::ui
