// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/SavedPreviews.h"

#include "util/FrameImages.h"

#include "train/Checkpoint.h"
#include "train/PreviewArchive.h"
#include "util/Log.h"

#include <QDir>

#include <exception>

namespace vd::ui {

std::vector<std::string> SavedPreviews::classNames(const QString& checkpointsDir)
{
    std::vector<std::string> labels;
    try {
        if (const auto latest = Checkpoint::findLatest(checkpointsDir.toStdString())) {
            const nlohmann::json config = Checkpoint::readInfo(*latest).config;
            if (config.is_object()) {
                labels = config.value("labels", labels);
            }
        }
    } catch (const std::exception& e) {
        log::get("ui")->warn("class names of saved previews unknown: {}", e.what());
    }
    return labels;
}

QVector<TrainingPreview> SavedPreviews::load(const QString& runDir, Stage stage)
{
    QVector<TrainingPreview> loaded;
    const QString dir = QDir(runDir).filePath(QStringLiteral("samples"));
    // Class names are in the run's checkpoint config.
    const std::vector<std::string> labels =
        classNames(QDir(runDir).filePath(QStringLiteral("checkpoints")));
    for (const SavedPreview& saved : PreviewArchive(dir.toStdString()).latest()) {
        try {
            TrainingPreview preview;
            preview.stage = stage;
            preview.step = saved.step;
            preview.kind = QString::fromStdString(saved.kind);
            preview.label = saved.label;
            if (saved.label >= 0 && saved.label < static_cast<int>(labels.size())) {
                preview.labelName =
                    QString::fromStdString(labels[static_cast<size_t>(saved.label)]);
            }
            preview.index = saved.index;
            preview.frames = framesToImages(PreviewArchive::read(saved));
            loaded << preview;
        } catch (const std::exception& e) {
            log::get("ui")->warn("saved preview {} not shown: {}", saved.path, e.what());
        }
    }
    return loaded;
}

} // namespace vd::ui
