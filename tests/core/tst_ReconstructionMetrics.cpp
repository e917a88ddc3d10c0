// SPDX-License-Identifier: GPL-3.0-or-later
// PSNR and SSIM, the figures eval-vae, sweeps and the Inspector report, against known values:
// PSNR of a known error in closed form, SSIM of identical and of flat images in closed form, and
// SSIM of textured clips against a direct per-position computation of Wang et al. (2004).
#include "diffusion/Random.h"
#include "project/detail/ReconstructionMetrics.h"

#include <QtTest>

#include <torch/torch.h>

#include <cmath>
#include <vector>

using namespace vd;

namespace {

torch::Tensor uniformClip(std::vector<int64_t> shape, uint64_t seed)
{
    at::Generator g = makeGenerator(seed);
    // Values in [-1, 1], as the metrics take them.
    return randnFrom(shape, g, torch::TensorOptions().dtype(torch::kFloat32)).tanh();
}

/// SSIM of two [H,W] images in [0,1] position by position: the 11x11 Gaussian window (sigma
/// 1.5, normalised) over every valid position, local means, variances and covariance, the SSIM
/// formula with K1 0.01, K2 0.03 for a dynamic range of 1, and the mean over positions.
double directSsim(const torch::Tensor& x, const torch::Tensor& y)
{
    const int k = 11;
    std::vector<double> w(k * k);
    double sum = 0.0;
    for (int i = 0; i < k; ++i) {
        for (int j = 0; j < k; ++j) {
            const double di = i - (k - 1) / 2.0;
            const double dj = j - (k - 1) / 2.0;
            w[i * k + j] = std::exp(-(di * di + dj * dj) / (2 * 1.5 * 1.5));
            sum += w[i * k + j];
        }
    }
    for (double& v : w) {
        v /= sum;
    }
    const auto xa = x.accessor<float, 2>();
    const auto ya = y.accessor<float, 2>();
    const double c1 = 0.01 * 0.01;
    const double c2 = 0.03 * 0.03;
    double total = 0.0;
    int positions = 0;
    for (int64_t r = 0; r + k <= x.size(0); ++r) {
        for (int64_t c = 0; c + k <= x.size(1); ++c) {
            double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
            for (int i = 0; i < k; ++i) {
                for (int j = 0; j < k; ++j) {
                    const double wv = w[i * k + j];
                    const double a = xa[r + i][c + j];
                    const double b = ya[r + i][c + j];
                    mx += wv * a;
                    my += wv * b;
                    xx += wv * a * a;
                    yy += wv * b * b;
                    xy += wv * a * b;
                }
            }
            const double sx = xx - mx * mx;
            const double sy = yy - my * my;
            const double sxy = xy - mx * my;
            total +=
                ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sx + sy + c2));
            ++positions;
        }
    }
    return total / positions;
}

} // namespace

class tst_ReconstructionMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void psnrOfKnownErrors();
    void ssimOfIdenticalAndFlatClips();
    void ssimMatchesDirectComputation();
};

void tst_ReconstructionMetrics::psnrOfKnownErrors()
{
    // Peak-to-peak 2 (values in [-1, 1]): PSNR = 10 log10(4 / MSE).
    const torch::Tensor a = torch::zeros({3, 2, 8, 8});
    QVERIFY(std::abs(psnrDb(a, a + 0.1) - 10.0 * std::log10(4.0 / 0.01)) < 1e-3); // 26.02 dB
    // Half the values off by 0.2: MSE 0.02, 23.01 dB, whichever side the error is on.
    torch::Tensor b = a.clone();
    b.index_put_({torch::indexing::Slice(), 0}, -0.2);
    QVERIFY(std::abs(psnrDb(a, b) - 23.0103) < 1e-3);
    QVERIFY(std::abs(psnrDb(b, a) - psnrDb(a, b)) < 1e-9);
    // From -1 to 1 everywhere: MSE 4, 0 dB.
    QVERIFY(std::abs(psnrDb(a - 1.0, a + 1.0)) < 1e-6);
}

void tst_ReconstructionMetrics::ssimOfIdenticalAndFlatClips()
{
    const torch::Tensor clip = uniformClip({2, 3, 2, 16, 16}, 5);
    QVERIFY(std::abs(ssim(clip, clip) - 1.0) < 1e-5);
    // Flat images: no variance, so SSIM is the luminance term alone, (2 mx my + C1) /
    // (mx^2 + my^2 + C1), with the values mapped to [0, 1]: 0 -> 0.5, 0.5 -> 0.75.
    const torch::Tensor grey = torch::zeros({3, 2, 16, 16});
    const double c1 = 1e-4;
    const double expected = (2 * 0.5 * 0.75 + c1) / (0.25 + 0.5625 + c1); // 0.92309
    // The variances come out of float32 E[x^2] - E[x]^2 exact to about 1e-7, which the
    // contrast term (2 sxy + C2) / (sxx + syy + C2), C2 = 9e-4, turns into up to ~1e-3 here.
    QVERIFY2(std::abs(ssim(grey, grey + 0.5) - expected) < 1e-3,
             qPrintable(QString::number(ssim(grey, grey + 0.5), 'g', 8)));
}

void tst_ReconstructionMetrics::ssimMatchesDirectComputation()
{
    // Two clips of 2 x 3 channels x 2 frames at 16x14 (so 6x4 valid window positions): a clip
    // and a noisy, dimmed copy. The mean over clips, channels, frames and positions.
    const torch::Tensor a = uniformClip({2, 3, 2, 16, 14}, 1);
    const torch::Tensor b = (a * 0.7 + 0.3 * uniformClip({2, 3, 2, 16, 14}, 2)).clamp(-1, 1);
    double total = 0.0;
    int images = 0;
    for (int64_t n = 0; n < 2; ++n) {
        for (int64_t c = 0; c < 3; ++c) {
            for (int64_t t = 0; t < 2; ++t) {
                total += directSsim((a[n][c][t] + 1) * 0.5, (b[n][c][t] + 1) * 0.5);
                ++images;
            }
        }
    }
    const double expected = total / images;
    const double got = ssim(a, b);
    QVERIFY2(std::abs(got - expected) < 1e-4,
             qPrintable(QStringLiteral("ssim %1, direct %2").arg(got).arg(expected)));
    QVERIFY(expected > 0.2 && expected < 0.95); // a real case: neither identical nor unrelated
    // A single clip [3,T,H,W] is the same as a batch of one.
    QVERIFY(std::abs(ssim(a[0], b[0]) - ssim(a.slice(0, 0, 1), b.slice(0, 0, 1))) < 1e-9);
}

QTEST_APPLESS_MAIN(tst_ReconstructionMetrics)
#include "tst_ReconstructionMetrics.moc"
