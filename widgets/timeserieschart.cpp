// SPDX-License-Identifier: MIT

#include "timeserieschart.h"

#include "palette.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

TimeSeriesChart::TimeSeriesChart(const QString& title, const QString& unit, QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setTitle(title);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_x = new QValueAxis;
    m_x->setTitleText(tr("time (s)"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_y = new QValueAxis;
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::RectangleRubberBand);
    m_view->setToolTip(defaultToolTip());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumHeight(180);
    applyPalette(m_chart, palette());
    rescale(); // even ticks on the empty chart too
}

void TimeSeriesChart::applyPalette(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Grid lines a quarter of the way from the background to the text: visible on either scheme.
    const QColor grid = QColor::fromRgbF(base.redF() * 0.75f + text.redF() * 0.25f,
        base.greenF() * 0.75f + text.greenF() * 0.25f, base.blueF() * 0.75f + text.blueF() * 0.25f);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    if (auto* view = qobject_cast<QChartView*>(chart->scene() ? chart->scene()->views().value(0) : nullptr))
        view->setBackgroundBrush(base);
}

void TimeSeriesChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette(m_chart, palette());
    QWidget::changeEvent(event);
}

void TimeSeriesChart::setBand(double fromS, double toS, const QString& label)
{
    if (m_band) {
        m_chart->removeSeries(m_band);
        delete m_band;
        m_band = nullptr;
    }
    if (label.isEmpty() || toS <= fromS)
        return;
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    m_band = new QAreaSeries(upper, lower);
    upper->setParent(m_band);
    lower->setParent(m_band);
    m_band->setName(label);
    QColor fill = Palette::colour(Palette::Warn);
    fill.setAlphaF(0.25f);
    m_band->setBrush(fill);
    m_band->setPen(Qt::NoPen);
    m_band->setProperty("from", fromS);
    m_band->setProperty("to", toS);
    m_chart->addSeries(m_band);
    m_band->attachAxis(m_x);
    m_band->attachAxis(m_y);
    rescale();
}

int TimeSeriesChart::addSeries(const QString& name, const QColor& color, Qt::PenStyle style)
{
    auto* line = new QLineSeries;
    line->setName(name);
    QPen pen(color);
    pen.setWidthF(1.8);
    pen.setStyle(style);
    line->setPen(pen);
    m_chart->addSeries(line);
    line->attachAxis(m_x);
    line->attachAxis(m_y);
    connect(line, &QLineSeries::hovered, this, [this, line](const QPointF& p, bool state) {
        m_view->setToolTip(state
                ? QStringLiteral("%1 at %2 s: %3").arg(line->name()).arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'g', 4)
                : defaultToolTip());
    });
    m_series.append({ line, {}, false });
    const int index = int(m_series.size() - 1);
    for (QLegendMarker* marker : m_chart->legend()->markers(line)) {
        connect(marker, &QLegendMarker::clicked, this, [this, index] {
            if (m_legendToggles)
                setSeriesMuted(index, !m_series[index].muted);
        });
    }
    return index;
}

void TimeSeriesChart::removeSeriesFrom(int first)
{
    while (m_series.size() > first) {
        QLineSeries* line = m_series.takeLast().line;
        m_chart->removeSeries(line);
        delete line;
    }
}

void TimeSeriesChart::setDescription(const QString& description)
{
    m_description = description;
    m_view->setToolTip(defaultToolTip());
}

QString TimeSeriesChart::defaultToolTip() const
{
    const QString hint = tr("Drag to zoom, right-click to zoom out; hover a line for its values.");
    return m_description.isEmpty() ? hint : m_description + QStringLiteral("\n\n") + hint;
}

QString TimeSeriesChart::chartToolTip() const
{
    return m_view->toolTip();
}

QString TimeSeriesChart::title() const
{
    return m_chart->title();
}

QString TimeSeriesChart::seriesName(int series) const
{
    return m_series[series].line->name();
}

QColor TimeSeriesChart::seriesColor(int series) const
{
    return m_series[series].line->pen().color();
}

Qt::PenStyle TimeSeriesChart::seriesStyle(int series) const
{
    return m_series[series].line->pen().style();
}

bool TimeSeriesChart::isSeriesVisible(int series) const
{
    return m_series[series].line->isVisible();
}

void TimeSeriesChart::setSeriesVisible(int series, bool visible)
{
    if (m_series[series].shown == visible)
        return;
    m_series[series].shown = visible;
    applyVisibility(series);
}

void TimeSeriesChart::setSeriesMuted(int series, bool muted)
{
    if (m_series[series].muted == muted)
        return;
    m_series[series].muted = muted;
    applyVisibility(series);
}

void TimeSeriesChart::applyVisibility(int series)
{
    const Series& s = m_series[series];
    QLineSeries* line = s.line;
    line->setVisible(s.shown && !s.muted);
    for (QLegendMarker* marker : m_chart->legend()->markers(line)) {
        marker->setVisible(s.shown);
        QColor text = m_chart->legend()->labelColor();
        if (s.muted)
            text.setAlphaF(0.4f);
        marker->setLabelBrush(text);
    }
    m_series[series].dirty = true;
    refresh();
    if (!m_chart->isZoomed())
        rescale();
}

