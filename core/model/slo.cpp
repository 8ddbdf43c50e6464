// SPDX-License-Identifier: MIT

#include "slo.h"

#include "format.h"
#include "runconfig.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool isPercentage(SloMetric metric)
{
    return metric == SloMetric::Errors;
}

bool validLimit(SloMetric metric, double limit)
{
    if (!std::isfinite(limit) || !(limit > 0))
        return false;
    return !isPercentage(metric) || limit <= 100;
}

QString termName(const SloTerm& term)
{
    const QString id = Slo::metricId(term.metric);
    return term.requestType.isEmpty() ? id : term.requestType + QLatin1Char('.') + id;
}

std::optional<double> figure(const SloFigures& figures, SloMetric metric)
{
    if (metric == SloMetric::Errors)
        return figures.errorPct;
    if (metric == SloMetric::TtftP95)
        return figures.ttftP95Ms;
    if (metric == SloMetric::TpotP95)
        return figures.tpotP95Ms;
    if (!figures.hasLatencies)
        return std::nullopt;
    switch (metric) {
    case SloMetric::P50:
        return figures.p50Ms;
    case SloMetric::P90:
        return figures.p90Ms;
    case SloMetric::P95:
        return figures.p95Ms;
    default:
        return figures.p99Ms;
    }
}

QString formatValue(SloMetric metric, double value)
{
    return isPercentage(metric) ? QCoreApplication::translate("Slo", "%1 %").arg(number(value)) : formatLatency(value);
}

bool duplicate(const QList<SloTerm>& terms, const SloTerm& term)
{
    for (const SloTerm& t : terms) {
        if (t.requestType == term.requestType && t.metric == term.metric)
            return true;
    }
    return false;
}

} // namespace

QString Slo::metricId(SloMetric metric)
{
    switch (metric) {
    case SloMetric::P50:
        return QStringLiteral("p50");
    case SloMetric::P90:
        return QStringLiteral("p90");
    case SloMetric::P95:
        return QStringLiteral("p95");
    case SloMetric::P99:
        return QStringLiteral("p99");
    case SloMetric::Errors:
        return QStringLiteral("errors");
    case SloMetric::TtftP95:
        return QStringLiteral("ttft_p95");
    case SloMetric::TpotP95:
        return QStringLiteral("tpot_p95");
    }
    return {};
}

std::optional<SloMetric> Slo::metricFromId(const QString& id)
{
    for (SloMetric metric : { SloMetric::P50, SloMetric::P90, SloMetric::P95, SloMetric::P99, SloMetric::Errors,
             SloMetric::TtftP95, SloMetric::TpotP95 }) {
        if (metricId(metric) == id)
            return metric;
    }
    return std::nullopt;
}

QString SloTerm::toString() const
{
    const QString limitText
        = isPercentage(metric) ? number(limit) + QLatin1Char('%') : formatDurationExact(limit / 1000);
    return termName(*this) + QLatin1Char('<') + limitText;
}

std::optional<Slo> Slo::parse(const QString& text, QString* error)
{
    if (text.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("Slo", "SLO: no terms given");
        return std::nullopt;
    }
    static const QRegularExpression re(QStringLiteral("^(?:([A-Za-z0-9_-]+)\\.)?([a-z0-9_]+)\\s*<\\s*(.+)$"));
    QList<SloTerm> terms;
    for (const QString& raw : text.split(QLatin1Char(','))) {
        const QString entry = raw.trimmed();
        const auto match = re.match(entry);
        const auto metric = match.hasMatch() ? metricFromId(match.captured(2)) : std::nullopt;
        if (!metric) {
            *error = QCoreApplication::translate("Slo",
                "SLO term \"%1\": not one of p50|p90|p95|p99<DURATION, errors<PCT, ttft_p95<DURATION, "
                "tpot_p95<DURATION, optionally after \"TYPE.\"")
                         .arg(entry);
            return std::nullopt;
        }
        SloTerm term;
        term.requestType = match.captured(1) == QLatin1String("all") ? QString() : match.captured(1);
        term.metric = *metric;
        const QString limitText = match.captured(3).trimmed();
        if (isPercentage(*metric)) {
            QString digits = limitText;
            if (digits.endsWith(QLatin1Char('%')))
                digits.chop(1);
            bool ok = false;
            term.limit = digits.trimmed().toDouble(&ok);
            if (!ok || !validLimit(*metric, term.limit)) {
                *error = QCoreApplication::translate(
                    "Slo", "SLO term \"%1\": \"%2\" is not a percentage above 0 and at most 100")
                             .arg(entry, limitText);
                return std::nullopt;
            }
        } else {
            const auto seconds = parseDuration(limitText);
            if (!seconds || !validLimit(*metric, *seconds)) {
                *error = QCoreApplication::translate("Slo", "SLO term \"%1\": \"%2\" is not a duration above 0")
                             .arg(entry, limitText);
                return std::nullopt;
            }
            term.limit = *seconds * 1000;
        }
        if (duplicate(terms, term)) {
            *error
                = QCoreApplication::translate("Slo", "SLO term \"%1\": %2 is limited twice").arg(entry, termName(term));
            return std::nullopt;
        }
        terms.append(term);
    }
    return Slo(terms);
}

