// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/Project.h"

#include "diffusion/Sampler.h"
#include "diffusion/SelfConditioning.h"
#include "util/ConfigCheck.h"
#include "util/DurableFile.h"
#include "util/Error.h"
#include "util/JsonFields.h"
#include "util/JsonParse.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace vd {

void to_json(nlohmann::json& j, const DatasetSettings& d)
{
    j = nlohmann::json{{"root", d.root},           {"width", d.width},
            {"height", d.height},       {"frames", d.frames},
            {"stride", d.stride},       {"target_fps", d.targetFps},
            {"random_flip", d.randomFlip}, {"held_out", d.heldOut},
            {"workers", d.workers}};
}

SampleSpec sampleSpecFor(const DatasetSettings& d, int frames)
{
    SampleSpec spec;
    spec.frames = frames;
    spec.stride = d.stride;
    spec.targetFps = d.targetFps;
    spec.width = d.width;
    spec.height = d.height;
    spec.randomFlip = d.randomFlip;
    spec.randomStart = true;
    return spec;
}

DatasetSettings datasetSettingsFromJson(const nlohmann::json& j, const std::string& path)
{
    DatasetSettings d;
    JsonFields f(j, path);
    f.read("root", d.root);
    f.read("width", d.width, 8, 4096);
    f.read("height", d.height, 8, 4096);
    f.read("frames", d.frames, 1, 1024);
    f.read("stride", d.stride, 1, 1000);
    f.read("target_fps", d.targetFps, 0.0, 1000.0);
    f.read("random_flip", d.randomFlip);
    f.read("held_out", d.heldOut, 0.0, 0.5);
    f.read("workers", d.workers, 1, 64);
    f.finish();
    return d;
}

