// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: a project file (.vdproj) read from JSON text. Every fault must be a vd::Error
// naming the key; a project that loads and validates must survive a round trip through its
// JSON unchanged (what the studio and the CLI save is what they load).
#include "FuzzSupport.h"

#include "project/Project.h"

#include <nlohmann/json.hpp>

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    vdfuzz::quietLogs();
    const auto path = vdfuzz::scratchDir() / "input.vdproj";
    vdfuzz::writeBytes(path, data, size);

    vd::Project project;
    try {
        project = vd::Project::load(path.string());
        project.validate();
        (void)project.datasetRoot();
        (void)project.runDir(vd::Stage::VAE);
        (void)project.runDir(vd::Stage::Diffusion);
    } catch (const vd::Error&) {
        return 0;
    }
    const nlohmann::json saved = project;
    const vd::Project again = vd::projectFromJson(saved);
    const nlohmann::json resaved = again;
    if (saved != resaved) {
        std::fprintf(stderr, "round trip changed the project:\n%s\n%s\n", saved.dump().c_str(),
                     resaved.dump().c_str());
        std::abort();
    }
    return 0;
}
