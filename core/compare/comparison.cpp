// SPDX-License-Identifier: MIT

#include "comparison.h"

#include "studentt.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace Stressdeck {

namespace {

using Metric = ComparisonOptions::Metric;
using Verdict = MetricComparison::Verdict;

bool isLatency(Metric metric)
{
    return metric == ComparisonOptions::P50 || metric == ComparisonOptions::P90 || metric == ComparisonOptions::P95
        || metric == ComparisonOptions::P99;
}

double percentileOf(Metric metric)
{
    switch (metric) {
    case ComparisonOptions::P50:
        return 50;
    case ComparisonOptions::P90:
        return 90;
    case ComparisonOptions::P95:
        return 95;
    default:
        return 99;
    }
}

//! The metric of an aggregate of seconds; no value when it has nothing to measure.
std::optional<double> metricValue(const RunSecond& aggregate, Metric metric)
{
    if (isLatency(metric)) {
        if (aggregate.latency.isEmpty())
            return std::nullopt;
        return double(aggregate.latency.percentileNs(percentileOf(metric))) / 1e6;
    }
    if (metric == ComparisonOptions::ErrorRate) {
        if (aggregate.requests <= 0)
            return std::nullopt;
        return 100.0 * double(aggregate.errors) / double(aggregate.requests);
    }
    if (!(aggregate.lengthS > 0))
        return std::nullopt;
    return double(aggregate.requests) / aggregate.lengthS;
}

void add(RunSecond& into, const RunSecond& second)
{
    into.latency.merge(second.latency);
    into.requests += second.requests;
    into.errors += second.errors;
    into.lengthS += second.lengthS;
}

RunSecond emptyAggregate()
{
    RunSecond aggregate;
    aggregate.lengthS = 0;
    return aggregate;
}

RunSecond mergeAll(const QList<RunSeries>& runs)
{
    RunSecond aggregate = emptyAggregate();
    for (const RunSeries& run : runs) {
        for (const RunSecond& second : run.seconds)
            add(aggregate, second);
    }
    return aggregate;
}

double mean(const QList<double>& values)
{
    return std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size());
}

double sampleVariance(const QList<double>& values, double average)
{
    double sum = 0;
    for (double v : values)
        sum += (v - average) * (v - average);
    return sum / double(values.size() - 1);
}

//! The units of one side: batch aggregates (pooled over the side's runs) or one aggregate per run.
QList<RunSecond> unitsOf(const QList<RunSeries>& runs, bool runsAreUnits, int batchSeconds)
{
    QList<RunSecond> units;
    for (const RunSeries& run : runs) {
        if (runsAreUnits)
            units.append(mergeAll({ run }));
        else
            units.append(Comparison::batches(run, batchSeconds));
    }
    return units;
}

struct UnitValues {
    QList<double> values;
    bool hasZero = false;
};

UnitValues valuesOf(const QList<RunSecond>& units, Metric metric)
{
    UnitValues out;
    for (const RunSecond& unit : units) {
        const std::optional<double> value = metricValue(unit, metric);
        if (!value)
            continue;
        if (metric == ComparisonOptions::ErrorRate) {
            out.values.append(*value);
        } else if (*value > 0) {
            out.values.append(std::log(*value));
        } else {
            out.hasZero = true;
        }
    }
    return out;
}

