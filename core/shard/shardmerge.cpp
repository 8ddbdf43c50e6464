// SPDX-License-Identifier: MIT

#include "shardmerge.h"

#include "analysis.h"
#include "timelinecolumns.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace Stressdeck {

namespace {

//! As IntervalAggregator::SliverS.
constexpr double SliverS = 0.1;

QString tr(const char* text)
{
    return QCoreApplication::translate("Merge", text);
}

void add(RequestCounters* into, const StatsSummary& s)
{
    into->total += s.total;
    into->success += s.success;
    into->failure += s.failure;
    into->timeouts += s.timeouts;
    for (auto it = s.errors.begin(); it != s.errors.end(); ++it)
        into->errors[it.key()] += it.value();
    into->successLatency.merge(s.histogram);
    into->failureLatency.merge(s.failureHistogram);
}

IntervalFigures intervalOf(const SecondFigures& f)
{
    IntervalFigures i;
    i.requests = f.requests;
    i.successes = f.successes;
    i.errors = f.errors;
    i.timeouts = f.timeouts;
    if (!f.latency.isEmpty()) {
        const QList<std::int64_t> p = f.latency.percentilesNs({ 50, 95, 99 });
        i.p50 = TimelineColumns::roundPercentile(nsToMs(p[0]));
        i.p95 = TimelineColumns::roundPercentile(nsToMs(p[1]));
        i.p99 = TimelineColumns::roundPercentile(nsToMs(p[2]));
    }
    return i;
}

TimelineRow::Streaming streamingOf(const SecondFigures& f, double lengthS)
{
    TimelineRow::Streaming s;
    if (!f.ttft.isEmpty()) {
        const QList<std::int64_t> p = f.ttft.percentilesNs({ 50, 95, 99 });
        s.ttftP50 = TimelineColumns::roundPercentile(nsToMs(p[0]));
        s.ttftP95 = TimelineColumns::roundPercentile(nsToMs(p[1]));
        s.ttftP99 = TimelineColumns::roundPercentile(nsToMs(p[2]));
    }
    if (!f.tpot.isEmpty()) {
        const QList<std::int64_t> p = f.tpot.percentilesNs({ 50, 95 });
        s.tpotP50 = TimelineColumns::roundPercentile(nsToMs(p[0]));
        s.tpotP95 = TimelineColumns::roundPercentile(nsToMs(p[1]));
    }
    s.outputTokensPerS = lengthS > 1e-6 ? double(f.outputTokens) / lengthS : 0.0;
    return s;
}

WindowFigures windowOf(const SecondFigures& f)
{
    return { f.requests, f.errors, f.latency };
}

//! Which of two shards' generator verdicts the merged run takes: the worse.
int verdictRank(const QString& verdict)
{
    const QStringList order { QStringLiteral("inconclusive"), QStringLiteral("ok"), QStringLiteral("generator-bound") };
    return int(order.indexOf(verdict)) + 1;
}

bool refuse(QString* error, const QString& message)
{
    *error = message;
    return false;
}

QString indexList(const QList<int>& indexes)
{
    QStringList parts;
    for (int i : indexes)
        parts.append(QString::number(i));
    return parts.join(QStringLiteral(", "));
}

} // namespace

