// SPDX-License-Identifier: GPL-3.0-or-later
// Errors a user can read: util/TorchError turns torch's exceptions into one-line vd::Errors that
// name what was being done, without torch's C++ backtrace, and leaves vd::Error and foreign types
// alone; the façades the studio and the CLI call (StageRun, SampleGenerator) report a real torch
// failure that way, to their caller and to the training observer.
#include "util/TorchError.h"

#include "project/Project.h"
#include "project/SampleGenerator.h"
#include "project/StageRun.h"
#include "project/detail/VAETask.h"
#include "train/TrainerObserver.h"
#include "util/Error.h"
#include "util/Safetensors.h"

#include "common/TrainedProject.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

/// A message a user can read: one line, no C++ backtrace frames.
bool readable(const std::string& message)
{
    return !message.empty() && message.find('\n') == std::string::npos &&
           message.find("Exception raised from") == std::string::npos &&
           message.find("frame #") == std::string::npos;
}

QByteArray shown(const std::string& message)
{
    return QByteArray::fromStdString("got: " + message);
}

/// The error the call throws, translated with `context`.
template <class F> vd::Error errorOf(const std::string& context, F&& f)
{
    try {
        vd::translateTorchErrors(context, std::forward<F>(f));
    } catch (const vd::Error& e) {
        return e;
    }
    return vd::Error(vd::ErrorKind::Usage, "nothing thrown");
}

struct ErrorRecorder final : vd::TrainerObserver {
    std::vector<std::string> errors;
    void onError(const std::string& message) override { errors.push_back(message); }
};

struct NotAnError {};

} // namespace

class tst_TorchErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstLine_data();
    void firstLine();
    void torchErrorBecomesOneLine();
    void otherExceptions();
    void vdErrorAndForeignTypesPassThrough();
    void returnsTheResult();
    void trainingReportsOneLine();
    void samplingReportsOneLine();

private:
    /// A tiny demo project with both models trained for two steps and its latent cache, made
    /// once; "" when making it failed.
    QString trainedProject();
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
};

QString tst_TorchErrors::trainedProject()
{
    if (m_project.isEmpty()) {
        const QString base = qEnvironmentVariable("VD_TEST_TMP", QDir::tempPath());
        QDir().mkpath(base);
        m_dir = std::make_unique<QTemporaryDir>(base + "/torcherrors-XXXXXX");
        // As few steps as give a checkpoint of each model and the latent cache; no judge.
        m_project = vdtest::makeTrainedProject(m_dir->path(), true, 8,
                                               {{"/vae/train/steps", 2},
                                                {"/vae/train/checkpoint_every", 2},
                                                {"/vae/train/preview_every", 0},
                                                {"/diffusion/train/steps", 2},
                                                {"/diffusion/train/checkpoint_every", 2},
                                                {"/diffusion/train/preview_every", 0},
                                                {"/diffusion/judge/every", 0}});
    }
    return m_project;
}

void tst_TorchErrors::firstLine_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one line") << "shapes differ"
                              << "shapes differ";
    QTest::newRow("backtrace after") << "shapes differ\nException raised from foo at bar.cpp:1"
                                     << "shapes differ";
    QTest::newRow("leading blank lines") << "\n  \nshapes differ  \nmore"
                                         << "shapes differ";
    QTest::newRow("CRLF") << "shapes differ\r\nmore"
                          << "shapes differ";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("blank") << " \n\t\n"
                           << "";
}

void tst_TorchErrors::firstLine()
{
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(vd::firstLine(message.toStdString())), expected);
}

void tst_TorchErrors::torchErrorBecomesOneLine()
{
    // A real c10::Error from an op: matrices whose shapes cannot be multiplied.
    const vd::Error e = errorOf("multiplying", [] {
        return torch::ones({2, 3}).matmul(torch::ones({4, 5}));
    });
    const std::string message = e.what();
    QVERIFY2(readable(message), shown(message).constData());
    QVERIFY2(message.rfind("multiplying: torch: ", 0) == 0, shown(message).constData());
    QVERIFY2(message.size() > std::string("multiplying: torch: ").size(),
             shown(message).constData());
    QCOMPARE(e.kind(), vd::ErrorKind::Runtime);
    QCOMPARE(vd::exitCodeFor(e.kind()), 4);
}

void tst_TorchErrors::otherExceptions()
{
    const vd::Error oom = errorOf("encoding", [] { throw std::bad_alloc(); });
    QCOMPARE(std::string(oom.what()), std::string("encoding: out of memory"));
    QCOMPARE(oom.kind(), vd::ErrorKind::Runtime);
    QCOMPARE(oom.code(), vd::ErrorCode::OutOfMemory);

    const vd::Error other =
        errorOf("writing", [] { throw std::runtime_error("disk gone\nsecond line"); });
    QCOMPARE(std::string(other.what()), std::string("writing: disk gone"));
    QCOMPARE(other.kind(), vd::ErrorKind::Runtime);
}

