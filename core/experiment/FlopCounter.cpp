// SPDX-License-Identifier: GPL-3.0-or-later
#include "experiment/FlopCounter.h"

#include "util/Error.h"

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace vd {

namespace {

/// Marks an op onStart counted, so that onEnd leaves it.
struct CountedOp final : at::ObserverContext {};

/// The counter of the thread (one at a time) and how deep the thread is inside counted ops.
thread_local int64_t* t_count = nullptr;
thread_local int t_depth = 0;

std::vector<int64_t> sizesOf(const c10::IValue& v)
{
    if (v.isTensor() && v.toTensor().defined()) {
        return v.toTensor().sizes().vec();
    }
    return {};
}

int64_t product(const std::vector<int64_t>& sizes, size_t from, size_t to)
{
    int64_t p = 1;
    for (size_t i = from; i < to && i < sizes.size(); ++i) {
        p *= sizes[i];
    }
    return p;
}

/// Output size of a convolution along one dimension (PyTorch's formula).
int64_t convOut(int64_t in, int64_t kernel, int64_t stride, int64_t pad, int64_t dilation)
{
    return (in + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
}

std::vector<int64_t> intList(const c10::IValue& v, size_t n, int64_t fallback)
{
    std::vector<int64_t> out(n, fallback);
    if (v.isIntList()) {
        const auto list = v.toIntVector();
        for (size_t i = 0; i < n; ++i) {
            out[i] = list.empty() ? fallback : list[std::min(i, list.size() - 1)];
        }
    }
    return out;
}

/// Multiply-adds of aten::convolution / conv1d-3d (input, weight, bias, stride, padding,
/// dilation, ...); 0 when the arguments are not as expected. Transposed convolutions
/// (aten::convolution with transposed = true) count input positions x weight size.
int64_t convolutionMacs(c10::ArrayRef<const c10::IValue> in, bool maybeTransposed)
{
    if (in.size() < 2) {
        return 0;
    }
    const std::vector<int64_t> x = sizesOf(in[0]);
    const std::vector<int64_t> w = sizesOf(in[1]);
    if (x.size() < 3 || w.size() != x.size()) {
        return 0;
    }
    const size_t spatial = x.size() - 2;
    const int64_t weightPerOutput = product(w, 1, w.size()); // in/groups x kernel volume
    if (maybeTransposed && in.size() > 6 && in[6].isBool() && in[6].toBool()) {
        return x[0] * product(x, 2, x.size()) * product(w, 0, w.size());
    }
    const std::vector<int64_t> stride =
        in.size() > 3 ? intList(in[3], spatial, 1) : std::vector<int64_t>(spatial, 1);
    std::vector<int64_t> pad(spatial, 0);
    if (in.size() > 4 && in[4].isIntList()) {
        pad = intList(in[4], spatial, 0);
    } else if (in.size() > 4 && in[4].isString() && in[4].toStringRef() == "same") {
        for (size_t i = 0; i < spatial; ++i) { // "same": output size = ceil(input / stride)
            pad[i] = (w[2 + i] - 1) / 2;
        }
    }
    const std::vector<int64_t> dilation =
        in.size() > 5 ? intList(in[5], spatial, 1) : std::vector<int64_t>(spatial, 1);
    int64_t outputs = x[0] * w[0];
    for (size_t i = 0; i < spatial; ++i) {
        outputs *=
            std::max<int64_t>(0, convOut(x[2 + i], w[2 + i], stride[i], pad[i], dilation[i]));
    }
    return outputs * weightPerOutput;
}

/// Multiply-adds of a matrix product a @ b with broadcast batch dimensions.
int64_t matmulMacs(const std::vector<int64_t>& a, const std::vector<int64_t>& b)
{
    if (a.empty() || b.empty()) {
        return 0;
    }
    const int64_t inner = a.back();
    const int64_t rows = a.size() >= 2 ? a[a.size() - 2] : 1;
    const int64_t columns = b.size() >= 2 ? b.back() : 1;
    const size_t na = a.size() >= 2 ? a.size() - 2 : 0; // batch dimensions, broadcast from the
    const size_t nb = b.size() >= 2 ? b.size() - 2 : 0; // right
    int64_t batch = 1;
    for (size_t i = 0; i < std::max(na, nb); ++i) {
        const int64_t da = i < na ? a[na - 1 - i] : 1;
        const int64_t db = i < nb ? b[nb - 1 - i] : 1;
        batch *= std::max(da, db);
    }
    return batch * rows * columns * inner;
}

/// Multiply-adds of one op by name, or -1 when the op is not one that is counted.
int64_t macsOf(const at::RecordFunction& fn)
{
    const char* name = fn.name();
    if (std::strncmp(name, "aten::", 6) != 0) {
        return -1;
    }
    const std::string op(name + 6);
    const c10::ArrayRef<const c10::IValue> in = fn.inputs();
    if (op == "convolution" || op == "_convolution") {
        return convolutionMacs(in, true);
    }
    if (op == "conv1d" || op == "conv2d" || op == "conv3d") {
        return convolutionMacs(in, false);
    }
    if (op == "linear") { // input [..., in], weight [out, in]
        const std::vector<int64_t> x = in.empty() ? std::vector<int64_t>{} : sizesOf(in[0]);
        const std::vector<int64_t> w = in.size() < 2 ? std::vector<int64_t>{} : sizesOf(in[1]);
        return x.empty() || w.size() != 2 ? 0 : product(x, 0, x.size()) * w[0];
    }
    if (op == "addmm" || op == "baddbmm" || op == "addbmm") { // (bias, a, b, ...)
        return in.size() < 3 ? 0 : matmulMacs(sizesOf(in[1]), sizesOf(in[2]));
    }
    if (op == "mm" || op == "bmm" || op == "matmul") {
        return in.size() < 2 ? 0 : matmulMacs(sizesOf(in[0]), sizesOf(in[1]));
    }
    return -1;
}

std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction& fn)
{
    if (t_count == nullptr) {
        return nullptr;
    }
    const int64_t macs = macsOf(fn);
    if (macs < 0) {
        return nullptr;
    }
    if (t_depth == 0) {
        *t_count += macs;
    }
    ++t_depth;
    return std::make_unique<CountedOp>();
}

void onEnd(const at::RecordFunction& /*fn*/, at::ObserverContext* context)
{
    if (context != nullptr && t_depth > 0) {
        --t_depth;
    }
}

} // namespace

struct FlopCounter::Impl {
    int64_t count = 0;
    at::CallbackHandle handle = 0;
};

FlopCounter::FlopCounter() : m_impl(std::make_unique<Impl>())
{
    if (t_count != nullptr) {
        throw Error(ErrorKind::Usage, "FlopCounter: one counter per thread at a time");
    }
    t_count = &m_impl->count;
    t_depth = 0;
    m_impl->handle = at::addThreadLocalCallback(at::RecordFunctionCallback(&onStart, &onEnd)
                                                    .needsInputs(true)
                                                    .scopes({at::RecordScope::FUNCTION}));
}

FlopCounter::~FlopCounter()
{
    at::removeCallback(m_impl->handle);
    t_count = nullptr;
    t_depth = 0;
}

int64_t FlopCounter::multiplyAdds() const
{
    return m_impl->count;
}

} // namespace vd