void TimeSeriesChart::setLegendToggles(bool toggles)
{
    m_legendToggles = toggles;
}

void TimeSeriesChart::setTitle(const QString& title)
{
    m_chart->setTitle(title);
}

void TimeSeriesChart::append(int series, double tS, double value)
{
    Series& s = m_series[series];
    s.points.append(QPointF(tS, value));
    if (s.points.size() > MaxStoredPoints) {
        // Halve the resolution of the history rather than forget it.
        s.points = decimate(s.points, MaxStoredPoints / 2);
    }
    s.dirty = true;
}

void TimeSeriesChart::setData(int series, const QList<QPointF>& points)
{
    m_series[series].points = points.size() > MaxStoredPoints ? decimate(points, MaxStoredPoints) : points;
    m_series[series].dirty = true;
}

void TimeSeriesChart::addMarker(double tS, const QString& label)
{
    auto* marker = new QLineSeries;
    marker->setName(label);
    QPen pen(Qt::darkGray);
    pen.setStyle(Qt::DashLine);
    marker->setPen(pen);
    m_chart->addSeries(marker);
    marker->attachAxis(m_x);
    marker->attachAxis(m_y);
    marker->setProperty("t", tS);
    m_chart->legend()->markers(marker).value(0)->setVisible(false);
    m_markers.append(marker);
    rescale();
}

void TimeSeriesChart::clear()
{
    for (Series& s : m_series) {
        s.points.clear();
        s.line->clear();
    }
    for (QLineSeries* m : std::as_const(m_markers)) {
        m_chart->removeSeries(m);
        delete m;
    }
    m_markers.clear();
    setBand(0, 0, {});
    m_chart->zoomReset();
    rescale();
}

QList<QPointF> TimeSeriesChart::decimate(const QList<QPointF>& points, int maxPoints)
{
    if (points.size() <= maxPoints)
        return points;
    // Keep each bucket's minimum and maximum so spikes survive the decimation.
    QList<QPointF> out;
    const int buckets = maxPoints / 2;
    const double size = double(points.size()) / buckets;
    for (int b = 0; b < buckets; ++b) {
        const auto begin = qsizetype(b * size);
        const auto end = std::min(points.size(), qsizetype((b + 1) * size));
        if (begin >= end)
            continue;
        auto [lo, hi] = std::minmax_element(points.begin() + begin, points.begin() + end,
            [](const QPointF& a, const QPointF& c) { return a.y() < c.y(); });
        if (lo->x() <= hi->x()) {
            out.append(*lo);
            if (hi != lo)
                out.append(*hi);
        } else {
            out.append(*hi);
            out.append(*lo);
        }
    }
    return out;
}

void TimeSeriesChart::refresh()
{
    if (m_paused)
        return;
    bool changed = false;
    for (Series& s : m_series) {
        if (!s.dirty || !s.line->isVisible())
            continue;
        s.line->replace(decimate(s.points, MaxVisiblePoints));
        s.dirty = false;
        changed = true;
    }
    // A range the user zoomed into stays until Reset zoom, however much data arrives.
    if (changed && !m_chart->isZoomed())
        rescale();
}

void TimeSeriesChart::rescale()
{
    double maxX = 10, maxY = 0;
    for (const Series& s : std::as_const(m_series)) {
        if (!s.line->isVisible())
            continue;
        for (const QPointF& p : s.points) {
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
    }
    maxY = maxY <= 0 ? 1 : maxY * 1.1;
    m_x->setRange(0, maxX);
    // Whole, evenly spaced seconds on the time axis (1, 2, 5, 10, … s apart).
    double step = 1;
    for (double candidate : { 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0 }) {
        step = candidate;
        if (maxX / candidate <= 8)
            break;
    }
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_x->setTickInterval(step);
    m_y->setRange(0, maxY);
    m_y->applyNiceNumbers();
    for (QLineSeries* m : std::as_const(m_markers)) {
        const double t = m->property("t").toDouble();
        m->replace({ QPointF(t, 0), QPointF(t, m_y->max()) });
    }
    if (m_band) {
        const double from = m_band->property("from").toDouble();
        const double to = m_band->property("to").toDouble();
        m_band->upperSeries()->replace({ QPointF(from, m_y->max()), QPointF(to, m_y->max()) });
        m_band->lowerSeries()->replace({ QPointF(from, 0), QPointF(to, 0) });
    }
}

void TimeSeriesChart::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        refresh();
}

void TimeSeriesChart::resetZoom()
{
    m_chart->zoomReset();
    rescale();
}

int TimeSeriesChart::visiblePointCount(int series) const
{
    return int(m_series[series].line->count());
}

} // namespace Stressdeck

namespace Stressdeck {

QList<QPointF> TimeSeriesChart::visiblePoints(int series) const
{
    return m_series[series].line->points();
}

} // namespace Stressdeck
