// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DatasetIndex.h"

#include "media/VideoReader.h"
#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/Log.h"
#include "util/Threads.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include <unistd.h>

namespace fs = std::filesystem;

namespace vd {
namespace {

/// Bumped whenever the stored fields or the probe's meaning change: an index file of another
/// version is ignored and rebuilt. 2: frame counts as docs/frames.md defines them.
constexpr int kIndexVersion = 2;
constexpr const char* kIndexFormat = "vdstudio-dataset-index";
/// Captions longer than this are cut: a sidecar is a caption, not a document.
constexpr std::streamsize kMaxCaptionBytes = 64 * 1024;

const std::set<std::string>& videoExtensions()
{
    static const std::set<std::string> exts{
        "mp4", "m4v", "mov", "mkv", "webm", "avi", "gif", "mpg", "mpeg", "ts",   "m2ts", "mts",
        "wmv", "flv", "ogv", "3gp", "3g2",  "mxf", "y4m", "vob", "asf",  "divx", "f4v",  "qt"};
    return exts;
}

std::string lowerExtension(const fs::path& p)
{
    std::string ext = p.extension().string();
    if (!ext.empty() && ext[0] == '.') {
        ext.erase(0, 1);
    }
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string trim(const std::string& s)
{
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    auto b = std::find_if(s.begin(), s.end(), notSpace);
    auto e = std::find_if(s.rbegin(), s.rend(), notSpace).base();
    return b < e ? std::string(b, e) : std::string();
}

/// The probe's message starts with "'<path>': "; the skipped list already names the file.
std::string withoutPathPrefix(const std::string& message)
{
    if (message.size() > 1 && message[0] == '\'') {
        const auto end = message.find("': ");
        if (end != std::string::npos) {
            return message.substr(end + 3);
        }
    }
    return message;
}

int64_t mtimeNs(const fs::path& p, std::error_code& ec)
{
    const auto t = fs::last_write_time(p, ec);
    if (ec) {
        return 0;
    }
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::string readCaption(const fs::path& videoPath)
{
    fs::path sidecar = videoPath;
    sidecar.replace_extension(".txt");
    std::error_code ec;
    if (!fs::is_regular_file(sidecar, ec)) {
        return {};
    }
    std::ifstream in(sidecar, std::ios::binary);
    if (!in) {
        return {};
    }
    std::string text(static_cast<size_t>(kMaxCaptionBytes), '\0');
    in.read(text.data(), kMaxCaptionBytes);
    text.resize(static_cast<size_t>(in.gcount()));
    return trim(text);
}

nlohmann::json infoToJson(const VideoInfo& i)
{
    return {{"container", i.container},
            {"codec", i.codec},
            {"pixel_format", i.pixelFormat},
            {"width", i.width},
            {"height", i.height},
            {"display_width", i.displayWidth},
            {"display_height", i.displayHeight},
            {"rotation", i.rotationDeg},
            {"fps_num", i.fps.num},
            {"fps_den", i.fps.den},
            {"frames", i.frames},
            {"frames_counted", i.framesCounted},
            {"duration_s", i.durationS},
            {"vfr", i.variableFrameRate},
            {"alpha", i.hasAlpha},
            {"bit_depth", i.bitDepth}};
}

/// The integer at `key`, range-checked. nlohmann's get<int>() casts a number stored as a double
/// ("-9.4e18") or past the type's range unchecked, which is undefined behaviour (the fuzz finding
/// mtime-beyond-int64); here either throws, and the index is rebuilt.
template <class T> T integerAt(const nlohmann::json& j, const char* key)
{
    const nlohmann::json& v = j.at(key);
    if (v.is_number_unsigned()) {
        const uint64_t u = v.get<uint64_t>();
        if (u <= static_cast<uint64_t>(std::numeric_limits<T>::max())) {
            return static_cast<T>(u);
        }
    } else if (v.is_number_integer()) {
        const int64_t i = v.get<int64_t>();
        if constexpr (std::numeric_limits<T>::is_signed) {
            if (i >= std::numeric_limits<T>::min() && i <= std::numeric_limits<T>::max()) {
                return static_cast<T>(i);
            }
        } else if (i >= 0 && static_cast<uint64_t>(i) <= std::numeric_limits<T>::max()) {
            return static_cast<T>(i);
        }
    }
    throw std::out_of_range(std::string(key) + ": not an integer in range");
}

VideoInfo infoFromJson(const nlohmann::json& j)
{
    VideoInfo i;
    i.container = j.at("container").get<std::string>();
    i.codec = j.at("codec").get<std::string>();
    i.pixelFormat = j.at("pixel_format").get<std::string>();
    i.width = integerAt<int>(j, "width");
    i.height = integerAt<int>(j, "height");
    i.displayWidth = integerAt<int>(j, "display_width");
    i.displayHeight = integerAt<int>(j, "display_height");
    i.rotationDeg = integerAt<int>(j, "rotation");
    i.fps.num = integerAt<int>(j, "fps_num");
    i.fps.den = integerAt<int>(j, "fps_den");
    i.frames = integerAt<int64_t>(j, "frames");
    i.framesCounted = j.at("frames_counted").get<bool>();
    i.durationS = j.at("duration_s").get<double>();
    i.variableFrameRate = j.at("vfr").get<bool>();
    i.hasAlpha = j.at("alpha").get<bool>();
    i.bitDepth = integerAt<int>(j, "bit_depth");
    if (i.width <= 0 || i.height <= 0 || i.frames < 0) {
        throw std::runtime_error("bad dimensions");
    }
    return i;
}

/// One file found by the walk, with what the probe (or the index file) said about it.
struct Candidate {
    std::string rel;
    fs::path abs;
    uint64_t size = 0;
    int64_t mtime = 0;
    bool fromCache = false;
    bool ok = false;
    VideoInfo info;
    std::string reason;
    std::string code;
};

/// A previous result from the index file, valid while size and mtime match.
struct CachedEntry {
    uint64_t size = 0;
    int64_t mtime = 0;
    bool ok = false;
    VideoInfo info;
    std::string reason;
    std::string code;
};

std::unordered_map<std::string, CachedEntry> readIndexFile(const fs::path& file)
{
    std::unordered_map<std::string, CachedEntry> entries;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        return entries;
    }
    try {
        std::ifstream in(file, std::ios::binary);
        const nlohmann::json j = nlohmann::json::parse(in);
        if (j.at("format").get<std::string>() != kIndexFormat ||
            integerAt<int>(j, "version") != kIndexVersion) {
            log::get("data")->info("{}: index file of another version, rebuilding", file.string());
            return entries;
        }
        for (const auto& f : j.at("files")) {
            CachedEntry e;
            e.size = integerAt<uint64_t>(f, "size");
            e.mtime = integerAt<int64_t>(f, "mtime_ns");
            e.ok = f.at("ok").get<bool>();
            if (e.ok) {
                e.info = infoFromJson(f.at("info"));
            } else {
                e.reason = f.at("reason").get<std::string>();
                e.code = f.value("code", std::string("error"));
            }
            entries.emplace(f.at("path").get<std::string>(), std::move(e));
        }
    } catch (const std::exception& e) {
        // A damaged index only costs a re-probe; never let it break the scan.
        log::get("data")->warn("{}: ignoring unreadable index file ({})", file.string(), e.what());
        entries.clear();
    }
    return entries;
}

/// Writes the index next to the data, atomically (temp file + rename), so that a crash or a
/// concurrent reader never sees half a file. Failure (read-only folder, full disk) is not an
/// error: the dataset still works, it is just probed again next time.
void writeIndexFile(const fs::path& file, const std::vector<Candidate>& all)
{
    nlohmann::json files = nlohmann::json::array();
    for (const Candidate& c : all) {
        nlohmann::json f{{"path", c.rel}, {"size", c.size}, {"mtime_ns", c.mtime}, {"ok", c.ok}};
        if (c.ok) {
            f["info"] = infoToJson(c.info);
        } else {
            f["reason"] = c.reason;
            f["code"] = c.code;
        }
        files.push_back(std::move(f));
    }
    const nlohmann::json j{{"format", kIndexFormat}, {"version", kIndexVersion}, {"files", files}};

    try {
        writeFileAtomically(file.string(), j.dump(1));
    } catch (const Error& e) {
        // A folder we may not write to (a read-only dataset) is expected; anything else is not.
        const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
        if (::access(folder.c_str(), W_OK) != 0) {
            log::get("data")->debug("{}: cannot write the index file, not caching ({})",
                                    file.string(), e.what());
        } else {
            log::get("data")->warn("{}: writing the index file failed, not caching ({})",
                                   file.string(), e.what());
        }
    }
}

void probeAll(std::vector<Candidate*>& todo, int threads,
              const std::function<void(int, int)>& progress)
{
    const int total = static_cast<int>(todo.size());
    std::mutex progressMutex;
    int probed = 0;
    if (progress) {
        progress(0, total);
    }
    std::atomic<size_t> nextItem{0};
    auto work = [&]() {
        for (size_t i = nextItem++; i < todo.size(); i = nextItem++) {
            Candidate& c = *todo[i];
            try {
                c.info = VideoReader::probe(c.abs.string());
                c.ok = true;
            } catch (const Error& e) {
                c.code = errorCodeName(e.code());
                c.reason = c.code + ": " + withoutPathPrefix(e.what());
            } catch (const std::exception& e) {
                c.code = errorCodeName(ErrorCode::Generic);
                c.reason = c.code + ": " + e.what();
            }
            if (progress) {
                std::lock_guard lock(progressMutex);
                progress(++probed, total);
            }
        }
    };
    const int n = std::max(1, std::min<int>(threads, static_cast<int>(todo.size())));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(n - 1));
    for (int t = 1; t < n; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
}

} // namespace

DatasetIndex DatasetIndex::scan(const std::string& root, const ScanOptions& options)
{
    auto logger = log::get("data");
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) {
        throw Error(ErrorKind::InputData, "'" + root + "': not a folder", ErrorCode::FileNotFound);
    }
    const fs::path rootPath = fs::absolute(root, ec).lexically_normal();

