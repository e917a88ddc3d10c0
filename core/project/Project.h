// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/ClipSampler.h"
#include "diffusion/DiffusionConfig.h"
#include "diffusion/SamplingConfig.h"
#include "inspect/BlobDetectorConfig.h"
#include "model/DenoiserConfig.h"
#include "model/VAEConfig.h"
#include "model/VAELossConfig.h"
#include "train/Stage.h"
#include "train/TrainConfig.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace vd {

/// Where the clips come from and how they are shaped for training.
struct DatasetSettings {
    std::string root;       ///< dataset folder; relative paths are relative to the project file
    int width = 64;         ///< training resolution (cover-resize + centre crop)
    int height = 64;
    int frames = 8;         ///< T of a diffusion training clip
    int stride = 1;         ///< frame step (ignored when target_fps > 0)
    double targetFps = 0.0; ///< > 0: pick the stride that best matches this rate
    bool randomFlip = false;
    /// Share of clips held out of training for eval-vae (chosen by a hash of the path, so the
    /// split is stable when clips are added).
    double heldOut = 0.05;
    int workers = 1; ///< loader decode threads
};

/// The VAE stage: architecture, loss and optimizer.
struct VAEStageSettings {
    VAEConfig model;
    VAELossConfig loss;
    TrainConfig train; ///< batch_size counts clips; each gives frames_per_clip frames
    int framesPerClip = 1;
    /// > 0: train on random crop x crop windows of the frames (a multiple of the VAE's
    /// downsampling factor; frames no larger than that are used whole). The VAE is
    /// convolutional, so it still encodes whole frames, and a step on 32x32 windows of 64x64
    /// frames costs about a quarter. 0 = whole frames.
    int crop = 0;
};

/// The sample judge's live figures during diffusion training (docs/judge.md).
struct JudgeSettings {
    /// Judge the EMA model at the preview steps that are multiples of this and at the last
    /// step; 0 = never.
    int every = 0;
    int perClass = 4; ///< generated clips per class for each live judgement
    int trainSteps = 1200; ///< training steps of the judge's classifier (eval-samples too)
};

/// The diffusion stage: denoiser, objective and optimizer.
struct DiffusionStageSettings {
    DenoiserConfig model;
    DiffusionConfig objective;
    TrainConfig train;
    JudgeSettings judge;
    /// Window lengths (frames) of the training clips, one per step in turn; empty = always
    /// dataset.frames (also the most any entry gets). A step on windows of L frames draws
    /// batch_size * dataset.frames / L clips, so every step costs about the same while shorter
    /// windows show the denoiser more distinct clips (the demo preset trains on 4 of its 8
    /// frames; bench/RESULTS.md, "Shorter training windows"). A shorter window is placed at a
    /// random frame position for temporal attention's position code.
    std::vector<int> trainFrames;
    /// > 0: training keeps the EMA weights of the step at this fraction of the planned steps
    /// as the run's autoguidance guide (`<run>/guide/`), which sampling.autoguidance samples
    /// with. 0 = none.
    double guideAt = 0.0;
};

/// How the latent inspector judges a VAE (the CLI's inspect, the studio's inspector panel and
/// the live monitoring during VAE training all use these).
struct InspectSettings {
    BlobDetectorConfig blobs;
};

/// A VDStudio project: one `.vdproj` JSON file with every setting of both stages. The CLI and
/// the studio read the same file. Runs live in `<runs_dir>/vae` and `<runs_dir>/diffusion`
/// next to the project file.
///
/// File format (version 1): {"format": "vdstudio-project", "version": 1, "name", "preset",
/// "dataset": {...}, "vae": {"model", "loss", "train", "frames_per_clip", "crop"},
/// "diffusion": {"model", "objective", "train", "judge": {"every", "per_class", "train_steps"},
/// "train_frames", "guide_at"}, "sampling": {...},
/// "inspect": {"blobs": BlobDetectorConfig}, "runs_dir"}. Every key is
/// optional except format and version; unknown keys and out-of-range values are rejected
/// with vd::Error(Config) naming the key path ("vae.train.learning_rate: ...").
struct Project {
    static constexpr int kVersion = 1;
    static constexpr const char* kFormat = "vdstudio-project";

    std::string name = "untitled";
    std::string preset = "demo"; ///< the preset it was made from (informational)
    DatasetSettings dataset;
    VAEStageSettings vae;
    DiffusionStageSettings diffusion;
    SamplingConfig sampling;
    InspectSettings inspect;
    std::string runsDir = "runs";

    /// Where the file was read from or last saved to (not stored in the file).
    std::string filePath;
    /// Run folders that replace `<runs_dir>/vae` and `<runs_dir>/diffusion` for this session
    /// (not stored in the file; empty: the usual folder). A sweep's variant trains its stage in
    /// its own folder, `<runs_dir>/sweeps/<sweep>/<variant>` (experiment/SweepPlan.h).
    std::string vaeRunDirOverride;
    std::string diffusionRunDirOverride;

    /// Presets "demo" (64x64 shapes, fits 10 minutes on a 2-core CPU), "small", "base".
    /// Throws vd::Error(Config) for another name.
    static Project fromPreset(const std::string& presetName);
    /// Reads and validates a project file. Throws vd::Error(InputData, FileNotFound/Corrupt*)
    /// for an unreadable or non-JSON file, vd::Error(Config) naming the key for bad settings.
    static Project load(const std::string& path);
    /// Writes the file atomically (temp file + rename) and sets filePath.
    void save(const std::string& path);

    /// Checks cross-field rules (each config's validate() plus: latent channels agree between
    /// VAE and denoiser, resolution divisible by the VAE and denoiser downsampling).
    void validate() const;

    /// Folder of the project file ("." when unsaved).
    std::string baseDir() const;
    /// dataset.root resolved against baseDir().
    std::string datasetRoot() const;
    /// `<baseDir>/<runs_dir>/vae` or `.../diffusion`, or the stage's run folder override.
    std::string runDir(Stage stage) const;
};

void to_json(nlohmann::json& j, const DatasetSettings& d);
DatasetSettings datasetSettingsFromJson(const nlohmann::json& j, const std::string& path);
/// How training clips of `frames` frames are cut from the dataset (random start, centre crop).
SampleSpec sampleSpecFor(const DatasetSettings& d, int frames);

void to_json(nlohmann::json& j, const Project& p);
/// Reads the settings (not filePath); throws like Project::load.
Project projectFromJson(const nlohmann::json& j);

} // namespace vd
