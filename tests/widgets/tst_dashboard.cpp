// SPDX-License-Identifier: MIT

#include "dashboard.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QTableWidget>
#include <QTest>

using namespace Stressdeck;

namespace {

TimelineRow row(double tS, double allP95, double chatP95, double agentP95)
{
    TimelineRow r;
    r.tS = tS;
    r.all = { 10, 10, 0, 0, 1, allP95, allP95 + 1 };
    r.byType.insert(QStringLiteral("chat"), { 5, 5, 0, 0, 1, chatP95, chatP95 + 1 });
    r.byType.insert(QStringLiteral("agent"), { 5, 5, 0, 0, 1, agentP95, agentP95 + 1 });
    return r;
}

QList<double> ys(const QList<QPointF>& points)
{
    QList<double> out;
    for (const QPointF& p : points)
        out.append(p.y());
    return out;
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheDiagnosisTheEngineSent()
    {
        // The window only draws: the criteria are the snapshot's, whatever the figures say.
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat") });
        LiveSnapshot s;
        s.state = RunState::Running;
        s.overall.name = QStringLiteral("all");
        s.overall.total = 0; // an analysis of these figures would fail no_deadlocks
        s.diagnosis.criteria = { { QStringLiteral("made_up"), true, QStringLiteral("sent by the engine") } };
        dashboard.applySnapshot(s);
        auto* criteria = dashboard.findChild<QTableWidget*>(QStringLiteral("criteria"));
        QVERIFY(criteria);
        QCOMPARE(criteria->rowCount(), 1);
        QCOMPARE(criteria->item(0, 0)->text(), QStringLiteral("made_up"));
        QCOMPARE(criteria->item(0, 2)->text(), QStringLiteral("sent by the engine"));
    }

    void switchingTheLatencyTypeShowsItsOwnLines()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat"), QStringLiteral("agent") });
        LiveSnapshot s;
        s.newRows = { row(1, 100, 150, 50), row(2, 110, 170, 40) };
        dashboard.applySnapshot(s);
        s.newRows = { row(3, 120, 190, 30) };
        dashboard.applySnapshot(s);

        TimeSeriesChart* latency = dashboard.charts().value(1);
        QVERIFY(latency);
        QCOMPARE(latency->seriesCount(), 9); // p50/p95/p99 for all, chat and agent
        QCOMPARE(ys(latency->visiblePoints(1)), QList<double>({ 100, 110, 120 }));
        QVERIFY(!latency->isSeriesVisible(4));

        auto* type = dashboard.findChild<QComboBox*>(QStringLiteral("latencyType"));
        QVERIFY(type);
        type->setCurrentIndex(2); // agent
        for (int series = 0; series < latency->seriesCount(); ++series)
            QCOMPARE(latency->isSeriesVisible(series), series / 3 == 2);
        QCOMPARE(ys(latency->visiblePoints(7)), QList<double>({ 50, 40, 30 }));

        type->setCurrentIndex(1); // chat
        QCOMPARE(ys(latency->visiblePoints(4)), QList<double>({ 150, 170, 190 }));

        // A new run with other types starts with their lines only.
        dashboard.reset({ QStringLiteral("search") });
        QCOMPARE(latency->seriesCount(), 6);
        QVERIFY(latency->isSeriesVisible(1));
        QVERIFY(latency->visiblePoints(1).isEmpty());
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
