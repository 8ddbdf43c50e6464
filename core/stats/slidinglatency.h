// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"

#include <QList>

#include <deque>
#include <utility>
#include <vector>

namespace Stressdeck {

//! Latency percentiles over the newest seconds of a run (issue #18: the latency chart's 10 s and
//! 60 s windows). Keeps each second as its non-empty buckets of the Histogram layout, so a window's
//! percentiles are exactly those of the merged per-second histograms, at a cost of a few hundred
//! bytes a second instead of a dense histogram.
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

private:
    struct Second {
        std::vector<std::pair<int, std::int64_t>> buckets; //!< (index, count), ascending
        std::int64_t count = 0;
        std::int64_t min = 0;
        std::int64_t max = 0;
    };
    static Second of(const Histogram& h);

    int m_maxSeconds;
    std::deque<Second> m_seconds; //!< oldest first
};

} // namespace Stressdeck
