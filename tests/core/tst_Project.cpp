// SPDX-License-Identifier: GPL-3.0-or-later
// The .vdproj project file: presets are valid, a file round-trips exactly, and bad files are
// rejected with a message naming the key (unknown keys, wrong types, out-of-range values,
// settings that contradict each other, a newer version, broken JSON).
#include "project/Project.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vd;

namespace {

/// The error message of loading `j` from a file, or "" when it loads.
QString loadError(const QString& path, const nlohmann::json& j)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return "cannot write fixture";
    }
    f.write(QByteArray::fromStdString(j.dump()));
    f.close();
    try {
        Project::load(path.toStdString());
        return {};
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
}

nlohmann::json demoJson()
{
    return Project::fromPreset("demo");
}

} // namespace

class tst_Project : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presetsAreValid_data();
    void presetsAreValid();
    void unknownPresetIsRejected();
    void roundTrip();
    void missingKeysKeepDefaults();
    void badFilesNameTheKey_data();
    void badFilesNameTheKey();
    void notJsonNamesTheFile();
    void missingFileNamesTheFile();
    void pathsResolveAgainstTheProjectFile();
    void failedSaveKeepsTheFile();
    void absurdBatchIsRefusedBeforeAllocating();

private:
    QTemporaryDir m_dir;
};

void tst_Project::presetsAreValid_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("demo") << "demo";
    QTest::newRow("small") << "small";
    QTest::newRow("base") << "base";
}

void tst_Project::presetsAreValid()
{
    QFETCH(QString, name);
    const Project p = Project::fromPreset(name.toStdString());
    p.validate();
    QCOMPARE(QString::fromStdString(p.preset), name);
    QCOMPARE(p.diffusion.model.latentChannels, p.vae.model.latentChannels);
    QVERIFY(p.vae.train.steps > 0);
    QVERIFY(p.diffusion.train.steps > 0);
}

void tst_Project::unknownPresetIsRejected()
{
    try {
        Project::fromPreset("huge");
        QFAIL("no error");
    } catch (const Error& e) {
        QVERIFY(QString(e.what()).contains("huge"));
        QCOMPARE(e.kind(), ErrorKind::Config);
    }
}

void tst_Project::roundTrip()
{
    Project p = Project::fromPreset("small");
    p.name = "round trip";
    p.dataset.root = "clips";
    p.dataset.heldOut = 0.2;
    p.vae.train.learningRate = 3e-4;
    p.vae.model.decoderNorm = NormKind::Channel;
    p.vae.crop = 64;
    p.diffusion.objective.objective = Objective::V;
    p.sampling.sampler = "ddim";
    p.sampling.eta = 0.5;
    p.diffusion.trainFrames = {4, 16};
    p.diffusion.guideAt = 0.25;
    p.sampling.autoguidance = 1.5;
    p.inspect.blobs.zThreshold = 4.5;
    p.inspect.blobs.polarity = "positive";
    const std::string path = m_dir.filePath("a.vdproj").toStdString();
    p.save(path);
    const Project q = Project::load(path);
    QCOMPARE(nlohmann::json(q).dump(), nlohmann::json(p).dump());
    QCOMPARE(q.filePath, path);
    QCOMPARE(q.vae.model.decoderNorm, NormKind::Channel);
    QCOMPARE(q.vae.crop, 64);
    QCOMPARE(q.diffusion.trainFrames, (std::vector<int>{4, 16}));
    QCOMPARE(q.diffusion.guideAt, 0.25);
    QCOMPARE(q.sampling.autoguidance, 1.5);
    QCOMPARE(q.inspect.blobs.zThreshold, 4.5);
    QCOMPARE(q.inspect.blobs.polarity, std::string("positive"));
}

void tst_Project::missingKeysKeepDefaults()
{
    const nlohmann::json j = {{"format", "vdstudio-project"}, {"version", 1},
                              {"vae", {{"train", {{"steps", 7}}}}}};
    const QString path = m_dir.filePath("partial.vdproj");
    QCOMPARE(loadError(path, j), QString());
    const Project p = Project::load(path.toStdString());
    QCOMPARE(p.vae.train.steps, int64_t(7));
    QCOMPARE(p.vae.train.batchSize, TrainConfig{}.batchSize);
    QCOMPARE(p.dataset.width, DatasetSettings{}.width);
}

