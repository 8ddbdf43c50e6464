// SPDX-License-Identifier: MIT

#include "filesizelimit.h"
#include "format.h"
#include "pdfreport.h"
#include "report.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;
using Stressdeck::Testing::FileSizeLimit;

namespace {

QString tool(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput());
}

const QString s_known = QStringLiteral(STRESSDECK_TEST_DATA_DIR "/known-report.json");

//! How far down each page its content reaches (0 to 1 of the height above the footer), from the
//! pages rendered by pdftoppm: a half-empty page shows as about 0.5.
QList<double> pageFill(const QString& pdf, const QString& dir)
{
    tool(QStringLiteral("pdftoppm"),
        { QStringLiteral("-r"), QStringLiteral("20"), QStringLiteral("-gray"), QStringLiteral("-png"), pdf,
            dir + QStringLiteral("/fill") });
    QList<double> fills;
    QStringList pages = QDir(dir).entryList({ QStringLiteral("fill-*.png") }, QDir::Files, QDir::Name);
    for (const QString& name : pages) {
        const QImage page(dir + QLatin1Char('/') + name);
        // The footer (page number) sits in the last 12 % of the sheet: what is above it is content.
        const int bottom = int(page.height() * 0.88);
        const int top = int(page.height() * 0.05);
        int lowest = top;
        for (int y = top; y < bottom; ++y) {
            for (int x = 0; x < page.width(); ++x) {
                if (qGray(page.pixel(x, y)) < 200) {
                    lowest = y;
                    break;
                }
            }
        }
        fills.append(double(lowest - top) / double(bottom - top));
    }
    return fills;
}

} // namespace

class TestPdfReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownReportRendersEverything()
    {
        Report report;
        QString error;
        QVERIFY2(Report::load(s_known, &report, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("known.pdf"));
        QVERIFY2(PdfReport(report).write(pdf, &error), qPrintable(error));

        const QString info = tool(QStringLiteral("pdfinfo"), { pdf });
        static const QRegularExpression pages(QStringLiteral("Pages:\\s+3"));
        QVERIFY2(info.contains(pages), qPrintable(info));
        QVERIFY(info.contains(QLatin1String("(A4)")));
        // Content flows: every page but the last is full.
        const QList<double> fills = pageFill(pdf, dir.path());
        QCOMPARE(fills.size(), 3);
        for (qsizetype i = 0; i + 1 < fills.size(); ++i)
            QVERIFY2(fills[i] > 0.75, qPrintable(QStringLiteral("page %1 is %2 full").arg(i + 1).arg(fills[i])));

        // "fi" may come out as a ligature.
        const QString text = tool(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") })
                                 .replace(QChar(0xFB01), QStringLiteral("fi"));
        for (const StatsSummary& t : report.requestTypes)
            QVERIFY2(text.contains(t.name), qPrintable(t.name));
        QVERIFY(text.contains(QLatin1String("FAILED")));
        QVERIFY(text.contains(QLatin1String("success_rate")));
        for (const char* heading : { "p50", "p90", "p95", "p99", "p99.9", "max" })
            QVERIFY2(text.contains(QLatin1String(heading)), heading);
        // The numbers are the report's numbers, formatted as on screen.
        QVERIFY(text.contains(QStringLiteral("%1 ms").arg(report.overall.latency.p50, 0, 'f', 1)));
        QVERIFY(text.contains(QStringLiteral("%1 ms").arg(report.requestTypes[0].latency.p99, 0, 'f', 1)));
        QVERIFY(text.contains(QLatin1String("HTTP 503")));
        QVERIFY(text.contains(QLatin1String("Throughput")));
        QVERIFY(text.contains(QLatin1String("Requests in"))); // "fl" may come out as a ligature
        QVERIFY(text.contains(QLatin1String("Environment")));
        QVERIFY(text.contains(QLatin1String("page 3 of 3")));
        // Page one answers the reviewer: the verdict, the summary, the main finding, the configuration.
        const QString first = text.left(text.indexOf(QLatin1String("page 1 of 3")));
        for (const char* needle : { "FAILED", "Summary", "Throughput:", "17.3 req/s", "p50 21.5 ms, p95 498.2 ms",
                 "Errors:", "9.01 %", "FAIL success_rate", "PASS no_deadlocks",
                 "Main finding:", "most as HTTP 503 (10)", "Configuration", "Seed" })
            QVERIFY2(first.contains(QLatin1String(needle)), needle);
        // The charts, titled and with units.
        for (const char* needle : { "Latency, 1 s window", "Latency distribution", "Latency distribution of each type",
                 "Latency p95 of each type", "Monitored process: CPU (% of one core)", "percentile (%)", "time (s)" })
            QVERIFY2(text.contains(QLatin1String(needle)), needle);
    }

    void theMainFindingNamesASlowType()
    {
        Report report;
        QString error;
        QVERIFY2(Report::load(s_known, &report, &error), qPrintable(error));
        report.overall.failure = 0;
        for (StatsSummary& s : report.requestTypes)
            s.latency.p95 = s.name == QLatin1String("agent") ? 1000 : 200;
        const QStringList findings = PdfReport::mainFindings(report);
        QVERIFY2(findings.value(0).startsWith(QStringLiteral("agent p95 1.00 s is 5.0× the other types")),
            qPrintable(findings.join(u'|')));
        for (StatsSummary& s : report.requestTypes)
            s.latency.p95 = 200;
        QVERIFY(!PdfReport::mainFindings(report).join(u'|').contains(QLatin1String("the other types")));
    }

    void aStreamingRunHasItsTokenStreamsSection()
    {
        Report report;
        QString error;
        QVERIFY2(Report::load(s_known, &report, &error), qPrintable(error));
        StreamCounters c;
        for (int i = 0; i < 8; ++i) {
            StreamSample sample;
            sample.ttftNs = 150'000'000LL + i * 10'000'000LL;
            sample.ttftSchedNs = sample.ttftNs;
            sample.e2eNs = 700'000'000LL;
            sample.tpotNs = 18.5e6;
            sample.gapsNs = { 74'000'000LL, 74'000'000LL, 74'000'000LL };
            sample.outputTokens = 16;
            sample.contentEvents = 4;
            c.add(sample);
        }
        StatsSummary& chat = report.requestTypes[0];
        chat.streaming = StreamingSummary::of(c, report.elapsedS);
        report.overall.streaming = chat.streaming;
        double t = 0;
        for (TimelineRow& row : report.timeline) {
            row.streaming = TimelineRow::Streaming { 160 + t, 200 + t, 220 + t, 40, 18.5, 19 };
            t += 1;
        }
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("streams.pdf"));
        QVERIFY2(PdfReport(report).write(pdf, &error), qPrintable(error));
        if (const QString keep = qEnvironmentVariable("STRESSDECK_SCREENSHOT_DIR"); !keep.isEmpty())
            QFile::copy(pdf, keep + QStringLiteral("/streams.pdf"));
        // "fi" may come out as a ligature.
        const QString text = tool(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") })
                                 .replace(QChar(0xFB01), QStringLiteral("fi"));
        for (const char* needle : { "Token streams", "Time to first token", "Time per output token",
                 "Output tokens per second", "Stream warnings", "Glossary", "time_to_first_token",
                 "inter_token_latency", "ICL is per event, not per token", "TTFT p95", "TPOT p50", "ICL p99" })
            QVERIFY2(text.contains(QLatin1String(needle)), needle);
        // The figures are the report's, worded as in the window.
        const StreamingSummary& st = *chat.streaming;
        QVERIFY(text.contains(formatLatency(st.ttft.p95)));
        QVERIFY(text.contains(formatLatency(st.tpot.p50)));
        QVERIFY(text.contains(QStringLiteral("%1 tok/s").arg(st.outputTokensPerS, 0, 'f', 1)));
        QVERIFY(text.contains(QLatin1String("0.25")));
        // The section and its charts flow after the rest: more pages, each full but the last.
        const QList<double> fills = pageFill(pdf, dir.path());
        QVERIFY2(fills.size() >= 4, qPrintable(QString::number(fills.size())));
        for (qsizetype i = 0; i + 1 < fills.size(); ++i)
            QVERIFY2(fills[i] > 0.75, qPrintable(QStringLiteral("page %1 is %2 full").arg(i + 1).arg(fills[i])));
    }

    void aStagedRunHasItsStagesTable()
    {
        Report report;
        QString error;
        QVERIFY2(Report::load(s_known, &report, &error), qPrintable(error));
        QString why;
        const auto shape = Stages::parse(QStringLiteral("2s:10,4s:30"), Stages::Unit::Rate, &why);
        QVERIFY2(shape, qPrintable(why));
        report.config.setStages(*shape);
        StageSummary first { 0, 2, 0, 10, report.requestTypes[0] };
        StageSummary second { 2, 6, 10, 30, report.overall };
        report.stages = { first, second };
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("staged.pdf"));
        QVERIFY2(PdfReport(report).write(pdf, &error), qPrintable(error));
        const QString text = tool(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
        QVERIFY(text.contains(QLatin1String("Stages (requests by the time they started)")));
        QVERIFY(text.contains(QLatin1String("rate stages 2s:10,4s:30")));
        QVERIFY2(text.contains(QStringLiteral("10 → 30")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("%1 ms").arg(report.overall.latency.p95, 0, 'f', 1)));
    }

    void writeIntoAMissingDirectoryFails()
    {
        Report report;
        QString error;
        QVERIFY2(Report::load(s_known, &report, &error), qPrintable(error));
        QVERIFY(!PdfReport(report).write(QStringLiteral("/nonexistent-dir/x.pdf"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent-dir/x.pdf")));
    }

    void failedWriteKeepsTheOldFile_data()
    {
        QTest::addColumn<double>("room");
        QTest::addRow("disk full halfway") << 0.5;
        // The PDF's last bytes sit in QSaveFile's buffer until the commit flushes them.
        QTest::addRow("last bytes do not fit") << 0.999;
    }

    void failedWriteKeepsTheOldFile()
    {
        QFETCH(double, room);
        Report report;
        QString error;
        QVERIFY2(Report::load(s_known, &report, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString probe = dir.filePath(QStringLiteral("probe.pdf"));
        QVERIFY2(PdfReport(report).write(probe, &error), qPrintable(error));
        const qint64 size = QFileInfo(probe).size();
        QVERIFY(QFile::remove(probe));

        const QString pdf = dir.filePath(QStringLiteral("old.pdf"));
        const QByteArray oldBytes = QByteArrayLiteral("%PDF-1.4 the review copy from yesterday\n");
        QFile old(pdf);
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write(oldBytes), oldBytes.size());
        old.close();
        error.clear();
        bool written = false;
        {
            const FileSizeLimit full(qint64(double(size) * room));
            written = PdfReport(report).write(pdf, &error);
        }
        QVERIFY2(!written,
            qPrintable(QStringLiteral("reported as written; %1 now holds %2 of %3 bytes")
                           .arg(pdf)
                           .arg(QFileInfo(pdf).size())
                           .arg(size)));
        QVERIFY2(error.contains(pdf + QLatin1String(": cannot write")), qPrintable(error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), oldBytes);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("old.pdf") });
    }

    void savedReportsRoundTripByteForByte()
    {
        // An older file may lack keys added since; once saved by this version it is stable.
        Report first;
        QString error;
        QVERIFY2(Report::load(s_known, &first, &error), qPrintable(error));
        const QByteArray saved = first.toJsonBytes();
        Report second;
        QVERIFY2(Report::fromJson(saved, s_known, &second, &error), qPrintable(error));
        QVERIFY(second == first);
        QCOMPARE(second.toJsonBytes(), saved);
    }
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
