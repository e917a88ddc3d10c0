// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>

namespace vd {

/// Counts the multiply-adds of the convolutions and matrix products torch runs on the calling
/// thread while it exists (a thread-local at::RecordFunction observer): for a convolution
/// output elements x input channels per group x kernel volume, for a matrix product
/// rows x columns x inner size (batched products, linear layers and addmm included). Only the
/// outermost counted op is counted (aten::conv2d calls aten::convolution, which is not counted
/// again). Element-wise ops, norms and activations are left out; for the convolutional networks
/// here they are a few per cent of the work.
///
/// Threads: counts the ops of the thread that constructed it; construct, use and destroy it on
/// that thread. One instance per thread at a time.
class FlopCounter {
public:
    FlopCounter();
    ~FlopCounter();
    FlopCounter(const FlopCounter&) = delete;
    FlopCounter& operator=(const FlopCounter&) = delete;

    /// Multiply-adds counted so far.
    int64_t multiplyAdds() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vd
