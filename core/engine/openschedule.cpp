// SPDX-License-Identifier: MIT

#include "openschedule.h"

#include <algorithm>
#include <functional>

namespace Stressdeck {

void OpenSchedule::setStripe(int index, int count)
{
    const std::lock_guard lock(m_mutex);
    m_stripeIndex = index;
    m_stripeCount = std::max(1, count);
}

void OpenSchedule::skipBefore(double offsetS)
{
    const std::lock_guard lock(m_mutex);
    m_skipBeforeS = offsetS;
}

qint64 OpenSchedule::nextConstantSlot()
{
    // Every shard walks the same global slots and keeps its own; a late joiner skips the past.
    qint64 slot = m_nextSlot;
    while (!owns(slot) || (m_skipBeforeS > 0 && double(slot - m_base) / m_rate < m_skipBeforeS))
        ++slot;
    m_nextSlot = slot + 1;
    return slot;
}

void OpenSchedule::start(EngineClock::time_point origin, double rate)
{
    const std::lock_guard lock(m_mutex);
    m_origin = origin;
    m_rate = rate;
}

void OpenSchedule::start(EngineClock::time_point origin, const Stages& stages)
{
    const std::lock_guard lock(m_mutex);
    m_origin = origin;
    m_stages = stages;
    m_cursor.emplace(m_stages);
}

EngineClock::time_point OpenSchedule::at(double offsetS) const
{
    return m_origin + std::chrono::duration_cast<EngineClock::duration>(std::chrono::duration<double>(offsetS));
}

EngineClock::time_point OpenSchedule::timeOf(qint64 slot) const
{
    if (m_cursor)
        return at(m_stages.arrivalTime(slot).value_or(m_stages.totalDuration()));
    return at(double(slot - m_base) / m_rate);
}

std::pair<qint64, EngineClock::time_point> OpenSchedule::claim()
{
    const std::lock_guard lock(m_mutex);
    qint64 slot = 0;
    if (!m_returned.empty()) {
        std::pop_heap(m_returned.begin(), m_returned.end(), std::greater<>());
        slot = m_returned.back();
        m_returned.pop_back();
    } else if (m_cursor) {
        for (;;) {
            const std::optional<double> due = m_cursor->next();
            if (!due)
                return { NoSlot, m_origin };
            if (owns(m_cursor->index() - 1) && *due >= m_skipBeforeS)
                return { m_cursor->index(), at(*due) };
        }
    } else {
        slot = nextConstantSlot();
    }
    return { slot, timeOf(slot) };
}

void OpenSchedule::giveBack(qint64 slot)
{
    if (slot == NoSlot)
        return;
    const std::lock_guard lock(m_mutex);
    m_returned.push_back(slot);
    std::push_heap(m_returned.begin(), m_returned.end(), std::greater<>());
}

void OpenSchedule::sent(double lagMs)
{
    const std::lock_guard lock(m_mutex);
    ++m_info.scheduled;
    m_info.maxLagMs = std::max(m_info.maxLagMs, lagMs);
    if (lagMs >= ScheduleInfo::LateThresholdMs)
        ++m_info.late;
}

void OpenSchedule::unsend(double lagMs)
{
    const std::lock_guard lock(m_mutex);
    --m_info.scheduled;
    if (lagMs >= ScheduleInfo::LateThresholdMs)
        --m_info.late;
}

void OpenSchedule::setRate(double rps)
{
    const std::lock_guard lock(m_mutex);
    if (m_cursor)
        return;
    // Slots already claimed keep their times; new ones follow the new rate from now on.
    const auto next = timeOf(m_nextSlot);
    m_base = m_nextSlot;
    m_origin = std::max(EngineClock::now(), next);
    m_rate = rps;
}

ScheduleInfo OpenSchedule::info() const
{
    const std::lock_guard lock(m_mutex);
    return m_info;
}

} // namespace Stressdeck
