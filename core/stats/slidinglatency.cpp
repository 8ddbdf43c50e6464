// SPDX-License-Identifier: MIT

#include "slidinglatency.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Stressdeck {

SlidingLatency::SlidingLatency(int maxSeconds)
    : m_maxSeconds(std::max(1, maxSeconds))
{
}

SlidingLatency::Second SlidingLatency::of(const Histogram& h)
{
    Second s;
    h.forEachBucket([&s](int index, std::int64_t count) { s.buckets.emplace_back(index, count); });
    s.count = h.count();
    s.min = h.minNs();
    s.max = h.maxNs();
    return s;
}

void SlidingLatency::push(const Histogram& second)
{
    m_seconds.push_back(of(second));
    while (int(m_seconds.size()) > m_maxSeconds)
        m_seconds.pop_front();
}

void SlidingLatency::replaceNewest(const Histogram& second)
{
    if (m_seconds.empty())
        push(second);
    else
        m_seconds.back() = of(second);
}

std::int64_t SlidingLatency::count(int seconds) const
{
    std::int64_t n = 0;
    const int take = std::min<int>(seconds, int(m_seconds.size()));
    for (auto it = m_seconds.end() - take; it != m_seconds.end(); ++it)
        n += it->count;
    return n;
}

QList<std::int64_t> SlidingLatency::percentilesNs(int seconds, const QList<double>& ps) const
{
    QList<std::int64_t> result(ps.size(), 0);
    const int take = std::min<int>(seconds, int(m_seconds.size()));
    std::vector<std::pair<int, std::int64_t>> merged;
    std::int64_t total = 0;
    std::int64_t min = std::numeric_limits<std::int64_t>::max();
    std::int64_t max = 0;
    for (auto it = m_seconds.end() - take; it != m_seconds.end(); ++it) {
        if (it->count == 0)
            continue;
        merged.insert(merged.end(), it->buckets.begin(), it->buckets.end());
        total += it->count;
        min = std::min(min, it->min);
        max = std::max(max, it->max);
    }
    if (total == 0)
        return result;
    std::sort(merged.begin(), merged.end());
    std::int64_t seen = 0;
    std::size_t at = 0;
    for (qsizetype k = 0; k < ps.size(); ++k) {
        const double p = std::clamp(ps[k], 0.0, 100.0);
        const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(p / 100.0 * double(total))));
        while (at < merged.size() && seen + merged[at].second < rank) {
            seen += merged[at].second;
            ++at;
        }
        result[k] = at < merged.size() ? std::clamp(Histogram::Layout::midpoint(merged[at].first), min, max) : max;
    }
    return result;
}

} // namespace Stressdeck
