// SPDX-License-Identifier: MIT

#include "pdfreport.h"

#include "dashboard.h"
#include "format.h"
#include "palette.h"
#include "spectrumchart.h"
#include "streamingmodel.h"
#include "timeserieschart.h"

#include "pdfpages.h"

#include <QChart>
#include <QCoreApplication>
#include <QEvent>
#include <QGraphicsScene>
#include <QJsonObject>
#include <QPainter>
#include <QPalette>

#include <functional>

#include <algorithm>
#include <memory>

namespace Stressdeck {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString row(const QStringList& cells, bool header = false, bool figures = true)
{
    QString out = QStringLiteral("<tr>");
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
        // Figures line up on the right, words on the left.
        const QChar first = cells[i].isEmpty() ? QChar() : cells[i].front();
        const bool figure = figures && !header && i > 0 && (first.isDigit() || first == QChar(0x2013));
        const QString align = figure ? QStringLiteral("right") : QStringLiteral("left");
        out += QStringLiteral("<%1 align=\"%2\">%3</%1>").arg(tag, align, cells[i]);
    }
    return out + QStringLiteral("</tr>");
}

constexpr auto TableStart = "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                            "style=\"border-collapse:collapse;border-color:#999\">";

//! One chart of the PDF: what to show before drawing (the dashboard's charts are shared) and the chart.
struct PdfChart {
    std::function<void()> prepare;
    QChart* chart = nullptr;
};

//! Three rows to a page fill it exactly.
const double ChartRowMm = PdfPages::pageContentHeightMm() / 3 - 0.1;
constexpr double ChartGapMm = 4;

//! Draws a chart into `target`, its scene sized so that text and plot keep the proportions of a
//! chart about 460 pixels wide on screen: readable at half the page's width.
void renderChart(QPainter& painter, QChart* chart, const QRectF& target)
{
    const QSizeF sceneSize(460, 460 * target.height() / target.width());
    chart->resize(sceneSize);
    QGraphicsScene* scene = chart->scene();
    scene->render(&painter, target, chart->sceneBoundingRect(), Qt::KeepAspectRatio);
}

//! The charts two to a row, each row kept whole; rows flow after what comes before.
void addChartRows(PdfPages* pdf, const std::shared_ptr<Dashboard>& dashboard, const QList<PdfChart>& charts)
{
    for (qsizetype first = 0; first < charts.size(); first += 2) {
        const QList<PdfChart> row = charts.mid(first, 2);
        pdf->addDrawing(ChartRowMm, [dashboard, row](QPainter& painter, const QRectF& area, double dpi) {
            const double gap = ChartGapMm / 25.4 * dpi;
            const double w = (area.width() - gap) / 2;
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (row[i].prepare)
                    row[i].prepare();
                // The title and the legend follow a change of the lines only once laid out again.
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                const QRectF target(area.left() + double(i) * (w + gap), area.top() + gap / 2, w, area.height() - gap);
                renderChart(painter, row[i].chart, target);
            }
        });
    }
}

PdfChart timeChart(TimeSeriesChart* chart, std::function<void()> prepare = {})
{
    return { [chart, prepare] {
                if (prepare)
                    prepare();
                chart->refresh();
            },
        chart->chart() };
}

//! The PDF is printed on white whatever the desktop's scheme.
QPalette paperPalette()
{
    QPalette p;
    for (auto role : { QPalette::Base, QPalette::Window, QPalette::Button })
        p.setColor(role, Qt::white);
    for (auto role : { QPalette::Text, QPalette::WindowText, QPalette::ButtonText })
        p.setColor(role, Qt::black);
    return p;
}

QString ratioText(double ratio)
{
    return ratio < 10 ? QString::number(ratio, 'f', 1) : QString::number(ratio, 'f', 0);
}

} // namespace

PdfReport::PdfReport(const Report& report)
    : m_report(report)
{
}

