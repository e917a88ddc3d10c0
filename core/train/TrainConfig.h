// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace vd {

enum class ClipMode {
    None,
    Norm,           ///< clip the global gradient norm to `clipValue`
    AdaptiveUnitwise ///< AGC: per output unit, ||g|| <= clipValue * max(||w||, eps) (Brock et al. 2021)
};

/// Optimizer and schedule settings shared by both training stages.
struct TrainConfig {
    int64_t steps = 1000;
    /// > 0: a wall-time budget for this session's training. The Trainer measures its steps and
    /// previews and plans the step count (at most `steps`) so that training ends within it; the
    /// learning-rate schedule follows the plan. 0 = train all `steps`.
    double maxMinutes = 0.0;
    int batchSize = 8;
    int gradAccumulation = 1;   ///< micro-batches per optimizer step
    double learningRate = 2e-4;
    double weightDecay = 0.01;
    /// "adamw"; or "muon": Muon (train/detail/Muon.h) for the hidden weight matrices with the
    /// same learning rate, schedule and weight decay, AdamW for the rest. AdamW when a file does
    /// not say (older projects train as they did).
    std::string optimizer = "adamw";
    double beta1 = 0.9;
    double beta2 = 0.99;
    int64_t warmupSteps = 50;   ///< linear warm-up, then cosine decay to minLrRatio * lr
    double minLrRatio = 0.1;
    ClipMode clip = ClipMode::Norm;
    double clipValue = 1.0;
    double emaDecay = 0.999;    ///< 0 disables EMA
    int64_t emaStartStep = 0;
    int64_t logEvery = 10;      ///< steps between metrics lines
    int64_t previewEvery = 200; ///< steps between preview clips; 0 = never
    int64_t checkpointEvery = 500;
    int keepCheckpoints = 3;
    int maxNonFiniteSteps = 20; ///< consecutive skipped steps before the run stops with an error
    uint64_t seed = 0;
    std::string device = "auto"; ///< auto | cpu | cuda | cuda:N
    /// Arithmetic of the training step's forward pass: "float32"; "bfloat16" (autocast: convs
    /// and matmuls in bf16, weights, norms and the loss in float32); "mixed" (bf16 autocast
    /// with the convolutions in float32, see model/ConvPrecision.h); "auto" = bfloat16 on
    /// CUDA, float32 on a CPU without native bf16, and on a CPU with it (AVX512-BF16, AMX) the
    /// fastest of the three, timed on the run's own first steps (Trainer). Float32 when a file
    /// does not say (older projects train as they did); the presets say "auto".
    std::string precision = "float32";
};

/// How a training step computes (TrainConfig::precision once resolved).
enum class StepPrecision { Float32, BFloat16, Mixed };

/// Stable names: "float32", "bfloat16", "mixed".
const char* stepPrecisionName(StepPrecision p);

/// The precision `c` asks for on a device of this kind, or nullopt where "auto" has to time
/// the candidates (a CPU with native bf16; Trainer does).
std::optional<StepPrecision> fixedStepPrecision(const TrainConfig& c, bool cuda);

void to_json(nlohmann::json& j, const TrainConfig& c);
/// Throws vd::Error (Config) naming the key for unknown keys and out-of-range values.
void from_json(const nlohmann::json& j, TrainConfig& c);
/// Reads a TrainConfig whose keys live at `path` (e.g. "vae.train"), for messages.
TrainConfig trainConfigFromJson(const nlohmann::json& j, const std::string& path);

/// Learning rate at `step` (0-based): linear warm-up from 0, then cosine to minLrRatio * lr.
double learningRateAt(const TrainConfig& c, int64_t step);

const char* clipModeName(ClipMode mode);

} // namespace vd
