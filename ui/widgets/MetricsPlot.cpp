// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/MetricsPlot.h"

#include "models/MetricsPlotModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QToolTip>
#include <QVBoxLayout>

#include "train/MetricNames.h"
#include "util/LatestOnlyRunner.h"
#include "util/PlotTheme.h"
#include "util/QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <utility>

namespace vd::ui {
namespace {

using Figure = MetricsPlotModel::Figure;
using Source = MetricsPlotModel::Source;
/// Curves with more points than this are drawn without antialiasing (see replot()).
constexpr int kAntialiasMaxPoints = 4000;

QString figureTitle(Figure f)
{
    switch (f) {
    case Figure::Loss:
        return MetricsPlot::tr("Loss");
    case Figure::LearningRate:
        return MetricsPlot::tr("Learning rate");
    case Figure::GradNorm:
        return MetricsPlot::tr("Gradient norm");
    case Figure::Timing:
        return MetricsPlot::tr("Step time and loader wait (ms)");
    case Figure::ProbePSNR:
        return MetricsPlot::tr("Probe reconstruction PSNR (dB)");
    case Figure::LatentHealth:
        return MetricsPlot::tr("Latent health");
    case Figure::BlobChannels:
        return MetricsPlot::tr("Blob score per channel");
    case Figure::SampleAccuracy:
        return MetricsPlot::tr("Sample quality: class accuracy");
    case Figure::SampleFrechet:
        return MetricsPlot::tr("Sample quality: Fréchet distance");
    case Figure::SampleRatios:
        return MetricsPlot::tr("Sample quality: generated / real");
    case Figure::Other:
        return MetricsPlot::tr("Other figures");
    }
    return {};
}

QString seriesLabel(const QString& key)
{
    if (key == QLatin1String(metric::kLearningRate)) {
        return MetricsPlot::tr("learning rate");
    }
    if (key == QLatin1String(metric::kGradNorm)) {
        return MetricsPlot::tr("gradient norm");
    }
    if (key == QLatin1String(metric::kStepMs)) {
        return MetricsPlot::tr("step time");
    }
    if (key == QLatin1String(metric::kWaitMs)) {
        return MetricsPlot::tr("loader wait");
    }
    if (key == QLatin1String(metric::kProbePsnr)) {
        return MetricsPlot::tr("probe PSNR");
    }
    if (key == QLatin1String(metric::kJudgeAcc)) {
        return MetricsPlot::tr("all classes");
    }
    if (key.startsWith(QLatin1String(metric::kJudgeAccClassPrefix))) {
        return key.mid(
            static_cast<int>(std::strlen(metric::kJudgeAccClassPrefix))); // the class name
    }
    if (key == QLatin1String(metric::kJudgeRecognisableAcc)) {
        return MetricsPlot::tr("recognisable");
    }
    if (key == QLatin1String(metric::kJudgeHeldAcc)) {
        return MetricsPlot::tr("held through the clip");
    }
    if (key == QLatin1String(metric::kJudgeHeldAccFloor)) {
        return MetricsPlot::tr("held, real clips");
    }
    if (key == QLatin1String(metric::kJudgeDriftRatio)) {
        return MetricsPlot::tr("drift between halves");
    }
    if (key == QLatin1String(metric::kJudgePrecision)) {
        return MetricsPlot::tr("precision");
    }
    if (key == QLatin1String(metric::kJudgeRecall)) {
        return MetricsPlot::tr("recall");
    }
    if (key == QLatin1String(metric::kJudgePrecisionFloor)) {
        return MetricsPlot::tr("precision, real vs real");
    }
    if (key == QLatin1String(metric::kJudgeRecallFloor)) {
        return MetricsPlot::tr("recall, real vs real");
    }
    if (key == QLatin1String(metric::kJudgeFd)) {
        return MetricsPlot::tr("generated vs real");
    }
    if (key == QLatin1String(metric::kJudgeFdFloor)) {
        return MetricsPlot::tr("real vs real (floor)");
    }
    if (key == QLatin1String(metric::kJudgeChangeRatio)) {
        return MetricsPlot::tr("mean change");
    }
    if (key == QLatin1String(metric::kJudgeFlickerRatio)) {
        return MetricsPlot::tr("flicker index");
    }
    if (key == QLatin1String(metric::kJudgeDiversityRatio)) {
        return MetricsPlot::tr("diversity");
    }
    return key; // the engine's own names: loss, recon, kl, mse, blob_score_max, ...
}

QColor seriesColor(const QString& key, int ordinal)
{
    if (key == QLatin1String(metric::kLoss)) {
        return QColor(0x1f, 0x5f, 0xbf);
    }
    static const QColor kPalette[] = {QColor(0xd6, 0x5f, 0x00), QColor(0x2c, 0x9c, 0x3c),
                                      QColor(0xb0, 0x30, 0x60), QColor(0x7a, 0x4f, 0xc0),
                                      QColor(0x00, 0x96, 0x9c), QColor(0x8c, 0x6d, 0x2c),
                                      QColor(0xc0, 0x40, 0x40), QColor(0x55, 0x55, 0x55)};
    return kPalette[ordinal % static_cast<int>(std::size(kPalette))];
}

} // namespace

struct MetricsPlot::State {
    MetricsPlotModel model;
    QVector<Figure> figures{Figure::Loss}; ///< as listed in the combo
    bool follow = true; ///< ranges follow the data until the user zooms or pans
    bool loadingRun = false;
    QVector<StepMetrics> liveWhileLoading;
    LatestOnlyRunner runReader;
    LatestOnlyRunner overlayReader;
    QCPItemTracer* tracer = nullptr;

