// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/LossPlot.h"

#include "report/BitmapFont.h"
#include "report/DebiasedEMA.h"
#include "report/detail/AxisTicks.h"
#include "train/MetricsLog.h"
#include "util/Error.h"
#include "util/Log.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <set>

namespace fs = std::filesystem;

namespace vd {
namespace {

using detail::linearTicks;
using detail::logTicks;
using detail::niceStep;
using detail::Tick;

/// Tableau 10: distinct hues that stay apart for the common forms of colour blindness.
constexpr Rgb kPalette[] = {{31, 119, 180},  {255, 127, 14}, {44, 160, 44},   {214, 39, 40},
                            {148, 103, 189}, {140, 86, 75},  {227, 119, 194}, {127, 127, 127},
                            {188, 189, 34},  {23, 190, 207}};
constexpr Rgb kWhite{255, 255, 255};
constexpr Rgb kText{30, 30, 30};
constexpr Rgb kAxis{90, 90, 90};
constexpr Rgb kGrid{222, 222, 222};
constexpr Rgb kMinorGrid{240, 240, 240};
/// How far the raw curve is faded towards white when a smoothed curve is drawn over it.
constexpr double kRawFade = 0.6;
constexpr double kRawThickness = 1.0;
constexpr double kSmoothThickness = 2.0;
/// A curve of one point is drawn as a dot this wide, or it would be invisible.
constexpr double kDotThickness = 5.0;

/// Maps data values to pixel positions along one axis (log10 first on a log axis).
struct Axis {
    double lo = 0.0; ///< in axis units (log10 of the value on a log axis)
    double hi = 1.0;
    bool log = false;
    double p0 = 0.0; ///< pixel of `lo`
    double p1 = 1.0; ///< pixel of `hi`

    double toPixel(double v) const
    {
        const double t = log ? std::log10(v) : v;
        return p0 + (t - lo) / (hi - lo) * (p1 - p0);
    }
};

/// A series cut to its plottable points, in x order.
struct Prepared {
    std::string name;
    Rgb colour;
    bool points = false;
    std::vector<double> x;
    std::vector<double> y;
};

Prepared prepare(const PlotSeries& s, Rgb colour, bool logX, bool logY)
{
    if (s.x.size() != s.y.size()) {
        throw Error(ErrorKind::Usage,
                    "plot series '" + s.name + "': " + std::to_string(s.x.size()) +
                        " x values but " + std::to_string(s.y.size()) + " y values",
                    ErrorCode::InvalidValue);
    }
    std::vector<size_t> keep;
    keep.reserve(s.x.size());
    for (size_t i = 0; i < s.x.size(); ++i) {
        if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]) && (!logX || s.x[i] > 0.0) &&
            (!logY || s.y[i] > 0.0)) {
            keep.push_back(i);
        }
    }
    // Steps come in order from a metrics file; sort only when they do not.
    const auto byX = [&s](size_t a, size_t b) { return s.x[a] < s.x[b]; };
    if (!std::is_sorted(keep.begin(), keep.end(), byX)) {
        std::stable_sort(keep.begin(), keep.end(), byX);
    }
    Prepared p{s.name, colour, s.points, {}, {}};
    p.x.reserve(keep.size());
    p.y.reserve(keep.size());
    for (const size_t i : keep) {
        p.x.push_back(s.x[i]);
        p.y.push_back(s.y[i]);
    }
    return p;
}

std::vector<double> smoothEMA(const std::vector<double>& y, double weight)
{
    std::vector<double> out(y.size());
    DebiasedEMA ema(weight);
    for (size_t i = 0; i < y.size(); ++i) {
        out[i] = ema.feed(y[i]);
    }
    return out;
}

