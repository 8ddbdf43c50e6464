// SPDX-License-Identifier: MIT

#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace Stressdeck {

//! The kernel's view of the wall clock (adjtimex with modes = 0: read only, unprivileged).
struct ClockQuality {
    bool synchronised = false; //!< not TIME_ERROR and STA_UNSYNC clear
    qint64 maxErrorUs = 0;
    qint64 estErrorUs = 0;
    friend bool operator==(const ClockQuality&, const ClockQuality&) = default;
};

//! The wall clock for a start barrier shared by processes (issue #17): an absolute-time sleep on
//! CLOCK_REALTIME, so a clock step during the sleep is honoured, and the clock's quality.
namespace WallClock {

qint64 realtimeNs();
//! The clock the engine measures with (std::chrono::steady_clock, CLOCK_MONOTONIC on Linux).
qint64 monotonicNs();
ClockQuality quality();
//! Blocks until CLOCK_REALTIME reaches `unixNs` (at once when it has).
void sleepUntil(qint64 unixNs);
//! `--start-at`: an RFC 3339 time ("2026-12-01T15:00:00Z", offsets and fractions allowed) or
//! Unix seconds (fractions allowed); nullopt and *error otherwise.
std::optional<qint64> parseTime(const QString& text, QString* error);
//! RFC 3339 in UTC with milliseconds.
QString format(qint64 unixNs);

} // namespace WallClock

} // namespace Stressdeck
