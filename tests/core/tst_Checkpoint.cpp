// SPDX-License-Identifier: GPL-3.0-or-later
// Checkpoints: a restored model, EMA, AdamW state and RNG continue training bitwise like the
// original; only the last K are kept; temp and half-written folders are never taken for the
// latest; non-finite weights are never saved.
#include "train/Checkpoint.h"
#include "util/Error.h"
#include "util/Safetensors.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

#include <filesystem>

using namespace vd;

namespace {

struct NetImpl : torch::nn::Module {
    NetImpl()
    {
        fc1 = register_module("fc1", torch::nn::Linear(3, 8));
        norm = register_module("norm", torch::nn::BatchNorm1d(8));
        fc2 = register_module("fc2", torch::nn::Linear(8, 2));
    }
    torch::Tensor forward(const torch::Tensor& x) { return fc2(torch::relu(norm(fc1(x)))); }
    torch::nn::Linear fc1{nullptr};
    torch::nn::BatchNorm1d norm{nullptr};
    torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(Net);

/// A model, its EMA and an optimizer, as a trainer holds them.
struct Training {
    explicit Training(bool amsgrad = false, double lr = 1e-2)
        : optimizer(
              model->parameters(),
              torch::optim::AdamWOptions(lr).betas({0.9, 0.99}).weight_decay(0.05).amsgrad(amsgrad))
    {
        torch::NoGradGuard g;
        for (auto& p : ema->parameters()) {
            p.zero_();
        }
    }

    /// One optimizer step on random data (drawn from torch's default generator) and an EMA update.
    void step()
    {
        const torch::Tensor x = torch::randn({6, 3});
        const torch::Tensor target = torch::randn({6, 2});
        optimizer.zero_grad();
        const torch::Tensor loss = torch::mse_loss(model->forward(x), target);
        loss.backward();
        optimizer.step();
        torch::NoGradGuard g;
        const auto src = model->parameters();
        auto dst = ema->parameters();
        for (size_t i = 0; i < src.size(); ++i) {
            dst[i].mul_(0.9).add_(src[i], 0.1);
        }
    }

    CheckpointParts parts() { return {model.get(), ema.get(), &optimizer}; }

