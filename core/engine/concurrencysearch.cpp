// SPDX-License-Identifier: MIT

#include "concurrencysearch.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

namespace {

QString outcomeId(ConcurrencyResult::Outcome outcome)
{
    switch (outcome) {
    case ConcurrencyResult::Outcome::Running:
        return QStringLiteral("running");
    case ConcurrencyResult::Outcome::Found:
        return QStringLiteral("found");
    case ConcurrencyResult::Outcome::NotFound:
        return QStringLiteral("not_found");
    case ConcurrencyResult::Outcome::AboveMax:
        return QStringLiteral("above_max");
    }
    return {};
}

} // namespace

QJsonObject ConcurrencyResult::toJson() const
{
    QJsonArray stepsJson;
    for (const ConcurrencyStep& step : steps) {
        stepsJson.append(QJsonObject {
            { QStringLiteral("users"), step.users },
            { QStringLiteral("throughput_rps"), step.throughputRps },
            { QStringLiteral("p50_ms"), step.p50Ms },
            { QStringLiteral("p95_ms"), step.p95Ms },
            { QStringLiteral("p99_ms"), step.p99Ms },
            { QStringLiteral("error_pct"), step.errorPct },
            { QStringLiteral("efficiency"), step.efficiency },
            { QStringLiteral("slo_passed"), step.sloPassed },
            { QStringLiteral("reason"), step.sloDetail },
        });
    }
    return QJsonObject {
        { QStringLiteral("outcome"), outcomeId(outcome) },
        { QStringLiteral("knee_users"), kneeUsers ? QJsonValue(*kneeUsers) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("flat_users"), flatUsers ? QJsonValue(*flatUsers) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("peak_throughput_rps"), peakThroughputRps },
        { QStringLiteral("steps"), stepsJson },
    };
}

ConcurrencySearch::ConcurrencySearch(const Options& options)
    : m_options(options)
    , m_next(std::max(1, options.startUsers))
{
}

int ConcurrencySearch::grown(int users) const
{
    const int next = std::max(users + 1, int(std::lround(users * m_options.growth)));
    return std::min(next, m_options.maxUsers);
}

void ConcurrencySearch::report(ConcurrencyStep step)
{
    if (!m_next)
        return;
    step.users = *m_next;
    if (m_result.steps.isEmpty()) {
        step.efficiency = 1;
        m_result.steps.append(step);
        m_result.peakThroughputRps = step.throughputRps;
        if (!(step.throughputRps > 0) || !step.sloPassed) {
            m_next.reset();
            m_result.outcome = ConcurrencyResult::Outcome::NotFound;
            return;
        }
    } else {
        const ConcurrencyStep& previous = m_result.steps.last();
        const double proportional = double(step.users) / previous.users - 1;
        step.efficiency = (step.throughputRps / previous.throughputRps - 1) / proportional;
        m_result.steps.append(step);
        m_result.peakThroughputRps = std::max(m_result.peakThroughputRps, step.throughputRps);
        if (step.efficiency < m_options.minEfficiency || !step.sloPassed) {
            m_next.reset();
            m_result.kneeUsers = m_result.steps[m_result.steps.size() - 2].users;
            m_result.flatUsers = step.users;
            m_result.outcome = ConcurrencyResult::Outcome::Found;
            return;
        }
    }
    m_result.kneeUsers = step.users;
    if (step.users >= m_options.maxUsers) {
        m_next.reset();
        m_result.outcome = ConcurrencyResult::Outcome::AboveMax;
        return;
    }
    m_next = grown(step.users);
}

int ConcurrencySearch::estimatedTotalSteps() const
{
    int total = int(m_result.steps.size());
    if (!m_next)
        return total;
    for (int users = *m_next;; users = grown(users)) {
        ++total;
        if (users >= m_options.maxUsers)
            break;
    }
    return total;
}

} // namespace Stressdeck
