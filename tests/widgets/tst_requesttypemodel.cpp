// SPDX-License-Identifier: MIT

#include "requesttypemodel.h"
#include "tablecopy.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
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

    //! Ctrl+C copies the table as shown (sorted, with its headers) as tab-separated text: the
    //! selected rows, or all rows when none is selected.
    void copiesAsTsv()
    {
        RequestTypeModel model;
        StatsFigures chat;
        chat.name = QStringLiteral("chat");
        chat.total = 10;
        chat.success = 10;
        chat.latency.p50 = 20;
        chat.latency.p95 = 40;
        chat.latency.p99 = 50;
        chat.throughputRps = 2;
        StatsFigures agent = chat;
        agent.name = QStringLiteral("agent\tlong");
        agent.total = 30;
        agent.success = 30;
        model.setStats({ chat, agent });
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(RequestTypeModel::SortRole);
        QTableView view;
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        enableTableCopy(&view);
        view.sortByColumn(RequestTypeModel::Total, Qt::DescendingOrder);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QApplication::clipboard()->clear();
        view.setFocus();
        QTest::keySequence(&view, QKeySequence::Copy);
        QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QLatin1String("Request type\tTotal\tSuccess")), qPrintable(lines[0]));
        QCOMPARE(lines[0].count(QLatin1Char('\t')), RequestTypeModel::ColumnCount - 1);
        QVERIFY2(lines[1].startsWith(QLatin1String("agent long\t30\t")), qPrintable(lines[1])); // sorted, tab gone
        QVERIFY2(lines[2].startsWith(QLatin1String("chat\t10\t100.0 %\t")), qPrintable(lines[2]));
        QVERIFY(lines[2].contains(QLatin1String("\t20.0 ms\t40.0 ms\t50.0 ms\t")));

        view.selectRow(1);
        QTest::keySequence(&view, QKeySequence::Copy);
        lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].startsWith(QLatin1String("chat\t")));

        view.horizontalHeader()->hideSection(RequestTypeModel::Total);
        QCOMPARE(tableAsTsv(&view).split(QLatin1Char('\n')).first().count(QLatin1Char('\t')),
            RequestTypeModel::ColumnCount - 2);
    }
};

QTEST_MAIN(TestRequestTypeModel)
#include "tst_requesttypemodel.moc"
