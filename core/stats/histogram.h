// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonObject>
#include <QList>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace Stressdeck {

//! A log-linear bucket layout: values below 2^Bits have a bucket each, and every further power of
//! two is split into 2^(Bits−1) buckets, so no bucket is wider than 1/2^(Bits−1) of its values.
//! Layouts with fewer bits nest: each of their buckets is a union of buckets of a finer layout.
template <int Bits> struct LogLinearLayout {
    static constexpr std::int64_t SubBucketCount = std::int64_t(1) << Bits;
    static constexpr std::int64_t SubBucketHalf = SubBucketCount / 2;

    static int indexFor(std::uint64_t v)
    {
        if (v < std::uint64_t(SubBucketCount))
            return int(v);
        const int magnitude = 63 - std::countl_zero(v); // floor(log2(v)) ≥ Bits
        const int shift = magnitude - (Bits - 1);
        const auto sub = std::int64_t(v >> shift); // in [SubBucketHalf, SubBucketCount)
        return int(SubBucketCount + (shift - 1) * SubBucketHalf + (sub - SubBucketHalf));
    }
    static std::int64_t lowestEquivalent(int index)
    {
        if (index < SubBucketCount)
            return index;
        const int rel = index - int(SubBucketCount);
        const int shift = rel / int(SubBucketHalf) + 1;
        const std::int64_t sub = rel % SubBucketHalf + SubBucketHalf;
        return sub << shift;
    }
    static std::int64_t bucketWidth(int index)
    {
        if (index < SubBucketCount)
            return 1;
        return std::int64_t(1) << ((index - int(SubBucketCount)) / int(SubBucketHalf) + 1);
    }
    //! The value a bucket stands for: its midpoint.
    static std::int64_t midpoint(int index) { return lowestEquivalent(index) + (bucketWidth(index) - 1) / 2; }
};

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

    using Layout = LogLinearLayout<SubBucketBits>;
    static int indexFor(std::int64_t valueNs);
    static std::int64_t lowestEquivalent(int index) { return Layout::lowestEquivalent(index); }
    static std::int64_t bucketWidth(int index) { return Layout::bucketWidth(index); }

    //! Calls f(index, count) for every non-empty bucket, lowest first.
    template <typename F> void forEachBucket(F f) const
    {
        for (int i = m_lowestIndex; i <= m_highestIndex; ++i) {
            if (const std::int64_t c = m_counts[std::size_t(i)])
                f(i, c);
        }
    }

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
