// SPDX-License-Identifier: MIT

#include "report.h"

#include "checkpointfile.h"
#include "fieldreader.h"
#include "savefile.h"
#include "timelinecolumns.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <tuple>

namespace Stressdeck {

namespace {

QJsonObject latencyJson(const LatencySummary& l)
{
    return { { QStringLiteral("min"), l.min }, { QStringLiteral("mean"), l.mean }, { QStringLiteral("p50"), l.p50 },
        { QStringLiteral("p90"), l.p90 }, { QStringLiteral("p95"), l.p95 }, { QStringLiteral("p99"), l.p99 },
        { QStringLiteral("p999"), l.p999 }, { QStringLiteral("max"), l.max } };
}

QJsonObject countsJson(const QMap<QString, qint64>& map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}

QJsonObject streamingJson(const StreamingSummary& s)
{
    QJsonObject o { { QStringLiteral("ttft_ms"), latencyJson(s.ttft) },
        { QStringLiteral("ttft_sched_ms"), latencyJson(s.ttftSched) }, { QStringLiteral("e2e_ms"), latencyJson(s.e2e) },
        { QStringLiteral("tpot_ms"), latencyJson(s.tpot) }, { QStringLiteral("icl_ms"), latencyJson(s.icl) },
        { QStringLiteral("output_tokens"), double(s.outputTokens) },
        { QStringLiteral("output_tokens_per_s"), s.outputTokensPerS },
        { QStringLiteral("token_source"),
            QJsonObject { { QStringLiteral("usage"), double(s.usage) }, { QStringLiteral("none"), double(s.none) } } },
        { QStringLiteral("chunks_per_token"), s.chunksPerToken },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings) } };
    if (s.goodputRps)
        o.insert(QStringLiteral("goodput_rps"), *s.goodputRps);
    if (s.goodPct)
        o.insert(QStringLiteral("good_pct"), *s.goodPct);
    if (s.streamOptionsDropped)
        o.insert(QStringLiteral("stream_options_dropped"), true);
    return o;
}

QJsonObject statsJson(const StatsSummary& s, bool withIdentity)
{
    QJsonObject o { { QStringLiteral("total"), double(s.total) }, { QStringLiteral("success"), double(s.success) },
        { QStringLiteral("failure"), double(s.failure) }, { QStringLiteral("timeouts"), double(s.timeouts) },
        { QStringLiteral("success_rate_pct"), s.successRatePct }, { QStringLiteral("throughput_rps"), s.throughputRps },
        { QStringLiteral("latency_ms"), latencyJson(s.latency) }, { QStringLiteral("errors"), countsJson(s.errors) },
        { QStringLiteral("histogram"), s.histogram.toJson() },
        { QStringLiteral("failure_histogram"), s.failureHistogram.toJson() } };
    if (s.streaming)
        o.insert(QStringLiteral("streaming"), streamingJson(*s.streaming));
    if (withIdentity) {
        o.insert(QStringLiteral("name"), s.name);
        o.insert(QStringLiteral("method"), s.method);
        o.insert(QStringLiteral("path"), s.path);
        QJsonArray headers;
        for (const auto& [name, value] : s.headers)
            headers.append(QJsonArray { name, value });
        o.insert(QStringLiteral("headers"), headers);
    }
    return o;
}

QJsonObject windowsJson(const QList<LatencyWindow>& windows, int windowS)
{
    auto figuresJson = [](const WindowFigures& f) {
        return QJsonObject { { QStringLiteral("requests"), double(f.requests) },
            { QStringLiteral("errors"), double(f.errors) }, { QStringLiteral("latency"), f.latency.toJson() } };
    };
    QJsonArray list;
    for (const LatencyWindow& w : windows) {
        QJsonObject byType;
        for (auto it = w.byType.begin(); it != w.byType.end(); ++it)
            byType.insert(it.key(), figuresJson(it.value()));
        list.append(QJsonObject { { QStringLiteral("t_s"), w.tS }, { QStringLiteral("length_s"), w.lengthS },
            { QStringLiteral("all"), figuresJson(w.all) }, { QStringLiteral("by_type"), byType } });
    }
    return { { QStringLiteral("window_s"), windowS },
        { QStringLiteral("encoding"), QLatin1String(SparseHistogram::Encoding) },
        { QStringLiteral("sub_bucket_count"), double(SparseHistogram::Layout::SubBucketCount) },
        { QStringLiteral("windows"), list } };
}

//! The system samples' figures, in the order of their columns.
struct SampleColumn {
    const char* key;
    double SystemSample::*field;
};
constexpr SampleColumn SampleColumns[] = { { "t_s", &SystemSample::tS }, { "cpu_percent", &SystemSample::cpuPercent },
    { "memory_mb", &SystemSample::memoryMb }, { "memory_percent", &SystemSample::memoryPercent } };

