// SPDX-License-Identifier: MIT

#include "lagprobe.h"

#include "stats.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace Stressdeck {

LagProbe::LagProbe(std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent)
    , m_interval(interval)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &LagProbe::fired);
}

void LagProbe::start()
{
    m_last = EngineClock::now();
    m_timer->start(m_interval);
}

void LagProbe::stop()
{
    m_timer->stop();
}

void LagProbe::fired()
{
    const auto now = EngineClock::now();
    const std::int64_t lagNs = std::max<std::int64_t>(0, nanos(now - m_last - m_interval));
    m_last = now;
    const std::lock_guard lock(m_mutex);
    m_lag.record(lagNs);
    m_periodMaxMs = std::max(m_periodMaxMs, nsToMs(lagNs));
}

double LagProbe::takePeriodMaxMs()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_periodMaxMs, 0.0);
}

Histogram LagProbe::histogram() const
{
    const std::lock_guard lock(m_mutex);
    return m_lag;
}

} // namespace Stressdeck
