// SPDX-License-Identifier: GPL-3.0-or-later
// JSON nesting limit: a file nested 100,000 levels deep (a few hundred kilobytes) is refused
// with the reader's usual error instead of overflowing the stack in nlohmann's recursive copy,
// dump or comparison. Before util/JsonParse, the project file below crashed vdstudio-cli. A
// number beyond a double's range is the reader's error too (the Project fuzz target's first find).
#include "project/Project.h"
#include "train/MetricsLog.h"
#include "util/Error.h"
#include "util/JsonParse.h"
#include "util/Safetensors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdint>
#include <fstream>
#include <string>

using namespace vd;

namespace {

constexpr int kDeep = 100000;

std::string nested(int depth)
{
    return std::string(static_cast<size_t>(depth), '[') +
           std::string(static_cast<size_t>(depth), ']');
}

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

} // namespace

class tst_JsonParse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void limit();
    void projectFile();
    void projectNumberOutOfRange();
    void safetensorsHeader();
    void metricsLine();

private:
    std::string file(const char* name) const { return m_dir.filePath(name).toStdString(); }
    QTemporaryDir m_dir;
};

void tst_JsonParse::limit()
{
    QCOMPARE(parseJson(R"({"a": [1, {"b": [[2]]}], "c": null})").dump(),
             std::string(R"({"a":[1,{"b":[[2]]}],"c":null})"));
    QVERIFY(!parseJsonOrDiscarded(nested(kMaxJsonDepth)).is_discarded());
    QVERIFY(parseJsonOrDiscarded(nested(kMaxJsonDepth + 1)).is_discarded());
    QVERIFY(parseJsonOrDiscarded("{\"a\": ").is_discarded());
    QVERIFY_EXCEPTION_THROWN(parseJson(nested(kDeep)), nlohmann::json::parse_error);
}

void tst_JsonParse::projectFile()
{
    const std::string path = file("deep.vdproj");
    writeText(path,
              R"({"format": "vdstudio-project", "version": 1, "name": )" + nested(kDeep) + "}");
    try {
        Project::load(path);
        QFAIL("a deeply nested project file loaded");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::CorruptHeader);
        QVERIFY2(std::string(e.what()).find("nested deeper") != std::string::npos, e.what());
    }
}

void tst_JsonParse::projectNumberOutOfRange()
{
    // nlohmann throws out_of_range, not parse_error, for it; Project::load let it escape.
    const std::string path = file("big.vdproj");
    writeText(path, R"({"format": "vdstudio-project", "version": 1, "name": 1e400})");
    try {
        Project::load(path);
        QFAIL("a project file with 1e400 loaded");
    } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::InputData);
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
    }
    QVERIFY(parseJsonOrDiscarded("[1e400]").is_discarded());
}

void tst_JsonParse::safetensorsHeader()
{
    std::string header =
        R"({"t": {"dtype": "F32", "shape": )" + nested(kDeep) + R"(, "data_offsets": [0, 0]}})";
    header.append((8 - header.size() % 8) % 8, ' ');
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i) {
        bytes[static_cast<size_t>(i)] =
            static_cast<char>((uint64_t(header.size()) >> (8 * i)) & 0xff);
    }
    const std::string path = file("deep.safetensors");
    writeText(path, bytes + header);
    try {
        SafetensorsFile::open(path);
        QFAIL("a deeply nested safetensors header was accepted");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::CorruptHeader);
    }
}

void tst_JsonParse::metricsLine()
{
    const std::string path = file("metrics.jsonl");
    writeText(path, "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"x\": " + nested(kDeep) +
                        "}\n{\"step\": 3, \"loss\": 0.25}\n");
    const MetricsContents contents = MetricsLog::readAll(path);
    QCOMPARE(contents.entries.size(), size_t(2));
    QCOMPARE(contents.corruptLines, int64_t(1));
    QCOMPARE(contents.records().back().step, int64_t(3));
}

QTEST_APPLESS_MAIN(tst_JsonParse)
#include "tst_JsonParse.moc"
