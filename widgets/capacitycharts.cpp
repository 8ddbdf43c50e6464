// SPDX-License-Identifier: MIT

#include "capacitycharts.h"

#include "capacitystep.h"
#include "format.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

//! A round step for about `ticks` divisions of [0, max].
double niceStep(double max, int ticks)
{
    if (!(max > 0))
        return 1;
    const double raw = max / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (f * magnitude >= raw)
            return f * magnitude;
    }
    return 10 * magnitude;
}

QString tickLabel(double value)
{
    return QString::number(value, 'g', 6);
}

struct Axes {
    QRectF plot;
    double xMax = 1;
    double yMax = 1;

    double x(double v) const { return plot.left() + v / xMax * plot.width(); }
    double y(double v) const { return plot.bottom() - std::min(v, yMax) / yMax * plot.height(); }
};

//! Title, axes with round ticks and a grid; returns the mapping of the plot area.
Axes drawFrame(QPainter& p, const QRectF& area, double dpi, const QString& title, const QString& xLabel,
    const QString& yLabel, double xMax, double yMax)
{
    Axes a;
    const double xStep = niceStep(xMax, 8);
    const double yStep = niceStep(yMax, 6);
    a.xMax = std::ceil(xMax / xStep - 1e-9) * xStep;
    a.yMax = std::ceil(yMax / yStep - 1e-9) * yStep;
    a.plot = QRectF(
        area.left() + dpi * 0.75, area.top() + dpi * 0.4, area.width() - dpi * 0.95, area.height() - dpi * 1.1);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRectF(area.left(), area.top(), area.width(), dpi * 0.3), Qt::AlignLeft | Qt::AlignVCenter, title);
    font.setBold(false);
    font.setPointSizeF(8);
    p.setFont(font);
    const QPen grid(QColor(0xdd, 0xdd, 0xdd), dpi / 150);
    const QPen text(Qt::black);
    for (double v = 0; v <= a.xMax + 1e-9; v += xStep) {
        p.setPen(grid);
        p.drawLine(QPointF(a.x(v), a.plot.top()), QPointF(a.x(v), a.plot.bottom()));
        p.setPen(text);
        p.drawText(QRectF(a.x(v) - dpi * 0.4, a.plot.bottom() + dpi * 0.04, dpi * 0.8, dpi * 0.2), Qt::AlignCenter,
            tickLabel(v));
    }
    for (double v = 0; v <= a.yMax + 1e-9; v += yStep) {
        p.setPen(grid);
        p.drawLine(QPointF(a.plot.left(), a.y(v)), QPointF(a.plot.right(), a.y(v)));
        p.setPen(text);
        p.drawText(QRectF(area.left(), a.y(v) - dpi * 0.1, dpi * 0.68, dpi * 0.2), Qt::AlignRight | Qt::AlignVCenter,
            tickLabel(v));
    }
    p.setPen(QPen(Qt::black, dpi / 100));
    p.drawLine(a.plot.bottomLeft(), a.plot.bottomRight());
    p.drawLine(a.plot.bottomLeft(), a.plot.topLeft());
    p.setPen(text);
    p.drawText(
        QRectF(a.plot.left(), a.plot.bottom() + dpi * 0.27, a.plot.width(), dpi * 0.22), Qt::AlignCenter, xLabel);
    p.save();
    p.translate(area.left() + dpi * 0.02, a.plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-a.plot.height() / 2, 0, a.plot.height(), dpi * 0.2), Qt::AlignCenter, yLabel);
    p.restore();
    return a;
}

enum class Swatch { Box, Line, Dot };

struct LegendEntry {
    QColor color;
    QString label;
    Swatch swatch = Swatch::Box;
};

