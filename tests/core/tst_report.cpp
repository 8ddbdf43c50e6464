// SPDX-License-Identifier: MIT

#include "analysis.h"
#include "filesizelimit.h"
#include "report.h"
#include "textsummary.h"
#include "timelinecolumns.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <random>

using namespace Stressdeck;
using Stressdeck::Testing::FileSizeLimit;

namespace {

Report sampleReport()
{
    Report r;
    r.toolVersion = QStringLiteral("0.1.0");
    r.startedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 0, 0, 123), Qt::UTC);
    r.finishedAt = r.startedAt.addSecs(31);
    r.elapsedS = 30.25;
    r.config.target = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    r.config.seed = 1234567;
    r.config.threads = 3;
    r.config.transport = Transport::Fast;
    r.scenarioName = QStringLiteral("Archive-AI");
    r.stopReason = QStringLiteral("completed");
    RequestCounters c;
    for (int i = 0; i < 500; ++i) {
        ++c.total;
        if (i % 10 == 0) {
            ++c.failure;
            ++c.errors[QStringLiteral("HTTP 503")];
            c.failureLatency.record(i * 1000LL);
        } else {
            ++c.success;
            c.successLatency.record(1000000LL + i * 12345LL);
        }
    }
    r.overall = StatsSummary::of({}, c, r.elapsedS);
    StatsSummary chat = r.overall;
    chat.name = QStringLiteral("chat");
    chat.method = QStringLiteral("POST");
    chat.path = QStringLiteral("/chat");
    r.requestTypes = { chat };
    TimelineRow row;
    row.tS = 1;
    row.all = { 10, 9, 1, 0, 1.5, 2.25, 3.125 };
    row.rps = 10;
    row.inFlight = 3;
    row.byType.insert(QStringLiteral("chat"), row.all);
    r.timeline = { row };
    LatencyWindow w;
    w.tS = 5;
    w.lengthS = 5;
    w.all.requests = 12;
    w.all.errors = 2;
    for (int i = 0; i < 10; ++i)
        w.all.latency.record(1'000'000LL * (i + 1));
    w.byType.insert(QStringLiteral("chat"), w.all);
    r.latencyWindows = { w, w };
    r.latencyWindows[1].tS = 7.5;
    r.latencyWindows[1].lengthS = 2.5;
    r.system.samples = { { 0, 1.5, 100.25, 0.5 }, { 5, 3, 101.5, 0.6 } };
    r.loadChanges = { { 0, 5, 0 }, { 12.5, 10, 0 } };
    r.loopLagP99Ms = 0.75;
    Analysis::analyse(&r);
    return r;
}

//! The timeline as reports before 0.2 wrote it, one object per second (the writer of that time).
QJsonArray rowsOf(const Report& r)
{
    auto figures = [](const IntervalFigures& f) {
        return QJsonObject { { QStringLiteral("requests"), double(f.requests) },
            { QStringLiteral("successes"), double(f.successes) }, { QStringLiteral("errors"), double(f.errors) },
            { QStringLiteral("timeouts"), double(f.timeouts) }, { QStringLiteral("p50_ms"), f.p50 },
            { QStringLiteral("p95_ms"), f.p95 }, { QStringLiteral("p99_ms"), f.p99 } };
    };
    QJsonArray rows;
    for (const TimelineRow& t : r.timeline) {
        QJsonObject row = figures(t.all);
        row.insert(QStringLiteral("t_s"), t.tS);
        row.insert(QStringLiteral("rps"), t.rps);
        row.insert(QStringLiteral("in_flight"), double(t.inFlight));
        QJsonObject byType;
        for (auto it = t.byType.begin(); it != t.byType.end(); ++it)
            byType.insert(it.key(), figures(it.value()));
        row.insert(QStringLiteral("by_type"), byType);
        if (t.streaming) {
            row.insert(QStringLiteral("ttft_p50_ms"), t.streaming->ttftP50);
            row.insert(QStringLiteral("ttft_p95_ms"), t.streaming->ttftP95);
            row.insert(QStringLiteral("ttft_p99_ms"), t.streaming->ttftP99);
            row.insert(QStringLiteral("output_tokens_per_s"), t.streaming->outputTokensPerS);
            row.insert(QStringLiteral("tpot_p50_ms"), t.streaming->tpotP50);
            row.insert(QStringLiteral("tpot_p95_ms"), t.streaming->tpotP95);
        }
        rows.append(row);
    }
    return rows;
}

//! A latency as the histograms give it: whole nanoseconds, in ms.
double latencyMs(std::mt19937_64& rng, double medianMs)
{
    std::lognormal_distribution<double> d(std::log(medianMs * 1e6), 0.6);
    return nsToMs(std::int64_t(d(rng)));
}

//! `seconds` of a realistic run in rows of `rowS` seconds (TimelineRow::rowSecondsFor): each
//! type's requests vary around `rate`, one in a hundred fails, percentiles as the histograms give
//! them; the types in `streaming` stream, so every row has the stream figures.
Report longRun(int seconds, const QStringList& types, double rate, bool streaming, int rowS = 1)
{
    std::mt19937_64 rng(19);
    std::poisson_distribution<int> requests(rate * rowS);
    Report r;
    r.startedAt = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    r.finishedAt = r.startedAt.addSecs(seconds);
    r.elapsedS = seconds;
    r.timeline.reserve(seconds / rowS + 1);
    for (int t = rowS; t < seconds + rowS; t += rowS) {
        TimelineRow row;
        row.tS = std::min(t, seconds);
        for (qsizetype i = 0; i < types.size(); ++i) {
            IntervalFigures f;
            f.requests = requests(rng);
            f.errors = f.requests / 100;
            f.successes = f.requests - f.errors;
            const double median = 8.0 * double(i + 1);
            f.p50 = latencyMs(rng, median);
            f.p95 = f.p50 + latencyMs(rng, median);
            f.p99 = f.p95 + latencyMs(rng, median);
            row.byType.insert(types[i], f);
            row.all.requests += f.requests;
            row.all.successes += f.successes;
            row.all.errors += f.errors;
            row.all.p50 = std::max(row.all.p50, f.p50);
            row.all.p95 = std::max(row.all.p95, f.p95);
            row.all.p99 = std::max(row.all.p99, f.p99);
        }
        row.rps = double(row.all.requests) / rowS;
        row.inFlight = requests(rng) / 4 / rowS;
        if (streaming) {
            const double ttft = latencyMs(rng, 150);
            row.streaming = TimelineRow::Streaming { ttft, ttft + latencyMs(rng, 20), ttft + latencyMs(rng, 40),
                double(requests(rng) * 60 / rowS), latencyMs(rng, 20), latencyMs(rng, 25) };
        }
        r.timeline.append(row);
    }
    return r;
}

