// SPDX-License-Identifier: MIT

#pragma once

#include "capacitysearch.h"
#include "report.h"
#include "slo.h"

namespace Stressdeck {

//! What one step of a capacity search measured, read from the report of its run. The step is
//! judged after its warm-up (the first `warmupFraction` of the step): its latency windows that
//! lie at least half past the warm-up are merged (per request type too, for typed SLO terms)
//! and judged against the SLO; the per-second timeline rows that start at or after the warm-up
//! and lie mostly within the load (not the drain after it) give the in-flight samples and the
//! achieved rate: requests completed per second, with the in-flight change between the window's
//! ends replaced by its least-squares trend over the window (a queue's growth stays, the wander of
//! the in-flight level at the two ends goes). A step too short for a latency window past the warm-up (under two
//! windows, 10 s) is judged on its one window, warm-up included.
CapacityStepResult measureCapacityStep(const Report& report, const Slo& slo, double warmupFraction = 0.2);

//! The SLO in words: "p95 < 500 ms and errors < 1 %".
QString sloInWords(const Slo& slo);
//! A rate for people: "81.9", "150".
QString formatRate(double rps);
//! The one-line answer: "Sustains 80 req/s with p95 < 500 ms and errors < 1 % (first failure at
//! 85 req/s: p95 1.90 s ≥ 500 ms)", or why there is none; `interrupted` when the search was cut short.
QString capacitySummaryLine(const CapacityResult& result, const Slo& slo, double startRps, bool interrupted);

} // namespace Stressdeck