//! In columns, as the timeline (issue #19): an array per figure, a value per sample.
QJsonObject samplesJson(const QList<SystemSample>& samples)
{
    QJsonObject o;
    for (const SampleColumn& c : SampleColumns) {
        QJsonArray column;
        for (const SystemSample& s : samples)
            column.append(s.*c.field);
        o.insert(QLatin1String(c.key), column);
    }
    return o;
}

std::optional<double> timeOrigin(const Report& r)
{
    // Shards line their seconds up on the wall clock.
    return r.shard ? std::optional(r.shard->originUnixS)
        : r.shards ? std::optional(r.shards->originUnixS)
                   : std::nullopt;
}

//! FieldReader with the report's own compound fields.
class Reader : public FieldReader {
public:
    QMap<QString, qint64> counts(const QJsonObject& o, const QString& path, const char* key)
    {
        QMap<QString, qint64> map;
        const QJsonObject c = object(o, path, key);
        for (auto it = c.begin(); it != c.end(); ++it) {
            if (!it.value().isDouble() && ok())
                error = QCoreApplication::translate("Report", "field \"%1\" must be a number")
                            .arg(join(path, key) + QLatin1Char('.') + it.key());
            map.insert(it.key(), qint64(it.value().toDouble()));
        }
        return map;
    }

    Histogram histogram(const QJsonObject& o, const QString& path, const char* key)
    {
        Histogram h;
        const QJsonObject json = object(o, path, key);
        QString why;
        if (ok() && !h.fromJson(json, &why))
            error = QCoreApplication::translate("Report", "field \"%1\": %2").arg(join(path, key), why);
        return h;
    }

    LatencySummary latency(const QJsonObject& o, const QString& path, const char* key = "latency_ms")
    {
        const QString p = join(path, key);
        const QJsonObject l = object(o, path, key);
        return { number(l, p, "min"), number(l, p, "mean"), number(l, p, "p50"), number(l, p, "p90"),
            number(l, p, "p95"), number(l, p, "p99"), number(l, p, "p999"), number(l, p, "max") };
    }

    StatsSummary stats(const QJsonObject& o, const QString& path, bool withIdentity)
    {
        StatsSummary s;
        if (withIdentity) {
            s.name = string(o, path, "name");
            s.method = string(o, path, "method");
            s.path = string(o, path, "path");
            const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
            for (const QJsonValue& h : headers) {
                const QJsonArray pair = h.toArray();
                s.headers.append({ pair.at(0).toString(), pair.at(1).toString() });
            }
        }
        s.total = integer(o, path, "total");
        s.success = integer(o, path, "success");
        s.failure = integer(o, path, "failure");
        s.timeouts = integer(o, path, "timeouts");
        s.successRatePct = number(o, path, "success_rate_pct");
        s.throughputRps = number(o, path, "throughput_rps");
        s.latency = latency(o, path);
        s.errors = counts(o, path, "errors");
        s.histogram = histogram(o, path, "histogram");
        if (o.contains(QStringLiteral("failure_histogram")))
            s.failureHistogram = histogram(o, path, "failure_histogram");
        if (o.contains(QStringLiteral("streaming")))
            s.streaming = streaming(object(o, path, "streaming"), join(path, "streaming"));
        if (ok() && (s.success + s.failure != s.total || s.histogram.count() != s.success))
            error = QCoreApplication::translate("Report", "\"%1\": the counts do not add up").arg(path);
        return s;
    }

    StreamingSummary streaming(const QJsonObject& o, const QString& path)
    {
        StreamingSummary s;
        s.ttft = latency(o, path, "ttft_ms");
        s.ttftSched = latency(o, path, "ttft_sched_ms");
        s.e2e = latency(o, path, "e2e_ms");
        s.tpot = latency(o, path, "tpot_ms");
        s.icl = latency(o, path, "icl_ms");
        s.outputTokens = integer(o, path, "output_tokens");
        s.outputTokensPerS = number(o, path, "output_tokens_per_s");
        const QJsonObject sources = object(o, path, "token_source");
        const QString sourcePath = join(path, "token_source");
        s.usage = integer(sources, sourcePath, "usage");
        s.none = integer(sources, sourcePath, "none");
        s.chunksPerToken = number(o, path, "chunks_per_token");
        const QJsonArray warnings = array(o, path, "warnings");
        for (const QJsonValue& w : warnings)
            s.warnings.append(w.toString());
        if (o.contains(QStringLiteral("goodput_rps")))
            s.goodputRps = number(o, path, "goodput_rps");
        if (o.contains(QStringLiteral("good_pct")))
            s.goodPct = number(o, path, "good_pct");
        s.streamOptionsDropped = o.value(QStringLiteral("stream_options_dropped")).toBool();
        return s;
    }