QStringList PdfReport::mainFindings(const Report& r)
{
    QStringList out;
    // The slowest type against the others: the first question of a review.
    QList<const StatsSummary*> measured;
    for (const StatsSummary& s : r.requestTypes) {
        if (s.success > 0)
            measured.append(&s);
    }
    if (measured.size() >= 2) {
        const auto slowest = *std::max_element(measured.begin(), measured.end(),
            [](const StatsSummary* a, const StatsSummary* b) { return a->latency.p95 < b->latency.p95; });
        double others = 0;
        for (const StatsSummary* s : std::as_const(measured)) {
            if (s != slowest)
                others = std::max(others, s->latency.p95);
        }
        if (others > 0 && slowest->latency.p95 >= 2 * others)
            out.append(QCoreApplication::translate("PdfReport", "%1 p95 %2 is %3× the other types' (at most %4)")
                           .arg(slowest->name, formatLatency(slowest->latency.p95),
                               ratioText(slowest->latency.p95 / others), formatLatency(others)));
    }
    // Where the errors are.
    if (r.overall.failure > 0 && r.overall.total > 0) {
        QString topClass;
        qint64 topCount = 0;
        for (auto it = r.overall.errors.begin(); it != r.overall.errors.end(); ++it) {
            if (it.value() > topCount) {
                topCount = it.value();
                topClass = it.key();
            }
        }
        const StatsSummary* worst = nullptr;
        for (const StatsSummary& s : r.requestTypes) {
            if (s.failure > 0 && (!worst || s.failure > worst->failure))
                worst = &s;
        }
        const double pct = 100.0 * double(r.overall.failure) / double(r.overall.total);
        QString line = QCoreApplication::translate("PdfReport", "%1 % of the requests failed").arg(pct, 0, 'f', 1);
        if (!topClass.isEmpty())
            line += QCoreApplication::translate("PdfReport", ", most as %1 (%2)").arg(topClass).arg(topCount);
        if (worst && r.requestTypes.size() > 1)
            line += QCoreApplication::translate("PdfReport", "; %1 of them in %2").arg(worst->failure).arg(worst->name);
        out.append(line);
    }
    for (const Bottleneck& b : r.bottlenecks) {
        if (out.size() >= 3)
            break;
        out.append(b.message);
    }
    if (r.stuckRequests > 0)
        out.append(QCoreApplication::translate(
            "PdfReport", "%n request(s) still in flight after the timeout", nullptr, int(r.stuckRequests)));
    if (out.isEmpty())
        out.append(QCoreApplication::translate(
            "PdfReport", "Nothing stands out: no errors, and no request type is twice as slow as another"));
    return out;
}

QString PdfReport::loadText() const
{
    const RunConfig& c = m_report.config;
    return c.isStaged() ? (c.loadModel == LoadModel::Open
                   ? QCoreApplication::translate("PdfReport", "open, rate stages %1, at most %2 in flight")
                         .arg(c.stages.toString())
                         .arg(c.concurrency)
                   : QCoreApplication::translate("PdfReport", "closed, user stages %1").arg(c.stages.toString()))
        : c.loadModel == LoadModel::Open
        ? QCoreApplication::translate("PdfReport", "open, %1 req/s, at most %2 in flight")
              .arg(c.rateRps)
              .arg(c.concurrency)
        : QCoreApplication::translate("PdfReport", "closed, %1 users").arg(c.concurrency);
}