    Net model;
    Net ema;
    torch::optim::AdamW optimizer;
};

bool sameTensors(torch::nn::Module& a, torch::nn::Module& b)
{
    const auto pa = a.named_parameters();
    const auto pb = b.named_parameters();
    for (const auto& item : pa) {
        if (!torch::equal(item.value(), pb[item.key()])) {
            return false;
        }
    }
    const auto ba = a.named_buffers();
    const auto bb = b.named_buffers();
    for (const auto& item : ba) {
        if (!torch::equal(item.value(), bb[item.key()])) {
            return false;
        }
    }
    return true;
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

bool copyDir(const QString& from, const QString& to)
{
    std::error_code ec;
    std::filesystem::copy(from.toStdString(), to.toStdString(),
                          std::filesystem::copy_options::recursive, ec);
    return !ec;
}

} // namespace

class tst_Checkpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resumeIsBitwiseIdentical_data();
    void resumeIsBitwiseIdentical();
    void keepsLastK();
    void latestIgnoresTempAndHalfWritten();
    void nonFiniteIsNeverSaved_data();
    void nonFiniteIsNeverSaved();
    void wrongModelIsRejected();
    void resavingAStepReplacesIt();
    void modelFileIsPlainSafetensors();

private:
    QString dir(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_Checkpoint::initTestCase()
{
    torch::set_num_threads(1);
    QVERIFY(m_dir.isValid());
}

void tst_Checkpoint::resumeIsBitwiseIdentical_data()
{
    QTest::addColumn<bool>("amsgrad");
    QTest::newRow("adamw") << false;
    QTest::newRow("adamw amsgrad") << true;
}

void tst_Checkpoint::resumeIsBitwiseIdentical()
{
    QFETCH(bool, amsgrad);
    const QString root = dir(QString("resume-%1").arg(amsgrad));
    torch::manual_seed(42);
    Training original(amsgrad);
    for (int i = 0; i < 3; ++i) {
        original.step();
    }
    const nlohmann::json config = {{"model", {{"channels", 8}}}, {"lr", 0.01}};
    const nlohmann::json extra = {{"metrics_step", 3}, {"sampler_cursor", 17}};
    const std::string saved =
        Checkpoint::save(root.toStdString(), original.parts(), 3, config, extra, 3);
    QCOMPARE(QString::fromStdString(saved), QDir(root).filePath("step-3"));
    for (const char* f :
         {"model.safetensors", "ema.safetensors", "optimizer.safetensors", "state.json"}) {
        QVERIFY2(QFile::exists(QDir(QString::fromStdString(saved)).filePath(f)), f);
    }

    // A fresh process would build everything from other seeds, with another learning rate.
    torch::manual_seed(999);
    Training resumed(amsgrad, 0.5);
    QVERIFY(!sameTensors(*resumed.model, *original.model));
    const auto latest = Checkpoint::findLatest(root.toStdString());
    QVERIFY(latest);
    QCOMPARE(*latest, saved);
    const CheckpointInfo info = Checkpoint::load(*latest, resumed.parts());
    QCOMPARE(info.step, int64_t(3));
    QCOMPARE(info.config, config);
    QCOMPARE(info.extra, extra);
    QVERIFY(info.hasEMA && info.hasOptimizer && info.hasRNG);
    QVERIFY(sameTensors(*resumed.model, *original.model));
    QVERIFY(sameTensors(*resumed.ema, *original.ema));

    // The original carries on from the RNG state it had when saving; so does the restored one
    // (as a new process would: loading the checkpoint again resets torch's generator).
    original.step();
    original.step();
    Net scratch;
    Checkpoint::load(saved, {scratch.get(), nullptr, nullptr});
    resumed.step();
    resumed.step();
    QVERIFY(sameTensors(*resumed.model, *original.model));
    QVERIFY(sameTensors(*resumed.ema, *original.ema));

    const CheckpointInfo header = Checkpoint::readInfo(saved);
    QCOMPARE(header.step, int64_t(3));
    QCOMPARE(header.config, config);
}

void tst_Checkpoint::keepsLastK()
{
    const QString root = dir("keep");
    torch::manual_seed(1);
    Training t;
    for (int step = 1; step <= 5; ++step) {
        t.step();
        Checkpoint::save(root.toStdString(), t.parts(), step * 10, nullptr, {}, 2);
    }
    QCOMPARE(entries(root), (QStringList{"step-40", "step-50"}));
    const auto all = Checkpoint::listComplete(root.toStdString());
    QCOMPARE(all.size(), size_t(2));
    QCOMPARE(all[0].first, int64_t(40));
    QCOMPARE(all[1].first, int64_t(50));

    // keepLast 0 keeps everything.
    t.step();
    Checkpoint::save(root.toStdString(), t.parts(), 60, nullptr, {}, 0);
    QCOMPARE(entries(root).size(), 3);

    // Resuming from an older checkpoint and saving a lower step never deletes the new one.
    Checkpoint::save(root.toStdString(), t.parts(), 45, nullptr, {}, 1);
    QVERIFY(entries(root).contains("step-45"));
}

void tst_Checkpoint::latestIgnoresTempAndHalfWritten()
{
    const QString root = dir("latest");
    torch::manual_seed(3);
    Training t;
    t.step();
    const QString good =
        QString::fromStdString(Checkpoint::save(root.toStdString(), t.parts(), 2, nullptr, {}, 5));

    // A save killed before its rename: a whole-looking folder under a temp name.
    QVERIFY(copyDir(good, QDir(root).filePath("step-9.tmp-k1ll3d")));
    // A folder with no state.json (written by hand, or a copy cut short).
    QVERIFY(QDir(root).mkpath("step-7"));
    QVERIFY(QFile::copy(QDir(good).filePath("model.safetensors"),
                        QDir(root).filePath("step-7/model.safetensors")));
    // A folder whose model file is shorter than state.json says.
    const QString cut = QDir(root).filePath("step-8");
    QVERIFY(copyDir(good, cut));
    {
        QFile f(QDir(cut).filePath("state.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto state = nlohmann::json::parse(f.readAll().toStdString());
        f.close();
        state["step"] = 8;
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray::fromStdString(state.dump()));
    }
    QVERIFY(Checkpoint::isComplete(cut.toStdString()));
    QVERIFY(QFile::resize(QDir(cut).filePath("model.safetensors"), 100));
    QVERIFY(!Checkpoint::isComplete(cut.toStdString()));
    // A folder with a state.json but a listed file missing.
    const QString missing = QDir(root).filePath("step-6");
    QVERIFY(copyDir(good, missing));
    QVERIFY(QFile::remove(QDir(missing).filePath("ema.safetensors")));
    // A stranger.
    QVERIFY(QDir(root).mkpath("notes"));

    const auto latest = Checkpoint::findLatest(root.toStdString());
    QVERIFY(latest);
    QCOMPARE(QString::fromStdString(*latest), good);
    QVERIFY(!Checkpoint::isComplete(QDir(root).filePath("step-9.tmp-k1ll3d").toStdString()));
    QVERIFY(!Checkpoint::isComplete(QDir(root).filePath("step-7").toStdString()));
    QVERIFY(!Checkpoint::findLatest(dir("no-such-folder").toStdString()));

    Training other;
    try {
        Checkpoint::load(cut.toStdString(), other.parts());
        QFAIL("a half-written checkpoint was loaded");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY2(QString(e.what()).contains("model.safetensors"), e.what());
    }

    // The next save clears temp leftovers and leaves the folders it does not understand alone.
    t.step();
    Checkpoint::save(root.toStdString(), t.parts(), 3, nullptr, {}, 5);
    QCOMPARE(entries(root),
             (QStringList{"notes", "step-2", "step-3", "step-6", "step-7", "step-8"}));
    QCOMPARE(QString::fromStdString(*Checkpoint::findLatest(root.toStdString())),
             QDir(root).filePath("step-3"));
}

void tst_Checkpoint::nonFiniteIsNeverSaved_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("NaN weight") << "model"
                                << "fc1.weight";
    QTest::newRow("inf buffer") << "buffer"
                                << "norm.running_var";
    QTest::newRow("NaN EMA") << "ema"
                             << "fc2.bias";
    QTest::newRow("NaN optimizer state") << "optimizer"
                                         << "fc2.weight";
}

void tst_Checkpoint::nonFiniteIsNeverSaved()
{
    QFETCH(QString, where);
    QFETCH(QString, mentions);
    const QString root = dir("nonfinite-" + QString(QTest::currentDataTag()).replace(' ', '-'));
    torch::manual_seed(5);
    Training t;
    t.step();
    {
        torch::NoGradGuard g;
        if (where == "model") {
            t.model->fc1->weight[0][1] = std::nanf("");
        } else if (where == "buffer") {
            t.model->norm->running_var[2] = std::numeric_limits<float>::infinity();
        } else if (where == "ema") {
            t.ema->fc2->bias.fill_(std::nanf(""));
        } else {
            const torch::Tensor& p = t.model->fc2->weight;
            bool poisoned = false;
            for (auto& [key, state] : t.optimizer.state()) {
                (void)key;
                auto& s = static_cast<torch::optim::AdamWParamState&>(*state);
                if (s.exp_avg().sizes() == p.sizes()) {
                    s.exp_avg().fill_(std::nanf(""));
                    poisoned = true;
                }
            }
            QVERIFY(poisoned);
        }
    }
    try {
        Checkpoint::save(root.toStdString(), t.parts(), 1);
        QFAIL("non-finite weights were saved");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Runtime);
        QCOMPARE(e.code(), ErrorCode::NonFinite);
        QVERIFY2(QString(e.what()).contains(mentions), e.what());
    }
    QVERIFY2(!QFile::exists(root), "something was written");
}

void tst_Checkpoint::wrongModelIsRejected()
{
    const QString root = dir("wrong");
    torch::manual_seed(6);
    Training t;
    t.step();
    const std::string saved = Checkpoint::save(root.toStdString(), t.parts(), 1);

    // A model of another architecture.
    torch::nn::Linear other(3, 2);
    const torch::Tensor before = other->weight.detach().clone();
    try {
        Checkpoint::load(saved, {other.get(), nullptr, nullptr});
        QFAIL("loaded into the wrong model");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
        QVERIFY2(QString(e.what()).contains("weight"), e.what());
    }
    QVERIFY(torch::equal(other->weight, before));

    // A checkpoint without EMA cannot fill an EMA model.
    const std::string noEMA =
        Checkpoint::save(dir("wrong-noema").toStdString(), {t.model.get(), nullptr, nullptr}, 1);
    Training fresh;
    try {
        Checkpoint::load(noEMA, fresh.parts());
        QFAIL("restored an EMA that was never saved");
    } catch (const vd::Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileNotFound);
    }
    // But the model alone loads.
    Checkpoint::load(noEMA, {fresh.model.get(), nullptr, nullptr}, false);
    QVERIFY(sameTensors(*fresh.model, *t.model));
}

void tst_Checkpoint::resavingAStepReplacesIt()
{
    const QString root = dir("resave");
    torch::manual_seed(8);
    Training t;
    t.step();
    Checkpoint::save(root.toStdString(), t.parts(), 4, {{"v", 1}});
    t.step();
    Checkpoint::save(root.toStdString(), t.parts(), 4, {{"v", 2}});
    QCOMPARE(entries(root), QStringList{"step-4"});
    const CheckpointInfo info = Checkpoint::readInfo(QDir(root).filePath("step-4").toStdString());
    QCOMPARE(info.config["v"].get<int>(), 2);
    Training fresh;
    Checkpoint::load(info.path, fresh.parts());
    QVERIFY(sameTensors(*fresh.model, *t.model));
}

void tst_Checkpoint::modelFileIsPlainSafetensors()
{
    torch::manual_seed(9);
    Training t;
    const std::string saved =
        Checkpoint::save(dir("plain").toStdString(), t.parts(), 0, {{"name", "demo"}});
    const SafetensorsFile f =
        SafetensorsFile::open((std::filesystem::path(saved) / "model.safetensors").string());
    QCOMPARE(nlohmann::json::parse(*f.metadataValue("config"))["name"].get<std::string>(),
             std::string("demo"));
    QVERIFY(f.contains("fc1.weight"));
    QVERIFY(f.contains("norm.running_mean"));
    QVERIFY(torch::equal(f.tensor("fc2.bias"), t.model->fc2->bias));
    // Never stepped: the optimizer file holds no state, and restoring it leaves none.
    const SafetensorsFile opt =
        SafetensorsFile::open((std::filesystem::path(saved) / "optimizer.safetensors").string());
    QVERIFY(opt.entries().empty());
}

QTEST_APPLESS_MAIN(tst_Checkpoint)
#include "tst_Checkpoint.moc"
