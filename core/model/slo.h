// SPDX-License-Identifier: MIT

#pragma once

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace Stressdeck {

enum class SloMetric { P50, P90, P95, P99, Errors, TtftP95, TpotP95 };

//! One term of an SLO: `[type.]metric<limit`; the limit is in ms, or in percent for Errors.
struct SloTerm {
    QString requestType; //!< empty: all requests
    SloMetric metric = SloMetric::P95;
    double limit = 0;

    QString toString() const;
    friend bool operator==(const SloTerm&, const SloTerm&) = default;
};

//! The figures an SLO is judged on, for all requests or one request type. Percentiles are of
//! the successful requests; ttft/tpot only exist for streaming request types.
struct SloFigures {
    double p50Ms = 0;
    double p90Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double errorPct = 0;
    std::optional<double> ttftP95Ms;
    std::optional<double> tpotP95Ms;
    bool hasLatencies = true; //!< false when no request succeeded, so there are no percentiles
};

//! Figures by request type name; "all" holds those of every request.
using SloInput = QHash<QString, SloFigures>;

enum class SloVerdict { Pass, Fail, NoData };

struct SloTermResult {
    SloTerm term;
    SloVerdict verdict = SloVerdict::NoData;
    std::optional<double> actual;
    QString detail; //!< translated: "p95 1.90 s ≥ 500.0 ms"
};

//! A service-level objective such as `p95<500ms,errors<1%`: percentile limits of successful
//! requests (p50, p90, p95, p99), an error-rate limit, the streaming limits ttft_p95 and
//! tpot_p95, each for all requests or for one request type (`chat.p95<800ms`). Every limit is
//! strict (a p95 of exactly 500 ms breaks `p95<500ms`). A term whose figure is missing (a type
//! that sent nothing, a type with no successful request, a ttft term on a non-streaming type)
//! gives NoData, and NoData does not meet the SLO: an objective that cannot be checked is not met.
class Slo {
public:
    Slo() = default;
    explicit Slo(QList<SloTerm> terms)
        : m_terms(std::move(terms))
    {
    }

    //! nullopt with a translated message naming the bad term.
    static std::optional<Slo> parse(const QString& text, QString* error);
    //! [{"metric": "p95", "limit_ms": 500, "type": "chat"}, {"metric": "errors", "limit_pct": 1}]
    static std::optional<Slo> fromJson(const QJsonArray& json, QString* error);
    //! The canonical text, terms in their order: "p95<500ms,chat.p99<2s,errors<1%".
    QString toString() const;
    QJsonArray toJson() const;

    const QList<SloTerm>& terms() const { return m_terms; }
    bool isEmpty() const { return m_terms.isEmpty(); }

    QList<SloTermResult> evaluate(const SloInput& input) const;
    //! True when every term passed (an empty SLO is met).
    static bool met(const QList<SloTermResult>& results);
    //! The details of the failing terms, joined by ", ".
    static QString failures(const QList<SloTermResult>& results);

    static QString metricId(SloMetric metric);
    static std::optional<SloMetric> metricFromId(const QString& id);

    friend bool operator==(const Slo&, const Slo&) = default;

private:
    QList<SloTerm> m_terms;
};

} // namespace Stressdeck
