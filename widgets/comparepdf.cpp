// SPDX-License-Identifier: MIT

#include "comparepdf.h"

#include "comparetext.h"
#include "pdfpages.h"

#include <QColor>
#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

constexpr double ForestRowMm = 6;

} // namespace

ComparePdf::ComparePdf(const CompareReport& report)
    : m_report(report)
{
}

QColor ComparePdf::verdictColor(MetricComparison::Verdict verdict)
{
    switch (verdict) {
    case MetricComparison::Regression:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case MetricComparison::Improvement:
        return QColor(0x00, 0x72, 0xB2); // blue
    case MetricComparison::NoChange:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case MetricComparison::Inconclusive:
        break;
    }
    return QColor(0x88, 0x88, 0x88);
}

QString ComparePdf::summaryHtml() const
{
    const CompareReport& r = m_report;
    QString h
        = QStringLiteral("<h1>%1</h1>").arg(esc(QCoreApplication::translate("ComparePdf", "Stressdeck comparison")));
    h += QStringLiteral("<p style=\"background:%1;color:white;font-size:13pt;font-weight:bold;padding:6px\">%2</p>")
             .arg(verdictColor(r.verdict).name(), esc(CompareText::verdictLine(r)));
    h += QStringLiteral(
        "<table width=\"100%\" cellpadding=\"3\"><tr><th align=\"left\" width=\"18%\">%1</th><td>%2</td></tr>"
        "<tr><th align=\"left\">%3</th><td>%4</td></tr></table>")
             .arg(esc(QCoreApplication::translate("ComparePdf", "Baseline")),
                 esc(QStringLiteral("%1 — %2, %3 against %4")
                         .arg(r.baselineFiles.join(QStringLiteral(", ")),
                             r.baselineStartedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                             r.baselineConfig.value(QStringLiteral("scenario")).toString(),
                             r.baselineConfig.value(QStringLiteral("target")).toString())),
                 esc(QCoreApplication::translate("ComparePdf", "Candidate")),
                 esc(QStringLiteral("%1 — %2, %3 against %4")
                         .arg(r.candidateFiles.join(QStringLiteral(", ")),
                             r.candidateStartedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                             r.candidateConfig.value(QStringLiteral("scenario")).toString(),
                             r.candidateConfig.value(QStringLiteral("target")).toString())));
    if (!r.warnings.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><ul>").arg(esc(QCoreApplication::translate("ComparePdf", "Warnings")));
        for (const QString& w : r.warnings)
            h += QStringLiteral("<li>%1</li>").arg(esc(w));
        h += QStringLiteral("</ul>");
    }
    h += QStringLiteral("<h2>%1</h2><p>%2</p>")
             .arg(esc(QCoreApplication::translate("ComparePdf", "How to read this")), esc(CompareText::method(r)));
    return h;
}

QString ComparePdf::tablesHtml() const
{
    QString h;
    QString type;
    for (const MetricComparison& c : m_report.comparisons) {
        if (c.requestType != type) {
            if (!type.isEmpty())
                h += QStringLiteral("</table>");
            type = c.requestType;
            h += QStringLiteral("<h2>%1</h2><table width=\"100%\" cellpadding=\"3\" cellspacing=\"0\" border=\"0.5\">"
                                "<tr><th align=\"left\">%2</th><th align=\"right\">%3</th><th align=\"right\">%4</th>"
                                "<th align=\"right\">%5</th><th align=\"right\">%6</th><th align=\"left\">%7</th></tr>")
                     .arg(esc(type), esc(QCoreApplication::translate("ComparePdf", "Metric")),
                         esc(QCoreApplication::translate("ComparePdf", "Baseline")),
                         esc(QCoreApplication::translate("ComparePdf", "Candidate")),
                         esc(QCoreApplication::translate("ComparePdf", "Change")),
                         esc(QCoreApplication::translate("ComparePdf", "Interval")),
                         esc(QCoreApplication::translate("ComparePdf", "Verdict")));
        }
        h += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                            "<td align=\"right\">%4</td><td align=\"right\">%5</td>"
                            "<td style=\"color:%6;font-weight:bold\">%7</td></tr>")
                 .arg(esc(Comparison::metricName(c.metric)), esc(CompareText::value(c, c.baseline)),
                     esc(CompareText::value(c, c.candidate)), esc(CompareText::change(c, c.changePct)),
                     esc(CompareText::interval(c)), verdictColor(c.verdict).name(), esc(CompareText::verdict(c)));
    }
    if (!type.isEmpty())
        h += QStringLiteral("</table>");
    return h;
}

