// SPDX-License-Identifier: MIT

#pragma once

#include "analysis.h"
#include "latencyspectrum.h"
#include "runcomparison.h"
#include "stats.h"

#include <QMetaType>

#include <optional>

namespace Stressdeck {

enum class RunState { Idle, Checking, Running, Draining, Finished };

//! What the engine thread hands to the GUI or the command line, at most ~10 times a second.
//! Rows, windows, samples and load changes are only the ones that are new since the last snapshot.
struct LiveSnapshot {
    RunState state = RunState::Idle;
    double elapsedS = 0;
    double durationS = 0;
    qint64 inFlight = 0;
    int concurrency = 0;
    double rateRps = 0;
    StatsFigures overall; //!< named "all"
    QList<StatsFigures> types;
    //! Latency distributions of the successes so far: all requests first, then each type in order.
    QList<LatencySpectrum> spectra;
    QList<TimelineRow> newRows;
    QList<LatencyWindow> newWindows;
    QList<SystemSample> newSamples;
    QList<LoadChange> newLoadChanges;
    double loopLagMs = 0; //!< worst event-loop lag of any engine thread in the last period
    ScheduleInfo schedule; //!< open model: requests sent so far and how many of them late
    double generatorCpuPct = -1; //!< the busiest engine thread at the last sample, % of a core; -1: none yet
    bool generatorBound = false; //!< GeneratorLimits' verdict on the run so far
    qint64 stuck = 0;
    Analysis::Diagnosis diagnosis; //!< the criteria, stalls and bottlenecks so far
    //! With a baseline: the comparison so far, when a new latency window has changed it.
    std::optional<CompareReport> comparison;
};

} // namespace Stressdeck

Q_DECLARE_METATYPE(Stressdeck::LiveSnapshot)
