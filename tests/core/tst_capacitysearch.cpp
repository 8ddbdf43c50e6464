// SPDX-License-Identifier: MIT

#include "capacitysearch.h"
#include "concurrencysearch.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <functional>

using namespace Stressdeck;

namespace {

//! How the simulated service shows that a rate is above its capacity.
enum class Overload { Slo, Queue, Shortfall };

//! A service with capacity `capacity` req/s, judged over 20 in-flight samples a second apart.
class FakeService {
public:
    FakeService(double capacity, Overload overload, quint32 seed)
        : m_capacity(capacity)
        , m_overload(overload)
        , m_random(seed)
    {
    }

    CapacityStepResult run(double rate)
    {
        CapacityStepResult step;
        const bool over = rate > m_capacity;
        // Below capacity the achieved rate is up to 3 % short of the schedule (sampling noise).
        step.achievedRps = std::min(rate, m_capacity) * (1 - 0.03 * m_random.generateDouble());
        const double base = 10;
        for (int i = 0; i < 20; ++i) {
            const double growth = over && m_overload == Overload::Queue ? (rate - m_capacity) * i : 0;
            step.inFlight.append(std::max(0.0, base + growth + noise(2)));
        }
        step.p95Ms = over ? 5000 : 100;
        step.sloPassed = !(over && m_overload == Overload::Slo);
        if (!step.sloPassed)
            step.sloDetail = QStringLiteral("p95 5.00 s ≥ 500.0 ms");
        return step;
    }

private:
    double noise(double amplitude) { return (m_random.generateDouble() * 2 - 1) * amplitude; }

    double m_capacity;
    Overload m_overload;
    QRandomGenerator m_random;
};

CapacityResult search(CapacitySearch& search, const std::function<CapacityStepResult(double)>& run)
{
    int guard = 0;
    while (const auto rate = search.nextRate()) {
        if (++guard > 200)
            qFatal("the search does not end");
        search.report(run(*rate));
    }
    return search.result();
}

QList<double> linear(double start, double perSample, int n, double noise, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<double> samples;
    for (int i = 0; i < n; ++i)
        samples.append(start + perSample * i + (random.generateDouble() * 2 - 1) * noise);
    return samples;
}

} // namespace

Q_DECLARE_METATYPE(Overload)

class TestCapacitySearch : public QObject {
    Q_OBJECT
private:
    static Stressdeck::ConcurrencyStep closedStep(double throughputRps, bool sloPassed = true)
    {
        ConcurrencyStep step;
        step.throughputRps = throughputRps;
        step.sloPassed = sloPassed;
        return step;
    }

private Q_SLOTS:
    void findsTheCapacity_data()
    {
        QTest::addColumn<double>("capacity");
        QTest::addColumn<double>("start");
        QTest::addColumn<Overload>("overload");
        for (double capacity : { 80.0, 137.0, 999.0, 4321.0 }) {
            for (double start : { 5.0, 50.0 }) {
                QTest::addRow("C=%g from %g, SLO", capacity, start) << capacity << start << Overload::Slo;
                QTest::addRow("C=%g from %g, queue", capacity, start) << capacity << start << Overload::Queue;
            }
        }
    }
    void findsTheCapacity()
    {
        QFETCH(double, capacity);
        QFETCH(double, start);
        QFETCH(Overload, overload);
        for (quint32 seed = 1; seed <= 20; ++seed) {
            FakeService service(capacity, overload, seed);
            CapacitySearch s({ start, 100000, 1.5, 0.05, 0.95 });
            const int firstEstimate = s.estimatedTotalSteps();
            const CapacityResult result = search(s, [&](double rate) { return service.run(rate); });
            QCOMPARE(result.outcome, CapacityResult::Outcome::Found);
            QVERIFY(result.maxSustainableRps && result.firstFailingRps);
            const double good = *result.maxSustainableRps;
            const double bad = *result.firstFailingRps;
            // The simulated queue grows by (rate − C) a sample from 10; below about 0.35 a sample
            // its rise is under half its level, which the detector leaves to the SLO. A failing
            // SLO is exact.
            const double above = overload == Overload::Queue ? 0.35 : 0.0;
            QVERIFY2(good <= capacity + above, qPrintable(QStringLiteral("%1 > %2").arg(good).arg(capacity)));
            QVERIFY2(good >= capacity / 1.05, qPrintable(QStringLiteral("%1 < %2 / 1.05").arg(good).arg(capacity)));
            QVERIFY(bad > good);
            QVERIFY((bad - good) / good <= 0.05);
            QVERIFY(s.isDone());
            QVERIFY(!s.nextRate());
            QCOMPARE(s.estimatedTotalSteps(), int(result.steps.size()));
            QVERIFY(firstEstimate >= int(result.steps.size()));
            for (const CapacityStep& step : result.steps) {
                QCOMPARE(step.passed, step.measured.rateRps <= good || step.measured.rateRps < bad);
                QCOMPARE(step.passed, step.reason.isEmpty());
            }
        }
    }

