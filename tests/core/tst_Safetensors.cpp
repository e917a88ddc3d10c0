// SPDX-License-Identifier: GPL-3.0-or-later
// Safetensors: files written exactly per the format (a Python reader with only json + struct +
// torch.frombuffer loads them), files written by Python read back, and every kind of truncated
// or lying header rejected with a typed error before any tensor is allocated.
#include "util/Error.h"
#include "util/Safetensors.h"

#include "common/TestUtil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>

using namespace vd;

Q_DECLARE_METATYPE(vd::ErrorCode)

namespace {

/// A small module with parameters and a buffer, nested, like a real model's state dict.
struct TinyImpl : torch::nn::Module {
    TinyImpl()
    {
        fc = register_module("fc", torch::nn::Linear(3, 2));
        norm = register_module("norm", torch::nn::BatchNorm1d(2));
    }
    torch::nn::Linear fc{nullptr};
    torch::nn::BatchNorm1d norm{nullptr};
};
TORCH_MODULE(Tiny);

/// The tensors of the round trip: every dtype, a scalar, a zero-size and a non-contiguous one.
NamedTensors sampleTensors()
{
    torch::manual_seed(7);
    NamedTensors t;
    t.emplace_back("f32", torch::randn({2, 3}));
    t.emplace_back("f16", torch::randn({4}).to(torch::kFloat16));
    t.emplace_back("bf16", torch::randn({3, 1}).to(torch::kBFloat16));
    t.emplace_back("f64", torch::randn({2, 2}, torch::kFloat64));
    t.emplace_back("i64", torch::arange(-3, 3, torch::kInt64).reshape({2, 3}));
    t.emplace_back("i32", torch::tensor({-7, 0, 2147483647}, torch::kInt32));
    t.emplace_back("i16", torch::tensor({-300, 300}, torch::kInt16));
    t.emplace_back("i8", torch::tensor({-128, 127}, torch::kInt8));
    t.emplace_back("u8", torch::tensor({0, 255, 17}, torch::kUInt8));
    t.emplace_back("bool", torch::tensor({true, false, true}, torch::kBool));
    t.emplace_back("scalar", torch::tensor(3.5f).reshape({}));
    t.emplace_back("empty", torch::zeros({0, 4}));
    t.emplace_back("transposed", torch::arange(6, torch::kFloat32).reshape({2, 3}).t());
    t.emplace_back("layer.0.weight", torch::ones({1, 1, 2}));
    return t;
}

/// A raw safetensors file: header length, the header (padded) and `dataBytes` bytes of data.
QByteArray rawFile(const QByteArray& header, int dataBytes, bool pad = true)
{
    QByteArray h = header;
    while (pad && h.size() % 8) {
        h.append(' ');
    }
    QByteArray out(8, '\0');
    const quint64 n = static_cast<quint64>(h.size());
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    }
    out += h;
    QByteArray data(dataBytes, '\0');
    for (int i = 0; i < dataBytes; ++i) {
        data[i] = static_cast<char>(i % 7); // finite, small floats/ints
    }
    return out + data;
}

/// A file whose first 8 bytes say `headerLength` whatever follows.
QByteArray withLength(quint64 headerLength, const QByteArray& rest)
{
    QByteArray out(8, '\0');
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<char>((headerLength >> (8 * i)) & 0xff);
    }
    return out + rest;
}

/// "a": F32 [2,3] (24 bytes), "b": I64 [2] (16 bytes): 40 bytes of data.
const char* const kGoodHeader = R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
                                R"("b":{"dtype":"I64","shape":[2],"data_offsets":[24,40]}})";

