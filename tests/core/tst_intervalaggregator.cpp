// SPDX-License-Identifier: MIT

#include "intervalaggregator.h"
#include "slidinglatency.h"
#include "timelinecolumns.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace Stressdeck;

namespace {

constexpr std::int64_t Second = 1'000'000'000;

RequestRecord rec(int type, Outcome::Kind kind, double doneS, double latencyMs)
{
    RequestRecord r;
    r.typeIndex = type;
    r.outcome.kind = kind;
    if (kind == Outcome::HttpStatus)
        r.outcome.httpStatus = 503;
    r.doneNs = std::int64_t(doneS * double(Second));
    r.latencyNs = std::int64_t(latencyMs * 1e6);
    return r;
}

//! A run's worth of requests, in completion order: types 0..2, a mix of outcomes.
std::vector<RequestRecord> runOf(double seconds, int perSecond, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> when(0, seconds);
    std::uniform_real_distribution<double> latency(1, 400);
    std::vector<RequestRecord> out;
    const int count = int(seconds * perSecond);
    for (int i = 0; i < count; ++i) {
        const int pick = int(rng() % 10);
        const Outcome::Kind kind = pick < 7 ? Outcome::Success
            : pick < 8                      ? Outcome::Timeout
            : pick < 9                      ? Outcome::HttpStatus
                                            : Outcome::ConnectionReset;
        out.push_back(rec(int(rng() % 3), kind, when(rng), latency(rng)));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.doneNs < b.doneNs; });
    return out;
}

const QStringList s_types { QStringLiteral("chat"), QStringLiteral("agent"), QStringLiteral("search") };

} // namespace

