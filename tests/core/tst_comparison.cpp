// SPDX-License-Identifier: MIT

#include "comparison.h"
#include "studentt.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Stressdeck;

namespace {

constexpr double Ms = 1e6; // ns

//! A run whose per-second mean log latency follows an AR(1) process (coefficient `phi` per second,
//! stationary standard deviation `sigmaSecond`) around ln(50 ms · scale), with request-to-request
//! noise `sigmaRequest` on top; Poisson arrivals and 1 % errors. Consecutive seconds are strongly
//! correlated with phi = 0.8 (integrated correlation time (1 + φ)/(1 − φ) = 9 s), as queues and
//! caches make them in real runs.
RunSeries syntheticRun(quint64 seed, int seconds, double scale, double phi = 0.8)
{
    constexpr double SigmaSecond = 0.1;
    constexpr double SigmaRequest = 0.3;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::poisson_distribution<int> arrivals(50);
    double level = SigmaSecond * normal(rng);
    RunSeries run;
    for (int s = 0; s < seconds; ++s) {
        level = phi * level + SigmaSecond * std::sqrt(1 - phi * phi) * normal(rng);
        RunSecond second;
        second.requests = arrivals(rng);
        std::binomial_distribution<std::int64_t> failures(second.requests, 0.01);
        second.errors = failures(rng);
        for (std::int64_t i = 0; i < second.requests - second.errors; ++i)
            second.latency.record(std::int64_t(50 * Ms * scale * std::exp(level + SigmaRequest * normal(rng))));
        run.seconds.append(second);
    }
    return run;
}

//! A run in 5-second windows, each at one fixed latency: 100 ms · e^(0.1 · sign) per window.
RunSeries windowedRun(const QList<int>& signs)
{
    RunSeries run;
    for (int sign : signs) {
        for (int s = 0; s < Comparison::WindowSeconds; ++s) {
            RunSecond second;
            second.requests = 10;
            second.latency.record(std::int64_t(100 * Ms * std::exp(0.1 * sign)), 10);
            run.seconds.append(second);
        }
    }
    return run;
}

QList<int> repeated(const QList<int>& pattern, int times)
{
    QList<int> out;
    for (int i = 0; i < times; ++i)
        out.append(pattern);
    return out;
}

//! Ten-second batches, each second of a batch at exp(y) seconds with 100 requests and no error.
RunSeries batchedRun(const QList<double>& logLatencyS)
{
    RunSeries run;
    for (double y : logLatencyS) {
        for (int s = 0; s < 10; ++s) {
            RunSecond second;
            second.requests = 100;
            second.latency.record(std::int64_t(std::exp(y) * 1e9), 100);
            run.seconds.append(second);
        }
    }
    return run;
}

//! `run` in intervals of `unitS` seconds, as a long run's report keeps its windows.
RunSeries coarsened(const RunSeries& run, int unitS)
{
    RunSeries out;
    out.unitS = unitS;
    for (qsizetype i = 0; i < run.seconds.size(); i += unitS) {
        RunSecond w;
        w.lengthS = 0;
        for (qsizetype j = i; j < std::min(run.seconds.size(), i + unitS); ++j) {
            w.latency.merge(run.seconds[j].latency);
            w.requests += run.seconds[j].requests;
            w.errors += run.seconds[j].errors;
            w.lengthS += run.seconds[j].lengthS;
        }
        out.seconds.append(w);
    }
    return out;
}

ComparisonInput input(const QString& type, const RunSeries& baseline, const RunSeries& candidate)
{
    return ComparisonInput { type, { baseline }, { candidate } };
}

const MetricComparison* find(const ComparisonResult& result, const QString& type, ComparisonOptions::Metric metric)
{
    for (const MetricComparison& c : result.comparisons) {
        if (c.requestType == type && c.metric == metric)
            return &c;
    }
    return nullptr;
}

bool allFinite(const ComparisonResult& result)
{
    for (const MetricComparison& c : result.comparisons) {
        for (double v : { c.baseline, c.candidate, c.changePct, c.ciLowPct, c.ciHighPct, c.mdePct, c.df, c.pRegression,
                 c.pImprovement }) {
            if (!std::isfinite(v))
                return false;
        }
    }
    return true;
}

//! For each option set, the share of seeded pairs of identically distributed runs in which any
//! comparison says regression; every option set sees the same pairs.
QList<double> falseRegressionRates(const QList<ComparisonOptions>& optionSets, int pairs)
{
    QList<int> falseRegressions(optionSets.size(), 0);
    for (int pair = 0; pair < pairs; ++pair) {
        const QList<ComparisonInput> inputs { input(QStringLiteral("all"),
            syntheticRun(quint64(1000 + 2 * pair), 120, 1.0), syntheticRun(quint64(1001 + 2 * pair), 120, 1.0)) };
        for (qsizetype i = 0; i < optionSets.size(); ++i)
            falseRegressions[i] += Comparison::compare(inputs, optionSets.at(i)).regressions > 0 ? 1 : 0;
    }
    QList<double> rates;
    for (int count : falseRegressions)
        rates.append(double(count) / pairs);
    return rates;
}

} // namespace

class TestComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tQuantile_data();
    void tQuantile();
    void tCdfInvertsQuantile();
    void normalQuantile_data();
    void normalQuantile();
    void welchAgainstHandComputation();
    void welchNeedsTwoValuesASide();
    void batchLengthFromAutocorrelation_data();
    void batchLengthFromAutocorrelation();
    void commonBatchLength();
    void batchesMergeSeconds();
    void identicalRunsRarelyRegress();
    void slowerCandidateRegresses();
    void fasterCandidateImproves();
    void twoSecondsAreInconclusive();
    void typeWithoutSuccessIsInconclusive();
    void holmTurnsMarginalRegressionInconclusive();
    void throughputHigherIsBetter();
    void runsAsUnits();
    void runsOfCoarserWindowsCompare();
    void names();
};

void TestComparison::tQuantile_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("df");
    QTest::addColumn<double>("expected");
    // Table values; the non-integer ones from mpmath (30 digits): findroot of
    // 1 − betainc(ν/2, 1/2, 0, ν/(ν + t²), regularized) / 2 − p.
    QTest::addRow("0.95, 1") << 0.95 << 1.0 << 6.31375151467504;
    QTest::addRow("0.95, 10") << 0.95 << 10.0 << 1.81246112281168;
    QTest::addRow("0.975, 5") << 0.975 << 5.0 << 2.57058183563631;
    QTest::addRow("0.8, 3.5") << 0.8 << 3.5 << 0.956758833932311;
    QTest::addRow("0.99, 2.5") << 0.99 << 2.5 << 5.35311117303087;
    QTest::addRow("0.6, 1.3") << 0.6 << 1.3 << 0.308183276566481;
    QTest::addRow("0.999, 100") << 0.999 << 100.0 << 3.17373949373878;
    QTest::addRow("0.05, 10 (lower tail)") << 0.05 << 10.0 << -1.81246112281168;
    QTest::addRow("0.98, 8") << 0.98 << 8.0 << 2.44898498964;
}

void TestComparison::tQuantile()
{
    QFETCH(double, p);
    QFETCH(double, df);
    QFETCH(double, expected);
    const double t = StudentT::quantile(p, df);
    QVERIFY2(std::fabs(t - expected) <= 1e-9 * std::fabs(expected), qPrintable(QString::number(t, 'g', 17)));
}

void TestComparison::tCdfInvertsQuantile()
{
    for (double df : { 1.0, 1.7, 3.2347, 12.0, 250.0 }) {
        for (double p : { 0.001, 0.1, 0.5, 0.8, 0.95, 0.9999 }) {
            const double back = StudentT::cdf(StudentT::quantile(p, df), df);
            QVERIFY2(
                std::fabs(back - p) <= 1e-12, qPrintable(QStringLiteral("df %1 p %2 → %3").arg(df).arg(p).arg(back)));
        }
    }
    QVERIFY(std::isnan(StudentT::quantile(0.9, 0.0)));
    QVERIFY(std::isnan(StudentT::quantile(1.5, 3.0)));
}

void TestComparison::normalQuantile_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    // mpmath: sqrt(2) · erfinv(2p − 1).
    QTest::addRow("0.975") << 0.975 << 1.95996398454005;
    QTest::addRow("0.999") << 0.999 << 3.09023230616781;
    QTest::addRow("1e-9") << 1e-9 << -5.997807015007687;
}

void TestComparison::normalQuantile()
{
    QFETCH(double, p);
    QFETCH(double, expected);
    QVERIFY(std::fabs(StudentT::normalQuantile(p) - expected) <= 1e-12 * std::fabs(expected));
}