namespace {

JudgeSettings judgeSettingsFromJson(const nlohmann::json& j, const std::string& path)
{
    JudgeSettings s;
    JsonFields f(j, path);
    f.read("every", s.every, 0, 100000000);
    f.read("per_class", s.perClass, 2, 1000);
    f.read("train_steps", s.trainSteps, 1, 1000000);
    f.finish();
    return s;
}

/// Runs `read` on the child object at `key` when present, keeping `out` otherwise.
template <typename T, typename Reader>
void readChild(JsonFields& f, const char* key, T& out, Reader read)
{
    if (const nlohmann::json* child = f.child(key)) {
        out = read(*child, f.childPath(key));
    }
}

/// What the demo measured on a 2-core CPU (bench/RESULTS.md), shared by the presets that train
/// on one: the `demo` and `small` presets set their sizes, step caps and budgets around it.
void applyCpuRecipe(Project& p)
{
    TrainConfig& vt = p.vae.train;
    TrainConfig& dt = p.diffusion.train;
    // Larger VAE batches learn the demo shapes faster per step and more evenly across seeds
    // (bench/RESULTS.md, "VAE batch size").
    vt.batchSize = 32;
    vt.optimizer = "muon";
    vt.learningRate = 1e-3;
    vt.warmupSteps = 50;
    vt.logEvery = 10;
    vt.previewEvery = 250;
    vt.checkpointEvery = 250;
    vt.emaDecay = 0.99;
    p.vae.loss.l1Weight = 0.5;
    p.vae.loss.mseWeight = 1.0;
    p.vae.loss.klWeight = 1e-6;
    p.vae.loss.klWarmupSteps = 200;
    // The decoder learns to draw clean frames from latents moved by a quarter of each
    // channel's spread, so the denoiser's small errors no longer turn into lumps: Frechet
    // distance 26.6 -> 10.7 and class accuracy 82.5 -> 87.9 % over two pairs of runs, for
    // 1.2-1.4 dB of held-out PSNR (bench/RESULTS.md, "A VAE that decodes noisy latents").
    p.vae.loss.latentNoise = 0.25;
    // Muon for the hidden matrices: in the same 5 minutes (12 % fewer steps), Frechet
    // distance 17.7-24.6 against 44.6-58.9 with AdamW alone, recognisable clips 31-42 %
    // against 22-25 %, class accuracy alike (bench/RESULTS.md, "Muon").
    dt.optimizer = "muon";
    dt.learningRate = 1e-3;
    dt.warmupSteps = 50;
    dt.logEvery = 10;
    dt.previewEvery = 1000; // previews and live judging cost sampling time: a few per run
    dt.checkpointEvery = 1000;
    p.diffusion.judge.every = 2000;     // live figures every 2000 steps and at the end
    p.diffusion.judge.trainSteps = 800; // 95-100 % held out on the demo data
    p.sampling.steps = 20;
    // Guidance 4 rather than 2: 10-20 points more class accuracy and a lower Frechet
    // distance on every demo model measured, frame change within 1.12-1.33x of the real
    // clips' (bench/RESULTS.md, "Shorter training windows").
    // Over the whole path (sampling.guidance_to's default): judged on 128-192 clips of each of
    // three `make demo` models, class accuracy 83.9-88.5 -> 90.6-96.1 % and clips held
    // 74-81 -> 78-86 % against guidance below t = 0.8 only, triangles 62-81 -> 88-94 %
    // (bench/RESULTS.md, "Guidance over the whole path for the demo"). The small preset
    // limits it (below).
    p.sampling.guidanceScale = 4.0;
    // Noise levels drawn around t = sigmoid(0.5) = 0.62 instead of 0.5: a clip's layout
    // (where the object is, its outline, its colour) is decided at high noise, and its 4-8
    // frames, which share that layout, average much of the noise away, so a given t hides
    // less of it than in one image; more steps go to high noise. At 2,400 steps, seeds 0 / 7:
    // Frechet distance 21.5 / 21.1 -> 16.7 / 13.1 (and 13.5 / 12.2 in a second run),
    // recognisable clips 28 / 39 % -> 41-44 %; a mean of -0.5 was far worse (67-70 % class
    // accuracy) and +1.0 no better than +0.5 (bench/RESULTS.md, "Noise levels, noise shared
    // by frames"). Over two `make demo` runs each: 82.8 -> 88.7 % class accuracy.
    p.diffusion.objective.logitNormalMean = 0.5;
    // The part of the prediction error that differs between a clip's frames counts twice:
    // it is what lets each frame commit to its own object (colours that switch half-way,
    // outlines that wobble). At 2,800 steps, two seeds each judged at two sampling seeds:
    // clips held through both halves 71.9 -> 78.9 %, class accuracy 87.1 -> 90.6 %,
    // Frechet distance 13.2 -> 10.5; weight 3 was no better on those two (75.0 %, 89.8 %)
    // though closer still to the real clips. Two `make demo` runs with it did not confirm
    // the gain (held 70.3 % as before, class accuracy 85.6 % against 90.1 %; two runs of
    // one setting land 11 points apart): more runs should settle it (bench/RESULTS.md,
    // "Frame deviation loss").
    p.diffusion.objective.frameDeviationWeight = 1.0;
    // The run keeps its EMA weights at about a third of its steps as autoguidance's guide
    // (one checkpoint more); the demo samples with it (below).
    p.diffusion.guideAt = 0.35;
}

} // namespace