QString PdfReport::firstPageHtml() const
{
    const Report& r = m_report;
    QString h;
    h += QStringLiteral("<h1>%1</h1>")
             .arg(esc(QCoreApplication::translate("PdfReport", "Stressdeck stress-test report")));
    h += QStringLiteral("<p>%1<br/>%2</p>")
             .arg(esc(QCoreApplication::translate("PdfReport", "%1 against %2")
                          .arg(r.scenarioName, r.config.target.toString())),
                 esc(QCoreApplication::translate("PdfReport", "Started %1 (UTC), %2 s, ended: %3")
                         .arg(r.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                         .arg(r.elapsedS, 0, 'f', 1)
                         .arg(r.stopReason)));

    // A checkpoint is a run still going when it was written: its verdict is the state so far.
    const QString verdict = r.stopReason == QLatin1String("checkpoint")
        ? QCoreApplication::translate("PdfReport", "%1 (so far)").arg(verdictLine(r))
        : verdictLine(r);
    h += QStringLiteral("<h2 style=\"color:%1\">%2</h2>")
             .arg(Palette::colour(r.passed ? Palette::Pass : Palette::Fail).name(), esc(verdict));

    h += QStringLiteral("<h2>%1</h2><ul>").arg(esc(QCoreApplication::translate("PdfReport", "Summary")));
    const auto item = [&h](const QString& label, const QString& text) {
        h += QStringLiteral("<li><b>%1:</b> %2</li>").arg(esc(label), esc(text));
    };
    item(QCoreApplication::translate("PdfReport", "Run"),
        QCoreApplication::translate("PdfReport", "%1 against %2, %3, for %4 s")
            .arg(r.scenarioName, r.config.target.toString(), loadText())
            .arg(r.elapsedS, 0, 'f', 0));
    item(QCoreApplication::translate("PdfReport", "Throughput"),
        QCoreApplication::translate("PdfReport", "%1 req/s (%2 requests)")
            .arg(r.overall.throughputRps, 0, 'f', 1)
            .arg(r.overall.total));
    item(QCoreApplication::translate("PdfReport", "Latency of successful requests"),
        QCoreApplication::translate("PdfReport", "p50 %1, p95 %2, p99 %3")
            .arg(formatLatency(r.overall.latency.p50), formatLatency(r.overall.latency.p95),
                formatLatency(r.overall.latency.p99)));
    item(QCoreApplication::translate("PdfReport", "Errors"),
        QCoreApplication::translate("PdfReport", "%1 % (%2 of %3 requests, %4 timeouts)")
            .arg(r.overall.total > 0 ? 100.0 * double(r.overall.failure) / double(r.overall.total) : 0.0, 0, 'f', 2)
            .arg(r.overall.failure)
            .arg(r.overall.total)
            .arg(r.overall.timeouts));
    h += QStringLiteral("<li><b>%1:</b><br/>").arg(esc(QCoreApplication::translate("PdfReport", "Criteria")));
    for (const Criterion& c : r.criteria)
        h += QStringLiteral("<span style=\"color:%1\"><b>%2</b></span> %3 — %4<br/>")
                 .arg(Palette::colour(c.passed ? Palette::Pass : Palette::Fail).name(), criterionResult(c.passed),
                     esc(c.id), esc(c.detail));
    h += QStringLiteral("</li>");
    const QStringList findings = mainFindings(r);
    h += QStringLiteral("<li><b>%1:</b> %2</li>")
             .arg(esc(QCoreApplication::translate("PdfReport", "Main finding", nullptr, int(findings.size()))),
                 esc(findings.join(QStringLiteral("; "))));
    h += QStringLiteral("</ul>");

    h += QStringLiteral("<h2>%1</h2>").arg(esc(QCoreApplication::translate("PdfReport", "Configuration")));
    const RunConfig& c = r.config;
    const QList<std::pair<QString, QString>> config {
        { QCoreApplication::translate("PdfReport", "Profile"), c.profile },
        { QCoreApplication::translate("PdfReport", "Scenario"), r.scenarioName },
        { QCoreApplication::translate("PdfReport", "Target"),
            c.target.toString()
                + (c.insecure ? QCoreApplication::translate("PdfReport", " (TLS not verified)") : QString()) },
        { QCoreApplication::translate("PdfReport", "Load model"), loadText() },
        { QCoreApplication::translate("PdfReport", "Duration"),
            QCoreApplication::translate("PdfReport", "%1 s").arg(c.durationS) },
        { QCoreApplication::translate("PdfReport", "Timeout"),
            QCoreApplication::translate("PdfReport", "%1 s").arg(c.timeoutS) },
        { QCoreApplication::translate("PdfReport", "Think time"),
            QCoreApplication::translate("PdfReport", "%1–%2 ms").arg(c.thinkMinMs).arg(c.thinkMaxMs) },
        { QCoreApplication::translate("PdfReport", "Monitored process"),
            r.system.source == QLatin1String("pid")
                ? QCoreApplication::translate("PdfReport", "PID %1 %2").arg(r.system.pid).arg(r.system.processName)
                : QCoreApplication::translate("PdfReport", "whole system") },
        { QCoreApplication::translate("PdfReport", "Generator"),
            QCoreApplication::translate("PdfReport", "%1 transport, %n engine thread(s)", nullptr, c.threads)
                .arg(transportId(c.transport)) },
        { QCoreApplication::translate("PdfReport", "Seed"), QString::number(c.seed) },
    };
    // Two settings to a row: the whole configuration in a few lines.
    h += QLatin1String(TableStart);
    for (qsizetype i = 0; i < config.size(); i += 2) {
        h += QStringLiteral("<tr>");
        for (qsizetype j = i; j < i + 2; ++j) {
            if (j < config.size())
                h += QStringLiteral("<th align=\"left\" width=\"16%\">%1</th><td width=\"34%\">%2</td>")
                         .arg(esc(config[j].first), esc(config[j].second));
            else
                h += QStringLiteral("<th></th><td></td>");
        }
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    return h;
}

QString PdfReport::summaryHtml() const
{
    const Report& r = m_report;
    QString h;
    h += QStringLiteral("<h2>%1</h2>").arg(esc(QCoreApplication::translate("PdfReport", "Overall")));
    h += QLatin1String(TableStart)
        + row(
            { QCoreApplication::translate("PdfReport", "Requests"), QCoreApplication::translate("PdfReport", "Success"),
                QCoreApplication::translate("PdfReport", "Failures"),
                QCoreApplication::translate("PdfReport", "Timeouts"), QCoreApplication::translate("PdfReport", "Stuck"),
                QCoreApplication::translate("PdfReport", "Throughput") },
            true);
    h += row({ QString::number(r.overall.total), QStringLiteral("%1 %").arg(r.overall.successRatePct, 0, 'f', 2),
        QString::number(r.overall.failure), QString::number(r.overall.timeouts), QString::number(r.stuckRequests),
        QCoreApplication::translate("PdfReport", "%1 req/s").arg(r.overall.throughputRps, 0, 'f', 2) });
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>%1</h2>")
             .arg(esc(QCoreApplication::translate("PdfReport", "Request types (latency of successful requests)")));
    h += QLatin1String(TableStart)
        + row(
            { QCoreApplication::translate("PdfReport", "Type"), QCoreApplication::translate("PdfReport", "Total"),
                QCoreApplication::translate("PdfReport", "Success"), QCoreApplication::translate("PdfReport", "Errors"),
                QCoreApplication::translate("PdfReport", "p50"), QCoreApplication::translate("PdfReport", "p90"),
                QCoreApplication::translate("PdfReport", "p95"), QCoreApplication::translate("PdfReport", "p99"),
                QCoreApplication::translate("PdfReport", "p99.9"), QCoreApplication::translate("PdfReport", "max") },
            true);
    auto typeRow = [](const StatsSummary& s, const QString& name) {
        const LatencySummary& l = s.latency;
        return row({ name, QString::number(s.total), QStringLiteral("%1 %").arg(s.successRatePct, 0, 'f', 1),
            QString::number(s.failure), formatLatency(l.p50), formatLatency(l.p90), formatLatency(l.p95),
            formatLatency(l.p99), formatLatency(l.p999), formatLatency(l.max) });
    };
    for (const StatsSummary& s : r.requestTypes)
        h += typeRow(s,
            esc(s.name) + QStringLiteral("<br/><small>") + esc(s.method) + QLatin1Char(' ') + esc(s.path)
                + QStringLiteral("</small>"));
    h += typeRow(r.overall, esc(QCoreApplication::translate("PdfReport", "all")));
    h += QStringLiteral("</table>");

    if (!r.stages.isEmpty()) {
        const bool open = r.config.loadModel == LoadModel::Open;
        h += QStringLiteral("<h2>%1</h2>")
                 .arg(esc(QCoreApplication::translate("PdfReport", "Stages (requests by the time they started)")));
        h += QLatin1String(TableStart)
            + row({ QCoreApplication::translate("PdfReport", "Stage"), QCoreApplication::translate("PdfReport", "From"),
                      QCoreApplication::translate("PdfReport", "To"),
                      open ? QCoreApplication::translate("PdfReport", "Rate")
                           : QCoreApplication::translate("PdfReport", "Users"),
                      QCoreApplication::translate("PdfReport", "Requests"),
                      QCoreApplication::translate("PdfReport", "Success"),
                      QCoreApplication::translate("PdfReport", "Throughput"),
                      QCoreApplication::translate("PdfReport", "p50"), QCoreApplication::translate("PdfReport", "p95"),
                      QCoreApplication::translate("PdfReport", "p99") },
                true);
        for (qsizetype i = 0; i < r.stages.size(); ++i) {
            const StageSummary& st = r.stages[i];
            const StatsSummary& s = st.stats;
            const double length = st.endS - st.startS;
            h += row({ QString::number(i + 1), QCoreApplication::translate("PdfReport", "%1 s").arg(st.startS),
                QCoreApplication::translate("PdfReport", "%1 s").arg(st.endS),
                st.fromTarget == st.target ? QString::number(st.target)
                                           : QStringLiteral("%1 → %2").arg(st.fromTarget).arg(st.target),
                QString::number(s.total), QStringLiteral("%1 %").arg(s.successRatePct, 0, 'f', 1),
                QCoreApplication::translate("PdfReport", "%1 req/s")
                    .arg(length > 0 ? double(s.total) / length : 0.0, 0, 'f', 1),
                s.success ? formatLatency(s.latency.p50) : QStringLiteral("–"),
                s.success ? formatLatency(s.latency.p95) : QStringLiteral("–"),
                s.success ? formatLatency(s.latency.p99) : QStringLiteral("–") });
        }
        h += QStringLiteral("</table>");
    }

    const QStringList classes = errorClasses(r.requestTypes);
    if (!classes.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2>")
                 .arg(esc(QCoreApplication::translate("PdfReport", "Errors by class and request type")));
        QStringList header { QCoreApplication::translate("PdfReport", "Error") };
        for (const StatsSummary& s : r.requestTypes)
            header.append(esc(s.name));
        h += QLatin1String(TableStart) + row(header, true);
        for (const QString& cls : classes) {
            QStringList cells { esc(cls) };
            for (const StatsSummary& s : r.requestTypes)
                cells.append(QString::number(s.errors.value(cls)));
            h += row(cells);
        }
        h += QStringLiteral("</table>");
    }
    return h;
}

QString PdfReport::diagnosisHtml() const
{
    const Report& r = m_report;
    QString h = QStringLiteral("<h2>%1</h2><ul>").arg(esc(QCoreApplication::translate("PdfReport", "Bottlenecks")));
    if (r.bottlenecks.isEmpty())
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(QCoreApplication::translate("PdfReport", "No significant bottlenecks detected")));
    for (const Bottleneck& b : r.bottlenecks)
        h += QStringLiteral("<li>%1</li>").arg(esc(b.message));
    h += QStringLiteral("</ul><h2>%1</h2><ul>")
             .arg(esc(QCoreApplication::translate("PdfReport", "Deadlocks and stuck requests")));
    h += QStringLiteral("<li>%1</li>")
             .arg(esc(
                 QCoreApplication::translate("PdfReport", "Stuck requests (in flight after the timeout at the end): %1")
                     .arg(r.stuckRequests)));
    if (r.stalls.isEmpty())
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(QCoreApplication::translate(
                     "PdfReport", "No stall: requests completed every second while any were in flight")));
    for (const Stall& s : r.stalls)
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(QCoreApplication::translate("PdfReport", "Stall from %1 s to %2 s with %3 requests in flight")
                              .arg(s.fromS)
                              .arg(s.toS)
                              .arg(s.inFlight)));
    h += QStringLiteral("</ul>");
    h += QStringLiteral("<h2>%1</h2><ul>").arg(esc(QCoreApplication::translate("PdfReport", "Memory and generator")));
    h += QStringLiteral("<li>%1</li>")
             .arg(esc(QCoreApplication::translate("PdfReport", "Memory growth %1 MB, slope %2 MB/min over %3 samples")
                          .arg(r.system.memoryGrowthMb, 0, 'f', 1)
                          .arg(r.system.memorySlopeMbPerMin, 0, 'f', 2)
                          .arg(r.system.samples.size())));
    if (r.config.loadModel == LoadModel::Open)
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(QCoreApplication::translate(
                     "PdfReport", "Schedule: %1 requests sent, %2 late by ≥ %3 ms, worst %4 ms")
                              .arg(r.schedule.scheduled)
                              .arg(r.schedule.late)
                              .arg(ScheduleInfo::LateThresholdMs)
                              .arg(r.schedule.maxLagMs, 0, 'f', 1)));
    h += QStringLiteral("<li>%1</li>")
             .arg(esc(QCoreApplication::translate("PdfReport", "Generator event-loop lag: p99 %1 ms, max %2 ms")
                          .arg(r.loopLagP99Ms, 0, 'f', 1)
                          .arg(r.loopLagMaxMs, 0, 'f', 1)));
    h += QStringLiteral("</ul><h2>%1</h2>").arg(esc(QCoreApplication::translate("PdfReport", "Environment")));
    h += QLatin1String(TableStart);
    const QJsonObject& e = r.environment;
    const QList<std::pair<QString, QString>> env {
        { QCoreApplication::translate("PdfReport", "Stressdeck"),
            e.value(QStringLiteral("stressdeck_version")).toString(r.toolVersion) },
        { QCoreApplication::translate("PdfReport", "Qt"), e.value(QStringLiteral("qt_version")).toString() },
        { QCoreApplication::translate("PdfReport", "Host"), e.value(QStringLiteral("host_name")).toString() },
        { QCoreApplication::translate("PdfReport", "CPUs"),
            QString::number(e.value(QStringLiteral("cpu_count")).toInt()) },
        { QCoreApplication::translate("PdfReport", "Operating system"), e.value(QStringLiteral("os")).toString() },
        { QCoreApplication::translate("PdfReport", "Kernel"), e.value(QStringLiteral("kernel")).toString() },
    };
    for (const auto& [key, value] : env)
        h += QStringLiteral("<tr><th align=\"left\" width=\"30%\">%1</th><td>%2</td></tr>").arg(esc(key), esc(value));
    h += QStringLiteral("</table>");
    return h;
}

