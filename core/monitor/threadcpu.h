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
    //! Matching threads seen at the last call.
    int threadCount() const { return int(m_ticks.size()); }

private:
    bool matches(qint64 tid);

    QStringList m_prefixes;
    QHash<qint64, bool> m_matches; //!< tid → its name matched
    QHash<qint64, qint64> m_ticks; //!< tid → utime + stime at the last call
    QElapsedTimer m_wall;
    qint64 m_lastWallNs = -1;
    long m_clockTicks = 100;
};

} // namespace Stressdeck