Project Project::fromPreset(const std::string& presetName)
{
    if (presetName != "demo" && presetName != "small" && presetName != "base") {
        throw Error(ErrorKind::Config,
                    "preset: '" + presetName + "' is not demo, small or base",
                    ErrorCode::InvalidValue);
    }
    Project p;
    p.preset = presetName;
    p.vae.model = VAEConfig::preset(presetName);
    p.diffusion.model = DenoiserConfig::preset(presetName);
    p.diffusion.model.latentChannels = p.vae.model.latentChannels;

    TrainConfig& vt = p.vae.train;
    TrainConfig& dt = p.diffusion.train;
    if (presetName == "demo") {
        applyCpuRecipe(p);
        // Sized so `make demo` (both stages, sampling, export) fits 10 minutes on a 2-core CPU;
        // see bench/RESULTS.md for the step costs these counts come from.
        // Random 32x32 windows give a far better VAE per minute than whole frames: 1500 steps
        // of 32 windows against 750 of 16 frames, held-out PSNR 24.1 -> 29.0 dB, judged
        // reconstructions 72 -> 91 % (bench/RESULTS.md, "Windows for the VAE; what did not
        // move the denoiser"). `make demo` must fit 10 minutes: 1500 VAE and 700 denoiser steps
        // took 678 s, so 1100 VAE steps.
        // The denoiser trains for a time budget, not a step count: on the large shapes its
        // samples improve with every minute (600 steps: 36-42 % class accuracy, 3,000 steps:
        // 56-62 %; bench/RESULTS.md), and 2-core machines differ 2.5x in speed. `make demo`
        // gives it what is left of the 10 minutes; the steps are only a cap.
        // Muon trains the VAE faster per step: probe PSNR 27.9 dB at 500 steps and 28.8 at 750,
        // where AdamW reached 26.3 and 27.6 at 1100 (bench/RESULTS.md, "Muon"), so 700 steps
        // give a better VAE in two thirds of the time, which the denoiser gets instead.
        // 1,100 steps, to fill the minute by which the sample judge beside it outlasts 700, gave
        // 29.1-29.7 dB instead of 28.1, but the judge then ran slower beside it and the
        // denoiser lost 20-25 s (2,712-2,846 steps against 3,001): 84-92 % class accuracy in
        // two runs, no better (bench/RESULTS.md, "Threads of waiting ranks").
        vt.steps = 700;
        vt.maxMinutes = 3.5; // the cap on a slow machine (1100 AdamW steps took 95-220 s)
        p.vae.crop = 32;
        dt.steps = 16000;
        dt.maxMinutes = 5.0;
        // 8 windows a step (batch 4 of 8-frame clips, cut in two) for twice the steps of 16:
        // at the same compute, 4,000 steps of 8 windows reach Frechet distance 29-32 and
        // 83-88 % class accuracy against 62 and 81 % for 2,000 of 16 (bench/RESULTS.md,
        // "Smaller batches, more steps").
        dt.batchSize = 4;
        // An averaging horizon of about 200 steps. With Muon a 2-core machine fits 2,500-2,700
        // steps, and the 400 steps of 0.9975 lagged behind the weights themselves: the final
        // weights scored 3-5 points more class accuracy than their 0.9975 average in two
        // `make demo` runs, where averages over 100-200 steps scored within noise of them
        // (bench/RESULTS.md, "The EMA's horizon").
        dt.emaDecay = 0.995;
        // Windows of 4 of the 8 frames, twice the clips per step at the same cost: at 2,000
        // steps 73-86 % class accuracy and Frechet distance 50-58 against 47-69 % and 111-125
        // on whole clips, with frames as steady (bench/RESULTS.md, "Shorter training windows").
        p.diffusion.trainFrames = {4};
        // Autoguidance (Karras et al. 2024): w * (model - guide) on top of guidance 4, the guide
        // being this run's EMA weights at 35 % of its steps. On four `make demo` models judged
        // on 192 clips each, w = 1 lowered the Frechet distance on all four (by 16-37 %) and
        // raised recognisable clips by 2-8 points, class accuracy within a judgement's spread
        // (-6 to +3 points); w = 2 did no better and moved the clips faster (bench/RESULTS.md,
        // "Autoguidance as a sampling setting").
        p.sampling.autoguidance = 1.0;
        // Each frame's prediction error above its 3x3 neighbourhood's mean counts twice: the
        // errors in outlines and corners, a few of a frame's 256 latent positions, which plain
        // MSE weighs like the flat background. Same minimiser, effort moved. C's data, VAE and
        // judge, 3,000 steps, seeds 2 and 12, 192 clips each: class accuracy 89.1 -> 93.5 %,
        // held 78.7 -> 83.9 %, recognisable 50.0 -> 55.5 %, Frechet 7.90 -> 6.25, squares judged
        // right 86 -> 92 %; weight 3 held and drew as many clips but scored 90.7 % (bench/
        // RESULTS.md, "A loss on each frame's detail"). The small preset's hour is unmeasured
        // with it and keeps the plain loss.
        p.diffusion.objective.spatialDetailWeight = 1.0;
        p.dataset.frames = 8;
        p.dataset.stride = 1;
    } else if (presetName == "small") {
        applyCpuRecipe(p);
        // 128x128 clips of 16 frames, trained on a CPU in an hour (`make demo-small`): the
        // demo's recipe on an 8x VAE, whose 16x16 latents give the denoiser the positions of the
        // demo's 4x VAE at 64x64 (bench/RESULTS.md, "The small preset in an hour"). Both stages
        // train for a time budget; the steps are only a cap.
        p.dataset.width = 128;
        p.dataset.height = 128;
        p.dataset.frames = 16;
        p.dataset.workers = 2;
        p.vae.crop = 64; // random 64x64 windows: 8x8 latents, as the demo's 32x32 windows
        vt.steps = 20000;
        vt.maxMinutes = 10.0;
        dt.steps = 50000;
        dt.maxMinutes = 40.0;
        dt.batchSize = 2; // two clips of 16 frames: four 8-frame windows, the demo's frames a step
        dt.emaDecay = 0.998; // a horizon of 500 of the 8,000-12,000 steps an hour fits
        // Windows of 8 frames: sampling draws all 16, and attention over frames should have
        // seen more than a quarter of them.
        p.diffusion.trainFrames = {8};
        // Guidance only below t = 0.8, where the demo once needed it (at the highest noise
        // levels it emptied half the triangle clips; bench/RESULTS.md, "Guidance interval"):
        // on this preset's hour-long denoiser the whole path scored no higher (90.6 % either
        // way), slowed the clips' motion by a fifth and raised the Frechet distance 4.6 -> 7.2.
        p.sampling.guidanceTo = 0.8;
    } else {
        p.dataset.width = 256;
        p.dataset.height = 256;
        p.dataset.frames = 16;
        p.dataset.workers = 2;
        vt.steps = 100000;
        vt.batchSize = 16;
        vt.learningRate = 4e-4;
        vt.warmupSteps = 500;
        vt.previewEvery = 1000;
        vt.checkpointEvery = 1000;
        dt.steps = 200000;
        dt.batchSize = 16;
        dt.learningRate = 2e-4;
        dt.warmupSteps = 1000;
        dt.previewEvery = 2000;
        dt.checkpointEvery = 2000;
        dt.emaDecay = 0.9999;
        p.vae.framesPerClip = 2;
        p.sampling.steps = 30;
        p.sampling.guidanceScale = 3.0;
    }
    // bf16 where the hardware does it natively: the demo denoiser's step is 1.15-1.25x faster
    // on an AVX512-BF16 CPU with samples at least as good (bench/RESULTS.md, "bf16 autocast").
    vt.precision = "auto";
    dt.precision = "auto";
    vt.seed = 1;
    dt.seed = 2;
    return p;
}