void TestComparison::welchAgainstHandComputation()
{
    // Baseline 1, 2, 3, 4: mean 2.5, variance 5/3, variance of the mean 5/12 = 0.416667.
    // Candidate 2, 4, 6: mean 4, variance 4, variance of the mean 4/3 = 1.333333.
    // d = 1.5, SE = sqrt(5/12 + 4/3) = sqrt(1.75) = 1.3228757.
    // ν = 1.75² / ((5/12)²/3 + (4/3)²/2) = 3.0625 / (0.0578704 + 0.8888889) = 3.2347188.
    // t_0.95(3.2347188) = 2.2853521 (mpmath), so 90 % CI = 1.5 ± 2.2853521 · 1.3228757
    // = [−1.5232366, 4.5232366].
    const WelchInterval w = Comparison::welch({ 1, 2, 3, 4 }, { 2, 4, 6 }, 0.90);
    QVERIFY(w.valid);
    QCOMPARE(w.difference, 1.5);
    QVERIFY(std::fabs(w.standardError - 1.32287565553) < 1e-9);
    QVERIFY(std::fabs(w.df - 3.23471882641) < 1e-9);
    QVERIFY(std::fabs(w.low - -1.52323661397) < 1e-8);
    QVERIFY(std::fabs(w.high - 4.52323661397) < 1e-8);
}

void TestComparison::welchNeedsTwoValuesASide()
{
    QVERIFY(!Comparison::welch({ 1 }, { 2, 3 }, 0.9).valid);
    const WelchInterval flat = Comparison::welch({ 2, 2, 2 }, { 3, 3 }, 0.9);
    QVERIFY(flat.valid);
    QCOMPARE(flat.standardError, 0.0);
    QCOMPARE(flat.low, 1.0);
    QCOMPARE(flat.high, 1.0);
}

void TestComparison::batchLengthFromAutocorrelation_data()
{
    QTest::addColumn<QList<int>>("windows");
    QTest::addColumn<double>("rho");
    QTest::addColumn<int>("batch");
    // Two-valued window means are an affine image of ±1, and ρ does not change under one.
    // +++−−− four times (24 windows, 120 s): mean 0, Σd² = 24; of the 23 neighbour products each
    // period gives 1, 1, −1, 1, 1, −1 and the last −1 is missing: 4·2 + 1 = 9. ρ = 9/24 = 0.375,
    // τ = 5·1.375/0.625 = 11 s, 2τ = 22 s, under the cap 120/5 = 24 s.
    QTest::addRow("rho 0.375") << repeated({ 1, 1, 1, -1, -1, -1 }, 4) << 0.375 << 22;
    // +−+−… (24 windows): ρ = −23/24, clamped to 0: τ = 5 s, the 10 s floor.
    QTest::addRow("negative rho") << repeated({ 1, -1 }, 12) << -23.0 / 24.0 << 10;
    // 12 × + then 12 × −: products 22 × 1 and one −1, ρ = 21/24 = 0.875, τ = 5·1.875/0.125 = 75 s,
    // 2τ = 150 s, capped at 120/5 = 24 s.
    QTest::addRow("long correlation, capped") << (repeated({ 1 }, 12) + repeated({ -1 }, 12)) << 0.875 << 24;
}

void TestComparison::batchLengthFromAutocorrelation()
{
    QFETCH(QList<int>, windows);
    QFETCH(double, rho);
    QFETCH(int, batch);
    const RunSeries run = windowedRun(windows);
    const QList<double> means = Comparison::windowLogMeans(run);
    QCOMPARE(means.size(), windows.size());
    QVERIFY2(std::fabs(Comparison::lag1Autocorrelation(means) - rho) < 1e-12,
        qPrintable(QString::number(Comparison::lag1Autocorrelation(means))));
    QCOMPARE(Comparison::batchSecondsFor(run), batch);
}