    Figure figure(int index) const
    {
        return index >= 0 && index < figures.size() ? figures[index] : Figure::Loss;
    }
};

MetricsPlot::MetricsPlot(QWidget* parent)
    : QWidget(parent), m_s(std::make_unique<State>()), m_figure(new QComboBox),
      m_smoothing(new QSlider(Qt::Horizontal)), m_smoothingLabel(new QLabel),
      m_logScale(new QCheckBox(tr("Log scale"))),
      m_overlayButton(new QPushButton(tr("Overlay Earlier Run…"))),
      m_clearOverlayButton(new QPushButton(tr("Clear Overlay"))), m_plot(new QCustomPlot)
{
    m_figure->setToolTip(tr("Which figure of the run to plot"));
    m_figure->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_smoothing->setRange(0, 99);
    m_smoothing->setValue(60);
    m_smoothing->setMaximumWidth(140);
    m_smoothing->setToolTip(tr("Smoothing of the bold curves (exponential moving average)"));
    m_smoothingLabel->setMinimumWidth(
        m_smoothingLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.00 ")));
    m_logScale->setToolTip(tr("Logarithmic y axis"));
    m_overlayButton->setToolTip(tr("Draw the curves of another run's metrics.jsonl, dashed"));
    m_clearOverlayButton->setEnabled(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_figure);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Smoothing")));
    bar->addWidget(m_smoothing);
    bar->addWidget(m_smoothingLabel);
    bar->addWidget(m_logScale);
    bar->addStretch(1);
    bar->addWidget(m_overlayButton);
    bar->addWidget(m_clearOverlayButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    m_plot->setMinimumSize(240, 160);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->legend->setVisible(true);
    followPalette(m_plot);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_s->tracer = new QCPItemTracer(m_plot);
    m_s->tracer->setStyle(QCPItemTracer::tsCircle);
    m_s->tracer->setSize(7);
    m_s->tracer->setVisible(false);
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);

    connect(m_figure, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { rebuildGraphs(); });
    // Recomputing the EMA of a million points takes a few ms per series: on release only.
    m_smoothing->setTracking(false);
    connect(m_smoothing, &QSlider::sliderMoved, this,
            [this](int v) { m_smoothingLabel->setText(QString::number(v / 100.0, 'f', 2)); });
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    connect(m_logScale, &QCheckBox::toggled, this, &MetricsPlot::setLogScale);
    connect(m_overlayButton, &QPushButton::clicked, this, &MetricsPlot::chooseOverlay);
    connect(m_clearOverlayButton, &QPushButton::clicked, this, &MetricsPlot::clearOverlay);
    connect(m_plot, &QCustomPlot::mouseMove, this, &MetricsPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_s->follow = false; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_s->follow = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_s->follow = true;
        updateRanges();
        replot();
    });

    setSmoothing(0.6);
    rebuildFigureList();
    rebuildGraphs();
}

MetricsPlot::~MetricsPlot() = default;

void MetricsPlot::appendMetrics(const QVector<StepMetrics>& metrics)
{
    if (metrics.isEmpty()) {
        return;
    }
    if (m_s->loadingRun) {
        m_s->liveWhileLoading += metrics;
        return;
    }
    const bool newSeries = m_s->model.appendRun(MetricsPlotModel::pointsOf(metrics));
    if (newSeries || m_plot->graphCount() == 0) {
        // A new metric appeared: it may open a figure or join the one shown.
        rebuildFigureList();
        rebuildGraphs();
        return;
    }
    updateRanges();
    replot();
}

void MetricsPlot::clear()
{
    m_s->model.clearRun();
    m_s->liveWhileLoading.clear();
    rebuildFigureList();
    rebuildGraphs();
}

void MetricsPlot::loadRun(const QString& metricsPath)
{
    m_s->loadingRun = true;
    m_s->liveWhileLoading.clear();
    m_s->runReader.submit([metricsPath] { return MetricsPlotModel::readRun(metricsPath); },
                          [this](const MetricsPlotModel::LoadedRun& loaded) {
                              m_s->loadingRun = false;
                              m_s->model.setRun(loaded.series);
                              const QVector<StepMetrics> live =
                                  std::exchange(m_s->liveWhileLoading, {});
                              appendMetrics(live);
                              rebuildFigureList();
                              rebuildGraphs();
                              if (!loaded.error.isEmpty()) {
                                  Q_EMIT loadFailed(loaded.error);
                              }
                              Q_EMIT runLoaded(loaded.lines);
                          });
}

void MetricsPlot::loadOverlay(const QString& metricsPath)
{
    m_s->overlayReader.submit([metricsPath] { return MetricsPlotModel::readRun(metricsPath); },
                              [this](const MetricsPlotModel::LoadedRun& loaded) {
                                  if (!loaded.error.isEmpty()) {
                                      Q_EMIT loadFailed(loaded.error);
                                      return;
                                  }
                                  m_s->model.setOverlay(loaded.path, loaded.series);
                                  m_clearOverlayButton->setEnabled(true);
                                  m_clearOverlayButton->setToolTip(
                                      tr("Remove the overlay of %1").arg(loaded.path));
                                  rebuildFigureList();
                                  rebuildGraphs();
                                  Q_EMIT overlayLoaded(loaded.path, loaded.lines);
                              });
}

void MetricsPlot::clearOverlay()
{
    m_s->model.clearOverlay();
    m_clearOverlayButton->setEnabled(false);
    m_clearOverlayButton->setToolTip({});
    rebuildFigureList();
    rebuildGraphs();
}

QString MetricsPlot::overlayPath() const
{
    return m_s->model.overlayPath();
}

QStringList MetricsPlot::figureNames() const
{
    QStringList names;
    for (Figure f : m_s->figures) {
        names << figureTitle(f);
    }
    return names;
}

int MetricsPlot::currentFigure() const
{
    return m_figure->currentIndex();
}

void MetricsPlot::setCurrentFigure(int index)
{
    m_figure->setCurrentIndex(index);
}

void MetricsPlot::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    m_smoothingLabel->setText(QString::number(weight, 'f', 2));
    const int sliderValue = static_cast<int>(std::lround(weight * 100.0));
    if (m_smoothing->value() != sliderValue) {
        const QSignalBlocker block(m_smoothing);
        m_smoothing->setValue(sliderValue);
    }
    // Only the figure shown is recomputed now; the others when they are shown.
    m_s->model.setSmoothing(weight, m_s->figure(m_figure->currentIndex()));
    replot();
}

