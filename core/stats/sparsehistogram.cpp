// SPDX-License-Identifier: MIT

#include "sparsehistogram.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

SparseHistogram SparseHistogram::of(const Histogram& dense)
{
    SparseHistogram h;
    if (dense.isEmpty())
        return h;
    // The layouts nest, so a fine bucket lies inside exactly one coarse bucket.
    dense.forEachBucket([&h](int index, std::int64_t count) {
        const int coarse = Layout::indexFor(std::uint64_t(Histogram::lowestEquivalent(index)));
        if (!h.m_buckets.empty() && h.m_buckets.back().first == coarse)
            h.m_buckets.back().second += count;
        else
            h.m_buckets.emplace_back(coarse, count);
    });
    h.m_count = dense.count();
    h.m_min = dense.minNs();
    h.m_max = dense.maxNs();
    return h;
}

void SparseHistogram::record(std::int64_t valueNs, std::int64_t count)
{
    if (count <= 0)
        return;
    valueNs = std::clamp<std::int64_t>(valueNs, 0, Histogram::HighestTrackable);
    const int index = Layout::indexFor(std::uint64_t(valueNs));
    const auto at = std::lower_bound(m_buckets.begin(), m_buckets.end(), index,
        [](const std::pair<int, std::int64_t>& b, int i) { return b.first < i; });
    if (at != m_buckets.end() && at->first == index)
        at->second += count;
    else
        m_buckets.insert(at, { index, count });
    m_min = m_count == 0 ? valueNs : std::min(m_min, valueNs);
    m_max = m_count == 0 ? valueNs : std::max(m_max, valueNs);
    m_count += count;
}

void SparseHistogram::merge(const SparseHistogram& other)
{
    if (other.isEmpty())
        return;
    if (isEmpty()) {
        *this = other;
        return;
    }
    std::vector<std::pair<int, std::int64_t>> merged;
    merged.reserve(m_buckets.size() + other.m_buckets.size());
    auto a = m_buckets.cbegin();
    auto b = other.m_buckets.cbegin();
    while (a != m_buckets.cend() || b != other.m_buckets.cend()) {
        if (b == other.m_buckets.cend() || (a != m_buckets.cend() && a->first < b->first)) {
            merged.push_back(*a++);
        } else if (a == m_buckets.cend() || b->first < a->first) {
            merged.push_back(*b++);
        } else {
            merged.emplace_back(a->first, a->second + b->second);
            ++a;
            ++b;
        }
    }
    m_buckets = std::move(merged);
    m_count += other.m_count;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

std::int64_t SparseHistogram::percentileNs(double p) const
{
    return percentilesNs({ p }).value(0);
}

QList<std::int64_t> SparseHistogram::percentilesNs(const QList<double>& ps) const
{
    QList<std::int64_t> result;
    result.reserve(ps.size());
    if (m_count == 0) {
        result.fill(0, ps.size());
        return result;
    }
    std::int64_t seen = 0;
    std::size_t i = 0;
    for (double p : ps) {
        const double clamped = std::clamp(p, 0.0, 100.0);
        const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(clamped / 100.0 * double(m_count))));
        while (i < m_buckets.size() && seen + m_buckets[i].second < rank) {
            seen += m_buckets[i].second;
            ++i;
        }
        result.append(i < m_buckets.size() ? std::clamp(Layout::midpoint(m_buckets[i].first), m_min, m_max) : m_max);
    }
    return result;
}

QJsonObject SparseHistogram::toJson() const
{
    QJsonArray buckets;
    int previous = 0;
    for (const auto& [index, count] : m_buckets) {
        buckets.append(index - previous);
        buckets.append(double(count));
        previous = index;
    }
    return { { QStringLiteral("min"), double(m_min) }, { QStringLiteral("max"), double(m_max) },
        { QStringLiteral("buckets"), buckets } };
}

bool SparseHistogram::fromJson(const QJsonObject& json, QString* error)
{
    *this = {};
    auto fail = [&](const QString& why) {
        *this = {};
        *error = why;
        return false;
    };
    const QJsonArray buckets = json.value(QStringLiteral("buckets")).toArray();
    if (!json.value(QStringLiteral("buckets")).isArray() || buckets.size() % 2 != 0)
        return fail(
            QCoreApplication::translate("SparseHistogram", "\"buckets\" must be an array of index steps and counts"));
    constexpr double MaxIndex = double(Layout::SubBucketCount + 64 * Layout::SubBucketHalf);
    double index = 0;
    for (qsizetype i = 0; i < buckets.size(); i += 2) {
        const double step = buckets[i].toDouble(-1);
        const double count = buckets[i + 1].toDouble(-1);
        index += step;
        if (step < (i == 0 ? 0 : 1) || step != std::floor(step) || index > MaxIndex || count < 1
            || count != std::floor(count))
            return fail(QCoreApplication::translate("SparseHistogram", "bucket %1 is not an index step and a count")
                            .arg(i / 2));
        m_buckets.emplace_back(int(index), std::int64_t(count));
        m_count += std::int64_t(count);
    }
    if (m_count > 0) {
        m_min = std::int64_t(json.value(QStringLiteral("min")).toDouble(-1));
        m_max = std::int64_t(json.value(QStringLiteral("max")).toDouble(-1));
        if (m_min < 0 || m_min > m_max || Layout::indexFor(std::uint64_t(m_min)) != m_buckets.front().first
            || Layout::indexFor(std::uint64_t(m_max)) != m_buckets.back().first)
            return fail(QCoreApplication::translate("SparseHistogram", "\"min\"/\"max\" do not match the buckets"));
    }
    return true;
}

} // namespace Stressdeck
