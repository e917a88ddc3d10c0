// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/MetricsLog.h"

#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/JsonParse.h"
#include "util/Log.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include <unistd.h>

namespace fs = std::filesystem;

namespace vd {

namespace {

/// fsync at most this often: a line is flushed to the OS at once (safe from a process kill);
/// syncing to the disk (safe from a power cut) is too slow to do per line.
constexpr auto kSyncInterval = std::chrono::seconds(10);

std::shared_ptr<spdlog::logger> logger()
{
    return log::get("train");
}

struct Line {
    size_t begin = 0;        ///< byte offset in the file
    size_t end = 0;          ///< one past the last byte, newline excluded
    bool terminated = false; ///< ends with '\n'
    bool blank = false;
    bool good = false;
    nlohmann::json value;
};

bool isValidEntry(const nlohmann::json& j)
{
    return j.is_object() && j.contains("step") && j["step"].is_number_integer();
}

std::vector<Line> splitLines(const std::string& text)
{
    std::vector<Line> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        Line line;
        line.begin = pos;
        const size_t nl = text.find('\n', pos);
        line.terminated = nl != std::string::npos;
        line.end = line.terminated ? nl : text.size();
        const std::string_view content(text.data() + line.begin, line.end - line.begin);
        line.blank = content.find_first_not_of(" \t\r") == std::string_view::npos;
        if (!line.blank) {
            line.value = parseJsonOrDiscarded(content);
            line.good = !line.value.is_discarded() && isValidEntry(line.value);
        }
        pos = line.terminated ? nl + 1 : text.size();
        lines.push_back(std::move(line));
    }
    return lines;
}

/// The whole file, or nullopt if it does not exist.
std::optional<std::string> readFile(const std::string& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::InputData,
                    "cannot read metrics log " + path + ": " + std::strerror(errno),
                    ErrorCode::FileNotFound);
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

[[noreturn]] void failWrite(const std::string& path, const std::string& what, int err)
{
    throw Error(ErrorKind::Runtime,
                "metrics log " + path + ": " + what +
                    (err ? std::string(": ") + std::strerror(err) : std::string()),
                ErrorCode::WriteFailed);
}

} // namespace