MetricComparison compareOne(const QString& requestType, Metric metric, const RunSecond& baselineWhole,
    const RunSecond& candidateWhole, const QList<RunSecond>& baselineUnits, const QList<RunSecond>& candidateUnits,
    int minUnits, const ComparisonOptions& options)
{
    MetricComparison c;
    c.requestType = requestType;
    c.metric = metric;
    c.baseline = metricValue(baselineWhole, metric).value_or(0.0);
    c.candidate = metricValue(candidateWhole, metric).value_or(0.0);
    c.verdict = MetricComparison::Inconclusive;

    const UnitValues b = valuesOf(baselineUnits, metric);
    const UnitValues cand = valuesOf(candidateUnits, metric);
    c.baselineUnits = int(b.values.size());
    c.candidateUnits = int(cand.values.size());
    if (b.hasZero || cand.hasZero) {
        c.note = MetricComparison::ZeroMetric;
        return c;
    }
    if (c.baselineUnits < minUnits || c.candidateUnits < minUnits) {
        c.note = MetricComparison::TooFewUnits;
        return c;
    }

    const WelchInterval w = Comparison::welch(b.values, cand.values, options.confidence);
    const bool logged = metric != ComparisonOptions::ErrorRate;
    // The typical unit of each side (geometric mean; the error rate's plain mean), so that the two
    // figures shown and the change between them always agree.
    c.baseline = logged ? std::exp(mean(b.values)) : mean(b.values);
    c.candidate = logged ? std::exp(mean(cand.values)) : mean(cand.values);
    const auto asChange = [logged](double x) { return logged ? 100.0 * std::expm1(x) : x; };
    c.changePct = asChange(w.difference);
    c.ciLowPct = asChange(w.low);
    c.ciHighPct = asChange(w.high);
    c.df = w.df;

    if (w.standardError == 0) {
        // Every unit of both sides alike: no noise to measure the difference against.
        if (w.difference == 0) {
            c.verdict = MetricComparison::NoChange;
        } else {
            c.note = MetricComparison::NoVariation;
        }
        return c;
    }

    const double alpha = 1.0 - options.confidence;
    c.mdePct
        = asChange((StudentT::quantile(1.0 - alpha / 2.0, w.df) + StudentT::quantile(0.8, w.df)) * w.standardError);

    // Oriented so that positive is worse: throughput falls when it gets worse.
    const double sign = metric == ComparisonOptions::Throughput ? -1.0 : 1.0;
    const double margin = logged ? std::log1p(options.margin) : options.marginPp;
    const double worse = sign * w.difference;
    const double low = sign > 0 ? w.low : -w.high;
    const double high = sign > 0 ? w.high : -w.low;
    c.pRegression = 1.0 - StudentT::cdf((worse - margin) / w.standardError, w.df);
    c.pImprovement = StudentT::cdf((worse + margin) / w.standardError, w.df);
    if (low > margin)
        c.verdict = MetricComparison::Regression;
    else if (high < -margin)
        c.verdict = MetricComparison::Improvement;
    else if (low >= -margin && high <= margin)
        c.verdict = MetricComparison::NoChange;
    return c;
}

//! Holm's step-down at level `level` over all comparisons: the claims `verdict` it does not confirm
//! become inconclusive.
void holm(QList<MetricComparison>& comparisons, Verdict verdict, double level)
{
    const auto pOf = [verdict](const MetricComparison& c) {
        return verdict == MetricComparison::Regression ? c.pRegression : c.pImprovement;
    };
    QList<qsizetype> order(comparisons.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&](qsizetype a, qsizetype b) { return pOf(comparisons.at(a)) < pOf(comparisons.at(b)); });
    const qsizetype k = comparisons.size();
    bool stillRejecting = true;
    for (qsizetype rank = 0; rank < k; ++rank) {
        MetricComparison& c = comparisons[order.at(rank)];
        stillRejecting = stillRejecting && pOf(c) < level / double(k - rank);
        if (!stillRejecting && c.verdict == verdict) {
            c.verdict = MetricComparison::Inconclusive;
            c.note = MetricComparison::HolmRejected;
        }
    }
}

} // namespace

double RunSeries::durationS() const
{
    double total = 0;
    for (const RunSecond& second : seconds)
        total += second.lengthS;
    return total;
}

