// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: a .safetensors file (checkpoints' model.safetensors, ema.safetensors). Opening
// validates the header before any allocation; what it accepts must load into a module without
// surprises. Anything but a vd::Error escaping, or a sanitizer report, is a bug.
#include "FuzzSupport.h"

#include "util/Safetensors.h"

#include <torch/torch.h>

namespace {

/// A module with the names and shapes of the seed corpus' tensors (make_fuzz_seeds.cpp), so a
/// mutated seed gets as far as loadInto's shape and finiteness checks.
struct TinyModuleImpl : torch::nn::Module {
    TinyModuleImpl()
    {
        weight = register_parameter("weight", torch::zeros({2, 3}));
        bias = register_parameter("bias", torch::zeros({3}));
        steps = register_buffer("steps", torch::zeros({1}, torch::kInt64));
    }
    torch::Tensor weight, bias, steps;
};
TORCH_MODULE(TinyModule);

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    vdfuzz::quietLogs();
    static const bool threads = [] {
        torch::set_num_threads(1);
        return true;
    }();
    (void)threads;
    const auto path = vdfuzz::scratchDir() / "input.safetensors";
    vdfuzz::writeBytes(path, data, size);

    try {
        const vd::SafetensorsFile header = vd::SafetensorsFile::openHeader(path.string());
        (void)header.names();
        (void)header.shapes();
        (void)header.metadataValue("config");
    } catch (const vd::Error&) {
        return 0;
    }
    try {
        const vd::SafetensorsFile file = vd::SafetensorsFile::open(path.string());
        for (const auto& [name, tensor] : file.tensors()) {
            (void)file.tensor(name).sum();
        }
        TinyModule module;
        file.loadInto(*module, {/*strict=*/false, /*requireFinite=*/true});
        file.loadInto(*module);
    } catch (const vd::Error&) {
    }
    return 0;
}
