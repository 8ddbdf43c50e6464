// SPDX-License-Identifier: MIT

#include "checkpointfile.h"
#include "loadrunner.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace Stressdeck;
using Stressdeck::Testing::TestServerThread;

namespace {

const QStringList Types { QStringLiteral("chat"), QStringLiteral("memory_search"), QStringLiteral("agent") };

//! The report of a run after `seconds`, as the engine builds it at a checkpoint: every second
//! and window so far (the same ones at every checkpoint, so each report continues the one
//! before), a sample every five seconds, and figures whose histograms saw a busy run (so the
//! part of the report that does not grow has grown to its size already). A shard's report has
//! its per-second histograms too, up to the second under way.
Report runAfter(int seconds, bool shard)
{
    Report r;
    r.toolVersion = QStringLiteral("0.2.0");
    r.startedAt = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
    r.finishedAt = r.startedAt.addSecs(seconds);
    r.elapsedS = seconds + 0.4;
    r.stopReason = QStringLiteral("checkpoint");
    r.scenarioName = QStringLiteral("Archive-AI");
    r.config.target = QUrl(QStringLiteral("http://127.0.0.1:8080"));
    std::mt19937_64 figures(7);
    std::lognormal_distribution<double> latency(std::log(20e6), 0.5);
    RequestCounters all;
    for (const QString& name : Types) {
        RequestCounters c;
        for (int i = 0; i < 20000 + seconds * 10; ++i) {
            ++c.total;
            ++c.success;
            c.successLatency.record(std::int64_t(latency(figures)));
        }
        r.requestTypes.append(StatsSummary::of(name, c, r.elapsedS));
        all.total += c.total;
        all.success += c.success;
        all.successLatency.merge(c.successLatency);
    }
    r.overall = StatsSummary::of({}, all, r.elapsedS);
    if (shard) {
        r.shard = ShardInfo {};
        r.shard->originUnixS = 1764666000;
        r.histograms = ShardHistograms {};
    }
    for (int t = 1; t <= seconds; ++t) {
        std::mt19937_64 rng(t); // each second the same at every checkpoint
        TimelineRow row;
        row.tS = t;
        row.rps = 0;
        for (const QString& name : Types) {
            IntervalFigures f;
            f.requests = f.successes = 40 + qint64(rng() % 20);
            f.p50 = nsToMs(std::int64_t(latency(rng)));
            f.p95 = 2 * f.p50;
            f.p99 = 3 * f.p50;
            row.byType.insert(name, f);
            row.all.requests += f.requests;
            row.all.successes += f.successes;
            row.all.p95 = f.p95;
            if (shard) {
                SecondFigures& s = r.histograms->seconds[t - 1][name];
                s.requests = s.successes = f.requests;
                for (qint64 k = 0; k < f.requests; ++k)
                    s.latency.record(std::int64_t(latency(rng)));
            }
        }
        row.rps = double(row.all.requests);
        row.inFlight = qint64(rng() % 9);
        r.timeline.append(row);
        if (t % LatencyWindow::WindowS == 0) {
            LatencyWindow w;
            w.tS = t;
            w.lengthS = LatencyWindow::WindowS;
            for (int k = 0; k < 200; ++k)
                w.all.latency.record(std::int64_t(latency(rng)));
            w.all.requests = w.all.latency.count();
            w.byType.insert(Types[0], w.all);
            r.latencyWindows.append(w);
            r.system.samples.append({ double(t), double(rng() % 100) / 4, 100 + double(t) / 1024, 0.5 });
        }
    }
    if (shard) { // the second under way, which still gets requests
        SecondFigures& under = r.histograms->seconds[seconds][Types[0]];
        under = SecondFigures {};
        under.requests = under.successes = 1;
        under.latency.record(5'000'000);
    }
    return r;
}

//! What a report is once written and read back (its percentiles at the precision it keeps).
Report asSaved(const Report& r)
{
    Report back;
    QString error;
    if (!Report::fromJson(r.toJsonBytes(), QStringLiteral("r.json"), &back, &error))
        qFatal("%s", qPrintable(error));
    return back;
}

Report loaded(const QString& file)
{
    Report r;
    QString error;
    if (!Report::load(file, &r, &error))
        qFatal("%s", qPrintable(error));
    return r;
}

} // namespace

class TestCheckpointFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loadsAsTheReportAfterEveryCheckpoint_data()
    {
        QTest::addColumn<bool>("shard");
        QTest::addRow("one process") << false;
        QTest::addRow("a shard") << true;
    }

    void loadsAsTheReportAfterEveryCheckpoint()
    {
        QFETCH(bool, shard);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run-1.json"));
        CheckpointFile checkpoints(file);
        for (int k = 1; k <= 12; ++k) {
            const Report r = runAfter(30 * k, shard);
            QString error;
            QVERIFY2(checkpoints.write(r, &error), qPrintable(error));
            QVERIFY2(loaded(file) == asSaved(r), qPrintable(QStringLiteral("checkpoint %1").arg(k)));
        }
        // What grows is in the journal, a line per checkpoint; the file holds the rest.
        QFile journal(CheckpointFile::journalFileName(file));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        QCOMPARE(journal.readAll().count('\n'), 12);
        Report head;
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY2(Report::fromJson(f.readAll(), file, &head, &error), qPrintable(error));
        QVERIFY(head.timeline.isEmpty());
        QVERIFY(head.latencyWindows.isEmpty());
        QVERIFY(head.system.samples.isEmpty());
        if (shard) // only the seconds that may still get requests
            QVERIFY2(
                head.histograms->seconds.size() <= 3, qPrintable(QString::number(head.histograms->seconds.size())));
    }

    void eachWriteCostsOnlyWhatIsNew()
    {
        QTemporaryDir dir;
        CheckpointFile checkpoints(dir.filePath(QStringLiteral("run-2.json")));
        QList<qint64> written;
        qint64 wholeAt50 = 0;
        for (int k = 1; k <= 50; ++k) {
            const Report r = runAfter(30 * k, false);
            QString error;
            QVERIFY2(checkpoints.write(r, &error), qPrintable(error));
            written.append(checkpoints.lastWriteBytes());
            if (k == 50)
                wholeAt50 = r.toJsonBytes().size();
        }
        qInfo("bytes written at checkpoint 1: %lld, at 2: %lld, at 50: %lld (the whole report at 50: %lld)", written[0],
            written[1], written[49], wholeAt50);
        // Generous: what a write costs stays within a quarter of the first one's, while the
        // whole report grew many times over.
        QVERIFY2(written[49] <= written[0] * 5 / 4, qPrintable(QString::number(written[49])));
        QVERIFY2(written[49] * 3 < wholeAt50, qPrintable(QString::number(wholeAt50)));
    }

    void startsOverWhenAReportDoesNotContinue()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run-3.json"));
        CheckpointFile checkpoints(file);
        QString error;
        QVERIFY2(checkpoints.write(runAfter(90, false), &error), qPrintable(error));
        const QString first = CheckpointFile::journalFileName(file, 0);
        const QString second = CheckpointFile::journalFileName(file, 1);
        QVERIFY(QFile::exists(first) && !QFile::exists(second));
        // Fewer seconds: the journal is written anew, beside the one the file on disk still
        // refers to (a crash before the file is replaced leaves that pair readable), which goes
        // once the file refers to the new one.
        QVERIFY2(checkpoints.write(runAfter(30, false), &error), qPrintable(error));
        QVERIFY(QFile::exists(second) && !QFile::exists(first));
        QVERIFY(loaded(file) == asSaved(runAfter(30, false)));
        // A changed second.
        Report changed = runAfter(60, false);
        changed.timeline[29].all.errors = 1;
        QVERIFY2(checkpoints.write(changed, &error), qPrintable(error));
        QVERIFY(loaded(file) == asSaved(changed));
        // Another run in the same file.
        Report other = runAfter(60, false);
        other.startedAt = other.startedAt.addSecs(3600);
        QVERIFY2(checkpoints.write(other, &error), qPrintable(error));
        QVERIFY(loaded(file) == asSaved(other));
    }

    //! A shard's settled second without requests does not make the next write start over.
    void anEmptySecondDoesNotStartOver()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run-8.json"));
        CheckpointFile checkpoints(file);
        QString error;
        QVERIFY2(checkpoints.write(runAfter(20, true), &error), qPrintable(error));
        Report r = runAfter(30, true);
        for (qint64 second = 20; second < 30; ++second) // a stall: nothing ended in these seconds
            r.histograms->seconds.remove(second);
        QVERIFY2(checkpoints.write(r, &error), qPrintable(error));
        Report later = runAfter(60, true);
        for (qint64 second = 20; second < 30; ++second)
            later.histograms->seconds.remove(second);
        QVERIFY2(checkpoints.write(later, &error), qPrintable(error));
        // Continued: still the first journal, which grew by the new seconds only.
        QVERIFY(QFile::exists(CheckpointFile::journalFileName(file, 0)));
        QVERIFY(!QFile::exists(CheckpointFile::journalFileName(file, 1)));
        QVERIFY(loaded(file) == asSaved(later));
    }

    void whatTheFileDoesNotCountIsIgnored()
    {
        // Killed after the journal grew but before the file was replaced: the file's count holds.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run-4.json"));
        CheckpointFile checkpoints(file);
        QString error;
        QVERIFY2(checkpoints.write(runAfter(30, false), &error), qPrintable(error));
        QVERIFY2(checkpoints.write(runAfter(60, false), &error), qPrintable(error));
        QFile journal(CheckpointFile::journalFileName(file));
        QVERIFY(journal.open(QIODevice::Append));
        journal.write("{\"chunk\": 2, \"timeline\": {\"t_s\": [61]");
        journal.close();
        QVERIFY(loaded(file) == asSaved(runAfter(60, false)));
        // The next write cuts it off.
        QVERIFY2(checkpoints.write(runAfter(90, false), &error), qPrintable(error));
        QVERIFY(loaded(file) == asSaved(runAfter(90, false)));
    }

    void aBrokenJournalIsAnErrorNamingIt()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run-5.json"));
        const QString journalFile = CheckpointFile::journalFileName(file);
        QCOMPARE(journalFile, dir.filePath(QStringLiteral("run-5.journal")));
        CheckpointFile checkpoints(file);
        QString error;
        QVERIFY2(checkpoints.write(runAfter(60, false), &error), qPrintable(error));
        QFile journal(journalFile);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QByteArray bytes = journal.readAll();
        journal.close();
        Report r;

        // Another run's journal under this name.
        CheckpointFile other(dir.filePath(QStringLiteral("run-6.json")));
        QVERIFY2(other.write(runAfter(60, false), &error), qPrintable(error));
        QVERIFY(QFile::remove(journalFile));
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("run-6.journal")), journalFile));
        QVERIFY(!Report::load(file, &r, &error));
        QVERIFY2(
            error.contains(QLatin1String("does not belong to it")) && error.contains(journalFile), qPrintable(error));

        QVERIFY(QFile::remove(journalFile));
        QVERIFY(!Report::load(file, &r, &error));
        QVERIFY2(error.startsWith(file) && error.contains(QLatin1String("is missing or shorter")), qPrintable(error));

        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.write(bytes.left(bytes.size() / 2) + "x" + bytes.mid(bytes.size() / 2 + 1));
        journal.close();
        QVERIFY(!Report::load(file, &r, &error));
        QVERIFY2(error.startsWith(journalFile + QLatin1String(":1")), qPrintable(error));
    }

    void theJournalGoesWithItsFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shard-0-of-2.json"));
        const QString journal = CheckpointFile::journalFileName(file);
        CheckpointFile checkpoints(file);
        QString error;
        QVERIFY2(checkpoints.write(runAfter(60, true), &error), qPrintable(error));
        QVERIFY(QFile::exists(journal));
        // Not matched by the pattern the follower and the recovery offer look for.
        QCOMPARE(
            QDir(dir.path()).entryList({ QStringLiteral("shard-*.json") }), QStringList { QFileInfo(file).fileName() });
        CheckpointFile::removeStaleJournal(file); // still a checkpoint: kept
        QVERIFY(QFile::exists(journal));
        const Report whole = runAfter(70, true);
        QVERIFY2(whole.save(file, &error), qPrintable(error));
        CheckpointFile::removeStaleJournal(file);
        QVERIFY(!QFile::exists(journal));
        QVERIFY(loaded(file) == asSaved(whole));
        CheckpointFile::remove(file);
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void aRunKeepsItsRecoveryCopyReadable()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.json"));
        RunConfig c = Testing::shortRunConfig(server.url());
        c.durationS = 4;
        LoadRunner runner;
        runner.setCheckpointCopy(copy);
        QSignalSpy finished(&runner, &LoadRunner::finished);
        QString error;
        QVERIFY2(runner.start(c, Testing::fastScenario(), &error), qPrintable(error));
        const QString recovery = runner.recoveryFile();
        // Mid-run, the recovery copy opens with the seconds so far.
        Report midRun;
        QTRY_VERIFY_WITH_TIMEOUT(Report::load(recovery, &midRun, &error) && !midRun.timeline.isEmpty(), 10000);
        QVERIFY(QFile::exists(CheckpointFile::journalFileName(recovery)));
        QCOMPARE(midRun.stopReason, QStringLiteral("checkpoint"));
        QVERIFY(finished.wait(20000));
        const Report report = asSaved(finished.first().first().value<Report>());
        // Gone with the run, journal and all.
        QVERIFY(!QFile::exists(recovery));
        QVERIFY(!QFile::exists(CheckpointFile::journalFileName(recovery)));
        // The --checkpoint-dir copy stays, as its last checkpoint: the seconds of the finished
        // run so far (all but the last, which the end of the run may still extend).
        const Report last = loaded(copy);
        QCOMPARE(last.stopReason, QStringLiteral("checkpoint"));
        QVERIFY2(last.timeline.size() >= 2, qPrintable(QString::number(last.timeline.size())));
        QVERIFY(last.timeline.size() <= report.timeline.size());
        for (qsizetype i = 0; i + 1 < last.timeline.size(); ++i)
            QCOMPARE(last.timeline[i], report.timeline[i]);
        QVERIFY(last.overall.total <= report.overall.total);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointFile)
#include "tst_checkpointfile.moc"
