// SPDX-License-Identifier: MIT

#pragma once

#include "engineclock.h"
#include "stats.h"

#include <QtGlobal>

#include <mutex>
#include <utility>
#include <vector>

namespace Stressdeck {

//! The open model's schedule, shared by every worker: slot k is due at
//! origin + (k - base) / rate. Slots a stopped user claimed but never used go back.
class OpenSchedule {
public:
    void start(EngineClock::time_point origin, double rate);
    std::pair<qint64, EngineClock::time_point> claim();
    void giveBack(qint64 slot);
    //! Records that a claimed slot was sent `lagMs` after its time.
    void sent(double lagMs);
    //! Takes back a sent() for a request that was given up before it reached the wire.
    void unsend(double lagMs);
    void setRate(double rps);
    ScheduleInfo info() const;

private:
    EngineClock::time_point timeOf(qint64 slot) const;

    mutable std::mutex m_mutex;
    double m_rate = 0;
    qint64 m_nextSlot = 0;
    qint64 m_base = 0;
    EngineClock::time_point m_origin;
    std::vector<qint64> m_returned; // a min-heap
    ScheduleInfo m_info;
};

} // namespace Stressdeck
