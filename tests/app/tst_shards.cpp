// SPDX-License-Identifier: MIT

#include "scenario.h"
#include "shardfollower.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

namespace {

using Variables = QList<QPair<QString, QString>>;

//! Starts stressdeck with these variables added; the caller waits.
std::unique_ptr<QProcess> start(const QStringList& args, const Variables& variables = {})
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : { "JOB_COMPLETION_INDEX", "STRESSDECK_SHARD_COUNT", "SLURM_PROCID", "SLURM_NTASKS" })
        env.remove(QLatin1String(name));
    for (const auto& [name, value] : variables)
        env.insert(name, value);
    p->setProcessEnvironment(env);
    p->start(stressdeckBinary(), args);
    if (!p->waitForStarted())
        qFatal("cannot start %s", qPrintable(stressdeckBinary()));
    return p;
}

CliResult finish(QProcess& p, int timeoutMs = 60000)
{
    if (p.state() != QProcess::NotRunning && !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        qFatal("stressdeck %s did not finish", qPrintable(p.arguments().join(u' ')));
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()), 0 };
}

//! Starts `count` shards of one plan: `base` plus --shard i/count and what `extra` adds for shard i.
std::vector<std::unique_ptr<QProcess>> startShards(
    const QStringList& base, int count, const std::function<QStringList(int)>& extra)
{
    std::vector<std::unique_ptr<QProcess>> shards;
    for (int i = 0; i < count; ++i)
        shards.push_back(start(
            base + QStringList { QStringLiteral("--shard"), QStringLiteral("%1/%2").arg(i).arg(count) } + extra(i)));
    return shards;
}

CliResult runCli(const QStringList& args, const Variables& variables = {})
{
    auto p = start(args, variables);
    return finish(*p);
}

QJsonObject readJson(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

//! Requests per type name in a report.
QMap<QString, qint64> countsByType(const QJsonObject& report)
{
    QMap<QString, qint64> counts;
    const QJsonArray types = report.value(QStringLiteral("request_types")).toArray();
    for (const QJsonValue& t : types)
        counts[t[QStringLiteral("name")].toString()] = qint64(t[QStringLiteral("total")].toDouble());
    return counts;
}

QString startAt(double secondsFromNow)
{
    return QString::number(double(QDateTime::currentMSecsSinceEpoch()) / 1000 + secondsFromNow, 'f', 3);
}

} // namespace

class TestShards : public QObject {
    Q_OBJECT

    QString writeScenario(const QTemporaryDir& dir)
    {
        Scenario s;
        s.name = QStringLiteral("mix");
        for (const auto& [name, path, weight] : { std::tuple { "fast", "/delay/5", 3.0 },
                 std::tuple { "slow", "/delay/20", 1.0 }, std::tuple { "post", "/delay/10", 1.0 } }) {
            RequestType t;
            t.name = QLatin1String(name);
            t.path = QLatin1String(path);
            t.weight = weight;
            if (t.name == QLatin1String("post")) {
                t.method = QByteArrayLiteral("POST");
                t.bodies = { QByteArrayLiteral("{\"q\":1}"), QByteArrayLiteral("{\"q\":2}") };
            }
            s.requestTypes.append(t);
        }
        const QString file = dir.filePath(QStringLiteral("mix.json"));
        QString error;
        if (!s.save(file, &error))
            qFatal("%s", qPrintable(error));
        return file;
    }

    QStringList common(const QString& url, const QString& scenario) const
    {
        return { QStringLiteral("run"), QStringLiteral("--target"), url, QStringLiteral("--scenario"), scenario,
            QStringLiteral("--no-history"), QStringLiteral("--sample-interval"), QStringLiteral("1s"),
            QStringLiteral("--leak-threshold-mb"), QStringLiteral("100000"), QStringLiteral("--seed"),
            QStringLiteral("77") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(stressdeckBinary()), "STRESSDECK_BINARY must point to the stressdeck executable");
    }