void to_json(nlohmann::json& j, const Project& p)
{
    nlohmann::json vae = {{"model", p.vae.model},
                          {"loss", p.vae.loss},
                          {"train", p.vae.train},
                          {"frames_per_clip", p.vae.framesPerClip},
                          {"crop", p.vae.crop}};
    nlohmann::json diffusion = {{"model", p.diffusion.model},
                                {"objective", p.diffusion.objective},
                                {"train", p.diffusion.train},
                                {"judge",
                                 {{"every", p.diffusion.judge.every},
                                  {"per_class", p.diffusion.judge.perClass},
                                  {"train_steps", p.diffusion.judge.trainSteps}}},
                                {"train_frames", p.diffusion.trainFrames},
                                {"guide_at", p.diffusion.guideAt}};
    j = nlohmann::json{{"format", Project::kFormat}, {"version", Project::kVersion},
                       {"name", p.name},             {"preset", p.preset},
                       {"dataset", p.dataset},
                       {"vae", vae},                 {"diffusion", diffusion},
                       {"sampling", p.sampling},     {"inspect", {{"blobs", p.inspect.blobs}}},
                       {"runs_dir", p.runsDir}};
}

Project projectFromJson(const nlohmann::json& j)
{
    if (!j.is_object()) {
        throw Error(ErrorKind::Config, "project: the file does not hold a JSON object",
                    ErrorCode::InvalidValue);
    }
    JsonFields f(j, "");
    std::string format;
    f.read("format", format);
    if (format != Project::kFormat) {
        f.fail("format", "'" + format + "' is not " + Project::kFormat);
    }
    int version = 0;
    f.read("version", version, 1, 1000);
    if (version != Project::kVersion) {
        f.fail("version", std::to_string(version) + " is not supported (this build reads " +
                              std::to_string(Project::kVersion) + ")");
    }
    Project p;
    f.read("name", p.name);
    f.read("preset", p.preset);
    f.read("runs_dir", p.runsDir);
    readChild(f, "dataset", p.dataset, datasetSettingsFromJson);
    readChild(f, "sampling", p.sampling, samplingConfigFromJson);
    if (const nlohmann::json* vae = f.child("vae")) {
        JsonFields v(*vae, f.childPath("vae"));
        readChild(v, "model", p.vae.model, vaeConfigFromJson);
        readChild(v, "loss", p.vae.loss, vaeLossConfigFromJson);
        readChild(v, "train", p.vae.train, trainConfigFromJson);
        v.read("frames_per_clip", p.vae.framesPerClip, 1, 64);
        v.read("crop", p.vae.crop, 0, 4096);
        v.finish();
    }
    if (const nlohmann::json* diffusion = f.child("diffusion")) {
        JsonFields d(*diffusion, f.childPath("diffusion"));
        readChild(d, "model", p.diffusion.model, denoiserConfigFromJson);
        readChild(d, "objective", p.diffusion.objective, diffusionConfigFromJson);
        readChild(d, "train", p.diffusion.train, trainConfigFromJson);
        readChild(d, "judge", p.diffusion.judge, judgeSettingsFromJson);
        d.read("train_frames", p.diffusion.trainFrames, 1, 1024);
        d.read("guide_at", p.diffusion.guideAt, 0.0, 0.95);
        d.finish();
    }
    if (const nlohmann::json* inspect = f.child("inspect")) {
        JsonFields i(*inspect, f.childPath("inspect"));
        readChild(i, "blobs", p.inspect.blobs, blobDetectorConfigFromJson);
        i.finish();
    }
    f.finish();
    p.validate();
    return p;
}

