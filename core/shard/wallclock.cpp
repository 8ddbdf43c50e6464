// SPDX-License-Identifier: MIT

#include "wallclock.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <sys/timex.h>

namespace Stressdeck::WallClock {

namespace {

qint64 nsOf(const timespec& ts)
{
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

} // namespace

qint64 realtimeNs()
{
    timespec ts {};
    clock_gettime(CLOCK_REALTIME, &ts);
    return nsOf(ts);
}

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

ClockQuality quality()
{
    timex tx {};
    tx.modes = 0; // read only
    const int state = ntp_adjtime(&tx);
    ClockQuality q;
    q.synchronised = state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
    q.maxErrorUs = qint64(tx.maxerror);
    q.estErrorUs = qint64(tx.esterror);
    return q;
}

void sleepUntil(qint64 unixNs)
{
    timespec at {};
    at.tv_sec = time_t(unixNs / 1000000000);
    at.tv_nsec = long(unixNs % 1000000000);
    while (clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &at, nullptr) == EINTR) { }
}

std::optional<qint64> parseTime(const QString& text, QString* error)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok && std::isfinite(seconds) && seconds > 0 && seconds < 1e11)
        return qint64(std::llround(seconds * 1e9));
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    // RFC 3339 needs a zone: a time without one would mean something else on every host.
    if (t.isValid() && t.timeSpec() != Qt::LocalTime)
        return qint64(t.toMSecsSinceEpoch()) * 1000000;
    *error = QCoreApplication::translate(
        "Shard", "--start-at: \"%1\" is neither an RFC 3339 time with a zone (2026-12-01T15:00:00Z) nor Unix seconds")
                 .arg(text);
    return std::nullopt;
}

QString format(qint64 unixNs)
{
    return QDateTime::fromMSecsSinceEpoch(unixNs / 1000000, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace Stressdeck::WallClock
