// SPDX-License-Identifier: MIT

#include "slidinglatency.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Stressdeck {

namespace {

void appendVarint(std::vector<std::uint8_t>* bytes, std::uint64_t v)
{
    while (v >= 0x80) {
        bytes->push_back(std::uint8_t(v | 0x80));
        v >>= 7;
    }
    bytes->push_back(std::uint8_t(v));
}

std::uint64_t readVarint(const std::uint8_t*& at)
{
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t b = *at++;
        v |= std::uint64_t(b & 0x7f) << shift;
        if (b < 0x80)
            return v;
    }
}

} // namespace

SlidingLatency::SlidingLatency(int maxSeconds)
    : m_maxSeconds(std::max(1, maxSeconds))
{
}

void SlidingLatency::Second::fill(const Histogram& h)
{
    buckets.clear();
    highestIndex = -1;
    h.forEachBucket([this](int index, std::int64_t c) {
        appendVarint(&buckets, std::uint64_t(index - std::max(0, highestIndex)));
        appendVarint(&buckets, std::uint64_t(c));
        highestIndex = index;
    });
    count = h.count();
    min = h.minNs();
    max = h.maxNs();
}

template <typename F> void SlidingLatency::Second::forEachBucket(F f) const
{
    const std::uint8_t* at = buckets.data();
    const std::uint8_t* const end = at + buckets.size();
    int index = 0;
    while (at < end) {
        index += int(readVarint(at));
        f(index, std::int64_t(readVarint(at)));
    }
}

void SlidingLatency::Window::add(const Second& s, std::int64_t sign)
{
    if (s.highestIndex >= 0 && std::size_t(s.highestIndex) >= counts.size())
        counts.resize(std::size_t(s.highestIndex) + 1, 0);
    s.forEachBucket([this, sign](int index, std::int64_t c) { counts[std::size_t(index)] += sign * c; });
    total += sign * s.count;
}

std::size_t SlidingLatency::bytesHeld() const
{
    std::size_t bytes = 0;
    for (const Second& s : m_seconds)
        bytes += s.buckets.capacity();
    for (const Window& w : m_windows)
        bytes += w.counts.capacity() * sizeof(std::int64_t);
    return bytes;
}

void SlidingLatency::push(const Histogram& second)
{
    const auto size = int(m_seconds.size());
    for (Window& w : m_windows) {
        if (size >= w.seconds)
            w.add(m_seconds[std::size_t(size - w.seconds)], -1); // falls out of this window
    }
    Second newest;
    if (size >= m_maxSeconds) {
        newest = std::move(m_seconds.front()); // its buffer, reused
        m_seconds.pop_front();
    }
    newest.fill(second);
    m_seconds.push_back(std::move(newest));
    for (Window& w : m_windows)
        w.add(m_seconds.back(), 1);
}

void SlidingLatency::replaceNewest(const Histogram& second)
{
    if (m_seconds.empty()) {
        push(second);
        return;
    }
    for (Window& w : m_windows)
        w.add(m_seconds.back(), -1);
    m_seconds.back().fill(second);
    for (Window& w : m_windows)
        w.add(m_seconds.back(), 1);
}

SlidingLatency::Window& SlidingLatency::windowOf(int seconds) const
{
    const int length = std::clamp(seconds, 1, m_maxSeconds);
    for (Window& w : m_windows) {
        if (w.seconds == length)
            return w;
    }
    Window& w = m_windows.emplace_back();
    w.seconds = length;
    const int take = std::min<int>(length, int(m_seconds.size()));
    for (auto it = m_seconds.end() - take; it != m_seconds.end(); ++it)
        w.add(*it, 1);
    return w;
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
    const Window& w = windowOf(seconds);
    if (w.total == 0)
        return result;
    std::int64_t min = std::numeric_limits<std::int64_t>::max();
    std::int64_t max = 0;
    const int take = std::min<int>(w.seconds, int(m_seconds.size()));
    for (auto it = m_seconds.end() - take; it != m_seconds.end(); ++it) {
        if (it->count > 0) {
            min = std::min(min, it->min);
            max = std::max(max, it->max);
        }
    }
    std::int64_t seen = 0;
    std::size_t at = 0;
    for (qsizetype k = 0; k < ps.size(); ++k) {
        const double p = std::clamp(ps[k], 0.0, 100.0);
        const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(p / 100.0 * double(w.total))));
        while (at < w.counts.size() && seen + w.counts[at] < rank) {
            seen += w.counts[at];
            ++at;
        }
        result[k] = at < w.counts.size() ? std::clamp(Histogram::Layout::midpoint(int(at)), min, max) : max;
    }
    return result;
}

} // namespace Stressdeck
