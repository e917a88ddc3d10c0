// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt-free report layer: canvas drawing, bitmap text, loss plots from metrics.jsonl and
// contact sheets, written as PNG files that decode back to the same pixels.
#include "report/BitmapFont.h"
#include "report/Canvas.h"
#include "report/ContactSheet.h"
#include "report/LossPlot.h"
#include "train/MetricsLog.h"
#include "util/Error.h"

#include "common/TestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace vd;

namespace {

constexpr Rgb kWhite{255, 255, 255};
constexpr Rgb kRed{220, 30, 30};

/// Pixels of `c` equal to `colour` within [x0, x1) x [y0, y1).
int countColour(const Canvas& c, Rgb colour, int x0, int y0, int x1, int y1)
{
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            n += c.pixel(x, y) == colour ? 1 : 0;
        }
    }
    return n;
}

int countNot(const Canvas& c, Rgb colour, int x0, int y0, int x1, int y1)
{
    return (x1 - x0) * (y1 - y0) - countColour(c, colour, x0, y0, x1, y1);
}

/// Decodes a PNG with the ffmpeg command into a canvas-sized RGB buffer.
QByteArray decodePng(const QString& path)
{
    return vdtest::ffmpegDecode(path);
}

/// The vd::Error `fn` throws; fails the test if it throws none.
Error thrownBy(const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const Error& e) {
        return e;
    }
    return Error(ErrorKind::Runtime, "<nothing thrown>");
}

/// A metrics.jsonl with a decaying loss, a "kl" term and some null (NaN) entries.
void writeMetrics(const QString& path, int steps)
{
    MetricsLog log = MetricsLog::open(path.toStdString());
    for (int s = 1; s <= steps; ++s) {
        const double loss = 2.0 * std::exp(-s / 60.0) + 0.02 + 0.01 * std::sin(s * 1.7);
        const double kl = s % 17 == 0 ? std::nan("") : 0.001 * s;
        log.append(s, {{"loss", loss}, {"kl", kl}});
    }
}

FrameStack solidClip(int frames, int width, int height)
{
    FrameStack f;
    f.frames = frames;
    f.width = width;
    f.height = height;
    f.data.resize(static_cast<size_t>(frames) * width * height * 3);
    for (int t = 0; t < frames; ++t) {
        // Frame t is filled with grey level 10 * t + 5, so a cell tells which frame it shows.
        std::fill(f.frame(t), f.frame(t) + static_cast<size_t>(width) * height * 3,
                  static_cast<uint8_t>(10 * t + 5));
    }
    return f;
}

} // namespace

class tst_Report : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rectangles();
    void linesAndClip();
    void blitScalesNearest();
    void textStaysInItsBox_data();
    void textStaysInItsBox();
    void pngRoundTrip();
    void pngWriteErrorNamesFile();
    void lossPlotFromMetricsFile();
    void lossPlotEdgeCases();
    void lossPlotMillionPoints();
    void logLogPoints();
    void metricsErrorsNameFile();
    void contactSheetLayout();
    void cliPlotMetrics();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_Report::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_Report::rectangles()
{
    Canvas c(40, 30, kWhite);
    QCOMPARE(c.rgb().size(), size_t(40 * 30 * 3));
    c.fillRect(5, 6, 10, 4, kRed);
    QCOMPARE(countColour(c, kRed, 0, 0, 40, 30), 40);
    QCOMPARE(c.pixel(5, 6), kRed);
    QCOMPARE(c.pixel(14, 9), kRed);
    QCOMPARE(c.pixel(15, 9), kWhite);
    QCOMPARE(c.pixel(14, 10), kWhite);

    c.fill(kWhite);
    c.drawRect(20, 10, 10, 8, kRed); // outline only: 2*10 + 2*6 pixels
    QCOMPARE(countColour(c, kRed, 0, 0, 40, 30), 32);
    QCOMPARE(c.pixel(20, 10), kRed);
    QCOMPARE(c.pixel(29, 17), kRed);
    QCOMPARE(c.pixel(25, 14), kWhite);

    c.fillRect(-5, -1, 100, 2, kRed); // partly outside: cut, no crash
    QCOMPARE(c.pixel(39, 0), kRed);
    QVERIFY_EXCEPTION_THROWN(Canvas(0, 10), Error);
}