/// A python3 that can run our reader script: the system one (which has torch) first.
QString findPython()
{
    for (const QString& candidate :
         {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        const auto r = vdtest::run(candidate, {"-c", "import json, struct"}, 60000);
        if (r.exitCode == 0) {
            return candidate;
        }
    }
    return {};
}

// Reads a safetensors file the way any reader does: json + struct, torch.frombuffer when torch
// is installed (pure struct otherwise), and checks the format's layout rules on the way.
const char* const kPythonReader = R"PY(
import json, struct, sys
path = sys.argv[1]
data = open(path, 'rb').read()
n = struct.unpack('<Q', data[:8])[0]
assert n % 8 == 0, 'header not padded to 8 bytes'
raw_header = data[8:8 + n]
assert raw_header.rstrip(b' ') == raw_header.rstrip(), 'padding is not spaces'
header = json.loads(raw_header)
meta = header.pop('__metadata__', {})
buf = data[8 + n:]
try:
    import torch
    backend = 'torch'
except ImportError:
    backend = 'struct'
sizes = {'F64': 8, 'I64': 8, 'F32': 4, 'I32': 4, 'F16': 2, 'BF16': 2, 'I16': 2, 'I8': 1,
         'U8': 1, 'BOOL': 1}
fmts = {'F64': 'd', 'I64': 'q', 'F32': 'f', 'I32': 'i', 'F16': 'e', 'I16': 'h', 'I8': 'b',
        'U8': 'B', 'BOOL': '?'}
end = 0
out = {'backend': backend, 'metadata': meta, 'tensors': {}}
for name, info in sorted(header.items(), key=lambda kv: kv[1]['data_offsets']):
    b, e = info['data_offsets']
    assert b == end, 'not contiguous at ' + name
    end = e
    count = 1
    for d in info['shape']:
        count *= d
    assert e - b == count * sizes[info['dtype']], 'size mismatch ' + name
    assert b % sizes[info['dtype']] == 0, 'misaligned ' + name
    chunk = bytes(buf[b:e])
    if backend == 'torch':
        dt = {'F64': torch.float64, 'I64': torch.int64, 'F32': torch.float32,
              'I32': torch.int32, 'F16': torch.float16, 'BF16': torch.bfloat16,
              'I16': torch.int16, 'I8': torch.int8, 'U8': torch.uint8, 'BOOL': torch.bool}
        t = torch.frombuffer(bytearray(chunk), dtype=dt[info['dtype']]) if count else \
            torch.empty(0, dtype=dt[info['dtype']])
        values = t.reshape(info['shape']).double().flatten().tolist()
    elif info['dtype'] == 'BF16':
        halves = struct.unpack('<%dH' % count, chunk)
        values = [struct.unpack('<f', struct.pack('<I', h << 16))[0] for h in halves]
    else:
        values = [float(v) for v in struct.unpack('<%d%s' % (count, fmts[info['dtype']]), chunk)]
    out['tensors'][name] = {'dtype': info['dtype'], 'shape': info['shape'], 'values': values}
assert end == len(buf), 'data region not covered'
print(json.dumps(out))
)PY";

// Writes a file as a Python program would by hand: tensors in name order (not the reference's
// dtype order), metadata, minimal padding.
const char* const kPythonWriter = R"PY(
import json, struct, sys
path = sys.argv[1]
tensors = [('alpha', 'F32', [2, 2], struct.pack('<4f', 1.0, -2.5, 3.25, 0.0)),
           ('beta', 'I64', [3], struct.pack('<3q', -1, 2, 1 << 40)),
           ('gamma', 'BF16', [2], struct.pack('<2H', 0x3f80, 0xc000)),
           ('delta', 'U8', [], struct.pack('<B', 200))]
header = {'__metadata__': {'config': json.dumps({'channels': 4}), 'by': 'python'}}
data = b''
for name, dtype, shape, raw in tensors:
    offsets = [len(data), len(data) + len(raw)]
    header[name] = {'dtype': dtype, 'shape': shape, 'data_offsets': offsets}
    data += raw
h = json.dumps(header).encode()
h += b' ' * ((8 - len(h) % 8) % 8)
open(path, 'wb').write(struct.pack('<Q', len(h)) + h + data)
)PY";

} // namespace

class tst_Safetensors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void layoutFollowsReference();
    void pythonReadsOurFile();
    void weReadPythonFile();
    void malformed_data();
    void malformed();
    void truncatedAnywhereIsRejected();
    void expectedShapes_data();
    void expectedShapes();
    void loadIntoModule();
    void loadIntoRejectsNonFinite();
    void headerOnly();
    void writeRejectsBadInput();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_Safetensors::initTestCase()
{
    torch::set_num_threads(1);
    QVERIFY(m_dir.isValid());
}

