// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vd {

enum class DemoKind {
    Shapes,  ///< procedurally drawn shapes moving and bouncing over varied backgrounds
    Fashion, ///< Fashion-MNIST items moving over backgrounds (Debian package dataset-fashion-mnist)
};

/// Which backgrounds the scenes are drawn over.
enum class DemoBackgrounds {
    All,   ///< flat colours, gradients, stripes and soft noise
    Plain, ///< flat colours and smooth gradients only
};

struct DemoOptions {
    DemoKind kind = DemoKind::Shapes;
    DemoBackgrounds backgrounds = DemoBackgrounds::All;
    bool spin = true; ///< shapes other than circles turn as they move
    /// Multiplies the shapes' size (0.25-1.25; at 1 a shape's radius is 26-38 % of the frame, a
    /// size at which a 4x VAE keeps every outline and a small denoiser learns them in minutes:
    /// bench/RESULTS.md, "Larger shapes").
    double objectScale = 1.0;
    int clips = 300; ///< total clips, spread evenly over the classes
    int size = 64;   ///< width = height
    int frames = 16; ///< frames per clip
    uint64_t seed = 1;
    int fps = 8;
    int quality = 16; ///< MP4 CRF: high quality, so the codec adds little noise to learn
    /// Folder holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz (Fashion kind).
    std::string fashionDir = "/usr/share/datasets/fashion-mnist";
    int threads = 0; ///< clips written in parallel; 0 = one per core
};

struct DemoResult {
    int clipsWritten = 0;
    std::vector<std::string> labels; ///< class names, sorted (the order DatasetIndex gives)
};

/// The class names of a kind, in the order clips are dealt out (clip i has class i % n).
std::vector<std::string> demoClassNames(DemoKind kind);

/// Writes a labelled demo dataset of real MP4 files to `dir/<label>/<label>_NNNN.mp4`, each with
/// a caption sidecar `.txt`. Deterministic for a seed. `progress(done, total)` is optional and
/// is called on the calling thread (clips are rendered and encoded on worker threads).
/// Throws vd::Error (InputData) when the Fashion-MNIST files are missing, Runtime on write errors.
DemoResult makeDemoDataset(const std::string& dir, const DemoOptions& options,
                           const std::function<void(int, int)>& progress = {});

/// Parses "shapes" / "fashion"; throws vd::Error (Usage) otherwise.
DemoKind demoKindFromString(const std::string& name);

/// Parses "all" / "plain"; throws vd::Error (Usage) otherwise.
DemoBackgrounds demoBackgroundsFromString(const std::string& name);

} // namespace vd
