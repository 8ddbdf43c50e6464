// SPDX-License-Identifier: MIT

#pragma once

#include "generatorlimits.h"
#include "runconfig.h"
#include "shardreport.h"
#include "stats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>

namespace Stressdeck {

struct Bottleneck {
    QString requestType;
    QString kind; //!< "timeout_rate", "p95_latency", "error_rate"
    double value = 0;
    double threshold = 0;
    QString message;

    friend bool operator==(const Bottleneck&, const Bottleneck&) = default;
};

struct Criterion {
    QString id; //!< no_deadlocks, success_rate, no_memory_leak, metrics_collected, bottleneck_analysis
    bool passed = false;
    QString detail;

    friend bool operator==(const Criterion&, const Criterion&) = default;
};

//! A stretch of ≥ the stall threshold with no completed request while requests were in flight.
struct Stall {
    double fromS = 0;
    double toS = 0;
    qint64 inFlight = 0;

    friend bool operator==(const Stall&, const Stall&) = default;
};

struct SystemInfo {
    QString source = QStringLiteral("system"); //!< "pid" or "system"
    qint64 pid = 0;
    QString processName;
    double intervalS = 5;
    QList<SystemSample> samples;
    double memoryGrowthMb = 0;
    double memorySlopeMbPerMin = 0;

    friend bool operator==(const SystemInfo&, const SystemInfo&) = default;
};

//! One stage of a staged run: where it sat on the run's clock, the target it ramped from and to,
//! and the figures of the requests that started in it (their scheduled time in the open model),
//! so the stages' counters sum to the overall ones.
struct StageSummary {
    double startS = 0;
    double endS = 0;
    double fromTarget = 0;
    double target = 0;
    StatsSummary stats;

    friend bool operator==(const StageSummary&, const StageSummary&) = default;
};

//! Everything a run produced; the JSON form (schema stressdeck-report/1) is the source of truth
//! for the GUI, the PDF and CI.
struct Report {
    static constexpr auto Schema = "stressdeck-report/1";

    QString toolName = QStringLiteral("stressdeck");
    QString toolVersion;
    QDateTime startedAt;
    QDateTime finishedAt;
    double elapsedS = 0;
    RunConfig config;
    QString scenarioName;
    QString stopReason; //!< "completed", "stopped", "interrupted", "unavailable"
    StatsSummary overall;
    QList<StatsSummary> requestTypes;
    QList<TimelineRow> timeline;
    QList<LatencyWindow> latencyWindows; //!< empty in reports of Stressdeck before 0.2
    int windowS = LatencyWindow::WindowS; //!< how long latencyWindows are (`latency_windows.window_s`)
    SystemInfo system;
    qint64 stuckRequests = 0;
    QList<Stall> stalls;
    ScheduleInfo schedule;
    QList<LoadChange> loadChanges;
    QList<StageSummary> stages; //!< empty: a constant load (or a report of Stressdeck before stages)
    QList<Bottleneck> bottlenecks;
    QList<Criterion> criteria;
    bool passed = false;
    double loopLagP99Ms = 0; //!< engine thread event-loop lag: is the generator trustworthy?
    double loopLagMaxMs = 0;
    GeneratorLimits generatorLimits; //!< whether the generator itself limited the run (issue #19)
    QJsonObject environment;
    // Distributed runs (issue #17): a shard's report has the first two, a merged report the third.
    std::optional<ShardInfo> shard;
    std::optional<ShardHistograms> histograms;
    std::optional<MergeInfo> shards;

    friend bool operator==(const Report&, const Report&) = default;

    QJsonObject toJson() const;
    //! The file's bytes: compact JSON with each top-level key on a line of its own.
    QByteArray toJsonBytes() const;
    //! `root` written the way toJsonBytes writes a report.
    static QByteArray jsonLines(const QJsonObject& root);
    //! Parses a report; `origin` (a file name) prefixes the message on failure.
    static bool fromJson(const QByteArray& data, const QString& origin, Report* report, QString* error);
    //! Reads a report file, or a checkpoint with its journal (CheckpointFile) as the one report it is.
    static bool load(const QString& fileName, Report* report, QString* error);

    //! Only the parts that grow with the run's length (issue #19) — `timeline`, `latency_windows`,
    //! `system.samples` and a shard's `histograms` — in the report's JSON form, the empty ones left
    //! out: what CheckpointFile appends to its journal.
    QJsonObject growingPartsJson() const;
    //! Appends parts in that form to this report's, checked as a whole report's are; `origin`
    //! names them in an error.
    bool appendGrowingParts(const QJsonObject& parts, const QString& origin, QString* error);
    //! Atomic write: an earlier file stays intact when this fails.
    bool save(const QString& fileName, QString* error) const;
};

} // namespace Stressdeck

Q_DECLARE_METATYPE(Stressdeck::Report)