void drawLegend(QPainter& p, const QPointF& at, double dpi, const QList<LegendEntry>& entries)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8);
    p.setFont(font);
    const QFontMetricsF metrics(font, p.device());
    double x = at.x();
    for (const LegendEntry& e : entries) {
        switch (e.swatch) {
        case Swatch::Box:
            p.fillRect(QRectF(x, at.y() - dpi * 0.05, dpi * 0.2, dpi * 0.1), e.color);
            break;
        case Swatch::Line:
            p.setPen(QPen(e.color, dpi / 50));
            p.drawLine(QPointF(x, at.y()), QPointF(x + dpi * 0.2, at.y()));
            break;
        case Swatch::Dot:
            p.setPen(QPen(Qt::darkGray, dpi / 100));
            p.setBrush(e.color);
            p.drawEllipse(QPointF(x + dpi * 0.1, at.y()), dpi / 28, dpi / 28);
            p.setBrush(Qt::NoBrush);
            break;
        }
        p.setPen(Qt::black);
        const double w = metrics.horizontalAdvance(e.label) + dpi * 0.05;
        p.drawText(QRectF(x + dpi * 0.25, at.y() - dpi * 0.1, w, dpi * 0.2), Qt::AlignLeft | Qt::AlignVCenter, e.label);
        x += dpi * 0.5 + w;
    }
}

} // namespace

CapacityChartData CapacityChartData::of(
    const CapacityResult& result, const Slo& slo, double stepS, double warmupFraction)
{
    CapacityChartData data;
    data.slo = slo;
    data.stepS = stepS;
    data.warmupFraction = warmupFraction;
    data.answer = result.maxSustainableRps;
    for (const CapacityStep& s : result.steps) {
        const CapacityStepResult& m = s.measured;
        data.steps.append({ m.rateRps, m.achievedRps, m.p50Ms, m.p95Ms, m.p99Ms, m.errorPct, s.passed, s.reason });
    }
    return data;
}

CapacityChartData CapacityChartData::of(
    const ConcurrencyResult& result, const Slo& slo, double stepS, double warmupFraction)
{
    CapacityChartData data;
    data.users = true;
    data.slo = slo;
    data.stepS = stepS;
    data.warmupFraction = warmupFraction;
    if (result.kneeUsers)
        data.answer = double(*result.kneeUsers);
    for (const ConcurrencyStep& s : result.steps) {
        const bool flat = result.flatUsers && s.users == *result.flatUsers;
        const bool passed = s.sloPassed && !flat && s.throughputRps > 0;
        QString reason;
        if (!s.sloPassed)
            reason = s.sloDetail;
        else if (flat)
            reason = QCoreApplication::translate("Capacity", "throughput grew by %1 % of the users' growth")
                         .arg(std::max(0.0, s.efficiency * 100), 0, 'f', 0);
        else if (!(s.throughputRps > 0))
            reason = QCoreApplication::translate("Capacity", "no request succeeded");
        data.steps.append({ double(s.users), s.throughputRps, s.p50Ms, s.p95Ms, s.p99Ms, s.errorPct, passed, reason });
    }
    return data;
}

CapacityChartData CapacityChartData::of(const CapacityRun& run)
{
    const CapacityRun::Options& o = run.options();
    return o.mode == CapacityRun::Mode::Rate ? of(run.rateResult(), o.slo, o.stepS, o.warmupFraction)
                                             : of(run.usersResult(), o.slo, o.stepS, o.warmupFraction);
}

QString CapacityChartData::loadUnit() const
{
    return users ? QCoreApplication::translate("Capacity", "users") : QCoreApplication::translate("Capacity", "req/s");
}

QColor capacityPassColor()
{
    return QColor(0x00, 0x9E, 0x73);
}

QColor capacityFailColor()
{
    return QColor(0xD5, 0x5E, 0x00);
}

namespace {

QString loadText(const CapacityChartData& data, double load)
{
    return data.users ? QString::number(load, 'f', 0) : formatRate(load);
}

} // namespace