void ComparePdf::drawForest(QPainter& p, const QRectF& area, double dpi, qsizetype first, qsizetype count) const
{
    const QList<MetricComparison>& all = m_report.comparisons;
    // Changes are ratios, so the axis is logarithmic: ×2 and ×½ lie equally far from 0 %.
    auto logRatio = [](double pct) { return std::log1p(std::max(pct, -99.0) / 100.0); };
    const double m = logRatio(m_report.marginPct);
    double extent = 3 * m;
    for (qsizetype i = first; i < first + count; ++i) {
        const MetricComparison& c = all[i];
        if (CompareText::hasInterval(c))
            extent = std::max({ extent, std::abs(logRatio(c.ciLowPct)), std::abs(logRatio(c.ciHighPct)) });
    }
    extent = std::min(extent * 1.1, std::log(20.0));

    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8.5);
    p.setFont(font);
    const double rowH = (area.height() - dpi * 0.6) / double(std::max<qsizetype>(1, count));
    const double labelW = area.width() * 0.26;
    const double verdictW = area.width() * 0.16;
    const QRectF plot(
        area.left() + labelW, area.top() + dpi * 0.35, area.width() - labelW - verdictW, rowH * double(count));
    auto xOf = [&](double r) { return plot.center().x() + std::clamp(r, -extent, extent) / extent * plot.width() / 2; };

    p.setPen(Qt::black);
    p.drawText(QRectF(area.left(), area.top(), area.width(), dpi * 0.3), Qt::AlignLeft | Qt::AlignVCenter,
        QCoreApplication::translate("ComparePdf",
            "Change of the candidate against the baseline with its %1 % interval (logarithmic); the grey band is "
            "the margin of ±%2 %")
            .arg(m_report.confidencePct, 0, 'f', 0)
            .arg(m_report.marginPct, 0, 'f', 0));
    p.fillRect(QRectF(QPointF(xOf(-m), plot.top()), QPointF(xOf(m), plot.bottom())), QColor(0xe0, 0xe0, 0xe0));
    p.setPen(QPen(Qt::darkGray, dpi / 150));
    p.drawLine(QPointF(xOf(0), plot.top()), QPointF(xOf(0), plot.bottom()));
    // Ticks at the largest round factor inside the axis and at the round factor below it.
    const QList<double> factors { 1.05, 1.1, 1.25, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0 };
    qsizetype outer = 1;
    for (qsizetype i = 1; i < factors.size(); ++i) {
        if (std::log(factors[i]) <= extent)
            outer = i;
    }
    const double factor = factors[outer];
    const double inner = factors[outer - 1];
    for (double f : { 1.0 / factor, 1.0 / inner, 1.0, inner, factor }) {
        const double pct = 100 * (f - 1);
        p.drawText(QRectF(xOf(std::log(f)) - dpi * 0.4, plot.bottom() + dpi * 0.03, dpi * 0.8, dpi * 0.2),
            Qt::AlignCenter,
            QStringLiteral("%1%2 %").arg(pct > 0 ? QStringLiteral("+") : QString()).arg(pct, 0, 'f', 0));
    }
    for (qsizetype i = 0; i < count; ++i) {
        const MetricComparison& c = all[first + i];
        const double y = plot.top() + (double(i) + 0.5) * rowH;
        p.setPen(Qt::black);
        p.drawText(QRectF(area.left(), y - rowH / 2, labelW - dpi * 0.05, rowH), Qt::AlignRight | Qt::AlignVCenter,
            QStringLiteral("%1  %2").arg(c.requestType, Comparison::metricName(c.metric)));
        const QColor color = ComparePdf::verdictColor(c.verdict);
        if (CompareText::hasInterval(c)) {
            p.setPen(QPen(color, dpi / 60, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(xOf(logRatio(c.ciLowPct)), y), QPointF(xOf(logRatio(c.ciHighPct)), y));
            p.setBrush(color);
            p.drawEllipse(QPointF(xOf(logRatio(c.changePct)), y), dpi / 40, dpi / 40);
            p.setBrush(Qt::NoBrush);
        }
        p.setPen(color);
        p.drawText(QRectF(plot.right() + dpi * 0.1, y - rowH / 2, verdictW - dpi * 0.1, rowH),
            Qt::AlignLeft | Qt::AlignVCenter, CompareText::overallVerdict(c.verdict).toLower());
    }
}

bool ComparePdf::write(const QString& fileName, QString* error) const
{
    PdfPages pdf(QCoreApplication::translate("ComparePdf", "Stressdeck comparison"),
        QStringLiteral("Stressdeck %1").arg(m_report.toolVersion));
    pdf.addHtml(summaryHtml());
    // The error rate changes in percentage points, not by a factor: it stays in the tables.
    CompareReport ratios = m_report;
    ratios.comparisons.removeIf([](const MetricComparison& c) { return c.metric == ComparisonOptions::ErrorRate; });
    // As many rows under the summary as fit there, the rest on the next page.
    pdf.addRows(ratios.comparisons.size(), 0.6 * 25.4, ForestRowMm,
        [ratios](QPainter& painter, const QRectF& area, double dpi, qsizetype first, qsizetype count) {
            ComparePdf(ratios).drawForest(painter, area, dpi, first, count);
        });
    pdf.addHtml(tablesHtml());
    const QString when = m_report.candidateStartedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return pdf.write(
        fileName,
        [when](int page, int pages) {
            return QCoreApplication::translate("ComparePdf", "Stressdeck comparison — candidate of %1 — page %2 of %3")
                .arg(when)
                .arg(page)
                .arg(pages);
        },
        error);
}

} // namespace Stressdeck
