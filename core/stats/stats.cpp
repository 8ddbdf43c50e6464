// SPDX-License-Identifier: MIT

#include "stats.h"

namespace Stressdeck {

LatencySummary LatencySummary::of(const Histogram& h)
{
    if (h.isEmpty())
        return {};
    const auto p = h.percentilesNs({ 50, 90, 95, 99, 99.9 });
    return { nsToMs(h.minNs()), h.meanNs() / 1e6, nsToMs(p[0]), nsToMs(p[1]), nsToMs(p[2]), nsToMs(p[3]), nsToMs(p[4]),
        nsToMs(h.maxNs()) };
}

StatsFigures StatsFigures::of(const QString& name, const RequestCounters& c, double elapsedS)
{
    StatsFigures s;
    s.name = name;
    s.total = c.total;
    s.success = c.success;
    s.failure = c.failure;
    s.timeouts = c.timeouts;
    s.successRatePct = c.total ? 100.0 * double(c.success) / double(c.total) : 0.0;
    s.throughputRps = elapsedS > 0 ? double(c.total) / elapsedS : 0.0;
    s.latency = LatencySummary::of(c.successLatency);
    s.errors = c.errors;
    return s;
}

StatsSummary StatsSummary::of(const QString& name, const RequestCounters& c, double elapsedS)
{
    StatsSummary s;
    static_cast<StatsFigures&>(s) = StatsFigures::of(name, c, elapsedS);
    s.histogram = c.successLatency;
    s.failureHistogram = c.failureLatency;
    return s;
}

} // namespace Stressdeck