std::optional<Slo> Slo::fromJson(const QJsonArray& json, QString* error)
{
    QList<SloTerm> terms;
    for (const QJsonValue& value : json) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QLatin1String("metric")).toString();
        const auto metric = metricFromId(id);
        SloTerm term;
        term.requestType = object.value(QLatin1String("type")).toString();
        if (metric) {
            term.metric = *metric;
            term.limit = object.value(isPercentage(*metric) ? QLatin1String("limit_pct") : QLatin1String("limit_ms"))
                             .toDouble(-1);
        }
        if (!metric || !validLimit(term.metric, term.limit) || duplicate(terms, term)) {
            *error = QCoreApplication::translate("Slo", "SLO term \"%1\": not a valid term")
                         .arg(metric ? termName(term)
                                     : (id.isEmpty() ? QCoreApplication::translate("Slo", "(missing)") : id));
            return std::nullopt;
        }
        terms.append(term);
    }
    if (terms.isEmpty()) {
        *error = QCoreApplication::translate("Slo", "SLO: no terms given");
        return std::nullopt;
    }
    return Slo(terms);
}

QString Slo::toString() const
{
    QStringList parts;
    for (const SloTerm& term : m_terms)
        parts.append(term.toString());
    return parts.join(QLatin1Char(','));
}

QJsonArray Slo::toJson() const
{
    QJsonArray json;
    for (const SloTerm& term : m_terms) {
        QJsonObject object { { QStringLiteral("metric"), metricId(term.metric) } };
        if (!term.requestType.isEmpty())
            object.insert(QStringLiteral("type"), term.requestType);
        object.insert(isPercentage(term.metric) ? QStringLiteral("limit_pct") : QStringLiteral("limit_ms"), term.limit);
        json.append(object);
    }
    return json;
}

QList<SloTermResult> Slo::evaluate(const SloInput& input) const
{
    QList<SloTermResult> results;
    for (const SloTerm& term : m_terms) {
        SloTermResult result { term, SloVerdict::NoData, std::nullopt, {} };
        const QString type = term.requestType.isEmpty() ? QStringLiteral("all") : term.requestType;
        const auto it = input.constFind(type);
        if (it != input.constEnd())
            result.actual = figure(*it, term.metric);
        if (!result.actual) {
            result.detail = QCoreApplication::translate("Slo", "%1: no data").arg(termName(term));
        } else {
            const bool passed = *result.actual < term.limit;
            result.verdict = passed ? SloVerdict::Pass : SloVerdict::Fail;
            result.detail = (passed ? QCoreApplication::translate("Slo", "%1 %2 < %3")
                                    : QCoreApplication::translate("Slo", "%1 %2 ≥ %3"))
                                .arg(termName(term), formatValue(term.metric, *result.actual),
                                    formatValue(term.metric, term.limit));
        }
        results.append(result);
    }
    return results;
}

bool Slo::met(const QList<SloTermResult>& results)
{
    return std::all_of(
        results.begin(), results.end(), [](const SloTermResult& r) { return r.verdict == SloVerdict::Pass; });
}

QString Slo::failures(const QList<SloTermResult>& results)
{
    QStringList details;
    for (const SloTermResult& r : results) {
        if (r.verdict != SloVerdict::Pass)
            details.append(r.detail);
    }
    return details.join(QStringLiteral(", "));
}

} // namespace Stressdeck