//! `count` latencies of a log-normal around `medianMs` (σ 0.6, its median shifted at random by
//! up to 10 %), as a histogram: each of its fine steps gets what the distribution puts there,
//! so filling it costs the same for a million requests as for a hundred.
Histogram logNormal(std::mt19937_64& rng, double medianMs, qint64 count)
{
    Histogram h;
    constexpr double Sigma = 0.6;
    constexpr double Step = 1.0 / 2048; // finer than the histogram's buckets
    const double mu = std::log(medianMs * 1e6 * std::uniform_real_distribution<double>(0.9, 1.1)(rng));
    auto cdf = [&](double lnV) { return 0.5 * std::erfc(-(lnV - mu) / (Sigma * std::sqrt(2.0))); };
    qint64 recorded = 0;
    for (double lnV = mu - 5 * Sigma; lnV < mu + 5 * Sigma; lnV += Step) {
        const qint64 n = std::llround(double(count) * cdf(lnV + Step)) - recorded;
        if (n > 0)
            h.record(std::int64_t(std::exp(lnV)), n);
        recorded += std::max<qint64>(n, 0);
    }
    if (count > recorded)
        h.record(std::int64_t(std::exp(mu)), count - recorded); // the tails beyond 5 σ
    return h;
}

//! What the run of longRun() adds to its report beside the timeline: the latency windows the
//! engine keeps (LatencyWindow: as long as MaxWindows allows), their histograms filled with the
//! successes of their seconds, and a system sample every 5 s rounded as ProcessSampler rounds.
void addWindowsAndSamples(Report* r, const QStringList& types)
{
    std::mt19937_64 rng(20);
    const auto seconds = qint64(std::llround(r->elapsedS));
    r->windowS = LatencyWindow::WindowS;
    while (LatencyWindow::indexOf(double(seconds), r->windowS) + 1 > LatencyWindow::MaxWindows)
        r->windowS *= 2;
    for (qint64 from = 0; from < seconds; from += r->windowS) {
        LatencyWindow w;
        w.tS = double(std::min(seconds, from + r->windowS));
        w.lengthS = w.tS - double(from);
        Histogram all;
        for (qsizetype i = 0; i < types.size(); ++i) {
            WindowFigures f;
            for (const TimelineRow& row : std::as_const(r->timeline)) {
                if (row.tS > double(from) && row.tS <= w.tS) { // the window is a whole number of rows
                    f.requests += row.byType[types[i]].requests;
                    f.errors += row.byType[types[i]].errors;
                }
            }
            const Histogram h = logNormal(rng, 8.0 * double(i + 1), f.requests - f.errors);
            all.merge(h);
            f.latency = SparseHistogram::of(h);
            w.byType.insert(types[i], f);
            w.all.requests += f.requests;
            w.all.errors += f.errors;
        }
        w.all.latency = SparseHistogram::of(all);
        r->latencyWindows.append(w);
    }
    std::uniform_real_distribution<double> jitter(0, 0.02);
    for (qint64 t = 0; t < seconds; t += 5) {
        const double memoryMb = std::round((400 + jitter(rng) * 1000) * 1000) / 1000;
        r->system.samples.append({ std::round((double(t) + jitter(rng)) * 1000) / 1000,
            std::round(jitter(rng) * 400000) / 100, memoryMb, std::round(memoryMb / 16000 * 1e6) / 1e4 });
    }
    r->system.intervalS = 5;
}

