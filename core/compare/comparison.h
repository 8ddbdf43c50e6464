// SPDX-License-Identifier: MIT

#pragma once

#include "sparsehistogram.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace Stressdeck {

//! One interval of one run for one request type (or "all"): the latency histogram of its
//! successful requests, how many requests completed in it (`requests`, errors included) and how
//! many of them failed, and its length in seconds (the series' unit; the last may be shorter).
struct RunSecond {
    SparseHistogram latency;
    std::int64_t requests = 0;
    std::int64_t errors = 0;
    double lengthS = 1.0;
};

//! One run's series for one request type, in time order: intervals of `unitS` seconds (1 s, or a
//! report's 5-second latency windows). Windows and batches are whole numbers of units.
struct RunSeries {
    QList<RunSecond> seconds;
    int unitS = 1;

    double durationS() const;
};

//! What one request type brings to a comparison: its series in each baseline run and in each
//! candidate run (one entry per report on that side).
struct ComparisonInput {
    QString requestType;
    QList<RunSeries> baseline;
    QList<RunSeries> candidate;
};

//! The knobs of `stressdeck compare`.
struct ComparisonOptions {
    enum Metric { P50, P90, P95, P99, ErrorRate, Throughput, MetricCount };

    static QList<Metric> allMetrics()
    {
        // A loop, not an initializer list: GCC 12 warns (maybe-uninitialized) about the latter
        // as a default member initializer.
        QList<Metric> out;
        for (int m = 0; m < MetricCount; ++m)
            out.append(Metric(m));
        return out;
    }

    //! Two-sided confidence of each interval (0.90 = 90 %), 0 < confidence < 1 (the caller validates).
    double confidence = 0.90;
    //! Relative practical margin δ for latencies and throughput: m = ln(1 + δ).
    double margin = 0.05;
    //! Practical margin for the error rate, in absolute percentage points (1.0 = 1 pp).
    double marginPp = 1.0;
    //! Compared in this order; all six by default.
    QList<Metric> metrics = allMetrics();
    //! Holm's step-down correction over all comparisons of one call (the metrics gated together).
    bool holm = true;
    //! 0 chooses the batch length from the data; a positive value forces it (tests, experts).
    int batchSeconds = 0;
};

//! One metric of one request type, compared. Latencies in ms, throughput in requests/s, the
//! error rate in %. For the error rate `changePct`, `ciLowPct`, `ciHighPct` and `mdePct` are
//! differences in percentage points; for the others relative changes in percent.
struct MetricComparison {
    enum Verdict { Regression, Improvement, NoChange, Inconclusive };
    //! Why a verdict is what it is, as a code the UI words (core writes no prose).
    enum Note {
        NoNote,
        TooFewUnits, //!< fewer than the minimum batches (or runs) with a value on a side
        ZeroMetric, //!< a batch (or run) with a metric of 0: its logarithm is undefined
        NoVariation, //!< no batch-to-batch variation on either side and a nonzero difference
        HolmRejected, //!< the interval alone says regression/improvement, Holm's correction does not
    };

    QString requestType;
    ComparisonOptions::Metric metric = ComparisonOptions::P50;
    //! The baseline's typical unit: the geometric mean of its batches' (or runs') values, the
    //! plain mean for the error rate; the metric over the whole side when there are too few units.
    double baseline = 0;
    double candidate = 0;
    double changePct = 0; //!< 100 (e^d − 1), or d in pp for the error rate
    double ciLowPct = 0;
    double ciHighPct = 0;
    double mdePct = 0; //!< minimum detectable effect (t_{1−α/2,ν} + t_{0.8,ν}) · SE, as a change
    Verdict verdict = Inconclusive;
    Note note = NoNote;
    int baselineUnits = 0; //!< batches (or runs) that gave a value
    int candidateUnits = 0;
    double df = 0; //!< Welch–Satterthwaite degrees of freedom
    double pRegression = 1; //!< one-sided p of H0: "worse by at most the margin"
    double pImprovement = 1; //!< one-sided p of H0: "better by at most the margin"
};

//! The outcome of one call: every comparison, how many are regressions, one overall verdict and
//! the batch length used (0 when the runs themselves are the units).
struct ComparisonResult {
    QList<MetricComparison> comparisons;
    int regressions = 0;
    MetricComparison::Verdict verdict = MetricComparison::Inconclusive;
    int batchSeconds = 0;
};

