// SPDX-License-Identifier: MIT

#pragma once

#include "histogram.h"
#include "sparsehistogram.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace Stressdeck {

//! Latency percentiles in milliseconds, taken from a histogram of successful requests.
struct LatencySummary {
    double min = 0, mean = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, max = 0;

    static LatencySummary of(const Histogram& histogram);
    friend bool operator==(const LatencySummary&, const LatencySummary&) = default;
};

//! What the aggregator needs of one finished streaming request (issue #16), in nanoseconds.
//! Only streaming requests carry one, so a plain request's record stays as small as before.
struct StreamSample {
    std::optional<std::int64_t> ttftNs; //!< first content − send
    std::optional<std::int64_t> ttftSchedNs; //!< first content − intended start
    std::int64_t e2eNs = 0; //!< end of stream − send
    std::optional<double> tpotNs; //!< decode time / (N − 1), N ≥ 2 from usage
    std::vector<std::int64_t> gapsNs; //!< between successive content events
    std::optional<std::int64_t> outputTokens; //!< from usage; empty: unknown
    int contentEvents = 0;
    int coalescedEvents = 0;
    bool buffered = false; //!< all content in one read, or decode time under 5 % of E2E
    bool roleLead = false; //!< a role-only event long before the first content
};

//! Streaming figures of one request type (or of all), merged like the latency histograms.
struct StreamCounters {
    //! A role-only event this much before the first content counts as running ahead.
    static constexpr std::int64_t RoleLeadNs = 100'000'000;

    qint64 streams = 0; //!< successful streams counted here
    Histogram ttft;
    Histogram ttftSched;
    Histogram e2e;
    Histogram tpot;
    Histogram icl; //!< every gap, pooled
    qint64 outputTokens = 0;
    qint64 usage = 0; //!< streams whose token count came from usage
    qint64 none = 0; //!< streams without one
    qint64 contentEvents = 0;
    qint64 contentEventsWithTokens = 0; //!< of the streams with a known count: chunks per token
    qint64 coalescedEvents = 0;
    qint64 buffered = 0;
    qint64 roleLead = 0;

    void add(const StreamSample& sample);
    void merge(const StreamCounters& other);
    friend bool operator==(const StreamCounters&, const StreamCounters&) = default;
};

//! The `streaming` block of a request type (or of all) in the report.
struct StreamingSummary {
    LatencySummary ttft, ttftSched, e2e, tpot, icl;
    qint64 outputTokens = 0;
    double outputTokensPerS = 0;
    qint64 usage = 0;
    qint64 none = 0;
    double chunksPerToken = 0; //!< 0: no stream with a known token count
    QStringList warnings; //!< fixed English sentences (a JSON contract), never translated
    //! Goodput under the run's SLO (`--slo`), when it judged this type's requests; errors count against it.
    std::optional<double> goodputRps;
    std::optional<double> goodPct;
    bool streamOptionsDropped = false; //!< a 400 named `stream_options`, so they were left out

    //! Marks that the server rejected `stream_options` and they were dropped, with its warning.
    void noteStreamOptionsDropped();

    //! Below this many content events per token, ICL is not a per-token latency.
    static constexpr double ChunksPerTokenFloor = 0.8;

    static StreamingSummary of(const StreamCounters& counters, double elapsedS);
    friend bool operator==(const StreamingSummary&, const StreamingSummary&) = default;
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
    //! Only once a streaming request was counted: five histograms are not free.
    std::optional<StreamCounters> stream;
    qint64 judged = 0; //!< requests judged for goodput (Goodput), failures included
    qint64 good = 0; //!< of them, the good ones
};

//! The figures of one request type (or of all of them): counters, rates, latency and, for a type
//! that streamed, its streaming figures. The one statistics value from the engine to the window
//! and the report; live snapshots carry it as it is, the report's STATS extend it with the histograms.
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
    std::optional<StreamingSummary> streaming; //!< only for a type that streams (and overall)

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

