// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/detail/GroupNormSiLURows.h"

#include <cstring>
#include <type_traits>

// Vectors of 16 lanes are passed between inline helpers only; GCC's note that their ABI differs
// between the clones does not apply.
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

// Not under Address- or ThreadSanitizer: the clones' resolvers run while the loader relocates,
// before the sanitizer's runtime has set up its shadow memory.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) &&                             \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define VD_ROW_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define VD_ROW_CLONES
#endif

// The helpers must be inlined into each clone to be compiled for its instruction set.
#if defined(__GNUC__)
#define VD_ROW_INLINE inline __attribute__((always_inline))
#else
#define VD_ROW_INLINE inline
#endif

namespace vd::detail::rows {

namespace {

constexpr int kLanes = 16;
typedef float VF __attribute__((vector_size(kLanes * sizeof(float))));
typedef uint32_t VU __attribute__((vector_size(kLanes * sizeof(uint32_t))));
typedef int32_t VI __attribute__((vector_size(kLanes * sizeof(int32_t))));
typedef uint16_t VH __attribute__((vector_size(kLanes * sizeof(uint16_t))));

// --- one value -----------------------------------------------------------------------------------

VD_ROW_INLINE float load(const float* p)
{
    return *p;
}

VD_ROW_INLINE float load(const BF16* p)
{
    const uint32_t bits = static_cast<uint32_t>(p->x) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

VD_ROW_INLINE void store(float* p, float v)
{
    *p = v;
}

/// Round to nearest even, as c10::BFloat16 does (a NaN whose payload lies only in the low bits
/// may come out as an infinity, which the trainer's check for non-finite steps catches alike).
VD_ROW_INLINE void store(BF16* p, float v)
{
    uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits += 0x7FFFu + ((bits >> 16) & 1u);
    p->x = static_cast<uint16_t>(bits >> 16);
}

// --- 16 values -----------------------------------------------------------------------------------

VD_ROW_INLINE VF loadVec(const float* p)
{
    VF v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

VD_ROW_INLINE VF loadVec(const BF16* p)
{
    VH h;
    std::memcpy(&h, p, sizeof h);
    const VU bits = __builtin_convertvector(h, VU) << 16;
    VF v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

VD_ROW_INLINE void storeVec(float* p, VF v)
{
    std::memcpy(p, &v, sizeof v);
}

VD_ROW_INLINE void storeVec(BF16* p, VF v)
{
    VU bits;
    std::memcpy(&bits, &v, sizeof bits);
    bits += 0x7FFFu + ((bits >> 16) & 1u);
    const VH h = __builtin_convertvector(bits >> 16, VH);
    std::memcpy(p, &h, sizeof h);
}

/// e^v to about 2e-7 relative, for one value or 16 (T = float or VF): v = n ln2 + r with
/// |r| <= ln2 / 2, a degree-6 polynomial for e^r, 2^n through the exponent bits. |v| is clamped
/// to 87 on its bits, so no float compare is needed; a NaN comes out finite, but the SiLU's
/// y * sigmoid(y) still carries it on.
template <typename T, typename U, typename I> VD_ROW_INLINE T expApprox(T v)
{
    U bits;
    std::memcpy(&bits, &v, sizeof bits);
    const U magnitude = bits & 0x7FFFFFFFu;
    const U limit = magnitude * 0u + 0x42AE0000u; // 87.0f, in every lane
    bits = (bits & 0x80000000u) | (magnitude < limit ? magnitude : limit);
    std::memcpy(&v, &bits, sizeof v);
    const T n = (v * 1.44269504f + 12582912.0f) - 12582912.0f; // round to nearest
    const T r = v - n * 0.693145752f - n * 1.42860677e-6f;
    T poly = r * (1.0f / 720.0f) + 1.0f / 120.0f;
    poly = poly * r + 1.0f / 24.0f;
    poly = poly * r + 1.0f / 6.0f;
    poly = poly * r + 0.5f;
    poly = poly * r + 1.0f;
    poly = poly * r + 1.0f;
    I exponent;
    if constexpr (std::is_same_v<T, float>) {
        exponent = (static_cast<int32_t>(n) + 127) << 23;
    } else {
        exponent = (__builtin_convertvector(n, VI) + 127) << 23;
    }
    T scale;
    std::memcpy(&scale, &exponent, sizeof scale);
    return poly * scale;
}

template <typename T> VD_ROW_INLINE T sigmoid(T v)
{
    if constexpr (std::is_same_v<T, float>) {
        return 1.0f / (1.0f + expApprox<float, uint32_t, int32_t>(-v));
    } else {
        return 1.0f / (1.0f + expApprox<VF, VU, VI>(-v));
    }
}

VD_ROW_INLINE float horizontalSum(const VF& v)
{
    float s = 0.0f;
    for (int l = 0; l < kLanes; ++l) {
        s += v[l];
    }
    return s;
}

// --- the loops -----------------------------------------------------------------------------------

template <typename In>
VD_ROW_INLINE void sumsOf(const In* x, int64_t s, float shift, float& sum, float& sumSq)
{
    VF a = {}, q = {};
    int64_t i = 0;
    for (; i + kLanes <= s; i += kLanes) {
        const VF v = loadVec(x + i) - shift;
        a += v;
        q += v * v;
    }
    sum = horizontalSum(a);
    sumSq = horizontalSum(q);
    for (; i < s; ++i) {
        const float v = load(x + i) - shift;
        sum += v;
        sumSq += v * v;
    }
}

template <typename In, typename Out>
VD_ROW_INLINE void forwardOf(const In* x, Out* out, int64_t s, float a, float b)
{
    int64_t i = 0;
    for (; i + kLanes <= s; i += kLanes) {
        const VF y = loadVec(x + i) * a + b;
        storeVec(out + i, y * sigmoid(y));
    }
    for (; i < s; ++i) {
        const float y = load(x + i) * a + b;
        store(out + i, y * sigmoid(y));
    }
}

template <typename In, typename G>
VD_ROW_INLINE void backwardOf(const In* x, const G* g, float* dy, int64_t s, float a, float b,
                              float m, float& sumDy, float& sumDyX)
{
    VF p = {}, q = {};
    int64_t i = 0;
    for (; i + kLanes <= s; i += kLanes) {
        const VF xv = loadVec(x + i);
        const VF y = xv * a + b;
        const VF sg = sigmoid(y);
        const VF v = loadVec(g + i) * sg * (1.0f + y * (1.0f - sg));
        storeVec(dy + i, v);
        p += v;
        q += v * (xv - m);
    }
    sumDy = horizontalSum(p);
    sumDyX = horizontalSum(q);
    for (; i < s; ++i) {
        const float xv = load(x + i);
        const float y = xv * a + b;
        const float sg = sigmoid(y);
        const float v = load(g + i) * sg * (1.0f + y * (1.0f - sg));
        dy[i] = v;
        sumDy += v;
        sumDyX += v * (xv - m);
    }
}

template <typename In>
VD_ROW_INLINE void inputGradOf(const In* x, const float* dy, In* dx, int64_t s, float k, float c1,
                               float c2, float m)
{
    int64_t i = 0;
    for (; i + kLanes <= s; i += kLanes) {
        storeVec(dx + i, loadVec(dy + i) * k - c1 - (loadVec(x + i) - m) * c2);
    }
    for (; i < s; ++i) {
        store(dx + i, k * dy[i] - c1 - c2 * (load(x + i) - m));
    }
}

} // namespace

// One compiled (and cloned) function per element type: the only entries to the loops above.
#define VD_ROW_ENTRY(name, loop, params, args)                                                     \
    VD_ROW_CLONES void name params                                                                 \
    {                                                                                              \
        loop args;                                                                                 \
    }
#define VD_SUMS(In)                                                                                \
    VD_ROW_ENTRY(sums, sumsOf, (const In* x, int64_t s, float shift, float& sum, float& sq),       \
                 (x, s, shift, sum, sq))
#define VD_FORWARD(In, Out)                                                                        \
    VD_ROW_ENTRY(forward, forwardOf, (const In* x, Out* out, int64_t s, float a, float b),         \
                 (x, out, s, a, b))
#define VD_BACKWARD(In, G)                                                                         \
    VD_ROW_ENTRY(backward, backwardOf,                                                             \
                 (const In* x, const G* g, float* dy, int64_t s, float a, float b, float m,        \
                  float& sumDy, float& sumDyX),                                                    \
                 (x, g, dy, s, a, b, m, sumDy, sumDyX))
#define VD_INPUT_GRAD(In)                                                                          \
    VD_ROW_ENTRY(                                                                                  \
        inputGrad, inputGradOf,                                                                    \
        (const In* x, const float* dy, In* dx, int64_t s, float k, float c1, float c2, float m),   \
        (x, dy, dx, s, k, c1, c2, m))

VD_SUMS(float)
VD_SUMS(BF16)
VD_FORWARD(float, float)
VD_FORWARD(float, BF16)
VD_FORWARD(BF16, float)
VD_FORWARD(BF16, BF16)
VD_BACKWARD(float, float)
VD_BACKWARD(float, BF16)
VD_BACKWARD(BF16, float)
VD_BACKWARD(BF16, BF16)
VD_INPUT_GRAD(float)
VD_INPUT_GRAD(BF16)

} // namespace vd::detail::rows
