// SPDX-License-Identifier: MIT

#include "capacitystep.h"

#include <QCoreApplication>

#include <algorithm>

namespace Stressdeck {

namespace {

struct Merged {
    qint64 requests = 0;
    qint64 errors = 0;
    SparseHistogram latency;

    void add(const WindowFigures& f)
    {
        requests += f.requests;
        errors += f.errors;
        latency.merge(f.latency);
    }

    SloFigures figures() const
    {
        SloFigures s;
        s.errorPct = requests > 0 ? 100.0 * double(errors) / double(requests) : 0;
        s.hasLatencies = !latency.isEmpty();
        if (s.hasLatencies) {
            const QList<std::int64_t> p = latency.percentilesNs({ 50, 90, 95, 99 });
            s.p50Ms = double(p[0]) / 1e6;
            s.p90Ms = double(p[1]) / 1e6;
            s.p95Ms = double(p[2]) / 1e6;
            s.p99Ms = double(p[3]) / 1e6;
        }
        return s;
    }
};

//! TTFT and TPOT of a step come from its report's streaming blocks: every stream of the step, the
//! warm-up included (latency windows carry no stream figures). An empty histogram gives no figure.
void addStreamFigures(SloFigures* figures, const StatsSummary& stats)
{
    if (!stats.streaming)
        return;
    if (stats.streaming->ttft.max > 0)
        figures->ttftP95Ms = stats.streaming->ttft.p95;
    if (stats.streaming->tpot.max > 0)
        figures->tpotP95Ms = stats.streaming->tpot.p95;
}

} // namespace

CapacityStepResult measureCapacityStep(const Report& report, const Slo& slo, double warmupFraction)
{
    const double loadS = report.config.durationS;
    const double warmupS = warmupFraction * loadS;
    QList<const LatencyWindow*> judged;
    for (const LatencyWindow& w : report.latencyWindows) {
        if (w.tS - warmupS >= w.lengthS / 2)
            judged.append(&w);
    }
    if (judged.isEmpty() && !report.latencyWindows.isEmpty())
        judged.append(&report.latencyWindows.constFirst());

    Merged all;
    QHash<QString, Merged> byType;
    for (const LatencyWindow* w : std::as_const(judged)) {
        all.add(w->all);
        for (auto it = w->byType.cbegin(); it != w->byType.cend(); ++it)
            byType[it.key()].add(it.value());
    }
    SloInput input;
    input.insert(QStringLiteral("all"), all.figures());
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        input.insert(it.key(), it.value().figures());
    addStreamFigures(&input[QStringLiteral("all")], report.overall);
    for (const StatsSummary& type : report.requestTypes) {
        if (input.contains(type.name))
            addStreamFigures(&input[type.name], type);
    }

    CapacityStepResult step;
    const SloFigures& overall = input[QStringLiteral("all")];
    step.p50Ms = overall.p50Ms;
    step.p95Ms = overall.p95Ms;
    step.p99Ms = overall.p99Ms;
    step.errorPct = overall.errorPct;
    const QList<SloTermResult> verdicts = slo.evaluate(input);
    step.sloPassed = Slo::met(verdicts);
    step.sloDetail = Slo::failures(verdicts);

    double completed = 0;
    double seconds = 0;
    double previousEnd = 0;
    qint64 previousInFlight = 0;
    QList<double> trendPoints;
    for (const TimelineRow& row : report.timeline) {
        const double start = previousEnd;
        const qint64 inFlightAtStart = previousInFlight;
        previousEnd = row.tS;
        previousInFlight = row.inFlight;
        // The last row of a run absorbs a short tail (the drain's first moments), so it may end a
        // little after the load: a row counts when it starts in the judged part and lies mostly
        // within the load; rows of the drain do not.
        if (start + 1e-6 < warmupS || start > loadS - 0.5)
            continue;
        if (trendPoints.isEmpty())
            trendPoints.append(double(inFlightAtStart));
        completed += double(row.all.requests);
        seconds += row.tS - start;
        step.inFlight.append(double(row.inFlight));
        trendPoints.append(double(row.inFlight));
    }
    // Completions in a window are arrivals minus the growth of the requests in flight. Counted
    // raw, the in-flight level at the window's two ends (which wanders by rate × the latency's
    // spread) makes a short or slow step look short of its rate; the least-squares growth over
    // every second of the window keeps a real queue's growth and drops most of that noise.
    if (seconds > 0) {
        const double arrived = completed + trendPoints.constLast() - trendPoints.constFirst();
        const double growth = CapacitySearch::inFlightTrend(trendPoints).slope * double(trendPoints.size() - 1);
        step.achievedRps = std::max(0.0, arrived - growth) / seconds;
    }
    return step;
}

QString formatRate(double rps)
{
    return QString::number(rps, 'f', rps < 100 ? 1 : 0);
}

QString sloInWords(const Slo& slo)
{
    QStringList terms;
    for (const SloTerm& t : slo.terms()) {
        const QString name = t.requestType.isEmpty() ? Slo::metricId(t.metric)
                                                     : t.requestType + QLatin1Char('.') + Slo::metricId(t.metric);
        const QString limit = t.metric == SloMetric::Errors
            ? QCoreApplication::translate("Capacity", "%1 %").arg(QString::number(t.limit, 'g', 6))
            : t.limit >= 1000
            ? QCoreApplication::translate("Capacity", "%1 s").arg(QString::number(t.limit / 1000, 'g', 6))
            : QCoreApplication::translate("Capacity", "%1 ms").arg(QString::number(t.limit, 'g', 6));
        terms.append(QStringLiteral("%1 < %2").arg(name, limit));
    }
    if (terms.size() <= 1)
        return terms.join(QString());
    const QString last = terms.takeLast();
    return QCoreApplication::translate("Capacity", "%1 and %2").arg(terms.join(QStringLiteral(", ")), last);
}

QString capacitySummaryLine(const CapacityResult& result, const Slo& slo, double startRps, bool interrupted)
{
    const QString objective = sloInWords(slo);
    const CapacityStep* firstFailure = nullptr;
    for (const CapacityStep& step : result.steps) {
        if (result.firstFailingRps && step.measured.rateRps == *result.firstFailingRps)
            firstFailure = &step;
    }
    const QString failure = firstFailure ? QCoreApplication::translate("Capacity", " (first failure at %1 req/s: %2)")
                                               .arg(formatRate(firstFailure->measured.rateRps), firstFailure->reason)
                                         : QString();
    if (interrupted) {
        if (!result.maxSustainableRps)
            return QCoreApplication::translate("Capacity", "Interrupted before any step passed with %1").arg(objective)
                + failure;
        return QCoreApplication::translate("Capacity", "Interrupted: sustains at least %1 req/s with %2")
                   .arg(formatRate(*result.maxSustainableRps), objective)
            + failure;
    }
    switch (result.outcome) {
    case CapacityResult::Outcome::Found:
        return QCoreApplication::translate("Capacity", "Sustains %1 req/s with %2")
                   .arg(formatRate(*result.maxSustainableRps), objective)
            + failure;
    case CapacityResult::Outcome::AboveMax:
        return QCoreApplication::translate("Capacity", "Sustains at least %1 req/s (the max rate) with %2")
            .arg(formatRate(*result.maxSustainableRps), objective);
    case CapacityResult::Outcome::NotFound:
        return QCoreApplication::translate("Capacity", "Does not sustain even the start rate of %1 req/s with %2")
                   .arg(formatRate(startRps), objective)
            + failure;
    case CapacityResult::Outcome::Running:
        break;
    }
    return QCoreApplication::translate("Capacity", "No capacity found with %1").arg(objective);
}

} // namespace Stressdeck
