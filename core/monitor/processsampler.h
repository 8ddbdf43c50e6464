// SPDX-License-Identifier: MIT

#pragma once

#include "stats.h"

#include <QElapsedTimer>
#include <QString>

#include <optional>

namespace Stressdeck {

//! Samples CPU % and resident memory of one process, or of the whole system, from /proc.
//! Each read is a few small files, so it can run on the engine thread without stalling it.
class ProcessSampler {
public:
    explicit ProcessSampler(qint64 pid = 0);

    qint64 pid() const { return m_pid; }
    bool isSystem() const { return m_pid == 0; }
    //! Empty when the process is gone or /proc cannot be read. The first sample's CPU is the
    //! average since the process started (or the system booted), never a 0 % of an interval of
    //! a few milliseconds; where the start cannot be read, the first sample waits for an interval
    //! of half a second, so no sample has a CPU figure it did not measure.
    std::optional<SystemSample> sample(double tS);

    //! What a "PID or process name" given to monitor comes to.
    struct Lookup {
        enum Result { Found, NoSuchPid, NoSuchName };
        Result result = Found;
        qint64 pid = 0;
        QString name; //!< as given, when the process was given by name
    };
    //! A number is a PID that must exist, anything else the name of a running process.
    static Lookup resolve(const QString& pidOrName);
    static Lookup resolvePid(qint64 pid);
    static Lookup resolveName(const QString& name);

    //! The PIDs of all processes, in /proc's listing order.
    static QList<qint64> processIds();
    static QString processName(qint64 pid);

private:
    static std::optional<qint64> findPidByName(const QString& name);
    static bool processExists(qint64 pid);
    std::optional<double> cpuTicks();
    double totalMemoryMb() const;
    //! Seconds since the monitored process started, from /proc.
    std::optional<double> processAgeS() const;

    qint64 m_pid = 0;
    std::optional<double> m_lastTicks;
    std::optional<double> m_lastSystemTotal;
    QElapsedTimer m_wall;
    double m_lastWallS = 0;
    double m_lastCpu = 0;
    bool m_haveCpu = false;
    bool m_fromStart = false; //!< the next sample is measured from the process's start (or boot)
    double m_memTotalMb = 0;
    long m_clockTicks = 100;
    long m_pageSize = 4096;
};

} // namespace Stressdeck
