// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/detail/LatentCache.h"

#include "data/ClipLoader.h"
#include "util/Error.h"
#include "util/Fnv64.h"
#include "util/Log.h"
#include "util/Safetensors.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

namespace vd {

std::string LatentCache::fingerprintOf(VAE& vae, const DatasetIndex& index, const SampleSpec& spec)
{
    Fnv64 f;
    for (const auto& p : vae->encoder()->named_parameters()) {
        f.add(p.key());
        const torch::Tensor t = p.value().detach().to(torch::kCPU, torch::kFloat).contiguous();
        f.add(t.data_ptr(), static_cast<size_t>(t.numel()) * sizeof(float));
    }
    for (const ClipEntry& clip : index.clips()) {
        f.add(clip.path);
        f.addValue(clip.sizeBytes);
        f.addValue(clip.mtimeNs);
        f.addValue(clip.labelIndex);
    }
    f.addValue(spec.frames);
    f.addValue(spec.stride);
    f.addValue(spec.targetFps);
    f.addValue(spec.width);
    f.addValue(spec.height);
    return f.hex();
}

LatentCache LatentCache::build(VAE& vae, const DatasetIndex& index, const SampleSpec& spec,
                               const torch::Device& device, int workers,
                               const std::function<void(int, int)>& progress)
{
    LatentCache cache;
    cache.fingerprint = fingerprintOf(vae, index, spec);
    LoaderOptions options;
    options.batchSize = 8;
    options.workers = std::max(1, workers);
    options.shuffle = false;
    options.dropLast = false;
    options.epochs = 1;
    options.spec = spec;
    options.spec.randomStart = false;
    options.spec.randomFlip = false;
    options.spec.crop = CropMode::Center;
    options.pinMemory = device.is_cuda();
    ClipLoader loader(index, options);

    const bool wasTraining = vae->is_training();
    vae->eval();
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> means, logvars, labels;
    const int total = static_cast<int>(index.clips().size());
    int done = 0;
    while (auto batch = loader.next()) {
        const LatentDistribution q = vae->encode(batch->video.to(device, /*non_blocking=*/true));
        means.push_back(q.mean.to(torch::kCPU, torch::kFloat));
        logvars.push_back(q.logvar.to(torch::kCPU, torch::kFloat));
        labels.push_back(batch->labels);
        for (int i : batch->clipIndices) {
            cache.clips.push_back(index.clips()[static_cast<size_t>(i)].path);
        }
        done += static_cast<int>(batch->clipIndices.size());
        if (progress) {
            progress(done, total);
        }
    }
    if (wasTraining) {
        vae->train();
    }
    if (means.empty()) {
        throw Error(ErrorKind::InputData,
                    index.root() + ": no clip could be decoded for the latent cache",
                    ErrorCode::DecodeFailed);
    }
    cache.mean = torch::cat(means);
    cache.logvar = torch::cat(logvars);
    cache.labels = torch::cat(labels);
    const int64_t bad = loader.stats().badClips;
    if (bad > 0) {
        log::get("train")->warn("latent cache: {} clip(s) could not be decoded and were left out",
                                bad);
    }
    return cache;
}

void LatentCache::save(const std::string& path) const
{
    const SafetensorsMetadata metadata{{"fingerprint", fingerprint},
                                       {"clips", nlohmann::json(clips).dump()}};
    SafetensorsFile::write(path, {{"mean", mean}, {"logvar", logvar}, {"labels", labels}},
                           metadata);
}

std::optional<LatentCache> LatentCache::load(const std::string& path,
                                             const std::string& expectedFingerprint)
{
    auto logger = log::get("train");
    if (!std::filesystem::exists(path)) {
        return std::nullopt;
    }
    try {
        if (SafetensorsFile::openHeader(path).metadataValue("fingerprint") != expectedFingerprint) {
            logger->info("latent cache {} is stale (the VAE or the data changed); rebuilding",
                         path);
            return std::nullopt;
        }
        const SafetensorsFile file = SafetensorsFile::open(path);
        LatentCache cache;
        cache.fingerprint = expectedFingerprint;
        cache.mean = file.tensor("mean");
        cache.logvar = file.tensor("logvar");
        cache.labels = file.tensor("labels");
        cache.clips = nlohmann::json::parse(file.metadataValue("clips").value_or("[]"))
                          .get<std::vector<std::string>>();
        if (cache.mean.dim() != 5 || cache.logvar.sizes() != cache.mean.sizes() ||
            cache.labels.dim() != 1 || cache.labels.size(0) != cache.mean.size(0)) {
            logger->warn("latent cache {} has inconsistent shapes; rebuilding", path);
            return std::nullopt;
        }
        return cache;
    } catch (const std::exception& e) {
        logger->warn("latent cache {} is unreadable ({}); rebuilding", path, e.what());
        return std::nullopt;
    }
}

} // namespace vd
