// SPDX-License-Identifier: MIT

#include "analysis.h"

#include <QCoreApplication>

namespace Stressdeck::Analysis {

MemoryTrend memoryTrend(const QList<SystemSample>& samples)
{
    MemoryTrend trend;
    if (samples.size() < 2)
        return trend;
    trend.growthMb = samples.last().memoryMb - samples.first().memoryMb;
    // Least-squares slope of memory over time in minutes.
    double sumX = 0, sumY = 0, sumXY = 0, sumXX = 0;
    const double n = double(samples.size());
    for (const SystemSample& s : samples) {
        const double x = s.tS / 60.0;
        sumX += x;
        sumY += s.memoryMb;
        sumXY += x * s.memoryMb;
        sumXX += x * x;
    }
    const double denominator = n * sumXX - sumX * sumX;
    if (denominator > 1e-12)
        trend.slopeMbPerMin = (n * sumXY - sumX * sumY) / denominator;
    return trend;
}

QList<Stall> findStalls(const QList<TimelineRow>& timeline, double minSeconds)
{
    QList<Stall> stalls;
    qsizetype start = -1;
    qint64 peakInFlight = 0;
    auto close = [&](qsizetype endIndex) {
        if (start < 0)
            return;
        const double from = start > 0 ? timeline[start - 1].tS : 0.0; // a row starts where the one before ends
        const double to = timeline[endIndex].tS;
        if (to - from >= minSeconds - 1e-9)
            stalls.append({ from, to, peakInFlight });
        start = -1;
        peakInFlight = 0;
    };
    for (qsizetype i = 0; i < timeline.size(); ++i) {
        const TimelineRow& row = timeline[i];
        const bool stalled = row.all.requests == 0 && row.inFlight > 0;
        if (stalled) {
            if (start < 0)
                start = i;
            peakInFlight = std::max(peakInFlight, row.inFlight);
        } else {
            close(i - 1);
        }
    }
    close(timeline.size() - 1);
    return stalls;
}

QList<Bottleneck> findBottlenecks(const QList<StatsFigures>& types, const Thresholds& t)
{
    QList<Bottleneck> result;
    for (const StatsFigures& s : types) {
        if (s.total == 0)
            continue;
        const double timeoutRate = 100.0 * double(s.timeouts) / double(s.total);
        const double errorRate = 100.0 * double(s.failure - s.timeouts) / double(s.total);
        if (timeoutRate > t.timeoutRatePct) {
            result.append({ s.name, QStringLiteral("timeout_rate"), timeoutRate, t.timeoutRatePct,
                QCoreApplication::translate("Analysis", "%1 has high timeout rate (%2%)")
                    .arg(s.name)
                    .arg(timeoutRate, 0, 'f', 1) });
        }
        if (s.success > 0 && s.latency.p95 > t.p95Ms) {
            result.append({ s.name, QStringLiteral("p95_latency"), s.latency.p95, t.p95Ms,
                QCoreApplication::translate("Analysis", "%1 has high p95 latency (%2s)")
                    .arg(s.name)
                    .arg(s.latency.p95 / 1000.0, 0, 'f', 1) });
        }
        if (errorRate > t.errorRatePct) {
            result.append({ s.name, QStringLiteral("error_rate"), errorRate, t.errorRatePct,
                QCoreApplication::translate("Analysis", "%1 has high error rate (%2%)")
                    .arg(s.name)
                    .arg(errorRate, 0, 'f', 1) });
        }
    }
    return result;
}

namespace {

QList<Criterion> evaluateCriteria(const Thresholds& t, const StatsFigures& overall, qint64 stuckRequests,
    const QList<SystemSample>& samples, const Diagnosis& d)
{
    QList<Criterion> criteria;

    {
        Criterion c { QStringLiteral("no_deadlocks"), false, {} };
        if (overall.total == 0) {
            c.detail = QCoreApplication::translate("Analysis", "no request completed");
        } else if (stuckRequests > 0) {
            c.detail = QCoreApplication::translate(
                "Analysis", "%n request(s) still stuck after the timeout at the end", nullptr, int(stuckRequests));
        } else if (!d.stalls.isEmpty()) {
            const Stall& s = d.stalls.first();
            c.detail
                = QCoreApplication::translate("Analysis", "no request completed from %1 s to %2 s with %3 in flight")
                      .arg(s.fromS, 0, 'f', 0)
                      .arg(s.toS, 0, 'f', 0)
                      .arg(s.inFlight);
        } else {
            c.passed = true;
            c.detail = QCoreApplication::translate("Analysis", "%1 requests completed, none stuck, no stall")
                           .arg(overall.total);
        }
        criteria.append(c);
    }
    {
        const double rate = overall.successRatePct;
        criteria.append({ QStringLiteral("success_rate"), overall.total > 0 && rate >= t.successRatePct,
            QCoreApplication::translate("Analysis", "success rate %1% (needs ≥ %2%)")
                .arg(rate, 0, 'f', 2)
                .arg(t.successRatePct, 0, 'f', 0) });
    }
    {
        Criterion c { QStringLiteral("no_memory_leak"), false, {} };
        if (samples.size() < 2) {
            c.detail = QCoreApplication::translate("Analysis", "not enough memory samples to judge (%1)")
                           .arg(samples.size());
        } else {
            c.passed = d.memory.growthMb < t.leakMb;
            c.detail
                = QCoreApplication::translate("Analysis", "memory growth %1%2 MB (%3 → %4 MB, %5 MB/min; limit %6 MB)")
                      .arg(d.memory.growthMb >= 0 ? QStringLiteral("+") : QString())
                      .arg(d.memory.growthMb, 0, 'f', 1)
                      .arg(samples.first().memoryMb, 0, 'f', 1)
                      .arg(samples.last().memoryMb, 0, 'f', 1)
                      .arg(d.memory.slopeMbPerMin, 0, 'f', 2)
                      .arg(t.leakMb, 0, 'f', 0);
        }
        criteria.append(c);
    }
    criteria.append({ QStringLiteral("metrics_collected"), !samples.isEmpty(),
        QCoreApplication::translate("Analysis", "%n sample(s) collected", nullptr, int(samples.size())) });
    {
        QStringList messages;
        for (const Bottleneck& b : d.bottlenecks)
            messages.append(b.message);
        criteria.append({ QStringLiteral("bottleneck_analysis"), d.bottlenecks.isEmpty(),
            messages.isEmpty() ? QCoreApplication::translate("Analysis", "No significant bottlenecks detected")
                               : messages.join(QStringLiteral("; ")) });
    }
    return criteria;
}

} // namespace

Diagnosis diagnose(const Thresholds& thresholds, const StatsFigures& overall, const QList<StatsFigures>& types,
    const QList<TimelineRow>& timeline, const QList<SystemSample>& samples, qint64 stuckRequests)
{
    Diagnosis d;
    d.memory = memoryTrend(samples);
    d.stalls = findStalls(timeline, thresholds.stallS);
    d.bottlenecks = findBottlenecks(types, thresholds);
    d.criteria = evaluateCriteria(thresholds, overall, stuckRequests, samples, d);
    d.passed = std::all_of(d.criteria.begin(), d.criteria.end(), [](const Criterion& c) { return c.passed; });
    return d;
}

void analyse(Report* r)
{
    const QList<StatsFigures> types(r->requestTypes.begin(), r->requestTypes.end());
    const Diagnosis d
        = diagnose(r->config.thresholds, r->overall, types, r->timeline, r->system.samples, r->stuckRequests);
    r->system.memoryGrowthMb = d.memory.growthMb;
    r->system.memorySlopeMbPerMin = d.memory.slopeMbPerMin;
    r->stalls = d.stalls;
    r->bottlenecks = d.bottlenecks;
    r->criteria = d.criteria;
    r->passed = d.passed;
}

} // namespace Stressdeck::Analysis