    void estimateIsAnUpperBoundThroughout()
    {
        FakeService service(333, Overload::Slo, 7);
        CapacitySearch s({ 10, 1000, 1.5, 0.05, 0.95 });
        // Rates 10, 15, …, 865, 1000 are 13 growth steps; one bisection of ×1.5 down to 5 % is 4.
        QCOMPARE(s.estimatedTotalSteps(), 17);
        QList<int> estimates;
        while (const auto rate = s.nextRate()) {
            estimates.append(s.estimatedTotalSteps());
            s.report(service.run(*rate));
        }
        const int total = s.stepsDone();
        for (int estimate : std::as_const(estimates))
            QVERIFY2(estimate >= total, qPrintable(QStringLiteral("%1 < %2").arg(estimate).arg(total)));
        QVERIFY(estimates.last() == total); // the last bisection probe knew it was the last
    }

    void startRateFails()
    {
        FakeService service(20, Overload::Slo, 3);
        CapacitySearch s({ 50, 1000, 1.5, 0.05, 0.95 });
        const CapacityResult result = search(s, [&](double rate) { return service.run(rate); });
        QCOMPARE(result.outcome, CapacityResult::Outcome::NotFound);
        QCOMPARE(result.steps.size(), 1);
        QVERIFY(!result.maxSustainableRps);
        QCOMPARE(result.firstFailingRps, 50.0);
        QCOMPARE(result.steps[0].failures & int(StepFailure::Slo), int(StepFailure::Slo));
        QCOMPARE(result.steps[0].reason,
            QStringLiteral("p95 5.00 s ≥ 500.0 ms; achieved %1 req/s of 50.0 scheduled")
                .arg(result.steps[0].measured.achievedRps, 0, 'f', 1));
        QCOMPARE(s.estimatedTotalSteps(), 1);
    }

    void maxRateReached()
    {
        FakeService service(1e9, Overload::Slo, 4);
        CapacitySearch s({ 10, 1000, 1.5, 0.05, 0.95 });
        const CapacityResult result = search(s, [&](double rate) { return service.run(rate); });
        QCOMPARE(result.outcome, CapacityResult::Outcome::AboveMax);
        QCOMPARE(result.maxSustainableRps, 1000.0);
        QVERIFY(!result.firstFailingRps);
        QCOMPARE(result.steps.size(), 13);
        QCOMPARE(result.steps.last().measured.rateRps, 1000.0);
        QCOMPARE(result.steps[1].measured.rateRps, 15.0);
    }

    void shortfallFailsAStep()
    {
        // A service that simply serves no more than C (no queue, SLO met) is caught by the
        // achieved rate alone, so the answer lies between C and C ÷ 0.95.
        const double capacity = 200;
        FakeService service(capacity, Overload::Shortfall, 5);
        CapacitySearch s({ 10, 10000, 1.5, 0.05, 0.95 });
        const CapacityResult result = search(s, [&](double rate) { return service.run(rate); });
        QCOMPARE(result.outcome, CapacityResult::Outcome::Found);
        QVERIFY(*result.maxSustainableRps >= capacity / 1.05);
        QVERIFY(*result.maxSustainableRps <= capacity / 0.95);
        bool sawShortfall = false;
        for (const CapacityStep& step : result.steps) {
            if (step.failures == int(StepFailure::Shortfall)) {
                sawShortfall = true;
                QVERIFY(step.reason.startsWith(QStringLiteral("achieved ")));
            }
        }
        QVERIFY(sawShortfall);
    }