double MetricsPlot::smoothing() const
{
    return m_s->model.smoothing();
}

void MetricsPlot::setLogScale(bool on)
{
    if (m_logScale->isChecked() != on) {
        const QSignalBlocker block(m_logScale);
        m_logScale->setChecked(on);
    }
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    m_s->follow = true;
    updateRanges();
    replot();
}

bool MetricsPlot::logScale() const
{
    return m_logScale->isChecked();
}

int MetricsPlot::pointCount(const QString& name) const
{
    return m_s->model.pointCount(name);
}

qint64 MetricsPlot::lastStep() const
{
    return m_s->model.lastStep();
}

void MetricsPlot::rebuildFigureList()
{
    const QVector<Figure> figures = m_s->model.figures();
    if (figures == m_s->figures && m_figure->count() == figures.size()) {
        return;
    }
    const Figure current = m_s->figure(m_figure->currentIndex());
    m_s->figures = figures;
    const QSignalBlocker block(m_figure);
    m_figure->clear();
    for (Figure f : figures) {
        m_figure->addItem(figureTitle(f));
    }
    m_figure->setCurrentIndex(std::max(0, static_cast<int>(figures.indexOf(current))));
}

void MetricsPlot::rebuildGraphs()
{
    const Figure f = m_s->figure(m_figure->currentIndex());
    m_s->tracer->setGraph(nullptr);
    m_s->tracer->setVisible(false);
    m_plot->clearGraphs();
    m_plot->yAxis->setLabel(figureTitle(f));

    for (const QString& name : m_s->model.names(Source::Overlay, f)) {
        const MetricsPlotModel::Series& s = m_s->model.series(Source::Overlay, name);
        QColor color = seriesColor(name, m_s->model.ordinalOf(name)).lighter(130);
        QPen pen(color, 1.4, Qt::DashLine);
        QCPGraph* g = m_plot->addGraph();
        g->setData(s.smooth);
        g->setPen(pen);
        g->setName(tr("%1 (earlier run)").arg(seriesLabel(name)));
    }
    for (const QString& name : m_s->model.names(Source::Run, f)) {
        const MetricsPlotModel::Series& s = m_s->model.series(Source::Run, name);
        const QColor color = seriesColor(name, m_s->model.ordinalOf(name));
        QColor light = color;
        light.setAlpha(70);
        QCPGraph* raw = m_plot->addGraph();
        raw->setData(s.raw);
        raw->setPen(QPen(light, 1.0));
        raw->removeFromLegend();
        QCPGraph* smooth = m_plot->addGraph();
        smooth->setData(s.smooth);
        smooth->setPen(QPen(color, 1.8));
        smooth->setName(seriesLabel(name));
        if (!m_s->tracer->graph()) {
            m_s->tracer->setGraph(smooth);
        }
    }
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);
    m_s->follow = true;
    updateRanges();
    replot();
}

