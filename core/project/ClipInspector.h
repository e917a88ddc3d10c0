// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/BlobDetectorConfig.h"
#include "inspect/BlobReport.h"
#include "inspect/LatentStatsTypes.h"
#include "inspect/ReconstructionErrorSummary.h"
#include "inspect/TemporalStats.h"
#include "media/VideoInfo.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vd {

struct Project;

/// Which clip of which file to inspect, and how.
struct ClipRequest {
    std::string videoPath;
    int start = 0;           ///< first frame, in the file's own frames
    int frames = 0;          ///< frames to read; 0 takes the project's dataset.frames
    bool normalized = false; ///< statistics of the normalized latents (the VAE's LatentNorm)
};

/// The shape [C,T,h,w] of one clip's latents.
struct LatentShape {
    int64_t channels = 0;
    int64_t frames = 0;
    int64_t height = 0;
    int64_t width = 0;
    int64_t size() const { return channels * frames * height * width; }
};

/// Everything inspecting one clip gives: the clip as training sees it, its reconstruction and
/// error, the latents and their statistics and blob report. Plain value type without torch;
/// safe to copy or move to another thread.
struct ClipInspection {
    std::string checkpoint; ///< the step-N folder of the VAE weights
    int64_t step = 0;
    bool ema = false; ///< the EMA weights were used

    std::string videoPath;
    int start = 0;
    int framesRequested = 0;
    FrameStack input;          ///< T frames as training shapes them (size, stride, crop)
    FrameStack reconstruction; ///< the decoded posterior mean, same size
    /// [T,H,W] row-major: mean over RGB of |x - x_hat| in [-1,1] video units (so 0..2).
    std::vector<float> errorMaps;
    ReconstructionErrorSummary error; ///< per-frame means, max, high-error regions
    double psnrDb = 0;                ///< PSNR of the reconstruction (peak-to-peak 2)
    TemporalStats inputTemporal;
    TemporalStats reconstructionTemporal;

    LatentShape latentShape;
    /// The latents below and the statistics were taken after the VAE's latent normalization
    /// ((z - mean_c) / std_c, what the diffusion model sees); otherwise raw.
    bool normalized = false;
    std::vector<float> latents;     ///< [C,T,h,w] row-major: the posterior mean
    std::vector<float> logVariance; ///< [C,T,h,w]: the encoder's log-variance (of the latents
                                    ///< as given, i.e. shifted by -2 log std_c when normalized)
    std::vector<float> normMean;    ///< the VAE's LatentNorm per channel (0 before calibration)
    std::vector<float> normStd;     ///< (1 before calibration)
    std::vector<ChannelStats> channelStats; ///< one per channel, of `latents`
    double highFreqShareWhiteNoise = 0;     ///< see LatentStats
    BlobReport blobs;                       ///< BlobDetector (project's inspect.blobs) on `latents`

    /// Whether the checkpoint's latent normalization differs from the identity.
    bool normCalibrated() const;
    /// Row-major h x w map of channel c at frame t (pointer into `latents`).
    const float* latentMap(int64_t channel, int64_t frame) const;
    /// Row-major H x W error map of frame t (pointer into `errorMaps`).
    const float* errorMap(int frame) const;
};

/// Loads a trained VAE once and inspects clips with it: reads a video shaped like training,
/// encodes it to the posterior mean, decodes that, and measures latent statistics
/// (LatentStats), blobs (BlobDetector), the reconstruction error (ErrorMap), PSNR and temporal
/// consistency. The same code serves `vdstudio-cli inspect` and the studio's Inspector.
/// The last clip's model outputs are kept, so asking for the same clip again (e.g. with
/// `normalized` toggled) recomputes only the statistics.
///
/// Threads: not thread-safe; one thread at a time per instance (it may be a different thread
/// each call, e.g. a thread-pool job). Everything it returns is a plain value.
/// Errors: vd::Error only; a torch error becomes one line without its backtrace,
/// vd::Error(Runtime) "inspect: <video path>: torch: ..." (util/TorchError.h).
class ClipInspector {
public:
    /// Loads the VAE of the step-N folder `checkpointDir`, or of the newest checkpoint of the
    /// project's VAE run when empty; its EMA weights when saved (unless `preferEMA` is false).
    /// `device` is "auto", "cpu", "cuda" or "cuda:N". Throws vd::Error(InputData, FileNotFound)
    /// "...: no VAE checkpoint; run train-vae first", vd::Error(InputData) for a damaged
    /// checkpoint, vd::Error(Config) for an unknown or unavailable device.
    explicit ClipInspector(const Project& project, const std::string& checkpointDir = {},
                           const std::string& device = "auto", bool preferEMA = true);
    ~ClipInspector();
    ClipInspector(ClipInspector&& other) noexcept;
    ClipInspector& operator=(ClipInspector&& other) noexcept;
    ClipInspector(const ClipInspector&) = delete;
    ClipInspector& operator=(const ClipInspector&) = delete;

    const std::string& checkpoint() const; ///< the step-N folder loaded
    /// The blob detector settings in use (the project's `inspect.blobs`).
    const BlobDetectorConfig& detectorConfig() const;
    /// Temporal statistics of up to `maxClips` of the project's dataset clips (evenly spread,
    /// shaped like training, `frames` frames from their start; unreadable clips are skipped):
    /// what real motion looks like, to compare a clip's figures with. Empty (clips == 0) when no
    /// clip could be read. Decodes only; the model is not run.
    TemporalReference datasetTemporalReference(int maxClips, int frames) const;
    int64_t step() const;
    bool ema() const;
    std::string device() const; ///< e.g. "cpu", "cuda:0"
    /// How many times the model has run (encode + decode) since construction.
    int64_t modelRuns() const;

    /// Inspects `request.frames` frames of `request.videoPath` from `request.start`.
    /// Throws vd::Error(InputData) naming the file for an unreadable video or a start past its
    /// end, vd::Error(Runtime, NonFinite) when the VAE produces NaN or infinity.
    ClipInspection inspect(const ClipRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