void tst_Safetensors::roundTrip()
{
    const NamedTensors tensors = sampleTensors();
    const SafetensorsMetadata meta{{"config", R"({"lr":0.001,"name":"ü"})"}, {"format", "pt"}};
    const std::string path = file("round.safetensors").toStdString();
    SafetensorsFile::write(path, tensors, meta);

    const SafetensorsFile f = SafetensorsFile::open(path);
    QCOMPARE(f.metadata(), meta);
    QCOMPARE(f.metadataValue("config").value_or(""), meta.at("config"));
    QVERIFY(!f.metadataValue("missing"));
    QCOMPARE(f.entries().size(), tensors.size());
    for (const auto& [name, expected] : tensors) {
        QVERIFY2(f.contains(name), name.c_str());
        const torch::Tensor& got = f.tensor(name);
        QCOMPARE(got.scalar_type(), expected.scalar_type());
        QCOMPARE(got.sizes().vec(), expected.sizes().vec());
        QVERIFY2(torch::equal(got, expected), name.c_str());
    }
    QCOMPARE(f.tensor("scalar").dim(), 0);
    QCOMPARE(f.tensor("empty").numel(), 0);
    auto names = f.names();
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    // No temp file left beside it.
    QCOMPARE(QDir(m_dir.path()).entryList({"round.safetensors.tmp*"}, QDir::Files).size(), 0);
}

void tst_Safetensors::layoutFollowsReference()
{
    const std::string path = file("layout.safetensors").toStdString();
    SafetensorsFile::write(path, sampleTensors(), {{"format", "pt"}});
    const QByteArray bytes = vdtest::readBytes(QString::fromStdString(path));
    quint64 n = 0;
    for (int i = 0; i < 8; ++i) {
        n |= static_cast<quint64>(static_cast<uchar>(bytes[i])) << (8 * i);
    }
    QCOMPARE(n % 8, quint64(0));
    const QByteArray headerText = bytes.mid(8, static_cast<int>(n));
    QVERIFY(headerText.startsWith("{\"__metadata__\":"));
    const auto header = nlohmann::ordered_json::parse(headerText.toStdString());
    // Data order: dtype descending in the reference's enum order, then name.
    std::vector<std::string> order;
    for (const auto& [key, value] : header.items()) {
        if (key != "__metadata__") {
            order.push_back(key);
        }
    }
    const std::vector<std::string> expected{
        "i64",    "f64",        "empty", "f32",  "layer.0.weight",
        "scalar", "transposed", "i32",   "bf16", "f16",
        "i16",    "i8",         "u8",    "bool"};
    QCOMPARE(order, expected);
    uint64_t cursor = 0;
    for (const std::string& name : order) {
        const auto offsets = header[name]["data_offsets"];
        QCOMPARE(offsets[0].get<uint64_t>(), cursor);
        cursor = offsets[1].get<uint64_t>();
    }
    QCOMPARE(static_cast<qint64>(8 + n + cursor), static_cast<qint64>(bytes.size()));
}