    WindowFigures window(const QJsonObject& o, const QString& path)
    {
        WindowFigures f { integer(o, path, "requests"), integer(o, path, "errors"), {} };
        QString why;
        if (ok() && !f.latency.fromJson(object(o, path, "latency"), &why))
            error = QCoreApplication::translate("Report", "field \"%1\": %2").arg(join(path, "latency"), why);
        if (ok() && (f.errors > f.requests || f.latency.count() != f.requests - f.errors))
            error = QCoreApplication::translate("Report", "\"%1\": the counts do not add up").arg(path);
        return f;
    }

    void timeline(const QJsonValue& json, QList<TimelineRow>* rows)
    {
        QString why;
        if (ok() && !TimelineColumns::fromJson(json, rows, &why))
            error = why;
    }

    void windows(const QJsonObject& windows, QList<LatencyWindow>* out, int* windowS)
    {
        const QString lw = QStringLiteral("latency_windows");
        const double length = number(windows, lw, "window_s");
        if (ok() && !LatencyWindow::isWindowLength(length))
            error = QCoreApplication::translate("Report", "field \"%1\" must be 5 s times a power of two, not %2")
                        .arg(join(lw, "window_s"))
                        .arg(length);
        *windowS = ok() ? int(length) : LatencyWindow::WindowS;
        if (ok()
            && (windows.value(QStringLiteral("encoding")).toString() != QLatin1String(SparseHistogram::Encoding)
                || windows.value(QStringLiteral("sub_bucket_count")).toDouble()
                    != double(SparseHistogram::Layout::SubBucketCount)))
            error = QCoreApplication::translate("Report", "field \"%1\": unknown histogram encoding").arg(lw);
        const QJsonArray list = array(windows, lw, "windows");
        for (qsizetype i = 0; i < list.size() && ok(); ++i) {
            const QString p = QStringLiteral("latency_windows.windows[%1]").arg(i);
            const QJsonObject o = list[i].toObject();
            LatencyWindow w;
            w.tS = number(o, p, "t_s");
            w.lengthS = number(o, p, "length_s");
            w.all = window(object(o, p, "all"), p + QStringLiteral(".all"));
            const QJsonObject byType = object(o, p, "by_type");
            for (auto it = byType.begin(); it != byType.end() && ok(); ++it)
                w.byType.insert(it.key(), window(it.value().toObject(), p + QStringLiteral(".by_type.") + it.key()));
            out->append(w);
        }
    }

    //! `system.samples`: columns, or (reports before 0.2) an array of objects.
    void samples(const QJsonObject& system, QList<SystemSample>* out)
    {
        const QString path = QStringLiteral("system.samples");
        const QJsonValue v = system.value(QStringLiteral("samples"));
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            QJsonArray columns[std::size(SampleColumns)];
            for (size_t c = 0; c < std::size(SampleColumns); ++c) {
                columns[c] = array(o, path, SampleColumns[c].key);
                if (ok() && columns[c].size() != columns[0].size())
                    error = QCoreApplication::translate("Report", "field \"%1\" has %2 values where \"%3\" has %4")
                                .arg(join(path, SampleColumns[c].key))
                                .arg(columns[c].size())
                                .arg(join(path, SampleColumns[0].key))
                                .arg(columns[0].size());
            }
            for (qsizetype i = 0; i < columns[0].size() && ok(); ++i) {
                SystemSample sample;
                for (size_t c = 0; c < std::size(SampleColumns); ++c) {
                    const QJsonValue x = columns[c].at(i);
                    if (!x.isDouble() && ok())
                        error = QCoreApplication::translate("Report", "field \"%1[%2]\" must be a number")
                                    .arg(join(path, SampleColumns[c].key))
                                    .arg(i);
                    sample.*SampleColumns[c].field = x.toDouble();
                }
                out->append(sample);
            }
            return;
        }
        const QJsonArray list = array(system, QStringLiteral("system"), "samples");
        for (qsizetype i = 0; i < list.size() && ok(); ++i) {
            const QString p = QStringLiteral("system.samples[%1]").arg(i);
            const QJsonObject o = list[i].toObject();
            out->append({ number(o, p, "t_s"), number(o, p, "cpu_percent"), number(o, p, "memory_mb"),
                number(o, p, "memory_percent") });
        }
    }
};

QDateTime parseTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace

