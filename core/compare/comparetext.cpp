// SPDX-License-Identifier: MIT

#include "comparetext.h"

#include "format.h"

#include <QCoreApplication>

namespace Stressdeck::CompareText {

namespace {

QString signedNumber(double v)
{
    return (v >= 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', 1);
}

bool isErrorRate(const MetricComparison& c)
{
    return c.metric == ComparisonOptions::ErrorRate;
}

QString padded(const QString& s, int width)
{
    return s.size() < width ? s.leftJustified(width, QLatin1Char(' ')) : s + QLatin1Char(' ');
}

QString sideLine(const QStringList& files, const QDateTime& startedAt, const QJsonObject& config)
{
    return QStringLiteral("%1 (%2, %3 against %4)")
        .arg(files.join(QStringLiteral(", ")), startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            config.value(QStringLiteral("scenario")).toString(), config.value(QStringLiteral("target")).toString());
}

} // namespace

bool hasInterval(const MetricComparison& c)
{
    return c.note != MetricComparison::TooFewUnits && c.note != MetricComparison::ZeroMetric;
}

QString verdict(const MetricComparison& c)
{
    switch (c.verdict) {
    case MetricComparison::Regression:
        return QCoreApplication::translate("CompareText", "regression");
    case MetricComparison::Improvement:
        return QCoreApplication::translate("CompareText", "improvement");
    case MetricComparison::NoChange:
        return QCoreApplication::translate("CompareText", "no change");
    case MetricComparison::Inconclusive:
        break;
    }
    if (c.note == MetricComparison::TooFewUnits)
        return QCoreApplication::translate("CompareText", "inconclusive (too little data)");
    if (c.note == MetricComparison::ZeroMetric || c.note == MetricComparison::NoVariation)
        return QCoreApplication::translate("CompareText", "inconclusive");
    if (c.note == MetricComparison::HolmRejected)
        return QCoreApplication::translate("CompareText", "inconclusive (not significant after Holm's correction)");
    return isErrorRate(c)
        ? QCoreApplication::translate("CompareText", "inconclusive (resolution ±%1 pp)").arg(c.mdePct, 0, 'f', 1)
        : QCoreApplication::translate("CompareText", "inconclusive (resolution ±%1 %)").arg(c.mdePct, 0, 'f', 1);
}

QString overallVerdict(MetricComparison::Verdict v)
{
    switch (v) {
    case MetricComparison::Regression:
        return QCoreApplication::translate("CompareText", "REGRESSION");
    case MetricComparison::Improvement:
        return QCoreApplication::translate("CompareText", "IMPROVEMENT");
    case MetricComparison::NoChange:
        return QCoreApplication::translate("CompareText", "NO CHANGE");
    case MetricComparison::Inconclusive:
        break;
    }
    return QCoreApplication::translate("CompareText", "INCONCLUSIVE");
}

QString value(const MetricComparison& c, double v)
{
    switch (c.metric) {
    case ComparisonOptions::ErrorRate:
        return QCoreApplication::translate("CompareText", "%1 %").arg(v, 0, 'f', 2);
    case ComparisonOptions::Throughput:
        return QCoreApplication::translate("CompareText", "%1 req/s").arg(v, 0, 'f', 1);
    default:
        return formatLatency(v);
    }
}

QString change(const MetricComparison& c, double v)
{
    if (!hasInterval(c))
        return QStringLiteral("–");
    return isErrorRate(c) ? QCoreApplication::translate("CompareText", "%1 pp").arg(signedNumber(v))
                          : QCoreApplication::translate("CompareText", "%1 %").arg(signedNumber(v));
}

QString interval(const MetricComparison& c)
{
    if (!hasInterval(c))
        return QStringLiteral("–");
    return QStringLiteral("[%1, %2] %3")
        .arg(signedNumber(c.ciLowPct), signedNumber(c.ciHighPct),
            isErrorRate(c) ? QStringLiteral("pp") : QStringLiteral("%"));
}

QString verdictLine(const CompareReport& r)
{
    QStringList regressed;
    for (const MetricComparison& c : r.comparisons) {
        if (c.verdict == MetricComparison::Regression)
            regressed.append(QStringLiteral("%1 %2 %3")
                                 .arg(c.requestType, Comparison::metricName(c.metric), change(c, c.changePct)));
    }
    if (!regressed.isEmpty())
        return QCoreApplication::translate(
            "CompareText", "Verdict: REGRESSION — %n regression(s): %1", nullptr, int(regressed.size()))
            .arg(regressed.join(QStringLiteral(", ")));
    if (r.verdict == MetricComparison::Inconclusive)
        return QCoreApplication::translate("CompareText",
            "Verdict: no regression found, but INCONCLUSIVE — some differences are smaller than the runs can "
            "resolve (see the resolution column); run longer or repeat the runs");
    return QCoreApplication::translate("CompareText", "Verdict: no regression — %1").arg(overallVerdict(r.verdict));
}

QString method(const CompareReport& r)
{
    const QString units = r.batchS > 0
        ? QCoreApplication::translate("CompareText",
            "Each run is cut into batches of %1 s, long enough that neighbouring batches are nearly "
            "independent (twice the correlation time of the latency, measured from 5-second windows, at "
            "least 10 s and at most a fifth of the run).")
              .arg(r.batchS)
        : QCoreApplication::translate("CompareText", "Several runs are on each side: each run is one unit.");
    return units + QLatin1Char(' ')
        + QCoreApplication::translate("CompareText",
            "For each metric the logarithm of its value per unit is averaged on each side, and a Welch "
            "%1 % confidence interval is put on the difference. A change counts only beyond the margin "
            "of ±%2 % (the error rate: ±1 percentage point): a regression when the whole interval lies "
            "above it, an improvement when it lies below, no change when it lies within, otherwise "
            "inconclusive. The metrics are judged together with Holm's correction, so the chance of a "
            "false alarm stays at the nominal level. The resolution is the smallest change these runs "
            "could detect.")
              .arg(r.confidencePct, 0, 'f', 0)
              .arg(r.marginPct, 0, 'f', 0);
}

QString text(const CompareReport& r)
{
    QString out;
    out += QCoreApplication::translate("CompareText", "Baseline:  ")
        + sideLine(r.baselineFiles, r.baselineStartedAt, r.baselineConfig) + QLatin1Char('\n');
    out += QCoreApplication::translate("CompareText", "Candidate: ")
        + sideLine(r.candidateFiles, r.candidateStartedAt, r.candidateConfig) + QLatin1Char('\n');
    out += (r.batchS > 0 ? QCoreApplication::translate("CompareText", "Batches of %1 s").arg(r.batchS)
                         : QCoreApplication::translate("CompareText", "Runs as units"))
        + QCoreApplication::translate("CompareText", "; margin ±%1 %; %2 % intervals")
              .arg(r.marginPct, 0, 'f', 0)
              .arg(r.confidencePct, 0, 'f', 0)
        + QLatin1Char('\n');
    QString type;
    for (const MetricComparison& c : r.comparisons) {
        if (c.requestType != type) {
            type = c.requestType;
            out += QLatin1Char('\n') + type + QLatin1Char('\n');
            out += QStringLiteral("  ") + padded(QCoreApplication::translate("CompareText", "metric"), 12)
                + padded(QCoreApplication::translate("CompareText", "baseline"), 13)
                + padded(QCoreApplication::translate("CompareText", "candidate"), 13)
                + padded(QCoreApplication::translate("CompareText", "change"), 12)
                + padded(QCoreApplication::translate("CompareText", "interval"), 23)
                + QCoreApplication::translate("CompareText", "verdict") + QLatin1Char('\n');
        }
        out += QStringLiteral("  ") + padded(Comparison::metricName(c.metric), 12) + padded(value(c, c.baseline), 13)
            + padded(value(c, c.candidate), 13) + padded(change(c, c.changePct), 12) + padded(interval(c), 23)
            + verdict(c) + QLatin1Char('\n');
    }
    out += QLatin1Char('\n');
    for (const QString& w : r.warnings)
        out += QCoreApplication::translate("CompareText", "Warning: ") + w + QLatin1Char('\n');
    out += verdictLine(r) + QLatin1Char('\n');
    return out;
}

} // namespace Stressdeck::CompareText
