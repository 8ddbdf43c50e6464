// SPDX-License-Identifier: MIT

#include "timeserieschart.h"

#include <QChart>
#include <QChartView>
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
    rescale(); // even ticks on the empty chart too
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
    return int(m_series.size() - 1);
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
    QLineSeries* line = m_series[series].line;
    if (line->isVisible() == visible)
        return;
    line->setVisible(visible);
    for (QLegendMarker* marker : m_chart->legend()->markers(line))
        marker->setVisible(visible);
    m_series[series].dirty = true;
    refresh();
    if (!m_chart->isZoomed())
        rescale();
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
