// SPDX-License-Identifier: MIT

#include "threadcpu.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <unistd.h>

namespace Stressdeck {

namespace {

const QString TaskDir = QStringLiteral("/proc/self/task");

//! utime + stime of one thread, in clock ticks (fields 14 and 15 of its stat, after the name).
std::optional<qint64> ticksOf(qint64 tid)
{
    QFile file(QStringLiteral("%1/%2/stat").arg(TaskDir).arg(tid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    // After ") ": state is field 3, so utime (14) and stime (15) are the 12th and 13th.
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    bool okUser = false;
    bool okSystem = false;
    const qint64 ticks = fields[11].toLongLong(&okUser) + fields[12].toLongLong(&okSystem);
    return okUser && okSystem ? std::optional<qint64>(ticks) : std::nullopt;
}

//! Time on a CPU of one thread in nanoseconds: the first field of its schedstat, else its ticks.
std::optional<qint64> cpuNsOf(qint64 tid, long clockTicks)
{
    QFile file(QStringLiteral("%1/%2/schedstat").arg(TaskDir).arg(tid));
    if (file.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const qint64 ns = file.readLine().split(' ').value(0).toLongLong(&ok);
        if (ok)
            return ns;
    }
    const std::optional<qint64> ticks = ticksOf(tid);
    return ticks ? std::optional<qint64>(*ticks * (1'000'000'000 / clockTicks)) : std::nullopt;
}

} // namespace

ThreadCpu::ThreadCpu(const QStringList& namePrefixes)
    : m_prefixes(namePrefixes)
{
    const long ticks = sysconf(_SC_CLK_TCK);
    if (ticks > 0)
        m_clockTicks = ticks;
    m_wall.start();
}

bool ThreadCpu::matches(qint64 tid)
{
    const auto known = m_matches.constFind(tid);
    if (known != m_matches.cend())
        return *known;
    QFile file(QStringLiteral("%1/%2/comm").arg(TaskDir).arg(tid));
    const QString name = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
    const bool match = std::any_of(
        m_prefixes.cbegin(), m_prefixes.cend(), [&](const QString& prefix) { return name.startsWith(prefix); });
    m_matches.insert(tid, match);
    return match;
}

std::optional<double> ThreadCpu::busiestPercent()
{
    const qint64 nowNs = m_wall.nsecsElapsed();
    const double wallS = m_lastWallNs < 0 ? 0 : double(nowNs - m_lastWallNs) / 1e9;
    QHash<qint64, qint64> ticks;
    std::optional<double> busiest;
    const QStringList tasks = QDir(TaskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& task : tasks) {
        const qint64 tid = task.toLongLong();
        if (tid <= 0 || !matches(tid))
            continue;
        const std::optional<qint64> now = cpuNsOf(tid, m_clockTicks);
        if (!now)
            continue;
        ticks.insert(tid, *now);
        const auto before = m_ticks.constFind(tid);
        if (before != m_ticks.cend())
            m_totalNs += *now - *before;
        else if (m_lastWallNs >= 0) // started since the first call: all its time is the run's
            m_totalNs += *now;
        if (before != m_ticks.cend() && wallS > 0) {
            const double percent = 100.0 * double(*now - *before) / 1e9 / wallS;
            busiest = std::max(busiest.value_or(0.0), percent);
        }
    }
    m_ticks = ticks;
    m_lastWallNs = nowNs;
    return busiest;
}

} // namespace Stressdeck
