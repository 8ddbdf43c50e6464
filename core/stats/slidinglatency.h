// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"

#include <QList>

#include <cstdint>
#include <deque>
#include <vector>

namespace Stressdeck {

//! Latency percentiles over the newest seconds of a run (issue #18: the latency chart's 10 s and
//! 60 s windows). Keeps each second as its non-empty buckets of the Histogram layout and, for each
//! window length asked for, the running sum of its seconds' buckets: a second in adds its buckets,
//! the one that falls out subtracts its own, so a window's percentiles are exactly those of the
//! merged per-second histograms without merging or sorting them each time (issue #19: at 60,000
//! req/s that was half a million buckets sorted and megabytes allocated every second). A second's
//! buckets are kept as bytes, each the step from the bucket before and its count as variable-length
//! integers (about 2 bytes a bucket instead of 16: a full-rate second has 4,000 and more, and 60 of
//! them as (index, count) pairs were 8 MB of a run's RSS, issue #19). The buffers of a dropped
//! second are reused, so a long run allocates nothing here once it is full.
class SlidingLatency {
public:
    explicit SlidingLatency(int maxSeconds = 60);

    //! Adds the newest closed second; the oldest beyond maxSeconds is dropped.
    void push(const Histogram& second);
    //! Replaces the newest second (a run's last, partial second folded into the one before).
    void replaceNewest(const Histogram& second);
    //! Nearest-rank percentiles (ascending `ps`) of the newest `seconds` seconds, as
    //! Histogram::percentilesNs gives them for those seconds merged; zeros when they are empty.
    QList<std::int64_t> percentilesNs(int seconds, const QList<double>& ps) const;
    std::int64_t count(int seconds) const;
    int maxSeconds() const { return m_maxSeconds; }
    //! The bytes its seconds' buckets and its windows' sums take (their buffers' capacity).
    std::size_t bytesHeld() const;

private:
    struct Second {
        //! The non-empty buckets in ascending index: each index as the step from the one before
        //! (the first from 0), then its count, both LEB128.
        std::vector<std::uint8_t> buckets;
        int highestIndex = -1;
        std::int64_t count = 0;
        std::int64_t min = 0;
        std::int64_t max = 0;
        void fill(const Histogram& h);
        //! Calls f(index, count) for each bucket.
        template <typename F> void forEachBucket(F f) const;
    };
    //! The newest `seconds` seconds (or fewer while the run is younger), their buckets summed.
    struct Window {
        int seconds = 0;
        std::vector<std::int64_t> counts; //!< by bucket index, as long as the highest index seen
        std::int64_t total = 0;
        void add(const Second& s, std::int64_t sign);
    };
    Window& windowOf(int seconds) const;

    int m_maxSeconds;
    std::deque<Second> m_seconds; //!< oldest first
    mutable std::vector<Window> m_windows; //!< made when a length is first asked for
};

} // namespace Stressdeck