class TestIntervalAggregator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsSumToTheTotals()
    {
        IntervalAggregator a(s_types);
        const auto records = runOf(10.5, 200, 7);
        // Handed over in batches, each second closed once everything ending in it is in.
        double watermark = 0;
        for (const RequestRecord& r : records) {
            if (double(r.doneNs) / double(Second) > watermark + 0.3) {
                watermark = double(r.doneNs) / double(Second);
                a.closeBefore(watermark, 4);
            }
            a.record(r);
        }
        a.closeBefore(10.5, 4);
        a.closeLast(10.5, 2);

        const QList<TimelineRow>& rows = a.timeline();
        QCOMPARE(rows.size(), 11); // ten whole seconds and the half at the end
        QCOMPARE(rows.last().tS, 10.5);
        IntervalFigures sum;
        QMap<QString, qint64> byType;
        double previous = 0;
        for (const TimelineRow& row : rows) {
            QVERIFY(row.tS > previous);
            previous = row.tS;
            sum.requests += row.all.requests;
            sum.successes += row.all.successes;
            sum.errors += row.all.errors;
            sum.timeouts += row.all.timeouts;
            for (auto it = row.byType.begin(); it != row.byType.end(); ++it)
                byType[it.key()] += it.value().requests;
        }
        QCOMPARE(sum.requests, qint64(records.size()));
        QCOMPARE(sum.requests, a.overall().total);
        QCOMPARE(sum.successes, a.overall().success);
        QCOMPARE(sum.errors, a.overall().failure);
        QCOMPARE(sum.timeouts, a.overall().timeouts);
        for (int t = 0; t < s_types.size(); ++t)
            QCOMPARE(byType.value(s_types[t]), a.byType()[size_t(t)].total);
        QCOMPARE(rows.last().rps, double(rows.last().all.requests) / 0.5);
        QCOMPARE(rows.last().inFlight, 2);
        QCOMPARE(rows.first().inFlight, 4);

        // The latency windows: 0–5, 5–10 and the last half second, summing to the totals too.
        const QList<LatencyWindow>& windows = a.windows();
        QCOMPARE(windows.size(), 3);
        QCOMPARE(windows[0].tS, 5.0);
        QCOMPARE(windows[0].lengthS, 5.0);
        QCOMPARE(windows[1].tS, 10.0);
        QCOMPARE(windows[2].tS, 10.5);
        QCOMPARE(windows[2].lengthS, 0.5);
        qint64 requests = 0, errors = 0, latencies = 0;
        QMap<QString, qint64> windowTypes;
        for (const LatencyWindow& w : windows) {
            requests += w.all.requests;
            errors += w.all.errors;
            latencies += w.all.latency.count();
            QCOMPARE(w.all.latency.count(), w.all.requests - w.all.errors);
            for (auto it = w.byType.begin(); it != w.byType.end(); ++it)
                windowTypes[it.key()] += it.value().requests;
        }
        QCOMPARE(requests, a.overall().total);
        QCOMPARE(errors, a.overall().failure);
        QCOMPARE(latencies, a.overall().success);
        for (int t = 0; t < s_types.size(); ++t)
            QCOMPARE(windowTypes.value(s_types[t]), a.byType()[size_t(t)].total);
        // Each window holds exactly the requests of its seconds.
        qint64 firstFive = 0;
        for (qsizetype i = 0; i < 5; ++i)
            firstFive += rows[i].all.requests;
        QCOMPARE(windows[0].all.requests, firstFive);
    }

    void stagesSumToTheTotals()
    {
        IntervalAggregator a(s_types, 3);
        auto records = runOf(6, 150, 11);
        for (size_t i = 0; i < records.size(); ++i)
            records[i].stage = int(i % 7 == 0 ? 0 : i % 3 == 0 ? 1 : 2);
        for (const RequestRecord& r : records)
            a.record(r);
        a.closeLast(6, 0);
        QCOMPARE(a.byStage().size(), size_t(3));
        qint64 total = 0, success = 0, failure = 0, timeouts = 0, histogram = 0;
        for (const RequestCounters& c : a.byStage()) {
            QVERIFY(c.total > 0);
            total += c.total;
            success += c.success;
            failure += c.failure;
            timeouts += c.timeouts;
            histogram += c.successLatency.count();
        }
        QCOMPARE(total, a.overall().total);
        QCOMPARE(success, a.overall().success);
        QCOMPARE(failure, a.overall().failure);
        QCOMPARE(timeouts, a.overall().timeouts);
        QCOMPARE(histogram, qint64(a.overall().successLatency.count()));
        const qint64 firstStage
            = std::count_if(records.begin(), records.end(), [](const RequestRecord& r) { return r.stage == 0; });
        QCOMPARE(a.byStage()[0].total, firstStage);
        QVERIFY(IntervalAggregator(s_types).byStage().empty());
    }

    void aWindowsLatencyIsThatOfItsRequests()
    {
        IntervalAggregator a(s_types);
        a.record(rec(0, Outcome::Success, 0.5, 10));
        a.record(rec(0, Outcome::Success, 4.9, 30));
        a.record(rec(1, Outcome::HttpStatus, 3.0, 5));
        a.record(rec(1, Outcome::Success, 5.5, 200));
        a.closeBefore(7, 0);
        QCOMPARE(a.windows().size(), 1); // 5–10 stays open until a second after it closes
        const LatencyWindow& w = a.windows().first();
        QCOMPARE(w.all.requests, 3);
        QCOMPARE(w.all.errors, 1);
        QCOMPARE(w.byType.value(QStringLiteral("chat")).latency.count(), 2);
        QCOMPARE(w.byType.value(QStringLiteral("chat")).latency.maxNs(), std::int64_t(30e6));
        QCOMPARE(w.byType.value(QStringLiteral("agent")).errors, 1);
        QVERIFY(w.byType.value(QStringLiteral("agent")).latency.isEmpty());
        a.closeLast(7.5, 0);
        QCOMPARE(a.windows().size(), 2);
        QCOMPARE(a.windows().last().lengthS, 2.5);
        QCOMPARE(a.windows().last().byType.value(QStringLiteral("agent")).latency.minNs(), std::int64_t(200e6));
    }

    void aLongRunsWindowsDoubleAndStayFew()
    {
        // 40 minutes, a request of each type every second: 480 windows of 5 s, so the windows
        // double twice (to 20 s) and 120 remain, every request in exactly one of them.
        IntervalAggregator a(s_types);
        constexpr int Seconds = 2400;
        for (int t = 0; t < Seconds; ++t) {
            a.record(rec(0, Outcome::Success, t + 0.5, 10 + t % 7));
            a.record(rec(1, t % 10 == 0 ? Outcome::HttpStatus : Outcome::Success, t + 0.25, 200));
            a.closeBefore(t + 1, 0);
            QVERIFY(a.windows().size() <= LatencyWindow::MaxWindows);
        }
        a.closeLast(Seconds + 0.05, 0);
        QCOMPARE(a.windowS(), 20);
        const QList<LatencyWindow>& windows = a.windows();
        QCOMPARE(windows.size(), 120);
        qint64 requests = 0, errors = 0, latencies = 0;
        for (qsizetype i = 0; i < windows.size(); ++i) {
            QCOMPARE(windows[i].tS, i + 1 < windows.size() ? 20.0 * double(i + 1) : Seconds + 0.05);
            QCOMPARE(windows[i].lengthS, i + 1 < windows.size() ? 20.0 : 20.05);
            QCOMPARE(windows[i].all.requests, 40);
            QCOMPARE(windows[i].byType.value(QStringLiteral("agent")).errors, 2);
            requests += windows[i].all.requests;
            errors += windows[i].all.errors;
            latencies += windows[i].all.latency.count();
        }
        QCOMPARE(requests, a.overall().total);
        QCOMPARE(errors, a.overall().failure);
        QCOMPARE(latencies, qint64(a.overall().successLatency.count()));
        QCOMPARE(windows[7].byType.value(QStringLiteral("chat")).latency.maxNs(), std::int64_t(16e6));
    }

    void windowsCoarsenPairByPair()
    {
        QList<LatencyWindow> windows;
        for (int i = 1; i <= 7; ++i) {
            LatencyWindow w;
            w.tS = i < 7 ? 5.0 * i : 32.5;
            w.lengthS = i < 7 ? 5 : 2.5;
            w.all.requests = i;
            w.byType[QStringLiteral("chat")].requests = i;
            windows.append(w);
        }
        int windowS = 5;
        LatencyWindow::coarsen(&windows, &windowS);
        QCOMPARE(windowS, 10);
        QCOMPARE(windows.size(), 4);
        QCOMPARE(windows[0].all.requests, 1 + 2);
        QCOMPARE(windows[2].byType.value(QStringLiteral("chat")).requests, 5 + 6);
        QCOMPARE(windows[3].tS, 32.5);
        QCOMPARE(windows[3].lengthS, 2.5);
        QCOMPARE(windows[1].lengthS, 10.0);
        QVERIFY(LatencyWindow::isWindowLength(1280));
        QVERIFY(!LatencyWindow::isWindowLength(15));
        QVERIFY(!LatencyWindow::isWindowLength(2.5));
    }

    void slidingWindowsKeepTheirRunningSumsExact()
    {
        // SlidingLatency directly: 130 seconds pushed (twice its 60 s), some newest seconds replaced,
        // empty seconds among them, and window lengths first asked for late (summed then, kept after).
        SlidingLatency sliding(60);
        std::mt19937_64 rng(5);
        std::vector<Histogram> seconds;
        auto randomSecond = [&rng](int second) {
            Histogram h;
            if (second % 17 == 3)
                return h; // a second without a success
            std::lognormal_distribution<double> ms(std::log(2.0 + second % 40), 0.8);
            const int n = 20 + int(rng() % 200);
            for (int i = 0; i < n; ++i)
                h.record(std::int64_t(ms(rng) * 1e6));
            return h;
        };
        auto expected = [&seconds](int windowS, const QList<double>& ps) {
            Histogram merged;
            const auto from = seconds.size() > std::size_t(windowS) ? seconds.size() - std::size_t(windowS) : 0;
            for (std::size_t i = from; i < seconds.size(); ++i)
                merged.merge(seconds[i]);
            return merged.count() == 0 ? QList<std::int64_t>(ps.size(), 0) : merged.percentilesNs(ps);
        };
        const QList<double> ps { 0.1, 50, 90, 99, 99.9, 100 };
        for (int second = 0; second < 130; ++second) {
            seconds.push_back(randomSecond(second));
            if (second % 11 == 5) { // counts and steps that take several bytes each
                seconds.back().record(std::int64_t(1e3), std::int64_t(1) << 40);
                seconds.back().record(std::int64_t(90e9), 300 + second);
            }
            sliding.push(seconds.back());
            if (second % 7 == 6) { // the newest second folded again, as a run's last partial one is
                seconds.back() = randomSecond(second + 1000);
                sliding.replaceNewest(seconds.back());
            }
            const QList<int> lengths = second < 70 ? QList<int> { 1, 10, 60 } : QList<int> { 1, 10, 60, 7, 200 };
            for (int length : lengths) {
                const int windowS = std::min(length, 60);
                QVERIFY2(sliding.percentilesNs(length, ps) == expected(windowS, ps),
                    qPrintable(QStringLiteral("second %1, window %2").arg(second).arg(length)));
            }
        }
    }

    void slidingSecondsKeepAFewBytesABucket()
    {
        // Full-rate seconds (issue #19): every bucket from 100 µs to 10 ms filled, as a second of
        // 60,000 requests spread over two decades fills them. 60 of them kept, 70 pushed.
        Histogram second;
        const int from = Histogram::indexFor(100'000);
        const int to = Histogram::indexFor(10'000'000);
        for (int i = from; i <= to; ++i)
            second.record(Histogram::lowestEquivalent(i), 1 + i % 90);
        const auto buckets = std::size_t(to - from + 1);
        QVERIFY(buckets > 6000);
        SlidingLatency sliding(60);
        for (int s = 0; s < 70; ++s)
            sliding.push(second);
        // As (index, count) pairs they took 16 bytes and more; a step of 1 and a count under 128
        // take one byte each, and a buffer grown by doubling at most twice what it holds.
        QVERIFY2(sliding.bytesHeld() <= 60 * buckets * 4, qPrintable(QString::number(sliding.bytesHeld())));
        QVERIFY(sliding.bytesHeld() >= 60 * buckets * 2);
        QCOMPARE(sliding.count(60), 60 * second.count());
        QCOMPARE(sliding.percentilesNs(60, { 50 }), second.percentilesNs({ 50 }));
    }

    void slidingPercentilesAreThoseOfTheMergedSeconds()
    {
        // 75 seconds of a latency that climbs, so the 1, 10 and 60 s figures all differ.
        IntervalAggregator a(s_types);
        std::mt19937_64 rng(11);
        std::vector<std::vector<RequestRecord>> bySecond(75);
        for (int second = 0; second < 75; ++second) {
            std::uniform_real_distribution<double> latency(5 + second * 4, 20 + second * 6);
            for (int i = 0; i < 40; ++i) {
                const int type = i % 3;
                const auto kind = i % 10 == 9 ? Outcome::HttpStatus : Outcome::Success;
                bySecond[std::size_t(second)].push_back(rec(type, kind, second + (i + 0.5) / 40.0, latency(rng)));
            }
        }
        for (const auto& second : bySecond) {
            for (const RequestRecord& r : second)
                a.record(r);
        }
        a.closeLast(75, 0);
        QCOMPARE(a.timeline().size(), 75);
        // The reference: the successes of the window's seconds in one histogram.
        auto expected = [&](int endSecond, int windowS, int type) {
            Histogram h;
            for (int s = std::max(0, endSecond - windowS); s < endSecond; ++s) {
                for (const RequestRecord& r : bySecond[std::size_t(s)]) {
                    if (r.outcome.kind == Outcome::Success && (type < 0 || r.typeIndex == type))
                        h.record(r.latencyNs);
                }
            }
            const auto p = h.percentilesNs({ 50, 95, 99 });
            return TimelineRow::Sliding { nsToMs(p[0]), nsToMs(p[1]), nsToMs(p[2]) };
        };
        for (int end : { 1, 5, 10, 11, 59, 60, 61, 75 }) {
            const TimelineRow& row = a.timeline()[end - 1];
            for (std::size_t w = 0; w < 2; ++w) {
                const int windowS = TimelineRow::SlidingWindowsS[w];
                QCOMPARE(row.slidingAll[w], expected(end, windowS, -1));
                QCOMPARE(row.slidingByType.value(QStringLiteral("agent"))[w], expected(end, windowS, 1));
            }
        }
        // The windows smooth: at the end the 60 s p50 lags well behind the 1 s one.
        const TimelineRow& last = a.timeline().last();
        QVERIFY(last.slidingAll[1].p50 < last.slidingAll[0].p50);
        QVERIFY(last.slidingAll[0].p50 < last.all.p50);
        // The 1 s figures are kept to the report's precision, the live-only sliding ones are not.
        QCOMPARE(TimelineColumns::roundPercentile(a.timeline()[0].slidingAll[0].p99), a.timeline()[0].all.p99);
    }

    void severalWorkersMergeExactly()
    {
        // Three workers finish requests side by side; each hands its own over in batches of
        // its own size. The rows must be those of one worker fed everything in order.
        const auto records = runOf(6, 300, 11);
        IntervalAggregator single(s_types);
        for (const RequestRecord& r : records)
            single.record(r);
        single.closeBefore(6, 0);
        single.closeLast(6, 0);

        std::vector<std::vector<RequestRecord>> workers(3);
        for (size_t i = 0; i < records.size(); ++i)
            workers[i % 3].push_back(records[i]);
        IntervalAggregator merged(s_types);
        std::vector<size_t> next(3, 0);
        const std::vector<size_t> batch { 7, 31, 113 };
        for (std::int64_t handOverNs = 0; handOverNs <= 6 * Second; handOverNs += Second / 7) {
            // Each worker hands over what ended before the hand-over time, in pieces.
            for (size_t w = 0; w < 3; ++w) {
                for (size_t n = 0;
                     next[w] < workers[w].size() && workers[w][next[w]].doneNs < handOverNs && n < batch[w]; ++n)
                    merged.record(workers[w][next[w]++]);
            }
            // Only what every worker has handed over completely may close.
            std::int64_t watermark = handOverNs;
            for (size_t w = 0; w < 3; ++w) {
                if (next[w] < workers[w].size())
                    watermark = std::min(watermark, workers[w][next[w]].doneNs);
            }
            merged.closeBefore(double(watermark) / double(Second), 0);
        }
        for (size_t w = 0; w < 3; ++w) {
            while (next[w] < workers[w].size())
                merged.record(workers[w][next[w]++]);
        }
        merged.closeBefore(6, 0);
        merged.closeLast(6, 0);
        QCOMPARE(merged.timeline().size(), single.timeline().size());
        for (qsizetype i = 0; i < single.timeline().size(); ++i)
            QVERIFY2(merged.timeline()[i] == single.timeline()[i], qPrintable(QString::number(i)));
    }

    void aSliverAtTheEndJoinsTheSecondBefore()
    {
        IntervalAggregator a(s_types);
        for (int s = 0; s < 5; ++s) {
            for (int i = 0; i < 10; ++i)
                a.record(rec(0, Outcome::Success, s + 0.05 * i, 10));
        }
        a.record(rec(1, Outcome::Success, 5.01, 10)); // ends 10 ms into the sixth second
        a.record(rec(1, Outcome::Timeout, 5.03, 30000));
        a.closeBefore(5.04, 0);
        a.closeLast(5.04, 0);
        const QList<TimelineRow>& rows = a.timeline();
        QCOMPARE(rows.size(), 5); // no row of 40 ms with a meaningless rate
        QCOMPARE(rows.last().tS, 5.04);
        QCOMPARE(rows.last().all.requests, 12);
        QCOMPARE(rows.last().all.timeouts, 1);
        QCOMPARE(rows.last().byType.value(QStringLiteral("agent")).requests, 2);
        QCOMPARE(rows.last().rps, 12 / 1.04);
        QCOMPARE(a.overall().total, 52);
    }

    void aSliverJoinsTheLastWindowToo()
    {
        IntervalAggregator a(s_types);
        for (int s = 0; s < 10; ++s)
            a.record(rec(0, Outcome::Success, s + 0.5, 10));
        a.record(rec(0, Outcome::Success, 10.02, 10)); // in the sliver
        a.record(rec(0, Outcome::Success, 10.3, 10)); // after the end, still counted
        a.closeLast(10.05, 0);
        QCOMPARE(a.windows().size(), 2);
        QCOMPARE(a.windows().last().tS, 10.05);
        QCOMPARE(a.windows().last().all.requests, 7);
        QCOMPARE(a.windows().first().all.requests + a.windows().last().all.requests, a.overall().total);
    }

    void aLongerTailIsARowOfItsOwn()
    {
        IntervalAggregator a(s_types);
        a.record(rec(0, Outcome::Success, 0.5, 10));
        a.record(rec(0, Outcome::Success, 1.5, 10));
        a.record(rec(2, Outcome::Stuck, 1.7, 5000));
        a.closeBefore(1.8, 0);
        a.closeLast(1.8, 0);
        QCOMPARE(a.timeline().size(), 2);
        QCOMPARE(a.timeline()[1].tS, 1.8);
        QCOMPARE(a.timeline()[1].all.requests, 2);
        QCOMPARE(a.timeline()[1].rps, 2 / 0.8);
        QCOMPARE(a.stuckCount(), 1);
        QCOMPARE(a.overall().errors.value(QStringLiteral("Stuck")), 1);
    }

    void theLastRowTakesWhatEndedAfterTheEnd()
    {
        // A request that ends after the end time the caller names is still counted, in the last row.
        IntervalAggregator a(s_types);
        a.record(rec(0, Outcome::Success, 0.4, 10));
        a.record(rec(0, Outcome::Success, 2.2, 10));
        a.record(rec(1, Outcome::Success, 3.4, 10));
        a.closeLast(2.5, 0); // closes the whole seconds before it too
        QCOMPARE(a.timeline().size(), 3);
        QCOMPARE(a.timeline()[0].all.requests, 1);
        QCOMPARE(a.timeline()[1].all.requests, 0);
        QCOMPARE(a.timeline()[2].tS, 2.5);
        QCOMPARE(a.timeline()[2].all.requests, 2);
        QCOMPARE(a.timeline()[2].byType.value(QStringLiteral("agent")).requests, 1);
    }

    void rowSecondsGrowOnlyPastSixHours()
    {
        QCOMPARE(TimelineRow::rowSecondsFor(0), 1);
        QCOMPARE(TimelineRow::rowSecondsFor(3600), 1);
        QCOMPARE(TimelineRow::rowSecondsFor(21600), 1);
        QCOMPARE(TimelineRow::rowSecondsFor(21601), 2);
        QCOMPARE(TimelineRow::rowSecondsFor(43200), 2);
        QCOMPARE(TimelineRow::rowSecondsFor(86400), 4);
        QCOMPARE(TimelineRow::rowSecondsFor(7 * 86400), 32);
    }

    void rowsOfSeveralSecondsAreThoseOfTheirSeconds()
    {
        // The same records into rows of 1 s and of 4 s: the 4 s rows' counts and percentiles are
        // those of a histogram of their requests, and the windows and sliding figures do not change.
        const auto records = runOf(10.5, 200, 7);
        IntervalAggregator perSecond(s_types);
        IntervalAggregator coarse(s_types, 0, 4);
        QCOMPARE(coarse.rowS(), 4);
        double watermark = 0;
        qint64 inFlight = 0;
        for (const RequestRecord& r : records) {
            if (double(r.doneNs) / double(Second) > watermark + 0.3) {
                watermark = double(r.doneNs) / double(Second);
                ++inFlight;
                perSecond.closeBefore(watermark, inFlight);
                coarse.closeBefore(watermark, inFlight);
            }
            perSecond.record(r);
            coarse.record(r);
        }
        perSecond.closeLast(10.5, 2);
        coarse.closeLast(10.5, 2);

        const QList<TimelineRow>& rows = coarse.timeline();
        QCOMPARE(rows.size(), 3); // 0–4, 4–8 and the last, shorter row 8–10.5
        QCOMPARE(rows[0].tS, 4.0);
        QCOMPARE(rows[1].tS, 8.0);
        QCOMPARE(rows[2].tS, 10.5);
        double startS = 0;
        for (const TimelineRow& row : rows) {
            Histogram all, agent;
            qint64 requests = 0, errors = 0, timeouts = 0, agentRequests = 0;
            for (const RequestRecord& r : records) {
                const double doneS = double(r.doneNs) / double(Second);
                if (doneS < startS || (doneS >= row.tS && row.tS < 10.5))
                    continue;
                ++requests;
                agentRequests += r.typeIndex == 1 ? 1 : 0;
                if (r.outcome.isSuccess()) {
                    all.record(r.latencyNs);
                    if (r.typeIndex == 1)
                        agent.record(r.latencyNs);
                } else {
                    ++errors;
                    timeouts += r.outcome.kind == Outcome::Timeout ? 1 : 0;
                }
            }
            QVERIFY(requests > 500);
            QCOMPARE(row.all.requests, requests);
            QCOMPARE(row.all.errors, errors);
            QCOMPARE(row.all.timeouts, timeouts);
            QCOMPARE(row.rps, double(requests) / (row.tS - startS));
            const auto p = all.percentilesNs({ 50, 95, 99 });
            QCOMPARE(row.all.p50, TimelineColumns::roundPercentile(nsToMs(p[0])));
            QCOMPARE(row.all.p95, TimelineColumns::roundPercentile(nsToMs(p[1])));
            QCOMPARE(row.all.p99, TimelineColumns::roundPercentile(nsToMs(p[2])));
            const IntervalFigures a = row.byType.value(QStringLiteral("agent"));
            QCOMPARE(a.requests, agentRequests);
            QCOMPARE(a.p95, TimelineColumns::roundPercentile(nsToMs(agent.percentileNs(95))));
            startS = row.tS;
        }
        // The in-flight sample is the row's last second's, as with rows of a second.
        QCOMPARE(rows[0].inFlight, perSecond.timeline()[3].inFlight);
        QCOMPARE(rows[2].inFlight, 2);
        // The sliding figures are those of the row's newest second, and the windows are unchanged.
        QCOMPARE(rows[1].slidingAll, perSecond.timeline()[7].slidingAll);
        QCOMPARE(rows[2].slidingByType, perSecond.timeline().last().slidingByType);
        QCOMPARE(coarse.windows().size(), perSecond.windows().size());
        for (qsizetype i = 0; i < coarse.windows().size(); ++i) {
            QCOMPARE(coarse.windows()[i].tS, perSecond.windows()[i].tS);
            QCOMPARE(coarse.windows()[i].all.requests, perSecond.windows()[i].all.requests);
            QCOMPARE(coarse.windows()[i].all.latency, perSecond.windows()[i].all.latency);
        }
        QCOMPARE(coarse.overall().total, perSecond.overall().total);
        QVERIFY(coarse.overall().successLatency == perSecond.overall().successLatency);
    }

    void aSliverJoinsTheLastRowOfSeveralSeconds()
    {
        IntervalAggregator a(s_types, 0, 4);
        for (int s = 0; s < 8; ++s) {
            for (int i = 0; i < 10; ++i)
                a.record(rec(0, Outcome::Success, s + 0.05 * i, 10 + s));
        }
        a.record(rec(1, Outcome::Success, 8.01, 10)); // 10 ms into the ninth second
        a.record(rec(1, Outcome::Timeout, 8.03, 30000));
        a.closeBefore(8.04, 0);
        a.closeLast(8.04, 0);
        const QList<TimelineRow>& rows = a.timeline();
        QCOMPARE(rows.size(), 2); // no row of 40 ms
        QCOMPARE(rows.last().tS, 8.04);
        QCOMPARE(rows.last().all.requests, 42);
        QCOMPARE(rows.last().all.timeouts, 1);
        QCOMPARE(rows.last().byType.value(QStringLiteral("agent")).requests, 2);
        QCOMPARE(rows.last().rps, 42 / 4.04);
        QCOMPARE(rows.first().all.requests, 40);
        QCOMPARE(a.overall().total, 82);

        // A run ending a sliver past a second inside a row: the row simply ends there.
        IntervalAggregator b(s_types, 0, 4);
        for (int s = 0; s < 6; ++s)
            b.record(rec(0, Outcome::Success, s + 0.5, 10));
        b.record(rec(0, Outcome::Success, 6.02, 10));
        b.closeLast(6.05, 0);
        QCOMPARE(b.timeline().size(), 2);
        QCOMPARE(b.timeline().last().tS, 6.05);
        QCOMPARE(b.timeline().last().all.requests, 3);
    }

    void percentilesOfASecond()
    {
        IntervalAggregator a(s_types);
        for (int i = 1; i <= 100; ++i)
            a.record(rec(0, Outcome::Success, 0.001 * i, double(i))); // 1 … 100 ms
        a.record(rec(0, Outcome::HttpStatus, 0.5, 9000)); // a failure's latency is not in them
        a.closeBefore(1, 0);
        a.closeLast(1, 0);
        const TimelineRow& row = a.timeline().first();
        QVERIFY2(qAbs(row.all.p50 - 50) <= 0.1, qPrintable(QString::number(row.all.p50)));
        QVERIFY2(qAbs(row.all.p99 - 99) <= 0.1, qPrintable(QString::number(row.all.p99)));
        QCOMPARE(row.all.errors, 1);
        QCOMPARE(a.overall().errors.value(QStringLiteral("HTTP 503")), 1);
    }

    void nothingRecordedStillEndsWithARow()
    {
        IntervalAggregator a(s_types);
        a.closeBefore(0.2, 0);
        a.closeLast(0.2, 0);
        QCOMPARE(a.timeline().size(), 1);
        QCOMPARE(a.timeline().first().all.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestIntervalAggregator)
#include "tst_intervalaggregator.moc"