void TestComparison::commonBatchLength()
{
    const RunSeries asks22 = windowedRun(repeated({ 1, 1, 1, -1, -1, -1 }, 4)); // 120 s
    const RunSeries asks10 = windowedRun(repeated({ 1, -1 }, 12)); // 120 s
    const RunSeries short60 = windowedRun(repeated({ 1, -1 }, 6)); // 60 s, cap 12 s
    QCOMPARE(Comparison::commonBatchSeconds({ asks22, asks10 }), 22);
    QCOMPARE(Comparison::commonBatchSeconds({ asks10, asks22 }), 22);
    QCOMPARE(Comparison::commonBatchSeconds({ asks22, short60 }), 12);
    // Too short for five batches of even 1 s: 1 s.
    RunSeries tiny;
    tiny.seconds.resize(3);
    QCOMPARE(Comparison::commonBatchSeconds({ tiny, tiny }), 1);
}

void TestComparison::batchesMergeSeconds()
{
    RunSeries run;
    for (int s = 0; s < 7; ++s) {
        RunSecond second;
        second.requests = s + 1;
        second.errors = s % 2;
        second.latency.record(std::int64_t((s + 1) * Ms));
        second.lengthS = s == 6 ? 0.5 : 1.0;
        run.seconds.append(second);
    }
    const QList<RunSecond> batches = Comparison::batches(run, 3);
    QCOMPARE(batches.size(), 2); // the seventh second does not make a batch
    QCOMPARE(batches.at(0).requests, 1 + 2 + 3);
    QCOMPARE(batches.at(1).requests, 4 + 5 + 6);
    QCOMPARE(batches.at(1).errors, 1 + 0 + 1);
    QCOMPARE(batches.at(1).latency.count(), 3);
    QCOMPARE(batches.at(1).lengthS, 3.0);
    QCOMPARE(run.durationS(), 6.5);
}

void TestComparison::identicalRunsRarelyRegress()
{
    // With δ = 0 each one-sided regression test is at exactly α/2 = 5 % for a null difference and
    // Holm keeps the family (all six metrics) at 5 % as well: 200 pairs should give about 10
    // false regressions, and more than 20 (10 %) has a binomial probability of about 0.1 % if the
    // method is right. Batches that are too short for the correlation break it, as the per-second
    // control shows.
    ComparisonOptions noMargin;
    noMargin.margin = 0;
    noMargin.marginPp = 0;
    // Control: per-second values as samples (the method the issue warns against), same data.
    ComparisonOptions perSecond = noMargin;
    perSecond.batchSeconds = 1;
    const QList<double> rates = falseRegressionRates({ noMargin, {}, perSecond }, 200);
    qInfo("false regressions in 200 pairs: margin 0: %.1f %%, default 5 %% margin: %.1f %%, 1 s batches and "
          "margin 0: %.1f %%",
        100 * rates.at(0), 100 * rates.at(1), 100 * rates.at(2));
    QVERIFY2(rates.at(0) <= 0.10, qPrintable(QString::number(rates.at(0))));
    // The defaults (5 % margin, 90 % confidence): a true difference of 0 is far inside the
    // margin, so false regressions should be rare: at most 5 % (the level at the margin itself).
    QVERIFY2(rates.at(1) <= 0.05, qPrintable(QString::number(rates.at(1))));
    // The generator is correlated enough to break a method that ignores it: at least three times
    // the nominal 5 %.
    QVERIFY2(rates.at(2) > 0.15, qPrintable(QString::number(rates.at(2))));
}

void TestComparison::slowerCandidateRegresses()
{
    for (quint64 seed = 0; seed < 10; ++seed) {
        const RunSeries baseline = syntheticRun(100 + seed, 120, 1.0);
        const RunSeries candidate = syntheticRun(200 + seed, 120, 1.3);
        const ComparisonResult result = Comparison::compare({ input(QStringLiteral("chat"), baseline, candidate) });
        QVERIFY(allFinite(result));
        QCOMPARE(result.comparisons.size(), 6);
        for (auto metric : { ComparisonOptions::P50, ComparisonOptions::P95 }) {
            const MetricComparison* c = find(result, QStringLiteral("chat"), metric);
            QVERIFY(c);
            QVERIFY2(c->verdict == MetricComparison::Regression,
                qPrintable(QStringLiteral("seed %1 %2: %3 [%4, %5] %6")
                               .arg(seed)
                               .arg(Comparison::metricName(metric))
                               .arg(c->changePct)
                               .arg(c->ciLowPct)
                               .arg(c->ciHighPct)
                               .arg(Comparison::verdictName(c->verdict))));
            QVERIFY(c->changePct > 15 && c->changePct < 45);
            QVERIFY(c->candidate > c->baseline * 1.15);
        }
        QVERIFY(find(result, QStringLiteral("chat"), ComparisonOptions::Throughput)->verdict
            != MetricComparison::Regression);
        QVERIFY(find(result, QStringLiteral("chat"), ComparisonOptions::ErrorRate)->verdict
            != MetricComparison::Regression);
        QCOMPARE(result.verdict, MetricComparison::Regression);
        QVERIFY(result.regressions >= 2);
        QVERIFY(result.batchSeconds >= 10 && result.batchSeconds <= 24);
    }
}