/// Pixel polyline of a curve. Points that fall in the same pixel column collapse to the
/// column's first, lowest, highest and last value (in their order), so 10^6 points draw as
/// fast as a thousand and spikes still show.
std::vector<Canvas::Point> toPixels(const std::vector<double>& x, const std::vector<double>& y,
                                    const Axis& ax, const Axis& ay)
{
    std::vector<Canvas::Point> out;
    size_t begin = 0;
    int column = INT_MIN;
    const auto flush = [&](size_t end) {
        if (end == begin) {
            return;
        }
        if (end - begin == 1) {
            out.push_back({ax.toPixel(x[begin]), ay.toPixel(y[begin])});
            return;
        }
        size_t lo = begin;
        size_t hi = begin;
        for (size_t i = begin; i < end; ++i) {
            lo = y[i] < y[lo] ? i : lo;
            hi = y[i] > y[hi] ? i : hi;
        }
        size_t picks[4] = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
        for (size_t k = 0; k < 4; ++k) {
            if (k == 0 || picks[k] != picks[k - 1]) {
                out.push_back({static_cast<double>(column), ay.toPixel(y[picks[k]])});
            }
        }
    };
    for (size_t i = 0; i < x.size(); ++i) {
        const int c = static_cast<int>(std::lround(ax.toPixel(x[i])));
        if (c != column) {
            flush(i);
            begin = i;
            column = c;
        }
    }
    flush(x.size());
    return out;
}

/// Cuts `text` with "..." so that it fits in `maxWidth` pixels at `scale`.
std::string fitText(const std::string& text, int maxWidth, int scale)
{
    if (BitmapFont::textWidth(text, scale) <= maxWidth) {
        return text;
    }
    const int chars = std::max(0, maxWidth / (BitmapFont::kAdvance * scale) - 3);
    return text.substr(0, static_cast<size_t>(chars)) + "...";
}

struct LegendLayout {
    int pad = 0;
    int swatch = 0;
    int rowH = 0;
    int w = 0;
    int h = 0;
};

LegendLayout legendLayout(const std::vector<Prepared>& series, int s)
{
    LegendLayout l;
    l.pad = 3 * s;
    l.swatch = 8 * s;
    l.rowH = BitmapFont::textHeight(s) + l.pad;
    int textW = 0;
    for (const Prepared& p : series) {
        textW = std::max(textW, BitmapFont::textWidth(p.name, s));
    }
    l.w = l.pad + l.swatch + l.pad + textW + l.pad;
    l.h = l.pad + static_cast<int>(series.size()) * l.rowH;
    return l;
}

/// Pixels in the rectangle that a curve has touched (neither background nor grid).
int curvePixels(const Canvas& canvas, int x, int y, int w, int h)
{
    int n = 0;
    for (int yy = std::max(y, 0); yy < std::min(y + h, canvas.height()); ++yy) {
        for (int xx = std::max(x, 0); xx < std::min(x + w, canvas.width()); ++xx) {
            const Rgb c = canvas.pixel(xx, yy);
            n += c != kWhite && c != kGrid && c != kMinorGrid ? 1 : 0;
        }
    }
    return n;
}

void drawLegend(Canvas& canvas, const std::vector<Prepared>& series, const LegendLayout& l, int x,
                int top, int s)
{
    canvas.fillRect(x, top, l.w, l.h, kWhite);
    canvas.drawRect(x, top, l.w, l.h, kAxis);
    for (size_t i = 0; i < series.size(); ++i) {
        const int y = top + l.pad + static_cast<int>(i) * l.rowH;
        const double mid = y + (BitmapFont::kGlyphHeight - 1) * s / 2.0;
        canvas.drawLine(x + l.pad, mid, x + l.pad + l.swatch, mid, series[i].colour,
                        kSmoothThickness);
        canvas.drawText(x + l.pad + l.swatch + l.pad, y, series[i].name, kText, s);
    }
}

} // namespace

Rgb plotColour(size_t index)
{
    return kPalette[index % std::size(kPalette)];
}

