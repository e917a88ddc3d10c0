// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace vd {

/// Exponential moving average of a module's parameters (Polyak & Juditsky 1992; as used for
/// diffusion sampling since DDPM). The shadow holds a copy of every parameter and buffer, by
/// state-dict name; float parameters are averaged, buffers are copied as they are.
/// Warm-up (as in TensorFlow's ExponentialMovingAverage with num_updates): the decay used at the
/// n-th update (n counted from 0) is min(decay, (1 + n) / (10 + n)), so early averages are not
/// dominated by the random initialization.
/// Not thread-safe: use from the training thread.
class EMA {
public:
    /// Shadow = a detached copy of `model`'s current parameters and buffers (same device).
    explicit EMA(const torch::nn::Module& model);

    /// The decay the next update() will use for a requested `decay`.
    double effectiveDecay(double decay) const;

    /// shadow = d * shadow + (1 - d) * param with d = effectiveDecay(decay). Throws
    /// vd::Error(Usage) if `model` does not have the same tensor names and shapes.
    void update(const torch::nn::Module& model, double decay);

    /// Writes the shadow into `model` (e.g. a separate sampling copy).
    void copyTo(torch::nn::Module& model) const;

    /// Exchanges the shadow and `model`'s weights in place; call twice to undo (sample with the
    /// averaged weights, then continue training with the raw ones).
    void swap(torch::nn::Module& model);

    /// Shadow tensors by name, parameters then buffers (for checkpoints).
    std::vector<std::pair<std::string, torch::Tensor>> namedTensors() const;
    /// Number of update() calls so far (restore it with setNumUpdates when resuming).
    int64_t numUpdates() const { return m_updates; }
    void setNumUpdates(int64_t n) { m_updates = n; }

private:
    std::vector<torch::Tensor> targets(const torch::nn::Module& model) const;

    std::vector<std::string> m_names;
    std::vector<torch::Tensor> m_shadow;
    std::vector<bool> m_averaged;
    int64_t m_updates = 0;
};

} // namespace vd