void TestComparison::fasterCandidateImproves()
{
    for (quint64 seed = 0; seed < 10; ++seed) {
        const RunSeries baseline = syntheticRun(300 + seed, 120, 1.0);
        const RunSeries candidate = syntheticRun(400 + seed, 120, 0.7);
        const ComparisonResult result = Comparison::compare({ input(QStringLiteral("chat"), baseline, candidate) });
        QVERIFY(allFinite(result));
        for (auto metric : { ComparisonOptions::P50, ComparisonOptions::P95 }) {
            const MetricComparison* c = find(result, QStringLiteral("chat"), metric);
            QVERIFY2(c->verdict == MetricComparison::Improvement, qPrintable(QString::number(seed)));
            QVERIFY(c->ciHighPct < -5);
        }
        QCOMPARE(result.regressions, 0);
        QVERIFY(result.verdict != MetricComparison::Regression);
    }
}

void TestComparison::twoSecondsAreInconclusive()
{
    const RunSeries baseline = syntheticRun(1, 2, 1.0);
    const RunSeries candidate = syntheticRun(2, 2, 1.3);
    const ComparisonResult result = Comparison::compare({ input(QStringLiteral("all"), baseline, candidate) });
    QCOMPARE(result.comparisons.size(), 6);
    QVERIFY(allFinite(result));
    for (const MetricComparison& c : result.comparisons) {
        QCOMPARE(c.verdict, MetricComparison::Inconclusive);
        QCOMPARE(c.note, MetricComparison::TooFewUnits);
    }
    QCOMPARE(result.verdict, MetricComparison::Inconclusive);
    QCOMPARE(result.regressions, 0);
}

void TestComparison::typeWithoutSuccessIsInconclusive()
{
    const auto allFailing = [](int seconds) {
        RunSeries run;
        for (int s = 0; s < seconds; ++s) {
            RunSecond second;
            second.requests = 20 + s % 3;
            second.errors = second.requests;
            run.seconds.append(second);
        }
        return run;
    };
    const ComparisonResult result
        = Comparison::compare({ input(QStringLiteral("chat"), syntheticRun(5, 60, 1.0), syntheticRun(6, 60, 1.0)),
            input(QStringLiteral("login"), allFailing(60), allFailing(60)) });
    QVERIFY(allFinite(result));
    for (auto metric :
        { ComparisonOptions::P50, ComparisonOptions::P90, ComparisonOptions::P95, ComparisonOptions::P99 }) {
        const MetricComparison* c = find(result, QStringLiteral("login"), metric);
        QCOMPARE(c->verdict, MetricComparison::Inconclusive);
        QCOMPARE(c->note, MetricComparison::TooFewUnits);
        QCOMPARE(c->baselineUnits, 0);
        QCOMPARE(c->baseline, 0.0);
    }
    // 100 % errors in every batch of both sides: no variation, no difference.
    const MetricComparison* errors = find(result, QStringLiteral("login"), ComparisonOptions::ErrorRate);
    QCOMPARE(errors->verdict, MetricComparison::NoChange);
    QCOMPARE(errors->baseline, 100.0);
    QCOMPARE(result.verdict, MetricComparison::Inconclusive);

    // A metric of 0 in a batch (here: no request at all completes, so throughput 0) has no logarithm.
    RunSeries idle = syntheticRun(7, 60, 1.0);
    for (int s = 20; s < 40; ++s)
        idle.seconds[s] = RunSecond {};
    const ComparisonResult stalled
        = Comparison::compare({ input(QStringLiteral("chat"), syntheticRun(8, 60, 1.0), idle) });
    QVERIFY(allFinite(stalled));
    const MetricComparison* throughput = find(stalled, QStringLiteral("chat"), ComparisonOptions::Throughput);
    QCOMPARE(throughput->verdict, MetricComparison::Inconclusive);
    QCOMPARE(throughput->note, MetricComparison::ZeroMetric);

    // Constant but different values on both sides: no noise to judge by, so no claim.
    const ComparisonResult flat = Comparison::compare(
        { input(QStringLiteral("x"), batchedRun({ -2, -2, -2, -2, -2 }), batchedRun({ -1, -1, -1, -1, -1 })) },
        ComparisonOptions { .metrics = { ComparisonOptions::P50 }, .batchSeconds = 10 });
    QVERIFY(allFinite(flat));
    QCOMPARE(flat.comparisons.at(0).verdict, MetricComparison::Inconclusive);
    QCOMPARE(flat.comparisons.at(0).note, MetricComparison::NoVariation);
}

