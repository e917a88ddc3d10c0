// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainConfig.h"

#include "util/JsonFields.h"
#include "util/Threads.h"

#include <cmath>

namespace vd {

const char* clipModeName(ClipMode mode)
{
    switch (mode) {
    case ClipMode::None: return "none";
    case ClipMode::Norm: return "norm";
    case ClipMode::AdaptiveUnitwise: return "agc";
    }
    return "none";
}

void to_json(nlohmann::json& j, const TrainConfig& c)
{
    j = nlohmann::json{{"steps", c.steps},
                       {"batch_size", c.batchSize},
                       {"grad_accumulation", c.gradAccumulation},
                       {"max_minutes", c.maxMinutes},
                       {"learning_rate", c.learningRate},
                       {"optimizer", c.optimizer},
                       {"weight_decay", c.weightDecay},
                       {"beta1", c.beta1},
                       {"beta2", c.beta2},
                       {"warmup_steps", c.warmupSteps},
                       {"min_lr_ratio", c.minLrRatio},
                       {"clip", clipModeName(c.clip)},
                       {"clip_value", c.clipValue},
                       {"ema_decay", c.emaDecay},
                       {"ema_start_step", c.emaStartStep},
                       {"log_every", c.logEvery},
                       {"preview_every", c.previewEvery},
                       {"checkpoint_every", c.checkpointEvery},
                       {"keep_checkpoints", c.keepCheckpoints},
                       {"max_non_finite_steps", c.maxNonFiniteSteps},
                       {"seed", c.seed},
                       {"device", c.device},
                       {"precision", c.precision}};
}

void from_json(const nlohmann::json& j, TrainConfig& c)
{
    c = trainConfigFromJson(j, "train");
}

TrainConfig trainConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    TrainConfig c;
    JsonFields f(j, path);
    f.read("steps", c.steps, 0, int64_t(1) << 40);
    f.read("max_minutes", c.maxMinutes, 0.0, 1e6);
    f.read("batch_size", c.batchSize, 1, 4096);
    f.read("grad_accumulation", c.gradAccumulation, 1, 1024);
    f.read("learning_rate", c.learningRate, 0.0, 1.0);
    f.readChoice("optimizer", c.optimizer, {"adamw", "muon"});
    f.read("weight_decay", c.weightDecay, 0.0, 10.0);
    f.read("beta1", c.beta1, 0.0, 0.999999);
    f.read("beta2", c.beta2, 0.0, 0.999999);
    f.read("warmup_steps", c.warmupSteps, 0, int64_t(1) << 40);
    f.read("min_lr_ratio", c.minLrRatio, 0.0, 1.0);
    std::string clip = clipModeName(c.clip);
    f.readChoice("clip", clip, {"none", "norm", "agc"});
    c.clip = clip == "norm" ? ClipMode::Norm : clip == "agc" ? ClipMode::AdaptiveUnitwise
                                                            : ClipMode::None;
    f.read("clip_value", c.clipValue, 1e-6, 1e6);
    f.read("ema_decay", c.emaDecay, 0.0, 0.999999);
    f.read("ema_start_step", c.emaStartStep, 0, int64_t(1) << 40);
    f.read("log_every", c.logEvery, 1, int64_t(1) << 40);
    f.read("preview_every", c.previewEvery, 0, int64_t(1) << 40);
    f.read("checkpoint_every", c.checkpointEvery, 1, int64_t(1) << 40);
    f.read("keep_checkpoints", c.keepCheckpoints, 1, 1000);
    f.read("max_non_finite_steps", c.maxNonFiniteSteps, 1, 100000);
    f.read("seed", c.seed);
    f.read("device", c.device);
    if (c.device != "auto" && c.device != "cpu" && c.device.rfind("cuda", 0) != 0) {
        f.fail("device", "'" + c.device + "' is not auto, cpu, cuda or cuda:N");
    }
    f.readChoice("precision", c.precision, {"auto", "float32", "bfloat16", "mixed"});
    f.finish();
    return c;
}

const char* stepPrecisionName(StepPrecision p)
{
    switch (p) {
    case StepPrecision::BFloat16:
        return "bfloat16";
    case StepPrecision::Mixed:
        return "mixed";
    case StepPrecision::Float32:
        break;
    }
    return "float32";
}

std::optional<StepPrecision> fixedStepPrecision(const TrainConfig& c, bool cuda)
{
    if (c.precision == "bfloat16") {
        return StepPrecision::BFloat16;
    }
    if (c.precision == "mixed") {
        return StepPrecision::Mixed;
    }
    if (c.precision == "auto") {
        if (cuda) {
            return StepPrecision::BFloat16;
        }
        if (cpuHasNativeBf16()) {
            return std::nullopt; // timed by the Trainer
        }
    }
    return StepPrecision::Float32;
}

double learningRateAt(const TrainConfig& c, int64_t step)
{
    if (c.warmupSteps > 0 && step < c.warmupSteps) {
        return c.learningRate * static_cast<double>(step + 1) / static_cast<double>(c.warmupSteps);
    }
    const double span = static_cast<double>(std::max<int64_t>(1, c.steps - c.warmupSteps));
    const double progress = std::min(1.0, static_cast<double>(step - c.warmupSteps) / span);
    // Cosine decay (Loshchilov & Hutter 2017, SGDR) from lr to minLrRatio * lr.
    const double cosine = 0.5 * (1.0 + std::cos(M_PI * progress));
    return c.learningRate * (c.minLrRatio + (1.0 - c.minLrRatio) * cosine);
}

} // namespace vd
