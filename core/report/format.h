// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace Stressdeck {

struct Report;

//! How a latency in milliseconds is written: `Table` for tables and the PDF ("12.3 ms",
//! "1.25 s", translated units), `Compact` for the plain-text summary and the progress line
//! ("1.23ms", "12.3ms", "1.25s", fixed).
enum class LatencyStyle { Table, Compact };

QString formatLatency(double ms, LatencyStyle style = LatencyStyle::Table);

//! The translated badge of one criterion: "PASS" or "FAIL".
QString criterionResult(bool passed);

//! The translated verdict of a finished run: "PASSED — all n criteria met" or
//! "FAILED — " and the ids of the failing criteria.
QString verdictLine(const Report& report);

} // namespace Stressdeck