void TestComparison::holmTurnsMarginalRegressionInconclusive()
{
    // Baseline batches at ln(latency) = ln 0.1 + {0, 0.02, −0.02, 0.01, −0.01}: variance 0.00025,
    // variance of the mean 0.00005 per side, SE = 0.01, ν = 8. A shift of m + t_0.98(8)·SE
    // (m = ln 1.05 = 0.04879, t_0.98(8) = 2.44898) puts the regression p-value at 0.02: below
    // α/2 = 0.05 alone, above 0.05/6 (the first Holm threshold) with six metrics that all move.
    const QList<double> offsets { 0, 0.02, -0.02, 0.01, -0.01 };
    const double shift = std::log(1.05) + 2.44898498964 * 0.01;
    QList<double> baselineY;
    QList<double> candidateY;
    for (double o : offsets) {
        baselineY.append(std::log(0.1) + o);
        candidateY.append(std::log(0.1) + o + shift);
    }
    const QList<ComparisonInput> inputs { input(
        QStringLiteral("chat"), batchedRun(baselineY), batchedRun(candidateY)) };

    ComparisonOptions alone;
    alone.metrics = { ComparisonOptions::P50 };
    alone.batchSeconds = 10;
    const ComparisonResult single = Comparison::compare(inputs, alone);
    const MetricComparison& p50 = single.comparisons.at(0);
    QCOMPARE(p50.verdict, MetricComparison::Regression);
    QVERIFY2(p50.pRegression > 0.01 && p50.pRegression < 0.03, qPrintable(QString::number(p50.pRegression)));
    QVERIFY(std::fabs(p50.df - 8) < 0.5);
    // MDE = (t_0.95(8) + t_0.8(8)) · SE = (1.859548 + 0.888890) · 0.01 = 0.0274844 → 2.787 %.
    QVERIFY2(std::fabs(p50.mdePct - 2.787) < 0.1, qPrintable(QString::number(p50.mdePct)));

    ComparisonOptions gated;
    gated.batchSeconds = 10;
    const ComparisonResult family = Comparison::compare(inputs, gated);
    QCOMPARE(family.comparisons.size(), 6);
    const MetricComparison* corrected = find(family, QStringLiteral("chat"), ComparisonOptions::P50);
    QCOMPARE(corrected->verdict, MetricComparison::Inconclusive);
    QCOMPARE(corrected->note, MetricComparison::HolmRejected);
    QCOMPARE(family.regressions, 0);
    QCOMPARE(family.verdict, MetricComparison::Inconclusive);
    // Identical throughput and error rate (no variation, no difference) are no change.
    QCOMPARE(find(family, QStringLiteral("chat"), ComparisonOptions::Throughput)->verdict, MetricComparison::NoChange);

    gated.holm = false;
    const ComparisonResult uncorrected = Comparison::compare(inputs, gated);
    QCOMPARE(find(uncorrected, QStringLiteral("chat"), ComparisonOptions::P50)->verdict, MetricComparison::Regression);
    QCOMPARE(uncorrected.regressions, 4); // p50 … p99 of single-valued histograms move together
}

