// SPDX-License-Identifier: MIT

#pragma once

#include "engineclock.h"
#include "stages.h"
#include "stats.h"

#include <QtGlobal>

#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace Stressdeck {

//! The open model's schedule, shared by every worker. At a constant rate slot k (k = 0, 1, …) is
//! due at origin + (k - base) / rate, so the first request goes at once. Following stages, slot
//! k (k = 1, 2, …) is due at origin + Stages::arrivalTime(k), the time at which the integrated
//! rate reaches k: the first request waits until one request's worth of rate has accrued, a
//! stretch at rate 0 has no arrivals, and the schedule ends with the stages. Slots a stopped user
//! claimed but never used go back and are handed out again first, earliest first.
class OpenSchedule {
public:
    //! claim()'s slot once a staged schedule has no arrivals left.
    static constexpr qint64 NoSlot = -1;

    //! Before start(): this process runs only the arrivals k with k mod count = index of the global
    //! schedule (issue #17); a staged schedule's arrival k is its slot k − 1.
    void setStripe(int index, int count);
    //! Before start(): the arrivals due before `offsetS` are skipped (a shard that joined late).
    void skipBefore(double offsetS);
    void start(EngineClock::time_point origin, double rate);
    void start(EngineClock::time_point origin, const Stages& stages);
    //! The next slot and its time; {NoSlot, origin} when a staged schedule is over.
    std::pair<qint64, EngineClock::time_point> claim();
    void giveBack(qint64 slot);
    //! Records that a claimed slot was sent `lagMs` after its time.
    void sent(double lagMs);
    //! Takes back a sent() for a request that was given up before it reached the wire.
    void unsend(double lagMs);
    //! A new constant rate from now on (ignored by a staged schedule).
    void setRate(double rps);
    ScheduleInfo info() const;

private:
    EngineClock::time_point timeOf(qint64 slot) const;
    EngineClock::time_point at(double offsetS) const;
    bool owns(qint64 arrival) const { return arrival % m_stripeCount == m_stripeIndex; }
    //! The next slot of the stripe at a constant rate.
    qint64 nextConstantSlot();

    mutable std::mutex m_mutex;
    double m_rate = 0;
    qint64 m_nextSlot = 0;
    qint64 m_base = 0;
    EngineClock::time_point m_origin;
    std::vector<qint64> m_returned; // a min-heap
    Stages m_stages; //!< empty: the constant rate
    std::optional<ArrivalCursor> m_cursor; //!< over m_stages
    ScheduleInfo m_info;
    int m_stripeIndex = 0;
    int m_stripeCount = 1;
    double m_skipBeforeS = 0;
};

} // namespace Stressdeck