    // Walk the tree. Hidden files and folders (ours included) are not part of the dataset.
    std::vector<Candidate> all;
    fs::recursive_directory_iterator it(rootPath, fs::directory_options::skip_permission_denied,
                                        ec);
    if (ec) {
        throw Error(ErrorKind::InputData, "'" + root + "': cannot read folder: " + ec.message(),
                    ErrorCode::FileNotFound);
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            logger->warn("{}: {}", root, ec.message());
            ec.clear();
            continue;
        }
        const fs::directory_entry& entry = *it;
        const std::string name = entry.path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (entry.is_directory(ec)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (!entry.is_regular_file(ec) || !DatasetIndex::isVideoFileName(name)) {
            continue;
        }
        Candidate c;
        c.abs = entry.path();
        c.rel = entry.path().lexically_relative(rootPath).generic_string();
        c.size = static_cast<uint64_t>(entry.file_size(ec));
        c.mtime = mtimeNs(entry.path(), ec);
        all.push_back(std::move(c));
    }
    std::sort(all.begin(), all.end(),
              [](const Candidate& a, const Candidate& b) { return a.rel < b.rel; });

    // Reuse what the index file knows about unchanged files; probe the rest in parallel.
    const fs::path indexPath = rootPath / kIndexFileName;
    std::unordered_map<std::string, CachedEntry> cached;
    if (options.useCache) {
        cached = readIndexFile(indexPath);
    }
    std::vector<Candidate*> todo;
    for (Candidate& c : all) {
        auto found = cached.find(c.rel);
        if (found != cached.end() && found->second.size == c.size &&
            found->second.mtime == c.mtime) {
            CachedEntry& e = found->second;
            c.fromCache = true;
            c.ok = e.ok;
            c.info = std::move(e.info);
            c.reason = std::move(e.reason);
            c.code = std::move(e.code);
        } else {
            todo.push_back(&c);
        }
    }
    const int threads = options.threads > 0 ? options.threads : hardwareThreads();
    probeAll(todo, threads, options.progress);

