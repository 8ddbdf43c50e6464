// SPDX-License-Identifier: MIT

#include "loadrunner.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <functional>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

Q_DECLARE_METATYPE(Stressdeck::Transport)

namespace {

RequestType get(const char* name, const char* path)
{
    RequestType t;
    t.name = QLatin1String(name);
    t.path = QLatin1String(path);
    return t;
}

Scenario scenarioOf(std::initializer_list<RequestType> types)
{
    Scenario s;
    s.name = QStringLiteral("test");
    s.requestTypes = types;
    return s;
}

RunConfig config(const QString& target, int users, double seconds)
{
    QFETCH_GLOBAL(Transport, transport);
    QFETCH_GLOBAL(int, threads);
    RunConfig c;
    c.transport = transport;
    c.threads = threads;
    c.target = QUrl(target);
    c.concurrency = users;
    c.durationS = seconds;
    c.timeoutS = 5;
    c.thinkMinMs = c.thinkMaxMs = 0;
    c.sampleIntervalS = 1;
    c.healthCheck = false;
    c.seed = 99;
    return c;
}

const StatsSummary& typeNamed(const Report& r, const char* name)
{
    for (const StatsSummary& s : r.requestTypes) {
        if (s.name == QLatin1String(name))
            return s;
    }
    qFatal("no request type %s", name);
}

//! Threads of this process named like the engine's ("stressdeck-engine…", cut to 15 bytes).
int engineThreadCount()
{
    int count = 0;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("stressdeck-engi"))
            ++count;
    }
    return count;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every test runs over both transports, on one engine thread and on three: they must
    // agree on outcomes and statistics.
    void initTestCase_data()
    {
        // STRESSDECK_ENGINE_THREADS=1 or 3 picks one half (ctest runs the halves side by side).
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<int>("threads");
        const QByteArray only = qgetenv("STRESSDECK_ENGINE_THREADS");
        if (only.isEmpty() || only == "1") {
            QTest::addRow("qnam") << Transport::Qnam << 1;
            QTest::addRow("fast") << Transport::Fast << 1;
        }
        if (only.isEmpty() || only == "3") {
            QTest::addRow("qnam, 3 threads") << Transport::Qnam << 3;
            QTest::addRow("fast, 3 threads") << Transport::Fast << 3;
        }
    }

    void usersAreSpreadOverEngineThreads()
    {
        QFETCH_GLOBAL(int, threads);
        TestServerThread server;
        int seen = 0;
        const Run run = runToEnd(
            config(server.url(), 7, 1.5), scenarioOf({ get("slow", "/delay/50") }),
            [&seen](LoadRunner&) { seen = engineThreadCount(); }, 700);
        QCOMPARE(seen, threads); // the engine's own thread is worker 0's
        QCOMPARE(run.report.config.threads, threads);
        QCOMPARE(server.server()->maxPending.load(), 7);
        QTRY_COMPARE(engineThreadCount(), 0); // every thread ends with the run
    }

    void classifiesEveryOutcome()
    {
        TestServerThread server;
        RunConfig c = config(server.url(), 4, 2);
        c.timeoutS = 0.3;
        const Run run = runToEnd(c,
            scenarioOf({ get("ok", "/delay/1"), get("unavailable", "/status/503"), get("hang", "/hang"),
                get("reset", "/reset"), get("missing", "/nowhere") }));
        const Report& r = run.report;
        QVERIFY(typeNamed(r, "ok").success > 0);
        QVERIFY2(typeNamed(r, "ok").failure == 0, qPrintable(errorNames(typeNamed(r, "ok").errors)));
        QCOMPARE(
            typeNamed(r, "unavailable").errors.value(QStringLiteral("HTTP 503")), typeNamed(r, "unavailable").total);
        QCOMPARE(typeNamed(r, "missing").errors.value(QStringLiteral("HTTP 404")), typeNamed(r, "missing").total);
        const StatsSummary& hang = typeNamed(r, "hang");
        QVERIFY(hang.total > 0);
        QCOMPARE(hang.timeouts, hang.total);
        QCOMPARE(hang.errors.value(QStringLiteral("Timeout")), hang.total);
        QVERIFY(hang.failureHistogram.minNs() >= 290'000'000); // timeouts keep their latency
        const StatsSummary& reset = typeNamed(r, "reset");
        QVERIFY(reset.total > 0);
        QCOMPARE(reset.errors.value(QStringLiteral("Connection reset")), reset.total);
        QCOMPARE(r.overall.total, r.overall.success + r.overall.failure);
        QCOMPARE(r.stuckRequests, 0);
    }

    void runnerDestroyedMidRunEndsCleanly()
    {
        // Repeated: a wind-down once missed an aborted reply about one time in twenty.
        for (int round = 0; round < 8; ++round) {
            TestServerThread server;
            RunConfig c = config(server.url(), 9, 60);
            c.timeoutS = 60;
            Scenario s = scenarioOf({ get("hang", "/hang"), get("ok", "/delay/5") });
            QElapsedTimer wall;
            {
                LoadRunner runner;
                QString error;
                QVERIFY2(runner.start(c, s, &error), qPrintable(error));
                QTRY_VERIFY(server.server()->maxPending.load() >= 3);
                wall.start();
            } // the window closed mid-run: no crash, no thread or request left behind
            QVERIFY2(wall.elapsed() < 10000, qPrintable(QStringLiteral("round %1").arg(round)));
            QTRY_COMPARE(engineThreadCount(), 0);
        }
    }

    void keepAliveConnectionsAreReused()
    {
        TestServerThread server;
        const Run run = runToEnd(config(server.url(), 5, 1.5), scenarioOf({ get("fast", "/delay/1") }));
        QVERIFY(run.report.overall.success > 200);
        QVERIFY2(server.server()->connectionsAccepted() <= 5,
            qPrintable(QString::number(server.server()->connectionsAccepted())));
    }

    void untrustedCertificateIsATlsError()
    {
        TestServerThread server(TestServerThread::Tls::SelfSigned);
        const Run run = runToEnd(config(server.url(), 1, 1), scenarioOf({ get("secure", "/health") }));
        QVERIFY(run.report.overall.total > 0);
        QCOMPARE(run.report.overall.errors.value(QStringLiteral("TLS error")), run.report.overall.total);
    }

    void insecureAcceptsASelfSignedCertificate()
    {
        TestServerThread server(TestServerThread::Tls::SelfSigned);
        RunConfig c = config(server.url(), 2, 1);
        c.insecure = true;
        const Run run = runToEnd(c, scenarioOf({ get("secure", "/delay/1") }));
        QVERIFY(run.report.overall.success > 0);
        QCOMPARE(run.report.overall.failure, 0);
        QVERIFY(run.report.config.insecure);
    }

    void credentialsAreSentButNeverShown()
    {
        TestServerThread server;
        qputenv("STRESSDECK_TEST_TOKEN", "s3cr3t-t0ken");
        RequestType t = get("secure", "/delay/1");
        t.headers = { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ${STRESSDECK_TEST_TOKEN}") },
            { QByteArrayLiteral("X-Api-Key"), QByteArrayLiteral("literal-key") },
            { QByteArrayLiteral("X-Trace"), QByteArrayLiteral("visible") } };
        const Run run = runToEnd(config(server.url(), 2, 1), scenarioOf({ t }));
        QCOMPARE(server.server()->lastAuthorization(), QByteArray("Bearer s3cr3t-t0ken"));
        const QByteArray json = run.report.toJsonBytes();
        QVERIFY(!json.contains("s3cr3t"));
        QVERIFY(!json.contains("literal-key"));
        QVERIFY(json.contains("visible"));
        QCOMPARE(run.report.requestTypes[0].headers[0].second, QStringLiteral("***"));
        QCOMPARE(run.report.requestTypes[0].headers[1].second, QStringLiteral("***"));

        qunsetenv("STRESSDECK_TEST_TOKEN");
        LoadRunner runner;
        QString error;
        QVERIFY(!runner.start(config(server.url(), 1, 1), scenarioOf({ t }), &error));
        QVERIFY2(
            error.contains(QLatin1String("STRESSDECK_TEST_TOKEN")) && error.contains(QLatin1String("Authorization")),
            qPrintable(error));
    }

    void refusedConnectionsBackOff()
    {
        const Run run = runToEnd(
            config(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()), 2, 1.5), scenarioOf({ get("x", "/") }));
        const Report& r = run.report;
        QVERIFY(r.overall.total > 0);
        QCOMPARE(r.overall.errors.value(QStringLiteral("Connection refused")), r.overall.total);
        // Without back-off two users would fail thousands of times a second.
        QVERIFY2(r.overall.total < 150, qPrintable(QString::number(r.overall.total)));
    }

    void unavailableTargetIsReported()
    {
        RunConfig c = config(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()), 2, 5);
        c.healthCheck = true;
        const Run run = runToEnd(c, scenarioOf({ get("x", "/") }));
        QVERIFY(run.unavailable);
        QCOMPARE(run.report.stopReason, QStringLiteral("unavailable"));
        QCOMPARE(run.report.overall.total, 0);
        QVERIFY(run.wallMs < 5000);
    }

    void percentilesOfAKnownMix()
    {
        TestServerThread server;
        const Run run = runToEnd(config(server.url(), 10, 4), scenarioOf({ get("mix", "/mix") }));
        const LatencySummary& l = run.report.overall.latency;
        QVERIFY(run.report.overall.success > 100);
        QVERIFY2(l.p50 >= 9.5 && l.p50 < 30, qPrintable(QString::number(l.p50)));
        QVERIFY2(l.p99 >= 195 && l.p99 < 320, qPrintable(QString::number(l.p99)));
        QVERIFY(l.min >= 9.5);
    }

    void usersAreReallyConcurrent()
    {
        TestServerThread server;
        const Run run = runToEnd(config(server.url(), 30, 2), scenarioOf({ get("slow", "/delay/500") }));
        QCOMPARE(server.server()->maxPending.load(), 30);
        QVERIFY(run.report.overall.success >= 30);
        QVERIFY(run.report.overall.latency.p50 < 1000); // no queueing inside the client
    }

    void concurrencyChangesWhileRunning()
    {
        TestServerThread server;
        const Run run = runToEnd(
            config(server.url(), 2, 2.5), scenarioOf({ get("slow", "/delay/100") }),
            [](LoadRunner& runner) { runner.setConcurrency(12); }, 700);
        QCOMPARE(server.server()->maxPending.load(), 12);
        QCOMPARE(run.report.loadChanges.size(), 2);
        QCOMPARE(run.report.loadChanges[1].concurrency, 12);
        QVERIFY(run.report.loadChanges[1].tS > 0.3);
    }

    void openModelKeepsItsSchedule()
    {
        TestServerThread server;
        RunConfig c = config(server.url(), 20, 3);
        c.loadModel = LoadModel::Open;
        c.rateRps = 40;
        qint64 liveSent = 0; // what the window shows while the run goes on
        const Run run = runToEnd(
            c, scenarioOf({ get("fast", "/delay/5") }),
            [&liveSent](LoadRunner& runner) {
                QObject::connect(&runner, &LoadRunner::snapshotReady, &runner,
                    [&liveSent](const LiveSnapshot& s) { liveSent = std::max(liveSent, s.schedule.scheduled); });
            },
            300);
        const Report& r = run.report;
        QVERIFY2(r.schedule.scheduled >= 100 && r.schedule.scheduled <= 125,
            qPrintable(QString::number(r.schedule.scheduled)));
        QVERIFY2(liveSent >= 60 && liveSent <= r.schedule.scheduled, qPrintable(QString::number(liveSent)));
        QCOMPARE(r.overall.total, r.schedule.scheduled);
        QCOMPARE(qint64(server.server()->received.load()), r.overall.total);
    }

    void closedStagesSetTheUsers()
    {
        // 0→4 users over 2 s, 4 for 2 s, 4→0 over 1 s, no think time, 50 ms a request: a user has
        // a request in flight nearly all the time, so in-flight and throughput follow the users.
        TestServerThread server;
        RunConfig c = config(server.url(), 1, 1);
        QString error;
        const auto shape = Stages::parse(QStringLiteral("2s:4,2s:4,1s:0"), Stages::Unit::Users, &error);
        QVERIFY2(shape, qPrintable(error));
        c.setStages(*shape);
        QCOMPARE(c.durationS, 5.0);
        qint64 mostInFlight = 0;
        const Run run = runToEnd(
            c, scenarioOf({ get("slow", "/delay/50") }),
            [&mostInFlight](LoadRunner& runner) {
                QObject::connect(&runner, &LoadRunner::snapshotReady, &runner,
                    [&mostInFlight](const LiveSnapshot& s) { mostInFlight = std::max(mostInFlight, s.inFlight); });
            },
            100);
        const Report& r = run.report;
        QVERIFY2(mostInFlight >= 3 && mostInFlight <= 4, qPrintable(QString::number(mostInFlight)));
        QVERIFY2(r.timeline.size() >= 5, qPrintable(QString::number(r.timeline.size())));
        auto inFlightAt = [&r](double tS) {
            for (const TimelineRow& row : r.timeline) {
                if (std::abs(row.tS - tS) < 0.01)
                    return row.inFlight;
            }
            return qint64(-1);
        };
        QVERIFY2(inFlightAt(1) >= 1 && inFlightAt(1) <= 3, qPrintable(QString::number(inFlightAt(1))));
        QVERIFY2(inFlightAt(3) >= 2 && inFlightAt(3) <= 4, qPrintable(QString::number(inFlightAt(3))));
        for (const TimelineRow& row : r.timeline)
            QVERIFY2(row.inFlight <= 4, qPrintable(QString::number(row.inFlight)));

        // One marker per stage boundary, not one per user added.
        QCOMPARE(r.loadChanges.size(), 3);
        QCOMPARE(r.loadChanges[0], (LoadChange { 0, 0, 0 }));
        QCOMPARE(r.loadChanges[1], (LoadChange { 2, 4, 0 }));
        QCOMPARE(r.loadChanges[2], (LoadChange { 4, 4, 0 }));

        // Average users per stage 1.5, 4 and 1.5 (users step up at 0.5 s, 1 s, …): the hold has
        // about 2.7 times the ramp's requests and 5.3 times those of the 1 s ramp-down.
        QCOMPARE(r.stages.size(), 3);
        const qint64 up = r.stages[0].stats.total, hold = r.stages[1].stats.total, down = r.stages[2].stats.total;
        const QByteArray counts
            = QByteArray::number(up) + ' ' + QByteArray::number(hold) + ' ' + QByteArray::number(down);
        QVERIFY2(up > 0 && down > 0 && hold > 60, counts.constData());
        QVERIFY2(double(hold) > 1.7 * double(up) && double(hold) > 2.5 * double(down), counts.constData());
        QCOMPARE(up + hold + down, r.overall.total);
        QCOMPARE(r.stages[1].startS, 2.0);
        QCOMPARE(r.stages[1].target, 4.0);
        QCOMPARE(r.config.stages, *shape);
        QVERIFY2(run.wallMs < 5000 + 2500, qPrintable(QString::number(run.wallMs)));
    }

    void openStagesFollowTheRate()
    {
        // 0→20 req/s over 2 s, then 20 req/s for 3 s: ∫ = 20 + 60 = 80 requests, due at the times
        // where the integral reaches 1, 2, …, per second 5, 15, 20, 20, 20.
        TestServerThread server;
        RunConfig c = config(server.url(), 10, 1);
        QString error;
        const auto shape = Stages::parse(QStringLiteral("2s:20,3s:20"), Stages::Unit::Rate, &error);
        QVERIFY2(shape, qPrintable(error));
        c.setStages(*shape);
        QCOMPARE(c.loadModel, LoadModel::Open);
        double liveRate = -1;
        const Run run = runToEnd(
            c, scenarioOf({ get("fast", "/delay/5") }),
            [&liveRate](LoadRunner& runner) {
                QObject::connect(&runner, &LoadRunner::snapshotReady, &runner,
                    [&liveRate](const LiveSnapshot& s) { liveRate = std::max(liveRate, s.rateRps); });
                runner.setRate(500); // ignored: the stages set the rate
            },
            1000);
        const Report& r = run.report;
        // Arrival 80 is due at exactly 5 s, the end of the run: it may or may not go out.
        QVERIFY2(r.schedule.scheduled >= 77 && r.schedule.scheduled <= 80,
            qPrintable(QString::number(r.schedule.scheduled)));
        QCOMPARE(r.overall.total, r.schedule.scheduled);
        QCOMPARE(qint64(server.server()->received.load()), r.overall.total);
        QVERIFY2(liveRate > 15 && liveRate <= 20, qPrintable(QString::number(liveRate)));
        // Per second (by completion, a few ms after the due time), within 4 of the integral.
        const double expected[] = { 5, 15, 20, 20, 20 };
        QVERIFY2(r.timeline.size() >= 5, qPrintable(QString::number(r.timeline.size())));
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(double(r.timeline[i].all.requests) - expected[i]) <= 4,
                qPrintable(QStringLiteral("second %1: %2").arg(i + 1).arg(r.timeline[i].all.requests)));
        QCOMPARE(r.loadChanges.size(), 2);
        QCOMPARE(r.loadChanges[1].tS, 2.0);
        QCOMPARE(r.loadChanges[1].rateRps, 20.0);

        // Each request in the stage of its scheduled time: the ramp holds arrivals 1…19, and 20,
        // due at its very end (2 s), belongs to whichever side of it the rounding puts it.
        QCOMPARE(r.stages.size(), 2);
        QVERIFY2(r.stages[0].stats.total >= 19 && r.stages[0].stats.total <= 20,
            qPrintable(QString::number(r.stages[0].stats.total)));
        QCOMPARE(r.stages[0].stats.total + r.stages[1].stats.total, r.overall.total);
        QCOMPARE(r.stages[0].stats.success + r.stages[1].stats.success, r.overall.success);
        QCOMPARE(r.stages[0].stats.failure + r.stages[1].stats.failure, r.overall.failure);
        QCOMPARE(
            r.stages[0].stats.histogram.count() + r.stages[1].stats.histogram.count(), r.overall.histogram.count());
        QVERIFY2(std::abs(r.stages[1].stats.throughputRps - 20) < 1.5,
            qPrintable(QString::number(r.stages[1].stats.throughputRps)));
    }

    void openModelCountsWaitingAsLatency()
    {
        // 20 req/s offered, at most 2 in flight of 200 ms: the service can do 10 req/s, so
        // requests fall ever further behind schedule and that wait is part of their latency.
        TestServerThread server;
        RunConfig c = config(server.url(), 2, 3);
        c.loadModel = LoadModel::Open;
        c.rateRps = 20;
        const Run run = runToEnd(c, scenarioOf({ get("slow", "/delay/200") }));
        const Report& r = run.report;
        QVERIFY(r.schedule.late > 0);
        QVERIFY2(r.overall.latency.p99 > 600, qPrintable(QString::number(r.overall.latency.p99)));
        QVERIFY(r.overall.latency.min >= 195);
    }

    void timeoutsAndTheRunEndsOnTime()
    {
        TestServerThread server;
        RunConfig c = config(server.url(), 3, 2);
        c.timeoutS = 0.5;
        const Run run = runToEnd(c, scenarioOf({ get("hang", "/hang") }));
        QVERIFY(run.report.overall.timeouts >= 3);
        QCOMPARE(run.report.overall.timeouts, run.report.overall.total);
        QCOMPARE(run.report.stuckRequests, 0);
        QVERIFY2(run.wallMs < 2000 + 500 + 3000, qPrintable(QString::number(run.wallMs)));
        const auto& bottlenecks = run.report.bottlenecks;
        QVERIFY(std::any_of(bottlenecks.begin(), bottlenecks.end(),
            [](const Bottleneck& b) { return b.kind == QLatin1String("timeout_rate"); }));
    }

    void stopMidRunKeepsTheResults()
    {
        TestServerThread server;
        const Run run = runToEnd(
            config(server.url(), 5, 30), scenarioOf({ get("fast", "/delay/10") }),
            [](LoadRunner& runner) { runner.stop(); }, 1000);
        const Report& r = run.report;
        QCOMPARE(r.stopReason, QStringLiteral("stopped"));
        QVERIFY(run.wallMs < 6000);
        QVERIFY(r.overall.success > 50);
        QCOMPARE(r.overall.failure, 0);
        QVERIFY(!r.timeline.isEmpty());
        qint64 sum = 0;
        for (const TimelineRow& row : r.timeline)
            sum += row.all.requests;
        QCOMPARE(sum, r.overall.total);
        QVERIFY(!r.system.samples.isEmpty());
    }

    void requestsStillInFlightAreStuckNotDropped()
    {
        TestServerThread server;
        RunConfig c = config(server.url(), 3, 30);
        c.timeoutS = 30;
        const Run run = runToEnd(
            c, scenarioOf({ get("hang", "/hang") }), [](LoadRunner& runner) { runner.stopNow(); }, 700);
        const Report& r = run.report;
        QCOMPARE(r.stuckRequests, 3);
        QCOMPARE(r.overall.errors.value(QStringLiteral("Stuck")), 3);
        QCOMPARE(r.overall.total, 3);
        QVERIFY(run.wallMs < 5000);
        QCOMPARE(r.criteria.first().id, QStringLiteral("no_deadlocks"));
        QVERIFY(!r.criteria.first().passed);
    }

    void timelineEndsWithTheRunAndLosesNothing()
    {
        // Ends just past a second: the sliver of a second joins the row before it.
        TestServerThread server;
        const Run run = runToEnd(config(server.url(), 5, 1.04), scenarioOf({ get("fast", "/delay/10") }));
        const Report& r = run.report;
        QVERIFY(!r.timeline.isEmpty());
        qint64 sum = 0;
        double previousEnd = 0;
        for (const TimelineRow& row : r.timeline) {
            sum += row.all.requests;
            QVERIFY2(row.tS - previousEnd >= 0.1, qPrintable(QString::number(row.tS - previousEnd)));
            previousEnd = row.tS;
        }
        QCOMPARE(sum, r.overall.total);
        QVERIFY2(std::abs(r.timeline.last().tS - r.elapsedS) < 0.05,
            qPrintable(QStringLiteral("%1 vs %2").arg(r.timeline.last().tS).arg(r.elapsedS)));
    }

    void timelineHasOneRowPerSecond()
    {
        TestServerThread server;
        const Run run
            = runToEnd(config(server.url(), 3, 3), scenarioOf({ get("a", "/delay/20"), get("b", "/delay/5") }));
        const Report& r = run.report;
        QVERIFY2(r.timeline.size() >= 3 && r.timeline.size() <= 5, qPrintable(QString::number(r.timeline.size())));
        QCOMPARE(r.timeline[0].tS, 1.0);
        QCOMPARE(r.timeline[1].tS, 2.0);
        qint64 sum = 0;
        for (const TimelineRow& row : r.timeline) {
            sum += row.all.requests;
            QCOMPARE(row.byType.size(), 2);
            QCOMPARE(row.byType.value(QStringLiteral("a")).requests + row.byType.value(QStringLiteral("b")).requests,
                row.all.requests);
        }
        QCOMPARE(sum, r.overall.total);
        QVERIFY(r.timeline[1].all.p50 >= 5);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