void MetricsPlot::updateRanges()
{
    if (!m_s->follow) {
        return;
    }
    const MetricsPlotModel::Ranges r =
        m_s->model.ranges(m_s->figure(m_figure->currentIndex()), m_logScale->isChecked());
    m_plot->xAxis->setRange(r.xLow, r.xHigh);
    m_plot->yAxis->setRange(r.yLow, r.yHigh);
}

void MetricsPlot::replot()
{
    // Antialiased curves cost ~20x per replot (bench/RESULTS.md, "Training curves": 123 vs
    // 6.6 ms at 80,000 points); past a few thousand points per curve they look the same.
    int points = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        points = std::max(points, m_plot->graph(g)->dataCount());
    }
    const bool fast = points > kAntialiasMaxPoints;
    if (fast != m_plot->plottingHints().testFlag(QCP::phFastPolylines)) {
        m_plot->setNotAntialiasedElements(fast ? QCP::aePlottables : QCP::aeNone);
        m_plot->setPlottingHint(QCP::phFastPolylines, fast);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString MetricsPlot::describeStep(double step) const
{
    const Figure f = m_s->figure(m_figure->currentIndex());
    const QStringList names = m_s->model.names(Source::Run, f);
    double key = 0.0;
    if (!m_s->model.nearestStep(f, step, &key)) {
        return {};
    }
    QStringList lines{tr("step %1").arg(static_cast<qint64>(key))};
    for (const QString& name : names) {
        const MetricsPlotModel::Series& s = *m_s->model.runSeries(name);
        const auto r = s.raw->findBegin(key, false);
        if (r == s.raw->constEnd() || r->key != key) {
            continue;
        }
        const auto sm = s.smooth->findBegin(key, false);
        lines << tr("%1: %2 (smoothed %3)")
                     .arg(seriesLabel(name), QString::number(r->value, 'g', 5),
                          QString::number(sm->value, 'g', 5));
    }
    return lines.join(QLatin1Char('\n'));
}

void MetricsPlot::onMouseMove(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton || !m_s->tracer->graph()) {
        return;
    }
    const double key = m_plot->xAxis->pixelToCoord(event->position().x());
    double snapped = 0.0;
    if (!m_s->model.nearestStep(m_s->figure(m_figure->currentIndex()), key, &snapped)) {
        return;
    }
    const QString text = describeStep(snapped);
    m_s->tracer->setGraphKey(snapped);
    m_s->tracer->setVisible(true);
    QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool MetricsPlot::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Leave && m_s->tracer->visible()) {
        m_s->tracer->setVisible(false);
        QToolTip::hideText();
        replot();
    }
    return QWidget::eventFilter(watched, event);
}

void MetricsPlot::chooseOverlay()
{
    const QString start = overlayPath().isEmpty() ? QString() : QFileInfo(overlayPath()).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Overlay Earlier Run"), start,
                                                      tr("Metrics logs (metrics.jsonl *.jsonl)"));
    if (!path.isEmpty()) {
        loadOverlay(path);
    }
}

} // namespace vd::ui
