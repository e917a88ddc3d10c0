// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/DenoiseFn.h"
#include "diffusion/DiffusionConfig.h"
#include "diffusion/Guidance.h"
#include "diffusion/SamplingConfig.h"

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace vd {

/// Per-call settings of a sampler run.
struct SamplerOptions {
    int steps = 30;
    double guidanceScale = 1.0; ///< classifier-free guidance g (see guidedOutput)
    /// Guidance applies only at noise levels in [guidanceFrom, guidanceTo] (0 = data, 1 = pure
    /// noise: flow time t, or timestep / T for the discrete samplers); elsewhere g = 1.
    double guidanceFrom = 0.0;
    double guidanceTo = 1.0;
    /// Autoguidance (see Guidance): the guide model and its weight w, applied at the same noise
    /// levels as classifier-free guidance. An empty guide or w = 0: none.
    DenoiseFn guide;
    double guideWeight = 0.0;
    torch::Tensor labels; ///< int64 [B]; -1 or undefined = unconditional

    /// The guidance at `noiseLevel`: the scale and guide inside [guidanceFrom, guidanceTo],
    /// the plain conditional output outside.
    Guidance guidanceAt(double noiseLevel) const
    {
        Guidance g;
        if (noiseLevel >= guidanceFrom && noiseLevel <= guidanceTo) {
            g.scale = guidanceScale;
            g.guide = guide;
            g.guideWeight = guideWeight;
        }
        return g;
    }
    /// After each step: (steps done, total steps). Called on the sampling thread.
    std::function<void(int step, int total)> onProgress;
    /// After each step: (steps done, the current prediction of x0, same shape as x). Called on the
    /// sampling thread; copy the tensor if you keep it.
    std::function<void(int step, const torch::Tensor& x0)> onPreview;
};

/// A reverse-process integrator (one small class per algorithm, stable-diffusion.cpp style).
/// Runs under NoGradGuard; put the model in eval() mode first. Randomness (initial noise and the
/// noise of stochastic samplers) comes from the given CPU generator, so a seed reproduces a sample
/// on any device. Not thread-safe per instance only through the generator: use one per thread.
class Sampler {
public:
    virtual ~Sampler() = default;

    /// Stable name ("ddpm", "ddim", "dpmpp_2m", "euler", "heun").
    virtual const char* name() const = 0;

    /// Model calls for a run of `steps` steps (guidance doubles the batch, not the calls; an
    /// autoguidance guide adds as many calls of its own).
    virtual int modelCalls(int steps) const { return steps; }

    /// Draws x_T ~ N(0, I) of `shape` with `tensorOptions` (device, dtype) and denoises it.
    torch::Tensor sample(const DenoiseFn& model, at::IntArrayRef shape,
                         const SamplerOptions& options, at::Generator& generator,
                         const torch::TensorOptions& tensorOptions = {}) const;

    /// Runs the reverse process from x_T (standard normal noise) to x_0.
    virtual torch::Tensor denoise(const DenoiseFn& model, torch::Tensor xT,
                                  const SamplerOptions& options,
                                  at::Generator& generator) const = 0;

    /// Calls the progress and preview callbacks (samplers call it once per step).
    static void report(const SamplerOptions& options, int step, int total, const torch::Tensor& x0);
};

/// The sampler named by `sampling.sampler` for a model trained with `diffusion`. "auto" picks
/// dpmpp_2m for eps/v and euler for flow. Throws vd::Error(Config) naming "sampling.sampler"
/// when the sampler does not fit the objective (ddpm/ddim/dpmpp_2m need eps or v; euler/heun
/// need flow).
std::unique_ptr<Sampler> makeSampler(const SamplingConfig& sampling,
                                     const DiffusionConfig& diffusion);

} // namespace vd