QJsonObject Report::toJson() const
{
    QJsonObject cfg { { QStringLiteral("profile"), config.profile }, { QStringLiteral("scenario"), scenarioName },
        { QStringLiteral("target"), config.target.toString() }, { QStringLiteral("concurrency"), config.concurrency },
        { QStringLiteral("duration_s"), config.durationS }, { QStringLiteral("timeout_s"), config.timeoutS },
        { QStringLiteral("think_time_ms"), QJsonArray { config.thinkMinMs, config.thinkMaxMs } },
        { QStringLiteral("load_model"), loadModelId(config.loadModel) }, { QStringLiteral("rate_rps"), config.rateRps },
        { QStringLiteral("health_check"), config.healthCheck }, { QStringLiteral("health_path"), config.healthPath },
        { QStringLiteral("sample_interval_s"), config.sampleIntervalS },
        { QStringLiteral("seed"), double(config.seed) }, { QStringLiteral("insecure"), config.insecure },
        { QStringLiteral("max_body_bytes"), double(config.maxBodyBytes) },
        { QStringLiteral("checkpoint_interval_s"), config.checkpointIntervalS },
        { QStringLiteral("transport"), transportId(config.transport) }, { QStringLiteral("threads"), config.threads },
        { QStringLiteral("monitor_pid"), double(config.monitorPid) },
        { QStringLiteral("monitor_name"), config.monitorName },
        { QStringLiteral("thresholds"),
            QJsonObject { { QStringLiteral("success_rate_pct"), config.thresholds.successRatePct },
                { QStringLiteral("leak_mb"), config.thresholds.leakMb },
                { QStringLiteral("timeout_rate_pct"), config.thresholds.timeoutRatePct },
                { QStringLiteral("p95_ms"), config.thresholds.p95Ms },
                { QStringLiteral("error_rate_pct"), config.thresholds.errorRatePct },
                { QStringLiteral("stall_s"), config.thresholds.stallS } } } };
    if (config.isStaged())
        cfg.insert(
            config.stages.unit() == Stages::Unit::Rate ? QStringLiteral("rate_stages") : QStringLiteral("stages"),
            config.stages.toJson());
    if (!config.model.isEmpty())
        cfg.insert(QStringLiteral("model"), config.model);
    if (!config.streamUsage)
        cfg.insert(QStringLiteral("stream_usage"), false);
    if (!config.slo.isEmpty())
        cfg.insert(QStringLiteral("slo"), config.slo.toString());

    QJsonArray types;
    for (const StatsSummary& t : requestTypes)
        types.append(statsJson(t, true));

    QJsonObject sys { { QStringLiteral("source"), system.source }, { QStringLiteral("pid"), double(system.pid) },
        { QStringLiteral("process_name"), system.processName }, { QStringLiteral("interval_s"), system.intervalS },
        { QStringLiteral("samples"), samplesJson(system.samples) },
        { QStringLiteral("memory_growth_mb"), system.memoryGrowthMb },
        { QStringLiteral("memory_slope_mb_per_min"), system.memorySlopeMbPerMin } };

    QJsonArray stallList;
    for (const Stall& s : stalls) {
        stallList.append(QJsonObject { { QStringLiteral("from_s"), s.fromS }, { QStringLiteral("to_s"), s.toS },
            { QStringLiteral("in_flight"), double(s.inFlight) } });
    }
    QJsonArray changes;
    for (const LoadChange& c : loadChanges) {
        changes.append(QJsonObject { { QStringLiteral("t_s"), c.tS }, { QStringLiteral("concurrency"), c.concurrency },
            { QStringLiteral("rate_rps"), c.rateRps } });
    }
    QJsonArray stageList;
    for (const StageSummary& st : stages) {
        stageList.append(QJsonObject { { QStringLiteral("start_s"), st.startS }, { QStringLiteral("end_s"), st.endS },
            { QStringLiteral("from_target"), st.fromTarget }, { QStringLiteral("target"), st.target },
            { QStringLiteral("stats"), statsJson(st.stats, false) } });
    }
    QJsonArray bottleneckList;
    for (const Bottleneck& b : bottlenecks) {
        bottleneckList.append(QJsonObject { { QStringLiteral("request_type"), b.requestType },
            { QStringLiteral("kind"), b.kind }, { QStringLiteral("value"), b.value },
            { QStringLiteral("threshold"), b.threshold }, { QStringLiteral("message"), b.message } });
    }
    QJsonArray criteriaList;
    for (const Criterion& c : criteria) {
        criteriaList.append(QJsonObject { { QStringLiteral("id"), c.id }, { QStringLiteral("passed"), c.passed },
            { QStringLiteral("detail"), c.detail } });
    }

    QJsonObject root {
        { QStringLiteral("schema"), QLatin1String(Schema) },
        { QStringLiteral("tool"),
            QJsonObject { { QStringLiteral("name"), toolName }, { QStringLiteral("version"), toolVersion } } },
        { QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("finished_at"), finishedAt.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("elapsed_s"), elapsedS },
        { QStringLiteral("stop_reason"), stopReason },
        { QStringLiteral("config"), cfg },
        { QStringLiteral("overall"), statsJson(overall, false) },
        { QStringLiteral("request_types"), types },
        { QStringLiteral("timeline"), TimelineColumns::toJson(timeline, timeOrigin(*this)) },
        { QStringLiteral("latency_windows"), windowsJson(latencyWindows, windowS) },
        { QStringLiteral("system"), sys },
        { QStringLiteral("stuck_requests"), double(stuckRequests) },
        { QStringLiteral("stalls"), stallList },
        { QStringLiteral("schedule"),
            QJsonObject { { QStringLiteral("scheduled"), double(schedule.scheduled) },
                { QStringLiteral("late"), double(schedule.late) }, { QStringLiteral("max_lag_ms"), schedule.maxLagMs },
                { QStringLiteral("late_threshold_ms"), ScheduleInfo::LateThresholdMs } } },
        { QStringLiteral("load_changes"), changes },
        { QStringLiteral("stages"), stageList },
        { QStringLiteral("bottlenecks"), bottleneckList },
        { QStringLiteral("criteria"), criteriaList },
        { QStringLiteral("passed"), passed },
        { QStringLiteral("environment"), environment },
    };
    QJsonObject generator { { QStringLiteral("loop_lag_p99_ms"), loopLagP99Ms },
        { QStringLiteral("loop_lag_max_ms"), loopLagMaxMs } };
    generatorLimits.writeTo(&generator);
    root.insert(QStringLiteral("generator"), generator);
    if (shard)
        root.insert(QStringLiteral("shard"), shard->toJson());
    if (histograms)
        root.insert(QStringLiteral("histograms"), histograms->toJson());
    if (shards)
        root.insert(QStringLiteral("shards"), shards->toJson());
    return root;
}

