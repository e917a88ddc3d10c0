// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace vd {

/// Normalization used inside a network part (VAE encoder, VAE decoder, ...).
enum class NormKind {
    Group,   ///< GroupNorm: statistics over channel groups and all positions (Wu & He 2018)
    Channel, ///< position-wise RMS over channels with a learnable gain, like pixel norm (Karras
             ///< 2018)
    None,    ///< identity
};

/// Stable JSON name: "group", "channel", "none".
const char* normKindName(NormKind kind);

/// Parses a JSON name; returns false for an unknown name (out is left unchanged).
bool parseNormKind(const std::string& name, NormKind& out);

} // namespace vd