qint64 timelineBytes(const Report& r)
{
    return QJsonDocument(TimelineColumns::toJson(r.timeline, std::nullopt)).toJson(QJsonDocument::Compact).size();
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsLossless()
    {
        const Report r = sampleReport();
        Report back;
        QString error;
        const QByteArray bytes = r.toJsonBytes();
        QVERIFY2(Report::fromJson(bytes, QStringLiteral("r.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.overall, r.overall);
        QCOMPARE(back.requestTypes, r.requestTypes);
        QCOMPARE(back.timeline, r.timeline);
        QCOMPARE(back.latencyWindows, r.latencyWindows);
        QCOMPARE(back.system, r.system);
        QCOMPARE(back.criteria, r.criteria);
        QCOMPARE(back.config, r.config);
        QVERIFY(back == r);
        QCOMPARE(back.toJsonBytes(), bytes);
    }

    void timelineIsWrittenInColumns()
    {
        Report r = sampleReport();
        TimelineRow second = r.timeline[0];
        second.tS = 2;
        second.byType.remove(QStringLiteral("chat")); // a second without the type
        second.all.p95 = 143.851519;
        r.timeline.append(second);
        const QJsonObject columns = r.toJson().value(QStringLiteral("timeline")).toObject();
        QCOMPARE(columns.value(QStringLiteral("t_s")).toArray(), (QJsonArray { 1, 2 }));
        QCOMPARE(columns.value(QStringLiteral("p95_ms")).toArray(), (QJsonArray { 2.25, 143.9 }));
        QCOMPARE(columns.value(QStringLiteral("in_flight")).toArray(), (QJsonArray { 3, 3 }));
        QVERIFY(!columns.contains(QStringLiteral("t_unix_s")));
        const QJsonObject chat
            = columns.value(QStringLiteral("by_type")).toObject().value(QStringLiteral("chat")).toObject();
        QCOMPARE(chat.value(QStringLiteral("requests")).toArray(), (QJsonArray { 10, QJsonValue() }));
        QCOMPARE(chat.value(QStringLiteral("p99_ms")).toArray(), (QJsonArray { 3.125, 0 }));

        Report back;
        QString error;
        const QByteArray bytes = r.toJsonBytes();
        QVERIFY2(Report::fromJson(bytes, QStringLiteral("r.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.timeline.size(), 2);
        QCOMPARE(back.timeline[0], r.timeline[0]);
        QVERIFY(!back.timeline[1].byType.contains(QStringLiteral("chat")));
        QCOMPARE(back.timeline[1].all.p95, 143.9);
        QCOMPARE(back.toJsonBytes(), bytes);
        // Compact, a line per top-level key.
        QVERIFY2(bytes.startsWith("{\n\"bottlenecks\":"), bytes.left(40).constData());
        QCOMPARE(bytes.count('\n'), r.toJson().size() + 2);
        QVERIFY(!bytes.contains("  "));

        // A shard's seconds also carry their wall-clock time.
        r.shard = ShardInfo {};
        r.shard->originUnixS = 1764547200.25;
        const QJsonArray unix
            = r.toJson().value(QStringLiteral("timeline")).toObject().value(QStringLiteral("t_unix_s")).toArray();
        QCOMPARE(unix, (QJsonArray { 1764547201.25, 1764547202.25 }));
    }

    void percentilesKeepTheirPrecision_data()
    {
        QTest::addColumn<double>("ms");
        QTest::addColumn<double>("kept");
        QTest::addRow("bucket midpoint") << 143.851519 << 143.9;
        QTest::addRow("below a millisecond") << 0.412345 << 0.4123;
        QTest::addRow("exact value") << 45.275012 << 45.28;
        QTest::addRow("seconds") << 12345.678 << 12350.0;
        QTest::addRow("short already") << 2.25 << 2.25;
        QTest::addRow("whole") << 1000.0 << 1000.0;
        QTest::addRow("none") << 0.0 << 0.0;
    }

    void percentilesKeepTheirPrecision()
    {
        QFETCH(double, ms);
        QFETCH(double, kept);
        QCOMPARE(TimelineColumns::roundPercentile(ms), kept);
        QCOMPARE(TimelineColumns::roundPercentile(kept), kept); // written again, unchanged
        QVERIFY(std::abs(kept - ms) <= 0.0005 * ms); // within half a unit of the 4th digit
    }

    void rowsOfOlderReportsLoadAndSaveAsColumns()
    {
        // tests/data/known-report.json was written with one object per second.
        QFile known(QStringLiteral(STRESSDECK_TEST_DATA_DIR "/known-report.json"));
        QVERIFY(known.open(QIODevice::ReadOnly));
        const QByteArray oldBytes = known.readAll();
        const QJsonArray rows = QJsonDocument::fromJson(oldBytes).object().value(QStringLiteral("timeline")).toArray();
        QVERIFY(rows.size() >= 5);
        Report old;
        QString error;
        QVERIFY2(Report::fromJson(oldBytes, QStringLiteral("known-report.json"), &old, &error), qPrintable(error));
        QCOMPARE(old.timeline.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(old.timeline[i].tS, row.value(QStringLiteral("t_s")).toDouble());
            QCOMPARE(old.timeline[i].all.requests, row.value(QStringLiteral("requests")).toInteger());
            QCOMPARE(old.timeline[i].all.p95,
                TimelineColumns::roundPercentile(row.value(QStringLiteral("p95_ms")).toDouble()));
            const QJsonObject byType = row.value(QStringLiteral("by_type")).toObject();
            QCOMPARE(old.timeline[i].byType.keys(), byType.keys());
            for (auto it = byType.begin(); it != byType.end(); ++it) {
                QCOMPARE(old.timeline[i].byType.value(it.key()).successes,
                    it.value().toObject().value(QStringLiteral("successes")).toInteger());
                QCOMPARE(old.timeline[i].byType.value(it.key()).p99,
                    TimelineColumns::roundPercentile(it.value().toObject().value(QStringLiteral("p99_ms")).toDouble()));
            }
        }
        // Its system samples are objects too.
        const QJsonArray samples = QJsonDocument::fromJson(oldBytes)
                                       .object()
                                       .value(QStringLiteral("system"))
                                       .toObject()
                                       .value(QStringLiteral("samples"))
                                       .toArray();
        QVERIFY(samples.size() >= 5);
        QCOMPARE(old.system.samples.size(), samples.size());
        QCOMPARE(old.system.samples.last().memoryMb,
            samples.last().toObject().value(QStringLiteral("memory_mb")).toDouble());
        QCOMPARE(old.system.samples.last().tS, samples.last().toObject().value(QStringLiteral("t_s")).toDouble());
        // Saved again, in columns; loaded, the same report.
        const QByteArray newBytes = old.toJsonBytes();
        QVERIFY(old.toJson().value(QStringLiteral("timeline")).isObject());
        QVERIFY(old.toJson().value(QStringLiteral("system")).toObject().value(QStringLiteral("samples")).isObject());
        Report again;
        QVERIFY2(Report::fromJson(newBytes, QStringLiteral("new.json"), &again, &error), qPrintable(error));
        QVERIFY(again == old);
        QCOMPARE(again.toJsonBytes(), newBytes);
        QVERIFY2(newBytes.size() < oldBytes.size() / 2, qPrintable(QString::number(newBytes.size())));

        // Rows with stream figures, as the first streaming versions wrote them.
        Report streamed = longRun(30, { QStringLiteral("chat"), QStringLiteral("tts") }, 20, true);
        QJsonObject json = streamed.toJson();
        json.insert(QStringLiteral("timeline"), rowsOf(streamed));
        Report fromRows;
        QVERIFY2(Report::fromJson(QJsonDocument(json).toJson(), QStringLiteral("rows.json"), &fromRows, &error),
            qPrintable(error));
        Report fromColumns;
        QVERIFY2(Report::fromJson(fromRows.toJsonBytes(), QStringLiteral("columns.json"), &fromColumns, &error),
            qPrintable(error));
        QCOMPARE(fromColumns.timeline, fromRows.timeline);
        QVERIFY(fromColumns.timeline[7].streaming);
        QCOMPARE(fromColumns.timeline[7].streaming->tpotP95,
            TimelineColumns::roundPercentile(streamed.timeline[7].streaming->tpotP95));
    }

    void aDayLongTimelineStaysSmall_data()
    {
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("streaming");
        QTest::addColumn<double>("boundBytesPerS");
        const QStringList three { QStringLiteral("chat"), QStringLiteral("memory_search"), QStringLiteral("agent") };
        QTest::addRow("3 plain types, 50/s each") << three << 50.0 << false << 170.0;
        QTest::addRow("3 plain types, 3000/s each") << three << 3000.0 << false << 200.0;
        QTest::addRow("2 plain types and a stream") << three << 50.0 << true << 230.0;
    }

    void aDayLongTimelineStaysSmall()
    {
        QFETCH(QStringList, types);
        QFETCH(double, rate);
        QFETCH(bool, streaming);
        QFETCH(double, boundBytesPerS);
        constexpr int Day = 86400;
        const Report r = longRun(Day, types, rate, streaming);
        const double perS = double(timelineBytes(r)) / Day;
        const QJsonArray rows = rowsOf(r);
        const double rowsPerS = double(QJsonDocument(rows).toJson(QJsonDocument::Compact).size()) / Day;
        const double indentedPerS = double(QJsonDocument(rows).toJson(QJsonDocument::Indented).size()) / Day;
        const QByteArray bytes = r.toJsonBytes();
        qInfo("timeline of a day: %.1f MB, %.0f B/s (as rows: %.0f B/s compact, %.0f B/s indented); the whole report "
              "%.1f MB",
            perS * Day / 1e6, perS, rowsPerS, indentedPerS, double(bytes.size()) / 1e6);
        QVERIFY2(perS <= boundBytesPerS, qPrintable(QString::number(perS)));

        Report back;
        QString error;
        QVERIFY2(Report::fromJson(bytes, QStringLiteral("day.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.timeline.size(), Day);
        for (int i : { 0, Day / 2, Day - 1 }) {
            const TimelineRow& row = r.timeline[i];
            QCOMPARE(back.timeline[i].tS, row.tS);
            QCOMPARE(back.timeline[i].all.requests, row.all.requests);
            QCOMPARE(back.timeline[i].byType.value(types[1]).p99,
                TimelineColumns::roundPercentile(row.byType.value(types[1]).p99));
            QCOMPARE(back.timeline[i].streaming.has_value(), streaming);
        }
        QCOMPARE(back.toJsonBytes(), bytes);
    }

    void aDayLongReportStaysUnder15Mb_data()
    {
        QTest::addColumn<int>("types");
        QTest::addColumn<double>("rate");
        QTest::addColumn<bool>("streaming");
        QTest::addRow("3 plain types, 50/s each") << 3 << 50.0 << false;
        QTest::addRow("3 plain types, 500/s each") << 3 << 500.0 << false;
        // 777 million requests a day: the timeline's counts have more digits, the windows' histograms
        // more buckets filled.
        QTest::addRow("3 plain types, 3000/s each") << 3 << 3000.0 << false;
        QTest::addRow("2 plain types and a stream, 50/s each") << 3 << 50.0 << true;
        QTest::addRow("5 plain types (Archive-AI), 50/s each") << 5 << 50.0 << false;
        QTest::addRow("7 plain types and a stream (multi-modal), 50/s each") << 8 << 50.0 << true;
    }

    void aDayLongReportStaysUnder15Mb()
    {
        QFETCH(int, types);
        QFETCH(double, rate);
        QFETCH(bool, streaming);
        constexpr int Day = 86400;
        const int rowS = TimelineRow::rowSecondsFor(Day);
        QCOMPARE(rowS, 4); // a day planned: 21,600 rows of 4 s
        const QStringList names = QStringList { QStringLiteral("chat"), QStringLiteral("memory_search"),
            QStringLiteral("agent"), QStringLiteral("code_execution"), QStringLiteral("library_search"),
            QStringLiteral("voice_synthesize"), QStringLiteral("voice_transcribe"), QStringLiteral("llm_stream") }
                                      .mid(0, types);
        Report r = longRun(Day, names, rate, streaming, rowS);
        addWindowsAndSamples(&r, names);
        const QByteArray bytes = r.toJsonBytes();
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        auto mb = [&o](const char* key) {
            return double(QJsonDocument::fromVariant(o.value(QLatin1String(key)).toVariant())
                              .toJson(QJsonDocument::Compact)
                              .size())
                / 1e6;
        };
        qInfo("a day of %d types at %.0f req/s each: the report %.2f MB (timeline of %lld rows %.2f MB, %lld latency "
              "windows of %d s %.2f MB, system samples %.2f MB)",
            types, rate, double(bytes.size()) / 1e6, qint64(r.timeline.size()), mb("timeline"),
            qint64(r.latencyWindows.size()), r.windowS, mb("latency_windows"), mb("system"));
        QCOMPARE(r.windowS, 1280); // 68 windows: 640 s ones would be 135, more than MaxWindows
        QCOMPARE(r.timeline.size(), Day / rowS);
        QVERIFY2(double(bytes.size()) / 1e6 < 15.0, qPrintable(QString::number(bytes.size())));
        Report back;
        QString error;
        QVERIFY2(Report::fromJson(bytes, QStringLiteral("day.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.timeline.size(), Day / rowS);
        QCOMPARE(back.timeline[100].tS, 404.0);
        QCOMPARE(back.timeline[100].all.requests, r.timeline[100].all.requests);
        QCOMPARE(back.windowS, 1280);
        QCOMPARE(back.latencyWindows, r.latencyWindows);
        QCOMPARE(back.system.samples, r.system.samples);
    }

    void streamingRoundTrip()
    {
        Report r = sampleReport();
        StreamCounters c;
        for (int i = 0; i < 4; ++i) {
            StreamSample sample;
            sample.ttftNs = 150'000'000LL + i * 1'000'000LL;
            sample.ttftSchedNs = *sample.ttftNs + 2'000'000LL;
            sample.e2eNs = 550'000'000LL;
            sample.tpotNs = 20'000'000.0;
            sample.gapsNs = { 80'000'000LL, 81'000'000LL };
            sample.outputTokens = i < 3 ? std::optional<std::int64_t>(12) : std::nullopt;
            sample.contentEvents = 3;
            c.add(sample);
        }
        r.requestTypes[0].streaming = StreamingSummary::of(c, r.elapsedS);
        r.overall.streaming = r.requestTypes[0].streaming;
        r.timeline[0].streaming = TimelineRow::Streaming { 150.5, 152.2, 153.1, 36, 20.5, 24.75 };
        Report back;
        QString error;
        const QByteArray bytes = r.toJsonBytes();
        QVERIFY2(Report::fromJson(bytes, QStringLiteral("r.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.requestTypes, r.requestTypes);
        QCOMPARE(back.timeline, r.timeline);
        QVERIFY(back == r);
        QCOMPARE(back.toJsonBytes(), bytes);

        // The contract's names.
        const QJsonObject o = r.toJson();
        const QJsonObject st = o.value(QStringLiteral("request_types"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("streaming"))
                                   .toObject();
        for (const char* key : { "ttft_ms", "ttft_sched_ms", "e2e_ms", "tpot_ms", "icl_ms" }) {
            const QJsonObject l = st.value(QLatin1String(key)).toObject();
            for (const char* figure : { "min", "mean", "p50", "p90", "p95", "p99", "p999", "max" })
                QVERIFY2(l.contains(QLatin1String(figure)), key);
        }
        QCOMPARE(st.value(QStringLiteral("output_tokens")).toInt(), 36);
        QCOMPARE(st.value(QStringLiteral("output_tokens_per_s")).toDouble(), 36 / r.elapsedS);
        QCOMPARE(st.value(QStringLiteral("token_source")).toObject().value(QStringLiteral("usage")).toInt(), 3);
        QCOMPARE(st.value(QStringLiteral("token_source")).toObject().value(QStringLiteral("none")).toInt(), 1);
        QCOMPARE(st.value(QStringLiteral("chunks_per_token")).toDouble(), 9.0 / 36.0);
        const QJsonArray warnings = st.value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings[0].toString().startsWith(QLatin1String("ICL is per event, not per token")));
        QVERIFY(warnings[1].toString().startsWith(QLatin1String("usage missing")));
        const QJsonObject columns = o.value(QStringLiteral("timeline")).toObject();
        auto first = [&](const char* key) { return columns.value(QLatin1String(key)).toArray().first().toDouble(); };
        QCOMPARE(first("ttft_p95_ms"), 152.2);
        QCOMPARE(first("output_tokens_per_s"), 36.0);
        QCOMPARE(first("tpot_p50_ms"), 20.5);
        QCOMPARE(first("tpot_p95_ms"), 24.75);
        QVERIFY(textSummary(r).contains(QLatin1String("TTFT: p50=")));

        // A report of the first streaming version (rows, one object per second) has no TPOT per
        // second: it opens, without one.
        QJsonObject older = o;
        QJsonObject firstRow = rowsOf(r).first().toObject();
        firstRow.remove(QStringLiteral("tpot_p50_ms"));
        firstRow.remove(QStringLiteral("tpot_p95_ms"));
        QJsonArray rows { firstRow };
        older.insert(QStringLiteral("timeline"), rows);
        Report old;
        QVERIFY2(Report::fromJson(QJsonDocument(older).toJson(), QStringLiteral("old.json"), &old, &error),
            qPrintable(error));
        QVERIFY(old.timeline[0].streaming.has_value());
        QCOMPARE(old.timeline[0].streaming->ttftP95, 152.2);
        QCOMPARE(old.timeline[0].streaming->tpotP50, 0.0);
        // A wrong type is still an error that names the field.
        firstRow.insert(QStringLiteral("tpot_p50_ms"), QStringLiteral("fast"));
        rows[0] = firstRow;
        older.insert(QStringLiteral("timeline"), rows);
        QVERIFY(!Report::fromJson(QJsonDocument(older).toJson(), QStringLiteral("bad.json"), &old, &error));
        QVERIFY2(error.contains(QLatin1String("tpot_p50_ms")), qPrintable(error));
    }

    void aNonStreamingReportHasNoStreamingKeys()
    {
        const QJsonObject o = sampleReport().toJson();
        QVERIFY(!o.value(QStringLiteral("overall")).toObject().contains(QStringLiteral("streaming")));
        const QJsonObject columns = o.value(QStringLiteral("timeline")).toObject();
        QVERIFY(!columns.contains(QStringLiteral("ttft_p50_ms")));
        QVERIFY(!columns.contains(QStringLiteral("output_tokens_per_s")));
        QVERIFY(!columns.contains(QStringLiteral("tpot_p50_ms")));
        QVERIFY(!textSummary(sampleReport()).contains(QLatin1String("TTFT")));
    }

    void stagesRoundTrip()
    {
        Report r = sampleReport();
        QString error;
        const auto shape = Stages::parse(QStringLiteral("10s:40,0s:80,20.25s:80"), Stages::Unit::Rate, &error);
        QVERIFY2(shape, qPrintable(error));
        r.config.concurrency = 20;
        r.config.setStages(*shape);
        const QList<StageSpan> spans = shape->spans();
        for (qsizetype i = 0; i < spans.size(); ++i) {
            StatsSummary stats = r.overall;
            stats.total = stats.success = 100 * i; // each stage its own figures
            stats.failure = 0;
            stats.histogram.reset();
            for (qsizetype k = 0; k < stats.success; ++k)
                stats.histogram.record(1'000'000 * (k + 1));
            r.stages.append({ spans[i].startS, spans[i].endS, spans[i].fromTarget, spans[i].target, stats });
        }
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("config")).toObject().value(QStringLiteral("rate_stages")).toArray(),
            shape->toJson());
        QVERIFY(!json.value(QStringLiteral("config")).toObject().contains(QStringLiteral("stages")));
        const QJsonArray stages = json.value(QStringLiteral("stages")).toArray();
        QCOMPARE(stages.size(), 3);
        const QJsonObject last = stages[2].toObject();
        QCOMPARE(last.value(QStringLiteral("start_s")).toDouble(), 10.0);
        QCOMPARE(last.value(QStringLiteral("end_s")).toDouble(), 30.25);
        QCOMPARE(last.value(QStringLiteral("target")).toDouble(), 80.0);
        QCOMPARE(last.value(QStringLiteral("stats")).toObject().value(QStringLiteral("total")).toInt(), 200);
        QVERIFY(last.value(QStringLiteral("stats")).toObject().contains(QStringLiteral("latency_ms")));

        Report back;
        const QByteArray bytes = r.toJsonBytes();
        QVERIFY2(Report::fromJson(bytes, QStringLiteral("r.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.config.stages, *shape);
        QCOMPARE(back.stages, r.stages);
        QVERIFY(back == r);
        QCOMPARE(back.toJsonBytes(), bytes);

        // Stages of the other model are an error, not a silent mix.
        QJsonObject broken = json;
        QJsonObject cfg = broken.value(QStringLiteral("config")).toObject();
        cfg.insert(QStringLiteral("load_model"), QStringLiteral("closed"));
        broken.insert(QStringLiteral("config"), cfg);
        QVERIFY(!Report::fromJson(QJsonDocument(broken).toJson(), QStringLiteral("r.json"), &back, &error));
        QVERIFY2(error.contains(QLatin1String("config.rate_stages")), qPrintable(error));
    }

    void aReportWithoutStagesStillReads()
    {
        QJsonObject old = sampleReport().toJson();
        QCOMPARE(old.value(QStringLiteral("stages")).toArray().size(), 0);
        old.remove(QStringLiteral("stages")); // as Stressdeck wrote it before stages
        Report back;
        QString error;
        QVERIFY2(Report::fromJson(QJsonDocument(old).toJson(), QStringLiteral("old.json"), &back, &error),
            qPrintable(error));
        QVERIFY(back.stages.isEmpty());
        QVERIFY(!back.config.isStaged());
        QVERIFY(back == sampleReport());
    }

    void contractKeysArePresent()
    {
        const QJsonObject o = sampleReport().toJson();
        for (const char* key : { "schema", "tool", "started_at", "finished_at", "elapsed_s", "config", "overall",
                 "request_types", "timeline", "system", "stuck_requests", "bottlenecks", "criteria", "passed" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("stressdeck-report/1"));
        const QJsonObject cfg = o.value(QStringLiteral("config")).toObject();
        for (const char* key : { "profile", "scenario", "target", "concurrency", "duration_s", "timeout_s",
                 "think_time_ms", "load_model", "rate_rps" })
            QVERIFY2(cfg.contains(QLatin1String(key)), key);
        const QJsonObject overall = o.value(QStringLiteral("overall")).toObject();
        for (const char* key : { "total", "success", "failure", "timeouts", "success_rate_pct", "throughput_rps",
                 "latency_ms", "errors", "histogram" })
            QVERIFY2(overall.contains(QLatin1String(key)), key);
        const QJsonObject latency = overall.value(QStringLiteral("latency_ms")).toObject();
        for (const char* key : { "min", "mean", "p50", "p90", "p95", "p99", "p999", "max" })
            QVERIFY2(latency.contains(QLatin1String(key)), key);
        const QJsonObject type = o.value(QStringLiteral("request_types")).toArray().first().toObject();
        for (const char* key : { "name", "method", "path" })
            QVERIFY2(type.contains(QLatin1String(key)), key);
        // The timeline's columns have the names its rows had.
        const QJsonObject columns = o.value(QStringLiteral("timeline")).toObject();
        for (const char* key :
            { "t_s", "requests", "successes", "errors", "timeouts", "rps", "p50_ms", "p95_ms", "p99_ms", "in_flight" })
            QVERIFY2(columns.value(QLatin1String(key)).isArray(), key);
        const QJsonObject chat
            = columns.value(QStringLiteral("by_type")).toObject().value(QStringLiteral("chat")).toObject();
        for (const char* key : { "requests", "successes", "errors", "timeouts", "p50_ms", "p95_ms", "p99_ms" })
            QVERIFY2(chat.value(QLatin1String(key)).toArray().size() == 1, key);
        const QJsonObject sys = o.value(QStringLiteral("system")).toObject();
        for (const char* key :
            { "source", "pid", "interval_s", "samples", "memory_growth_mb", "memory_slope_mb_per_min" })
            QVERIFY2(sys.contains(QLatin1String(key)), key);
        // The samples in columns too, under the names a sample had.
        const QJsonObject samples = sys.value(QStringLiteral("samples")).toObject();
        for (const char* key : { "t_s", "cpu_percent", "memory_mb", "memory_percent" })
            QVERIFY2(samples.value(QLatin1String(key)).toArray().size() == sampleReport().system.samples.size(), key);
        QCOMPARE(o.value(QStringLiteral("latency_windows")).toObject().value(QStringLiteral("window_s")).toInt(), 5);
        QCOMPARE(overall.value(QStringLiteral("errors")).toObject().value(QStringLiteral("HTTP 503")).toInt(), 50);
    }

    void rejectsForeignAndBrokenFiles_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        const QByteArray good = sampleReport().toJsonBytes();
        QTest::addRow("truncated") << good.left(good.size() / 2) << QStringLiteral("truncated");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("not a Stressdeck report");
        QTest::addRow("foreign json") << QByteArrayLiteral("{\"hello\": 1}") << QStringLiteral("no \"schema\"");
        QTest::addRow("array") << QByteArrayLiteral("[]") << QStringLiteral("no \"schema\"");
        QByteArray future = good;
        future.replace("stressdeck-report/1", "stressdeck-report/9");
        QTest::addRow("unknown schema") << future
                                        << QStringLiteral("unsupported report schema \"stressdeck-report/9\"");
        QJsonObject missing = QJsonDocument::fromJson(good).object();
        missing.remove(QStringLiteral("overall"));
        QTest::addRow("missing field") << QJsonDocument(missing).toJson() << QStringLiteral("\"overall\" is missing");
        QJsonObject wrongType = QJsonDocument::fromJson(good).object();
        QJsonObject cfg = wrongType.value(QStringLiteral("config")).toObject();
        cfg.insert(QStringLiteral("concurrency"), QStringLiteral("many"));
        wrongType.insert(QStringLiteral("config"), cfg);
        QTest::addRow("wrong type") << QJsonDocument(wrongType).toJson() << QStringLiteral("config.concurrency");
        QJsonObject badCounts = QJsonDocument::fromJson(good).object();
        QJsonObject overall = badCounts.value(QStringLiteral("overall")).toObject();
        overall.insert(QStringLiteral("total"), 3);
        badCounts.insert(QStringLiteral("overall"), overall);
        QTest::addRow("inconsistent counts") << QJsonDocument(badCounts).toJson() << QStringLiteral("do not add up");
        QJsonObject badWindow = QJsonDocument::fromJson(good).object();
        QJsonObject windows = badWindow.value(QStringLiteral("latency_windows")).toObject();
        QJsonArray list = windows.value(QStringLiteral("windows")).toArray();
        QJsonObject second = list[1].toObject();
        QJsonObject all = second.value(QStringLiteral("all")).toObject();
        all.insert(QStringLiteral("errors"), 5);
        second.insert(QStringLiteral("all"), all);
        list[1] = second;
        windows.insert(QStringLiteral("windows"), list);
        badWindow.insert(QStringLiteral("latency_windows"), windows);
        QTest::addRow("window counts") << QJsonDocument(badWindow).toJson()
                                       << QStringLiteral("latency_windows.windows[1].all");
        QJsonObject coarser = QJsonDocument::fromJson(good).object();
        windows = coarser.value(QStringLiteral("latency_windows")).toObject();
        windows.insert(QStringLiteral("sub_bucket_count"), 64);
        coarser.insert(QStringLiteral("latency_windows"), windows);
        QTest::addRow("window layout") << QJsonDocument(coarser).toJson()
                                       << QStringLiteral("unknown histogram encoding");
    }

    void refusesBadColumnsNamingThem_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::addRow("too short") << QStringLiteral("p95_ms") << QJsonValue(QJsonArray {})
                                   << QStringLiteral("\"timeline.p95_ms\" has 0 values where \"timeline.t_s\" has 1");
        QTest::addRow("not a number") << QStringLiteral("chat.p99_ms") << QJsonValue(QJsonArray { QStringLiteral("x") })
                                      << QStringLiteral("\"timeline.by_type.chat.p99_ms[0]\" must be a number");
        QTest::addRow("negative count") << QStringLiteral("requests") << QJsonValue(QJsonArray { -1 })
                                        << QStringLiteral("\"timeline.requests[0]\" must be a count");
        QTest::addRow("a fraction of a request") << QStringLiteral("in_flight") << QJsonValue(QJsonArray { 1.5 })
                                                 << QStringLiteral("\"timeline.in_flight[0]\" must be a count");
        QTest::addRow("not an array") << QStringLiteral("t_s") << QJsonValue(3)
                                      << QStringLiteral("\"timeline.t_s\" has the wrong type");
        QTest::addRow("missing") << QStringLiteral("rps") << QJsonValue(QJsonValue::Undefined)
                                 << QStringLiteral("\"timeline.rps\" is missing");
        QTest::addRow("neither rows nor columns")
            << QString() << QJsonValue(QStringLiteral("columns")) << QStringLiteral("\"timeline\" has the wrong type");
    }

    void refusesBadColumnsNamingThem()
    {
        QFETCH(QString, column);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject root = sampleReport().toJson();
        QJsonObject columns = root.value(QStringLiteral("timeline")).toObject();
        if (column.isEmpty()) {
            root.insert(QStringLiteral("timeline"), value);
        } else {
            if (column.startsWith(QLatin1String("chat."))) {
                QJsonObject byType = columns.value(QStringLiteral("by_type")).toObject();
                QJsonObject chat = byType.value(QStringLiteral("chat")).toObject();
                chat.insert(column.mid(5), value);
                byType.insert(QStringLiteral("chat"), chat);
                columns.insert(QStringLiteral("by_type"), byType);
            } else if (value.isUndefined()) {
                columns.remove(column);
            } else {
                columns.insert(column, value);
            }
            root.insert(QStringLiteral("timeline"), columns);
        }
        Report r;
        QString error;
        QVERIFY(!Report::fromJson(QJsonDocument(root).toJson(), QStringLiteral("x.json"), &r, &error));
        QVERIFY2(error.startsWith(QLatin1String("x.json: not a valid Stressdeck report")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void refusesBadSamplesAndWindowsNamingThem_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::addRow("a sample column too short")
            << QStringLiteral("system.samples.memory_mb") << QJsonValue(QJsonArray { 1 })
            << QStringLiteral("\"system.samples.memory_mb\" has 1 values where \"system.samples.t_s\" has 2");
        QTest::addRow("a sample not a number")
            << QStringLiteral("system.samples.cpu_percent") << QJsonValue(QJsonArray { 1, QStringLiteral("x") })
            << QStringLiteral("\"system.samples.cpu_percent[1]\" must be a number");
        QTest::addRow("a sample column missing")
            << QStringLiteral("system.samples.t_s") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("\"system.samples.t_s\" is missing");
        QTest::addRow("windows of 7 s") << QStringLiteral("latency_windows.window_s") << QJsonValue(7)
                                        << QStringLiteral(
                                               "\"latency_windows.window_s\" must be 5 s times a power of two");
        QTest::addRow("windows of no length")
            << QStringLiteral("latency_windows.window_s") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("\"latency_windows.window_s\" is missing");
    }

    void refusesBadSamplesAndWindowsNamingThem()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject root = sampleReport().toJson();
        const QStringList path = field.split(QLatin1Char('.'));
        // Sets root.a.b(.c) = value, or removes it.
        std::function<QJsonObject(QJsonObject, qsizetype)> set = [&](QJsonObject o, qsizetype i) {
            if (i == path.size() - 1) {
                if (value.isUndefined())
                    o.remove(path[i]);
                else
                    o.insert(path[i], value);
            } else {
                o.insert(path[i], set(o.value(path[i]).toObject(), i + 1));
            }
            return o;
        };
        root = set(root, 0);
        Report r;
        QString error;
        QVERIFY(!Report::fromJson(QJsonDocument(root).toJson(), QStringLiteral("x.json"), &r, &error));
        QVERIFY2(error.startsWith(QLatin1String("x.json: not a valid Stressdeck report")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void longerWindowsRoundTrip()
    {
        Report r = sampleReport();
        QVERIFY(!r.latencyWindows.isEmpty());
        r.windowS = 640;
        Report back;
        QString error;
        QVERIFY2(Report::fromJson(r.toJsonBytes(), QStringLiteral("r.json"), &back, &error), qPrintable(error));
        QCOMPARE(back.windowS, 640);
        QVERIFY(back == r);
    }

    void rejectsForeignAndBrokenFiles()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        Report r;
        QString error;
        QVERIFY(!Report::fromJson(data, QStringLiteral("x.json"), &r, &error));
        QVERIFY2(error.startsWith(QLatin1String("x.json")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void saveIntoAMissingDirectoryFails()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!sampleReport().save(dir.filePath(QStringLiteral("missing/dir/r.json")), &error));
        QVERIFY2(error.contains(QLatin1String("missing/dir/r.json: cannot write")), qPrintable(error));
    }

    void failedSaveKeepsTheOldFile_data()
    {
        // A run's report is larger than QSaveFile's 16 KiB write buffer and goes straight to the
        // file, where a full disk shows as a short write; a report of no requests stays in the
        // buffer until the commit flushes it.
        QTest::addColumn<bool>("empty");
        QTest::addColumn<double>("room");
        QTest::addRow("disk full halfway") << false << 0.5;
        QTest::addRow("last bytes do not fit") << false << 0.999;
        QTest::addRow("empty report, disk full halfway") << true << 0.5;
    }

    void failedSaveKeepsTheOldFile()
    {
        QFETCH(bool, empty);
        QFETCH(double, room);
        Report r = sampleReport();
        for (int t = 2; t <= 300; ++t) { // five minutes of seconds
            r.timeline.append(r.timeline.first());
            r.timeline.last().tS = t;
        }
        if (empty) {
            r = Report {};
            r.startedAt = r.finishedAt = sampleReport().startedAt;
        }
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("r.json"));
        QString error;
        QVERIFY2(r.save(file, &error), qPrintable(error));
        Report back;
        QVERIFY2(Report::load(file, &back, &error), qPrintable(error));
        QVERIFY(back == r);
        QFile old(file);
        QVERIFY(old.open(QIODevice::ReadOnly));
        const QByteArray oldBytes = old.readAll();
        old.close();

        Report changed = r;
        changed.elapsedS = 99;
        const QByteArray newBytes = changed.toJsonBytes();
        QVERIFY(newBytes != oldBytes);
        QCOMPARE(newBytes.size() > 16 * 1024, !empty); // each row takes the path it is named for
        error.clear();
        bool saved = false;
        {
            const FileSizeLimit full(qint64(double(newBytes.size()) * room));
            saved = changed.save(file, &error);
        }
        QVERIFY2(!saved,
            qPrintable(QStringLiteral("reported as saved; %1 now holds %2 of %3 bytes")
                           .arg(file)
                           .arg(QFileInfo(file).size())
                           .arg(newBytes.size())));
        QVERIFY2(error.contains(file + QLatin1String(": cannot write")), qPrintable(error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), oldBytes);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("r.json") });
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
