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

//! What the analysis finds in a run's figures, live or at the end.
struct Diagnosis {
    MemoryTrend memory;
    QList<Stall> stalls;
    QList<Bottleneck> bottlenecks;
    QList<Criterion> criteria;
    bool passed = false;
};

MemoryTrend memoryTrend(const QList<SystemSample>& samples);
QList<Stall> findStalls(const QList<TimelineRow>& timeline, double minSeconds);
QList<Bottleneck> findBottlenecks(const QList<StatsFigures>& types, const Thresholds& thresholds);

//! The diagnosis of a run from its figures so far: what both the live snapshot and the report carry.
Diagnosis diagnose(const Thresholds& thresholds, const StatsFigures& overall, const QList<StatsFigures>& types,
    const QList<TimelineRow>& timeline, const QList<SystemSample>& samples, qint64 stuckRequests);

//! Fills system trend, stalls, bottlenecks, criteria and `passed` from the rest of the report.
void analyse(Report* report);

} // namespace Analysis

} // namespace Stressdeck