void drawCapacityLoadCurve(QPainter& p, const QRectF& area, double dpi, const CapacityChartData& data)
{
    const auto& steps = data.steps;
    double maxLoad = data.runningLoad.value_or(1);
    for (const CapacityChartStep& s : steps)
        maxLoad = std::max(maxLoad, s.load);
    const qsizetype shown = steps.size() + (data.runningLoad ? 1 : 0);
    const double total = std::max(1.0, double(shown) * data.stepS);
    const Axes a = drawFrame(p, area, dpi,
        data.users ? QCoreApplication::translate("CapacityPdf", "Load curve: the users of every step")
                   : QCoreApplication::translate("CapacityPdf", "Load curve: the scheduled rate of every step"),
        QCoreApplication::translate("CapacityPdf", "time (s)"),
        data.users ? QCoreApplication::translate("CapacityPdf", "users")
                   : QCoreApplication::translate("CapacityPdf", "rate (req/s)"),
        total, maxLoad * 1.1);
    const double warmupS = data.stepS * data.warmupFraction;
    QPainterPath outline;
    outline.moveTo(a.x(0), a.y(0));
    for (qsizetype i = 0; i < shown; ++i) {
        const bool running = i == steps.size();
        const double t0 = double(i) * data.stepS;
        const double t1 = t0 + (running ? data.stepS * std::clamp(data.runningFraction, 0.0, 1.0) : data.stepS);
        const double load = running ? *data.runningLoad : steps[i].load;
        QColor fill = running ? QColor(0x99, 0x99, 0x99) : steps[i].passed ? capacityPassColor() : capacityFailColor();
        fill.setAlphaF(0.55);
        p.fillRect(QRectF(QPointF(a.x(t0), a.y(load)), QPointF(a.x(t1), a.y(0))), fill);
        // The judged part of the step: after its warm-up.
        p.fillRect(QRectF(QPointF(a.x(t0), a.y(load)), QPointF(a.x(std::min(t1, t0 + warmupS)), a.y(0))),
            QColor(255, 255, 255, 110));
        outline.lineTo(a.x(t0), a.y(load));
        outline.lineTo(a.x(t0 + data.stepS), a.y(load));
        if (running) {
            p.setPen(QPen(Qt::black, dpi / 100, Qt::DotLine));
            p.drawLine(QPointF(a.x(t1), a.y(load)), QPointF(a.x(t1), a.y(0)));
        }
    }
    outline.lineTo(a.x(total), a.y(0));
    p.setPen(QPen(Qt::black, dpi / 80));
    p.setBrush(Qt::NoBrush);
    p.drawPath(outline);
    if (data.answer) {
        p.setPen(QPen(capacityPassColor().darker(130), dpi / 80, Qt::DashLine));
        const double y = a.y(*data.answer);
        p.drawLine(QPointF(a.plot.left(), y), QPointF(a.plot.right(), y));
        p.drawText(QRectF(a.plot.left() + dpi * 0.05, y - dpi * 0.22, a.plot.width(), dpi * 0.2),
            Qt::AlignLeft | Qt::AlignVCenter,
            data.users
                ? QCoreApplication::translate("CapacityPdf", "knee: %1 users").arg(loadText(data, *data.answer))
                : QCoreApplication::translate("CapacityPdf", "sustained: %1 req/s").arg(formatRate(*data.answer)));
    }
    QList<LegendEntry> legend { { capacityPassColor(), QCoreApplication::translate("CapacityPdf", "passed") },
        { capacityFailColor(), QCoreApplication::translate("CapacityPdf", "failed") },
        { QColor(0xdd, 0xdd, 0xdd), QCoreApplication::translate("CapacityPdf", "warm-up (not judged)") } };
    if (data.runningLoad)
        legend.append({ QColor(0x99, 0x99, 0x99), QCoreApplication::translate("CapacityPdf", "running") });
    drawLegend(p, QPointF(a.plot.left(), area.bottom() - dpi * 0.08), dpi, legend);
}