QByteArray Report::toJsonBytes() const
{
    return jsonLines(toJson());
}

QByteArray Report::jsonLines(const QJsonObject& root)
{
    // Compact, each top-level key on a line of its own: indentation would more than double a long
    // run's report (the timeline's columns above all), and a line per key still shows its parts.
    QByteArray out = "{\n";
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it != root.begin())
            out += ",\n";
        const QByteArray member
            = QJsonDocument(QJsonObject { { it.key(), it.value() } }).toJson(QJsonDocument::Compact);
        out += QByteArrayView(member).sliced(1, member.size() - 2);
    }
    out += "\n}\n";
    return out;
}

namespace {

bool parseRoot(const QByteArray& data, const QString& origin, QJsonObject* root, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(data.left(parseError.offset).count('\n')) + 1;
        *error = QCoreApplication::translate("Report", "%1:%2: not a Stressdeck report (invalid or truncated JSON: %3)")
                     .arg(origin)
                     .arg(line)
                     .arg(parseError.errorString());
        return false;
    }
    *root = doc.object();
    if (!doc.isObject() || !root->contains(QStringLiteral("schema"))) {
        *error = QCoreApplication::translate("Report", "%1: not a Stressdeck report (no \"schema\" field)").arg(origin);
        return false;
    }
    const QString schema = root->value(QStringLiteral("schema")).toString();
    if (schema != QLatin1String(Report::Schema)) {
        *error
            = QCoreApplication::translate("Report", "%1: unsupported report schema \"%2\" (this version reads \"%3\")")
                  .arg(origin, schema, QLatin1String(Report::Schema));
        return false;
    }
    return true;
}