    void queueFailsAStep()
    {
        CapacitySearch s({ 100, 1000, 1.5, 0.05, 0.95 });
        CapacityStepResult step;
        step.achievedRps = 100;
        step.inFlight = linear(10, 5, 20, 2, 1);
        s.report(step);
        const CapacityStep& judged = s.result().steps.last();
        QVERIFY(!judged.passed);
        QCOMPARE(judged.failures, int(StepFailure::QueueGrowing));
        QVERIFY2(
            judged.reason.startsWith(QStringLiteral("requests in flight kept growing (+9")), qPrintable(judged.reason));
        QCOMPARE(s.result().outcome, CapacityResult::Outcome::NotFound);
    }

    void growthDetector_data()
    {
        QTest::addColumn<QList<double>>("samples");
        QTest::addColumn<bool>("growing");
        QTest::addRow("unbounded queue") << linear(10, 3, 20, 2, 1) << true;
        QTest::addRow("slight overload") << linear(10, 1, 24, 2, 2) << true;
        QTest::addRow("overload from empty") << linear(0, 0.5, 30, 0.5, 3) << true;
        for (quint32 seed = 1; seed <= 20; ++seed) {
            // Arrivals minus services: a random walk with a drift of 5 requests a sample.
            QRandomGenerator random(500 + seed);
            QList<double> samples;
            double level = 20;
            for (int i = 0; i < 24; ++i) {
                level += 5 + (random.generateDouble() * 2 - 1) * 6;
                samples.append(level);
            }
            QTest::addRow("random walk with drift %u", seed) << samples << true;
        }
        QTest::addRow("flat") << QList<double>(20, 5.0) << false;
        QTest::addRow("slow drift") << linear(100, 0.1, 20, 0.05, 4) << false;
        QTest::addRow("tiny queue") << linear(0, 0.05, 20, 0, 5) << false;
        QTest::addRow("too few samples") << QList<double> { 1, 20, 40, 60 } << false;
        QTest::addRow("falling") << linear(100, -3, 20, 1, 6) << false;
        QTest::addRow("burst at the start") << QList<double> { 40, 30, 20, 12, 10, 10, 11, 9, 10, 10, 10, 9 } << false;
        for (quint32 seed = 1; seed <= 50; ++seed)
            QTest::addRow("noise %u", seed) << linear(30, 0, 20, 10, 100 + seed) << false;
        // A bounded but strongly autocorrelated level (a busy M/M/c queue): wanders, never runs away.
        for (quint32 seed = 1; seed <= 50; ++seed) {
            QRandomGenerator random(1000 + seed);
            QList<double> samples;
            double level = 40;
            for (int i = 0; i < 24; ++i) {
                level = 40 + 0.7 * (level - 40) + (random.generateDouble() * 2 - 1) * 6;
                samples.append(level);
            }
            QTest::addRow("wandering %u", seed) << samples << false;
        }
        // Slower still and low: a wander over the whole window that only the autocorrelation
        // correction tells from a trend.
        for (quint32 seed = 1; seed <= 50; ++seed) {
            QRandomGenerator random(2000 + seed);
            QList<double> samples;
            double level = 12;
            for (int i = 0; i < 24; ++i) {
                level = 12 + 0.9 * (level - 12) + (random.generateDouble() * 2 - 1) * 4;
                samples.append(std::max(0.0, level));
            }
            QTest::addRow("slow wander %u", seed) << samples << false;
        }
    }
    void growthDetector()
    {
        QFETCH(QList<double>, samples);
        QFETCH(bool, growing);
        const InFlightTrend trend = CapacitySearch::inFlightTrend(samples);
        QVERIFY2(trend.growing == growing,
            qPrintable(QStringLiteral("t %1, rise %2, mean %3").arg(trend.tStatistic).arg(trend.rise).arg(trend.mean)));
    }

