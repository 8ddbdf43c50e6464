// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

namespace Stressdeck {

//! A compact latency histogram for the many short intervals of a run (the report's 5-second
//! latency windows): only non-empty buckets are stored, in a coarser layout than Histogram's
//! (256 sub-buckets, so a bucket is at most 1/128 of its values wide and a percentile is within
//! 0.4 % of a recorded value; minimum and maximum stay exact). Memory grows with the number of
//! distinct buckets, at most 128 per power of two of latency, never with the requests counted.
//! Merges by adding counts, like Histogram; percentiles follow the same nearest-rank rule.
class SparseHistogram {
public:
    static constexpr int SubBucketBits = 8;
    using Layout = LogLinearLayout<SubBucketBits>;
    static constexpr auto Encoding = "log-linear-delta/1";

    SparseHistogram() = default;
    //! The buckets of `dense` folded into this layout.
    static SparseHistogram of(const Histogram& dense);

    //! Counts `count` values of `valueNs` (clamped to Histogram's range).
    void record(std::int64_t valueNs, std::int64_t count = 1);
    void merge(const SparseHistogram& other);
    std::int64_t count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    std::int64_t minNs() const { return m_min; }
    std::int64_t maxNs() const { return m_max; }
    std::size_t bucketCount() const { return std::size_t(m_buckets.size()); }
    //! Nearest-rank percentile (0 < p ≤ 100): the midpoint of its bucket clamped to [min, max].
    std::int64_t percentileNs(double p) const;
    //! Several percentiles in one pass; `ps` must be ascending.
    QList<std::int64_t> percentilesNs(const QList<double>& ps) const;

    //! {"min", "max", "buckets": [index₀, count₀, index₁ − index₀, count₁, …]}: bucket indices of
    //! this layout, each after the first as the step from the one before.
    QJsonObject toJson() const;
    //! False (and *this empty) when `json` is not such an object; *error says what is wrong.
    bool fromJson(const QJsonObject& json, QString* error);

    friend bool operator==(const SparseHistogram&, const SparseHistogram&) = default;

    //! A bucket's count is kept below 2^50 (a million requests a second for 35 years).
    static constexpr int IndexBits = 14;

private:
    //! A bucket in 8 bytes, count << IndexBits | index (a report's windows hold tens of thousands of
    //! them: as (int, int64) pairs they were 16 bytes, most of a full-rate run's RSS growth, issue #19),
    //! in an implicitly shared list, so a copy (a window's `all` of a run with one type, a report's
    //! copy for a checkpoint) shares them until one of the two changes.
    using Bucket = quint64;
    static constexpr Bucket IndexMask = (Bucket(1) << IndexBits) - 1;
    static int indexOf(Bucket b) { return int(b & IndexMask); }
    static std::int64_t countOf(Bucket b) { return std::int64_t(b >> IndexBits); }
    static Bucket bucket(int index, std::int64_t count) { return Bucket(count) << IndexBits | Bucket(index); }

    QList<Bucket> m_buckets; //!< ascending index
    std::int64_t m_count = 0;
    std::int64_t m_min = 0;
    std::int64_t m_max = 0;
};

} // namespace Stressdeck
