// SPDX-License-Identifier: MIT

#include "shardreport.h"

#include "histogram.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>
#include <utility>

namespace Stressdeck {

namespace {

//! 115 days: a second beyond is not one of a run's.
constexpr qint64 MaxSecond = 10'000'000;

QString missingField(const QString& path)
{
    return QCoreApplication::translate("Report", "field \"%1\" is missing or has the wrong type").arg(path);
}

bool need(const QJsonObject& o, const char* key, QJsonValue::Type type, const QString& path, QString* error)
{
    if (o.value(QLatin1String(key)).type() == type)
        return true;
    *error = missingField(path + QLatin1Char('.') + QLatin1String(key));
    return false;
}

QJsonArray intList(const QList<int>& values)
{
    QJsonArray a;
    for (int v : values)
        a.append(v);
    return a;
}

QList<int> intsOf(const QJsonValue& v)
{
    QList<int> out;
    const QJsonArray values = v.toArray();
    for (const QJsonValue& x : values)
        out.append(x.toInt());
    return out;
}

const std::array<std::pair<const char*, Histogram StreamCounters::*>, 5> StreamHistograms { {
    { "ttft", &StreamCounters::ttft },
    { "ttft_sched", &StreamCounters::ttftSched },
    { "e2e", &StreamCounters::e2e },
    { "tpot", &StreamCounters::tpot },
    { "icl", &StreamCounters::icl },
} };

const std::array<std::pair<const char*, qint64 StreamCounters::*>, 9> StreamCounts { {
    { "streams", &StreamCounters::streams },
    { "output_tokens", &StreamCounters::outputTokens },
    { "usage", &StreamCounters::usage },
    { "none", &StreamCounters::none },
    { "content_events", &StreamCounters::contentEvents },
    { "content_events_with_tokens", &StreamCounters::contentEventsWithTokens },
    { "coalesced_events", &StreamCounters::coalescedEvents },
    { "buffered", &StreamCounters::buffered },
    { "role_lead", &StreamCounters::roleLead },
} };

QJsonObject streamsToJson(const ShardStreams& s)
{
    QJsonObject o { { QStringLiteral("judged"), double(s.judged) }, { QStringLiteral("good"), double(s.good) },
        { QStringLiteral("stream_options_dropped"), s.streamOptionsDropped } };
    for (const auto& [key, member] : StreamCounts)
        o.insert(QLatin1String(key), double(s.counters.*member));
    for (const auto& [key, member] : StreamHistograms)
        o.insert(QLatin1String(key), (s.counters.*member).toJson());
    return o;
}

bool streamsFromJson(const QJsonObject& o, const QString& path, ShardStreams* out, QString* error)
{
    ShardStreams s;
    s.judged = qint64(o.value(QStringLiteral("judged")).toDouble());
    s.good = qint64(o.value(QStringLiteral("good")).toDouble());
    s.streamOptionsDropped = o.value(QStringLiteral("stream_options_dropped")).toBool();
    for (const auto& [key, member] : StreamCounts) {
        if (!need(o, key, QJsonValue::Double, path, error))
            return false;
        s.counters.*member = qint64(o.value(QLatin1String(key)).toDouble());
    }
    for (const auto& [key, member] : StreamHistograms) {
        QString why;
        if (!(s.counters.*member).fromJson(o.value(QLatin1String(key)).toObject(), &why)) {
            *error = QCoreApplication::translate("Report", "field \"%1\": %2")
                         .arg(path + QLatin1Char('.') + QLatin1String(key), why);
            return false;
        }
    }
    if (s.counters.streams < 0 || s.counters.ttft.count() > s.counters.streams || s.good > s.judged) {
        *error = QCoreApplication::translate("Report", "field \"%1\": the counts do not add up").arg(path);
        return false;
    }
    *out = s;
    return true;
}

} // namespace

QJsonObject ShardInfo::toJson() const
{
    QJsonObject o { { QStringLiteral("index"), index }, { QStringLiteral("count"), count },
        { QStringLiteral("source"), source }, { QStringLiteral("plan_hash"), planHash },
        { QStringLiteral("seed"), double(seed) }, { QStringLiteral("plan_concurrency"), planConcurrency },
        { QStringLiteral("plan_rate_rps"), planRateRps },
        { QStringLiteral("start_at"), startAtUnixS ? QJsonValue(*startAtUnixS) : QJsonValue() },
        { QStringLiteral("actual_start"), actualStartUnixS }, { QStringLiteral("origin"), originUnixS },
        { QStringLiteral("start_lag_ms"), startLagMs },
        { QStringLiteral("clock"),
            QJsonObject { { QStringLiteral("synchronised"), clockSynchronised },
                { QStringLiteral("max_error_us"), double(clockMaxErrorUs) } } },
        { QStringLiteral("host"), host }, { QStringLiteral("pid"), double(pid) } };
    if (joinedLateByMs)
        o.insert(QStringLiteral("joined_late_by_ms"), *joinedLateByMs);
    return o;
}

bool ShardInfo::fromJson(const QJsonObject& o, ShardInfo* out, QString* error)
{
    const QString p = QStringLiteral("shard");
    for (const char* key : { "index", "count", "seed", "actual_start", "origin", "start_lag_ms", "pid" }) {
        if (!need(o, key, QJsonValue::Double, p, error))
            return false;
    }
    for (const char* key : { "source", "plan_hash", "host" }) {
        if (!need(o, key, QJsonValue::String, p, error))
            return false;
    }
    if (!need(o, "clock", QJsonValue::Object, p, error))
        return false;
    ShardInfo s;
    s.index = o.value(QStringLiteral("index")).toInt();
    s.count = o.value(QStringLiteral("count")).toInt();
    if (s.count < 1 || s.index < 0 || s.index >= s.count) {
        *error = QCoreApplication::translate("Report", "field \"shard.index\" must be from 0 to count − 1");
        return false;
    }
    s.source = o.value(QStringLiteral("source")).toString();
    s.planHash = o.value(QStringLiteral("plan_hash")).toString();
    s.seed = quint64(o.value(QStringLiteral("seed")).toDouble());
    s.planConcurrency = o.value(QStringLiteral("plan_concurrency")).toInt();
    s.planRateRps = o.value(QStringLiteral("plan_rate_rps")).toDouble();
    if (o.value(QStringLiteral("start_at")).isDouble())
        s.startAtUnixS = o.value(QStringLiteral("start_at")).toDouble();
    s.actualStartUnixS = o.value(QStringLiteral("actual_start")).toDouble();
    s.originUnixS = o.value(QStringLiteral("origin")).toDouble();
    s.startLagMs = o.value(QStringLiteral("start_lag_ms")).toDouble();
    const QJsonObject clock = o.value(QStringLiteral("clock")).toObject();
    s.clockSynchronised = clock.value(QStringLiteral("synchronised")).toBool();
    s.clockMaxErrorUs = qint64(clock.value(QStringLiteral("max_error_us")).toDouble());
    s.host = o.value(QStringLiteral("host")).toString();
    s.pid = qint64(o.value(QStringLiteral("pid")).toDouble());
    if (o.value(QStringLiteral("joined_late_by_ms")).isDouble())
        s.joinedLateByMs = o.value(QStringLiteral("joined_late_by_ms")).toDouble();
    *out = s;
    return true;
}

void SecondFigures::merge(const SecondFigures& other)
{
    requests += other.requests;
    successes += other.successes;
    errors += other.errors;
    timeouts += other.timeouts;
    latency.merge(other.latency);
    streams += other.streams;
    ttft.merge(other.ttft);
    tpot.merge(other.tpot);
    outputTokens += other.outputTokens;
}

void ShardStreams::merge(const ShardStreams& other)
{
    counters.merge(other.counters);
    judged += other.judged;
    good += other.good;
    streamOptionsDropped = streamOptionsDropped || other.streamOptionsDropped;
}

QString ShardHistograms::layoutId() const
{
    return QStringLiteral("%1/%2/%3/1s").arg(encoding).arg(subBucketCount).arg(statsSubBucketBits);
}

void ShardHistograms::merge(const ShardHistograms& other, qint64 offsetS)
{
    for (auto s = other.seconds.begin(); s != other.seconds.end(); ++s) {
        QMap<QString, SecondFigures>& into = seconds[s.key() + offsetS];
        for (auto t = s.value().begin(); t != s.value().end(); ++t)
            into[t.key()].merge(t.value());
    }
    for (auto t = other.streams.begin(); t != other.streams.end(); ++t)
        streams[t.key()].merge(t.value());
}

QJsonObject ShardHistograms::toJson() const
{
    QJsonArray list;
    for (auto s = seconds.begin(); s != seconds.end(); ++s) {
        QJsonObject byType;
        for (auto t = s.value().begin(); t != s.value().end(); ++t) {
            const SecondFigures& f = t.value();
            QJsonObject o { { QStringLiteral("requests"), double(f.requests) },
                { QStringLiteral("successes"), double(f.successes) }, { QStringLiteral("errors"), double(f.errors) },
                { QStringLiteral("timeouts"), double(f.timeouts) }, { QStringLiteral("latency"), f.latency.toJson() } };
            if (f.streams > 0) {
                o.insert(QStringLiteral("streams"), double(f.streams));
                o.insert(QStringLiteral("ttft"), f.ttft.toJson());
                o.insert(QStringLiteral("tpot"), f.tpot.toJson());
                o.insert(QStringLiteral("output_tokens"), double(f.outputTokens));
            }
            byType.insert(t.key(), o);
        }
        list.append(
            QJsonObject { { QStringLiteral("second"), double(s.key()) }, { QStringLiteral("by_type"), byType } });
    }
    QJsonObject streamsJson;
    for (auto t = streams.begin(); t != streams.end(); ++t)
        streamsJson.insert(t.key(), streamsToJson(t.value()));
    return QJsonObject {
        { QStringLiteral("streams"), streamsJson },
        { QStringLiteral("layout"),
            QJsonObject { { QStringLiteral("encoding"), encoding },
                { QStringLiteral("sub_bucket_count"), subBucketCount },
                { QStringLiteral("stats_sub_bucket_bits"), statsSubBucketBits },
                { QStringLiteral("interval_s"), 1 } } },
        { QStringLiteral("seconds"), list },
    };
}

bool ShardHistograms::fromJson(const QJsonObject& json, ShardHistograms* out, QString* error)
{
    const QString p = QStringLiteral("histograms");
    if (!need(json, "layout", QJsonValue::Object, p, error) || !need(json, "seconds", QJsonValue::Array, p, error))
        return false;
    const QJsonObject layout = json.value(QStringLiteral("layout")).toObject();
    ShardHistograms h;
    h.encoding = layout.value(QStringLiteral("encoding")).toString();
    h.subBucketCount = layout.value(QStringLiteral("sub_bucket_count")).toInt();
    h.statsSubBucketBits = layout.value(QStringLiteral("stats_sub_bucket_bits")).toInt();
    const bool known = h.encoding == QLatin1String(SparseHistogram::Encoding)
        && h.subBucketCount == int(SparseHistogram::Layout::SubBucketCount)
        && layout.value(QStringLiteral("interval_s")).toInt() == 1;
    const QJsonArray list = json.value(QStringLiteral("seconds")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("histograms.seconds[%1]").arg(i);
        const QJsonObject o = list[i].toObject();
        if (!need(o, "second", QJsonValue::Double, at, error) || !need(o, "by_type", QJsonValue::Object, at, error))
            return false;
        const double number = o.value(QStringLiteral("second")).toDouble();
        if (!(number >= 0 && number <= MaxSecond)) {
            *error = QCoreApplication::translate("Report", "field \"%1\" must be from 0 to %2")
                         .arg(at + QStringLiteral(".second"))
                         .arg(MaxSecond);
            return false;
        }
        QMap<QString, SecondFigures>& second = h.seconds[qint64(number)];
        const QJsonObject byType = o.value(QStringLiteral("by_type")).toObject();
        for (auto t = byType.begin(); t != byType.end(); ++t) {
            const QJsonObject f = t.value().toObject();
            SecondFigures figures;
            figures.requests = qint64(f.value(QStringLiteral("requests")).toDouble());
            figures.successes = qint64(f.value(QStringLiteral("successes")).toDouble());
            figures.errors = qint64(f.value(QStringLiteral("errors")).toDouble());
            figures.timeouts = qint64(f.value(QStringLiteral("timeouts")).toDouble());
            // An unknown layout is kept as it is (without buckets): merge refuses it by its layout.
            QString why;
            const QString field = at + QStringLiteral(".by_type.") + t.key();
            if (known && !figures.latency.fromJson(f.value(QStringLiteral("latency")).toObject(), &why)) {
                *error = QCoreApplication::translate("Report", "field \"%1\": %2")
                             .arg(field + QStringLiteral(".latency"), why);
                return false;
            }
            figures.streams = qint64(f.value(QStringLiteral("streams")).toDouble());
            figures.outputTokens = qint64(f.value(QStringLiteral("output_tokens")).toDouble());
            if (known && figures.streams > 0) {
                for (const auto& [key, into] : { std::pair { "ttft", &figures.ttft }, { "tpot", &figures.tpot } }) {
                    if (!into->fromJson(f.value(QLatin1String(key)).toObject(), &why)) {
                        *error = QCoreApplication::translate("Report", "field \"%1\": %2")
                                     .arg(field + QLatin1Char('.') + QLatin1String(key), why);
                        return false;
                    }
                }
            }
            second.insert(t.key(), figures);
        }
    }
    const QJsonObject streamsJson = json.value(QStringLiteral("streams")).toObject();
    for (auto t = streamsJson.begin(); t != streamsJson.end(); ++t) {
        if (!streamsFromJson(
                t.value().toObject(), QStringLiteral("histograms.streams.") + t.key(), &h.streams[t.key()], error))
            return false;
    }
    *out = h;
    return true;
}

QJsonObject MergeInfo::toJson() const
{
    return QJsonObject { { QStringLiteral("count"), count }, { QStringLiteral("merged"), intList(merged) },
        { QStringLiteral("missing"), intList(missing) }, { QStringLiteral("partial"), isPartial() },
        // timeline[].in_flight of a merge is the sum of the shards' samples.
        { QStringLiteral("in_flight"), QStringLiteral("sum of the shards: an upper bound of the per-second maximum") },
        { QStringLiteral("start_skew_ms"), startSkewMs }, { QStringLiteral("origin"), originUnixS },
        { QStringLiteral("clock_warnings"), QJsonArray::fromStringList(clockWarnings) } };
}

bool MergeInfo::fromJson(const QJsonObject& o, MergeInfo* out, QString* error)
{
    const QString p = QStringLiteral("shards");
    if (!need(o, "count", QJsonValue::Double, p, error) || !need(o, "merged", QJsonValue::Array, p, error))
        return false;
    MergeInfo m;
    m.count = o.value(QStringLiteral("count")).toInt();
    m.merged = intsOf(o.value(QStringLiteral("merged")));
    m.missing = intsOf(o.value(QStringLiteral("missing")));
    m.startSkewMs = o.value(QStringLiteral("start_skew_ms")).toDouble();
    m.originUnixS = o.value(QStringLiteral("origin")).toDouble();
    const QJsonArray warnings = o.value(QStringLiteral("clock_warnings")).toArray();
    for (const QJsonValue& v : warnings)
        m.clockWarnings.append(v.toString());
    *out = m;
    return true;
}

} // namespace Stressdeck