namespace ShardMerge {

double skewWarningMs(double durationS)
{
    return std::max(1000.0, durationS * 10.0);
}

bool merge(const QList<ShardReportFile>& input, bool allowPartial, Report* merged, QString* error)
{
    if (input.isEmpty())
        return refuse(error, tr("no shard reports to merge"));
    // Validation: one run's shards, each once.
    const ShardReportFile* first = nullptr;
    std::map<int, const ShardReportFile*> byIndex;
    for (const ShardReportFile& f : input) {
        if (!f.report.shard || !f.report.histograms)
            return refuse(error,
                tr("%1: not a shard report (no \"shard\" block or no \"histograms\"; run it with --shard)")
                    .arg(f.file));
        const ShardInfo& s = *f.report.shard;
        if (!(f.report.elapsedS >= 0 && f.report.elapsedS <= 1e7))
            return refuse(error, tr("%1: elapsed_s %2 is not a run's length").arg(f.file).arg(f.report.elapsedS));
        if (!first) {
            first = &f;
        } else {
            const ShardInfo& r = *first->report.shard;
            if (s.count != r.count)
                return refuse(error,
                    tr("%1: shard count %2 differs from %3 of %4")
                        .arg(f.file)
                        .arg(s.count)
                        .arg(r.count)
                        .arg(first->file));
            if (s.planHash != r.planHash)
                return refuse(error,
                    tr("%1: plan_hash %2 differs from %3 of %4 (not the same plan)")
                        .arg(f.file, s.planHash, r.planHash, first->file));
            if (f.report.histograms->layoutId() != first->report.histograms->layoutId())
                return refuse(error,
                    tr("%1: histogram layout %2 differs from %3 of %4")
                        .arg(f.file, f.report.histograms->layoutId(), first->report.histograms->layoutId(),
                            first->file));
        }
        if (const auto it = byIndex.find(s.index); it != byIndex.end())
            return refuse(error, tr("%1: shard index %2 is also in %3").arg(f.file).arg(s.index).arg(it->second->file));
        byIndex[s.index] = &f;
    }
    const int count = first->report.shard->count;
    QList<int> present;
    QList<int> missing;
    for (int i = 0; i < count; ++i)
        (byIndex.count(i) ? present : missing).append(i);
    if (!missing.isEmpty() && !allowPartial)
        return refuse(error,
            tr("missing shard index(es) %1 of %2 (--allow-partial merges what is there)")
                .arg(indexList(missing))
                .arg(count));

    QList<const Report*> shards;
    for (const auto& [index, file] : byIndex)
        shards.append(&file->report);
    const Report& lead = *shards.constFirst();

    // One clock for all: the earliest origin; each shard's seconds shift by whole seconds onto it
    // (none when they shared --start-at).
    double origin = lead.shard->originUnixS;
    double endUnix = 0;
    double minStart = lead.shard->actualStartUnixS;
    double maxStart = minStart;
    for (const Report* r : shards) {
        origin = std::min(origin, r->shard->originUnixS);
        minStart = std::min(minStart, r->shard->actualStartUnixS);
        maxStart = std::max(maxStart, r->shard->actualStartUnixS);
    }
    // Shards a day apart are not one run (and would make a timeline of that many seconds).
    for (const auto& [index, file] : byIndex) {
        if (std::abs(file->report.shard->originUnixS - origin) > 86400)
            return refuse(
                error, tr("%1: starts more than a day away from the other shards: not the same run").arg(file->file));
    }
    QList<qint64> offsets;
    for (const Report* r : shards) {
        offsets.append(qint64(std::llround(r->shard->originUnixS - origin)));
        endUnix = std::max(endUnix, r->shard->originUnixS + r->elapsedS);
    }
    const double elapsed = std::max(0.0, endUnix - origin);

    Report m;
    m.toolName = lead.toolName;
    m.toolVersion = lead.toolVersion;
    m.startedAt = lead.startedAt;
    m.finishedAt = lead.finishedAt;
    m.elapsedS = elapsed;
    m.config = lead.config;
    m.config.concurrency = lead.shard->planConcurrency;
    m.config.rateRps = lead.shard->planRateRps;
    m.scenarioName = lead.scenarioName;
    m.stopReason = QStringLiteral("completed");
    m.environment = lead.environment;
    m.histograms.emplace();
    m.histograms->statsSubBucketBits = lead.histograms->statsSubBucketBits;

    QStringList names;
    std::vector<RequestCounters> types;
    RequestCounters overall;
    std::vector<RequestCounters> stages(size_t(lead.stages.size()));
    double cpuUs = 0;
    qint64 cpuRequests = 0;
    for (qsizetype k = 0; k < shards.size(); ++k) {
        const Report& r = *shards[k];
        m.startedAt = std::min(m.startedAt, r.startedAt);
        m.finishedAt = std::max(m.finishedAt, r.finishedAt);
        if (r.stopReason != QLatin1String("completed") && m.stopReason == QLatin1String("completed"))
            m.stopReason = r.stopReason;
        for (const StatsSummary& t : r.requestTypes) {
            qsizetype at = names.indexOf(t.name);
            if (at < 0) {
                names.append(t.name);
                types.emplace_back();
                StatsSummary identity;
                identity.method = t.method;
                identity.path = t.path;
                identity.headers = t.headers;
                m.requestTypes.append(identity);
                at = names.size() - 1;
            }
            add(&types[size_t(at)], t);
        }
        add(&overall, r.overall);
        for (qsizetype i = 0; i < r.stages.size() && size_t(i) < stages.size(); ++i)
            add(&stages[size_t(i)], r.stages[i].stats);
        m.histograms->merge(*r.histograms, offsets[k]);
        m.stuckRequests += r.stuckRequests;
        m.schedule.scheduled += r.schedule.scheduled;
        m.schedule.late += r.schedule.late;
        m.schedule.maxLagMs = std::max(m.schedule.maxLagMs, r.schedule.maxLagMs);
        m.loopLagP99Ms = std::max(m.loopLagP99Ms, r.loopLagP99Ms);
        m.loopLagMaxMs = std::max(m.loopLagMaxMs, r.loopLagMaxMs);
        // Any shard's generator limited the run; its busiest thread is the run's.
        GeneratorLimits& g = m.generatorLimits;
        const GeneratorLimits& s = r.generatorLimits;
        g.cpuPercentMax = std::max(g.cpuPercentMax, s.cpuPercentMax);
        g.saturatedS = std::max(g.saturatedS, s.saturatedS);
        g.scheduleLatePct
            = m.schedule.scheduled > 0 ? 100.0 * double(m.schedule.late) / double(m.schedule.scheduled) : 0;
        if (verdictRank(s.verdict) > verdictRank(g.verdict))
            g.verdict = s.verdict;
        // CPU per request over all shards: weighted by the requests of each.
        if (s.cpuUsPerRequest > 0) {
            cpuUs += s.cpuUsPerRequest * double(r.overall.total);
            cpuRequests += r.overall.total;
        }
    }
    m.generatorLimits.cpuUsPerRequest = cpuRequests > 0 ? cpuUs / double(cpuRequests) : 0;
    // A streaming type's block from its merged whole-run counters, as a single run would build it.
    for (auto it = m.histograms->streams.cbegin(); it != m.histograms->streams.cend(); ++it) {
        const qsizetype at = names.indexOf(it.key());
        if (at < 0)
            continue;
        RequestCounters& c = types[size_t(at)];
        c.stream = it->counters;
        c.judged = it->judged;
        c.good = it->good;
        if (!overall.stream)
            overall.stream.emplace();
        overall.stream->merge(it->counters);
        overall.judged += it->judged;
        overall.good += it->good;
    }
    for (size_t i = 0; i < types.size(); ++i) {
        StatsSummary s = StatsSummary::of(names[qsizetype(i)], types[i], elapsed);
        if (const auto it = m.histograms->streams.constFind(names[qsizetype(i)]);
            it != m.histograms->streams.cend() && it->streamOptionsDropped)
            s.streaming->noteStreamOptionsDropped();
        s.method = m.requestTypes[qsizetype(i)].method;
        s.path = m.requestTypes[qsizetype(i)].path;
        s.headers = m.requestTypes[qsizetype(i)].headers;
        m.requestTypes[qsizetype(i)] = s;
    }
    m.overall = StatsSummary::of({}, overall, elapsed);
    for (const StatsSummary& s : std::as_const(m.requestTypes)) {
        if (s.streaming && s.streaming->streamOptionsDropped)
            m.overall.streaming->noteStreamOptionsDropped();
    }
    for (qsizetype i = 0; i < lead.stages.size(); ++i) {
        const StageSummary& st = lead.stages[i];
        const double ranS = std::clamp(std::min(st.endS, elapsed) - st.startS, 0.0, st.endS - st.startS);
        m.stages.append(
            { st.startS, st.endS, st.fromTarget, st.target, StatsSummary::of({}, stages[size_t(i)], ranS) });
    }

    // The timeline from the merged per-second histograms, in rows as long as a single run's
    // (TimelineRow::rowSecondsFor); in flight is the sum of the shards' samples, an upper bound of
    // the merged per-row maximum.
    const int rowS = TimelineRow::rowSecondsFor(m.config.durationS);
    const qint64 lastSecond = std::max<qint64>(
        qint64(std::ceil(elapsed - 1e-9)) - 1, m.histograms->seconds.isEmpty() ? -1 : m.histograms->seconds.lastKey());
    std::map<qint64, qint64> inFlight; // row index → the sum of the shards' maxima in it
    for (qsizetype k = 0; k < shards.size(); ++k) {
        std::map<qint64, qint64> mine;
        for (const TimelineRow& row : shards[k]->timeline) {
            qint64& most = mine[(qint64(std::ceil(row.tS - 1e-9)) - 1 + offsets[k]) / rowS];
            most = std::max(most, row.inFlight);
        }
        for (const auto& [index, most] : mine)
            inFlight[index] += most;
    }
    QMap<qint64, SecondFigures> windowAll;
    QMap<qint64, QMap<QString, SecondFigures>> windowTypes;
    // As in a single run, a last sliver of a second joins the second before.
    const bool fold = lastSecond >= 1 && elapsed > double(lastSecond) && elapsed - double(lastSecond) < SliverS;
    const qint64 lastRowSecond = lastSecond - (fold ? 1 : 0);
    QMap<QString, SecondFigures> rowCells;
    for (qint64 second = 0; second <= lastRowSecond; ++second) {
        QMap<QString, SecondFigures> cells = m.histograms->seconds.value(second);
        double endS = std::min(double(second + 1), std::max(elapsed, double(second) + 1e-3));
        if (fold && second == lastRowSecond) {
            const QMap<QString, SecondFigures> sliver = m.histograms->seconds.value(lastSecond);
            for (auto it = sliver.begin(); it != sliver.end(); ++it)
                cells[it.key()].merge(it.value());
            endS = elapsed;
            if (const auto late = inFlight.find(lastSecond / rowS);
                late != inFlight.end() && lastSecond / rowS != second / rowS) {
                inFlight[second / rowS] = std::max(inFlight[second / rowS], late->second);
                inFlight.erase(late);
            }
        }
        SecondFigures all;
        for (const QString& name : std::as_const(names)) {
            const SecondFigures f = cells.value(name);
            rowCells[name].merge(f);
            all.merge(f);
            windowTypes[second / LatencyWindow::WindowS][name].merge(f);
        }
        windowAll[second / LatencyWindow::WindowS].merge(all);
        if ((second + 1) % rowS != 0 && second != lastRowSecond)
            continue;
        TimelineRow row;
        row.tS = endS;
        const double lengthS = endS - (m.timeline.isEmpty() ? 0.0 : m.timeline.last().tS);
        SecondFigures rowAll;
        for (const QString& name : std::as_const(names)) {
            const SecondFigures f = rowCells.value(name);
            row.byType.insert(name, intervalOf(f));
            rowAll.merge(f);
        }
        rowCells.clear();
        row.all = intervalOf(rowAll);
        row.rps = double(rowAll.requests) / lengthS;
        if (!m.histograms->streams.isEmpty())
            row.streaming = streamingOf(rowAll, lengthS);
        const auto it = inFlight.find(second / rowS);
        row.inFlight = it == inFlight.end() ? 0 : it->second;
        m.timeline.append(row);
    }
    for (auto it = windowAll.begin(); it != windowAll.end(); ++it) {
        LatencyWindow w;
        const double from = double(it.key() * LatencyWindow::WindowS);
        w.tS = std::min(from + LatencyWindow::WindowS, std::max(elapsed, from + 1e-3));
        w.lengthS = w.tS - from;
        w.all = windowOf(it.value());
        const QMap<QString, SecondFigures> byType = windowTypes.value(it.key());
        for (auto t = byType.begin(); t != byType.end(); ++t)
            w.byType.insert(t.key(), windowOf(t.value()));
        m.latencyWindows.append(w);
    }
    LatencyWindow::bound(&m.latencyWindows, &m.windowS); // as long as a single run's

    // Target monitoring comes from the shard that watched a process (shard 0's system otherwise).
    qsizetype monitor = 0;
    for (qsizetype k = 0; k < shards.size(); ++k) {
        if (shards[k]->system.pid > 0) {
            monitor = k;
            break;
        }
    }
    m.system = shards[monitor]->system;
    for (SystemSample& sample : m.system.samples)
        sample.tS += double(offsets[monitor]);
    m.loadChanges = lead.loadChanges;
    for (LoadChange& c : m.loadChanges) {
        c.concurrency = lead.shard->planConcurrency;
        c.rateRps = c.rateRps > 0 ? lead.shard->planRateRps : 0;
    }

    MergeInfo info;
    info.count = count;
    info.merged = present;
    info.missing = missing;
    info.startSkewMs = (maxStart - minStart) * 1000;
    info.originUnixS = origin;
    if (info.startSkewMs > skewWarningMs(elapsed))
        info.clockWarnings.append(
            QStringLiteral("start skew of %1 ms exceeds 1 s or 1 % of the duration").arg(info.startSkewMs, 0, 'f', 1));
    QSet<QString> hosts;
    for (const Report* r : std::as_const(shards))
        hosts.insert(r->shard->host);
    for (const Report* r : std::as_const(shards)) {
        const ShardInfo& s = *r->shard;
        if (hosts.size() > 1 && !s.clockSynchronised)
            info.clockWarnings.append(
                QStringLiteral("shard %1 ran on %2 with an unsynchronised clock (max error %3 us)")
                    .arg(s.index)
                    .arg(s.host)
                    .arg(s.clockMaxErrorUs));
        if (std::abs(s.originUnixS - origin - std::round(s.originUnixS - origin)) > 1e-3)
            info.clockWarnings.append(
                QStringLiteral("shard %1 did not share the start time (no common --start-at): its seconds are "
                               "aligned to the nearest second")
                    .arg(s.index));
        if (s.joinedLateByMs)
            info.clockWarnings.append(QStringLiteral("shard %1 joined %2 ms late and skipped what it missed")
                                          .arg(s.index)
                                          .arg(*s.joinedLateByMs, 0, 'f', 1));
    }
    m.shards = info;

    Analysis::analyse(&m);
    *merged = m;
    return true;
}

} // namespace ShardMerge

} // namespace Stressdeck
