// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Stressdeck {

//! What one step of the search measured, over its judged part (after the warm-up).
struct CapacityStepResult {
    double rateRps = 0; //!< scheduled; the search fills it in from the rate it asked for
    double achievedRps = 0;
    bool sloPassed = true;
    QString sloDetail; //!< the failing terms, e.g. Slo::failures(): "p95 1.90 s ≥ 500.0 ms"
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double errorPct = 0;
    //! Requests in flight, sampled at even intervals over the judged part of the step.
    QList<double> inFlight;
};

//! The least-squares trend of the in-flight samples of a step (sample index as x).
struct InFlightTrend {
    double mean = 0;
    double slope = 0; //!< requests per sample
    double rise = 0; //!< slope × (samples − 1): the fitted growth over the window, in requests
    double autocorrelation = 0; //!< lag-1 autocorrelation of the residuals, clamped to [0, 0.95]
    double tStatistic = 0; //!< slope ÷ its standard error, widened for the autocorrelation
    bool growing = false; //!< a queue without bound, see CapacitySearch::inFlightTrend
};

enum class StepFailure { None = 0, Slo = 1, Shortfall = 2, QueueGrowing = 4 };

struct CapacityStep {
    CapacityStepResult measured;
    InFlightTrend trend;
    bool passed = false;
    int failures = 0; //!< StepFailure flags
    QString reason; //!< translated; empty when the step passed
};

struct CapacityResult {
    enum class Outcome { Running, Found, NotFound, AboveMax };
    Outcome outcome = Outcome::Running;
    std::optional<double> maxSustainableRps; //!< the highest passing rate (the max rate for AboveMax)
    std::optional<double> firstFailingRps; //!< the lowest failing rate
    QList<CapacityStep> steps;

    //! {max_sustainable_rps, first_failing_rps, outcome, steps: [{rate_rps, achieved_rps, passed,
    //! p50_ms, p95_ms, p99_ms, error_pct, in_flight_growth, reason}]}; the caller adds "slo".
    QJsonObject toJson() const;
};

//! The open-model capacity search as a pure state machine: ask nextRate(), run a step at that
//! rate, report() what it measured, until nextRate() is nullopt. Rates grow geometrically from
//! the start rate (×growth, clamped to the max rate) until a step fails; then the search bisects
//! between the last good and the first bad rate until (bad − good) ÷ good ≤ tolerance, so the
//! reported capacity is never a failing rate and lies within the tolerance below the first
//! failure. A step fails when the SLO fails, when the achieved rate is more than 5 % short of the
//! scheduled one, or when the requests in flight grow through the step. A failing start rate is
//! NotFound (the command's exit code 1); a passing max rate is AboveMax (capacity ≥ max).
class CapacitySearch {
public:
    struct Options {
        double startRps = 10;
        double maxRps = 10000;
        double growth = 1.5;
        double tolerance = 0.05;
        double minAchievedFraction = 0.95;
    };

    explicit CapacitySearch(const Options& options);
    //! False with a translated message when the options make no search.
    static bool validate(const Options& options, QString* error);

    //! The rate of the next step; the same until report() is called; nullopt when done.
    std::optional<double> nextRate() const { return m_next; }
    //! Judges the step run at nextRate() and moves on. Ignored when the search is done.
    void report(CapacityStepResult step);
    bool isDone() const { return !m_next.has_value(); }

    int stepsDone() const { return int(m_result.steps.size()); }
    //! For "step k of about n": steps done plus an upper bound of those still to come, assuming
    //! while the rate still grows that it grows to the max rate and then needs one bisection of a
    //! growth interval. Exact once done.
    int estimatedTotalSteps() const;
    const CapacityResult& result() const { return m_result; }

    //! The unbounded-queue detector. A queue that grows without bound rises steadily (at the
    //! excess of arrivals over service), so its least-squares slope is both significant and
    //! large. Significant: the slope is at least 4 standard errors, the error widened for the
    //! lag-1 autocorrelation of the residuals (n·(1 − ρ)/(1 + ρ) effective samples), because a busy
    //! but stable queue wanders for several samples and would otherwise pass for a trend. Large:
    //! the fitted rise over the window is at least half the mean level and at least two
    //! requests, so a slow drift (a cache warming, a pool growing) does not count. Fewer than
    //! five samples never count as growing. A queue only just above capacity grows too slowly to
    //! stand out within one step; the SLO (latency climbs with the queue) and the achieved rate
    //! catch it instead.
    static InFlightTrend inFlightTrend(const QList<double>& samples);
    //! Bisection probes that narrow a relative gap down to `tolerance`.
    static int bisectionSteps(double relativeGap, double tolerance);

private:
    Options m_options;
    std::optional<double> m_next;
    std::optional<double> m_good;
    std::optional<double> m_bad;
    bool m_bisecting = false;
    CapacityResult m_result;
};

} // namespace Stressdeck
