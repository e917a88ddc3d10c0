// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"
#include "train/TrainerObserver.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vd {

/// A preview clip a run saved in its samples folder.
struct SavedPreview {
    int64_t step = 0;
    std::string kind; ///< "reconstruction" or "sample", as PreviewClip::kind
    int index = 0;    ///< n-th clip of its kind at this step
    int label = -1;   ///< class label of a sample, -1 when none
    std::string path;
};

/// The preview clips of a run, kept as GIFs in `<run>/samples/` so that a CLI user can open
/// them and the studio shows a run's latest previews again when its project is reopened. Names:
/// `step-000500-sample-0-class3.gif`, `step-000500-reconstruction-1.gif` (frames upscaled 2×
/// with nearest neighbour, 8 fps). StageRun writes them for every run, CLI and studio alike.
class PreviewArchive {
public:
    explicit PreviewArchive(std::string dir);

    const std::string& dir() const { return m_dir; }

    /// Writes `clip` as the next preview of its kind at its step; returns the file written.
    /// Throws vd::Error when the file cannot be written.
    std::string write(const PreviewClip& clip);

    /// The previews of the highest step in the folder, by kind then index; empty when there
    /// are none (or no folder). Files whose names do not follow the pattern are ignored.
    std::vector<SavedPreview> latest() const;

    /// Decodes a saved preview back at its training size (the 2× upscale undone).
    static FrameStack read(const SavedPreview& preview);

private:
    std::string m_dir;
    int64_t m_step = -1;
    std::vector<std::string> m_kindsAtStep; ///< one entry per clip written at m_step
};

} // namespace vd
