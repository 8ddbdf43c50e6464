// SPDX-License-Identifier: MIT

#include "capacitypdf.h"

#include "capacitystep.h"
#include "format.h"
#include "pdfpages.h"

#include <QCoreApplication>
#include <QPainter>

namespace Stressdeck {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

CapacityPdf::CapacityPdf(const CapacityChartData& data, const QString& summary, bool found)
    : m_data(data)
    , m_summary(summary)
    , m_found(found)
{
}

QString CapacityPdf::summaryHtml() const
{
    QString h = QStringLiteral("<h1>%1</h1>")
                    .arg(esc(QCoreApplication::translate("CapacityPdf", "Stressdeck capacity search")));
    h += QStringLiteral("<p style=\"background:%1;color:white;font-size:13pt;font-weight:bold;padding:6px\">%2</p>")
             .arg((m_found ? capacityPassColor() : capacityFailColor()).name(), esc(m_summary));
    h += QStringLiteral(
        "<table width=\"100%\" cellpadding=\"3\"><tr><th align=\"left\" width=\"22%\">%1</th><td>%2</td></tr>"
        "<tr><th align=\"left\">%3</th><td>%4</td></tr><tr><th align=\"left\">%5</th><td>%6</td></tr></table>")
             .arg(esc(QCoreApplication::translate("CapacityPdf", "Objective (SLO)")),
                 m_data.slo.isEmpty()
                     ? esc(QCoreApplication::translate("CapacityPdf", "none: the knee of throughput alone"))
                     : esc(QStringLiteral("%1  (%2)").arg(sloInWords(m_data.slo), m_data.slo.toString())),
                 esc(QCoreApplication::translate("CapacityPdf", "Searched")), esc(m_subject),
                 esc(QCoreApplication::translate("CapacityPdf", "Started")),
                 esc(m_startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(m_data.users
                     ? QCoreApplication::translate("CapacityPdf",
                         "Each step runs the closed model with a fixed number of users and is judged after its "
                         "warm-up. By Little's law throughput grows in proportion to the users until the service "
                         "saturates; the search ends at the first step whose throughput grew by less than half of "
                         "that, or that broke the SLO, and the knee is the step before it.")
                     : QCoreApplication::translate("CapacityPdf",
                         "Each step runs the open model at a constant rate and is judged after its warm-up. A "
                         "step fails when it breaks the SLO, when it completes more than 5 % fewer requests per "
                         "second than scheduled, or when the requests in flight keep growing through it. After "
                         "the first failure the search bisects between the last passing and the first failing "
                         "rate.")));
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
                        esc(m_data.users ? QCoreApplication::translate("CapacityPdf", "Users")
                                         : QCoreApplication::translate("CapacityPdf", "Rate (req/s)")),
                        esc(QCoreApplication::translate("CapacityPdf", "Achieved (req/s)")),
                        esc(QCoreApplication::translate("CapacityPdf", "p50")),
                        esc(QCoreApplication::translate("CapacityPdf", "p95")),
                        esc(QCoreApplication::translate("CapacityPdf", "p99")),
                        esc(QCoreApplication::translate("CapacityPdf", "Errors")),
                        esc(QCoreApplication::translate("CapacityPdf", "Verdict")));
    int k = 0;
    for (const CapacityChartStep& s : m_data.steps) {
        h += QStringLiteral("<tr><td align=\"right\">%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                            "<td align=\"right\">%4</td><td align=\"right\">%5</td><td align=\"right\">%6</td>"
                            "<td align=\"right\">%7</td><td style=\"color:%8\"><b>%9</b> %10</td></tr>")
                 .arg(++k)
                 .arg(m_data.users ? QString::number(s.load, 'f', 0) : formatRate(s.load), formatRate(s.achievedRps),
                     esc(formatLatency(s.p50Ms)), esc(formatLatency(s.p95Ms)), esc(formatLatency(s.p99Ms)),
                     esc(QCoreApplication::translate("CapacityPdf", "%1 %").arg(s.errorPct, 0, 'f', 1)),
                     (s.passed ? capacityPassColor() : capacityFailColor()).name(),
                     esc(s.passed ? QCoreApplication::translate("CapacityPdf", "passed")
                                  : QCoreApplication::translate("CapacityPdf", "failed")),
                     esc(s.reason));
    }
    return h + QStringLiteral("</table>");
}

bool CapacityPdf::write(const QString& fileName, QString* error) const
{
    PdfPages pdf(QCoreApplication::translate("CapacityPdf", "Stressdeck capacity search"),
        QStringLiteral("Stressdeck %1").arg(QStringLiteral(STRESSDECK_VERSION)));
    pdf.addHtml(summaryHtml() + tableHtml());
    const CapacityPdf copy = *this;
    // Two charts of half a page each: after a short table both fit under it.
    const double chartMm = PdfPages::pageContentHeightMm() / 2 - 4;
    pdf.addDrawing(chartMm, [copy](QPainter& painter, const QRectF& area, double dpi) {
        drawCapacityLoadCurve(painter, area.adjusted(0, dpi * 0.1, 0, -dpi * 0.1), dpi, copy.m_data);
    });
    pdf.addDrawing(chartMm, [copy](QPainter& painter, const QRectF& area, double dpi) {
        drawCapacityHockeyStick(painter, area.adjusted(0, dpi * 0.1, 0, -dpi * 0.1), dpi, copy.m_data);
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