WelchInterval Comparison::welch(const QList<double>& baseline, const QList<double>& candidate, double confidence)
{
    WelchInterval w;
    if (baseline.size() < 2 || candidate.size() < 2)
        return w;
    const double meanB = mean(baseline);
    const double meanC = mean(candidate);
    const double vb = sampleVariance(baseline, meanB) / double(baseline.size());
    const double vc = sampleVariance(candidate, meanC) / double(candidate.size());
    w.valid = true;
    w.difference = meanC - meanB;
    w.standardError = std::sqrt(vb + vc);
    if (w.standardError == 0) {
        w.df = double(baseline.size() + candidate.size() - 2);
        w.low = w.high = w.difference;
        return w;
    }
    w.df = (vb + vc) * (vb + vc) / (vb * vb / double(baseline.size() - 1) + vc * vc / double(candidate.size() - 1));
    const double t = StudentT::quantile(1.0 - (1.0 - confidence) / 2.0, w.df);
    w.low = w.difference - t * w.standardError;
    w.high = w.difference + t * w.standardError;
    return w;
}

double Comparison::lag1Autocorrelation(const QList<double>& values)
{
    if (values.size() < 3)
        return 0;
    const double average = mean(values);
    double numerator = 0;
    double denominator = 0;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double d = values.at(i) - average;
        denominator += d * d;
        if (i + 1 < values.size())
            numerator += d * (values.at(i + 1) - average);
    }
    return denominator > 0 ? numerator / denominator : 0.0;
}

double Comparison::logMean(const SparseHistogram& histogram)
{
    constexpr int Points = 200;
    static const QList<double> ps = [] {
        QList<double> out;
        for (int i = 0; i < Points; ++i)
            out.append(100.0 * (i + 0.5) / Points);
        return out;
    }();
    if (histogram.isEmpty())
        return 0;
    double sum = 0;
    for (std::int64_t ns : histogram.percentilesNs(ps))
        sum += std::log(double(std::max<std::int64_t>(ns, 1)) * 1e-9);
    return sum / Points;
}

QList<double> Comparison::windowLogMeans(const RunSeries& series)
{
    QList<double> means;
    const qsizetype per = std::max(1, WindowSeconds / std::max(1, series.unitS));
    for (qsizetype start = 0; start + per <= series.seconds.size(); start += per) {
        SparseHistogram window;
        for (qsizetype i = start; i < start + per; ++i)
            window.merge(series.seconds.at(i).latency);
        if (!window.isEmpty())
            means.append(logMean(window));
    }
    return means;
}

int Comparison::batchSecondsFor(const RunSeries& series)
{
    const double rho = std::clamp(lag1Autocorrelation(windowLogMeans(series)), 0.0, 0.99);
    const int unit = std::max(1, series.unitS);
    // The means are of WindowSeconds, or of one unit where a run's windows are longer (issue #19).
    const double meanS = double(std::max(1, WindowSeconds / unit) * unit);
    const double tau = meanS * (1.0 + rho) / (1.0 - rho);
    const int wanted = unit * int(std::ceil(std::max(2.0 * tau, 10.0) / unit - 1e-9));
    const int cap = unit * int(std::floor(series.durationS() / MinBatches / unit + 1e-9));
    return std::max(unit, std::min(wanted, cap));
}

int Comparison::commonBatchSeconds(const QList<RunSeries>& series)
{
    int wanted = 1;
    int unit = 1;
    double shortest = -1;
    for (const RunSeries& s : series) {
        if (s.seconds.isEmpty())
            continue;
        wanted = std::max(wanted, batchSecondsFor(s));
        unit = std::max(unit, s.unitS);
        shortest = shortest < 0 ? s.durationS() : std::min(shortest, s.durationS());
    }
    const int cap = unit * int(std::floor(shortest / MinBatches / unit + 1e-9));
    if (cap >= unit)
        wanted = std::min(wanted, cap);
    return std::max(unit, wanted);
}

QList<RunSecond> Comparison::batches(const RunSeries& series, int batchSeconds)
{
    QList<RunSecond> out;
    const int length = std::max(1, batchSeconds / std::max(1, series.unitS));
    for (qsizetype start = 0; start + length <= series.seconds.size(); start += length) {
        RunSecond batch = emptyAggregate();
        for (qsizetype i = start; i < start + length; ++i)
            add(batch, series.seconds.at(i));
        out.append(batch);
    }
    return out;
}

