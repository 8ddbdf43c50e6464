// SPDX-License-Identifier: MIT

#include "report.h"
#include "runhistory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Stressdeck;

namespace {

const QDateTime s_start(QDate(2026, 11, 27), QTime(9, 0, 0, 123), Qt::UTC);

//! Counters of `n` requests, every `failEvery`-th a failure, latencies `baseMs` + i·0.01 ms.
RequestCounters counters(int n, double baseMs, int failEvery = 0)
{
    RequestCounters c;
    for (int i = 0; i < n; ++i) {
        ++c.total;
        if (failEvery > 0 && i % failEvery == 0) {
            ++c.failure;
            ++c.errors[QStringLiteral("HTTP 503")];
            c.failureLatency.record(1'000'000LL);
        } else {
            ++c.success;
            c.successLatency.record(qint64((baseMs + i * 0.01) * 1e6));
        }
    }
    return c;
}

//! A finished run `minutes` after s_start whose chat latency starts at `chatMs`.
Report makeReport(int minutes, double chatMs, const QString& target = QStringLiteral("http://127.0.0.1:8080"),
    const QString& scenario = QStringLiteral("Archive-AI"), bool withVerify = true)
{
    Report r;
    r.toolVersion = QStringLiteral("0.1.0");
    r.startedAt = s_start.addSecs(60 * minutes);
    r.finishedAt = r.startedAt.addSecs(20);
    r.elapsedS = 20;
    r.config.target = QUrl(target);
    r.config.profile = QStringLiteral("quick");
    r.config.concurrency = 4 + minutes;
    r.scenarioName = scenario;
    r.stopReason = QStringLiteral("completed");
    const RequestCounters chat = counters(200, chatMs, 10);
    const RequestCounters verify = counters(100, 5);
    RequestCounters all = chat;
    if (withVerify) {
        all.total += verify.total;
        all.success += verify.success;
        all.successLatency.merge(verify.successLatency);
    }
    r.overall = StatsSummary::of({}, all, r.elapsedS);
    r.requestTypes = { StatsSummary::of(QStringLiteral("chat"), chat, r.elapsedS) };
    if (withVerify)
        r.requestTypes.append(StatsSummary::of(QStringLiteral("verify"), verify, r.elapsedS));
    r.passed = minutes % 2 == 0;
    return r;
}

QStringList startTimes(const QList<HistoryRun>& runs)
{
    QStringList times;
    for (const HistoryRun& r : runs)
        times.append(r.startedAt.toString(Qt::ISODateWithMs));
    return times;
}

QString iso(int minutes)
{
    return s_start.addSecs(60 * minutes).toString(Qt::ISODateWithMs);
}

} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // recordFinished() writes to the user's data folder: a throwaway one here.
        QStandardPaths::setTestModeEnabled(true);
        QDir(RunHistory::defaultFolder()).removeRecursively();
    }

    void cleanupTestCase() { QDir(RunHistory::defaultFolder()).removeRecursively(); }

    void recordsAndListsNewestFirst()
    {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        QVERIFY2(history.isOpen(), qPrintable(history.errorString()));
        QCOMPARE(history.schemaVersion(), 1);
        QVERIFY(history.runs().isEmpty());
        const Report second = makeReport(2, 120);
        QVERIFY2(history.record(makeReport(1, 100)), qPrintable(history.errorString()));
        QVERIFY(history.record(makeReport(3, 140), QStringLiteral("/tmp/saved.json"), { QStringLiteral("tuned") },
            QStringLiteral("pool 32")));
        QVERIFY(history.record(second));

        const QList<HistoryRun> runs = history.runs();
        QCOMPARE(startTimes(runs), (QStringList { iso(3), iso(2), iso(1) }));
        const HistoryRun& r = runs[1];
        QCOMPARE(r.scenario, QStringLiteral("Archive-AI"));
        QCOMPARE(r.target, QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(r.profile, QStringLiteral("quick"));
        QCOMPARE(r.loadModel, QStringLiteral("closed"));
        QCOMPARE(r.concurrency, 6);
        QCOMPARE(r.durationS, 20.0);
        QCOMPARE(r.passed, true);
        QCOMPARE(r.stopReason, QStringLiteral("completed"));
        QCOMPARE(r.overall.requests, 300);
        QCOMPARE(r.overall.throughputRps, second.overall.throughputRps);
        QCOMPARE(r.overall.p50Ms, second.overall.latency.p50);
        QCOMPARE(r.overall.p95Ms, second.overall.latency.p95);
        QCOMPARE(r.overall.p99Ms, second.overall.latency.p99);
        QCOMPARE(r.overall.errorPct, 100.0 * 20 / 300);
        QCOMPARE(r.requestTypes.size(), 2);
        QCOMPARE(r.requestTypes[0].name, QStringLiteral("chat"));
        QCOMPARE(r.requestTypes[0].p95Ms, second.requestTypes[0].latency.p95);
        QCOMPARE(r.requestTypes[0].errorPct, 10.0);
        QCOMPARE(r.requestTypes[1].name, QStringLiteral("verify"));
        QCOMPARE(r.requestTypes[1].errorPct, 0.0);
        QVERIFY(r.requestTypes[0].p95Ms > r.requestTypes[1].p95Ms);
        QVERIFY(r.tags.isEmpty());
        QCOMPARE(runs[0].tags, QStringList { QStringLiteral("tuned") });
        QCOMPARE(runs[0].note, QStringLiteral("pool 32"));
        QCOMPARE(runs[0].savedAs, QStringLiteral("/tmp/saved.json"));
        QCOMPARE(runs[0].passed, false);
    }

    void reportCopiesExistAndLoad()
    {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        const QList<Report> reports { makeReport(1, 100), makeReport(2, 110) };
        for (const Report& r : reports)
            QVERIFY(history.record(r));
        const QList<HistoryRun> runs = history.runs();
        QCOMPARE(runs.size(), 2);
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const Report& original = reports[runs.size() - 1 - i];
            QCOMPARE(
                QFileInfo(runs[i].reportFile).absolutePath(), QDir(dir.path()).filePath(QStringLiteral("reports")));
            QVERIFY2(QFileInfo(runs[i].reportFile).fileName().startsWith(QStringLiteral("20261127T09")),
                qPrintable(runs[i].reportFile));
            Report loaded;
            QString error;
            QVERIFY2(Report::load(runs[i].reportFile, &loaded, &error), qPrintable(error));
            QCOMPARE(loaded.startedAt, original.startedAt);
            QCOMPARE(loaded.toJsonBytes(), original.toJsonBytes());
        }
    }

    void recordingTheSameReportTwiceKeepsOneRun()
    {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        const Report r = makeReport(1, 100);
        QVERIFY(history.record(r));
        QVERIFY(history.record(r));
        QCOMPARE(history.runs().size(), 1);
        QCOMPARE(QDir(history.reportsFolder()).entryList({ QStringLiteral("*.json") }, QDir::Files).size(), 1);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("last");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("all") << QString() << QString() << 0 << QStringList { iso(4), iso(3), iso(2), iso(1) };
        QTest::addRow("target") << QStringLiteral("http://127.0.0.1:9090") << QString() << 0
                                << QStringList { iso(4), iso(2) };
        QTest::addRow("target with a slash")
            << QStringLiteral("http://127.0.0.1:9090/") << QString() << 0 << QStringList { iso(4), iso(2) };
        QTest::addRow("scenario") << QString() << QStringLiteral("other") << 0 << QStringList { iso(4), iso(3) };
        QTest::addRow("both") << QStringLiteral("http://127.0.0.1:9090") << QStringLiteral("other") << 0
                              << QStringList { iso(4) };
        QTest::addRow("last 2") << QString() << QString() << 2 << QStringList { iso(4), iso(3) };
        QTest::addRow("target, last 1") << QStringLiteral("http://127.0.0.1:8080") << QString() << 1
                                        << QStringList { iso(3) };
        QTest::addRow("no match") << QStringLiteral("http://example.org") << QString() << 0 << QStringList {};
    }

    void filters()
    {
        QFETCH(QString, target);
        QFETCH(QString, scenario);
        QFETCH(int, last);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        RunHistory history(dir.path());
        const QString a = QStringLiteral("http://127.0.0.1:8080");
        const QString b = QStringLiteral("http://127.0.0.1:9090");
        QVERIFY(history.record(makeReport(1, 100, a, QStringLiteral("Archive-AI"))));
        QVERIFY(history.record(makeReport(2, 100, b, QStringLiteral("Archive-AI"))));
        QVERIFY(history.record(makeReport(3, 100, a, QStringLiteral("other"))));
        QVERIFY(history.record(makeReport(4, 100, b, QStringLiteral("other"))));
        QCOMPARE(startTimes(history.runs({ target, scenario, last })), expected);
    }

    void metricSeriesPerType()
    {
        QTemporaryDir dir;
        RunHistory history(dir.path());
        QList<Report> reports;
        for (int i = 0; i < 5; ++i) {
            // Run 3 has no "verify": its series skips that run.
            reports.append(makeReport(
                i, 100 + 10 * i, QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("Archive-AI"), i != 3));
            QVERIFY(history.record(reports.last()));
        }
        const QList<HistoryPoint> chat = history.metricSeries(HistoryMetric::P95, QStringLiteral("chat"));
        QCOMPARE(chat.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(chat[i].startedAt, reports[i].startedAt); // oldest first
            QCOMPARE(chat[i].value, reports[i].requestTypes[0].latency.p95);
        }
        QVERIFY(chat[4].value > chat[0].value + 30);

        const QList<HistoryPoint> lastTwo
            = history.metricSeries(HistoryMetric::P99, QStringLiteral("chat"), { {}, {}, 2 });
        QCOMPARE(lastTwo.size(), 2);
        QCOMPARE(lastTwo[0].startedAt, reports[3].startedAt);
        QCOMPARE(lastTwo[1].value, reports[4].requestTypes[0].latency.p99);

        const QList<HistoryPoint> verify = history.metricSeries(HistoryMetric::P95, QStringLiteral("verify"));
        QCOMPARE(verify.size(), 4);
        QCOMPARE(verify[3].startedAt, reports[4].startedAt);
        QCOMPARE(verify[2].startedAt, reports[2].startedAt);

        const QList<HistoryPoint> errors = history.metricSeries(HistoryMetric::ErrorRate, QStringLiteral("chat"));
        QCOMPARE(errors[0].value, 10.0);
        const QList<HistoryPoint> overall = history.metricSeries(HistoryMetric::Throughput, QStringLiteral("all"));
        QCOMPARE(overall.size(), 5);
        QCOMPARE(overall[3].value, reports[3].overall.throughputRps);
        QCOMPARE(overall[4].value, reports[4].overall.throughputRps);
        QVERIFY(overall[3].value != overall[4].value);
        QVERIFY(history.metricSeries(HistoryMetric::P95, QStringLiteral("nope")).isEmpty());
    }

    void metricIds()
    {
        for (const auto m : { HistoryMetric::P50, HistoryMetric::P95, HistoryMetric::P99, HistoryMetric::Throughput,
                 HistoryMetric::ErrorRate })
            QCOMPARE(historyMetricFromId(historyMetricId(m)), std::optional<HistoryMetric>(m));
        QCOMPARE(historyMetricId(HistoryMetric::ErrorRate), QStringLiteral("error_rate"));
        QVERIFY(!historyMetricFromId(QStringLiteral("p42")));
    }

    void damagedDatabaseIsRebuiltFromTheReports_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addRow("garbage") << QStringLiteral("garbage");
        QTest::addRow("damaged page") << QStringLiteral("page");
        QTest::addRow("missing") << QStringLiteral("missing");
    }

    void damagedDatabaseIsRebuiltFromTheReports()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        QStringList before;
        QString databaseFile;
        {
            RunHistory history(dir.path());
            for (int i = 0; i < 6; ++i)
                QVERIFY(history.record(
                    makeReport(i, 100 + i), {}, i == 2 ? QStringList { QStringLiteral("baseline") } : QStringList {}));
            before = startTimes(history.runs());
            databaseFile = history.databaseFile();
        }
        QCOMPARE(before.size(), 6);
        QFile file(databaseFile);
        if (damage == QLatin1String("missing")) {
            QVERIFY(file.remove());
        } else {
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() >= 8192);
            const QByteArray junk = QByteArray("not a database, just bytes ").repeated(200);
            if (damage == QLatin1String("page"))
                QVERIFY(file.seek(4096)); // keep SQLite's header: the open succeeds, the check fails
            else
                QVERIFY(file.resize(0));
            file.write(junk.left(4096));
            file.close();
        }

        RunHistory history(dir.path());
        QVERIFY2(history.isOpen(), qPrintable(history.errorString()));
        QCOMPARE(history.restoredRuns(), 6);
        QCOMPARE(startTimes(history.runs()), before);
        const QList<HistoryRun> runs = history.runs();
        QCOMPARE(runs[3].tags, QStringList { QStringLiteral("baseline") });
        QCOMPARE(runs[0].requestTypes.size(), 2);
        if (damage == QLatin1String("missing")) {
            QVERIFY(history.movedAside().isEmpty());
        } else {
            QVERIFY(history.movedAside().startsWith(databaseFile + QStringLiteral(".corrupt-")));
            QVERIFY(QFile::exists(history.movedAside()));
        }
        // Rebuilt once: the next instance opens it as it is.
        RunHistory again(dir.path());
        QCOMPARE(again.restoredRuns(), 0);
        QVERIFY(again.movedAside().isEmpty());
        QCOMPARE(again.runs().size(), 6);
    }

    void olderSchemaMigrates()
    {
        QTemporaryDir dir;
        {
            RunHistory v1(dir.path());
            QVERIFY(v1.record(makeReport(1, 100)));
            QCOMPARE(v1.schemaVersion(), 1);
        }
        QList<RunHistory::Migration> steps = RunHistory::migrations();
        steps.append({ 2, { QStringLiteral("ALTER TABLE runs ADD COLUMN build TEXT NOT NULL DEFAULT 'unknown'") } });
        {
            RunHistory v2(dir.path(), steps);
            QVERIFY2(v2.isOpen(), qPrintable(v2.errorString()));
            QCOMPARE(v2.schemaVersion(), 2);
            QCOMPARE(v2.restoredRuns(), 0); // migrated, not rebuilt
            QVERIFY(v2.movedAside().isEmpty());
            QCOMPARE(v2.runs().size(), 1);
            QVERIFY(v2.record(makeReport(2, 100)));
            QCOMPARE(v2.runs().size(), 2);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(QDir(dir.path()).filePath(QStringLiteral("history.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT build FROM runs ORDER BY id")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("unknown"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));

        // This build knows only version 1: a newer database is left alone, not rebuilt.
        RunHistory older(dir.path());
        QVERIFY(!older.isOpen());
        QVERIFY2(older.errorString().contains(QStringLiteral("newer")), qPrintable(older.errorString()));
        QVERIFY(!older.record(makeReport(3, 100)));
        RunHistory v2again(dir.path(), steps);
        QCOMPARE(v2again.runs().size(), 2);
    }

    void twoInstancesShareAFolder()
    {
        QTemporaryDir dir;
        RunHistory a(dir.path());
        RunHistory b(dir.path());
        QVERIFY(a.isOpen());
        QVERIFY(b.isOpen());
        QVERIFY(a.record(makeReport(1, 100)));
        QVERIFY(b.record(makeReport(2, 100)));
        QCOMPARE(startTimes(a.runs()), (QStringList { iso(2), iso(1) }));
        QCOMPARE(startTimes(b.runs()), (QStringList { iso(2), iso(1) }));
    }

    void instancesOnThreads()
    {
        QTemporaryDir dir;
        const QString folder = dir.path();
        std::atomic<int> failures = 0;
        auto work = [&](int first) {
            RunHistory history(folder);
            for (int i = first; i < first + 5; ++i) {
                if (!history.record(makeReport(i, 100)))
                    ++failures;
            }
        };
        std::thread one(work, 0);
        std::thread two(work, 10);
        one.join();
        two.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(RunHistory(folder).runs().size(), 10);
    }

    void unavailableRunsAreNotRecorded()
    {
        Report r = makeReport(1, 100);
        QVERIFY(RunHistory::isRecordable(r));
        r.stopReason = QStringLiteral("unavailable");
        QVERIFY(!RunHistory::isRecordable(r));
        QVERIFY(RunHistory::recordFinished(r));
        QVERIFY(RunHistory().runs().isEmpty());
    }

    void recordFinishedUsesTheDataFolder()
    {
        QVERIFY(RunHistory::defaultFolder().contains(QStringLiteral(".qttest")));
        QString error;
        QVERIFY2(
            RunHistory::recordFinished(makeReport(7, 100), QStringLiteral("/tmp/x.json"), &error), qPrintable(error));
        const QList<HistoryRun> runs = RunHistory().runs();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].startedAt.toString(Qt::ISODateWithMs), iso(7));
        QVERIFY(runs[0].reportFile.startsWith(RunHistory::defaultFolder()));
    }

    void unwritableFolderFails()
    {
        RunHistory history(QStringLiteral("/proc/no-such-place"));
        QVERIFY(!history.isOpen());
        QVERIFY(!history.errorString().isEmpty());
        QVERIFY(!history.record(makeReport(1, 100)));
        QVERIFY(history.runs().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
