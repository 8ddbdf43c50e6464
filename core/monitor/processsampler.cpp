// SPDX-License-Identifier: MIT

#include "processsampler.h"

#include <QDir>
#include <QFile>

#include <cmath>

#include <unistd.h>

namespace Stressdeck {

namespace {

QByteArray readProcFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

double meminfoMb(const QByteArray& meminfo, const char* key)
{
    for (const QByteArray& line : meminfo.split('\n')) {
        if (line.startsWith(key)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts[1].toDouble() / 1024.0; // kB → MiB
        }
    }
    return 0;
}

} // namespace

ProcessSampler::ProcessSampler(qint64 pid)
    : m_pid(pid)
{
    m_clockTicks = std::max(1L, sysconf(_SC_CLK_TCK));
    m_pageSize = std::max(1L, sysconf(_SC_PAGESIZE));
    m_memTotalMb = totalMemoryMb();
    m_wall.start();
    // The first sample's CPU is measured from the process's start (or the system's boot): its
    // counters were zero then. Compared with a reading taken now it would cover a few
    // milliseconds and read 0 % (issue #18).
    if (m_pid == 0) {
        m_lastTicks = 0;
        m_lastSystemTotal = 0;
        m_fromStart = true;
    } else if (const std::optional<double> age = processAgeS()) {
        m_lastTicks = 0;
        m_lastWallS = -*age;
        m_fromStart = true;
    } else {
        m_lastTicks = cpuTicks();
    }
}

std::optional<double> ProcessSampler::processAgeS() const
{
    const QByteArray stat = readProcFile(QStringLiteral("/proc/%1/stat").arg(m_pid));
    const qsizetype close = stat.lastIndexOf(')');
    const QList<QByteArray> uptime = readProcFile(QStringLiteral("/proc/uptime")).simplified().split(' ');
    if (close < 0 || uptime.isEmpty())
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).simplified().split(' ');
    if (fields.size() < 22)
        return std::nullopt;
    // Field 22, starttime: clock ticks after boot.
    const double age = uptime[0].toDouble() - fields[19].toDouble() / double(m_clockTicks);
    return age > 0 ? std::optional<double>(age) : std::nullopt;
}

double ProcessSampler::totalMemoryMb() const
{
    return meminfoMb(readProcFile(QStringLiteral("/proc/meminfo")), "MemTotal:");
}

std::optional<double> ProcessSampler::cpuTicks()
{
    if (m_pid == 0) {
        const QByteArray stat = readProcFile(QStringLiteral("/proc/stat"));
        const QList<QByteArray> fields = stat.left(stat.indexOf('\n')).simplified().split(' ');
        if (fields.size() < 5 || fields[0] != "cpu")
            return std::nullopt;
        double busy = 0, total = 0;
        for (qsizetype i = 1; i < fields.size(); ++i) {
            const double v = fields[i].toDouble();
            total += v;
            if (i != 4 && i != 5) // idle, iowait
                busy += v;
        }
        m_lastSystemTotal = total;
        return busy;
    }
    const QByteArray stat = readProcFile(QStringLiteral("/proc/%1/stat").arg(m_pid));
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).simplified().split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    if (fields.size() < 22)
        return std::nullopt;
    return fields[11].toDouble() + fields[12].toDouble();
}

