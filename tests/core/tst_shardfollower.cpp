// SPDX-License-Identifier: MIT

// ShardFollower (issue #17): the states it gives each shard of a followed folder, the merge of
// the newest files, the files it must not take, and the follower that stops once all finished.
// The shard reports are real: one short sharded run against the loopback test server, then
// copies of it as the other shards.
#include "shardfollower.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;
using namespace Stressdeck::Testing;
using State = ShardStatus::State;

class TestShardFollower : public QObject {
    Q_OBJECT

    Report m_shard; //!< shard 0 of 3, finished

    //! Writes `report` as shard `index` (a checkpoint unless `finished`), its file `ageS` old.
    QString write(const QString& dir, int index, bool finished, double ageS = 0, int count = 3)
    {
        Report r = m_shard;
        r.shard->index = index;
        r.shard->count = count;
        r.stopReason = finished ? QStringLiteral("completed") : QStringLiteral("checkpoint");
        const QString file = QDir(dir).filePath(ShardFollower::fileName(index, count));
        QString error;
        if (!r.save(file, &error))
            qFatal("%s", qPrintable(error));
        QFile f(file);
        if (!f.open(QIODevice::ReadWrite)
            || !f.setFileTime(
                QDateTime::currentDateTimeUtc().addMSecs(qint64(-ageS * 1000)), QFileDevice::FileModificationTime))
            qFatal("cannot set the time of %s", qPrintable(file));
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TestServerThread server;
        m_shard = shardReport(server.url(), 0, 3);
        QVERIFY(m_shard.shard && m_shard.histograms);
        QVERIFY(m_shard.overall.total > 0);
    }

    void aFolderWithNothingYet()
    {
        QTemporaryDir dir;
        ShardFollower::Cache cache;
        const FollowedRun run = ShardFollower::scan(dir.path(), QDateTime::currentDateTimeUtc(), &cache);
        QCOMPARE(run.count, 0);
        QVERIFY(!run.merged);
        QVERIFY(run.error.isEmpty());
        QVERIFY(!run.finished());

        const FollowedRun gone = ShardFollower::scan(dir.filePath(QStringLiteral("nope")), {}, &cache);
        QVERIFY2(gone.error.contains(QLatin1String("nope")), qPrintable(gone.error));
    }

    void eachShardGetsItsState()
    {
        QTemporaryDir dir;
        write(dir.path(), 0, true, 30); // finished long ago is still finished
        write(dir.path(), 1, false, 0.5); // a fresh checkpoint
        write(dir.path(), 2, false, 10); // three intervals (1 s) and more without one
        ShardFollower::Cache cache;
        const FollowedRun run = ShardFollower::scan(dir.path(), QDateTime::currentDateTimeUtc(), &cache);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.count, 3);
        QCOMPARE(run.shards.size(), 3);
        QCOMPARE(run.shards[0].state, State::Finished);
        QCOMPARE(run.shards[1].state, State::Running);
        QCOMPARE(run.shards[2].state, State::Silent);
        QCOMPARE(run.shards[1].requests, m_shard.overall.total);
        QVERIFY(run.shards[2].ageS >= 9);
        QVERIFY(!run.finished());
        // All three merged: three times the one shard's requests.
        QVERIFY(run.merged);
        QCOMPARE(run.report.overall.total, 3 * m_shard.overall.total);
        QVERIFY(run.report.shards && !run.report.shards->isPartial());
    }

    void aMissingShardWaitsThenIsLate()
    {
        QTemporaryDir dir;
        write(dir.path(), 0, false);
        write(dir.path(), 2, false);
        ShardFollower::Cache cache;
        const QDateTime origin = QDateTime::fromMSecsSinceEpoch(qint64(m_shard.shard->originUnixS * 1000), Qt::UTC);
        const FollowedRun early = ShardFollower::scan(dir.path(), origin.addMSecs(500), &cache);
        QCOMPARE(early.shards[1].state, State::Waiting);
        QVERIFY(early.merged);
        QCOMPARE(early.report.shards->missing, QList<int> { 1 });
        QCOMPARE(early.report.overall.total, 2 * m_shard.overall.total);
        const FollowedRun later = ShardFollower::scan(dir.path(), origin.addSecs(30), &cache);
        QCOMPARE(later.shards[1].state, State::Late);
        QVERIFY(later.shards[1].file.isEmpty());
    }

    void theNewestPlanDecidesAndBadFilesAreNamed()
    {
        QTemporaryDir dir;
        // An older run of two shards in the same folder, and a file that is no report at all.
        write(dir.path(), 0, true, 600, 2);
        write(dir.path(), 1, true, 600, 2);
        QFile junk(dir.filePath(QStringLiteral("shard-9-of-9.json")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{ not json");
        junk.close();
        for (int i = 0; i < 3; ++i)
            write(dir.path(), i, true);
        ShardFollower::Cache cache;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const FollowedRun run = ShardFollower::scan(dir.path(), now, &cache);
        QCOMPARE(run.count, 3);
        QVERIFY(run.finished());
        QVERIFY(run.merged);
        QCOMPARE(run.report.overall.total, 3 * m_shard.overall.total);
        QVERIFY2(run.error.contains(QLatin1String("shard-9-of-9.json")), qPrintable(run.error));
        // A second look reads from the cache and says the same.
        const FollowedRun again = ShardFollower::scan(dir.path(), now, &cache);
        QCOMPARE(again.shards, run.shards);
        QCOMPARE(cache.files.size(), 6);
    }

    void followsUntilAllFinished()
    {
        QTemporaryDir dir;
        write(dir.path(), 0, false);
        ShardFollower follower(dir.path());
        QSignalSpy updated(&follower, &ShardFollower::updated);
        follower.start();
        QVERIFY(follower.isFollowing());
        QVERIFY(updated.wait(5000));
        const FollowedRun first = updated.last().at(0).value<FollowedRun>();
        QCOMPARE(first.shards[0].state, State::Running);
        QVERIFY(!first.finished());
        for (int i = 0; i < 3; ++i)
            write(dir.path(), i, true);
        QTRY_VERIFY_WITH_TIMEOUT(!follower.isFollowing(), 10000);
        const FollowedRun last = updated.last().at(0).value<FollowedRun>();
        QVERIFY(last.finished());
        QCOMPARE(last.report.overall.total, 3 * m_shard.overall.total);
    }
};

QTEST_GUILESS_MAIN(TestShardFollower)
#include "tst_shardfollower.moc"