    // Rewrite the index only when it would change: a dataset on a shared or read-only mount is
    // then opened without touching it.
    if (options.useCache) {
        // Every file not probed matched a cached entry, so equal counts mean equal contents.
        const bool changed = !todo.empty() || cached.size() != all.size();
        if (changed) {
            writeIndexFile(indexPath, all);
        }
    }

    DatasetIndex index;
    index.m_root = rootPath.string();
    index.m_probed = static_cast<int>(todo.size());
    std::set<std::string> labels;
    for (Candidate& c : all) {
        if (!c.ok) {
            index.m_skipped.push_back({c.rel, c.reason, c.code});
            continue;
        }
        ClipEntry clip;
        clip.path = c.rel;
        const auto slash = c.rel.find('/');
        if (slash != std::string::npos) {
            clip.label = c.rel.substr(0, slash);
            labels.insert(clip.label);
        }
        clip.caption = readCaption(c.abs);
        clip.info = std::move(c.info);
        clip.info.path = c.abs.string();
        clip.sizeBytes = c.size;
        clip.mtimeNs = c.mtime;
        index.m_clips.push_back(std::move(clip));
    }
    index.m_labels.assign(labels.begin(), labels.end());
    for (ClipEntry& clip : index.m_clips) {
        if (!clip.label.empty()) {
            const auto pos =
                std::lower_bound(index.m_labels.begin(), index.m_labels.end(), clip.label);
            clip.labelIndex = static_cast<int>(pos - index.m_labels.begin());
        }
    }

    logger->info("{}: {} clips, {} skipped, {} labels ({} probed, {} from the index file)",
                 index.m_root, index.m_clips.size(), index.m_skipped.size(), index.m_labels.size(),
                 index.m_probed, static_cast<int>(all.size()) - index.m_probed);
    return index;
}

bool DatasetIndex::isVideoFileName(const std::string& path)
{
    return videoExtensions().count(lowerExtension(path)) > 0;
}

int64_t DatasetIndex::totalFrames() const
{
    int64_t total = 0;
    for (const ClipEntry& c : m_clips) {
        total += c.info.frames;
    }
    return total;
}

double DatasetIndex::totalDurationS() const
{
    double total = 0.0;
    for (const ClipEntry& c : m_clips) {
        total += c.info.durationS;
    }
    return total;
}

} // namespace vd
