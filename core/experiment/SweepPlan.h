// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/Project.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace vd {

/// One `--set KEY=V1,V2,...` of a sweep: a dotted key of the project file and its values.
struct SweepAxis {
    std::string key;                    ///< "vae.loss.kl_weight"
    std::vector<std::string> texts;     ///< the values as written ("1e-6"), for names and tables
    std::vector<nlohmann::json> values; ///< each text read as JSON, or as a string when it is not
    /// "" for a --set axis; "model" or "data" for a scaling axis (`--scale`), whose key is
    /// "scale.model" / "scale.data" and whose values are the factors (numbers).
    std::string scale;

    /// Reads "KEY=V1,V2": values split at commas outside brackets and quotes, so a list value is
    /// written "[4,8]". Throws vd::Error(Usage) naming `spec` for a missing "=", key or value,
    /// or a value given twice.
    static SweepAxis parse(const std::string& spec);
    /// Reads a `--scale` spec: "model=0.5,1,2,4" (width multipliers, > 0) or "data=0.25,0.5,1"
    /// (shares of the training clips, in (0, 1]). Throws vd::Error(Usage), one line naming
    /// `spec` and the value, for another kind, a value that is not such a number, or one given
    /// twice.
    static SweepAxis parseScale(const std::string& spec);
};

/// Base channels of a model scaled by `factor`: round(base x factor / unit) x unit, at least
/// `unit` (halves round away from zero). `unit` is the VAE's norm_groups, or for the denoiser
/// the least common multiple of its norm_groups and heads (both must divide every width).
int scaledWidth(int baseChannels, double factor, int unit);

/// One point of the grid: a value for every axis and the project that results.
struct SweepVariant {
    /// The folder name, "kl_weight=1e-6__base_channels=32": per axis the key's last part (the
    /// whole key where two axes share it) and the value as written; characters other than
    /// letters, digits and ._+-= become '_'.
    std::string name;
    std::vector<std::pair<std::string, nlohmann::json>> settings; ///< (key, value) per axis
    std::vector<std::string> texts;                               ///< the values as written
    double modelScale = 1.0; ///< the `--scale model` factor (1 without one)
    double dataShare = 1.0;  ///< the `--scale data` share of the training clips (1: all)
    /// The project with the settings applied, validated as a loaded file is. Its filePath is
    /// the variant's project file, its dataset root and runs_dir are rewritten relative to
    /// that (so the file loads from there and a diffusion variant finds the project's VAE), and
    /// the run folder of the sweep's stage is the variant folder.
    Project project;
};

/// The grid of a sweep (the cartesian product of its axes, the first axis varying slowest) over
/// a project, each point an ordinary run of one stage in `<runs_dir>/sweeps/<name>/<variant>/`.
/// A VAE sweep varies `vae.*`, `dataset.*` and `inspect.*` settings; a diffusion sweep varies
/// `diffusion.*` and `sampling.*` and uses the project's trained VAE (`<runs_dir>/vae`) and its
/// latent cache. Everything is checked on construction, before anything runs. Plain value
/// type; no torch work.
///
/// A scaling study is a plan with one scaling axis (SweepAxis::parseScale): `model` multiplies
/// the stage model's base_channels (scaledWidth), `data` trains each variant on a share of the
/// training clips (SweepVariant::dataShare; the held-out clips stay the same). --set axes may
/// come with it with one value each (settings shared by every variant).
class SweepPlan {
public:
    /// File name of a variant's resolved project in its folder.
    static constexpr const char* kProjectFile = "project.vdproj";

    /// Builds and validates every variant. `name` empty: defaultName(). Throws vd::Error(Usage)
    /// for no axes, a key given twice, a key the stage does not vary, a name that is not a
    /// plain folder name, two scaling axes, a --set axis of several values beside a scaling
    /// axis or two model factors that round to the same width, and vd::Error(Config) "--set
    /// KEY=VALUE: <the project check's message>" when a variant's project fails the checks of a
    /// loaded project file (unknown key, wrong type, out of range, cross-field rules).
    SweepPlan(const Project& project, Stage stage, std::vector<SweepAxis> axes,
              std::string name = {});

    /// "<stage>-<last part of each key>" joined by '-', e.g. "vae-kl_weight-base_channels".
    static std::string defaultName(Stage stage, const std::vector<SweepAxis>& axes);
    /// The folder name of a (key, text) list as SweepVariant::name describes it.
    static std::string variantName(const std::vector<std::string>& keys,
                                   const std::vector<std::string>& texts);

    Stage stage() const { return m_stage; }
    const std::string& name() const { return m_name; }
    /// `<baseDir>/<runs_dir>/sweeps/<name>`.
    const std::string& dir() const { return m_dir; }
    const std::vector<SweepAxis>& axes() const { return m_axes; }
    /// The scaling axis, or nullptr when the sweep is not a scaling study.
    const SweepAxis* scaleAxis() const;
    const std::vector<SweepVariant>& variants() const { return m_variants; }
    std::string variantDir(const SweepVariant& variant) const;

    /// Writes each variant's project file (creating the folders). Throws vd::Error(Runtime,
    /// WriteFailed) naming the file.
    void writeVariantProjects() const;

    /// Loads the project file a sweep wrote into `variantDir` and points `stage`'s run folder
    /// at `variantDir`: the project a variant trains, in this process or in another one.
    /// Throws like Project::load.
    static Project loadVariantProject(const std::string& variantDir, Stage stage);

private:
    Stage m_stage;
    std::string m_name;
    std::string m_dir;
    std::vector<SweepAxis> m_axes;
    std::vector<SweepVariant> m_variants;
};

} // namespace vd
