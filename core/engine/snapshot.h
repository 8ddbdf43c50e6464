// SPDX-License-Identifier: MIT

#pragma once

#include "stats.h"

#include <QMetaType>

namespace Stressdeck {

enum class RunState { Idle, Checking, Running, Draining, Finished };

//! Live figures of one request type (or all), without the histograms.
struct LiveStats {
    QString name;
    qint64 total = 0;
    qint64 success = 0;
    qint64 failure = 0;
    qint64 timeouts = 0;
    double throughputRps = 0;
    LatencySummary latency;
    QMap<QString, qint64> errors;

    //! The live figures of a report's STATS (a reopened report fills the same tables).
    static LiveStats of(const StatsSummary& s, const QString& name)
    {
        return { name, s.total, s.success, s.failure, s.timeouts, s.throughputRps, s.latency, s.errors };
    }
    //! STATS without histograms, enough for the analysis of a run still going on.
    StatsSummary toSummary() const
    {
        StatsSummary s;
        s.name = name;
        s.total = total;
        s.success = success;
        s.failure = failure;
        s.timeouts = timeouts;
        s.successRatePct = total ? 100.0 * double(success) / double(total) : 0.0;
        s.throughputRps = throughputRps;
        s.latency = latency;
        s.errors = errors;
        return s;
    }
};

//! What the engine thread hands to the GUI or the command line, at most ~10 times a second.
//! Rows, samples and load changes are only the ones that are new since the last snapshot.
struct LiveSnapshot {
    RunState state = RunState::Idle;
    double elapsedS = 0;
    double durationS = 0;
    qint64 inFlight = 0;
    int concurrency = 0;
    double rateRps = 0;
    LiveStats overall;
    QList<LiveStats> types;
    QList<TimelineRow> newRows;
    QList<SystemSample> newSamples;
    QList<LoadChange> newLoadChanges;
    double loopLagMs = 0; //!< worst event-loop lag of any engine thread in the last period
    ScheduleInfo schedule; //!< open model: requests sent so far and how many of them late
    qint64 stuck = 0;
};

} // namespace Stressdeck

Q_DECLARE_METATYPE(Stressdeck::LiveSnapshot)
