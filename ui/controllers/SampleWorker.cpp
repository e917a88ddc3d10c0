// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/SampleWorker.h"

#include "project/ClipJudge.h"
#include "project/SampleGenerator.h"
#include "util/FrameImages.h"

#include <QElapsedTimer>

#include <exception>
#include <stdexcept>

namespace vd::ui {

namespace {

QStringList toStringList(const std::vector<std::string>& names)
{
    QStringList out;
    for (const std::string& name : names) {
        out << QString::fromStdString(name);
    }
    return out;
}

SampleModelInfo infoOf(const vd::SampleGenerator& g)
{
    SampleModelInfo info;
    info.labels = toStringList(g.labels());
    info.samplers = toStringList(g.samplerNames());
    info.objective = QString::fromStdString(g.objectiveName());
    info.frames = g.frames();
    info.width = g.width();
    info.height = g.height();
    info.denoiserCheckpoint = QString::fromStdString(g.denoiserCheckpoint());
    info.denoiserStep = g.denoiserStep();
    info.vaeCheckpoint = QString::fromStdString(g.vaeCheckpoint());
    info.vaeStep = g.vaeStep();
    info.guideCheckpoint = QString::fromStdString(g.guideCheckpoint());
    info.guideStep = g.guideStep();
    info.device = QString::fromStdString(g.deviceName());
    return info;
}

} // namespace

SampleWorker::SampleWorker()
{
    qRegisterMetaType<vd::ui::SampleSettings>();
    qRegisterMetaType<vd::ui::SampleModelInfo>();
    qRegisterMetaType<vd::ui::SampleBatch>();
    qRegisterMetaType<vd::JudgeReport>();
}

SampleWorker::~SampleWorker() = default;

bool SampleWorker::ensureGenerator(const vd::Project& project, const QString& device)
{
    if (m_generator && device == m_device && m_generator->isCurrent(project)) {
        return false;
    }
    m_generator.reset(); // frees the old models before loading new ones
    m_generator = std::make_unique<vd::SampleGenerator>(project, device.toStdString());
    m_device = device;
    return true;
}

void SampleWorker::load(const vd::Project& project, const QString& device)
{
    try {
        ensureGenerator(project, device);
        Q_EMIT modelReady(infoOf(*m_generator));
    } catch (const std::exception& e) {
        m_generator.reset();
        Q_EMIT loadFailed(QString::fromStdString(e.what()));
    }
}

void SampleWorker::generate(const vd::Project& project, const QString& device,
                            const SampleSettings& settings)
{
    m_cancel = false;
    QElapsedTimer timer;
    timer.start();
    try {
        if (ensureGenerator(project, device)) {
            Q_EMIT modelReady(infoOf(*m_generator));
        }
    } catch (const std::exception& e) {
        m_generator.reset();
        Q_EMIT loadFailed(QString::fromStdString(e.what()));
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    try {
        // "All classes" runs one request per class with the same seed: the same noise for
        // every class, so the clips differ by their label only.
        const std::vector<int> labels = settings.label == SampleSettings::kAllLabels
                                            ? m_generator->everyLabel()
                                            : std::vector<int>{settings.label};
        SampleBatch batch;
        batch.settings = settings;
        std::vector<vd::FrameStack> clips;
        std::vector<int> clipLabels;
        const int parts = static_cast<int>(labels.size());
        for (int part = 0; part < parts; ++part) {
            vd::SampleRequest request;
            request.sampling = project.sampling;
            request.sampling.sampler = settings.sampler.toStdString();
            request.sampling.steps = settings.steps;
            request.sampling.guidanceScale = settings.guidanceScale;
            request.sampling.autoguidance = settings.autoguidance;
            request.sampling.seed = settings.seed;
            request.count = settings.count;
            request.label = labels[static_cast<size_t>(part)];
            request.cancel = &m_cancel;
            request.onProgress = [this, part, parts](int step, int total) {
                Q_EMIT progress(part * total + step, parts * total);
            };
            vd::SampleResult result = m_generator->generate(request);
            if (result.cancelled) {
                Q_EMIT cancelled();
                return;
            }
            batch.sampler = QString::fromStdString(result.sampler);
            for (const vd::SampleClip& clip : result.clips) {
                batch.clips.push_back(framesToImages(clip.frames));
                batch.captions.push_back(
                    tr("%1 #%2").arg(QString::fromStdString(clip.labelName)).arg(clip.index + 1));
                batch.temporal.push_back(clip.temporal);
                clips.push_back(clip.frames);
                clipLabels.push_back(clip.label);
            }
        }
        m_lastClips = std::move(clips);
        m_lastLabels = std::move(clipLabels);
        batch.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        Q_EMIT finished(batch);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

void SampleWorker::judge(const vd::Project& project, const QString& device)
{
    try {
        if (m_lastClips.size() < 2) {
            throw std::runtime_error(tr("Sample at least 2 clips to judge them.").toStdString());
        }
        const vd::ClipJudge judge(project, device.toStdString(), [this](const std::string& line) {
            Q_EMIT judgeProgress(QString::fromStdString(line));
        });
        Q_EMIT judged(judge.judge(m_lastClips, m_lastLabels));
    } catch (const std::exception& e) {
        Q_EMIT judgeFailed(QString::fromStdString(e.what()));
    }
}

} // namespace vd::ui
