// SPDX-License-Identifier: MIT

#include "runcomparison.h"

#include "savefile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Stressdeck {

namespace {

constexpr auto All = "all";

//! Names present in every report of both sides, in the order of the first baseline report.
QStringList commonTypes(const CompareSide& baseline, const CompareSide& candidate, QStringList* onlyOneSide)
{
    QStringList common = baseline.runs.first().types;
    QStringList seen = common;
    for (const CompareSide* side : { &baseline, &candidate }) {
        for (const ComparedRun& r : side->runs) {
            const QStringList& names = r.types;
            for (const QString& n : names) {
                if (!seen.contains(n))
                    seen.append(n);
            }
            common.removeIf([&names](const QString& n) { return !names.contains(n); });
        }
    }
    for (const QString& n : seen) {
        if (!common.contains(n))
            onlyOneSide->append(n);
    }
    return common;
}

} // namespace

ComparedRun ComparedRun::of(const Report& report, const QString& file)
{
    QStringList types;
    for (const StatsSummary& s : report.requestTypes)
        types.append(s.name);
    return { file, report.startedAt, report.toJson().value(QStringLiteral("config")).toObject(), types,
        report.latencyWindows, report.windowS };
}

QStringList CompareSide::files() const
{
    QStringList out;
    for (const ComparedRun& r : runs)
        out.append(r.file);
    return out;
}

RunSeries RunComparison::seriesOf(const ComparedRun& report, const QString& requestType)
{
    RunSeries series;
    series.unitS = report.windowS;
    const bool all = requestType == QLatin1String(All);
    for (const LatencyWindow& w : report.windows) {
        const WindowFigures f = all ? w.all : w.byType.value(requestType);
        series.seconds.append({ f.latency, f.requests, f.errors, w.lengthS });
    }
    return series;
}

QStringList RunComparison::configDifferences(const QJsonObject& ca, const QJsonObject& cb)
{
    QStringList differ;
    // What shapes the load and the service's answer; the seed, thresholds and the like do not.
    for (const char* key : { "scenario", "target", "load_model", "concurrency", "rate_rps", "duration_s",
             "think_time_ms", "timeout_s", "transport", "threads" }) {
        const QString k = QLatin1String(key);
        if (ca.value(k) != cb.value(k))
            differ.append(k);
    }
    return differ;
}

bool RunComparison::compare(const CompareSide& baseline, const CompareSide& candidate, const ComparisonOptions& options,
    CompareReport* result, QString* error)
{
    for (const CompareSide* side : { &baseline, &candidate }) {
        if (side->runs.isEmpty()) {
            *error = QCoreApplication::translate("RunComparison", "no report given for the %1")
                         .arg(side == &baseline ? QCoreApplication::translate("RunComparison", "baseline")
                                                : QCoreApplication::translate("RunComparison", "candidate"));
            return false;
        }
        for (qsizetype i = 0; i < side->runs.size(); ++i) {
            if (side->runs[i].windows.isEmpty()) {
                *error = QCoreApplication::translate("RunComparison",
                    "%1: has no latency windows (written by an older Stressdeck, or no request ended); run "
                    "it again to compare it")
                             .arg(side->runs[i].file);
                return false;
            }
        }
    }
    QStringList onlyOneSide;
    const QStringList types = commonTypes(baseline, candidate, &onlyOneSide);
    if (types.isEmpty()) {
        *error = QCoreApplication::translate("RunComparison", "%1 and %2 have no request type in common")
                     .arg(baseline.files().join(QStringLiteral(", ")), candidate.files().join(QStringLiteral(", ")));
        return false;
    }

    CompareReport r;
    r.toolVersion = QStringLiteral(STRESSDECK_VERSION);
    r.baselineFiles = baseline.files();
    r.candidateFiles = candidate.files();
    r.baselineStartedAt = baseline.runs.first().startedAt;
    r.candidateStartedAt = candidate.runs.first().startedAt;
    r.baselineConfig = baseline.runs.first().config;
    r.candidateConfig = candidate.runs.first().config;
    r.marginPct = 100 * options.margin;
    r.confidencePct = 100 * options.confidence;
    if (!onlyOneSide.isEmpty())
        r.warnings.append(
            QCoreApplication::translate("RunComparison", "request types not on both sides, not compared: %1")
                .arg(onlyOneSide.join(u", ")));
    const QStringList differ = configDifferences(r.baselineConfig, r.candidateConfig);
    if (!differ.isEmpty())
        r.warnings.append(
            QCoreApplication::translate("RunComparison", "the configurations differ in: %1").arg(differ.join(u", ")));

    QList<ComparisonInput> inputs;
    for (const QString& type : QStringList { QLatin1String(All) } + types) {
        ComparisonInput input;
        input.requestType = type;
        for (const ComparedRun& run : baseline.runs)
            input.baseline.append(seriesOf(run, type));
        for (const ComparedRun& run : candidate.runs)
            input.candidate.append(seriesOf(run, type));
        inputs.append(input);
    }
    const ComparisonResult compared = Comparison::compare(inputs, options);
    r.batchS = compared.batchSeconds;
    r.comparisons = compared.comparisons;
    r.regressions = compared.regressions;
    r.verdict = compared.verdict;
    *result = r;
    return true;
}

