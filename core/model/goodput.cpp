// SPDX-License-Identifier: MIT

#include "goodput.h"

#include "stats.h"

#include <algorithm>

namespace Stressdeck {

namespace {

void tighten(std::optional<double>* limit, double value)
{
    *limit = limit->has_value() ? std::min(**limit, value) : value;
}

} // namespace

Goodput::Goodput(const Slo& slo, const Scenario& scenario)
{
    bool any = false;
    std::vector<Limits> limits(size_t(scenario.requestTypes.size()));
    for (qsizetype i = 0; i < scenario.requestTypes.size(); ++i) {
        const RequestType& type = scenario.requestTypes[i];
        if (!type.isStreaming())
            continue;
        Limits& l = limits[size_t(i)];
        for (const SloTerm& term : slo.terms()) {
            if (!term.requestType.isEmpty() && term.requestType != type.name)
                continue;
            switch (term.metric) {
            case SloMetric::TtftP95:
                tighten(&l.ttftMs, term.limit);
                break;
            case SloMetric::TpotP95:
                tighten(&l.tpotMs, term.limit);
                break;
            case SloMetric::P50:
            case SloMetric::P90:
            case SloMetric::P95:
            case SloMetric::P99:
                tighten(&l.latencyMs, term.limit);
                break;
            case SloMetric::Errors:
                break;
            }
        }
        l.judged = l.ttftMs || l.tpotMs || l.latencyMs;
        any = any || l.judged;
    }
    if (any)
        m_limits = std::move(limits);
}

bool Goodput::judges(int typeIndex) const
{
    return typeIndex >= 0 && size_t(typeIndex) < m_limits.size() && m_limits[size_t(typeIndex)].judged;
}

bool Goodput::isGood(int typeIndex, bool success, std::int64_t latencyNs, const StreamSample* stream) const
{
    if (!judges(typeIndex) || !success || !stream)
        return false;
    const Limits& l = m_limits[size_t(typeIndex)];
    if (l.latencyMs && !(double(latencyNs) / 1e6 < *l.latencyMs))
        return false;
    if (l.ttftMs && !(stream->ttftNs && double(*stream->ttftNs) / 1e6 < *l.ttftMs))
        return false;
    if (l.tpotMs) {
        if (stream->tpotNs)
            return *stream->tpotNs / 1e6 < *l.tpotMs;
        return stream->outputTokens && *stream->outputTokens < 2;
    }
    return true;
}

} // namespace Stressdeck