//! A Welch t interval on the difference of two means.
struct WelchInterval {
    bool valid = false; //!< false with fewer than two values on a side
    double difference = 0; //!< mean(candidate) − mean(baseline)
    double standardError = 0;
    double df = 0;
    double low = 0;
    double high = 0;
};

//! Compares a candidate run (or runs) with a baseline, honestly about noise (issue #14).
//! Requests in a load test are correlated in time, so single requests or seconds are not
//! independent samples. With one run per side the units are batches of consecutive seconds
//! long enough to be nearly independent: the correlation time τ = 5 s · (1 + ρ) / (1 − ρ) comes
//! from the lag-1 autocorrelation ρ of 5-second window means of ln(latency), ρ clamped to
//! [0, 0.99] (a negative ρ would only shorten batches below the 10 s floor anyway), and the batch
//! length is min(max(2τ, 10 s), duration / 5) rounded up to whole seconds, at least 1 s. One
//! length serves the whole call: the largest any series asks for, capped so that the shortest run
//! still gives five batches; a trailing partial batch is dropped. With at least two runs on each
//! side the runs are the units instead (one value per run over its whole duration); with one run
//! on a side every run is batched and the batches of a side are pooled.
//!
//! For each metric y = ln(value per unit) (the error rate in percentage points, not logged),
//! d = mean(y_c) − mean(y_b) and a two-sided Welch interval [L, U] at the given confidence.
//! Oriented so that "worse" is positive (throughput is mirrored: lower is worse), with the
//! margin m = ln(1 + δ) (marginPp for the error rate): regression if L > m, improvement if
//! U < −m, no change if [L, U] lies within ±m, inconclusive otherwise. A side needs five batches
//! (or two runs) with a value; latency skips batches without a successful request. With no
//! variation on both sides (SE = 0) the interval is the point d: no change when d is exactly 0,
//! otherwise inconclusive (the noise cannot be estimated, so no claim is made).
//!
//! Holm: the regression claims of one call form one family and the improvement claims another,
//! each tested one-sided at α/2 (α = 1 − confidence), so that together they hold α family-wise.
//! Each comparison's p-value for H0: oriented d ≤ m (regression) is ranked over all comparisons
//! of the call (those without an interval count with p = 1); a regression its interval shows
//! but Holm's step-down does not confirm becomes inconclusive (note HolmRejected); the same for
//! improvements with H0: oriented d ≥ −m. Intervals are reported unadjusted.
//!
//! Overall verdict: regression if any comparison is one; else inconclusive if any is; else
//! improvement if any is; else no change (no comparisons at all: inconclusive). An improvement
//! next to an inconclusive metric is not called an overall improvement because the inconclusive
//! one may hide a regression.
class Comparison {
public:
    //! Units a side needs for an interval: batches with one run per side, runs otherwise.
    static constexpr int MinBatches = 5;
    static constexpr int MinRuns = 2;
    static constexpr int WindowSeconds = 5;

    static ComparisonResult compare(const QList<ComparisonInput>& inputs, const ComparisonOptions& options = {});

    static WelchInterval welch(const QList<double>& baseline, const QList<double>& candidate, double confidence);
    //! Lag-1 autocorrelation Σ(x_i − x̄)(x_{i+1} − x̄) / Σ(x_i − x̄)², 0 when undefined.
    static double lag1Autocorrelation(const QList<double>& values);
    //! Mean ln(latency in s) of each whole 5-second window that holds a successful request.
    static QList<double> windowLogMeans(const RunSeries& series);
    //! The batch length this series alone asks for, in whole seconds (≥ 1).
    static int batchSecondsFor(const RunSeries& series);
    //! The one batch length for a set of series: the largest asked for, capped at
    //! floor(shortest duration / 5) when that is at least 1 s.
    static int commonBatchSeconds(const QList<RunSeries>& series);
    //! Consecutive whole batches of `batchSeconds` with their seconds merged; the rest dropped.
    static QList<RunSecond> batches(const RunSeries& series, int batchSeconds);
    //! Mean of ln(latency in s) over a histogram's requests (from 200 equally spaced quantiles).
    static double logMean(const SparseHistogram& histogram);

    static QString metricName(ComparisonOptions::Metric metric);
    static QString verdictName(MetricComparison::Verdict verdict);
    static QString noteName(MetricComparison::Note note);
};

} // namespace Stressdeck
