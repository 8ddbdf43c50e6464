// SPDX-License-Identifier: MIT

#include "capacitystep.h"

#include <QTest>

using namespace Stressdeck;

namespace {

//! A window of `requests` (of which `errors` failed) with every success at `latencyMs`.
LatencyWindow window(double endS, double lengthS, qint64 requests, qint64 errors, double latencyMs)
{
    LatencyWindow w;
    w.tS = endS;
    w.lengthS = lengthS;
    w.all.requests = requests;
    w.all.errors = errors;
    w.all.latency.record(std::int64_t(latencyMs * 1e6), requests - errors);
    w.byType.insert(QStringLiteral("chat"), w.all);
    return w;
}

TimelineRow row(double endS, qint64 completed, qint64 inFlight)
{
    TimelineRow r;
    r.tS = endS;
    r.all.requests = completed;
    r.rps = double(completed);
    r.inFlight = inFlight;
    return r;
}

Slo slo(const char* text)
{
    QString error;
    return *Slo::parse(QLatin1String(text), &error);
}

} // namespace

class TestCapacityStep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void judgesAfterTheWarmup()
    {
        Report r;
        r.config.durationS = 30;
        // The first window (in the 6 s warm-up) is slow; the rest is fast.
        r.latencyWindows = { window(5, 5, 100, 50, 5000), window(10, 5, 100, 0, 40), window(15, 5, 100, 0, 40),
            window(20, 5, 100, 0, 40), window(25, 5, 100, 0, 40), window(30, 5, 100, 0, 40) };
        for (int s = 1; s <= 32; ++s)
            r.timeline.append(row(s, s <= 6 ? 1 : 20, 3));
        r.timeline[29].tS = 30.004; // the last second of the load absorbed the drain's first moments
        r.timeline[30].tS = 31;
        const CapacityStepResult m = measureCapacityStep(r, slo("p95<100ms,errors<1%,chat.p99<100ms"));
        QVERIFY(m.sloPassed);
        QVERIFY(m.sloDetail.isEmpty());
        QCOMPARE(m.errorPct, 0.0);
        QVERIFY(m.p95Ms > 35 && m.p95Ms < 45);
        // Rows starting at 6 s or later and ending by 30 s: 24 of them, none of the drain after the load.
        QCOMPARE(m.inFlight.size(), 24);
        QCOMPARE(m.achievedRps, 480 / 24.004);
    }

    void achievedRate_data()
    {
        QTest::addColumn<QList<qint64>>("inFlight");
        QTest::addColumn<qint64>("completedPerSecond");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // 20 s of load, 4 s warm-up: rows 5 to 20 are judged.
        QList<qint64> growing;
        QList<qint64> wandering;
        for (int s = 1; s <= 20; ++s) {
            growing.append(10 * s); // 10 more in flight every second: arrivals 90/s, completions 80/s
            wandering.append(s == 20 ? 30 : (s % 2 ? 5 : 15)); // a stable queue that ends on a high
        }
        QTest::addRow("a growing queue keeps its shortfall") << growing << qint64(80) << 79.0 << 81.0;
        QTest::addRow("a wandering queue is not short") << wandering << qint64(50) << 49.0 << 52.0;
    }

    void achievedRate()
    {
        QFETCH(QList<qint64>, inFlight);
        QFETCH(qint64, completedPerSecond);
        QFETCH(double, low);
        QFETCH(double, high);
        Report r;
        r.config.durationS = 20;
        for (int s = 1; s <= 20; ++s)
            r.timeline.append(row(s, completedPerSecond, inFlight[s - 1]));
        const CapacityStepResult m = measureCapacityStep(r, slo("p95<1s"));
        QCOMPARE(m.inFlight.size(), 16);
        QVERIFY2(m.achievedRps >= low && m.achievedRps <= high, qPrintable(QString::number(m.achievedRps)));
    }

    void aTypedTermUsesItsType()
    {
        Report r;
        r.config.durationS = 30;
        LatencyWindow w = window(30, 5, 100, 0, 40);
        w.byType[QStringLiteral("chat")].latency = {};
        w.byType[QStringLiteral("chat")].latency.record(900'000'000, 100);
        r.latencyWindows = { w };
        const CapacityStepResult m = measureCapacityStep(r, slo("chat.p95<800ms"));
        QVERIFY(!m.sloPassed);
        QVERIFY2(m.sloDetail.contains(QLatin1String("chat")), qPrintable(m.sloDetail));
        QVERIFY(measureCapacityStep(r, slo("p95<800ms")).sloPassed);
    }

    void streamTermsUseTheStreamingBlocks()
    {
        Report r;
        r.config.durationS = 10;
        r.latencyWindows = { window(5, 5, 100, 0, 400), window(10, 5, 100, 0, 400) };
        StatsSummary chat;
        chat.name = QStringLiteral("chat");
        chat.streaming = StreamingSummary {};
        chat.streaming->ttft = { 10, 200, 190, 240, 250, 260, 270, 280 };
        chat.streaming->tpot = { 1, 20, 20, 24, 25, 26, 27, 28 };
        r.requestTypes = { chat };
        r.overall.streaming = chat.streaming;
        r.overall.streaming->ttft.p95 = 600; // the overall figure is another one
        const CapacityStepResult typed = measureCapacityStep(r, slo("chat.ttft_p95<300ms,chat.tpot_p95<30ms"));
        QVERIFY2(typed.sloPassed, qPrintable(typed.sloDetail));
        const CapacityStepResult overall = measureCapacityStep(r, slo("ttft_p95<300ms,tpot_p95<30ms"));
        QVERIFY(!overall.sloPassed);
        QVERIFY2(overall.sloDetail.contains(QLatin1String("ttft_p95")), qPrintable(overall.sloDetail));
        QVERIFY2(!overall.sloDetail.contains(QLatin1String("tpot_p95")), qPrintable(overall.sloDetail));
        QVERIFY(!measureCapacityStep(r, slo("chat.tpot_p95<25ms")).sloPassed);
        // No stream figures (a type that does not stream, or no stream finished): not met.
        r.requestTypes.first().streaming.reset();
        r.overall.streaming.reset();
        const CapacityStepResult none = measureCapacityStep(r, slo("ttft_p95<10s"));
        QVERIFY(!none.sloPassed);
        QVERIFY2(none.sloDetail.contains(QLatin1String("no data")), qPrintable(none.sloDetail));
    }

    void aShortStepIsJudgedOnItsOneWindow()
    {
        Report r;
        r.config.durationS = 4;
        r.latencyWindows = { window(4, 4, 80, 0, 50) };
        const CapacityStepResult m = measureCapacityStep(r, slo("p95<100ms"));
        QVERIFY(m.sloPassed);
        QVERIFY(m.p50Ms > 45 && m.p50Ms < 55);
    }

    void nothingCompletedIsNotMet()
    {
        Report r;
        r.config.durationS = 10;
        const CapacityStepResult m = measureCapacityStep(r, slo("p95<100ms"));
        QVERIFY(!m.sloPassed);
        QCOMPARE(m.achievedRps, 0.0);
    }

    void summaryLine()
    {
        CapacitySearch search({ 20, 400, 2, 0.05, 0.95 });
        CapacityStepResult pass;
        pass.achievedRps = 20;
        search.report(pass);
        CapacityStepResult fail;
        fail.achievedRps = 40;
        fail.sloPassed = false;
        fail.sloDetail = QStringLiteral("p95 1.90 s ≥ 500.0 ms");
        search.report(fail);
        while (!search.isDone()) {
            CapacityStepResult step;
            step.achievedRps = *search.nextRate();
            step.sloPassed = *search.nextRate() < 30;
            search.report(step);
        }
        const QString line = capacitySummaryLine(search.result(), slo("p95<500ms,errors<1%"), 20, false);
        QVERIFY2(line.startsWith(QLatin1String("Sustains ")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("with p95 < 500 ms and errors < 1 %")), qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("(first failure at ")), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestCapacityStep)
#include "tst_capacitystep.moc"
