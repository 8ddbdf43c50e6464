// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonObject>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace Stressdeck {

//! A log-linear (HdrHistogram-style) latency histogram with fixed memory.
//! Values are nanoseconds from 0 to about 2.4 hours; every bucket is at most 1/1024 of its
//! value wide, so any reported value is within 0.05 % of a recorded one (better than 3
//! significant digits). Histograms with the same layout merge by adding counts, which is how
//! per-type, per-second and overall statistics are combined. Memory never depends on the
//! number of recorded values.
class Histogram {
public:
    static constexpr int SubBucketBits = 11;
    static constexpr std::int64_t SubBucketCount = std::int64_t(1) << SubBucketBits;
    static constexpr std::int64_t SubBucketHalf = SubBucketCount / 2;
    static constexpr int MaxShift = 32;
    static constexpr std::int64_t HighestTrackable = ((SubBucketCount) << MaxShift) - 1;
    static constexpr int BucketCount = int(SubBucketCount + MaxShift * SubBucketHalf);

    Histogram();

    void record(std::int64_t valueNs, std::int64_t count = 1);
    void merge(const Histogram& other);
    void reset();

    std::int64_t count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    std::int64_t minNs() const { return m_count ? m_min : 0; }
    std::int64_t maxNs() const { return m_count ? m_max : 0; }
    double meanNs() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    //! Nearest-rank percentile (0 < p ≤ 100), as the midpoint of its bucket clamped to [min, max].
    std::int64_t percentileNs(double p) const;
    //! Several percentiles in one pass; `ps` must be ascending.
    QList<std::int64_t> percentilesNs(const QList<double>& ps) const;
    //! Bytes this histogram occupies, its bucket counts included: set by the layout alone.
    std::size_t memoryBytes() const { return sizeof(*this) + m_counts.capacity() * sizeof(std::int64_t); }

    //! Sparse, layout-independent form: each bucket as [lowest value in ns, count].
    QJsonObject toJson() const;
    //! Returns false (and leaves *this empty) when the object is not a serialized histogram.
    bool fromJson(const QJsonObject& json, QString* error = nullptr);

    static int indexFor(std::int64_t valueNs);
    static std::int64_t lowestEquivalent(int index);
    static std::int64_t bucketWidth(int index);

    friend bool operator==(const Histogram& a, const Histogram& b);

private:
    std::int64_t valueAtIndex(int index) const;

    std::vector<std::int64_t> m_counts;
    std::int64_t m_count = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
    // Sum of recorded values in ns; a double keeps 24-hour runs from overflowing.
    double m_sum = 0;
    int m_lowestIndex = BucketCount;
    int m_highestIndex = -1;
};

} // namespace Stressdeck