void Project::validate() const
{
    vd::validate(vae.model, "vae.model");
    vd::validate(vae.loss, "vae.loss");
    vd::validate(diffusion.model, "diffusion.model");
    vd::validate(diffusion.objective, "diffusion.objective");
    vd::validate(sampling, "sampling");
    vd::validate(inspect.blobs, "inspect.blobs");
    makeSampler(sampling, diffusion.objective); // throws when the sampler does not fit
    checkSelfCondition(diffusion.model, diffusion.objective, "diffusion");
    if (runsDir.empty()) {
        failKey("", "runs_dir", "must not be empty");
    }
    if (sampling.autoguidance > 0.0 && diffusion.guideAt <= 0.0) {
        failKey("sampling", "autoguidance",
                "needs a guide checkpoint, which training keeps only with diffusion.guide_at > 0");
    }
    if (diffusion.model.latentChannels != vae.model.latentChannels) {
        failKey("diffusion.model", "latent_channels",
                std::to_string(diffusion.model.latentChannels) +
                    " differs from vae.model.latent_channels " +
                    std::to_string(vae.model.latentChannels));
    }
    const int f = vae.model.downsampleFactor();
    const int g = f << (static_cast<int>(diffusion.model.channelMultipliers.size()) - 1);
    for (const auto& [key, value] : {std::pair{"width", dataset.width},
                                     std::pair{"height", dataset.height}}) {
        if (value % g != 0) {
            failKey("dataset", key,
                    std::to_string(value) + " is not a multiple of " + std::to_string(g) +
                        " (VAE downsampling " + std::to_string(f) +
                        " x denoiser downsampling " + std::to_string(g / f) + ")");
        }
    }
    if (vae.crop % f != 0) {
        failKey("vae", "crop",
                std::to_string(vae.crop) + " is not a multiple of the VAE downsampling " +
                    std::to_string(f));
    }
    // Each size is in range on its own, but together they can ask for terabytes: refuse a
    // training batch of decoded video (float32) beyond what any machine here holds before the
    // loader tries to allocate it (docs/faults.md).
    constexpr double kMaxBatchBytes = 64.0 * (1 << 30);
    const double clipBytes = 4.0 * 3.0 * dataset.frames * dataset.width * dataset.height;
    for (const auto& [stage, batch] : {std::pair{"vae.train", vae.train.batchSize},
                                       std::pair{"diffusion.train", diffusion.train.batchSize}}) {
        if (clipBytes * batch > kMaxBatchBytes) {
            failKey(stage, "batch_size",
                    std::to_string(batch) + " clips of " + std::to_string(dataset.frames) +
                        " frames at " + std::to_string(dataset.width) + "x" +
                        std::to_string(dataset.height) + " (dataset.frames, width, height) are " +
                        std::to_string(static_cast<long long>(clipBytes * batch / (1 << 30))) +
                        " GiB of float32 video a step, over the 64 GiB limit");
        }
    }
}

