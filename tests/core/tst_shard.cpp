// SPDX-License-Identifier: MIT

#include "openschedule.h"
#include "report.h"
#include "reportframe.h"
#include "runconfig.h"
#include "scenario.h"
#include "shardmerge.h"
#include "shardplan.h"
#include "stages.h"
#include "timelinecolumns.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <tuple>

using namespace Stressdeck;

namespace {

const QList<int> ShardCounts { 1, 2, 3, 7 };

//! One planned request: (global user or arrival, iteration, type, body).
using Planned = std::tuple<qint64, qint64, int, qsizetype>;

const std::vector<double> Weights { 1, 4, 5 }; // cumulative: weights 1, 3, 1
const QList<qsizetype> Bodies { 1, 3, 2 };

Planned planned(quint64 seed, qint64 a, qint64 b)
{
    const int type = ShardPlan::pickType(Weights, seed, a, b);
    return { a, b, type, ShardPlan::pickBody(Bodies[type], seed, a, b) };
}

//! The closed model's plan as shard `shard` runs it: its users, each for `iterations` requests.
QList<Planned> closedPlan(const ShardSpec& shard, quint64 seed, int users, int iterations)
{
    QList<Planned> out;
    for (int local = 0; local < shard.localCount(users); ++local) {
        for (int j = 0; j < iterations; ++j)
            out.append(planned(seed, shard.globalUser(local), j));
    }
    return out;
}

//! The open model's arrivals as shard `shard` claims them from its schedule: (slot, due offset).
QList<std::pair<qint64, qint64>> openPlan(
    const ShardSpec& shard, const std::optional<Stages>& stages, double rate, double untilS, double skipBeforeS = 0)
{
    OpenSchedule schedule;
    schedule.setStripe(shard.index, shard.count);
    schedule.skipBefore(skipBeforeS);
    const EngineClock::time_point origin {};
    if (stages)
        schedule.start(origin, *stages);
    else
        schedule.start(origin, rate);
    QList<std::pair<qint64, qint64>> out;
    for (;;) {
        const auto [slot, due] = schedule.claim();
        if (slot == OpenSchedule::NoSlot || seconds(due - origin) >= untilS)
            break;
        out.append({ slot, nanos(due - origin) });
    }
    return out;
}

struct Sample {
    qint64 second;
    int type;
    bool success;
    std::int64_t latencyNs;
    //! Of a "chat" request (a streaming type): its stream, when it succeeded.
    std::optional<StreamSample> stream;
};

const QStringList TypeNames { QStringLiteral("chat"), QStringLiteral("search") };

//! A shard's report as the engine would build it from these samples (the parts merge reads).
Report shardReport(const QList<Sample>& samples, int index, int count, const QString& planHash = QStringLiteral("p1"))
{
    Report r;
    r.toolVersion = QStringLiteral("test");
    r.startedAt = r.finishedAt = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
    r.elapsedS = 10;
    r.stopReason = QStringLiteral("completed");
    r.config.concurrency = 10;
    ShardInfo info;
    info.index = index;
    info.count = count;
    info.source = QStringLiteral("explicit");
    info.planHash = planHash;
    info.planConcurrency = 10;
    info.originUnixS = info.actualStartUnixS = 1'800'000'000;
    info.host = QStringLiteral("host");
    r.shard = info;
    r.histograms.emplace();
    r.histograms->statsSubBucketBits = Histogram::SubBucketBits;
    std::vector<RequestCounters> types(size_t(TypeNames.size()));
    RequestCounters all;
    for (const Sample& s : samples) {
        for (RequestCounters* c : { &types[size_t(s.type)], &all }) {
            ++c->total;
            if (s.success) {
                ++c->success;
                c->successLatency.record(s.latencyNs);
                if (s.stream) {
                    if (!c->stream)
                        c->stream.emplace();
                    c->stream->add(*s.stream);
                }
            } else {
                ++c->failure;
                ++c->errors[QStringLiteral("HTTP 503")];
                c->failureLatency.record(s.latencyNs);
            }
        }
        SecondFigures& f = r.histograms->seconds[s.second][TypeNames[s.type]];
        ++f.requests;
        if (s.success) {
            ++f.successes;
            f.latency.record(s.latencyNs);
            if (s.stream) {
                ++f.streams;
                f.ttft.record(*s.stream->ttftNs);
                f.tpot.record(std::llround(*s.stream->tpotNs));
                f.outputTokens += *s.stream->outputTokens;
            }
        } else {
            ++f.errors;
        }
    }
    if (types[0].stream)
        r.histograms->streams[TypeNames[0]].counters = *types[0].stream;
    for (qsizetype t = 0; t < TypeNames.size(); ++t)
        r.requestTypes.append(StatsSummary::of(TypeNames[t], types[size_t(t)], r.elapsedS));
    r.overall = StatsSummary::of({}, all, r.elapsedS);
    return r;
}

//! Through the JSON form, as `stressdeck merge` reads it.
ShardReportFile viaJson(const Report& r, const QString& file)
{
    ShardReportFile out { file, {} };
    QString error;
    if (!Report::fromJson(r.toJsonBytes(), file, &out.report, &error))
        qFatal("%s", qPrintable(error));
    return out;
}

QList<Sample> recordedSamples()
{
    std::mt19937_64 rng(17);
    std::lognormal_distribution<double> latency(std::log(20e6), 0.8);
    QList<Sample> samples;
    for (int k = 0; k < 5000; ++k) {
        Sample s { qint64(k / 500), int(rng() % 2), rng() % 10 != 0, std::int64_t(latency(rng)), {} };
        if (s.type == 0 && s.success) {
            StreamSample stream;
            stream.ttftNs = s.latencyNs / 4;
            stream.ttftSchedNs = s.latencyNs / 3;
            stream.e2eNs = s.latencyNs;
            stream.outputTokens = 2 + int(rng() % 60);
            stream.tpotNs = double(s.latencyNs - *stream.ttftNs) / double(*stream.outputTokens - 1);
            stream.contentEvents = int(*stream.outputTokens);
            stream.gapsNs.assign(size_t(stream.contentEvents - 1), std::llround(*stream.tpotNs));
            stream.buffered = rng() % 50 == 0;
            s.stream = stream;
        }
        samples.append(s);
    }
    return samples;
}

} // namespace