void tst_Safetensors::pythonReadsOurFile()
{
    const QString python = findPython();
    if (python.isEmpty()) {
        QSKIP("python3 is not installed");
    }
    const NamedTensors tensors = sampleTensors();
    const std::string path = file("py.safetensors").toStdString();
    SafetensorsFile::write(path, tensors, {{"config", "{\"a\":1}"}});
    const auto r = vdtest::run(python, {"-c", kPythonReader, QString::fromStdString(path)}, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto out = nlohmann::json::parse(r.out.toStdString());
    qInfo("python reader used %s", out["backend"].get<std::string>().c_str());
    QCOMPARE(out["metadata"]["config"].get<std::string>(), std::string("{\"a\":1}"));
    QCOMPARE(out["tensors"].size(), tensors.size());
    for (const auto& [name, t] : tensors) {
        const auto& py = out["tensors"][name];
        QCOMPARE(py["shape"].get<std::vector<int64_t>>(), t.sizes().vec());
        const torch::Tensor flat = t.to(torch::kFloat64).contiguous().flatten();
        const auto values = py["values"].get<std::vector<double>>();
        QCOMPARE(static_cast<int64_t>(values.size()), flat.numel());
        for (int64_t i = 0; i < flat.numel(); ++i) {
            QCOMPARE(values[static_cast<size_t>(i)], flat[i].item<double>());
        }
    }
}

void tst_Safetensors::weReadPythonFile()
{
    const QString python = findPython();
    if (python.isEmpty()) {
        QSKIP("python3 is not installed");
    }
    const QString path = file("from-python.safetensors");
    const auto r = vdtest::run(python, {"-c", kPythonWriter, path}, 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const SafetensorsFile f = SafetensorsFile::open(path.toStdString());
    QCOMPARE(f.metadataValue("by").value_or(""), std::string("python"));
    QCOMPARE(nlohmann::json::parse(*f.metadataValue("config"))["channels"].get<int>(), 4);
    QVERIFY(
        torch::equal(f.tensor("alpha"), torch::tensor({1.0f, -2.5f, 3.25f, 0.0f}).reshape({2, 2})));
    QVERIFY(
        torch::equal(f.tensor("beta"), torch::tensor({int64_t(-1), int64_t(2), int64_t(1) << 40})));
    QVERIFY(torch::equal(f.tensor("gamma"), torch::tensor({1.0f, -2.0f}).to(torch::kBFloat16)));
    QCOMPARE(f.tensor("delta").dim(), 0);
    QCOMPARE(f.tensor("delta").item<int>(), 200);
}

void tst_Safetensors::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<vd::ErrorCode>("code");
    QTest::addColumn<QString>("mentions");

    const QByteArray good = rawFile(kGoodHeader, 40);
    auto header = [](const char* json) { return QByteArray(json); };

    QTest::newRow("empty file") << QByteArray() << ErrorCode::EmptyFile << "empty";
    QTest::newRow("shorter than the length") << good.left(5) << ErrorCode::Truncated << "truncated";
    QTest::newRow("cut in the header") << good.left(30) << ErrorCode::Truncated << "header length";
    QTest::newRow("cut in the data") << good.left(good.size() - 3) << ErrorCode::Truncated << "'b'";
    QTest::newRow("header length beyond file")
        << withLength(4096, header(kGoodHeader)) << ErrorCode::Truncated << "4096";
    QTest::newRow("absurd header length") << withLength(quint64(1) << 40, header(kGoodHeader))
                                          << ErrorCode::CorruptHeader << "absurd";
    QTest::newRow("header garbage")
        << rawFile("{this is not json at all", 40) << ErrorCode::CorruptHeader << "JSON";
    QTest::newRow("header binary") << rawFile(QByteArray("\x00\xff\x13garbage", 10), 8)
                                   << ErrorCode::CorruptHeader << "header";
    QTest::newRow("header not an object")
        << rawFile("[1, 2, 3]", 0) << ErrorCode::CorruptHeader << "'{'";
    QTest::newRow("overlapping offsets")
        << rawFile(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
                   R"("b":{"dtype":"I64","shape":[2],"data_offsets":[16,32]}})",
                   32)
        << ErrorCode::CorruptHeader << "overlapping";
    QTest::newRow("gap between tensors")
        << rawFile(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
                   R"("b":{"dtype":"I64","shape":[2],"data_offsets":[32,48]}})",
                   48)
        << ErrorCode::CorruptHeader << "gap";
    QTest::newRow("offsets out of range")
        << rawFile(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
                   R"("b":{"dtype":"I64","shape":[2],"data_offsets":[1000024,1000040]}})",
                   40)
        << ErrorCode::Truncated << "'b'";
    QTest::newRow("begin after end")
        << rawFile(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8)
        << ErrorCode::CorruptHeader << "'a'";
    QTest::newRow("size mismatch with shape")
        << rawFile(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})", 20)
        << ErrorCode::CorruptHeader << "needs 24 bytes";
    QTest::newRow("size mismatch with dtype")
        << rawFile(R"({"a":{"dtype":"F64","shape":[2,3],"data_offsets":[0,24]}})", 24)
        << ErrorCode::CorruptHeader << "needs 48 bytes";
    QTest::newRow("unknown dtype")
        << rawFile(R"({"a":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}})", 8)
        << ErrorCode::CorruptHeader << "unknown dtype 'F33'";
    QTest::newRow("unsupported dtype")
        << rawFile(R"({"a":{"dtype":"U32","shape":[2],"data_offsets":[0,8]}})", 8)
        << ErrorCode::CorruptHeader << "unsupported dtype 'U32'";
    QTest::newRow("negative shape")
        << rawFile(R"({"a":{"dtype":"F32","shape":[-2,3],"data_offsets":[0,24]}})", 24)
        << ErrorCode::CorruptHeader << "-2";
    QTest::newRow("fractional shape")
        << rawFile(R"({"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,6]}})", 8)
        << ErrorCode::CorruptHeader << "1.5";
    QTest::newRow("shape overflows")
        << rawFile(R"({"a":{"dtype":"F32","shape":[4611686018427387904,8],)"
                   R"("data_offsets":[0,8]}})",
                   8)
        << ErrorCode::CorruptHeader << "too large";
    QTest::newRow("missing offsets") << rawFile(R"({"a":{"dtype":"F32","shape":[2]}})", 8)
                                     << ErrorCode::CorruptHeader << "data_offsets";
    QTest::newRow("missing dtype") << rawFile(R"({"a":{"shape":[2],"data_offsets":[0,8]}})", 8)
                                   << ErrorCode::CorruptHeader << "dtype";
    QTest::newRow("trailing bytes")
        << rawFile(kGoodHeader, 48) << ErrorCode::CorruptHeader << "trailing";
    QTest::newRow("metadata not strings") << rawFile(R"({"__metadata__":{"step":5}})", 0)
                                          << ErrorCode::CorruptHeader << "__metadata__";
}

