// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/VAELossConfig.h"

#include "util/ConfigCheck.h"
#include "util/JsonFields.h"

namespace vd {

void to_json(nlohmann::json& j, const VAELossConfig& c)
{
    j = nlohmann::json{{"l1_weight", c.l1Weight},
                       {"mse_weight", c.mseWeight},
                       {"kl_weight", c.klWeight},
                       {"kl_warmup_steps", c.klWarmupSteps},
                       {"latent_noise", c.latentNoise}};
}

void from_json(const nlohmann::json& j, VAELossConfig& c)
{
    c = vaeLossConfigFromJson(j, "vae.loss");
}

VAELossConfig vaeLossConfigFromJson(const nlohmann::json& j, const std::string& path)
{
    VAELossConfig c;
    JsonFields f(j, path);
    f.read("l1_weight", c.l1Weight, 0.0, 1e6);
    f.read("mse_weight", c.mseWeight, 0.0, 1e6);
    f.read("kl_weight", c.klWeight, 0.0, 1e3);
    f.read("kl_warmup_steps", c.klWarmupSteps, 0, int64_t(1) << 40);
    f.read("latent_noise", c.latentNoise, 0.0, 4.0);
    f.finish();
    validate(c, path);
    return c;
}

void validate(const VAELossConfig& c, const std::string& path)
{
    checkRange(path, "l1_weight", c.l1Weight, 0.0, 1e6);
    checkRange(path, "mse_weight", c.mseWeight, 0.0, 1e6);
    checkRange(path, "kl_weight", c.klWeight, 0.0, 1e3);
    checkRange(path, "latent_noise", c.latentNoise, 0.0, 4.0);
    if (c.klWarmupSteps < 0) {
        failKey(path, "kl_warmup_steps", "must not be negative");
    }
    if (c.l1Weight == 0.0 && c.mseWeight == 0.0) {
        failKey(path, "l1_weight", "l1_weight and mse_weight are both 0");
    }
}

} // namespace vd