QJsonObject CompareReport::toJson() const
{
    auto side = [](const QStringList& files, const QDateTime& startedAt, const QJsonObject& config) {
        return QJsonObject { { QStringLiteral("files"), QJsonArray::fromStringList(files) },
            { QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs) },
            { QStringLiteral("config"), config } };
    };
    QJsonArray list;
    for (const MetricComparison& c : comparisons) {
        list.append(QJsonObject { { QStringLiteral("request_type"), c.requestType },
            { QStringLiteral("metric"), Comparison::metricName(c.metric) }, { QStringLiteral("baseline"), c.baseline },
            { QStringLiteral("candidate"), c.candidate }, { QStringLiteral("change_pct"), c.changePct },
            { QStringLiteral("ci_low_pct"), c.ciLowPct }, { QStringLiteral("ci_high_pct"), c.ciHighPct },
            { QStringLiteral("mde_pct"), c.mdePct }, { QStringLiteral("verdict"), Comparison::verdictName(c.verdict) },
            { QStringLiteral("note"), Comparison::noteName(c.note) },
            { QStringLiteral("baseline_units"), c.baselineUnits },
            { QStringLiteral("candidate_units"), c.candidateUnits } });
    }
    return QJsonObject { { QStringLiteral("schema"), QLatin1String(Schema) },
        { QStringLiteral("tool"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("stressdeck") },
                { QStringLiteral("version"), toolVersion } } },
        { QStringLiteral("baseline"), side(baselineFiles, baselineStartedAt, baselineConfig) },
        { QStringLiteral("candidate"), side(candidateFiles, candidateStartedAt, candidateConfig) },
        { QStringLiteral("margin_pct"), marginPct }, { QStringLiteral("confidence_pct"), confidencePct },
        { QStringLiteral("batch_s"), batchS }, { QStringLiteral("comparisons"), list },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(warnings) },
        { QStringLiteral("regressions"), regressions },
        { QStringLiteral("verdict"), Comparison::verdictName(verdict) } };
}

QByteArray CompareReport::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