    void trendFigures()
    {
        const InFlightTrend trend = CapacitySearch::inFlightTrend({ 1, 3, 5, 7, 9 });
        QCOMPARE(trend.mean, 5.0);
        QCOMPARE(trend.slope, 2.0);
        QCOMPARE(trend.rise, 8.0);
        QVERIFY(std::isinf(trend.tStatistic));
        QVERIFY(trend.growing);
        QCOMPARE(CapacitySearch::inFlightTrend({}).growing, false);
    }

    void bisectionSteps()
    {
        QCOMPARE(CapacitySearch::bisectionSteps(0.5, 0.05), 4);
        QCOMPARE(CapacitySearch::bisectionSteps(0.05, 0.05), 0);
        QCOMPARE(CapacitySearch::bisectionSteps(0.1, 0.05), 1);
        QCOMPARE(CapacitySearch::bisectionSteps(0.11, 0.05), 2);
    }

    void validate()
    {
        QString error;
        QVERIFY(CapacitySearch::validate({ 10, 1000, 1.5, 0.05, 0.95 }, &error));
        QVERIFY(!CapacitySearch::validate({ 0, 1000, 1.5, 0.05, 0.95 }, &error));
        QVERIFY(!CapacitySearch::validate({ 10, 5, 1.5, 0.05, 0.95 }, &error));
        QCOMPARE(error, QStringLiteral("max rate: must not be below the start rate"));
        QVERIFY(!CapacitySearch::validate({ 10, 1000, 1.0, 0.05, 0.95 }, &error));
        QVERIFY(!CapacitySearch::validate({ 10, 1000, 1.5, 0, 0.95 }, &error));
    }

