// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Checkpoint.h"

#include "train/detail/CheckpointError.h"
#include "train/detail/OptimizerState.h"
#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/JsonParse.h"
#include "util/Log.h"
#include "util/Safetensors.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include <stdlib.h>

namespace fs = std::filesystem;

namespace vd {

using detail::failCheckpointInput;
using detail::optimizerState;
using detail::restoreOptimizer;

namespace {

constexpr int kFormatVersion = 1;

std::shared_ptr<spdlog::logger> logger()
{
    return log::get("train");
}

std::string toHex(const uint8_t* data, size_t n)
{
    static const char kDigits[] = "0123456789abcdef";
    std::string out(n * 2, '0');
    for (size_t i = 0; i < n; ++i) {
        out[2 * i] = kDigits[data[i] >> 4];
        out[2 * i + 1] = kDigits[data[i] & 15];
    }
    return out;
}

std::optional<std::vector<uint8_t>> fromHex(const std::string& text)
{
    if (text.size() % 2) {
        return std::nullopt;
    }
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    };
    std::vector<uint8_t> out(text.size() / 2);
    for (size_t i = 0; i < out.size(); ++i) {
        const int hi = digit(text[2 * i]);
        const int lo = digit(text[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        out[i] = static_cast<uint8_t>(hi * 16 + lo);
    }
    return out;
}

void requireFinite(const NamedTensors& tensors, const char* what)
{
    for (const auto& [name, t] : tensors) {
        if (t.defined() && t.is_floating_point() && t.numel() > 0 &&
            !torch::isfinite(t.detach()).all().item<bool>()) {
            throw Error(ErrorKind::Runtime,
                        std::string("checkpoint not saved: ") + what + " tensor '" + name +
                            "' holds NaN or infinite values (non-finite weights are never saved)",
                        ErrorCode::NonFinite);
        }
    }
}

nlohmann::json cpuRNGState()
{
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    const torch::Tensor state = gen.get_state().contiguous();
    return toHex(state.data_ptr<uint8_t>(), static_cast<size_t>(state.numel()));
}

void setCPURNGState(const std::vector<uint8_t>& bytes)
{
    torch::Tensor state = torch::empty({static_cast<int64_t>(bytes.size())}, torch::kUInt8);
    std::memcpy(state.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

/// Parses the N of "step-N"; nullopt for any other name (temp folders included).
std::optional<int64_t> stepOfName(const std::string& name)
{
    const std::string prefix = "step-";
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        name.size() > prefix.size() + 18) {
        return std::nullopt;
    }
    int64_t step = 0;
    for (size_t i = prefix.size(); i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9') {
            return std::nullopt;
        }
        step = step * 10 + (name[i] - '0');
    }
    return step;
}

/// state.json of `dir`; throws vd::Error(InputData) if it is missing or malformed.
nlohmann::json readState(const std::string& dir)
{
    const fs::path file = fs::path(dir) / Checkpoint::kStateFile;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        failCheckpointInput(dir, ErrorCode::FileNotFound,
                            std::string("no ") + Checkpoint::kStateFile +
                                " (incomplete checkpoint)");
    }
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json state;
    try {
        state = parseJson(ss.str());
    } catch (const nlohmann::json::exception& e) {
        failCheckpointInput(dir, ErrorCode::CorruptHeader,
                            std::string(Checkpoint::kStateFile) +
                                " is not valid JSON: " + e.what());
    }
    if (!state.is_object() || !state.contains("step") || !state["step"].is_number_integer() ||
        !state.contains("files") || !state["files"].is_object()) {
        failCheckpointInput(dir, ErrorCode::CorruptHeader,
                            std::string(Checkpoint::kStateFile) + " lacks 'step' or 'files'");
    }
    if (state.value("version", 0) > kFormatVersion) {
        failCheckpointInput(dir, ErrorCode::CorruptHeader,
                            "written by a newer VDStudio (format version " +
                                std::to_string(state.value("version", 0)) + ")");
    }
    return state;
}

/// Why `dir` is not a complete checkpoint, or empty if it is.
std::string incompleteReason(const std::string& dir)
{
    const auto step = stepOfName(fs::path(dir).filename().string());
    if (!step) {
        return "not named step-N";
    }
    try {
        const nlohmann::json state = readState(dir);
        if (state["step"].get<int64_t>() != *step) {
            return "state.json is for step " + std::to_string(state["step"].get<int64_t>());
        }
        if (!state["files"].contains(Checkpoint::kModelFile)) {
            return std::string("state.json lists no ") + Checkpoint::kModelFile;
        }
        for (const auto& [name, size] : state["files"].items()) {
            std::error_code ec;
            const auto actual = fs::file_size(fs::path(dir) / name, ec);
            if (ec) {
                return name + " is missing";
            }
            if (!size.is_number_unsigned() || actual != size.get<uint64_t>()) {
                return name + " has " + std::to_string(actual) + " bytes, state.json says " +
                       size.dump();
            }
        }
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

CheckpointInfo infoFromState(const std::string& dir, const nlohmann::json& state,
                             const SafetensorsFile& modelHeader)
{
    CheckpointInfo info;
    info.path = dir;
    info.step = state["step"].get<int64_t>();
    info.extra = state.value("extra", nlohmann::json::object());
    info.hasEMA = state["files"].contains(Checkpoint::kEMAFile);
    info.hasOptimizer = state["files"].contains(Checkpoint::kOptimizerFile);
    info.hasRNG = state.contains("rng") && state["rng"].contains("cpu");
    if (const auto config = modelHeader.metadataValue("config")) {
        try {
            info.config = parseJson(*config);
        } catch (const nlohmann::json::exception& e) {
            failCheckpointInput(dir, ErrorCode::CorruptHeader,
                                std::string("the config in ") + Checkpoint::kModelFile +
                                    " is not valid JSON: " + e.what());
        }
    }
    return info;
}

} // namespace

std::string Checkpoint::folderName(int64_t step)
{
    return "step-" + std::to_string(step);
}

std::string Checkpoint::save(const std::string& checkpointsDir, const CheckpointParts& parts,
                             int64_t step, const nlohmann::json& config,
                             const nlohmann::json& extra, int keepLast)
{
    if (!parts.model) {
        throw Error(ErrorKind::Usage, "checkpoint: no model to save", ErrorCode::InvalidValue);
    }
    if (step < 0) {
        throw Error(ErrorKind::Usage, "checkpoint: negative step " + std::to_string(step),
                    ErrorCode::InvalidValue);
    }

    // Gather and check everything before the first byte is written.
    const NamedTensors model = SafetensorsFile::tensorsOf(*parts.model);
    requireFinite(model, "model");
    NamedTensors ema;
    if (parts.ema) {
        ema = SafetensorsFile::tensorsOf(*parts.ema);
        requireFinite(ema, "EMA");
    }
    NamedTensors optimizerTensors;
    nlohmann::json groups;
    if (parts.optimizer) {
        std::tie(optimizerTensors, groups) = optimizerState(*parts.optimizer, *parts.model);
        requireFinite(optimizerTensors, "optimizer");
    }

    const fs::path root(checkpointsDir);
    const fs::path final = root / folderName(step);
    std::string tmpDir;
    try {
        fs::create_directories(root);
        std::string pattern = (root / (folderName(step) + ".tmp-XXXXXX")).string();
        if (!::mkdtemp(pattern.data())) {
            const int err = errno;
            throw Error(ErrorKind::Runtime,
                        "cannot create a checkpoint folder in " + checkpointsDir + ": " +
                            std::strerror(err),
                        ErrorCode::WriteFailed);
        }
        tmpDir = pattern;

        nlohmann::json files = nlohmann::json::object();
        auto writeTensors = [&](const char* name, const NamedTensors& tensors,
                                const SafetensorsMetadata& metadata) {
            const fs::path file = fs::path(tmpDir) / name;
            SafetensorsFile::write(file.string(), tensors, metadata);
            files[name] = static_cast<uint64_t>(fs::file_size(file));
        };
        SafetensorsMetadata modelMeta{{"format", "pt"}, {"step", std::to_string(step)}};
        if (!config.is_null()) {
            modelMeta["config"] = config.dump();
        }
        writeTensors(kModelFile, model, modelMeta);
        if (parts.ema) {
            writeTensors(kEMAFile, ema, {{"format", "pt"}, {"step", std::to_string(step)}});
        }
        if (parts.optimizer) {
            writeTensors(kOptimizerFile, optimizerTensors,
                         {{"format", "pt"}, {"optimizer", "AdamW"}});
        }
        nlohmann::json state = {{"format", "vdstudio-checkpoint"},
                                {"version", kFormatVersion},
                                {"step", step},
                                {"files", files},
                                {"rng", {{"cpu", cpuRNGState()}}},
                                {"extra", extra.is_null() ? nlohmann::json::object() : extra}};
        if (parts.optimizer) {
            state["optimizer"] = {{"type", "AdamW"}, {"param_groups", groups}};
        }
        // Each writeFileAtomically above and here also syncs tmpDir, so its entries are durable.
        writeFileAtomically((fs::path(tmpDir) / kStateFile).string(), state.dump(2));

        // rename(2) cannot replace a non-empty folder: move an old step-N aside first (to a
        // temp name, so it is never taken for a checkpoint), and delete it once the new one is in.
        std::string displaced;
        if (fs::exists(final)) {
            displaced = tempNameFor(final.string());
            fs::rename(final, displaced);
        }
        fs::rename(tmpDir, final);
        tmpDir.clear();
        syncDirectory(root.string());
        if (!displaced.empty()) {
            std::error_code ec;
            fs::remove_all(displaced, ec);
        }
    } catch (const fs::filesystem_error& e) {
        if (!tmpDir.empty()) {
            std::error_code ec;
            fs::remove_all(tmpDir, ec);
        }
        throw Error(ErrorKind::Runtime,
                    "cannot write checkpoint " + final.string() + ": " + e.what(),
                    ErrorCode::WriteFailed);
    } catch (...) {
        if (!tmpDir.empty()) {
            std::error_code ec;
            fs::remove_all(tmpDir, ec);
        }
        throw;
    }
    logger()->info("saved checkpoint {}", final.string());
    prune(checkpointsDir, keepLast, final.string());
    return final.string();
}

CheckpointInfo Checkpoint::readInfo(const std::string& checkpointDir)
{
    const std::string reason = incompleteReason(checkpointDir);
    if (!reason.empty()) {
        failCheckpointInput(checkpointDir, ErrorCode::Truncated, "incomplete: " + reason);
    }
    const nlohmann::json state = readState(checkpointDir);
    const auto header =
        SafetensorsFile::openHeader((fs::path(checkpointDir) / kModelFile).string());
    return infoFromState(checkpointDir, state, header);
}

CheckpointInfo Checkpoint::load(const std::string& checkpointDir, const CheckpointParts& parts,
                                bool restoreRNG)
{
    if (!parts.model) {
        throw Error(ErrorKind::Usage, "checkpoint: no model to load into", ErrorCode::InvalidValue);
    }
    const std::string reason = incompleteReason(checkpointDir);
    if (!reason.empty()) {
        failCheckpointInput(checkpointDir, ErrorCode::Truncated, "incomplete: " + reason);
    }
    const nlohmann::json state = readState(checkpointDir);
    const fs::path dir(checkpointDir);

    // Open and validate every file before changing anything.
    const TensorShapes modelShapes = SafetensorsFile::shapesOf(*parts.model);
    const SafetensorsFile model = SafetensorsFile::open((dir / kModelFile).string(), &modelShapes);
    CheckpointInfo info = infoFromState(checkpointDir, state, model);
    std::optional<SafetensorsFile> ema;
    if (parts.ema) {
        if (!info.hasEMA) {
            failCheckpointInput(checkpointDir, ErrorCode::FileNotFound, "it holds no EMA weights");
        }
        const TensorShapes emaShapes = SafetensorsFile::shapesOf(*parts.ema);
        ema = SafetensorsFile::open((dir / kEMAFile).string(), &emaShapes);
    }
    std::optional<SafetensorsFile> optimizer;
    if (parts.optimizer) {
        if (!info.hasOptimizer) {
            failCheckpointInput(checkpointDir, ErrorCode::FileNotFound,
                                "it holds no optimizer state");
        }
        optimizer = SafetensorsFile::open((dir / kOptimizerFile).string());
    }
    std::optional<std::vector<uint8_t>> rng;
    if (restoreRNG && info.hasRNG) {
        rng = fromHex(state["rng"]["cpu"].is_string() ? state["rng"]["cpu"].get<std::string>()
                                                      : std::string("x"));
        if (!rng) {
            failCheckpointInput(checkpointDir, ErrorCode::CorruptHeader,
                                "the RNG state is not hex");
        }
    }

    model.loadInto(*parts.model);
    if (ema) {
        ema->loadInto(*parts.ema);
    }
    if (optimizer) {
        const nlohmann::json groups =
            state.contains("optimizer") ? state["optimizer"].value("param_groups", nlohmann::json())
                                        : nlohmann::json();
        restoreOptimizer(*parts.optimizer, *parts.model, *optimizer, groups, checkpointDir);
    }
    if (rng) {
        try {
            setCPURNGState(*rng);
        } catch (const c10::Error& e) {
            failCheckpointInput(checkpointDir, ErrorCode::CorruptHeader,
                                std::string("the RNG state is invalid: ") +
                                    e.what_without_backtrace());
        }
    }
    logger()->info("restored checkpoint {} (step {})", checkpointDir, info.step);
    return info;
}

std::vector<std::pair<int64_t, std::string>>
Checkpoint::listComplete(const std::string& checkpointsDir)
{
    std::vector<std::pair<int64_t, std::string>> out;
    std::error_code ec;
    fs::directory_iterator it(checkpointsDir, ec);
    if (ec) {
        return out;
    }
    for (const fs::directory_entry& entry : it) {
        const std::string name = entry.path().filename().string();
        const auto step = stepOfName(name);
        if (!step || !entry.is_directory(ec)) {
            continue; // temp folders and strangers
        }
        const std::string reason = incompleteReason(entry.path().string());
        if (!reason.empty()) {
            logger()->warn("ignoring incomplete checkpoint {}: {}", entry.path().string(), reason);
            continue;
        }
        out.emplace_back(*step, entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> Checkpoint::findLatest(const std::string& checkpointsDir)
{
    const auto all = listComplete(checkpointsDir);
    if (all.empty()) {
        return std::nullopt;
    }
    return all.back().second;
}

bool Checkpoint::isComplete(const std::string& checkpointDir)
{
    return incompleteReason(checkpointDir).empty();
}

void Checkpoint::prune(const std::string& checkpointsDir, int keepLast, const std::string& keep)
{
    // Deleting a folder is not atomic: rename it to a temp name first, so that a kill during the
    // deletion leaves something findLatest() ignores.
    auto remove = [](const fs::path& path, const char* what) {
        std::error_code ec;
        const std::string doomed = tempNameFor(path.string());
        fs::rename(path, doomed, ec);
        fs::remove_all(ec ? path : fs::path(doomed), ec);
        if (ec) {
            logger()->warn("cannot remove {} {}: {}", what, path.string(), ec.message());
        }
        return !ec;
    };

    // Leftovers of a killed save or deletion: never complete, never needed.
    std::vector<fs::path> leftovers;
    std::error_code ec;
    for (fs::directory_iterator it(checkpointsDir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("step-", 0) == 0 && name.find(".tmp") != std::string::npos &&
            it->path().string() != keep) {
            leftovers.push_back(it->path());
        }
    }
    for (const fs::path& path : leftovers) {
        std::error_code rmError;
        fs::remove_all(path, rmError);
        if (rmError) {
            logger()->warn("cannot remove {}: {}", path.string(), rmError.message());
        }
    }
    if (keepLast <= 0) {
        return;
    }
    const auto all = listComplete(checkpointsDir);
    const fs::path keepPath = keep.empty() ? fs::path() : fs::path(keep).lexically_normal();
    int toDelete = static_cast<int>(all.size()) - keepLast;
    for (const auto& [step, path] : all) {
        if (toDelete <= 0) {
            break;
        }
        if (!keep.empty() && fs::path(path).lexically_normal() == keepPath) {
            continue;
        }
        if (remove(path, "old checkpoint")) {
            logger()->info("removed old checkpoint {}", path);
        }
        --toDelete;
    }
}

} // namespace vd
