// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace torch::nn {
class Module;
}
namespace torch::optim {
class AdamW;
}

namespace vd {

/// The live objects a checkpoint is saved from or restored into. Not owned; a null part is
/// neither saved nor restored.
struct CheckpointParts {
    torch::nn::Module* model = nullptr; ///< required
    torch::nn::Module* ema = nullptr;   ///< EMA copy of the model (same tensor names)
    /// Optimizer over (some of) `model`'s parameters; its state is keyed by parameter name.
    torch::optim::AdamW* optimizer = nullptr;
};

/// What a checkpoint folder says about itself, without its weights.
struct CheckpointInfo {
    std::string path; ///< the step-N folder
    int64_t step = 0;
    nlohmann::json config; ///< the run's config from model.safetensors' metadata (null if none)
    nlohmann::json extra;  ///< the trainer's own state (loss-curve position, data cursor, ...)
    bool hasEMA = false;
    bool hasOptimizer = false;
    bool hasRNG = false;
};

/// Checkpoints of a run, in `runs/<name>/checkpoints/step-N/`:
///   model.safetensors      weights (parameters and buffers), the config JSON in metadata "config"
///   ema.safetensors        EMA weights, when there is an EMA model
///   optimizer.safetensors  AdamW state per parameter: "<name>.exp_avg", "<name>.exp_avg_sq",
///                          "<name>.step" (I64 scalar), "<name>.max_exp_avg_sq" (amsgrad);
///                          for a matrix that train.optimizer "muon" steps, exp_avg holds
///                          Muon's momentum and exp_avg_sq stays zero
///   state.json             step, CPU RNG state (hex), optimizer param groups, extra JSON, and
///                          the size of every file above; written last
/// A folder is written whole under `step-N.tmp-XXXXXX`, synced, then renamed, so a kill at any
/// moment leaves the last good checkpoint whole; folders whose name has ".tmp" or whose files do
/// not match state.json are never taken for checkpoints. Non-finite weights are never saved.
///
/// Threads: call from the training thread, with the model not being stepped meanwhile. The RNG
/// state is the process-wide default CPU generator (read and set under its mutex).
class Checkpoint {
public:
    static constexpr const char* kModelFile = "model.safetensors";
    static constexpr const char* kEMAFile = "ema.safetensors";
    static constexpr const char* kOptimizerFile = "optimizer.safetensors";
    static constexpr const char* kStateFile = "state.json";

    /// Writes checkpoint `step` into `checkpointsDir` (created if needed) and returns the path of
    /// its step-N folder. An existing step-N folder is replaced. Afterwards only the newest
    /// `keepLast` complete checkpoints are kept (0 keeps all; the new one is never deleted) and
    /// leftover temp folders are removed.
    /// Throws vd::Error(Runtime, NonFinite) naming the tensor if any weight, EMA weight or
    /// optimizer tensor holds NaN/infinity, before anything is written; vd::Error(Usage) for a
    /// null model, negative step or an optimizer parameter that is not in the model;
    /// vd::Error(Runtime, WriteFailed) when the disk refuses (the temp folder is removed).
    static std::string save(const std::string& checkpointsDir, const CheckpointParts& parts,
                            int64_t step, const nlohmann::json& config = nullptr,
                            const nlohmann::json& extra = nlohmann::json::object(),
                            int keepLast = 0);

    /// Restores the parts given from the step-N folder `checkpointDir` (and the CPU RNG state if
    /// `restoreRNG`). All files are opened and validated against the parts before any is
    /// applied. Throws vd::Error(InputData): Truncated/CorruptHeader for a damaged folder or file,
    /// ShapeMismatch (naming the tensor) when the model or optimizer does not fit, NonFinite for
    /// NaN weights, FileNotFound when an asked-for part was not saved.
    static CheckpointInfo load(const std::string& checkpointDir, const CheckpointParts& parts,
                               bool restoreRNG = true);

    /// Reads state.json and model.safetensors' header only. Throws like load().
    static CheckpointInfo readInfo(const std::string& checkpointDir);

    /// The newest complete checkpoint folder in `checkpointsDir`, or nullopt (also when the
    /// folder does not exist). Temp and incomplete folders are skipped with a warning. Never throws
    /// for damaged folders.
    static std::optional<std::string> findLatest(const std::string& checkpointsDir);

    /// Complete checkpoints in `checkpointsDir` as (step, path), oldest first.
    static std::vector<std::pair<int64_t, std::string>>
    listComplete(const std::string& checkpointsDir);

    /// Whether `checkpointDir` is named step-N and holds a readable state.json for step N whose
    /// listed files all exist with the listed sizes. Never throws.
    static bool isComplete(const std::string& checkpointDir);

    /// Deletes all but the newest `keepLast` complete checkpoints (never `keep`, if given), and
    /// every leftover `step-*.tmp*` folder. keepLast <= 0 keeps all checkpoints.
    static void prune(const std::string& checkpointsDir, int keepLast,
                      const std::string& keep = {});

    /// "step-<step>".
    static std::string folderName(int64_t step);
};

} // namespace vd
