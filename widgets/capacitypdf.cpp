// SPDX-License-Identifier: MIT

#include "capacitypdf.h"

#include "capacitystep.h"
#include "format.h"
#include "pdfpages.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

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
        area.left() + dpi * 0.75, area.top() + dpi * 0.4, area.width() - dpi * 0.95, area.height() - dpi * 0.95);
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

CapacityPdf::CapacityPdf(const CapacityResult& result, const Slo& slo, const QString& summary)
    : m_result(result)
    , m_slo(slo)
    , m_summary(summary)
{
}

QString CapacityPdf::summaryHtml() const
{
    const bool found = m_result.maxSustainableRps.has_value();
    QString h = QStringLiteral("<h1>%1</h1>")
                    .arg(esc(QCoreApplication::translate("CapacityPdf", "Stressdeck capacity search")));
    h += QStringLiteral("<p style=\"background:%1;color:white;font-size:13pt;font-weight:bold;padding:6px\">%2</p>")
             .arg((found ? passColor() : failColor()).name(), esc(m_summary));
    h += QStringLiteral(
        "<table width=\"100%\" cellpadding=\"3\"><tr><th align=\"left\" width=\"22%\">%1</th><td>%2</td></tr>"
        "<tr><th align=\"left\">%3</th><td>%4</td></tr><tr><th align=\"left\">%5</th><td>%6</td></tr></table>")
             .arg(esc(QCoreApplication::translate("CapacityPdf", "Objective (SLO)")),
                 esc(QStringLiteral("%1  (%2)").arg(sloInWords(m_slo), m_slo.toString())),
                 esc(QCoreApplication::translate("CapacityPdf", "Searched")), esc(m_subject),
                 esc(QCoreApplication::translate("CapacityPdf", "Started")),
                 esc(m_startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(QCoreApplication::translate("CapacityPdf",
                 "Each step runs the open model at a constant rate and is judged after its first fifth. A "
                 "step fails when it breaks the SLO, when it completes more than 5 % fewer requests per "
                 "second than scheduled, or when the requests in flight keep growing through it. After the "
                 "first failure the search bisects between the last passing and the first failing rate.")));
    return h;
}

QString CapacityPdf::tableHtml() const
{
    QString h = QStringLiteral("<h2>%1</h2><table width=\"100%\" cellpadding=\"3\" cellspacing=\"0\" border=\"0.5\">"
                               "<tr><th align=\"right\">%2</th><th align=\"right\">%3</th><th align=\"right\">%4</th>"
                               "<th align=\"right\">%5</th><th align=\"right\">%6</th><th align=\"right\">%7</th>"
                               "<th align=\"right\">%8</th><th align=\"left\">%9</th></tr>")
                    .arg(esc(QCoreApplication::translate("CapacityPdf", "Steps")),
                        esc(QCoreApplication::translate("CapacityPdf", "Step")),
                        esc(QCoreApplication::translate("CapacityPdf", "Rate (req/s)")),
                        esc(QCoreApplication::translate("CapacityPdf", "Achieved (req/s)")),
                        esc(QCoreApplication::translate("CapacityPdf", "p50")),
                        esc(QCoreApplication::translate("CapacityPdf", "p95")),
                        esc(QCoreApplication::translate("CapacityPdf", "p99")),
                        esc(QCoreApplication::translate("CapacityPdf", "Errors")),
                        esc(QCoreApplication::translate("CapacityPdf", "Verdict")));
    int k = 0;
    for (const CapacityStep& s : m_result.steps) {
        const CapacityStepResult& m = s.measured;
        h += QStringLiteral("<tr><td align=\"right\">%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                            "<td align=\"right\">%4</td><td align=\"right\">%5</td><td align=\"right\">%6</td>"
                            "<td align=\"right\">%7</td><td style=\"color:%8\"><b>%9</b> %10</td></tr>")
                 .arg(++k)
                 .arg(formatRate(m.rateRps), formatRate(m.achievedRps), esc(formatLatency(m.p50Ms)),
                     esc(formatLatency(m.p95Ms)), esc(formatLatency(m.p99Ms)),
                     esc(QCoreApplication::translate("CapacityPdf", "%1 %").arg(m.errorPct, 0, 'f', 1)),
                     (s.passed ? passColor() : failColor()).name(),
                     esc(s.passed ? QCoreApplication::translate("CapacityPdf", "passed")
                                  : QCoreApplication::translate("CapacityPdf", "failed")),
                     esc(s.reason));
    }
    return h + QStringLiteral("</table>");
}

void CapacityPdf::drawLoadCurve(QPainter& p, const QRectF& area, double dpi) const
{
    const auto& steps = m_result.steps;
    double maxRate = 1;
    for (const CapacityStep& s : steps)
        maxRate = std::max(maxRate, s.measured.rateRps);
    const double total = std::max(1.0, double(steps.size()) * m_stepS);
    const Axes a = drawFrame(p, area, dpi,
        QCoreApplication::translate("CapacityPdf", "Load curve: the scheduled rate of every step"),
        QCoreApplication::translate("CapacityPdf", "time (s)"),
        QCoreApplication::translate("CapacityPdf", "rate (req/s)"), total, maxRate * 1.1);
    QPainterPath outline;
    outline.moveTo(a.x(0), a.y(0));
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const double t0 = double(i) * m_stepS;
        const double t1 = t0 + m_stepS;
        const double rate = steps[i].measured.rateRps;
        QColor fill = steps[i].passed ? passColor() : failColor();
        fill.setAlphaF(0.55);
        p.fillRect(QRectF(QPointF(a.x(t0), a.y(rate)), QPointF(a.x(t1), a.y(0))), fill);
        // The judged part of the step: after its first fifth.
        p.fillRect(
            QRectF(QPointF(a.x(t0), a.y(rate)), QPointF(a.x(t0 + m_stepS * 0.2), a.y(0))), QColor(255, 255, 255, 110));
        outline.lineTo(a.x(t0), a.y(rate));
        outline.lineTo(a.x(t1), a.y(rate));
    }
    outline.lineTo(a.x(total), a.y(0));
    p.setPen(QPen(Qt::black, dpi / 80));
    p.setBrush(Qt::NoBrush);
    p.drawPath(outline);
    if (m_result.maxSustainableRps) {
        p.setPen(QPen(passColor().darker(130), dpi / 80, Qt::DashLine));
        const double y = a.y(*m_result.maxSustainableRps);
        p.drawLine(QPointF(a.plot.left(), y), QPointF(a.plot.right(), y));
        p.drawText(QRectF(a.plot.left() + dpi * 0.05, y - dpi * 0.22, a.plot.width(), dpi * 0.2),
            Qt::AlignLeft | Qt::AlignVCenter,
            QCoreApplication::translate("CapacityPdf", "sustained: %1 req/s")
                .arg(formatRate(*m_result.maxSustainableRps)));
    }
    drawLegend(p, QPointF(a.plot.left(), area.bottom() - dpi * 0.08), dpi,
        { { passColor(), QCoreApplication::translate("CapacityPdf", "passed") },
            { failColor(), QCoreApplication::translate("CapacityPdf", "failed") },
            { QColor(0xdd, 0xdd, 0xdd), QCoreApplication::translate("CapacityPdf", "warm-up (not judged)") } });
}

