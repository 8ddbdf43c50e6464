// SPDX-License-Identifier: MIT

#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QStringList>

#include <optional>

namespace Stressdeck {

//! The CPU use of this process's own threads whose names start with one of the prefixes, from
//! /proc/self/task: the generator watching itself (issue #19), so a run limited by its engine
//! threads is not mistaken for one limited by the service. Names are read once per thread (Linux
//! keeps 15 bytes of a QThread's object name).
class ThreadCpu {
public:
    explicit ThreadCpu(const QStringList& namePrefixes);

    //! The busiest matching thread's CPU use since the last call, in % of one core; nullopt on
    //! the first call, when no thread matches or /proc cannot be read.
    std::optional<double> busiestPercent();
    //! CPU time of all matching threads since the first call, in seconds: what they spent between
    //! two calls, and all of a thread's time when it first appeared after the first call.
    double totalCpuS() const { return double(m_totalNs) / 1e9; }
    //! Matching threads seen at the last call.
    int threadCount() const { return int(m_ticks.size()); }

private:
    bool matches(qint64 tid);

    QStringList m_prefixes;
    QHash<qint64, bool> m_matches; //!< tid → its name matched
    QHash<qint64, qint64> m_ticks; //!< tid → its time on a CPU at the last call, in ns
    QElapsedTimer m_wall;
    qint64 m_lastWallNs = -1;
    long m_clockTicks = 100;
    qint64 m_totalNs = 0;
};

} // namespace Stressdeck