void TestComparison::throughputHigherIsBetter()
{
    // Five 10-second batches at 100 · (1 + o) requests/s; the candidate at 0.7 or 1.3 times that.
    const auto run = [](double factor) {
        RunSeries out;
        for (double o : { 0.0, 0.02, -0.02, 0.01, -0.01 }) {
            for (int s = 0; s < 10; ++s) {
                RunSecond second;
                second.requests = std::int64_t(std::lround(100 * (1 + o) * factor));
                second.latency.record(std::int64_t(20 * Ms), second.requests);
                out.seconds.append(second);
            }
        }
        return out;
    };
    ComparisonOptions options;
    options.metrics = { ComparisonOptions::Throughput };
    options.batchSeconds = 10;
    const ComparisonResult lower = Comparison::compare({ input(QStringLiteral("all"), run(1.0), run(0.7)) }, options);
    QCOMPARE(lower.comparisons.at(0).verdict, MetricComparison::Regression);
    QVERIFY(std::fabs(lower.comparisons.at(0).changePct - -30) < 1);
    QVERIFY(std::fabs(lower.comparisons.at(0).baseline - 100) < 0.5);
    // The two figures shown and the change between them agree.
    const MetricComparison& shown = lower.comparisons.at(0);
    QVERIFY(std::fabs(100 * (shown.candidate / shown.baseline - 1) - shown.changePct) < 1e-9);
    const ComparisonResult higher = Comparison::compare({ input(QStringLiteral("all"), run(1.0), run(1.3)) }, options);
    QCOMPARE(higher.comparisons.at(0).verdict, MetricComparison::Improvement);
    QCOMPARE(higher.verdict, MetricComparison::Improvement);
    QCOMPARE(higher.regressions, 0);
}

void TestComparison::runsAsUnits()
{
    // Three runs a side: one value per run over its whole length, so the batch length is 0.
    ComparisonInput several { QStringLiteral("all"), {}, {} };
    for (quint64 r = 0; r < 3; ++r) {
        several.baseline.append(syntheticRun(500 + r, 60, 1.0));
        several.candidate.append(syntheticRun(600 + r, 60, 1.3));
    }
    const ComparisonResult result = Comparison::compare({ several });
    QCOMPARE(result.batchSeconds, 0);
    const MetricComparison* p50 = find(result, QStringLiteral("all"), ComparisonOptions::P50);
    QCOMPARE(p50->baselineUnits, 3);
    QCOMPARE(p50->candidateUnits, 3);
    QVERIFY(allFinite(result));
    QVERIFY(p50->changePct > 15 && p50->changePct < 45);
}

void TestComparison::runsOfCoarserWindowsCompare()
{
    // A 40-minute baseline in 20-second windows (issue #19) against a candidate of 5-second ones.
    const RunSeries baseline = coarsened(syntheticRun(7, 2400, 1.0), 20);
    const RunSeries slower = coarsened(syntheticRun(8, 600, 1.3), 5);
    const RunSeries same = coarsened(syntheticRun(9, 600, 1.0), 5);
    ComparisonResult result = Comparison::compare({ input(QStringLiteral("chat"), baseline, slower) });
    QVERIFY(allFinite(result));
    QCOMPARE(result.batchSeconds % 20, 0); // whole windows of the coarser run
    QCOMPARE(find(result, QStringLiteral("chat"), ComparisonOptions::P50)->verdict, MetricComparison::Regression);
    const double change = find(result, QStringLiteral("chat"), ComparisonOptions::P50)->changePct;
    QVERIFY2(change > 15 && change < 45, qPrintable(QString::number(change)));
    result = Comparison::compare({ input(QStringLiteral("chat"), baseline, same) });
    QVERIFY(find(result, QStringLiteral("chat"), ComparisonOptions::P50)->verdict != MetricComparison::Regression);
    // A batch length asked for is rounded up to whole windows.
    ComparisonOptions options;
    options.batchSeconds = 30;
    result = Comparison::compare({ input(QStringLiteral("chat"), baseline, slower) }, options);
    QCOMPARE(result.batchSeconds, 40);
}

void TestComparison::names()
{
    QCOMPARE(Comparison::verdictName(MetricComparison::Regression), QStringLiteral("regression"));
    QCOMPARE(Comparison::verdictName(MetricComparison::Improvement), QStringLiteral("improvement"));
    QCOMPARE(Comparison::verdictName(MetricComparison::NoChange), QStringLiteral("no_change"));
    QCOMPARE(Comparison::verdictName(MetricComparison::Inconclusive), QStringLiteral("inconclusive"));
    const QStringList metrics { QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p95"),
        QStringLiteral("p99"), QStringLiteral("error_rate"), QStringLiteral("throughput") };
    for (int m = 0; m < ComparisonOptions::MetricCount; ++m)
        QCOMPARE(Comparison::metricName(ComparisonOptions::Metric(m)), metrics.at(m));
}

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