void CapacityPdf::drawHockeyStick(QPainter& p, const QRectF& area, double dpi) const
{
    QList<const CapacityStep*> steps;
    for (const CapacityStep& s : m_result.steps)
        steps.append(&s);
    // In the order of the scheduled rate: past the knee the achieved rate stands still while the
    // latency climbs, and only the scheduled rate orders those steps along the stick.
    std::sort(steps.begin(), steps.end(),
        [](const CapacityStep* a, const CapacityStep* b) { return a->measured.rateRps < b->measured.rateRps; });
    double maxX = 1;
    double maxY = 1;
    for (const CapacityStep* s : std::as_const(steps)) {
        maxX = std::max(maxX, s->measured.achievedRps);
        maxY = std::max(maxY, s->measured.p99Ms);
    }
    std::optional<double> limit;
    for (const SloTerm& t : m_slo.terms()) {
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
        auto value = [k](const CapacityStep* s) {
            return k == 0 ? s->measured.p50Ms : k == 1 ? s->measured.p95Ms : s->measured.p99Ms;
        };
        QPainterPath path;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QPointF pt(a.x(steps[i]->measured.achievedRps), a.y(value(steps[i])));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        p.setPen(QPen(series[k].first, dpi / 50));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        for (const CapacityStep* s : std::as_const(steps)) {
            p.setPen(QPen(series[k].first, dpi / 100));
            p.setBrush(s->passed ? passColor() : failColor());
            p.drawEllipse(QPointF(a.x(s->measured.achievedRps), a.y(value(s))), dpi / 28, dpi / 28);
        }
    }
    p.setBrush(Qt::NoBrush);
    QList<LegendEntry> legend;
    for (const auto& [color, label] : series)
        legend.append({ color, label, Swatch::Line });
    legend.append({ passColor(), QCoreApplication::translate("CapacityPdf", "step passed"), Swatch::Dot });
    legend.append({ failColor(), QCoreApplication::translate("CapacityPdf", "step failed"), Swatch::Dot });
    drawLegend(p, QPointF(a.plot.left(), area.bottom() - dpi * 0.08), dpi, legend);
}

bool CapacityPdf::write(const QString& fileName, QString* error) const
{
    PdfPages pdf(QCoreApplication::translate("CapacityPdf", "Stressdeck capacity search"),
        QStringLiteral("Stressdeck %1").arg(QStringLiteral(STRESSDECK_VERSION)));
    pdf.addHtml(summaryHtml() + tableHtml());
    const CapacityPdf copy = *this;
    pdf.addPage([copy](QPainter& painter, const QRectF& content, double dpi) {
        const double half = content.height() / 2;
        copy.drawLoadCurve(painter, QRectF(content.left(), content.top(), content.width(), half - dpi * 0.2), dpi);
        copy.drawHockeyStick(
            painter, QRectF(content.left(), content.top() + half + dpi * 0.1, content.width(), half - dpi * 0.2), dpi);
    });
    const QString when = m_startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return pdf.write(
        fileName,
        [when](int page, int pages) {
            return QCoreApplication::translate("CapacityPdf", "Stressdeck capacity search of %1 — page %2 of %3")
                .arg(when)
                .arg(page)
                .arg(pages);
        },
        error);
}

} // namespace Stressdeck