    void json()
    {
        FakeService service(100, Overload::Slo, 9);
        CapacitySearch s({ 50, 1000, 1.5, 0.05, 0.95 });
        const CapacityResult result = search(s, [&](double rate) { return service.run(rate); });
        const QJsonObject json = result.toJson();
        QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("found"));
        QCOMPARE(json.value(QLatin1String("max_sustainable_rps")).toDouble(), *result.maxSustainableRps);
        QCOMPARE(json.value(QLatin1String("first_failing_rps")).toDouble(), *result.firstFailingRps);
        const QJsonArray steps = json.value(QLatin1String("steps")).toArray();
        QCOMPARE(steps.size(), result.steps.size());
        const QJsonObject first = steps[0].toObject();
        QCOMPARE(first.value(QLatin1String("rate_rps")).toDouble(), 50.0);
        QCOMPARE(first.value(QLatin1String("passed")).toBool(), true);
        for (const char* key :
            { "achieved_rps", "p50_ms", "p95_ms", "p99_ms", "error_pct", "in_flight_growth", "reason" })
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(steps[2].toObject().value(QLatin1String("passed")).toBool(), false); // 112.5 req/s
        QCOMPARE(steps[2].toObject().value(QLatin1String("reason")).toString(),
            QStringLiteral("p95 5.00 s ≥ 500.0 ms; achieved %1 req/s of 112.5 scheduled")
                .arg(result.steps[2].measured.achievedRps, 0, 'f', 1));
        QCOMPARE(steps[2].toObject().value(QLatin1String("in_flight_growth")).toDouble(), result.steps[2].trend.rise);
        QVERIFY(CapacityResult().toJson().value(QLatin1String("max_sustainable_rps")).isNull());
    }

    void closedModelFindsTheKnee_data()
    {
        QTest::addColumn<int>("slots");
        QTest::addColumn<double>("growth");
        QTest::addColumn<int>("knee");
        QTest::addColumn<int>("flat");
        // Throughput min(N, slots) × 20 req/s: 1, 2, 4, 8 scale, 16 gains 25 % of proportional.
        QTest::addRow("10 slots, ×2") << 10 << 2.0 << 8 << 16;
        // 1, 2, 3, 4, 5, 6, 8, 10 scale; 13 gains nothing.
        QTest::addRow("10 slots, ×1.25") << 10 << 1.25 << 10 << 13;
        QTest::addRow("1 slot") << 1 << 2.0 << 1 << 2;
    }
    void closedModelFindsTheKnee()
    {
        QFETCH(int, slots);
        QFETCH(double, growth);
        QFETCH(int, knee);
        QFETCH(int, flat);
        ConcurrencySearch s({ 1, 1024, growth, 0.5 });
        QRandomGenerator random(11);
        while (const auto users = s.nextUsers()) {
            ConcurrencyStep step;
            step.throughputRps = std::min(*users, slots) * 20.0 * (1 + 0.02 * (random.generateDouble() - 0.5));
            s.report(step);
        }
        const ConcurrencyResult& result = s.result();
        QCOMPARE(result.outcome, ConcurrencyResult::Outcome::Found);
        QCOMPARE(result.kneeUsers, knee);
        QCOMPARE(result.flatUsers, flat);
        QVERIFY(*result.kneeUsers <= slots);
        QVERIFY(std::abs(result.peakThroughputRps - slots * 20.0) < slots * 20.0 * 0.02);
        QCOMPARE(s.estimatedTotalSteps(), int(result.steps.size()));
        QVERIFY(result.steps.last().efficiency < 0.5);
        QCOMPARE(result.toJson().value(QLatin1String("knee_users")).toInt(), knee);
    }

    void closedModelLimits()
    {
        ConcurrencySearch above({ 1, 64, 2, 0.5 });
        QCOMPARE(above.estimatedTotalSteps(), 7); // 1, 2, 4, …, 64
        while (const auto users = above.nextUsers())
            above.report(closedStep(*users * 10.0));
        QCOMPARE(above.result().outcome, ConcurrencyResult::Outcome::AboveMax);
        QCOMPARE(above.result().kneeUsers, 64);
        QVERIFY(!above.result().flatUsers);
        QCOMPARE(above.result().steps.size(), 7);

        ConcurrencySearch dead({ 4, 64, 2, 0.5 });
        dead.report(closedStep(0));
        QCOMPARE(dead.result().outcome, ConcurrencyResult::Outcome::NotFound);
        QVERIFY(dead.isDone());
    }

    //! A step that breaks the SLO ends the user search even while throughput still scales: the
    //! knee is the step before it; a first step that breaks it finds nothing.
    void closedModelStopsAtTheSlo()
    {
        ConcurrencySearch s({ 1, 64, 2, 0.5 });
        while (const auto users = s.nextUsers()) {
            ConcurrencyStep step;
            step.throughputRps = *users * 10.0;
            step.sloPassed = *users < 8;
            step.sloDetail = step.sloPassed ? QString() : QStringLiteral("p95 900 ms ≥ 500 ms");
            s.report(step);
        }
        QCOMPARE(s.result().outcome, ConcurrencyResult::Outcome::Found);
        QCOMPARE(s.result().kneeUsers, 4);
        QCOMPARE(s.result().flatUsers, 8);
        const QJsonObject json = s.result().toJson();
        const QJsonObject last = json.value(QLatin1String("steps")).toArray().last().toObject();
        QCOMPARE(last.value(QLatin1String("slo_passed")).toBool(true), false);
        QCOMPARE(last.value(QLatin1String("reason")).toString(), QStringLiteral("p95 900 ms ≥ 500 ms"));

        ConcurrencySearch first({ 2, 64, 2, 0.5 });
        first.report(closedStep(50, false));
        QCOMPARE(first.result().outcome, ConcurrencyResult::Outcome::NotFound);
        QVERIFY(!first.result().kneeUsers);
    }
};

QTEST_GUILESS_MAIN(TestCapacitySearch)
#include "tst_capacitysearch.moc"
