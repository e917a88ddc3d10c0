// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/Random.h"

#include <ATen/CPUGeneratorImpl.h>

namespace vd {

at::Generator makeGenerator(uint64_t seed)
{
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

torch::Tensor randnFrom(at::IntArrayRef shape, at::Generator& generator,
                        const torch::TensorOptions& options)
{
    return torch::randn(shape, generator, torch::TensorOptions().dtype(torch::kFloat32))
        .to(options.device(), options.dtype().toScalarType());
}

torch::Tensor randFrom(at::IntArrayRef shape, at::Generator& generator,
                       const torch::TensorOptions& options)
{
    return torch::rand(shape, generator, torch::TensorOptions().dtype(torch::kFloat32))
        .to(options.device(), options.dtype().toScalarType());
}

} // namespace vd