void tst_Project::badFilesNameTheKey_data()
{
    QTest::addColumn<QString>("pointer"); // JSON pointer to change
    QTest::addColumn<QString>("value");   // new value as JSON
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown top key") << "/colour" << "1" << "colour";
    QTest::newRow("unknown nested key") << "/vae/train/learning_rat" << "0.1"
                                        << "vae.train.learning_rat";
    QTest::newRow("out of range lr") << "/vae/train/learning_rate" << "-1"
                                     << "vae.train.learning_rate";
    QTest::newRow("wrong type") << "/dataset/width" << "\"wide\"" << "dataset.width";
    QTest::newRow("bad sampler") << "/sampling/sampler" << "\"magic\"" << "sampling.sampler";
    QTest::newRow("sampler does not fit objective") << "/sampling/sampler" << "\"ddim\""
                                                    << "sampling.sampler";
    QTest::newRow("latent channels disagree") << "/diffusion/model/latent_channels" << "8"
                                              << "diffusion.model.latent_channels";
    QTest::newRow("size not divisible") << "/dataset/width" << "60" << "dataset.width";
    QTest::newRow("newer version") << "/version" << "2" << "version";
    QTest::newRow("wrong format") << "/format" << "\"other\"" << "format";
    QTest::newRow("bad device") << "/diffusion/train/device" << "\"tpu\""
                                << "diffusion.train.device";
    QTest::newRow("bad blob threshold") << "/inspect/blobs/z_threshold" << "-2"
                                        << "inspect.blobs.z_threshold";
    QTest::newRow("unknown inspect key") << "/inspect/blob" << "{}" << "inspect.blob";
    QTest::newRow("crop not a multiple of the VAE factor")
        << "/vae/crop" << "30" << "vae.crop";
    QTest::newRow("empty training window") << "/diffusion/train_frames"
                                           << "[0]"
                                           << "diffusion.train_frames";
    QTest::newRow("guide past the end") << "/diffusion/guide_at"
                                        << "1.5"
                                        << "diffusion.guide_at";
    QTest::newRow("autoguidance without a guide") << "/diffusion/guide_at"
                                                  << "0"
                                                  << "sampling.autoguidance";
    QTest::newRow("negative autoguidance") << "/sampling/autoguidance"
                                           << "-1"
                                           << "sampling.autoguidance";
    QTest::newRow("held out too large") << "/dataset/held_out" << "0.9" << "dataset.held_out";
}

void tst_Project::badFilesNameTheKey()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    nlohmann::json j = demoJson();
    j[nlohmann::json::json_pointer(pointer.toStdString())] =
        nlohmann::json::parse(value.toStdString());
    const QString path = m_dir.filePath("bad.vdproj");
    const QString message = loadError(path, j);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.startsWith(path), qPrintable(message)); // names the file too
}

void tst_Project::notJsonNamesTheFile()
{
    const QString path = m_dir.filePath("broken.vdproj");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"vdstudio-project\", \"version\": ");
    f.close();
    try {
        Project::load(path.toStdString());
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY(QString(e.what()).contains(path));
    }
}

void tst_Project::missingFileNamesTheFile()
{
    try {
        Project::load(m_dir.filePath("none.vdproj").toStdString());
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileNotFound);
        QVERIFY(QString(e.what()).contains("none.vdproj"));
    }
}

void tst_Project::pathsResolveAgainstTheProjectFile()
{
    Project p = Project::fromPreset("demo");
    p.dataset.root = "../data";
    const std::string path = m_dir.filePath("sub/p.vdproj").toStdString();
    p.save(path);
    const Project q = Project::load(path);
    QCOMPARE(QString::fromStdString(q.datasetRoot()), QDir::cleanPath(m_dir.filePath("data")));
    QCOMPARE(QString::fromStdString(q.runDir(Stage::VAE)),
             QDir::cleanPath(m_dir.filePath("sub/runs/vae")));
    p.dataset.root = "/abs/data";
    QCOMPARE(QString::fromStdString(p.datasetRoot()), QString("/abs/data"));
}

void tst_Project::absurdBatchIsRefusedBeforeAllocating()
{
    // Each size within its range, together 768 GiB of video for one VAE batch.
    nlohmann::json j = demoJson();
    j["dataset"]["width"] = 4096;
    j["dataset"]["height"] = 4096;
    j["dataset"]["frames"] = 1024;
    j["vae"]["train"]["batch_size"] = 4;
    const QString path = m_dir.filePath("absurd.vdproj");
    const QString message = loadError(path, j);
    QVERIFY2(message.contains("vae.train.batch_size") && message.contains("768 GiB"),
             qPrintable(message));
    // The presets' own sizes pass the same check (presetsAreValid), and so does a large but
    // sane project: 16 clips of 64 frames at 1024x1024 (12 GiB).
    j["dataset"]["width"] = 1024;
    j["dataset"]["height"] = 1024;
    j["dataset"]["frames"] = 64;
    j["vae"]["train"]["batch_size"] = 16;
    j["diffusion"]["train"]["batch_size"] = 16;
    QCOMPARE(loadError(m_dir.filePath("large.vdproj"), j), QString());
}

void tst_Project::failedSaveKeepsTheFile()
{
    Project p = Project::fromPreset("demo");
    const std::string path = m_dir.filePath("kept.vdproj").toStdString();
    p.name = "saved";
    p.save(path);
    const QByteArray saved = vdtest::readBytes(QString::fromStdString(path));
    QVERIFY(saved.contains("\"saved\""));

    // A folder in the way of the new file's name: the save fails after writing the temp file.
    Project q = p;
    const QString blocked = m_dir.filePath("blocked.vdproj");
    QVERIFY(QDir().mkpath(QDir(blocked).filePath("inside")));
    for (const QString& target : {blocked, m_dir.filePath("kept.vdproj/x.vdproj")}) {
        try {
            q.save(target.toStdString());
            QFAIL("saved where no file can be");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::WriteFailed);
            QVERIFY2(QString(e.what()).contains(target), e.what());
        }
    }
    QCOMPARE(q.filePath, p.filePath); // still the file it was saved as
    QCOMPARE(vdtest::readBytes(QString::fromStdString(path)), saved);
    QCOMPARE(QDir(m_dir.path()).entryList({"*.tmp*"}, QDir::AllEntries | QDir::Hidden),
             QStringList());
}

QTEST_APPLESS_MAIN(tst_Project)
#include "tst_Project.moc"