Canvas renderLossPlot(const std::vector<PlotSeries>& series, const PlotOptions& options)
{
    if (options.width < 160 || options.height < 120) {
        throw Error(ErrorKind::Usage,
                    "plot size " + std::to_string(options.width) + "x" +
                        std::to_string(options.height) + " is below the minimum 160x120",
                    ErrorCode::InvalidValue);
    }
    if (!(options.smoothing >= 0.0 && options.smoothing < 1.0)) {
        throw Error(ErrorKind::Usage,
                    "plot smoothing " + std::to_string(options.smoothing) + " not in [0, 1)",
                    ErrorCode::InvalidValue);
    }
    const int s = options.textScale > 0 ? options.textScale : (options.width >= 640 ? 2 : 1);
    const int pad = 4 * s;
    const int tickLen = 3 * s;
    const int lineH = BitmapFont::textHeight(s);
    const int capH = (BitmapFont::kGlyphHeight - 1) * s; ///< digits and capitals, for centring

    std::vector<Prepared> prepared;
    double xMin = INFINITY, xMax = -INFINITY, yMin = INFINITY, yMax = -INFINITY;
    bool xIntegral = true; // training steps: no ticks between two steps
    for (size_t i = 0; i < series.size(); ++i) {
        const Rgb colour = series[i].colour.value_or(plotColour(i));
        prepared.push_back(prepare(series[i], colour, options.logX, options.logY));
        const Prepared& p = prepared.back();
        if (!p.x.empty()) {
            xMin = std::min(xMin, p.x.front());
            xMax = std::max(xMax, p.x.back());
            const auto [lo, hi] = std::minmax_element(p.y.begin(), p.y.end());
            yMin = std::min(yMin, *lo);
            yMax = std::max(yMax, *hi);
            xIntegral = xIntegral && std::all_of(p.x.begin(), p.x.end(),
                                                 [](double v) { return v == std::floor(v); });
        }
    }
    const bool hasData = std::isfinite(xMin);

    Canvas canvas(options.width, options.height, kWhite);

    // Title on the left of the top line, a note on how y is drawn on its right.
    std::string note = options.logX ? (options.logY ? "log-log" : "log x") : "";
    if (!options.logX || !options.logY) {
        note += std::string(note.empty() ? "" : ", ") + (options.logY ? "log y" : "linear y");
    }
    if (options.smoothing > 0.0) {
        char weight[32];
        std::snprintf(weight, sizeof(weight), ", EMA %g", options.smoothing);
        note += weight;
    }
    const int noteW = BitmapFont::textWidth(note, s);
    int titleScale = s + 1;
    const int titleRoom = options.width - 3 * pad - noteW;
    if (BitmapFont::textWidth(options.title, titleScale) > titleRoom) {
        titleScale = s;
    }
    canvas.drawText(pad, pad, fitText(options.title, titleRoom, titleScale), kText, titleScale);
    // On the title's baseline (the glyphs' last row is for descenders).
    const int baselineShift = (BitmapFont::kGlyphHeight - 1) * (titleScale - s);
    canvas.drawText(options.width - pad - noteW, pad + baselineShift, note, kAxis, s);

    // Plot area: the margins hold the title, the tick labels and the x label.
    const int top = pad + BitmapFont::textHeight(s + 1) + 2 * pad;
    const int bottom = options.height - (tickLen + pad + lineH + pad + lineH + pad);
    Axis ay;
    ay.log = options.logY;
    std::vector<Tick> yTicks;
    const int yTarget = std::clamp((bottom - top) / (lineH * 3), 2, 10);
    if (!hasData) {
        ay.lo = options.logY ? -1.0 : 0.0;
        ay.hi = options.logY ? 0.0 : 1.0;
    } else if (options.logY) {
        ay.lo = std::log10(yMin);
        ay.hi = std::log10(yMax);
        const double span = std::max(ay.hi - ay.lo, 0.3); // a flat curve still gets a scale
        const double mid = (ay.lo + ay.hi) / 2.0;
        ay.lo = std::min(ay.lo, mid - span / 2.0) - span * 0.05;
        ay.hi = std::max(ay.hi, mid + span / 2.0) + span * 0.05;
        yTicks = logTicks(ay.lo, ay.hi, yTarget);
    } else {
        double lo = yMin, hi = yMax;
        if (hi - lo <= std::fabs(hi) * 1e-12) {
            const double half = std::max(std::fabs(hi) * 0.1, 1e-3);
            lo -= half;
            hi += half;
        }
        // Extend the axis to the nice values around the data, as a reader expects.
        const double step = niceStep(lo, hi, yTarget);
        ay.lo = std::floor(lo / step + 1e-9) * step;
        ay.hi = std::ceil(hi / step - 1e-9) * step;
        yTicks = linearTicks(ay.lo, ay.hi, step);
    }
    int yLabelW = 0;
    for (const Tick& t : yTicks) {
        yLabelW = std::max(yLabelW, BitmapFont::textWidth(t.label, s));
    }
    const int left = pad + yLabelW + pad + tickLen;
    const int right = options.width - 3 * pad;
    ay.p0 = bottom - 1;
    ay.p1 = top;

    Axis ax;
    ax.log = options.logX;
    if (options.logX) {
        // As the log y axis: a margin of 5 % of the span, and a scale even for one point.
        ax.lo = hasData ? std::log10(xMin) : -1.0;
        ax.hi = hasData ? std::log10(xMax) : 0.0;
        const double span = std::max(ax.hi - ax.lo, 0.3);
        const double mid = (ax.lo + ax.hi) / 2.0;
        ax.lo = std::min(ax.lo, mid - span / 2.0) - span * 0.05;
        ax.hi = std::max(ax.hi, mid + span / 2.0) + span * 0.05;
    } else {
        ax.lo = hasData ? xMin : 0.0;
        ax.hi = hasData ? xMax : 1.0;
        if (ax.hi - ax.lo <= std::fabs(ax.hi) * 1e-12) {
            ax.lo -= 1.0;
            ax.hi += 1.0;
        }
    }
    ax.p0 = left;
    ax.p1 = right - 1;
    // As many x ticks as fit with their labels apart.
    std::vector<Tick> xTicks;
    for (int target = std::clamp((right - left) / (lineH * 8), 2, 10); target >= 2; --target) {
        xTicks = options.logX ? logTicks(ax.lo, ax.hi, target)
                              : linearTicks(ax.lo, ax.hi,
                                            niceStep(ax.lo, ax.hi, target, xIntegral ? 1.0 : 0.0));
        xTicks.erase(std::remove_if(xTicks.begin(), xTicks.end(),
                                    [](const Tick& t) { return !t.major || t.label.empty(); }),
                     xTicks.end());
        int widest = 0;
        for (const Tick& t : xTicks) {
            widest = std::max(widest, BitmapFont::textWidth(t.label, s));
        }
        const double spacing =
            xTicks.size() >= 2 ? ax.toPixel(xTicks[1].value) - ax.toPixel(xTicks[0].value) : 1e9;
        if (spacing >= widest + 2 * pad) {
            break;
        }
    }

    // Grid, then curves clipped to the plot area, then the frame and labels over them.
    for (const Tick& t : yTicks) {
        const int y = static_cast<int>(std::lround(ay.toPixel(t.value)));
        canvas.fillRect(left, y, right - left, 1, t.major ? kGrid : kMinorGrid);
    }
    for (const Tick& t : xTicks) {
        const int x = static_cast<int>(std::lround(ax.toPixel(t.value)));
        canvas.fillRect(x, top, 1, bottom - top, kGrid);
    }
    canvas.setClip(left, top, right - left, bottom - top);
    const auto drawCurve = [&](const std::vector<Canvas::Point>& points, Rgb colour,
                               double thickness) {
        canvas.drawPolyline(points, colour, points.size() == 1 ? kDotThickness : thickness);
    };
    const bool smooth = options.smoothing > 0.0;
    for (const Prepared& p : prepared) {
        if (p.points) {
            for (size_t i = 0; i < p.x.size(); ++i) {
                const double x = ax.toPixel(p.x[i]);
                const double y = ay.toPixel(p.y[i]);
                canvas.drawLine(x, y, x, y, p.colour, 2.0 * kDotThickness);
            }
            continue;
        }
        drawCurve(toPixels(p.x, p.y, ax, ay),
                  smooth ? mixRgb(p.colour, kWhite, kRawFade) : p.colour,
                  smooth ? kRawThickness : kSmoothThickness);
    }
    if (smooth) {
        for (const Prepared& p : prepared) {
            if (p.points) {
                continue;
            }
            drawCurve(toPixels(p.x, smoothEMA(p.y, options.smoothing), ax, ay), p.colour,
                      kSmoothThickness);
        }
    }
    canvas.resetClip();
    canvas.drawRect(left - 1, top - 1, right - left + 2, bottom - top + 2, kAxis);
    for (const Tick& t : yTicks) {
        if (!t.major) {
            continue;
        }
        const int y = static_cast<int>(std::lround(ay.toPixel(t.value)));
        canvas.fillRect(left - 1 - tickLen, y, tickLen, 1, kAxis);
        const int w = BitmapFont::textWidth(t.label, s);
        canvas.drawText(left - 1 - tickLen - pad / 2 - w, y - capH / 2, t.label, kText, s);
    }
    for (const Tick& t : xTicks) {
        const int x = static_cast<int>(std::lround(ax.toPixel(t.value)));
        canvas.fillRect(x, bottom + 1, 1, tickLen, kAxis);
        const int w = BitmapFont::textWidth(t.label, s);
        canvas.drawText(std::clamp(x - w / 2, 0, options.width - w), bottom + 1 + tickLen + pad,
                        t.label, kText, s);
    }
    const int xLabelW = BitmapFont::textWidth(options.xLabel, s);
    canvas.drawText((left + right - xLabelW) / 2, options.height - pad - lineH, options.xLabel,
                    kText, s);
    if (!hasData) {
        const char* text = "no data";
        canvas.drawText((left + right - BitmapFont::textWidth(text, s + 1)) / 2,
                        (top + bottom - BitmapFont::textHeight(s + 1)) / 2, text, kAxis, s + 1);
    }
    if (!prepared.empty()) {
        // In the corner that hides the least of the curves, top right when it is free
        // (matplotlib's loc="best", simplified to the four corners).
        const LegendLayout l = legendLayout(prepared, s);
        const int xs[4] = {right - pad - l.w, left + pad, right - pad - l.w, left + pad};
        const int ys[4] = {top + pad, top + pad, bottom - pad - l.h, bottom - pad - l.h};
        int best = 0;
        int bestCovered = INT_MAX;
        for (int i = 0; i < 4; ++i) {
            const int covered = curvePixels(canvas, xs[i], ys[i], l.w, l.h);
            if (covered < bestCovered) {
                best = i;
                bestCovered = covered;
            }
        }
        drawLegend(canvas, prepared, l, xs[best], ys[best], s);
    }
    return canvas;
}

