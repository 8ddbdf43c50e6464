// SPDX-License-Identifier: MIT

#include "analysis.h"

#include <QTest>

#include "testhelpers.h"

using namespace Stressdeck;
using Stressdeck::Testing::criterion;

namespace {

Report healthyReport()
{
    Report r;
    r.overall.total = 100;
    r.overall.success = 100;
    r.overall.successRatePct = 100;
    for (int i = 0; i < 5; ++i)
        r.system.samples.append({ double(i * 5), 10, 100.0 + i * 0.1, 1 });
    StatsSummary chat;
    chat.name = QStringLiteral("chat");
    chat.total = chat.success = 100;
    chat.latency.p95 = 50;
    r.requestTypes.append(chat);
    for (int t = 1; t <= 20; ++t) {
        TimelineRow row;
        row.tS = t;
        row.all.requests = 5;
        row.inFlight = 2;
        r.timeline.append(row);
    }
    return r;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthyRunPassesAllFive()
    {
        Report r = healthyReport();
        Analysis::analyse(&r);
        QCOMPARE(r.criteria.size(), 5);
        for (const Criterion& c : r.criteria)
            QVERIFY2(c.passed, qPrintable(c.id + QLatin1String(": ") + c.detail));
        QVERIFY(r.passed);
        QCOMPARE(r.criteria[0].id, QStringLiteral("no_deadlocks"));
        QCOMPARE(r.criteria[4].id, QStringLiteral("bottleneck_analysis"));
    }

    void memoryTrendIsLeastSquares()
    {
        QList<SystemSample> samples;
        for (int i = 0; i <= 10; ++i)
            samples.append({ i * 6.0, 0, 100.0 + i * 2.0, 0 }); // +2 MB every 6 s = 20 MB/min
        const auto trend = Analysis::memoryTrend(samples);
        QCOMPARE(trend.growthMb, 20.0);
        QVERIFY(std::abs(trend.slopeMbPerMin - 20.0) < 1e-9);
    }

    void leakFailsTheMemoryCriterion()
    {
        Report r = healthyReport();
        r.system.samples.last().memoryMb = 250;
        Analysis::analyse(&r);
        QVERIFY(!criterion(r, "no_memory_leak").passed);
        QVERIFY(!r.passed);
        r.config.thresholds.leakMb = 200;
        Analysis::analyse(&r);
        QVERIFY(criterion(r, "no_memory_leak").passed);
    }

    void noSamplesFailsMetricsAndLeak()
    {
        Report r = healthyReport();
        r.system.samples.clear();
        Analysis::analyse(&r);
        QVERIFY(!criterion(r, "metrics_collected").passed);
        QVERIFY(!criterion(r, "no_memory_leak").passed);
    }

    void successRateThreshold()
    {
        Report r = healthyReport();
        r.overall.success = 94;
        r.overall.failure = 6;
        r.overall.successRatePct = 94;
        Analysis::analyse(&r);
        QVERIFY(!criterion(r, "success_rate").passed);
        r.overall.successRatePct = 95;
        Analysis::analyse(&r);
        QVERIFY(criterion(r, "success_rate").passed);
    }

    void stallsAndStuckRequestsAreDeadlocks()
    {
        Report r = healthyReport();
        for (int t = 5; t < 17; ++t)
            r.timeline[t].all.requests = 0;
        Analysis::analyse(&r);
        QCOMPARE(r.stalls.size(), 1);
        QCOMPARE(r.stalls[0].fromS, 5.0);
        QCOMPARE(r.stalls[0].toS, 17.0);
        QVERIFY(!criterion(r, "no_deadlocks").passed);

        Report shortStall = healthyReport();
        for (int t = 5; t < 10; ++t)
            shortStall.timeline[t].all.requests = 0;
        Analysis::analyse(&shortStall);
        QVERIFY(shortStall.stalls.isEmpty());

        Report stuck = healthyReport();
        stuck.stuckRequests = 3;
        Analysis::analyse(&stuck);
        QVERIFY(!criterion(stuck, "no_deadlocks").passed);
        QVERIFY(criterion(stuck, "no_deadlocks").detail.contains(QLatin1String("3")));
    }

    void bottlenecksFailTheirCriterion()
    {
        Report r = healthyReport();
        StatsSummary& chat = r.requestTypes[0];
        chat.timeouts = 20;
        chat.failure = 30;
        chat.success = 70;
        chat.latency.p95 = 12000;
        Analysis::analyse(&r);
        QStringList kinds;
        for (const Bottleneck& b : r.bottlenecks)
            kinds << b.kind;
        QCOMPARE(kinds,
            QStringList(
                { QStringLiteral("timeout_rate"), QStringLiteral("p95_latency"), QStringLiteral("error_rate") }));
        QCOMPARE(r.bottlenecks[0].value, 20.0);
        QVERIFY(r.bottlenecks[0].message.contains(QLatin1String("chat has high timeout rate (20.0%)")));
        QVERIFY(!criterion(r, "bottleneck_analysis").passed);
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
