// SPDX-License-Identifier: MIT

#include "shardstatusmodel.h"
#include "shardstatusview.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Stressdeck;
using State = ShardStatus::State;

class TestShardStatusModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsPerShardReplacedAsAWhole()
    {
        ShardStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<ShardStatus> shards(3);
        for (int i = 0; i < 3; ++i)
            shards[i].index = i;
        shards[0] = { 0, State::Running, QStringLiteral("/d/shard-0-of-3.json"), 1.2, 40, 1234, 0.5, {} };
        shards[2].state = State::Silent;
        shards[2].file = QStringLiteral("/d/shard-2-of-3.json");
        shards[2].ageS = 12;
        model.setShards(shards);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ShardStatusModel::ColumnCount));
        QCOMPARE(model.index(0, ShardStatusModel::State).data().toString(), QStringLiteral("running"));
        QCOMPARE(model.index(0, ShardStatusModel::Requests).data().toString(), QLocale().toString(1234));
        QCOMPARE(model.index(0, ShardStatusModel::Requests).data(ShardStatusModel::SortRole).toLongLong(), 1234);
        QCOMPARE(model.index(0, ShardStatusModel::Written).data().toString(), QStringLiteral("1 s ago"));
        QCOMPARE(model.index(0, ShardStatusModel::Shard).data(Qt::ToolTipRole).toString(),
            QStringLiteral("/d/shard-0-of-3.json"));
        // A shard not heard from has no figures, only its state.
        QCOMPARE(model.index(1, ShardStatusModel::State).data().toString(), QStringLiteral("waiting"));
        QVERIFY(model.index(1, ShardStatusModel::Requests).data().toString().isEmpty());
        QCOMPARE(model.index(1, ShardStatusModel::Written).data(ShardStatusModel::SortRole).toDouble(), -1.0);
        QCOMPARE(model.index(2, ShardStatusModel::State).data().toString(), QStringLiteral("silent"));
        QVERIFY(model.index(2, ShardStatusModel::State).data(Qt::ForegroundRole).isValid());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setShards(shards); // the same: nothing to tell the view
        QCOMPARE(changed.count() + reset.count(), 0);
        shards[1].state = State::Finished;
        model.setShards(shards);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(1, ShardStatusModel::State).data().toString(), QStringLiteral("finished"));
        model.setShards(shards.mid(0, 2));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
    }

    void theBandSaysWhatIsGoingOn()
    {
        ShardStatusView view;
        FollowedRun run;
        run.directory = QStringLiteral("/d");
        view.setRun(run);
        QVERIFY(view.heading().contains(QLatin1String("no shard has written")));
        run.count = 2;
        run.shards = { { 0, State::Running, QStringLiteral("/d/a"), 0, 1, 10, 0, {} },
            { 1, State::Late, {}, 0, 0, 0, 0, {} } };
        run.error = QStringLiteral("/d/shard-7-of-9.json: not a shard report");
        view.setRun(run);
        QVERIFY2(view.heading().contains(QLatin1String("2 shard(s), 1 running, 1 late")), qPrintable(view.heading()));
        QVERIFY(view.warning().contains(QLatin1String("shard-7-of-9.json")));

        Report merged;
        merged.config.durationS = 60;
        MergeInfo info;
        info.count = 3;
        info.merged = { 0, 2 };
        info.missing = { 1 };
        info.startSkewMs = 1500;
        merged.shards = info;
        view.setMergedReport(merged);
        QVERIFY(view.heading().startsWith(QLatin1String("Merged from 2 of 3 shards")));
        QVERIFY2(view.warning().contains(QLatin1String("shard(s) 1 missing")), qPrintable(view.warning()));
        QVERIFY2(view.warning().contains(QLatin1String("1,500 ms apart"))
                || view.warning().contains(QLatin1String("1500 ms apart")),
            qPrintable(view.warning()));
        view.setMergedReport(Report {});
        QVERIFY(view.isHidden());
    }
};

QTEST_MAIN(TestShardStatusModel)
#include "tst_shardstatusmodel.moc"