bool readReport(const QJsonObject& root, const QString& origin, Report* report, QString* error)
{

    Reader rd;
    Report r;
    const QJsonObject tool = rd.object(root, {}, "tool");
    r.toolName = rd.string(tool, QStringLiteral("tool"), "name");
    r.toolVersion = rd.string(tool, QStringLiteral("tool"), "version");
    r.startedAt = parseTime(rd.string(root, {}, "started_at"));
    r.finishedAt = parseTime(rd.string(root, {}, "finished_at"));
    if (rd.ok() && (!r.startedAt.isValid() || !r.finishedAt.isValid()))
        rd.error
            = QCoreApplication::translate("Report", "fields \"started_at\"/\"finished_at\" must be ISO 8601 times");
    r.elapsedS = rd.number(root, {}, "elapsed_s");
    r.stopReason = root.value(QStringLiteral("stop_reason")).toString();

    const QString c = QStringLiteral("config");
    const QJsonObject cfg = rd.object(root, {}, "config");
    r.config.profile = rd.string(cfg, c, "profile");
    r.scenarioName = rd.string(cfg, c, "scenario");
    r.config.target = QUrl(rd.string(cfg, c, "target"));
    r.config.concurrency = int(rd.integer(cfg, c, "concurrency"));
    r.config.durationS = rd.number(cfg, c, "duration_s");
    r.config.timeoutS = rd.number(cfg, c, "timeout_s");
    const QJsonArray think = rd.array(cfg, c, "think_time_ms");
    if (rd.ok() && (think.size() != 2 || !think[0].isDouble() || !think[1].isDouble()))
        rd.error = QCoreApplication::translate("Report", "field \"config.think_time_ms\" must be [min, max]");
    r.config.thinkMinMs = think.at(0).toDouble();
    r.config.thinkMaxMs = think.at(1).toDouble();
    const QString model = rd.string(cfg, c, "load_model");
    if (rd.ok() && model != QLatin1String("open") && model != QLatin1String("closed"))
        rd.error = QCoreApplication::translate("Report", "field \"config.load_model\" must be \"open\" or \"closed\"");
    r.config.loadModel = model == QLatin1String("open") ? LoadModel::Open : LoadModel::Closed;
    r.config.rateRps = rd.number(cfg, c, "rate_rps");
    r.config.healthCheck = cfg.value(QStringLiteral("health_check")).toBool(true);
    r.config.healthPath = cfg.value(QStringLiteral("health_path")).toString(QStringLiteral("/health"));
    r.config.sampleIntervalS = cfg.value(QStringLiteral("sample_interval_s")).toDouble(5);
    r.config.seed = quint64(cfg.value(QStringLiteral("seed")).toDouble());
    r.config.insecure = cfg.value(QStringLiteral("insecure")).toBool();
    r.config.checkpointIntervalS = cfg.value(QStringLiteral("checkpoint_interval_s")).toDouble(30);
    r.config.transport = transportFromId(cfg.value(QStringLiteral("transport")).toString(QStringLiteral("qnam")))
                             .value_or(Transport::Qnam);
    r.config.threads = cfg.value(QStringLiteral("threads")).toInt(1);
    r.config.maxBodyBytes = qint64(cfg.value(QStringLiteral("max_body_bytes")).toDouble(8 * 1024 * 1024));
    r.config.monitorPid = qint64(cfg.value(QStringLiteral("monitor_pid")).toDouble());
    r.config.monitorName = cfg.value(QStringLiteral("monitor_name")).toString();
    const QJsonObject th = cfg.value(QStringLiteral("thresholds")).toObject();
    const Thresholds defaults;
    r.config.thresholds = { th.value(QStringLiteral("success_rate_pct")).toDouble(defaults.successRatePct),
        th.value(QStringLiteral("leak_mb")).toDouble(defaults.leakMb),
        th.value(QStringLiteral("timeout_rate_pct")).toDouble(defaults.timeoutRatePct),
        th.value(QStringLiteral("p95_ms")).toDouble(defaults.p95Ms),
        th.value(QStringLiteral("error_rate_pct")).toDouble(defaults.errorRatePct),
        th.value(QStringLiteral("stall_s")).toDouble(defaults.stallS) };
    r.config.model = cfg.value(QStringLiteral("model")).toString();
    r.config.streamUsage = cfg.value(QStringLiteral("stream_usage")).toBool(true);
    if (cfg.contains(QStringLiteral("slo")) && rd.ok()) {
        QString why;
        const std::optional<Slo> slo = Slo::parse(rd.string(cfg, c, "slo"), &why);
        if (!slo && rd.ok())
            rd.error = QCoreApplication::translate("Report", "field \"%1\": %2").arg(Reader::join(c, "slo"), why);
        r.config.slo = slo.value_or(Slo {});
    }

    for (const auto& [key, unit, model] : { std::tuple { "stages", Stages::Unit::Users, LoadModel::Closed },
             std::tuple { "rate_stages", Stages::Unit::Rate, LoadModel::Open } }) {
        if (!cfg.contains(QLatin1String(key)) || !rd.ok())
            continue;
        QString why;
        const std::optional<Stages> shape = Stages::fromJson(rd.array(cfg, c, key), unit, &why);
        if (rd.ok() && (!shape || r.config.loadModel != model))
            rd.error = QCoreApplication::translate("Report", "field \"%1\": %2")
                           .arg(Reader::join(c, key),
                               shape ? QCoreApplication::translate("Report", "does not fit the load model") : why);
        if (shape)
            r.config.stages = *shape;
    }

    r.overall = rd.stats(rd.object(root, {}, "overall"), QStringLiteral("overall"), false);
    const QJsonArray types = rd.array(root, {}, "request_types");
    for (qsizetype i = 0; i < types.size() && rd.ok(); ++i)
        r.requestTypes.append(rd.stats(types[i].toObject(), QStringLiteral("request_types[%1]").arg(i), true));

    rd.timeline(root.value(QStringLiteral("timeline")), &r.timeline);
    // Reports of earlier versions have no latency windows; they open, but do not compare.
    if (root.contains(QStringLiteral("latency_windows")))
        rd.windows(rd.object(root, {}, "latency_windows"), &r.latencyWindows, &r.windowS);

    const QString s = QStringLiteral("system");
    const QJsonObject sys = rd.object(root, {}, "system");
    r.system.source = rd.string(sys, s, "source");
    r.system.pid = rd.integer(sys, s, "pid");
    r.system.processName = sys.value(QStringLiteral("process_name")).toString();
    r.system.intervalS = rd.number(sys, s, "interval_s");
    rd.samples(sys, &r.system.samples);
    r.system.memoryGrowthMb = rd.number(sys, s, "memory_growth_mb");
    r.system.memorySlopeMbPerMin = rd.number(sys, s, "memory_slope_mb_per_min");

    r.stuckRequests = rd.integer(root, {}, "stuck_requests");
    const QJsonArray stallList = root.value(QStringLiteral("stalls")).toArray();
    for (const QJsonValue& v : stallList) {
        const QJsonObject o = v.toObject();
        r.stalls.append({ o.value(QStringLiteral("from_s")).toDouble(), o.value(QStringLiteral("to_s")).toDouble(),
            qint64(o.value(QStringLiteral("in_flight")).toDouble()) });
    }
    const QJsonObject sched = root.value(QStringLiteral("schedule")).toObject();
    r.schedule = { qint64(sched.value(QStringLiteral("scheduled")).toDouble()),
        qint64(sched.value(QStringLiteral("late")).toDouble()), sched.value(QStringLiteral("max_lag_ms")).toDouble() };
    const QJsonArray changeList = root.value(QStringLiteral("load_changes")).toArray();
    for (const QJsonValue& v : changeList) {
        const QJsonObject o = v.toObject();
        r.loadChanges.append({ o.value(QStringLiteral("t_s")).toDouble(),
            o.value(QStringLiteral("concurrency")).toInt(), o.value(QStringLiteral("rate_rps")).toDouble() });
    }

    // Reports before stages have none; a constant run has an empty list.
    const QJsonArray stageList = root.value(QStringLiteral("stages")).toArray();
    for (qsizetype i = 0; i < stageList.size() && rd.ok(); ++i) {
        const QString p = QStringLiteral("stages[%1]").arg(i);
        const QJsonObject o = stageList[i].toObject();
        StageSummary st;
        st.startS = rd.number(o, p, "start_s");
        st.endS = rd.number(o, p, "end_s");
        st.fromTarget = o.value(QStringLiteral("from_target")).toDouble();
        st.target = rd.number(o, p, "target");
        st.stats = rd.stats(rd.object(o, p, "stats"), p + QStringLiteral(".stats"), false);
        r.stages.append(st);
    }

    const QJsonArray bottleneckList = rd.array(root, {}, "bottlenecks");
    for (qsizetype i = 0; i < bottleneckList.size() && rd.ok(); ++i) {
        const QString p = QStringLiteral("bottlenecks[%1]").arg(i);
        const QJsonObject o = bottleneckList[i].toObject();
        r.bottlenecks.append({ rd.string(o, p, "request_type"), rd.string(o, p, "kind"), rd.number(o, p, "value"),
            rd.number(o, p, "threshold"), rd.string(o, p, "message") });
    }
    const QJsonArray criteriaList = rd.array(root, {}, "criteria");
    for (qsizetype i = 0; i < criteriaList.size() && rd.ok(); ++i) {
        const QString p = QStringLiteral("criteria[%1]").arg(i);
        const QJsonObject o = criteriaList[i].toObject();
        r.criteria.append({ rd.string(o, p, "id"), rd.boolean(o, p, "passed"), rd.string(o, p, "detail") });
    }
    r.passed = rd.boolean(root, {}, "passed");
    r.environment = root.value(QStringLiteral("environment")).toObject();
    const QJsonObject generator = root.value(QStringLiteral("generator")).toObject();
    r.loopLagP99Ms = generator.value(QStringLiteral("loop_lag_p99_ms")).toDouble();
    r.loopLagMaxMs = generator.value(QStringLiteral("loop_lag_max_ms")).toDouble();
    r.generatorLimits = GeneratorLimits::readFrom(generator);

    if (rd.ok() && root.contains(QStringLiteral("shard"))) {
        r.shard.emplace();
        ShardInfo::fromJson(root.value(QStringLiteral("shard")).toObject(), &*r.shard, &rd.error);
    }
    if (rd.ok() && root.contains(QStringLiteral("histograms"))) {
        r.histograms.emplace();
        ShardHistograms::fromJson(root.value(QStringLiteral("histograms")).toObject(), &*r.histograms, &rd.error);
    }
    if (rd.ok() && root.contains(QStringLiteral("shards"))) {
        r.shards.emplace();
        MergeInfo::fromJson(root.value(QStringLiteral("shards")).toObject(), &*r.shards, &rd.error);
    }

    if (!rd.ok()) {
        *error = QCoreApplication::translate("Report", "%1: not a valid Stressdeck report: %2").arg(origin, rd.error);
        return false;
    }
    *report = r;
    return true;
}

} // namespace