std::optional<SystemSample> ProcessSampler::sample(double tS)
{
    const double previousTotal = m_lastSystemTotal.value_or(0);
    const auto ticks = cpuTicks();
    if (!ticks)
        return std::nullopt;
    const double wallS = double(m_wall.nsecsElapsed()) / 1e9;
    SystemSample s;
    s.tS = tS;
    // Since the start, however short, counts: its ticks are all the process ever used.
    const bool longEnough = m_fromStart || wallS - m_lastWallS >= 0.5;
    m_fromStart = false;
    if (!m_haveCpu && (!m_lastTicks || !longEnough)) {
        // No CPU figure before a whole interval has been measured (a process younger than half a
        // second): a sample now would read 0 %, so it is not one.
        if (!m_lastTicks) {
            m_lastTicks = ticks;
            m_lastWallS = wallS;
        } else if (m_pid == 0) {
            m_lastSystemTotal = previousTotal;
        }
        return std::nullopt;
    }
    if (m_pid == 0) {
        const double totalDelta = m_lastSystemTotal.value_or(0) - previousTotal;
        s.cpuPercent = totalDelta > 0 ? 100.0 * (*ticks - *m_lastTicks) / totalDelta : m_lastCpu;
    } else if (longEnough) {
        s.cpuPercent = 100.0 * (*ticks - *m_lastTicks) / double(m_clockTicks) / (wallS - m_lastWallS);
    } else {
        // Too short to count 10 ms ticks meaningfully (e.g. the final sample): keep the last value
        // and measure the next sample over the longer interval.
        s.cpuPercent = m_lastCpu;
    }
    if (m_pid == 0 || longEnough) {
        m_lastTicks = ticks;
        m_lastWallS = wallS;
    }
    m_lastCpu = s.cpuPercent;
    m_haveCpu = true;

    if (m_pid == 0) {
        const QByteArray meminfo = readProcFile(QStringLiteral("/proc/meminfo"));
        s.memoryMb = meminfoMb(meminfo, "MemTotal:") - meminfoMb(meminfo, "MemAvailable:");
    } else {
        const QList<QByteArray> statm
            = readProcFile(QStringLiteral("/proc/%1/statm").arg(m_pid)).simplified().split(' ');
        if (statm.size() < 2)
            return std::nullopt;
        s.memoryMb = statm[1].toDouble() * double(m_pageSize) / (1024.0 * 1024.0);
    }
    s.memoryPercent = m_memTotalMb > 0 ? 100.0 * s.memoryMb / m_memTotalMb : 0;
    // To what the figures mean (a millisecond, a hundredth of a per cent, about a KB): a day's
    // samples in the report are then a fraction of a MB rather than two (issue #19).
    auto rounded = [](double v, double unit) { return std::round(v / unit) * unit; };
    s.tS = rounded(s.tS, 1e-3);
    s.cpuPercent = rounded(s.cpuPercent, 1e-2);
    s.memoryMb = rounded(s.memoryMb, 1e-3);
    s.memoryPercent = rounded(s.memoryPercent, 1e-4);
    return s;
}

ProcessSampler::Lookup ProcessSampler::resolve(const QString& pidOrName)
{
    bool isPid = false;
    const qint64 pid = pidOrName.toLongLong(&isPid);
    return isPid ? resolvePid(pid) : resolveName(pidOrName);
}

ProcessSampler::Lookup ProcessSampler::resolvePid(qint64 pid)
{
    return { processExists(pid) ? Lookup::Found : Lookup::NoSuchPid, pid, {} };
}

ProcessSampler::Lookup ProcessSampler::resolveName(const QString& name)
{
    const auto pid = findPidByName(name);
    return { pid ? Lookup::Found : Lookup::NoSuchName, pid.value_or(0), name };
}

QList<qint64> ProcessSampler::processIds()
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (isPid)
            pids.append(pid);
    }
    return pids;
}

std::optional<qint64> ProcessSampler::findPidByName(const QString& name)
{
    std::optional<qint64> byCmdline;
    const qint64 self = getpid();
    for (const qint64 pid : processIds()) {
        if (pid == self)
            continue;
        if (processName(pid) == name)
            return pid;
        if (!byCmdline) {
            const QByteArray cmdline = readProcFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
            const QString first = QString::fromLocal8Bit(cmdline.left(cmdline.indexOf('\0')));
            if (!first.isEmpty() && first.section(QLatin1Char('/'), -1) == name)
                byCmdline = pid;
        }
    }
    return byCmdline;
}

QString ProcessSampler::processName(qint64 pid)
{
    return QString::fromLocal8Bit(readProcFile(QStringLiteral("/proc/%1/comm").arg(pid))).trimmed();
}

bool ProcessSampler::processExists(qint64 pid)
{
    return pid > 0 && QFile::exists(QStringLiteral("/proc/%1/stat").arg(pid));
}

} // namespace Stressdeck
