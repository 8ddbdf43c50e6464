// SPDX-License-Identifier: MIT

#pragma once

#include "report.h"

namespace Stressdeck {

//! Derives the diagnosis of a run from its numbers: memory growth and slope, stalls,
//! bottlenecks per request type, the five pass/fail criteria and the verdict. Pure: the
//! same report always gives the same analysis, so a reopened report shows the same verdict.
namespace Analysis {

struct MemoryTrend {
    double growthMb = 0;
    double slopeMbPerMin = 0;
};

MemoryTrend memoryTrend(const QList<SystemSample>& samples);
QList<Stall> findStalls(const QList<TimelineRow>& timeline, double minSeconds);
QList<Bottleneck> findBottlenecks(const QList<StatsSummary>& types, const Thresholds& thresholds);
QList<Criterion> evaluateCriteria(const Report& report);

//! Fills system trend, stalls, bottlenecks, criteria and `passed` from the rest of the report.
void analyse(Report* report);

} // namespace Analysis

} // namespace Stressdeck