std::vector<PlotSeries> readMetricsSeries(const std::string& metricsJsonlPath,
                                          const std::vector<std::string>& keys)
{
    std::error_code ec;
    std::string path = metricsJsonlPath;
    if (fs::is_directory(path, ec)) {
        path = (fs::path(path) / "metrics.jsonl").string();
    }
    if (!fs::exists(path, ec)) {
        throw Error(ErrorKind::InputData, "'" + path + "': metrics file not found",
                    ErrorCode::FileNotFound);
    }
    const std::vector<MetricsRecord> records = MetricsLog::readAll(path).records();
    if (records.empty()) {
        throw Error(ErrorKind::InputData, "'" + path + "': holds no metrics entries",
                    ErrorCode::EmptyFile);
    }
    const std::vector<std::string> wanted = keys.empty() ? std::vector<std::string>{"loss"} : keys;
    std::set<std::string> present;
    for (const MetricsRecord& r : records) {
        for (const auto& [k, v] : r.numbers) {
            present.insert(k);
        }
    }
    std::string presentList;
    for (const std::string& k : present) {
        presentList += (presentList.empty() ? "" : ", ") + k;
    }
    presentList = "(it has: " + (presentList.empty() ? std::string("none") : presentList) + ")";
    std::vector<PlotSeries> out;
    std::vector<std::string> missing;
    for (const std::string& key : wanted) {
        // Some figures are logged only now and then or by one stage; a plot of the others is
        // still worth having, so a missing key is only an error when every key is missing.
        if (!present.count(key)) {
            missing.push_back(key);
            continue;
        }
        PlotSeries series;
        series.name = key;
        for (const MetricsRecord& r : records) {
            if (const auto it = r.numbers.find(key); it != r.numbers.end()) {
                series.x.push_back(static_cast<double>(r.step));
                series.y.push_back(it->second);
            }
        }
        out.push_back(std::move(series));
    }
    std::string missingList;
    for (const std::string& k : missing) {
        missingList += (missingList.empty() ? "'" : ", '") + k + "'";
    }
    if (out.empty()) {
        throw Error(ErrorKind::InputData,
                    "'" + path + "': no numeric values for " + missingList + " " + presentList,
                    ErrorCode::InvalidValue);
    }
    if (!missing.empty()) {
        log::get("report")->warn("'{}': no numeric values for {}, left out of the plot {}", path,
                                 missingList, presentList);
    }
    return out;
}

void writeLossPlot(const std::string& metricsJsonlPath, const std::vector<std::string>& keys,
                   const std::string& outPng, const PlotOptions& options)
{
    PlotOptions o = options;
    if (o.title.empty()) {
        std::error_code ec;
        const fs::path p(metricsJsonlPath);
        const fs::path run = fs::is_directory(p, ec) ? p : p.parent_path();
        o.title = fs::absolute(run, ec).lexically_normal().filename().string();
        if (o.title.empty()) {
            o.title = fs::absolute(run, ec).lexically_normal().parent_path().filename().string();
        }
    }
    renderLossPlot(readMetricsSeries(metricsJsonlPath, keys), o).savePng(outPng);
}

} // namespace vd
