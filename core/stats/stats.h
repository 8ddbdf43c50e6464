// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"
#include "sparsehistogram.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Stressdeck {

//! Latency percentiles in milliseconds, taken from a histogram of successful requests.
struct LatencySummary {
    double min = 0, mean = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, max = 0;

    static LatencySummary of(const Histogram& histogram);
    friend bool operator==(const LatencySummary&, const LatencySummary&) = default;
};

//! Running counters of one request type (or of all of them) while a run goes on.
struct RequestCounters {
    qint64 total = 0;
    qint64 success = 0;
    qint64 failure = 0;
    qint64 timeouts = 0;
    QMap<QString, qint64> errors;
    Histogram successLatency;
    Histogram failureLatency;
};

//! The figures of one request type (or of all of them): counters, rates and latency. The one
//! statistics value from the engine to the window and the report; live snapshots carry it as it
//! is, the report's STATS extend it with the histograms.
struct StatsFigures {
    QString name;
    qint64 total = 0;
    qint64 success = 0;
    qint64 failure = 0;
    qint64 timeouts = 0;
    double successRatePct = 0;
    double throughputRps = 0;
    LatencySummary latency;
    QMap<QString, qint64> errors;

    static StatsFigures of(const QString& name, const RequestCounters& counters, double elapsedS);
    friend bool operator==(const StatsFigures&, const StatsFigures&) = default;
};

//! The STATS object of the report: the figures, what was sent and the mergeable histograms.
struct StatsSummary : StatsFigures {
    QString method;
    QString path;
    QList<QPair<QString, QString>> headers; //!< as sent, credentials redacted
    Histogram histogram;
    Histogram failureHistogram;

    static StatsSummary of(const QString& name, const RequestCounters& counters, double elapsedS);
    friend bool operator==(const StatsSummary&, const StatsSummary&) = default;
};

//! Per-second figures of one request type inside a timeline row.
struct IntervalFigures {
    qint64 requests = 0;
    qint64 successes = 0;
    qint64 errors = 0;
    qint64 timeouts = 0;
    double p50 = 0, p95 = 0, p99 = 0;

    friend bool operator==(const IntervalFigures&, const IntervalFigures&) = default;
};

//! One second of the run. `t_s` is the end of the second since the start of the load.
struct TimelineRow {
    double tS = 0;
    IntervalFigures all;
    double rps = 0;
    qint64 inFlight = 0;
    QMap<QString, IntervalFigures> byType;

    friend bool operator==(const TimelineRow&, const TimelineRow&) = default;
};

//! Requests that ended in one latency window, of one request type or all.
struct WindowFigures {
    qint64 requests = 0; //!< failures included
    qint64 errors = 0;
    SparseHistogram latency; //!< of the successful ones

    friend bool operator==(const WindowFigures&, const WindowFigures&) = default;
};

//! A few seconds of the run with their latency distributions: what a comparison with another
//! run batches (issue #14). `t_s` is the window's end since the start of the load; windows are
//! WindowS long except the last, which ends with the run.
struct LatencyWindow {
    static constexpr int WindowS = 5;
    double tS = 0;
    double lengthS = 0;
    WindowFigures all;
    QMap<QString, WindowFigures> byType;

    friend bool operator==(const LatencyWindow&, const LatencyWindow&) = default;
};

//! One sample of the monitored process (or of the whole system).
struct SystemSample {
    double tS = 0;
    double cpuPercent = 0;
    double memoryMb = 0;
    double memoryPercent = 0;

    friend bool operator==(const SystemSample&, const SystemSample&) = default;
};

//! A change of the load while the run goes on (concurrency or rate), for markers on charts.
struct LoadChange {
    double tS = 0;
    int concurrency = 0;
    double rateRps = 0;

    friend bool operator==(const LoadChange&, const LoadChange&) = default;
};

inline double nsToMs(std::int64_t ns)
{
    return double(ns) / 1e6;
}

//! Every error class ("HTTP 503", "Timeout", …) that any of `types` counted, sorted: the rows
//! of an errors-by-type table. `Types` is a list of anything with an `errors` map.
template <typename Types> QStringList errorClasses(const Types& types)
{
    QStringList classes;
    for (const auto& t : types) {
        for (auto it = t.errors.begin(); it != t.errors.end(); ++it) {
            if (!classes.contains(it.key()))
                classes.append(it.key());
        }
    }
    classes.sort();
    return classes;
}

//! How well an open-model run kept to its schedule.
struct ScheduleInfo {
    qint64 scheduled = 0;
    qint64 late = 0; //!< sent ≥ LateThresholdMs after their intended time
    double maxLagMs = 0;
    static constexpr double LateThresholdMs = 10.0;

    friend bool operator==(const ScheduleInfo&, const ScheduleInfo&) = default;
};

} // namespace Stressdeck
