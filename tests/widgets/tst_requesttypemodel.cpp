// SPDX-License-Identifier: MIT

#include "requesttypemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Stressdeck;

class TestRequestTypeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsAndSortsFigures()
    {
        RequestTypeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StatsFigures chat;
        chat.name = QStringLiteral("chat");
        chat.total = 200;
        chat.success = 180;
        chat.failure = 20;
        chat.timeouts = 5;
        chat.latency.p50 = 12.34;
        chat.latency.p95 = 1500;
        chat.throughputRps = 6.5;
        StatsFigures agent = chat;
        agent.name = QStringLiteral("agent");
        agent.success = 0;
        model.setStats({ chat, agent });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(RequestTypeModel::ColumnCount));
        QCOMPARE(model.index(0, RequestTypeModel::Name).data().toString(), QStringLiteral("chat"));
        QCOMPARE(model.index(0, RequestTypeModel::SuccessPct).data().toString(), QStringLiteral("90.0 %"));
        QCOMPARE(model.index(0, RequestTypeModel::P50).data().toString(), QStringLiteral("12.3 ms"));
        QCOMPARE(model.index(0, RequestTypeModel::P95).data().toString(), QStringLiteral("1.50 s"));
        QCOMPARE(model.index(0, RequestTypeModel::P95).data(RequestTypeModel::SortRole).toDouble(), 1500.0);
        QCOMPARE(model.index(1, RequestTypeModel::P50).data().toString(), QStringLiteral("–")); // no successes
        QVERIFY(model.index(0, RequestTypeModel::SuccessPct).data(Qt::ForegroundRole).isValid()); // below 95 %
        QVERIFY(!model.headerData(RequestTypeModel::P99, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

        // Same shape: updated in place, so a view keeps its selection and scroll position.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        chat.total = 300;
        model.setStats({ chat, agent });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 0));
        QCOMPARE(changed.first().at(1).toModelIndex(), model.index(1, RequestTypeModel::ColumnCount - 1));
        QCOMPARE(model.index(0, RequestTypeModel::Total).data().toString(), QStringLiteral("300"));
        model.setStats({ chat });
        QCOMPARE(model.rowCount(), 1);
        model.setStats({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestRequestTypeModel)
#include "tst_requesttypemodel.moc"