std::vector<MetricsRecord> MetricsContents::records() const
{
    std::vector<MetricsRecord> out;
    out.reserve(entries.size());
    for (const nlohmann::json& e : entries) {
        MetricsRecord r;
        r.step = e["step"].get<int64_t>();
        for (const auto& [key, value] : e.items()) {
            if (key == "step") {
                continue;
            }
            if (value.is_number()) {
                r.numbers[key] = value.get<double>();
            } else if (value.is_string()) {
                r.texts[key] = value.get<std::string>();
            } else if (value.is_boolean()) {
                r.numbers[key] = value.get<bool>() ? 1.0 : 0.0;
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

MetricsContents MetricsLog::readAll(const std::string& path)
{
    MetricsContents contents;
    const auto text = readFile(path);
    if (!text) {
        return contents;
    }
    const std::vector<Line> lines = splitLines(*text);
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.blank) {
            continue;
        }
        if (line.good) {
            contents.entries.push_back(line.value);
        } else if (i + 1 == lines.size() && !line.terminated) {
            contents.tornLastLine = true;
            logger()->warn("{}: skipping a partial last line (the run was interrupted mid-write)",
                           path);
        } else {
            ++contents.corruptLines;
        }
    }
    if (contents.corruptLines > 0) {
        logger()->warn("{}: skipped {} corrupt line(s)", path, contents.corruptLines);
    }
    return contents;
}

MetricsLog MetricsLog::open(const std::string& path, int64_t resumeFromStep)
{
    MetricsLog log;
    log.m_path = path;
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) {
        fs::create_directories(parent, ec);
        if (ec) {
            failWrite(path, "cannot create its folder: " + ec.message(), 0);
        }
    }

    std::optional<std::string> text;
    try {
        text = readFile(path);
    } catch (const Error& e) {
        failWrite(path, e.what(), 0);
    }
    if (text) {
        const std::vector<Line> lines = splitLines(*text);
        if (resumeFromStep >= 0) {
            std::string kept;
            int64_t dropped = 0;
            for (const Line& line : lines) {
                if (line.blank) {
                    continue;
                }
                if (line.good && line.value["step"].get<int64_t>() <= resumeFromStep) {
                    kept.append(*text, line.begin, line.end - line.begin);
                    kept += '\n';
                    log.m_lastStep = line.value["step"].get<int64_t>();
                } else {
                    ++dropped;
                }
            }
            if (kept != *text) {
                logger()->info("{}: resuming at step {}, dropped {} line(s) after it", path,
                               resumeFromStep, dropped);
                writeFileAtomically(path, kept);
            }
        } else if (!lines.empty()) {
            for (const Line& line : lines) {
                if (line.good) {
                    log.m_lastStep = line.value["step"].get<int64_t>();
                }
            }
            const Line& last = lines.back();
            if (!last.terminated) {
                // A kill mid-line: cut the partial line off (or finish a whole one that only
                // lacks its newline) so the next entry starts on a line of its own.
                if (last.good || last.blank) {
                    std::FILE* f = std::fopen(path.c_str(), "ab");
                    if (!f || std::fputs("\n", f) < 0 || std::fclose(f) != 0) {
                        failWrite(path, "cannot repair the last line", errno);
                    }
                } else {
                    logger()->warn("{}: cutting off a partial last line", path);
                    fs::resize_file(path, last.begin, ec);
                    if (ec) {
                        failWrite(path, "cannot cut off a partial last line: " + ec.message(), 0);
                    }
                }
            }
        }
    }

    log.m_file = std::fopen(path.c_str(), "ab");
    if (!log.m_file) {
        failWrite(path, "cannot open for appending", errno);
    }
    std::fseek(log.m_file, 0, SEEK_END); // so ftell() in append() knows where a line starts
    log.m_lastSync = std::chrono::steady_clock::now();
    return log;
}

MetricsLog::MetricsLog(MetricsLog&& other) noexcept
    : m_path(std::move(other.m_path)), m_file(other.m_file), m_lastStep(other.m_lastStep),
      m_lastSync(other.m_lastSync)
{
    other.m_file = nullptr;
}

MetricsLog& MetricsLog::operator=(MetricsLog&& other) noexcept
{
    if (this != &other) {
        try {
            close();
        } catch (const std::exception& e) {
            logger()->warn("{}", e.what());
        }
        m_path = std::move(other.m_path);
        m_file = other.m_file;
        m_lastStep = other.m_lastStep;
        m_lastSync = other.m_lastSync;
        other.m_file = nullptr;
    }
    return *this;
}

MetricsLog::~MetricsLog()
{
    try {
        close();
    } catch (const std::exception& e) {
        logger()->warn("{}", e.what());
    }
}

void MetricsLog::append(const nlohmann::json& entry)
{
    if (!m_file) {
        throw Error(ErrorKind::Usage, "metrics log " + m_path + " is closed",
                    ErrorCode::InvalidValue);
    }
    if (!isValidEntry(entry)) {
        throw Error(ErrorKind::Usage,
                    "metrics log " + m_path +
                        ": an entry must be an object with an integer "
                        "\"step\", got " +
                        entry.dump(),
                    ErrorCode::InvalidValue);
    }
    std::string line = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
    const long before = std::ftell(m_file);
    if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size() ||
        std::fflush(m_file) != 0) {
        const int err = errno;
        // Take the partial line back so the next append does not glue onto it.
        std::clearerr(m_file);
        if (before >= 0 && ::ftruncate(fileno(m_file), before) == 0) {
            std::fseek(m_file, 0, SEEK_END);
        }
        failWrite(m_path, "cannot append", err);
    }
    m_lastStep = entry["step"].get<int64_t>();
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastSync >= kSyncInterval) {
        sync();
    }
}

void MetricsLog::append(int64_t step, const std::map<std::string, double>& values)
{
    nlohmann::json entry = {{"step", step}};
    for (const auto& [key, value] : values) {
        if (key == "step") {
            continue;
        }
        entry[key] = std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
    }
    append(entry);
}

void MetricsLog::sync()
{
    if (!m_file) {
        return;
    }
    if (std::fflush(m_file) != 0 || ::fsync(fileno(m_file)) != 0) {
        failWrite(m_path, "cannot sync", errno);
    }
    m_lastSync = std::chrono::steady_clock::now();
}

void MetricsLog::close()
{
    if (!m_file) {
        return;
    }
    std::FILE* f = m_file;
    m_file = nullptr;
    const bool synced = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
    const int err = errno;
    if (std::fclose(f) != 0 || !synced) {
        failWrite(m_path, "cannot close", err);
    }
}

} // namespace vd
