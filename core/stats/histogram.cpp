// SPDX-License-Identifier: MIT

#include "histogram.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

Histogram::Histogram()
    : m_counts(BucketCount, 0)
{
}

int Histogram::indexFor(std::int64_t valueNs)
{
    return Layout::indexFor(std::uint64_t(std::clamp<std::int64_t>(valueNs, 0, HighestTrackable)));
}

void Histogram::record(std::int64_t valueNs, std::int64_t count)
{
    if (count <= 0)
        return;
    valueNs = std::clamp<std::int64_t>(valueNs, 0, HighestTrackable);
    const int index = indexFor(valueNs);
    m_counts[size_t(index)] += count;
    if (m_count == 0) {
        m_min = m_max = valueNs;
    } else {
        m_min = std::min(m_min, valueNs);
        m_max = std::max(m_max, valueNs);
    }
    m_count += count;
    m_sum += double(valueNs) * double(count);
    m_lowestIndex = std::min(m_lowestIndex, index);
    m_highestIndex = std::max(m_highestIndex, index);
}

void Histogram::merge(const Histogram& other)
{
    if (other.m_count == 0)
        return;
    for (int i = other.m_lowestIndex; i <= other.m_highestIndex; ++i)
        m_counts[size_t(i)] += other.m_counts[size_t(i)];
    if (m_count == 0) {
        m_min = other.m_min;
        m_max = other.m_max;
    } else {
        m_min = std::min(m_min, other.m_min);
        m_max = std::max(m_max, other.m_max);
    }
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_lowestIndex = std::min(m_lowestIndex, other.m_lowestIndex);
    m_highestIndex = std::max(m_highestIndex, other.m_highestIndex);
}

void Histogram::reset()
{
    if (m_highestIndex >= m_lowestIndex)
        std::fill(m_counts.begin() + m_lowestIndex, m_counts.begin() + m_highestIndex + 1, 0);
    m_count = 0;
    m_min = m_max = 0;
    m_sum = 0;
    m_lowestIndex = BucketCount;
    m_highestIndex = -1;
}

std::int64_t Histogram::valueAtIndex(int index) const
{
    return std::clamp(Layout::midpoint(index), m_min, m_max);
}

std::int64_t Histogram::percentileNs(double p) const
{
    return percentilesNs({ p }).value(0);
}

QList<std::int64_t> Histogram::percentilesNs(const QList<double>& ps) const
{
    QList<std::int64_t> result;
    result.reserve(ps.size());
    if (m_count == 0) {
        result.fill(0, ps.size());
        return result;
    }
    std::int64_t seen = 0;
    int index = m_lowestIndex;
    for (double p : ps) {
        const double clamped = std::clamp(p, 0.0, 100.0);
        const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(clamped / 100.0 * double(m_count))));
        while (index <= m_highestIndex && seen + m_counts[size_t(index)] < rank) {
            seen += m_counts[size_t(index)];
            ++index;
        }
        result.append(index <= m_highestIndex ? valueAtIndex(index) : m_max);
    }
    return result;
}

QJsonObject Histogram::toJson() const
{
    QJsonArray buckets;
    for (int i = m_lowestIndex; i <= m_highestIndex; ++i) {
        if (const auto c = m_counts[size_t(i)])
            buckets.append(QJsonArray { double(lowestEquivalent(i)), double(c) });
    }
    return QJsonObject {
        { QStringLiteral("encoding"), QStringLiteral("log-linear-sparse/1") },
        { QStringLiteral("unit"), QStringLiteral("ns") },
        { QStringLiteral("sub_bucket_count"), double(SubBucketCount) },
        { QStringLiteral("count"), double(m_count) },
        { QStringLiteral("min"), double(minNs()) },
        { QStringLiteral("max"), double(maxNs()) },
        { QStringLiteral("sum"), m_sum },
        { QStringLiteral("buckets"), buckets },
    };
}

bool Histogram::fromJson(const QJsonObject& json, QString* error)
{
    reset();
    auto fail = [&](const QString& why) {
        reset();
        if (error)
            *error = why;
        return false;
    };
    if (json.value(QStringLiteral("encoding")).toString() != QLatin1String("log-linear-sparse/1"))
        return fail(QCoreApplication::translate("Histogram", "unknown histogram encoding"));
    const QJsonValue bucketsValue = json.value(QStringLiteral("buckets"));
    if (!bucketsValue.isArray())
        return fail(QCoreApplication::translate("Histogram", "\"buckets\" must be an array"));
    const QJsonArray buckets = bucketsValue.toArray();
    for (const QJsonValue& entry : buckets) {
        const QJsonArray pair = entry.toArray();
        if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble() || pair[0].toDouble() < 0
            || pair[1].toDouble() < 1 || pair[0].toDouble() > double(HighestTrackable))
            return fail(QCoreApplication::translate("Histogram", "a bucket is not a [value, count] pair"));
        const int index = indexFor(std::int64_t(pair[0].toDouble()));
        const auto c = std::int64_t(pair[1].toDouble());
        m_counts[size_t(index)] += c;
        m_count += c;
        m_lowestIndex = std::min(m_lowestIndex, index);
        m_highestIndex = std::max(m_highestIndex, index);
    }
    if (m_count != std::int64_t(json.value(QStringLiteral("count")).toDouble(-1)))
        return fail(QCoreApplication::translate("Histogram", "bucket counts do not add up to \"count\""));
    if (m_count > 0) {
        m_min = std::int64_t(json.value(QStringLiteral("min")).toDouble());
        m_max = std::int64_t(json.value(QStringLiteral("max")).toDouble());
        if (m_min > m_max || indexFor(m_min) != m_lowestIndex || indexFor(m_max) != m_highestIndex)
            return fail(QCoreApplication::translate("Histogram", "\"min\"/\"max\" do not match the buckets"));
    }
    m_sum = json.value(QStringLiteral("sum")).toDouble();
    return true;
}

bool operator==(const Histogram& a, const Histogram& b)
{
    return a.m_count == b.m_count && a.m_min == b.m_min && a.m_max == b.m_max && a.m_sum == b.m_sum
        && a.m_counts == b.m_counts;
}

} // namespace Stressdeck