void tst_Safetensors::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(vd::ErrorCode, code);
    QFETCH(QString, mentions);
    const QString path = file(QString("bad-%1.safetensors").arg(QTest::currentDataTag()));
    QVERIFY(vdtest::writeBytes(path, bytes));
    try {
        SafetensorsFile::open(path.toStdString());
        QFAIL("a malformed file was accepted");
    } catch (const vd::Error& e) {
        const QString message = QString::fromUtf8(e.what());
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY2(e.code() == code,
                 qPrintable(QString("%1: %2").arg(errorCodeName(e.code()), message)));
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(mentions), qPrintable(message));
    }
}

void tst_Safetensors::truncatedAnywhereIsRejected()
{
    const std::string path = file("whole.safetensors").toStdString();
    NamedTensors tensors{{"w", torch::randn({4, 3})}, {"b", torch::zeros({3}, torch::kInt64)}};
    SafetensorsFile::write(path, tensors, {{"k", "v"}});
    const QByteArray whole = vdtest::readBytes(QString::fromStdString(path));
    const QString cutPath = file("cut.safetensors");
    for (int cut = 0; cut < whole.size(); ++cut) {
        QVERIFY(vdtest::writeBytes(cutPath, whole.left(cut)));
        try {
            SafetensorsFile::open(cutPath.toStdString());
            QFAIL(qPrintable(QString("accepted a file cut at byte %1").arg(cut)));
        } catch (const vd::Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InputData);
            QVERIFY2(e.code() == ErrorCode::Truncated || e.code() == ErrorCode::EmptyFile,
                     e.what());
        }
    }
    // Sanity: the whole file is fine.
    QVERIFY(SafetensorsFile::open(path).contains("w"));
}

void tst_Safetensors::expectedShapes_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("wrong shape") << "reshape"
                                 << "fc.weight";
    QTest::newRow("missing tensor") << "drop"
                                    << "missing tensor 'fc.bias'";
    QTest::newRow("extra tensor") << "extra"
                                  << "unexpected tensor 'stowaway'";
}

void tst_Safetensors::expectedShapes()
{
    QFETCH(QString, change);
    QFETCH(QString, mentions);
    Tiny model;
    NamedTensors tensors;
    for (const auto& item : model->named_parameters()) {
        tensors.emplace_back(item.key(), item.value());
    }
    for (const auto& item : model->named_buffers()) {
        tensors.emplace_back(item.key(), item.value());
    }
    const TensorShapes shapes = SafetensorsFile::shapesOf(*model);
    QVERIFY(shapes.count("norm.running_mean"));
    QCOMPARE(shapes.at("fc.weight"), (std::vector<int64_t>{2, 3}));

    NamedTensors changed;
    for (const auto& [name, t] : tensors) {
        if (change == "reshape" && name == "fc.weight") {
            changed.emplace_back(name, torch::zeros({3, 2}));
        } else if (!(change == "drop" && name == "fc.bias")) {
            changed.emplace_back(name, t);
        }
    }
    if (change == "extra") {
        changed.emplace_back("stowaway", torch::zeros({1}));
    }
    const std::string path = file("shapes.safetensors").toStdString();
    SafetensorsFile::write(path, changed);
    try {
        SafetensorsFile::open(path, &shapes);
        QFAIL("a mismatching file was accepted");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QCOMPARE(e.code(), ErrorCode::ShapeMismatch);
        QVERIFY2(QString(e.what()).contains(mentions), e.what());
    }
    // The same mismatch caught by loadInto.
    const SafetensorsFile f = SafetensorsFile::open(path);
    Tiny other;
    QVERIFY_THROWS_EXCEPTION(vd::Error, f.loadInto(*other));
}