void tst_Report::linesAndClip()
{
    Canvas c(60, 40, kWhite);
    c.drawLine(5, 10, 50, 10, kRed, 1.0);
    QCOMPARE(c.pixel(20, 10), kRed);
    QCOMPARE(c.pixel(20, 12), kWhite);
    QCOMPARE(c.pixel(55, 10), kWhite); // past the end

    c.drawLine(5, 20, 50, 38, kRed, 2.0); // diagonal, anti-aliased
    const Rgb mid = c.pixel(30, 30);      // (30, 30) lies on the segment
    QCOMPARE(mid, kRed);
    const Rgb edge = c.pixel(30, 31); // partly covered: mixed with the background
    QVERIFY(edge != kRed && edge != kWhite);
    QCOMPARE(c.pixel(30, 36), kWhite);

    Canvas d(60, 40, kWhite);
    d.setClip(0, 0, 30, 40);
    d.drawLine(5, 5, 55, 5, kRed);
    QCOMPARE(d.pixel(20, 5), kRed);
    QCOMPARE(d.pixel(40, 5), kWhite);
    d.resetClip();
    d.drawLine(5, 5, 55, 5, kRed);
    QCOMPARE(d.pixel(40, 5), kRed);

    Canvas e(20, 20, kWhite);
    e.drawPolyline({{2, 2}, {10, 2}, {10, 15}}, kRed, 1.0);
    QCOMPARE(e.pixel(6, 2), kRed);
    QCOMPARE(e.pixel(10, 9), kRed);
    QCOMPARE(e.pixel(6, 9), kWhite);
}

void tst_Report::blitScalesNearest()
{
    Frame f;
    f.width = 2;
    f.height = 2;
    f.rgb = {10, 0, 0, 20, 0, 0, 30, 0, 0, 40, 0, 0};
    Canvas c(20, 20, kWhite);
    c.blit(f, 4, 5, 3);
    QCOMPARE(c.pixel(4, 5), (Rgb{10, 0, 0}));
    QCOMPARE(c.pixel(6, 7), (Rgb{10, 0, 0}));
    QCOMPARE(c.pixel(7, 5), (Rgb{20, 0, 0}));
    QCOMPARE(c.pixel(4, 8), (Rgb{30, 0, 0}));
    QCOMPARE(c.pixel(9, 10), (Rgb{40, 0, 0}));
    QCOMPARE(c.pixel(10, 10), kWhite);
    QCOMPARE(c.pixel(9, 11), kWhite);
    QVERIFY_EXCEPTION_THROWN(c.blit(f, 0, 0, 0), Error);
    c.blit(f, 18, 18, 4); // cut at the border
    QCOMPARE(c.pixel(19, 19), (Rgb{10, 0, 0}));
}

void tst_Report::textStaysInItsBox_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("scale");
    QTest::newRow("word") << QString("loss") << 1;
    QTest::newRow("number scale 2") << QString("1.5e-3") << 2;
    QTest::newRow("symbols scale 3") << QString("[x]_{y}|~") << 3;
}

void tst_Report::textStaysInItsBox()
{
    QFETCH(QString, text);
    QFETCH(int, scale);
    const std::string s = text.toStdString();
    Canvas c(300, 60, kWhite);
    const int x = 7;
    const int y = 9;
    const int w = c.drawText(x, y, s, kRed, scale);
    QCOMPARE(w, BitmapFont::textWidth(s, scale));
    const int h = BitmapFont::textHeight(scale);
    const int inside = countColour(c, kRed, x, y, x + w, y + h);
    QVERIFY2(inside > static_cast<int>(s.size()) * scale * scale, qPrintable(text));
    QCOMPARE(countNot(c, kWhite, 0, 0, 300, 60), inside); // nothing outside the box
}