ComparisonResult Comparison::compare(const QList<ComparisonInput>& inputs, const ComparisonOptions& options)
{
    ComparisonResult result;
    bool runsAreUnits = !inputs.isEmpty();
    QList<RunSeries> everySeries;
    for (const ComparisonInput& input : inputs) {
        runsAreUnits = runsAreUnits && input.baseline.size() >= MinRuns && input.candidate.size() >= MinRuns;
        everySeries.append(input.baseline);
        everySeries.append(input.candidate);
    }
    if (!runsAreUnits) {
        // A batch asked for is rounded up to whole windows of the coarsest run (issue #19).
        int unit = 1;
        for (const RunSeries& s : std::as_const(everySeries))
            unit = std::max(unit, s.unitS);
        result.batchSeconds = options.batchSeconds > 0 ? unit * ((options.batchSeconds + unit - 1) / unit)
                                                       : commonBatchSeconds(everySeries);
    }
    const int minUnits = runsAreUnits ? MinRuns : MinBatches;

    for (const ComparisonInput& input : inputs) {
        const RunSecond baselineWhole = mergeAll(input.baseline);
        const RunSecond candidateWhole = mergeAll(input.candidate);
        const QList<RunSecond> baselineUnits = unitsOf(input.baseline, runsAreUnits, result.batchSeconds);
        const QList<RunSecond> candidateUnits = unitsOf(input.candidate, runsAreUnits, result.batchSeconds);
        for (Metric metric : options.metrics) {
            result.comparisons.append(compareOne(input.requestType, metric, baselineWhole, candidateWhole,
                baselineUnits, candidateUnits, minUnits, options));
        }
    }

    if (options.holm) {
        const double level = (1.0 - options.confidence) / 2.0;
        holm(result.comparisons, MetricComparison::Regression, level);
        holm(result.comparisons, MetricComparison::Improvement, level);
    }

    bool anyInconclusive = result.comparisons.isEmpty();
    bool anyImprovement = false;
    for (const MetricComparison& c : std::as_const(result.comparisons)) {
        result.regressions += c.verdict == MetricComparison::Regression ? 1 : 0;
        anyInconclusive = anyInconclusive || c.verdict == MetricComparison::Inconclusive;
        anyImprovement = anyImprovement || c.verdict == MetricComparison::Improvement;
    }
    result.verdict = result.regressions > 0 ? MetricComparison::Regression
        : anyInconclusive                   ? MetricComparison::Inconclusive
        : anyImprovement                    ? MetricComparison::Improvement
                                            : MetricComparison::NoChange;
    return result;
}

QString Comparison::metricName(ComparisonOptions::Metric metric)
{
    switch (metric) {
    case ComparisonOptions::P50:
        return QStringLiteral("p50");
    case ComparisonOptions::P90:
        return QStringLiteral("p90");
    case ComparisonOptions::P95:
        return QStringLiteral("p95");
    case ComparisonOptions::P99:
        return QStringLiteral("p99");
    case ComparisonOptions::ErrorRate:
        return QStringLiteral("error_rate");
    case ComparisonOptions::Throughput:
    case ComparisonOptions::MetricCount:
        break;
    }
    return QStringLiteral("throughput");
}

QString Comparison::verdictName(MetricComparison::Verdict verdict)
{
    switch (verdict) {
    case MetricComparison::Regression:
        return QStringLiteral("regression");
    case MetricComparison::Improvement:
        return QStringLiteral("improvement");
    case MetricComparison::NoChange:
        return QStringLiteral("no_change");
    case MetricComparison::Inconclusive:
        break;
    }
    return QStringLiteral("inconclusive");
}

QString Comparison::noteName(MetricComparison::Note note)
{
    switch (note) {
    case MetricComparison::TooFewUnits:
        return QStringLiteral("too_few_units");
    case MetricComparison::ZeroMetric:
        return QStringLiteral("zero_metric");
    case MetricComparison::NoVariation:
        return QStringLiteral("no_variation");
    case MetricComparison::HolmRejected:
        return QStringLiteral("holm_rejected");
    case MetricComparison::NoNote:
        break;
    }
    return {};
}

} // namespace Stressdeck
