// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/SamplingConfig.h"

#include "util/ConfigCheck.h"
#include "util/JsonFields.h"

#include <algorithm>
#include <climits>

namespace vd {

const std::vector<std::string>& SamplingConfig::samplerNames()
{
    static const std::vector<std::string> names{"auto",     "ddpm",  "ddim",
                                                "dpmpp_2m", "euler", "heun"};
    return names;
}

void to_json(nlohmann::json& j, const SamplingConfig& c)
{
    j = nlohmann::json{{"sampler", c.sampler},
                       {"steps", c.steps},
                       {"guidance_scale", c.guidanceScale},
                       {"guidance_from", c.guidanceFrom},
                       {"guidance_to", c.guidanceTo},
                       {"autoguidance", c.autoguidance},
                       {"eta", c.eta},
                       {"flow_shift", c.flowShift},
                       {"seed", c.seed}};
}

void from_json(const nlohmann::json& j, SamplingConfig& c)
{
    c = samplingConfigFromJson(j, "sampling");
}

SamplingConfig samplingConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    SamplingConfig c;
    JsonFields f(j, path);
    f.readChoice("sampler", c.sampler, SamplingConfig::samplerNames());
    f.read("steps", c.steps, INT_MIN, INT_MAX);
    f.read("guidance_scale", c.guidanceScale, -1e9, 1e9);
    f.read("guidance_from", c.guidanceFrom, -1e9, 1e9);
    f.read("guidance_to", c.guidanceTo, -1e9, 1e9);
    f.read("autoguidance", c.autoguidance, -1e9, 1e9);
    f.read("eta", c.eta, -1e9, 1e9);
    f.read("flow_shift", c.flowShift, -1e9, 1e9);
    f.read("seed", c.seed);
    f.finish();
    validate(c, path);
    return c;
}

void validate(const SamplingConfig& c, const std::string& path)
{
    const auto& names = SamplingConfig::samplerNames();
    if (std::find(names.begin(), names.end(), c.sampler) == names.end()) {
        failKey(path, "sampler",
                "'" + c.sampler + "' is not auto, ddpm, ddim, dpmpp_2m, euler or heun");
    }
    checkRange(path, "steps", c.steps, 1, 10000);
    checkRange(path, "guidance_scale", c.guidanceScale, 0.0, 100.0);
    checkRange(path, "guidance_from", c.guidanceFrom, 0.0, 1.0);
    checkRange(path, "guidance_to", c.guidanceTo, c.guidanceFrom, 1.0);
    checkRange(path, "autoguidance", c.autoguidance, 0.0, 20.0);
    checkRange(path, "eta", c.eta, 0.0, 1.0);
    checkRange(path, "flow_shift", c.flowShift, 0.01, 100.0);
}

} // namespace vd