bool PdfReport::streams() const
{
    return m_report.overall.streaming
        || std::any_of(m_report.requestTypes.begin(), m_report.requestTypes.end(),
            [](const StatsSummary& s) { return s.streaming.has_value(); });
}

QString PdfReport::streamingHtml() const
{
    const Report& r = m_report;
    QString h = QStringLiteral("<h2>%1</h2>").arg(esc(QCoreApplication::translate("PdfReport", "Token streams")));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(QCoreApplication::translate("PdfReport",
                 "Streamed responses of the types that stream, from the first content event to the end of the "
                 "stream; latencies of successful streams. The glossary below gives the names other tools use.")));
    // The window's own table, so the PDF words every figure as the screen does.
    StreamingModel model;
    StatsFigures all = r.overall;
    all.name = QCoreApplication::translate("PdfReport", "all");
    model.setStats(QList<StatsFigures>(r.requestTypes.begin(), r.requestTypes.end()), all);
    QStringList header;
    for (int c = 0; c < StreamingModel::ColumnCount; ++c)
        header.append(esc(model.headerData(c, Qt::Horizontal).toString()));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" border=\"1\" "
                        "style=\"border-collapse:collapse;border-color:#999;font-size:7pt\">")
        + row(header, true);
    for (int rIndex = 0; rIndex < model.rowCount(); ++rIndex) {
        QString cells = QStringLiteral("<tr>");
        for (int c = 0; c < StreamingModel::ColumnCount; ++c) {
            const QModelIndex i = model.index(rIndex, c);
            const bool right = model.data(i, Qt::TextAlignmentRole).toInt() & Qt::AlignRight;
            // Kept whole: a figure or a name broken over two lines misreads.
            cells += QStringLiteral("<td align=\"%1\" nowrap>%2</td>")
                         .arg(right ? QStringLiteral("right") : QStringLiteral("left"), esc(model.data(i).toString()));
        }
        h += cells + QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>%1</h2><ul>").arg(esc(QCoreApplication::translate("PdfReport", "Stream warnings")));
    if (model.warnings().isEmpty())
        h += QStringLiteral("<li>%1</li>")
                 .arg(esc(QCoreApplication::translate(
                     "PdfReport", "None: one token per event, usage reported, and the tokens came as they were made")));
    for (const QString& w : model.warnings())
        h += QStringLiteral("<li>%1</li>").arg(esc(w));
    h += QStringLiteral("</ul>");

    h += QStringLiteral("<h2>%1</h2>").arg(esc(QCoreApplication::translate("PdfReport", "Glossary")));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" border=\"1\" "
                        "style=\"border-collapse:collapse;border-color:#999;font-size:7.5pt\">")
        + row({ QCoreApplication::translate("PdfReport", "Stressdeck"),
                  QCoreApplication::translate("PdfReport", "What it is"),
                  QCoreApplication::translate("PdfReport", "vLLM bench serve"),
                  QCoreApplication::translate("PdfReport", "AIPerf / GuideLLM") },
            true);
    for (int t = 0; t < StreamingModel::TermCount; ++t) {
        const StreamingModel::GlossaryEntry e = StreamingModel::glossary(StreamingModel::Term(t));
        h += row({ esc(e.name), esc(e.meaning), esc(e.vllm), esc(e.aiperf) }, false, false);
    }
    h += QStringLiteral("</table>");
    return h;
}