bool CompareReport::fromJson(const QByteArray& data, const QString& origin, CompareReport* report, QString* error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parse);
    auto fail = [&](const QString& why) {
        *error = QCoreApplication::translate("RunComparison", "%1: not a Stressdeck comparison: %2").arg(origin, why);
        return false;
    };
    if (parse.error != QJsonParseError::NoError)
        return fail(parse.errorString());
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("schema")).toString() != QLatin1String(Schema))
        return fail(
            QCoreApplication::translate("RunComparison", "\"schema\" is not \"%1\"").arg(QLatin1String(Schema)));
    auto verdictOf = [](const QString& name) -> std::optional<MetricComparison::Verdict> {
        for (auto v : { MetricComparison::Regression, MetricComparison::Improvement, MetricComparison::NoChange,
                 MetricComparison::Inconclusive }) {
            if (Comparison::verdictName(v) == name)
                return v;
        }
        return std::nullopt;
    };
    CompareReport r;
    r.toolVersion = root.value(QStringLiteral("tool")).toObject().value(QStringLiteral("version")).toString();
    auto side = [](const QJsonObject& o, QStringList* files, QDateTime* startedAt, QJsonObject* config) {
        const QJsonArray list = o.value(QStringLiteral("files")).toArray();
        for (const QJsonValue& f : list)
            files->append(f.toString());
        *startedAt = QDateTime::fromString(o.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
        *config = o.value(QStringLiteral("config")).toObject();
    };
    side(root.value(QStringLiteral("baseline")).toObject(), &r.baselineFiles, &r.baselineStartedAt, &r.baselineConfig);
    side(root.value(QStringLiteral("candidate")).toObject(), &r.candidateFiles, &r.candidateStartedAt,
        &r.candidateConfig);
    r.marginPct = root.value(QStringLiteral("margin_pct")).toDouble();
    r.confidencePct = root.value(QStringLiteral("confidence_pct")).toDouble();
    r.batchS = root.value(QStringLiteral("batch_s")).toInt();
    const QJsonArray list = root.value(QStringLiteral("comparisons")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        MetricComparison c;
        c.requestType = o.value(QStringLiteral("request_type")).toString();
        bool known = false;
        for (auto m : ComparisonOptions::allMetrics()) {
            if (Comparison::metricName(m) == o.value(QStringLiteral("metric")).toString()) {
                c.metric = m;
                known = true;
            }
        }
        const auto verdict = verdictOf(o.value(QStringLiteral("verdict")).toString());
        if (!known || !verdict)
            return fail(
                QCoreApplication::translate("RunComparison", "comparisons[%1]: unknown metric or verdict").arg(i));
        c.verdict = *verdict;
        c.baseline = o.value(QStringLiteral("baseline")).toDouble();
        c.candidate = o.value(QStringLiteral("candidate")).toDouble();
        c.changePct = o.value(QStringLiteral("change_pct")).toDouble();
        c.ciLowPct = o.value(QStringLiteral("ci_low_pct")).toDouble();
        c.ciHighPct = o.value(QStringLiteral("ci_high_pct")).toDouble();
        c.mdePct = o.value(QStringLiteral("mde_pct")).toDouble();
        for (auto n : { MetricComparison::NoNote, MetricComparison::TooFewUnits, MetricComparison::ZeroMetric,
                 MetricComparison::NoVariation, MetricComparison::HolmRejected }) {
            if (Comparison::noteName(n) == o.value(QStringLiteral("note")).toString())
                c.note = n;
        }
        c.baselineUnits = o.value(QStringLiteral("baseline_units")).toInt();
        c.candidateUnits = o.value(QStringLiteral("candidate_units")).toInt();
        r.comparisons.append(c);
    }
    const QJsonArray warnings = root.value(QStringLiteral("warnings")).toArray();
    for (const QJsonValue& w : warnings)
        r.warnings.append(w.toString());
    r.regressions = root.value(QStringLiteral("regressions")).toInt();
    const auto verdict = verdictOf(root.value(QStringLiteral("verdict")).toString());
    if (!verdict)
        return fail(QCoreApplication::translate("RunComparison", "unknown verdict"));
    r.verdict = *verdict;
    *report = r;
    return true;
}

bool CompareReport::save(const QString& fileName, QString* error) const
{
    QString reason;
    if (!saveWholeFile(fileName, toJsonBytes(), &reason)) {
        *error
            = QCoreApplication::translate("RunComparison", "%1: cannot write the comparison: %2").arg(fileName, reason);
        return false;
    }
    return true;
}

} // namespace Stressdeck