bool Report::fromJson(const QByteArray& data, const QString& origin, Report* report, QString* error)
{
    QJsonObject root;
    return parseRoot(data, origin, &root, error) && readReport(root, origin, report, error);
}

bool Report::load(const QString& fileName, Report* report, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Report", "%1: cannot read: %2").arg(fileName, file.errorString());
        return false;
    }
    QJsonObject root;
    Report r;
    if (!parseRoot(file.readAll(), fileName, &root, error) || !readReport(root, fileName, &r, error))
        return false;
    // A checkpoint of a run still going on (or cut off) keeps what grows in a journal beside it.
    if (root.contains(QLatin1String(CheckpointFile::JournalKey))
        && !CheckpointFile::readJournal(fileName, root.value(QLatin1String(CheckpointFile::JournalKey)), &r, error))
        return false;
    *report = std::move(r);
    return true;
}

QJsonObject Report::growingPartsJson() const
{
    QJsonObject o;
    if (!timeline.isEmpty())
        o.insert(QStringLiteral("timeline"), TimelineColumns::toJson(timeline, timeOrigin(*this)));
    if (!latencyWindows.isEmpty())
        o.insert(QStringLiteral("latency_windows"), windowsJson(latencyWindows, windowS));
    if (!system.samples.isEmpty())
        o.insert(QStringLiteral("system"), QJsonObject { { QStringLiteral("samples"), samplesJson(system.samples) } });
    if (histograms && !histograms->seconds.isEmpty())
        o.insert(QStringLiteral("histograms"), histograms->toJson());
    return o;
}