class TestShard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesShardSpecs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addRow("0/1") << QStringLiteral("0/1") << 0 << 1;
        QTest::addRow("2/3") << QStringLiteral("2/3") << 2 << 3;
        QTest::addRow("index = count") << QStringLiteral("3/3") << -1 << 0;
        QTest::addRow("count 0") << QStringLiteral("0/0") << -1 << 0;
        QTest::addRow("negative") << QStringLiteral("-1/3") << -1 << 0;
        QTest::addRow("no slash") << QStringLiteral("3") << -1 << 0;
        QTest::addRow("words") << QStringLiteral("a/b") << -1 << 0;
    }
    void parsesShardSpecs()
    {
        QFETCH(QString, text);
        QFETCH(int, index);
        QFETCH(int, count);
        QString error;
        const std::optional<ShardSpec> spec = ShardSpec::parse(text, &error);
        if (index < 0) {
            QVERIFY(!spec);
            QVERIFY2(error.contains(text), qPrintable(error));
            return;
        }
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(spec->index, index);
        QCOMPARE(spec->count, count);
        QCOMPARE(spec->source, QStringLiteral("explicit"));
    }

    void autoShardFromTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("variables"); // NAME=VALUE
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("source"); // or the variable an error names
        QTest::addRow("nothing") << QStringList {} << 0 << 1 << QStringLiteral("default");
        QTest::addRow("kubernetes") << QStringList { QStringLiteral("JOB_COMPLETION_INDEX=2"),
            QStringLiteral("STRESSDECK_SHARD_COUNT=4") }
                                    << 2 << 4 << QStringLiteral("kubernetes");
        QTest::addRow("kubernetes without the count")
            << QStringList { QStringLiteral("JOB_COMPLETION_INDEX=2") } << 0 << 1 << QStringLiteral("default");
        QTest::addRow("slurm") << QStringList { QStringLiteral("SLURM_PROCID=1"), QStringLiteral("SLURM_NTASKS=3") }
                               << 1 << 3 << QStringLiteral("slurm");
        QTest::addRow("kubernetes before slurm")
            << QStringList { QStringLiteral("SLURM_PROCID=1"), QStringLiteral("SLURM_NTASKS=3"),
                   QStringLiteral("JOB_COMPLETION_INDEX=0"), QStringLiteral("STRESSDECK_SHARD_COUNT=2") }
            << 0 << 2 << QStringLiteral("kubernetes");
        QTest::addRow("index out of range")
            << QStringList { QStringLiteral("SLURM_PROCID=3"), QStringLiteral("SLURM_NTASKS=3") } << -1 << 0
            << QStringLiteral("SLURM_PROCID");
        QTest::addRow("bad count") << QStringList { QStringLiteral("JOB_COMPLETION_INDEX=0"),
            QStringLiteral("STRESSDECK_SHARD_COUNT=zero") }
                                   << -1 << 0 << QStringLiteral("STRESSDECK_SHARD_COUNT");
    }
    void autoShardFromTheEnvironment()
    {
        QFETCH(QStringList, variables);
        QFETCH(int, index);
        QFETCH(int, count);
        QFETCH(QString, source);
        QProcessEnvironment env;
        for (const QString& v : std::as_const(variables))
            env.insert(v.section(QLatin1Char('='), 0, 0), v.section(QLatin1Char('='), 1));
        QString error;
        const std::optional<ShardSpec> spec = ShardSpec::fromEnvironment(env, &error);
        if (index < 0) {
            QVERIFY(!spec);
            QVERIFY2(error.contains(source), qPrintable(error));
            return;
        }
        QVERIFY2(spec, qPrintable(error));
        QCOMPARE(spec->index, index);
        QCOMPARE(spec->count, count);
        QCOMPARE(spec->source, source);
    }

    void usersAreStripedByGlobalNumber()
    {
        const ShardSpec s0 { 0, 3, {} }, s1 { 1, 3, {} }, s2 { 2, 3, {} };
        QCOMPARE(QList<int>({ s0.localCount(10), s1.localCount(10), s2.localCount(10) }), QList<int>({ 4, 3, 3 }));
        for (int n : ShardCounts) {
            for (int users = 0; users <= 25; ++users) {
                QList<qint64> all;
                for (int i = 0; i < n; ++i) {
                    const ShardSpec shard { i, n, {} };
                    for (int local = 0; local < shard.localCount(users); ++local) {
                        QCOMPARE(shard.globalUser(local) % n, qint64(i));
                        all.append(shard.globalUser(local));
                    }
                }
                std::sort(all.begin(), all.end());
                QList<qint64> expected;
                for (int u = 0; u < users; ++u)
                    expected.append(u);
                QCOMPARE(all, expected);
            }
        }
    }

    void closedShardsUnionIsTheOneShardPlan()
    {
        const quint64 seed = 0x5EED;
        const QList<Planned> one = closedPlan({}, seed, 10, 40);
        for (int n : ShardCounts) {
            QList<Planned> all;
            for (int i = 0; i < n; ++i)
                all += closedPlan({ i, n, {} }, seed, 10, 40);
            std::sort(all.begin(), all.end());
            QCOMPARE(all, one);
        }
        // The mix follows the weights (1 : 3 : 1), not a lock-step pattern.
        QList<int> perType(3, 0);
        for (const Planned& p : one)
            ++perType[std::get<2>(p)];
        QVERIFY2(perType[1] > 200 && perType[1] < 280, qPrintable(QString::number(perType[1])));
        QVERIFY(perType[0] > 40 && perType[2] > 40);
        // Another seed is another plan.
        QVERIFY(closedPlan({}, seed + 1, 10, 40) != one);
    }

    void openShardsUnionIsTheOneShardSchedule_data()
    {
        QTest::addColumn<QString>("stages"); // empty: a constant 50 req/s
        QTest::addRow("constant") << QString();
        QTest::addRow("ramp") << QStringLiteral("1s:40,1s:40,1s:0");
    }
    void openShardsUnionIsTheOneShardSchedule()
    {
        QFETCH(QString, stages);
        std::optional<Stages> shape;
        if (!stages.isEmpty()) {
            QString why;
            shape = Stages::parse(stages, Stages::Unit::Rate, &why);
            QVERIFY2(shape, qPrintable(why));
        }
        const auto one = openPlan({}, shape, 50, 3.0);
        QVERIFY(one.size() > 50);
        for (int n : ShardCounts) {
            QList<std::pair<qint64, qint64>> all;
            for (int i = 0; i < n; ++i) {
                const auto mine = openPlan({ i, n, {} }, shape, 50, 3.0);
                // Every arrival of this shard is its own: k mod n = i (a staged slot k is arrival k − 1).
                for (const auto& [slot, due] : mine)
                    QCOMPARE((slot - (shape ? 1 : 0)) % n, qint64(i));
                all += mine;
            }
            std::sort(all.begin(), all.end());
            QCOMPARE(all, one);
            // Each arrival's type and body come from its slot: the same on any shard.
            QList<Planned> plans;
            for (const auto& [slot, due] : all)
                plans.append(planned(9, slot, 0));
            QList<Planned> onePlans;
            for (const auto& [slot, due] : one)
                onePlans.append(planned(9, slot, 0));
            QCOMPARE(plans, onePlans);
        }
    }

    void aLateShardJoinsWhereTheScheduleStands()
    {
        const auto one = openPlan({}, std::nullopt, 50, 3.0);
        for (int n : ShardCounts) {
            QList<std::pair<qint64, qint64>> joined;
            for (int i = 0; i < n; ++i)
                joined += openPlan({ i, n, {} }, std::nullopt, 50, 3.0, 1.5);
            std::sort(joined.begin(), joined.end());
            QList<std::pair<qint64, qint64>> expected;
            for (const auto& a : one) {
                if (a.second >= 1'500'000'000)
                    expected.append(a);
            }
            QCOMPARE(joined, expected);
        }
    }

    void planHashSeesThePlanNotTheShard()
    {
        RunConfig config;
        Scenario scenario = Scenario::builtIn(QStringLiteral("archive-ai"));
        config.seed = 42;
        const QString hash = ShardPlan::planHash(config, scenario);
        RunConfig elsewhere = config;
        elsewhere.target = QUrl(QStringLiteral("http://10.0.0.9:9000"));
        elsewhere.monitorPid = 1234;
        QCOMPARE(ShardPlan::planHash(elsewhere, scenario), hash);
        RunConfig more = config;
        more.concurrency += 1;
        QVERIFY(ShardPlan::planHash(more, scenario) != hash);
        RunConfig reseeded = config;
        reseeded.seed = 43;
        QVERIFY(ShardPlan::planHash(reseeded, scenario) != hash);
        QCOMPARE(ShardPlan::derivedSeed(config, scenario), ShardPlan::derivedSeed(reseeded, scenario));
        QVERIFY(ShardPlan::derivedSeed(more, scenario) != ShardPlan::derivedSeed(config, scenario));
    }

    void mergedHistogramsAreTheUnionsBucketByBucket()
    {
        const QList<Sample> samples = recordedSamples();
        const Report union_ = shardReport(samples, 0, 1);
        for (int n : ShardCounts) {
            QList<ShardReportFile> files;
            for (int i = 0; i < n; ++i) {
                QList<Sample> mine;
                for (qsizetype k = i; k < samples.size(); k += n)
                    mine.append(samples[k]);
                files.append(viaJson(shardReport(mine, i, n), QStringLiteral("shard-%1.json").arg(i)));
            }
            std::reverse(files.begin(), files.end()); // the order of the files does not matter
            Report merged;
            QString error;
            QVERIFY2(ShardMerge::merge(files, false, &merged, &error), qPrintable(error));
            QCOMPARE(merged.requestTypes.size(), union_.requestTypes.size());
            for (qsizetype t = 0; t < union_.requestTypes.size(); ++t) {
                const StatsSummary& m = merged.requestTypes[t];
                const StatsSummary& u = union_.requestTypes[t];
                QCOMPARE(m.name, u.name);
                QCOMPARE(m.total, u.total);
                QCOMPARE(m.success, u.success);
                QCOMPARE(m.errors, u.errors);
                QVERIFY(m.histogram == u.histogram);
                QVERIFY(m.failureHistogram == u.failureHistogram);
                QCOMPARE(m.latency, u.latency);
            }
            // The streaming type's block is the union's, its histograms summed.
            QVERIFY(merged.requestTypes[0].streaming);
            QVERIFY(!merged.requestTypes[1].streaming);
            QCOMPARE(*merged.requestTypes[0].streaming, *union_.requestTypes[0].streaming);
            QCOMPARE(*merged.overall.streaming, *union_.overall.streaming);
            QVERIFY(merged.requestTypes[0].streaming->outputTokens > 1000);
            QVERIFY(merged.timeline[3].streaming);
            const SecondFigures& chat3 = union_.histograms->seconds.value(3).value(QStringLiteral("chat"));
            QCOMPARE(merged.timeline[3].streaming->ttftP95,
                TimelineColumns::roundPercentile(nsToMs(chat3.ttft.percentileNs(95))));
            QCOMPARE(merged.timeline[3].streaming->outputTokensPerS, double(chat3.outputTokens));
            QCOMPARE(merged.overall.total, qint64(samples.size()));
            QVERIFY(merged.overall.histogram == union_.overall.histogram);
            QVERIFY(merged.histograms->seconds == union_.histograms->seconds);
            // The timeline comes from the merged seconds: it sums to the totals.
            qint64 rows = 0;
            for (const TimelineRow& row : std::as_const(merged.timeline))
                rows += row.all.requests;
            QCOMPARE(rows, qint64(samples.size()));
            QCOMPARE(merged.timeline.size(), 10);
            // As a single run's report keeps a second's percentile: to four digits.
            QCOMPARE(merged.timeline[3].byType.value(QStringLiteral("chat")).p95,
                TimelineColumns::roundPercentile(nsToMs(
                    union_.histograms->seconds.value(3).value(QStringLiteral("chat")).latency.percentileNs(95))));
            QVERIFY(merged.shards);
            QCOMPARE(merged.shards->count, n);
            QCOMPARE(merged.shards->merged.size(), n);
            QVERIFY(merged.shards->missing.isEmpty());
            QCOMPARE(merged.config.concurrency, 10);
            QVERIFY(!merged.criteria.isEmpty()); // judged on the merged data
        }
    }

    void aLongPlanMergesIntoRowsOfSeveralSeconds()
    {
        // Planned for 7 h, a run's rows are 2 s long (TimelineRow::rowSecondsFor): so are the merge's,
        // each the sum of its two seconds' histograms.
        const QList<Sample> samples = recordedSamples();
        Report u = shardReport(samples, 0, 1);
        QList<ShardReportFile> files;
        for (int i = 0; i < 3; ++i) {
            QList<Sample> mine;
            for (qsizetype k = i; k < samples.size(); k += 3)
                mine.append(samples[k]);
            Report shard = shardReport(mine, i, 3);
            shard.config.durationS = 7 * 3600;
            for (int t = 1; t <= 10; ++t) {
                TimelineRow row;
                row.tS = t;
                row.inFlight = t;
                shard.timeline.append(row);
            }
            files.append(viaJson(shard, QStringLiteral("shard-%1.json").arg(i)));
        }
        Report merged;
        QString error;
        QVERIFY2(ShardMerge::merge(files, false, &merged, &error), qPrintable(error));
        QCOMPARE(merged.timeline.size(), 5);
        for (qsizetype k = 0; k < 5; ++k) {
            const TimelineRow& row = merged.timeline[k];
            QCOMPARE(row.tS, 2.0 * double(k + 1));
            SecondFigures chat = u.histograms->seconds.value(2 * k).value(QStringLiteral("chat"));
            chat.merge(u.histograms->seconds.value(2 * k + 1).value(QStringLiteral("chat")));
            QCOMPARE(row.byType.value(QStringLiteral("chat")).requests, chat.requests);
            QCOMPARE(row.byType.value(QStringLiteral("chat")).p95,
                TimelineColumns::roundPercentile(nsToMs(chat.latency.percentileNs(95))));
            QCOMPARE(row.streaming->outputTokensPerS, double(chat.outputTokens) / 2.0);
            QCOMPARE(row.all.requests, 1000);
            QCOMPARE(row.rps, 500.0);
            // In flight: each shard's highest sample in the row, summed.
            QCOMPARE(row.inFlight, 3 * 2 * (k + 1));
        }
        QCOMPARE(merged.latencyWindows.size(), 2); // still 5 s windows
        QCOMPARE(merged.latencyWindows[0].all.requests, 2500);
    }

    void refusesWhatIsNotOneRunsShards_data()
    {
        QTest::addColumn<QString>("defect");
        QTest::addColumn<QString>("message");
        QTest::addRow("not a shard report") << QStringLiteral("plain") << QStringLiteral("b.json: not a shard report");
        QTest::addRow("another plan") << QStringLiteral("plan") << QStringLiteral("b.json: plan_hash");
        QTest::addRow("another count") << QStringLiteral("count") << QStringLiteral("b.json: shard count");
        QTest::addRow("another layout") << QStringLiteral("layout") << QStringLiteral("b.json: histogram layout");
        QTest::addRow("duplicate index") << QStringLiteral("duplicate") << QStringLiteral("b.json: shard index 0");
        QTest::addRow("a day apart") << QStringLiteral("apart") << QStringLiteral("b.json: starts more than a day");
        QTest::addRow("missing index") << QStringLiteral("missing") << QStringLiteral("missing shard index(es) 2 of 3");
    }
    void refusesWhatIsNotOneRunsShards()
    {
        QFETCH(QString, defect);
        QFETCH(QString, message);
        const QList<Sample> samples = recordedSamples().mid(0, 100);
        Report a = shardReport(samples, 0, 3);
        Report b = shardReport(samples, 1, 3);
        const Report c = shardReport(samples, 2, 3);
        if (defect == QLatin1String("plain")) {
            b.shard.reset();
            b.histograms.reset();
        } else if (defect == QLatin1String("plan")) {
            b.shard->planHash = QStringLiteral("other");
        } else if (defect == QLatin1String("count")) {
            b.shard->count = 4;
        } else if (defect == QLatin1String("layout")) {
            b.histograms->subBucketCount = 128;
        } else if (defect == QLatin1String("apart")) {
            b.shard->originUnixS += 2 * 86400;
        } else if (defect == QLatin1String("duplicate")) {
            b.shard->index = 0;
        }
        QList<ShardReportFile> files { viaJson(a, QStringLiteral("a.json")), viaJson(b, QStringLiteral("b.json")) };
        if (defect != QLatin1String("missing"))
            files.append(viaJson(c, QStringLiteral("c.json")));
        Report merged;
        QString error;
        QVERIFY(!ShardMerge::merge(files, false, &merged, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        if (defect == QLatin1String("missing")) {
            QVERIFY2(ShardMerge::merge(files, true, &merged, &error), qPrintable(error));
            QVERIFY(merged.shards->isPartial());
            QCOMPARE(merged.shards->missing, QList<int> { 2 });
            QCOMPARE(merged.overall.total, 2 * qint64(samples.size()));
            const QJsonObject shards = merged.toJson().value(QStringLiteral("shards")).toObject();
            QCOMPARE(shards.value(QStringLiteral("partial")).toBool(), true);
            QVERIFY(shards.value(QStringLiteral("in_flight")).toString().contains(QStringLiteral("upper bound")));
        }
    }

    void framesReportsAsGzipLines()
    {
        const QByteArray json = QByteArrayLiteral("{\"schema\":\"x\"}");
        const QByteArray packed = ReportFrame::gzip(json);
        QVERIFY(packed.startsWith("\x1f\x8b")); // RFC 1952, not qCompress's zlib frame
        QCOMPARE(ReportFrame::gunzip(packed).value_or(QByteArray()), json);
        // Written by another gzip (Python's), read by ours.
        QCOMPARE(ReportFrame::gunzip(QByteArray::fromBase64("H4sIAAAAAAACA6tWKk7OSM1NVLJSqlCqBQBez+33DgAAAA=="))
                     .value_or(QByteArray()),
            json);
        QVERIFY(!ReportFrame::gunzip(packed.left(packed.size() - 4)).has_value());

        const QByteArray big = Report().toJsonBytes().repeated(50);
        const QByteArray log = QByteArrayLiteral("progress\n[pod/sd-0] ") + ReportFrame::line(big)
            + QByteArrayLiteral("\nmore\n") + ReportFrame::line(json) + '\n';
        QList<ReportFrame::Framed> framed;
        QString error;
        QVERIFY2(ReportFrame::fromLog(log, &framed, &error), qPrintable(error));
        QCOMPARE(framed.size(), 2);
        QCOMPARE(framed[0].line, 2);
        QCOMPARE(framed[0].json, big);
        QCOMPARE(framed[1].line, 4);
        QCOMPARE(framed[1].json, json);
        framed.clear();
        QVERIFY(!ReportFrame::fromLog(QByteArrayLiteral("a\nSTRESSDECK-REPORT bm90IGd6aXA=\n"), &framed, &error));
        QVERIFY2(error.contains(QStringLiteral("line 2")), qPrintable(error));
    }

    void shardBlocksSurviveJson()
    {
        Report r = shardReport(recordedSamples().mid(0, 50), 1, 2);
        r.shard->startAtUnixS = 1'800'000'000.5;
        r.shard->joinedLateByMs = 1234.5;
        r.shard->clockMaxErrorUs = 16'000'000;
        MergeInfo m;
        m.count = 2;
        m.merged = { 0 };
        m.missing = { 1 };
        m.startSkewMs = 3.5;
        m.clockWarnings = { QStringLiteral("w") };
        r.shards = m;
        Report back;
        QString error;
        QVERIFY2(Report::fromJson(r.toJsonBytes(), QStringLiteral("r.json"), &back, &error), qPrintable(error));
        QVERIFY(back.shard == r.shard);
        QVERIFY(back.histograms == r.histograms);
        QVERIFY(back.shards == r.shards);
        const QJsonObject shard = r.toJson().value(QStringLiteral("shard")).toObject();
        for (const char* key : { "index", "count", "source", "plan_hash", "seed", "start_at", "actual_start",
                 "start_lag_ms", "clock", "host", "pid" })
            QVERIFY2(shard.contains(QLatin1String(key)), key);
        QVERIFY(shard.value(QStringLiteral("clock")).toObject().contains(QStringLiteral("synchronised")));
        QVERIFY(shard.value(QStringLiteral("clock")).toObject().contains(QStringLiteral("max_error_us")));
    }
};

QTEST_GUILESS_MAIN(TestShard)
#include "tst_shard.moc"
