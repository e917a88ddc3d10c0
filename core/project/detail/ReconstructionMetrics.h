// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/torch.h>

namespace vd {

/// PSNR in dB between videos with values in [-1,1] (peak-to-peak 2), over all elements.
double psnrDb(const torch::Tensor& a, const torch::Tensor& b);

/// Mean SSIM (Wang et al. 2004: 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, on the
/// [0,1] range, per RGB channel, valid positions only) between videos [B,3,T,H,W] or
/// [3,T,H,W] in [-1,1], averaged over channels, frames and clips.
double ssim(const torch::Tensor& a, const torch::Tensor& b);

} // namespace vd