bool Report::appendGrowingParts(const QJsonObject& parts, const QString& origin, QString* error)
{
    Reader rd;
    QList<TimelineRow> rows;
    if (parts.contains(QStringLiteral("timeline")))
        rd.timeline(parts.value(QStringLiteral("timeline")), &rows);
    QList<LatencyWindow> windows;
    if (parts.contains(QStringLiteral("latency_windows"))) {
        int length = windowS;
        rd.windows(rd.object(parts, {}, "latency_windows"), &windows, &length);
        if (rd.ok() && length != windowS)
            rd.error = QCoreApplication::translate("Report", "field \"%1\" is %2 where the report's is %3")
                           .arg(QStringLiteral("latency_windows.window_s"))
                           .arg(length)
                           .arg(windowS);
    }
    QList<SystemSample> samples;
    if (parts.contains(QStringLiteral("system")))
        rd.samples(rd.object(parts, {}, "system"), &samples);
    std::optional<ShardHistograms> seconds;
    if (rd.ok() && parts.contains(QStringLiteral("histograms"))) {
        seconds.emplace();
        ShardHistograms::fromJson(rd.object(parts, {}, "histograms"), &*seconds, &rd.error);
        if (rd.ok() && histograms && seconds->layoutId() != histograms->layoutId())
            rd.error = QCoreApplication::translate("Report", "field \"%1\": unknown histogram encoding")
                           .arg(QStringLiteral("histograms"));
    }
    if (!rd.ok()) {
        *error = QCoreApplication::translate("Report", "%1: not a valid Stressdeck report: %2").arg(origin, rd.error);
        return false;
    }
    timeline.append(rows);
    latencyWindows.append(windows);
    system.samples.append(samples);
    if (seconds) {
        if (!histograms)
            histograms
                = ShardHistograms { seconds->encoding, seconds->subBucketCount, seconds->statsSubBucketBits, {}, {} };
        for (auto it = seconds->seconds.begin(); it != seconds->seconds.end(); ++it)
            histograms->seconds.insert(it.key(), it.value());
    }
    return true;
}

bool Report::save(const QString& fileName, QString* error) const
{
    QString reason;
    if (!saveWholeFile(fileName, toJsonBytes(), &reason)) {
        *error = QCoreApplication::translate("Report", "%1: cannot write the report: %2").arg(fileName, reason);
        return false;
    }
    return true;
}

} // namespace Stressdeck