bool PdfReport::write(const QString& fileName, QString* error) const
{
    PdfPages pdf(QCoreApplication::translate("PdfReport", "Stressdeck report: %1").arg(m_report.scenarioName),
        QStringLiteral("Stressdeck %1").arg(m_report.toolVersion));
    pdf.addHtml(firstPageHtml());

    // The dashboard's own charts, filled from the report, two to a row.
    auto dashboard = std::make_shared<Dashboard>();
    dashboard->setPalette(paperPalette());
    dashboard->showReport(m_report);
    const qsizetype types = m_report.requestTypes.size();
    TimeSeriesChart* latency = dashboard->latencyChart();
    SpectrumChart* spectrum = dashboard->spectrumChart();
    const QList<TimeSeriesChart*> main = dashboard->charts(); // throughput, latency, memory, CPU, in flight
    // The latency first: the row that fits under the summary on page one.
    QList<PdfChart> charts { timeChart(latency, [dashboard] { dashboard->setLatencyOf(0); }),
        { [spectrum] { spectrum->setSelection(0); }, spectrum->chart() }, timeChart(main[0]), timeChart(main[4]) };
    if (types > 1) {
        charts.append(timeChart(latency, [dashboard, types] { dashboard->setLatencyOf(int(types) + 1); }));
        charts.append({ [spectrum, types] { spectrum->setSelection(int(types) + 1); }, spectrum->chart() });
    }
    charts.append(timeChart(main[2]));
    charts.append(timeChart(main[3]));
    if (streams()) {
        for (TimeSeriesChart* chart : dashboard->streamingCharts())
            charts.append(timeChart(chart));
    }
    addChartRows(&pdf, dashboard, charts);

    pdf.addHtml(summaryHtml());
    if (streams())
        pdf.addHtml(streamingHtml());
    pdf.addHtml(diagnosisHtml());
    const QString started = m_report.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return pdf.write(
        fileName,
        [started](int page, int pages) {
            return QCoreApplication::translate("PdfReport", "Stressdeck report — %1 — page %2 of %3")
                .arg(started)
                .arg(page)
                .arg(pages);
        },
        error);
}

} // namespace Stressdeck
