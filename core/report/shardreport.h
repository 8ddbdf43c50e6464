// SPDX-License-Identifier: MIT

#pragma once

#include "sparsehistogram.h"
#include "stats.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stressdeck {

//! The `shard` block of a shard's report (issue #17): which stripe of which plan it ran, when it
//! was told to start and when it did, and how far its wall clock can be trusted. `originUnixS` is
//! the plan's time origin (t_s = 0 of the timeline) on the wall clock: `start_at` when given, else
//! the actual start; the shards of one run share it, so their seconds line up.
struct ShardInfo {
    int index = 0;
    int count = 1;
    QString source;
    QString planHash;
    quint64 seed = 0;
    int planConcurrency = 0; //!< the whole plan's; `config` shows this shard's share
    double planRateRps = 0;
    std::optional<double> startAtUnixS;
    double actualStartUnixS = 0;
    double originUnixS = 0;
    double startLagMs = 0;
    bool clockSynchronised = false;
    qint64 clockMaxErrorUs = 0;
    QString host;
    qint64 pid = 0;
    //! Started later than the tolerance and joined the schedule where it stood (--late-start join).
    std::optional<double> joinedLateByMs;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, ShardInfo* out, QString* error);
    friend bool operator==(const ShardInfo&, const ShardInfo&) = default;
};

//! One type's requests that ended in one second of a shard's run.
struct SecondFigures {
    qint64 requests = 0;
    qint64 successes = 0;
    qint64 errors = 0;
    qint64 timeouts = 0;
    SparseHistogram latency; //!< of the successful ones
    //! Of a streaming type: the successful streams that ended in this second, their TTFT and TPOT
    //! and their output tokens (the merged timeline's `streaming` figures).
    qint64 streams = 0;
    SparseHistogram ttft;
    SparseHistogram tpot;
    qint64 outputTokens = 0;
    void merge(const SecondFigures& other);
    friend bool operator==(const SecondFigures&, const SecondFigures&) = default;
};

//! A streaming type's whole-run counters in a shard's report, so the merge rebuilds its `streaming`
//! block exactly: the five histograms, the token and event counts, and the goodput judgements.
struct ShardStreams {
    StreamCounters counters;
    qint64 judged = 0;
    qint64 good = 0;
    bool streamOptionsDropped = false;
    void merge(const ShardStreams& other);
    friend bool operator==(const ShardStreams&, const ShardStreams&) = default;
};

//! The `histograms` section of a shard's report: per second since the plan's origin and per request
//! type, the counts and the latency buckets, so `merge` sums them exactly. Written only when sharded.
struct ShardHistograms {
    QString encoding = QLatin1String(SparseHistogram::Encoding);
    int subBucketCount = int(SparseHistogram::Layout::SubBucketCount);
    int statsSubBucketBits = 0; //!< the layout of the request types' full histograms
    QMap<qint64, QMap<QString, SecondFigures>> seconds; //!< second since the origin → type → figures
    QMap<QString, ShardStreams> streams; //!< streaming type → its whole-run counters

    //! A description of the layouts that two mergeable reports share exactly.
    QString layoutId() const;
    void merge(const ShardHistograms& other, qint64 offsetS = 0);
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, ShardHistograms* out, QString* error);
    friend bool operator==(const ShardHistograms&, const ShardHistograms&) = default;
};

//! The `shards` block of a merged report.
struct MergeInfo {
    int count = 0;
    QList<int> merged;
    QList<int> missing; //!< not empty: a partial merge (--allow-partial)
    double startSkewMs = 0;
    double originUnixS = 0; //!< t_s = 0 of the merged timeline: the earliest shard's origin
    QStringList clockWarnings; //!< fixed English sentences (a JSON contract)
    bool isPartial() const { return !missing.isEmpty(); }

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, MergeInfo* out, QString* error);
    friend bool operator==(const MergeInfo&, const MergeInfo&) = default;
};

} // namespace Stressdeck