void tst_Report::pngRoundTrip()
{
    Canvas c(37, 21, kWhite); // odd sizes on purpose
    c.fillRect(0, 0, 10, 21, Rgb{0, 128, 255});
    c.drawLine(0, 20, 36, 0, kRed, 2.0);
    c.drawText(12, 2, "Ok", Rgb{0, 0, 0});
    const QString path = file("sub/dir/canvas.png"); // folders are created
    c.savePng(path.toStdString());
    QVERIFY(QFile::exists(path));
    QCOMPARE(vdtest::ffprobeEntry(path, "codec_name"), QString("png"));
    QCOMPARE(vdtest::ffprobeEntry(path, "width"), QString("37"));
    QCOMPARE(vdtest::ffprobeEntry(path, "height"), QString("21"));
    const QByteArray decoded = decodePng(path);
    QCOMPARE(decoded.size(), qsizetype(c.rgb().size()));
    QVERIFY(std::equal(c.rgb().begin(), c.rgb().end(),
                       reinterpret_cast<const uint8_t*>(decoded.constData())));
    // No temporary folder is left beside the file.
    QCOMPARE(QDir(file("sub/dir"))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                 .size(),
             1);
}

void tst_Report::pngWriteErrorNamesFile()
{
    // A regular file where the parent folder should be: nothing can be written below it.
    QFile blocker(file("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const std::string path = file("blocker/out.png").toStdString();
    const Error e = thrownBy([&] { Canvas(8, 8).savePng(path); });
    QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
    QCOMPARE(e.kind(), ErrorKind::Runtime);
    QVERIFY_EXCEPTION_THROWN(Canvas().savePng(file("empty.png").toStdString()), Error);
}

void tst_Report::lossPlotFromMetricsFile()
{
    const QString metrics = file("run-a/metrics.jsonl");
    writeMetrics(metrics, 300);
    const QString png = file("run-a/loss.png");
    PlotOptions options;
    options.width = 800;
    options.height = 450;
    writeLossPlot(metrics.toStdString(), {"loss", "kl"}, png.toStdString(), options);
    QCOMPARE(vdtest::ffprobeEntry(png, "width"), QString("800"));
    QCOMPARE(vdtest::ffprobeEntry(png, "height"), QString("450"));
    const QByteArray decoded = decodePng(png);
    QCOMPARE(decoded.size(), qsizetype(800 * 450 * 3));

    // The same plot rendered in memory equals the file, and both curves are drawn in their
    // colours in the left half of the plot (the legend sits at the top right).
    PlotOptions titled = options;
    titled.title = "run-a"; // what writeLossPlot takes from the run folder
    const Canvas c =
        renderLossPlot(readMetricsSeries(metrics.toStdString(), {"loss", "kl"}), titled);
    QVERIFY(std::equal(c.rgb().begin(), c.rgb().end(),
                       reinterpret_cast<const uint8_t*>(decoded.constData())));
    QVERIFY(countColour(c, plotColour(0), 100, 0, 400, 450) > 100);
    QVERIFY(countColour(c, plotColour(1), 100, 0, 400, 450) > 100);
    // Raw curves are drawn light under the smoothed ones.
    PlotOptions raw = options;
    raw.smoothing = 0.0;
    const Canvas r = renderLossPlot(readMetricsSeries(metrics.toStdString(), {"loss"}), raw);
    QVERIFY(countColour(r, plotColour(0), 100, 0, 400, 450) > 100);
    QCOMPARE(countColour(r, plotColour(1), 0, 0, 800, 450), 0);
    // A directory is read as the run folder holding metrics.jsonl.
    QCOMPARE(readMetricsSeries(file("run-a").toStdString(), {"loss"})[0].y.size(), size_t(300));
}

void tst_Report::lossPlotEdgeCases()
{
    PlotOptions options;
    options.width = 400;
    options.height = 300;
    PlotSeries one{"one", {42.0}, {0.5}, std::nullopt};
    const Canvas single = renderLossPlot({one}, options);
    QVERIFY(countColour(single, plotColour(0), 0, 0, 300, 300) > 0); // a dot, not nothing

    const double nan = std::nan("");
    PlotSeries gaps{"gaps", {1, 2, 3, 4, 5, 6}, {1.0, nan, 0.5, -1.0, 0.0, 0.25}, kRed};
    const Canvas logPlot = renderLossPlot({gaps}, options); // NaN and non-positive skipped
    QVERIFY(countColour(logPlot, kRed, 0, 0, 300, 300) > 10);
    options.logY = false;
    const Canvas linPlot = renderLossPlot({gaps}, options); // only NaN skipped
    QVERIFY(countColour(linPlot, kRed, 0, 0, 300, 300) > 10);

    PlotSeries none{"none", {1, 2}, {nan, nan}, std::nullopt};
    const Canvas empty = renderLossPlot({none}, options);
    QCOMPARE(countColour(empty, plotColour(0), 0, 0, 300, 300), 0);
    QCOMPARE(empty.width(), 400);

    PlotSeries unsorted{"u", {5, 1, 3}, {1, 2, 3}, std::nullopt};
    QCOMPARE(renderLossPlot({unsorted}, options).height(), 300);
    PlotSeries mismatched{"m", {1, 2}, {1}, std::nullopt};
    QVERIFY_EXCEPTION_THROWN(renderLossPlot({mismatched}, options), Error);
    options.smoothing = 1.0;
    QVERIFY_EXCEPTION_THROWN(renderLossPlot({one}, options), Error);
}

void tst_Report::lossPlotMillionPoints()
{
    PlotSeries big{"big", {}, {}, std::nullopt};
    const int n = 1000000;
    big.x.resize(n);
    big.y.resize(n);
    for (int i = 0; i < n; ++i) {
        big.x[i] = i;
        big.y[i] = 1.0 / (1.0 + i * 1e-4) * (1.0 + 0.3 * std::sin(i * 0.37));
    }
    big.y[n / 2 + 123] = 50.0; // one spike inside a pixel column must survive decimation
    PlotOptions options;
    options.smoothing = 0.0;
    const Canvas c = renderLossPlot({big}, options);
    QVERIFY(countColour(c, plotColour(0), 0, 0, 700, c.height()) > 500);
    // The spike reaches near the top of the plot area, in the middle column range.
    QVERIFY(countColour(c, plotColour(0), c.width() / 2 - 60, 0, c.width() / 2 + 60, 120) > 0);
}

void tst_Report::logLogPoints()
{
    // Two measurements two decades apart on both axes, and one at x = 0 that a log x axis
    // cannot show: as dots they leave the middle of the plot empty, as a curve they cross it.
    PlotSeries points{"variants", {0.0, 10.0, 1000.0}, {0.5, 1.0, 0.01}, kRed};
    points.points = true;
    PlotOptions options;
    options.width = 400;
    options.height = 300;
    options.logX = true;
    options.smoothing = 0.0;
    const Canvas dots = renderLossPlot({points}, options);
    QVERIFY(countColour(dots, kRed, 0, 0, 400, 300) > 20);
    QCOMPARE(countColour(dots, kRed, 170, 120, 230, 180), 0);
    points.points = false;
    const Canvas line = renderLossPlot({points}, options);
    QVERIFY(countColour(line, kRed, 170, 120, 230, 180) > 0);
}

void tst_Report::metricsErrorsNameFile()
{
    const std::string missing = file("nope/metrics.jsonl").toStdString();
    Error e = thrownBy([&] { readMetricsSeries(missing, {"loss"}); });
    QCOMPARE(e.code(), ErrorCode::FileNotFound);
    QCOMPARE(e.kind(), ErrorKind::InputData);
    QVERIFY2(std::string(e.what()).find(missing) != std::string::npos, e.what());

    const QString emptyPath = file("empty/metrics.jsonl");
    QVERIFY(QDir().mkpath(file("empty")));
    QFile f(emptyPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const std::string empty = emptyPath.toStdString();
    e = thrownBy([&] { writeLossPlot(empty, {"loss"}, file("empty.png").toStdString()); });
    QCOMPARE(e.code(), ErrorCode::EmptyFile);
    QVERIFY2(std::string(e.what()).find(empty) != std::string::npos, e.what());
    QVERIFY(!QFile::exists(file("empty.png")));

    const QString metrics = file("run-b/metrics.jsonl");
    writeMetrics(metrics, 10);
    e = thrownBy([&] { readMetricsSeries(metrics.toStdString(), {"l1", "psnr"}); });
    QCOMPARE(e.code(), ErrorCode::InvalidValue);
    QVERIFY2(std::string(e.what()).find("'l1', 'psnr'") != std::string::npos, e.what());
    QVERIFY2(std::string(e.what()).find("kl, loss") != std::string::npos, e.what());
    // A key that is missing beside present ones is left out, not fatal.
    const auto partial = readMetricsSeries(metrics.toStdString(), {"loss", "l1"});
    QCOMPARE(partial.size(), size_t(1));
    QCOMPARE(partial[0].name, std::string("loss"));
}

void tst_Report::contactSheetLayout()
{
    const FrameStack clip = solidClip(20, 16, 12);
    SheetOptions options;
    options.maxFrames = 5;
    options.scale = 2;
    options.gap = 3;
    options.textScale = 1;
    const std::vector<SheetRow> two{{"real", clip}, {"recon", clip}};
    const Canvas a = makeContactSheet(two, options);
    std::vector<SheetRow> three = two;
    three.push_back({"gen", solidClip(3, 8, 6)}); // shorter and smaller: centred, blanks
    const Canvas b = makeContactSheet(three, options);
    options.maxFrames = 4;
    const Canvas c = makeContactSheet(two, options);
    const int cellW = 16 * 2;
    const int cellH = 12 * 2;
    QCOMPARE(a.width() - c.width(), cellW + options.gap);   // one frame column more
    QCOMPARE(b.height() - a.height(), cellH + options.gap); // one row more
    QCOMPARE(b.width(), a.width());

    // Five of 20 frames, evenly spaced with first and last: 0, 5, 10, 14, 19. The cells end
    // at the right margin (4 x textScale).
    QCOMPARE(evenlySpacedFrames(20, 5), (std::vector<int>{0, 5, 10, 14, 19}));
    const int pad = 4;
    const int top = pad;
    const int expected[5] = {0, 5, 10, 14, 19};
    for (int col = 0; col < 5; ++col) {
        const int x = a.width() - pad - (5 - col) * cellW - (4 - col) * options.gap;
        const uint8_t v = static_cast<uint8_t>(10 * expected[col] + 5);
        QCOMPARE(a.pixel(x, top), (Rgb{v, v, v}));
        QCOMPARE(a.pixel(x + cellW - 1, top + cellH - 1), (Rgb{v, v, v}));
        QCOMPARE(a.pixel(x + cellW, top), options.background); // the gap
    }
    // The label is drawn left of the first cell.
    const int firstCell = a.width() - pad - 5 * cellW - 4 * options.gap;
    QVERIFY(countNot(a, options.background, 0, top, firstCell, top + cellH) > 0);

    const QString png = file("sheet.png");
    writeContactSheet(three, png.toStdString(), options);
    const Canvas d = makeContactSheet(three, options);
    QCOMPARE(vdtest::ffprobeEntry(png, "width"), QString::number(d.width()));
    QCOMPARE(vdtest::ffprobeEntry(png, "height"), QString::number(d.height()));

    QVERIFY_EXCEPTION_THROWN(makeContactSheet({}, options), Error);
    QVERIFY_EXCEPTION_THROWN(makeContactSheet({{"empty", FrameStack{}}}, options), Error);
    FrameStack broken = clip;
    broken.data.resize(10);
    const Error e = thrownBy([&] { makeContactSheet({{"broken-row", broken}}, options); });
    QVERIFY2(std::string(e.what()).find("broken-row") != std::string::npos, e.what());
}

void tst_Report::cliPlotMetrics()
{
    const QString metrics = file("run-cli/metrics.jsonl");
    writeMetrics(metrics, 50);
    const QString png = file("cli/plot.png");
    auto r = vdtest::run(vdtest::cliPath(), {"plot-metrics", file("run-cli"), "--out", png,
                                             "--keys", "loss,kl", "--smooth", "0.5", "--linear"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(vdtest::ffprobeEntry(png, "width"), QString("960"));

    r = vdtest::run(vdtest::cliPath(), {"plot-metrics", file("missing"), "--out", png});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("missing"), r.err.constData());
    r = vdtest::run(vdtest::cliPath(), {"plot-metrics", metrics, "--keys", "l1", "--out", png});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("l1"), r.err.constData());
    r = vdtest::run(vdtest::cliPath(), {"plot-metrics", metrics});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--out"), r.err.constData());
}

QTEST_APPLESS_MAIN(tst_Report)
#include "tst_Report.moc"