void tst_Safetensors::loadIntoModule()
{
    torch::manual_seed(1);
    Tiny source;
    {
        torch::NoGradGuard g;
        source->norm->running_mean.fill_(0.25);
        source->norm->num_batches_tracked.fill_(9);
    }
    NamedTensors tensors;
    for (const auto& item : source->named_parameters()) {
        tensors.emplace_back(item.key(), item.value());
    }
    for (const auto& item : source->named_buffers()) {
        tensors.emplace_back(item.key(), item.value());
    }
    const std::string path = file("tiny.safetensors").toStdString();
    SafetensorsFile::write(path, tensors, {{"config", "{}"}});

    torch::manual_seed(2);
    Tiny target;
    QVERIFY(!torch::equal(target->fc->weight, source->fc->weight));
    const TensorShapes shapes = SafetensorsFile::shapesOf(*target);
    SafetensorsFile::open(path, &shapes).loadInto(*target);
    QVERIFY(torch::equal(target->fc->weight, source->fc->weight));
    QVERIFY(torch::equal(target->fc->bias, source->fc->bias));
    QVERIFY(torch::equal(target->norm->running_mean, source->norm->running_mean));
    QCOMPARE(target->norm->num_batches_tracked.item<int64_t>(), int64_t(9));
    QVERIFY(target->fc->weight.requires_grad());
}

void tst_Safetensors::loadIntoRejectsNonFinite()
{
    Tiny source;
    NamedTensors tensors;
    for (const auto& item : source->named_parameters()) {
        tensors.emplace_back(item.key(), item.value().detach().clone());
    }
    for (const auto& item : source->named_buffers()) {
        tensors.emplace_back(item.key(), item.value());
    }
    for (auto& [name, t] : tensors) {
        if (name == "fc.bias") {
            t[1] = std::nanf("");
        }
    }
    const std::string path = file("nan.safetensors").toStdString();
    SafetensorsFile::write(path, tensors);
    Tiny target;
    const torch::Tensor before = target->fc->weight.detach().clone();
    const SafetensorsFile f = SafetensorsFile::open(path);
    try {
        f.loadInto(*target);
        QFAIL("NaN weights were loaded");
    } catch (const vd::Error& e) {
        QCOMPARE(e.code(), ErrorCode::NonFinite);
        QVERIFY2(QString(e.what()).contains("fc.bias"), e.what());
    }
    // Nothing was copied.
    QVERIFY(torch::equal(target->fc->weight, before));
    SafetensorsLoadOptions lenient;
    lenient.requireFinite = false;
    f.loadInto(*target, lenient);
    QVERIFY(std::isnan(target->fc->bias[1].item<float>()));
}

void tst_Safetensors::headerOnly()
{
    const std::string path = file("header.safetensors").toStdString();
    SafetensorsFile::write(path, {{"x", torch::ones({2, 5})}}, {{"config", "{\"k\":3}"}});
    const SafetensorsFile f = SafetensorsFile::openHeader(path);
    QCOMPARE(f.metadataValue("config").value_or(""), std::string("{\"k\":3}"));
    QCOMPARE(f.shapes().at("x"), (std::vector<int64_t>{2, 5}));
    QCOMPARE(f.entries().front().dtypeName, std::string("F32"));
    try {
        f.tensor("x");
        QFAIL("header-only file gave a tensor");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Usage);
    }
    try {
        SafetensorsFile::open(file("does-not-exist.safetensors").toStdString());
        QFAIL("a missing file was opened");
    } catch (const vd::Error& e) {
        QCOMPARE(e.code(), ErrorCode::FileNotFound);
    }
}

void tst_Safetensors::writeRejectsBadInput()
{
    const std::string path = file("bad-write.safetensors").toStdString();
    auto rejects = [&](const NamedTensors& tensors) {
        try {
            SafetensorsFile::write(path, tensors);
        } catch (const vd::Error& e) {
            return e.kind() == ErrorKind::Usage;
        }
        return false;
    };
    QVERIFY(rejects({{"a", torch::ones({1})}, {"a", torch::ones({1})}}));
    QVERIFY(rejects({{"__metadata__", torch::ones({1})}}));
    QVERIFY(rejects({{"u", torch::Tensor()}}));
    QVERIFY(rejects({{"c", torch::ones({1}, torch::kComplexFloat)}}));
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
    try {
        SafetensorsFile::write(m_dir.filePath("no/such/dir/x.safetensors").toStdString(),
                               {{"a", torch::ones({1})}});
        QFAIL("wrote into a missing folder");
    } catch (const vd::Error& e) {
        QCOMPARE(e.kind(), ErrorKind::Runtime);
        QCOMPARE(e.code(), ErrorCode::WriteFailed);
    }
}

QTEST_APPLESS_MAIN(tst_Safetensors)
#include "tst_Safetensors.moc"