Project Project::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::InputData, path + ": cannot open project file",
                    ErrorCode::FileNotFound);
    }
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json j;
    try {
        j = parseJson(text.str());
    } catch (const nlohmann::json::exception& e) {
        // Not only parse_error: a number beyond a double's range ("1e400") is out_of_range.
        throw Error(ErrorKind::InputData, path + ": not a JSON project file (" + e.what() + ")",
                    ErrorCode::CorruptHeader);
    }
    try {
        Project p = projectFromJson(j);
        p.filePath = path;
        return p;
    } catch (const Error& e) {
        throw Error(e.kind(), path + ": " + e.what(), e.code());
    }
}

void Project::save(const std::string& path)
{
    validate();
    nlohmann::json j = *this;
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path() && !fs::create_directories(target.parent_path(), ec) && ec) {
        throw Error(
            ErrorKind::Runtime,
            path + ": cannot write project file (cannot create its folder: " + ec.message() + ")",
            ErrorCode::WriteFailed);
    }
    try {
        writeFileAtomically(path, j.dump(2) + '\n');
    } catch (const Error& e) {
        throw Error(ErrorKind::Runtime, path + ": cannot write project file (" + e.what() + ")",
                    ErrorCode::WriteFailed);
    }
    filePath = path;
}

std::string Project::baseDir() const
{
    if (filePath.empty()) {
        return ".";
    }
    const fs::path parent = fs::path(filePath).parent_path();
    return parent.empty() ? "." : parent.string();
}

std::string Project::datasetRoot() const
{
    const fs::path root(dataset.root);
    return root.is_absolute() ? root.string() : (fs::path(baseDir()) / root).lexically_normal().string();
}

std::string Project::runDir(Stage stage) const
{
    const std::string& override = stage == Stage::VAE ? vaeRunDirOverride : diffusionRunDirOverride;
    if (!override.empty()) {
        return fs::path(override).lexically_normal().string();
    }
    return (fs::path(baseDir()) / runsDir / stageName(stage)).lexically_normal().string();
}

} // namespace vd