void drawCapacityHockeyStick(QPainter& p, const QRectF& area, double dpi, const CapacityChartData& data)
{
    QList<const CapacityChartStep*> steps;
    for (const CapacityChartStep& s : data.steps)
        steps.append(&s);
    // In the order of the load: past the knee the achieved rate stands still while the latency
    // climbs, and only the load orders those steps along the stick.
    std::sort(steps.begin(), steps.end(),
        [](const CapacityChartStep* a, const CapacityChartStep* b) { return a->load < b->load; });
    double maxX = 1;
    double maxY = 1;
    for (const CapacityChartStep* s : std::as_const(steps)) {
        maxX = std::max(maxX, s->achievedRps);
        maxY = std::max(maxY, s->p99Ms);
    }
    std::optional<double> limit;
    for (const SloTerm& t : data.slo.terms()) {
        if (t.requestType.isEmpty() && t.metric != SloMetric::Errors && t.metric != SloMetric::TtftP95
            && t.metric != SloMetric::TpotP95)
            limit = std::max(limit.value_or(0), t.limit);
    }
    if (limit)
        maxY = std::max(maxY, *limit);
    const Axes a
        = drawFrame(p, area, dpi, QCoreApplication::translate("CapacityPdf", "Latency against achieved throughput"),
            QCoreApplication::translate("CapacityPdf", "achieved throughput (req/s)"),
            QCoreApplication::translate("CapacityPdf", "latency (ms)"), maxX * 1.05, maxY * 1.1);
    if (limit) {
        p.setPen(QPen(Qt::darkGray, dpi / 80, Qt::DashLine));
        p.drawLine(QPointF(a.plot.left(), a.y(*limit)), QPointF(a.plot.right(), a.y(*limit)));
        p.drawText(QRectF(a.plot.left() + dpi * 0.05, a.y(*limit) - dpi * 0.22, a.plot.width(), dpi * 0.2),
            Qt::AlignLeft | Qt::AlignVCenter,
            QCoreApplication::translate("CapacityPdf", "SLO limit %1").arg(formatLatency(*limit)));
    }
    // Okabe–Ito blue, orange and reddish purple for the percentiles; the markers say pass or fail.
    const QList<std::pair<QColor, QString>> series { { QColor(0x00, 0x72, 0xB2), QStringLiteral("p50") },
        { QColor(0xE6, 0x9F, 0x00), QStringLiteral("p95") }, { QColor(0xCC, 0x79, 0xA7), QStringLiteral("p99") } };
    p.setRenderHint(QPainter::Antialiasing);
    for (int k = 0; k < 3; ++k) {
        auto value = [k](const CapacityChartStep* s) { return k == 0 ? s->p50Ms : k == 1 ? s->p95Ms : s->p99Ms; };
        QPainterPath path;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QPointF pt(a.x(steps[i]->achievedRps), a.y(value(steps[i])));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        p.setPen(QPen(series[k].first, dpi / 50));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        for (const CapacityChartStep* s : std::as_const(steps)) {
            p.setPen(QPen(series[k].first, dpi / 100));
            p.setBrush(s->passed ? capacityPassColor() : capacityFailColor());
            p.drawEllipse(QPointF(a.x(s->achievedRps), a.y(value(s))), dpi / 28, dpi / 28);
        }
    }
    p.setBrush(Qt::NoBrush);
    QList<LegendEntry> legend;
    for (const auto& [color, label] : series)
        legend.append({ color, label, Swatch::Line });
    legend.append({ capacityPassColor(), QCoreApplication::translate("CapacityPdf", "step passed"), Swatch::Dot });
    legend.append({ capacityFailColor(), QCoreApplication::translate("CapacityPdf", "step failed"), Swatch::Dot });
    drawLegend(p, QPointF(a.plot.left(), area.bottom() - dpi * 0.08), dpi, legend);
}

} // namespace Stressdeck
