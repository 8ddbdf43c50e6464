// SPDX-License-Identifier: MIT

#include "capacitysearch.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace Stressdeck {

namespace {

constexpr int s_minTrendSamples = 5;
constexpr double s_minTStatistic = 4;
constexpr double s_maxAutocorrelation = 0.95;
constexpr double s_minRelativeRise = 0.5;
constexpr double s_minRise = 2;

QString outcomeId(CapacityResult::Outcome outcome)
{
    switch (outcome) {
    case CapacityResult::Outcome::Running:
        return QStringLiteral("running");
    case CapacityResult::Outcome::Found:
        return QStringLiteral("found");
    case CapacityResult::Outcome::NotFound:
        return QStringLiteral("not_found");
    case CapacityResult::Outcome::AboveMax:
        return QStringLiteral("above_max");
    }
    return {};
}

QJsonValue optionalNumber(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject CapacityResult::toJson() const
{
    QJsonArray stepsJson;
    for (const CapacityStep& step : steps) {
        const CapacityStepResult& m = step.measured;
        stepsJson.append(QJsonObject {
            { QStringLiteral("rate_rps"), m.rateRps },
            { QStringLiteral("achieved_rps"), m.achievedRps },
            { QStringLiteral("passed"), step.passed },
            { QStringLiteral("p50_ms"), m.p50Ms },
            { QStringLiteral("p95_ms"), m.p95Ms },
            { QStringLiteral("p99_ms"), m.p99Ms },
            { QStringLiteral("error_pct"), m.errorPct },
            { QStringLiteral("in_flight_growth"), step.trend.rise },
            { QStringLiteral("reason"), step.reason },
        });
    }
    return QJsonObject {
        { QStringLiteral("outcome"), outcomeId(outcome) },
        { QStringLiteral("max_sustainable_rps"), optionalNumber(maxSustainableRps) },
        { QStringLiteral("first_failing_rps"), optionalNumber(firstFailingRps) },
        { QStringLiteral("steps"), stepsJson },
    };
}

CapacitySearch::CapacitySearch(const Options& options)
    : m_options(options)
    , m_next(options.startRps)
{
}

bool CapacitySearch::validate(const Options& options, QString* error)
{
    if (!(options.startRps > 0) || !std::isfinite(options.startRps)) {
        *error = QCoreApplication::translate("CapacitySearch", "start rate: must be above 0 requests per second");
        return false;
    }
    if (!(options.maxRps >= options.startRps) || !std::isfinite(options.maxRps)) {
        *error = QCoreApplication::translate("CapacitySearch", "max rate: must not be below the start rate");
        return false;
    }
    if (!(options.growth > 1) || options.growth > 100) {
        *error = QCoreApplication::translate("CapacitySearch", "growth: must be above 1 and at most 100");
        return false;
    }
    if (!(options.tolerance > 0) || options.tolerance >= 1) {
        *error = QCoreApplication::translate("CapacitySearch", "tolerance: must be above 0 and below 1");
        return false;
    }
    return true;
}

InFlightTrend CapacitySearch::inFlightTrend(const QList<double>& samples)
{
    InFlightTrend trend;
    const qsizetype n = samples.size();
    if (n == 0)
        return trend;
    double sum = 0;
    for (double y : samples)
        sum += y;
    trend.mean = sum / double(n);
    if (n < 2)
        return trend;
    const double xMean = double(n - 1) / 2;
    double sxx = 0;
    double sxy = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double dx = double(i) - xMean;
        sxx += dx * dx;
        sxy += dx * (samples[i] - trend.mean);
    }
    trend.slope = sxy / sxx;
    trend.rise = trend.slope * double(n - 1);
    if (n < 3)
        return trend;
    std::vector<double> residuals(static_cast<size_t>(n));
    double squares = 0;
    for (qsizetype i = 0; i < n; ++i) {
        residuals[size_t(i)] = samples[i] - trend.mean - trend.slope * (double(i) - xMean);
        squares += residuals[size_t(i)] * residuals[size_t(i)];
    }
    // In-flight counts a second apart are autocorrelated: a busy but stable queue wanders for
    // several samples before it comes back. Judged as independent, such a wander looks like a
    // significant slope; with the lag-1 autocorrelation ρ of the residuals the window holds only
    // n·(1 − ρ)/(1 + ρ) independent samples, and the standard error grows accordingly.
    double lagged = 0;
    for (size_t i = 1; i < residuals.size(); ++i)
        lagged += residuals[i] * residuals[i - 1];
    trend.autocorrelation = squares > 0 ? std::clamp(lagged / squares, 0.0, s_maxAutocorrelation) : 0;
    const double inflation = (1 + trend.autocorrelation) / (1 - trend.autocorrelation);
    const double standardError = std::sqrt(squares / double(n - 2) / sxx * inflation);
    if (standardError > 0)
        trend.tStatistic = trend.slope / standardError;
    else
        trend.tStatistic = trend.slope > 0 ? std::numeric_limits<double>::infinity() : 0;
    trend.growing = n >= s_minTrendSamples && trend.tStatistic >= s_minTStatistic
        && trend.rise >= s_minRelativeRise * trend.mean && trend.rise >= s_minRise;
    return trend;
}

int CapacitySearch::bisectionSteps(double relativeGap, double tolerance)
{
    if (!(relativeGap > tolerance))
        return 0;
    return int(std::ceil(std::log2(relativeGap / tolerance)));
}

void CapacitySearch::report(CapacityStepResult measured)
{
    if (!m_next)
        return;
    const double rate = *m_next;
    measured.rateRps = rate;
    CapacityStep step;
    step.trend = inFlightTrend(measured.inFlight);
    QStringList reasons;
    if (!measured.sloPassed) {
        step.failures |= int(StepFailure::Slo);
        reasons.append(measured.sloDetail.isEmpty() ? QCoreApplication::translate("CapacitySearch", "SLO not met")
                                                    : measured.sloDetail);
    }
    if (measured.achievedRps < m_options.minAchievedFraction * rate) {
        step.failures |= int(StepFailure::Shortfall);
        reasons.append(QCoreApplication::translate("CapacitySearch", "achieved %1 req/s of %2 scheduled")
                           .arg(measured.achievedRps, 0, 'f', 1)
                           .arg(rate, 0, 'f', 1));
    }
    if (step.trend.growing) {
        step.failures |= int(StepFailure::QueueGrowing);
        reasons.append(
            QCoreApplication::translate("CapacitySearch", "requests in flight kept growing (+%1 over the step)")
                .arg(step.trend.rise, 0, 'f', 0));
    }
    step.passed = step.failures == 0;
    step.reason = reasons.join(QStringLiteral("; "));
    step.measured = std::move(measured);
    m_result.steps.append(step);

    if (step.passed)
        m_good = std::max(m_good.value_or(0), rate);
    else
        m_bad = std::min(m_bad.value_or(std::numeric_limits<double>::infinity()), rate);
    m_result.maxSustainableRps = m_good;
    m_result.firstFailingRps = m_bad;

    if (!m_bisecting) {
        if (step.passed) {
            if (rate >= m_options.maxRps) {
                m_next.reset();
                m_result.outcome = CapacityResult::Outcome::AboveMax;
            } else {
                m_next = std::min(rate * m_options.growth, m_options.maxRps);
            }
            return;
        }
        if (!m_good) {
            m_next.reset();
            m_result.outcome = CapacityResult::Outcome::NotFound;
            return;
        }
        m_bisecting = true;
    }
    // A noisy service may pass above a rate that failed or fail below one that passed; the
    // bracket only ever narrows, so the search ends either way.
    if (!m_good || !m_bad || *m_good >= *m_bad || (*m_bad - *m_good) / *m_good <= m_options.tolerance) {
        m_next.reset();
        m_result.outcome = m_good ? CapacityResult::Outcome::Found : CapacityResult::Outcome::NotFound;
        return;
    }
    m_next = (*m_good + *m_bad) / 2;
}

int CapacitySearch::estimatedTotalSteps() const
{
    const int done = stepsDone();
    if (!m_next)
        return done;
    if (m_bisecting)
        return done + bisectionSteps((*m_bad - *m_good) / *m_good, m_options.tolerance);
    int growthSteps = 0;
    for (double rate = *m_next;; rate = std::min(rate * m_options.growth, m_options.maxRps)) {
        ++growthSteps;
        if (rate >= m_options.maxRps)
            break;
    }
    return done + growthSteps + bisectionSteps(m_options.growth - 1, m_options.tolerance);
}

} // namespace Stressdeck
