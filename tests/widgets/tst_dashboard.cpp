// SPDX-License-Identifier: MIT

#include "dashboard.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QLabel>
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
        QCOMPARE(latency->seriesCount(), 18); // p50/p95/p99 for all, chat and agent, and as many for a baseline
        QCOMPARE(ys(latency->visiblePoints(1)), QList<double>({ 100, 110, 120 }));
        QVERIFY(!latency->isSeriesVisible(4));

        auto* type = dashboard.findChild<QComboBox*>(QStringLiteral("latencyType"));
        QVERIFY(type);
        type->setCurrentIndex(2); // agent
        for (int series = 0; series < 9; ++series)
            QCOMPARE(latency->isSeriesVisible(series), series / 3 == 2);
        for (int series = 9; series < 18; ++series)
            QVERIFY(!latency->isSeriesVisible(series)); // no baseline
        QCOMPARE(ys(latency->visiblePoints(7)), QList<double>({ 50, 40, 30 }));

        type->setCurrentIndex(1); // chat
        QCOMPARE(ys(latency->visiblePoints(4)), QList<double>({ 150, 170, 190 }));

        // A new run with other types starts with their lines only.
        dashboard.reset({ QStringLiteral("search") });
        QCOMPARE(latency->seriesCount(), 12);
        QVERIFY(latency->isSeriesVisible(1));
        QVERIFY(latency->visiblePoints(1).isEmpty());
    }

    void aBaselineIsDrawnDashedBesideTheRun()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat"), QStringLiteral("agent") });
        dashboard.setBaseline({ row(1, 80, 90, 70), row(2, 85, 95, 75) }, { { 1, 10, 200, 1 }, { 2, 12, 210, 1 } });
        QVERIFY(dashboard.hasBaseline());
        LiveSnapshot s;
        s.newRows = { row(1, 100, 150, 50) };
        dashboard.applySnapshot(s);
        TimeSeriesChart* latency = dashboard.charts().value(1);
        // All requests: the run's p95 solid, the baseline's dashed in the same colour.
        QVERIFY(latency->isSeriesVisible(9 + 1));
        QCOMPARE(ys(latency->visiblePoints(9 + 1)), QList<double>({ 80, 85 }));
        QCOMPARE(latency->seriesStyle(9 + 1), Qt::DashLine);
        QCOMPARE(latency->seriesColor(9 + 1), latency->seriesColor(1));
        auto* type = dashboard.findChild<QComboBox*>(QStringLiteral("latencyType"));
        type->setCurrentIndex(1); // chat: its own baseline lines
        QVERIFY(latency->isSeriesVisible(9 + 3 + 1));
        QVERIFY(!latency->isSeriesVisible(9 + 1));
        QCOMPARE(ys(latency->visiblePoints(9 + 3 + 1)), QList<double>({ 90, 95 }));
        TimeSeriesChart* memory = dashboard.charts().value(2);
        QCOMPARE(ys(memory->visiblePoints(1)), QList<double>({ 200, 210 }));
        // Kept for the next run, cleared by an empty one.
        dashboard.reset({ QStringLiteral("chat") });
        QCOMPARE(ys(latency->visiblePoints(6 + 1)), QList<double>({ 80, 85 }));
        dashboard.setBaseline({}, {});
        QVERIFY(!latency->isSeriesVisible(6 + 1));
        QVERIFY(!memory->isSeriesVisible(1));
    }

    void theComparisonTabShowsTheEnginesComparison()
    {
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat") });
        CompareReport c;
        MetricComparison m;
        m.requestType = QStringLiteral("chat");
        m.metric = ComparisonOptions::P95;
        m.baseline = 100;
        m.candidate = 131;
        m.changePct = 31;
        m.ciLowPct = 20;
        m.ciHighPct = 42;
        m.baselineUnits = m.candidateUnits = 6;
        m.verdict = MetricComparison::Regression;
        c.comparisons = { m };
        c.regressions = 1;
        c.verdict = MetricComparison::Regression;
        LiveSnapshot s;
        s.comparison = c;
        dashboard.applySnapshot(s);
        auto* table = dashboard.findChild<QTableWidget*>(QStringLiteral("comparison"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("p95"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("+31.0 %"));
        QCOMPARE(table->item(0, 6)->text(), QStringLiteral("regression"));
        QVERIFY(dashboard.comparison().has_value());
        // Clearing the baseline clears its comparison too.
        dashboard.setBaseline({ row(1, 80, 90, 70) }, {});
        QCOMPARE(table->rowCount(), 1);
        dashboard.setBaseline({}, {});
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!dashboard.comparison().has_value());
        dashboard.applySnapshot(s);
        auto* verdict = dashboard.findChild<QLabel*>(QStringLiteral("comparisonVerdict"));
        QVERIFY(verdict->text().contains(QStringLiteral("chat p95 +31.0 %")));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