    void shardsStartedTogetherMergeIntoTheOneShardRun_data()
    {
        QTest::addColumn<QStringList>("load");
        QTest::addColumn<bool>("deterministic"); // the open model's arrivals are the same in every run
        QTest::addRow("open") << QStringList { QStringLiteral("--rate"), QStringLiteral("20"), QStringLiteral("-c"),
            QStringLiteral("20"), QStringLiteral("-d"), QStringLiteral("2025ms") }
                              << true;
        QTest::addRow("closed") << QStringList { QStringLiteral("-c"), QStringLiteral("10"), QStringLiteral("-d"),
            QStringLiteral("2s"), QStringLiteral("--think-time"), QStringLiteral("50ms-100ms") }
                                << false;
    }
    void shardsStartedTogetherMergeIntoTheOneShardRun()
    {
        QFETCH(QStringList, load);
        QFETCH(bool, deterministic);
        TestServerThread server;
        QTemporaryDir dir;
        const QStringList base = common(server.url(), writeScenario(dir)) + load;

        const QString oneFile = dir.filePath(QStringLiteral("one.json"));
        const CliResult one = runCli(base
            + QStringList { QStringLiteral("--shard"), QStringLiteral("0/1"), QStringLiteral("--start-at"), startAt(1),
                QStringLiteral("--json"), oneFile });
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));

        const QString at = startAt(2.5);
        QStringList files;
        for (int i = 0; i < 3; ++i)
            files.append(dir.filePath(QStringLiteral("shard-%1.json").arg(i)));
        const auto shards = startShards(base, 3, [&](int i) {
            return QStringList { QStringLiteral("--start-at"), at, QStringLiteral("--json"), files[i] };
        });
        QMap<QString, qint64> sum;
        const QList<int> expectedUsers { 4, 3, 3 };
        for (int i = 0; i < 3; ++i) {
            const CliResult r = finish(*shards[size_t(i)]);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QJsonObject report = readJson(files[i]);
            const QJsonObject shard = report.value(QStringLiteral("shard")).toObject();
            QCOMPARE(shard.value(QStringLiteral("index")).toInt(), i);
            QCOMPARE(shard.value(QStringLiteral("count")).toInt(), 3);
            QCOMPARE(shard.value(QStringLiteral("source")).toString(), QStringLiteral("explicit"));
            // Started on time (well within the 1 s tolerance, generously).
            QVERIFY2(shard.value(QStringLiteral("start_lag_ms")).toDouble() < 1000, qPrintable(r.err));
            QVERIFY(shard.value(QStringLiteral("clock")).toObject().contains(QStringLiteral("max_error_us")));
            const QJsonObject config = report.value(QStringLiteral("config")).toObject();
            if (deterministic)
                QCOMPARE(config.value(QStringLiteral("rate_rps")).toDouble(), 20.0 / 3);
            else
                QCOMPARE(config.value(QStringLiteral("concurrency")).toInt(), expectedUsers[i]);
            const QJsonObject timeline = report.value(QStringLiteral("timeline")).toObject();
            QVERIFY(!timeline.value(QStringLiteral("t_s")).toArray().isEmpty());
            QCOMPARE(timeline.value(QStringLiteral("t_unix_s")).toArray().size(),
                timeline.value(QStringLiteral("t_s")).toArray().size());
            const QMap<QString, qint64> counts = countsByType(report);
            for (auto it = counts.begin(); it != counts.end(); ++it)
                sum[it.key()] += it.value();
        }

        const QString mergedFile = dir.filePath(QStringLiteral("merged.json"));
        const CliResult merge = runCli(
            QStringList { QStringLiteral("merge") } + files + QStringList { QStringLiteral("--json"), mergedFile });
        QVERIFY2(merge.exitCode == 0 || merge.exitCode == 1, qPrintable(merge.err));
        const QJsonObject merged = readJson(mergedFile);
        QCOMPARE(countsByType(merged), sum);
        const QJsonObject info = merged.value(QStringLiteral("shards")).toObject();
        QCOMPARE(info.value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(info.value(QStringLiteral("merged")).toArray().size(), 3);
        QVERIFY(info.value(QStringLiteral("missing")).toArray().isEmpty());
        QVERIFY2(info.value(QStringLiteral("start_skew_ms")).toDouble() < 1000, qPrintable(merge.err));
        QVERIFY(merge.out.contains(QStringLiteral("Merged from 3 of 3 shards")));
        QCOMPARE(merge.exitCode, merged.value(QStringLiteral("passed")).toBool() ? 0 : 1);
        const QJsonObject config = merged.value(QStringLiteral("config")).toObject();
        if (deterministic) {
            QCOMPARE(config.value(QStringLiteral("rate_rps")).toDouble(), 20.0);
            // The same arrivals with the same types and bodies as the one-shard run.
            QCOMPARE(countsByType(merged), countsByType(readJson(oneFile)));
            QCOMPARE(merged.value(QStringLiteral("overall")).toObject().value(QStringLiteral("total")).toInt(), 41);
        } else {
            QCOMPARE(config.value(QStringLiteral("concurrency")).toInt(), 10);
        }
        // The merged report opens like any other.
        const CliResult report = runCli({ QStringLiteral("report"), mergedFile });
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    }

    void autoShardNamesItsSource_data()
    {
        QTest::addColumn<Variables>("variables");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("source");
        QTest::addRow("kubernetes") << Variables { { QStringLiteral("JOB_COMPLETION_INDEX"), QStringLiteral("1") },
            { QStringLiteral("STRESSDECK_SHARD_COUNT"), QStringLiteral("2") } }
                                    << 1 << 2 << QStringLiteral("kubernetes");
        QTest::addRow("slurm") << Variables { { QStringLiteral("SLURM_PROCID"), QStringLiteral("2") },
            { QStringLiteral("SLURM_NTASKS"), QStringLiteral("3") } }
                               << 2 << 3 << QStringLiteral("slurm");
        QTest::addRow("neither") << Variables {} << 0 << 1 << QStringLiteral("default");
    }
    void autoShardNamesItsSource()
    {
        QFETCH(Variables, variables);
        QFETCH(int, index);
        QFETCH(int, count);
        QFETCH(QString, source);
        TestServerThread server;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shard.json"));
        const CliResult r = runCli(common(server.url(), writeScenario(dir))
                + QStringList { QStringLiteral("-c"), QStringLiteral("6"), QStringLiteral("-d"), QStringLiteral("1s"),
                    QStringLiteral("--shard"), QStringLiteral("auto"), QStringLiteral("--json"), file },
            variables);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = readJson(file);
        const QJsonObject shard = report.value(QStringLiteral("shard")).toObject();
        QCOMPARE(shard.value(QStringLiteral("index")).toInt(), index);
        QCOMPARE(shard.value(QStringLiteral("count")).toInt(), count);
        QCOMPARE(shard.value(QStringLiteral("source")).toString(), source);
        QCOMPARE(report.value(QStringLiteral("config")).toObject().value(QStringLiteral("concurrency")).toInt(),
            (6 - index + count - 1) / count);
        QCOMPARE(shard.value(QStringLiteral("plan_concurrency")).toInt(), 6);
    }

    void aLateShardFailsOrJoins()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QStringList base = common(server.url(), writeScenario(dir))
            + QStringList { QStringLiteral("--rate"), QStringLiteral("20"), QStringLiteral("-c"), QStringLiteral("10"),
                  QStringLiteral("-d"), QStringLiteral("4s"), QStringLiteral("--shard"), QStringLiteral("0/2") };
        const QString failed = dir.filePath(QStringLiteral("failed.json"));
        const CliResult late = runCli(
            base + QStringList { QStringLiteral("--start-at"), startAt(-2), QStringLiteral("--json"), failed });
        QCOMPARE(late.exitCode, 75);
        QVERIFY2(late.err.contains(QStringLiteral("--late-tolerance")), qPrintable(late.err));
        QVERIFY(!QFile::exists(failed));

        // An RFC 3339 time, 2 s ago: joins 2 s into the schedule and skips what it missed.
        const QString joinedFile = dir.filePath(QStringLiteral("joined.json"));
        const QString past = QDateTime::currentDateTimeUtc().addMSecs(-2000).toString(Qt::ISODateWithMs);
        const CliResult joined = runCli(base
            + QStringList { QStringLiteral("--start-at"), past, QStringLiteral("--late-start"), QStringLiteral("join"),
                QStringLiteral("--json"), joinedFile });
        QVERIFY2(joined.exitCode == 0 || joined.exitCode == 1, qPrintable(joined.err));
        const QJsonObject report = readJson(joinedFile);
        const QJsonObject shard = report.value(QStringLiteral("shard")).toObject();
        QVERIFY2(shard.value(QStringLiteral("joined_late_by_ms")).toDouble() >= 2000, qPrintable(joined.err));
        const qint64 total
            = qint64(report.value(QStringLiteral("overall")).toObject().value(QStringLiteral("total")).toDouble());
        // Half of 20 req/s for the 2 s that were left (about 20), not for all 4 s (40): generous bounds.
        QVERIFY2(total > 5 && total < 35, qPrintable(QString::number(total)));

        // A wider tolerance takes the same lateness as on time.
        const CliResult tolerant = runCli(base
            + QStringList { QStringLiteral("--start-at"), startAt(-0.5), QStringLiteral("--late-tolerance"),
                QStringLiteral("30s"), QStringLiteral("-d"), QStringLiteral("1s") });
        QVERIFY2(tolerant.exitCode == 0 || tolerant.exitCode == 1, qPrintable(tolerant.err));
    }

    void mergesReportsFramedInLogs()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QStringList base = common(server.url(), writeScenario(dir))
            + QStringList { QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-d"), QStringLiteral("1s"),
                  QStringLiteral("--report-stdout"), QStringLiteral("--start-at"), startAt(1.5) };
        auto first = start(base + QStringList { QStringLiteral("--shard"), QStringLiteral("0/2") });
        auto second = start(base + QStringList { QStringLiteral("--shard"), QStringLiteral("1/2") });
        QByteArray logs;
        for (QProcess* p : { first.get(), second.get() }) {
            const CliResult r = finish(*p);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
            QVERIFY(lines.last().startsWith(QStringLiteral("STRESSDECK-REPORT ")));
            // What kubectl logs --prefix writes in front of each line.
            for (const QString& line : lines)
                logs += "[pod/sd-" + QByteArray::number(p == first.get() ? 0 : 1) + "] " + line.toUtf8() + '\n';
        }
        const QString logFile = dir.filePath(QStringLiteral("logs"));
        QFile f(logFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(logs);
        f.close();
        const QString mergedFile = dir.filePath(QStringLiteral("merged.json"));
        const CliResult merge = runCli(
            { QStringLiteral("merge"), QStringLiteral("--from-logs"), logFile, QStringLiteral("--json"), mergedFile });
        QVERIFY2(merge.exitCode == 0 || merge.exitCode == 1, qPrintable(merge.err));
        const QJsonObject merged = readJson(mergedFile);
        QCOMPARE(merged.value(QStringLiteral("shards")).toObject().value(QStringLiteral("merged")).toArray().size(), 2);
        const qint64 total
            = qint64(merged.value(QStringLiteral("overall")).toObject().value(QStringLiteral("total")).toDouble());
        QVERIFY(total > 0);
        QCOMPARE(merged.value(QStringLiteral("config")).toObject().value(QStringLiteral("concurrency")).toInt(), 4);

        const QString empty = dir.filePath(QStringLiteral("empty"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("nothing here\n");
        e.close();
        const CliResult none = runCli({ QStringLiteral("merge"), QStringLiteral("--from-logs"), empty });
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(empty), qPrintable(none.err));
    }

    // Three shards checkpointing into one folder, followed while they run (what gui --follow
    // shows): the follower sees them running with a partial sum, then finished with the exact one.
    //! Token streams merge too: the merged `streaming` block holds every shard's streams and tokens.
    void streamingShardsMergeTheirStreams()
    {
        QTemporaryDir dir;
        const QString at = startAt(2);
        QStringList files;
        for (int i = 0; i < 3; ++i)
            files.append(dir.filePath(QStringLiteral("stream-%1.json").arg(i)));
        const auto shards
            = startShards({ QStringLiteral("run"), QStringLiteral("--scenario"), QStringLiteral("openai-chat"),
                              QStringLiteral("--rate"), QStringLiteral("6"), QStringLiteral("-c"), QStringLiteral("12"),
                              QStringLiteral("-d"), QStringLiteral("3s"), QStringLiteral("--no-history"),
                              QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--start-at"), at },
                3, [&](int i) {
                    return QStringList { QStringLiteral("--json"), files[i] };
                });
        qint64 streams = 0;
        qint64 tokens = 0;
        for (int i = 0; i < 3; ++i) {
            const CliResult r = finish(*shards[size_t(i)]);
            QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
            const QJsonObject overall = readJson(files[i]).value(QStringLiteral("overall")).toObject();
            const QJsonObject block = overall.value(QStringLiteral("streaming")).toObject();
            QVERIFY2(!block.isEmpty(), qPrintable(r.err));
            tokens += qint64(block.value(QStringLiteral("output_tokens")).toDouble());
            streams += qint64(overall.value(QStringLiteral("success")).toDouble());
        }
        QVERIFY(streams >= 6);
        QVERIFY(tokens > streams);
        const QString mergedFile = dir.filePath(QStringLiteral("merged.json"));
        const CliResult merge = runCli(
            QStringList { QStringLiteral("merge") } + files + QStringList { QStringLiteral("--json"), mergedFile });
        QVERIFY2(merge.exitCode == 0 || merge.exitCode == 1, qPrintable(merge.err));
        const QJsonObject merged = readJson(mergedFile);
        const QJsonObject block = merged.value(QStringLiteral("overall"))[QStringLiteral("streaming")].toObject();
        QCOMPARE(qint64(block.value(QStringLiteral("output_tokens")).toDouble()), tokens);
        QCOMPARE(qint64(block.value(QStringLiteral("token_source"))[QStringLiteral("usage")].toDouble()), streams);
        QVERIFY(block.value(QStringLiteral("ttft_ms"))[QStringLiteral("p50")].toDouble() > 0);
        const QJsonObject type = merged.value(QStringLiteral("request_types")).toArray().first().toObject();
        QCOMPARE(qint64(type.value(QStringLiteral("streaming"))[QStringLiteral("output_tokens")].toDouble()), tokens);
    }

    //! A capacity search by three shards: each step is judged on the merge of all three, so every
    //! shard reports the same steps, and a step's achieved rate is the whole run's, not a third.
    void shardsSearchCapacityTogether()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString exchange = dir.filePath(QStringLiteral("exchange"));
        // 4 slots of 50 ms, shared by the shards: 80 req/s in all.
        const QStringList base { QStringLiteral("capacity"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--request"), QStringLiteral("GET /slots/4/50"), QStringLiteral("--slo"),
            QStringLiteral("p95<300ms"), QStringLiteral("--step-duration"), QStringLiteral("2s"),
            QStringLiteral("--start-rate"), QStringLiteral("40"), QStringLiteral("--growth"), QStringLiteral("2.5"),
            QStringLiteral("--max-rate"), QStringLiteral("400"), QStringLiteral("--transport"), QStringLiteral("fast"),
            QStringLiteral("--exchange-dir"), exchange, QStringLiteral("--start-at"), startAt(2) };
        QStringList files;
        for (int i = 0; i < 3; ++i)
            files.append(dir.filePath(QStringLiteral("capacity-%1.json").arg(i)));
        const auto shards = startShards(base, 3, [&](int i) {
            return QStringList { QStringLiteral("--json"), files[i] };
        });
        QList<QJsonObject> results;
        for (int i = 0; i < 3; ++i) {
            const CliResult r = finish(*shards[size_t(i)], 180000);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            results.append(readJson(files[i]).value(QStringLiteral("capacity")).toObject());
        }
        const QJsonArray steps = results[0].value(QStringLiteral("steps")).toArray();
        QVERIFY(steps.size() >= 3);
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(results[i].value(QStringLiteral("steps")).toArray(), steps);
            QCOMPARE(results[i].value(QStringLiteral("max_sustainable_rps")),
                results[0].value(QStringLiteral("max_sustainable_rps")));
        }
        const double first = steps.first()[QStringLiteral("achieved_rps")].toDouble();
        QVERIFY2(first > 30 && first < 50, qPrintable(QString::number(first))); // 40, not a shard's 13
        const double found = results[0].value(QStringLiteral("max_sustainable_rps")).toDouble();
        qInfo("three shards found %.1f req/s (known: 80)", found);
        QVERIFY2(found >= 40 && found <= 100, qPrintable(QString::number(found)));
        for (int i = 0; i < 3; ++i)
            QVERIFY(QFile::exists(QDir(exchange).filePath(QStringLiteral("step-1/") + ShardFollower::fileName(i, 3))));
        // The directory now holds a search: a new one is refused before it starts.
        const CliResult again = runCli(base + QStringList { QStringLiteral("--shard"), QStringLiteral("0/3") });
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("earlier search")), qPrintable(again.err));
        const CliResult noDir = runCli({ QStringLiteral("capacity"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--slo"), QStringLiteral("p95<1s"), QStringLiteral("--shard"), QStringLiteral("0/2") });
        QCOMPARE(noDir.exitCode, 2);
        QVERIFY2(noDir.err.contains(QStringLiteral("--exchange-dir")), qPrintable(noDir.err));
    }

    void followsThreeShardsLive()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("checkpoints"));
        const QStringList base = common(server.url(), writeScenario(dir))
            + QStringList { QStringLiteral("-c"), QStringLiteral("6"), QStringLiteral("-d"), QStringLiteral("4s"),
                  QStringLiteral("--think-time"), QStringLiteral("20ms-40ms"), QStringLiteral("--checkpoint-dir"),
                  folder, QStringLiteral("--checkpoint-interval"), QStringLiteral("1s"), QStringLiteral("--start-at"),
                  startAt(1.5) };
        QStringList files;
        for (int i = 0; i < 3; ++i)
            files.append(dir.filePath(QStringLiteral("shard-%1.json").arg(i)));
        const auto shards = startShards(base, 3, [&](int i) {
            return QStringList { QStringLiteral("--json"), files[i] };
        });
        ShardFollower follower(folder);
        QList<FollowedRun> looks;
        connect(&follower, &ShardFollower::updated, this, [&](const FollowedRun& run) { looks.append(run); });
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(folder).isDir(), 10000);
        follower.start();
        // Waiting with the event loop running, so the follower looks while the shards run.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(shards.begin(), shards.end(), [](const auto& p) { return p->state() == QProcess::NotRunning; }),
            60000);
        qint64 sum = 0;
        for (int i = 0; i < 3; ++i) {
            const CliResult r = finish(*shards[size_t(i)]);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            sum += qint64(readJson(files[i]).value(QStringLiteral("overall"))[QStringLiteral("total")].toDouble());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!follower.isFollowing(), 10000); // it stops once all finished
        QVERIFY(!looks.isEmpty());
        const FollowedRun& last = looks.last();
        QVERIFY2(last.finished(), qPrintable(last.error));
        QCOMPARE(last.count, 3);
        QCOMPARE(last.report.overall.total, sum);
        QCOMPARE(last.report.shards->merged, (QList<int> { 0, 1, 2 }));
        const auto live = std::find_if(looks.begin(), looks.end(),
            [](const FollowedRun& run) { return run.merged && run.countIn(ShardStatus::State::Running) > 0; });
        QVERIFY2(live != looks.end(), "no look saw a shard running");
        QVERIFY(live->report.overall.total > 0);
        QVERIFY(live->report.overall.total < sum);
        // The final file in the folder is the shard's report.
        QCOMPARE(readJson(QDir(folder).filePath(ShardFollower::fileName(1, 3)))
                     .value(QStringLiteral("overall"))[QStringLiteral("total")],
            readJson(files[1]).value(QStringLiteral("overall"))[QStringLiteral("total")]);

        const CliResult unwritable = runCli(base.mid(0, base.size() - 2)
            + QStringList { QStringLiteral("--checkpoint-dir"), QStringLiteral("/proc/stressdeck-no") });
        QCOMPARE(unwritable.exitCode, 2);
        QVERIFY2(unwritable.err.contains(QStringLiteral("--checkpoint-dir")), qPrintable(unwritable.err));
    }

    void k8sJobPrintsTheIndexedJob()
    {
        const CliResult r = runCli({ QStringLiteral("k8s-job"), QStringLiteral("--shards"), QStringLiteral("3"),
            QStringLiteral("--name"), QStringLiteral("sd-run-42"), QStringLiteral("--image"),
            QStringLiteral("registry.example/stressdeck:0.1.0"), QStringLiteral("--start-at"),
            QStringLiteral("2026-12-01T15:00:00Z"), QStringLiteral("--target"), QStringLiteral("http://api:8080"),
            QStringLiteral("--rate"), QStringLiteral("300"), QStringLiteral("-c"), QStringLiteral("100"),
            QStringLiteral("-d"), QStringLiteral("5m"), QStringLiteral("--cpu=4"), QStringLiteral("--memory"),
            QStringLiteral("4Gi") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile golden(QStringLiteral(STRESSDECK_TEST_DATA_DIR "/k8s-job.yaml"));
        QVERIFY(golden.open(QIODevice::ReadOnly));
        QCOMPARE(r.out, QString::fromUtf8(golden.readAll()));

        // Without --start-at the shards start a lead ahead of now.
        const CliResult lead = runCli({ QStringLiteral("k8s-job"), QStringLiteral("--shards"), QStringLiteral("2"),
            QStringLiteral("--lead"), QStringLiteral("10m") });
        QVERIFY2(lead.exitCode == 0, qPrintable(lead.err));
        const QString year = QString::number(QDateTime::currentDateTimeUtc().addSecs(600).date().year());
        QVERIFY2(lead.out.contains(QStringLiteral("\"--start-at\", \"") + year), qPrintable(lead.out));
        QVERIFY(lead.out.contains(QStringLiteral("completions: 2\n")));

        for (const QStringList& bad : { QStringList { QStringLiteral("--name"), QStringLiteral("Bad_Name") },
                 QStringList { QStringLiteral("--shards"), QStringLiteral("0") },
                 QStringList { QStringLiteral("--shards"), QStringLiteral("2"), QStringLiteral("--shard"),
                     QStringLiteral("0/2") },
                 QStringList { QStringLiteral("--shards"), QStringLiteral("2"), QStringLiteral("--start-at"),
                     QStringLiteral("soon") } }) {
            const CliResult refused = runCli(QStringList { QStringLiteral("k8s-job") } + bad);
            QCOMPARE(refused.exitCode, 2);
        }
    }

    void badShardOptionsAndMergesExitTwo()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QStringList base = common(server.url(), writeScenario(dir))
            + QStringList { QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-d"), QStringLiteral("1s") };
        for (const QStringList& bad : { QStringList { QStringLiteral("--shard"), QStringLiteral("2/2") },
                 QStringList { QStringLiteral("--start-at"), QStringLiteral("tomorrow") },
                 QStringList { QStringLiteral("--late-start"), QStringLiteral("maybe") } }) {
            const CliResult r = runCli(base + bad);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(bad.first()), qPrintable(r.err));
        }
        const CliResult badEnv = runCli(base + QStringList { QStringLiteral("--shard"), QStringLiteral("auto") },
            { { QStringLiteral("SLURM_PROCID"), QStringLiteral("5") },
                { QStringLiteral("SLURM_NTASKS"), QStringLiteral("2") } });
        QCOMPARE(badEnv.exitCode, 2);
        QVERIFY2(badEnv.err.contains(QStringLiteral("SLURM_PROCID")), qPrintable(badEnv.err));

        const QString plain = dir.filePath(QStringLiteral("plain.json"));
        QCOMPARE(runCli(base + QStringList { QStringLiteral("--json"), plain }).exitCode, 0);
        const QString shard0 = dir.filePath(QStringLiteral("shard0.json"));
        const CliResult s0 = runCli(
            base + QStringList { QStringLiteral("--shard"), QStringLiteral("0/2"), QStringLiteral("--json"), shard0 });
        QVERIFY2(s0.exitCode == 0, qPrintable(s0.err));

        const CliResult notShard = runCli({ QStringLiteral("merge"), shard0, plain });
        QCOMPARE(notShard.exitCode, 2);
        QVERIFY2(notShard.err.contains(plain) && notShard.err.contains(QStringLiteral("not a shard report")),
            qPrintable(notShard.err));
        const CliResult duplicate = runCli({ QStringLiteral("merge"), shard0, shard0 });
        QCOMPARE(duplicate.exitCode, 2);
        QVERIFY2(duplicate.err.contains(QStringLiteral("shard index 0")), qPrintable(duplicate.err));
        const CliResult missing = runCli({ QStringLiteral("merge"), shard0 });
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("missing shard index(es) 1 of 2")), qPrintable(missing.err));

        const QString partialFile = dir.filePath(QStringLiteral("partial.json"));
        const CliResult partial = runCli({ QStringLiteral("merge"), shard0, QStringLiteral("--allow-partial"),
            QStringLiteral("--json"), partialFile });
        QVERIFY2(partial.exitCode == 0 || partial.exitCode == 1, qPrintable(partial.err));
        QVERIFY(partial.out.contains(QStringLiteral("PARTIAL merge of 1 of 2 shards (missing: 1)")));
        const QJsonObject shards = readJson(partialFile).value(QStringLiteral("shards")).toObject();
        QCOMPARE(shards.value(QStringLiteral("partial")).toBool(), true);
        QCOMPARE(shards.value(QStringLiteral("missing")).toArray(), QJsonArray { 1 });
    }
};

QTEST_GUILESS_MAIN(TestShards)
#include "tst_shards.moc"
