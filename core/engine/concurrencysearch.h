// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonObject>
#include <QList>

#include <optional>

namespace Stressdeck {

//! What one closed-model step measured, over its judged part.
struct ConcurrencyStep {
    int users = 0;
    double throughputRps = 0;
    double p95Ms = 0;
    double errorPct = 0;
    //! Throughput gain over the previous step as a share of the proportional gain; 1 for the first.
    double efficiency = 1;
    double p50Ms = 0;
    double p99Ms = 0;
    bool sloPassed = true; //!< no SLO: true
    QString sloDetail; //!< the failing terms
};

struct ConcurrencyResult {
    enum class Outcome { Running, Found, NotFound, AboveMax };
    Outcome outcome = Outcome::Running;
    std::optional<int> kneeUsers; //!< the highest user count whose step still scaled
    std::optional<int> flatUsers; //!< the step at which throughput stopped growing
    double peakThroughputRps = 0;
    QList<ConcurrencyStep> steps;

    //! {outcome, knee_users, flat_users, peak_throughput_rps, steps: [{users, throughput_rps,
    //! p50_ms, p95_ms, p99_ms, error_pct, efficiency, slo_passed, reason}]}
    QJsonObject toJson() const;
};

//! The closed-model capacity search: users grow geometrically (×growth, at least +1, clamped to
//! the max) and each step's throughput X is compared with the previous one. By Little's law,
//! X = N ÷ (R + Z): below the knee the response time R stays flat and X grows in proportion to the
//! users N; past it R climbs and X flattens. A step whose throughput gain is below `minEfficiency`
//! of the proportional gain, (X/X₀ − 1) ÷ (N/N₀ − 1), marks the flat part and ends the search; the
//! knee is the step before it. A step that breaks the SLO ends the search the same way. The resolution is one growth
//! factor (choose a smaller growth for a finer answer). A first step with no throughput at all is NotFound; reaching
//! the max users while still scaling is AboveMax.
class ConcurrencySearch {
public:
    struct Options {
        int startUsers = 1;
        int maxUsers = 1024;
        double growth = 2;
        double minEfficiency = 0.5;
    };

    explicit ConcurrencySearch(const Options& options);
    std::optional<int> nextUsers() const { return m_next; }
    //! Judges the step run with nextUsers() users (step.users is filled in). Ignored when done.
    void report(ConcurrencyStep step);
    bool isDone() const { return !m_next.has_value(); }
    //! Steps done plus those up to the max users; exact once done.
    int estimatedTotalSteps() const;
    const ConcurrencyResult& result() const { return m_result; }

private:
    int grown(int users) const;

    Options m_options;
    std::optional<int> m_next;
    ConcurrencyResult m_result;
};

} // namespace Stressdeck