void tst_TorchErrors::vdErrorAndForeignTypesPassThrough()
{
    // vd::Error already names the file or key: kind, code and message stay as they are.
    const vd::Error kept = errorOf("sampling", [] {
        throw vd::Error(vd::ErrorKind::InputData, "a.vdproj: no VAE checkpoint",
                        vd::ErrorCode::FileNotFound);
    });
    QCOMPARE(std::string(kept.what()), std::string("a.vdproj: no VAE checkpoint"));
    QCOMPARE(kept.kind(), vd::ErrorKind::InputData);
    QCOMPARE(kept.code(), vd::ErrorCode::FileNotFound);

    // A caller's own control-flow type (a stop, a cancel) reaches the caller unchanged.
    bool caught = false;
    try {
        vd::translateTorchErrors("sampling", [] { throw NotAnError{}; });
    } catch (const NotAnError&) {
        caught = true;
    }
    QVERIFY(caught);
}

void tst_TorchErrors::returnsTheResult()
{
    QCOMPARE(vd::translateTorchErrors("adding", [] { return 2 + 3; }), 5);
    int calls = 0;
    vd::translateTorchErrors("counting", [&calls] { ++calls; });
    QCOMPARE(calls, 1);
}

void tst_TorchErrors::trainingReportsOneLine()
{
    // A latent cache of float64 latents (its fingerprint still matches, so the run uses it): the
    // denoiser's float32 convolutions refuse them, a torch error in the middle of the first step.
    const QString path = trainedProject();
    QVERIFY(!path.isEmpty());
    vd::Project project = vd::Project::load(path.toStdString());
    const std::string cachePath = vd::VAETask::latentCachePath(project);
    {
        const vd::SafetensorsFile cache = vd::SafetensorsFile::open(cachePath);
        vd::NamedTensors tensors = cache.tensors();
        for (auto& [name, tensor] : tensors) {
            if (name != "labels") {
                tensor = tensor.to(torch::kFloat64);
            }
        }
        vd::SafetensorsFile::write(cachePath, tensors, cache.metadata());
    }
    project.diffusion.train.precision = "float32"; // autocast would cast the latents for it
    ErrorRecorder observer;
    vd::StageRunOptions options;
    options.device = "cpu";
    options.steps = 3; // one step past the checkpoint of the two trained
    vd::StageRun run(project, vd::Stage::Diffusion, &observer, options);
    std::string message;
    try {
        run.run(vd::StartMode::Resume);
        QFAIL("training on float64 latents did not fail");
    } catch (const vd::Error& e) {
        message = e.what();
        QVERIFY2(e.kind() == vd::ErrorKind::Runtime, shown(message).constData());
    }
    qInfo("%s", message.c_str());
    QVERIFY2(readable(message), shown(message).constData());
    QVERIFY2(message.rfind("training: torch: ", 0) == 0, shown(message).constData());
    // The studio's Training panel shows what the observer got: the same line.
    QCOMPARE(observer.errors.size(), size_t(1));
    QCOMPARE(observer.errors.front(), message);
}

void tst_TorchErrors::samplingReportsOneLine()
{
    // Four million clips of 8192 x 8192 pixels: the sampler's first noise tensor would take a
    // petabyte, more than any address space, so the allocation fails at once (it never touches
    // memory, whatever the machine's overcommit setting).
    const QString path = trainedProject();
    QVERIFY(!path.isEmpty());
    vd::Project project = vd::Project::load(path.toStdString());
    project.dataset.width = 8192;
    project.dataset.height = 8192;
    vd::SampleGenerator generator(project, "cpu");
    vd::SampleRequest request;
    request.sampling = project.sampling;
    request.label = generator.everyLabel().front();
    request.count = 1 << 22;
    std::string message;
    try {
        generator.generate(request);
        QFAIL("sampling a petabyte of latents did not fail");
    } catch (const vd::Error& e) {
        message = e.what();
        QVERIFY2(e.kind() == vd::ErrorKind::Runtime, shown(message).constData());
    }
    qInfo("%s", message.c_str());
    QVERIFY2(readable(message), shown(message).constData());
    QVERIFY2(message.rfind("sampling: torch: ", 0) == 0, shown(message).constData());
}

QTEST_APPLESS_MAIN(tst_TorchErrors)
#include "tst_TorchErrors.moc"
