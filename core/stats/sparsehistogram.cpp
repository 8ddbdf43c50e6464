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
        if (!h.m_buckets.empty() && indexOf(h.m_buckets.back()) == coarse)
            h.m_buckets.back() += bucket(0, count);
        else
            h.m_buckets.push_back(bucket(coarse, count));
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
    const auto at
        = std::lower_bound(m_buckets.cbegin(), m_buckets.cend(), index, [](Bucket b, int i) { return indexOf(b) < i; });
    const qsizetype position = at - m_buckets.cbegin();
    if (at != m_buckets.cend() && indexOf(*at) == index)
        m_buckets[position] += bucket(0, count);
    else
        m_buckets.insert(position, bucket(index, count));
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
    QList<Bucket> merged;
    merged.reserve(m_buckets.size() + other.m_buckets.size());
    auto a = m_buckets.cbegin();
    auto b = other.m_buckets.cbegin();
    while (a != m_buckets.cend() || b != other.m_buckets.cend()) {
        if (b == other.m_buckets.cend() || (a != m_buckets.cend() && indexOf(*a) < indexOf(*b))) {
            merged.push_back(*a++);
        } else if (a == m_buckets.cend() || indexOf(*b) < indexOf(*a)) {
            merged.push_back(*b++);
        } else {
            merged.push_back(*a + bucket(0, countOf(*b)));
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
    qsizetype i = 0;
    for (double p : ps) {
        const double clamped = std::clamp(p, 0.0, 100.0);
        const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(clamped / 100.0 * double(m_count))));
        while (i < m_buckets.size() && seen + countOf(m_buckets[i]) < rank) {
            seen += countOf(m_buckets[i]);
            ++i;
        }
        result.append(i < m_buckets.size() ? std::clamp(Layout::midpoint(indexOf(m_buckets[i])), m_min, m_max) : m_max);
    }
    return result;
}

QJsonObject SparseHistogram::toJson() const
{
    QJsonArray buckets;
    int previous = 0;
    for (const Bucket b : m_buckets) {
        buckets.append(indexOf(b) - previous);
        buckets.append(double(countOf(b)));
        previous = indexOf(b);
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
    static_assert(Layout::SubBucketCount + 64 * Layout::SubBucketHalf <= IndexMask);
    constexpr double MaxCount = double(std::int64_t(1) << (64 - IndexBits));
    double index = 0;
    for (qsizetype i = 0; i < buckets.size(); i += 2) {
        const double step = buckets[i].toDouble(-1);
        const double count = buckets[i + 1].toDouble(-1);
        index += step;
        if (step < (i == 0 ? 0 : 1) || step != std::floor(step) || index > MaxIndex || count < 1
            || count != std::floor(count) || count >= MaxCount)
            return fail(QCoreApplication::translate("SparseHistogram", "bucket %1 is not an index step and a count")
                            .arg(i / 2));
        m_buckets.push_back(bucket(int(index), std::int64_t(count)));
        m_count += std::int64_t(count);
    }
    if (m_count > 0) {
        m_min = std::int64_t(json.value(QStringLiteral("min")).toDouble(-1));
        m_max = std::int64_t(json.value(QStringLiteral("max")).toDouble(-1));
        if (m_min < 0 || m_min > m_max || Layout::indexFor(std::uint64_t(m_min)) != indexOf(m_buckets.front())
            || Layout::indexFor(std::uint64_t(m_max)) != indexOf(m_buckets.back()))
            return fail(QCoreApplication::translate("SparseHistogram", "\"min\"/\"max\" do not match the buckets"));
    }
    return true;
}

} // namespace Stressdeck