//! One row of the run's timeline: a second, or for a run planned longer than MaxRows seconds a
//! few (rowSecondsFor). `t_s` is the end of the row since the start of the load; a row starts where
//! the one before ends (the first at 0), and only the last may be shorter (or a sliver longer).
struct TimelineRow {
    //! A run planned for up to this many seconds (6 h) has a row per second; a longer one rows of
    //! 2, 4, … seconds, so its timeline keeps between half as many and this many rows (issue #19:
    //! a day is 21,600 rows of 4 s, a report under 15 MB however many request types it has).
    static constexpr int MaxRows = 21600;
    //! The row length of a run planned to last `plannedS`: the smallest power of two that keeps it
    //! within MaxRows rows.
    static int rowSecondsFor(double plannedS);

    double tS = 0;
    IntervalFigures all;
    double rps = 0;
    qint64 inFlight = 0;
    QMap<QString, IntervalFigures> byType;
    //! Only in a run that streams: TTFT and TPOT of the streams that ended in this second, and their tokens.
    struct Streaming {
        double ttftP50 = 0, ttftP95 = 0, ttftP99 = 0;
        double outputTokensPerS = 0;
        double tpotP50 = 0, tpotP95 = 0; //!< 0: no stream of this second had a TPOT (N ≥ 2)
        friend bool operator==(const Streaming&, const Streaming&) = default;
    };
    std::optional<Streaming> streaming;
    //! Live only, never in the report: latency percentiles of the successes that ended in the 10
    //! and the 60 seconds up to this row's end (SlidingWindowsS; the 1-second figures are `all`
    //! and `byType`), from the per-second histograms merged (issue #18).
    struct Sliding {
        double p50 = 0, p95 = 0, p99 = 0;
        friend bool operator==(const Sliding&, const Sliding&) = default;
    };
    static constexpr std::array<int, 2> SlidingWindowsS { 10, 60 };
    std::array<Sliding, 2> slidingAll {};
    //! Empty in a run of one type, whose sliding figures are slidingAll (issue #19: a map a row).
    QMap<QString, std::array<Sliding, 2>> slidingByType;
    //! The sliding figures of `type`: slidingAll in a run of one type, zeros for a type the row lacks.
    std::array<Sliding, 2> slidingOf(const QString& type) const
    {
        return slidingByType.isEmpty() ? slidingAll : slidingByType.value(type);
    }

    //! What the report keeps: the live-only sliding figures are left out, so a run equals its
    //! report read back.
    friend bool operator==(const TimelineRow& a, const TimelineRow& b)
    {
        return a.tS == b.tS && a.all == b.all && a.rps == b.rps && a.inFlight == b.inFlight && a.byType == b.byType
            && a.streaming == b.streaming;
    }
};

//! Requests that ended in one latency window, of one request type or all.
struct WindowFigures {
    qint64 requests = 0; //!< failures included
    qint64 errors = 0;
    SparseHistogram latency; //!< of the successful ones

    void add(const WindowFigures& other);

    friend bool operator==(const WindowFigures&, const WindowFigures&) = default;
};

//! A few seconds of the run with their latency distributions: what a comparison with another
//! run batches (issue #14). `t_s` is the window's end since the start of the load; a run's windows
//! are all as long (its `window_s`) except the last, which ends with the run. They start WindowS
//! long; whenever a run has more than MaxWindows, each pair becomes one window twice as long (issue
//! #19), so a window is WindowS·2^k long and a report holds at most MaxWindows of them (from half
//! as many up) however long the run: 5 s up to 10 minutes, 1280 s for a day.
struct LatencyWindow {
    static constexpr int WindowS = 5;
    static constexpr int MaxWindows = 120;
    double tS = 0;
    double lengthS = 0;
    WindowFigures all;
    QMap<QString, WindowFigures> byType;

    //! Which window of `windowS` seconds the time `endS` (a window's or a second's end) falls in.
    static qint64 indexOf(double endS, int windowS);
    //! `s` is a window length Stressdeck writes: WindowS·2^k.
    static bool isWindowLength(double s);
    //! Adds `later`, the seconds after this window's in the same window of `windowS`.
    void absorb(const LatencyWindow& later, int windowS);
    //! Merges each pair of windows into one twice as long, doubling `*windowS`.
    static void coarsen(QList<LatencyWindow>* windows, int* windowS);
    //! Coarsens until no more than MaxWindows are left.
    static void bound(QList<LatencyWindow>* windows, int* windowS);

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
