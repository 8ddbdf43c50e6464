#include "timeserieschart.h"

#include <QTest>

using namespace Stressdeck;

class TestTimeSeriesChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void longRunsStayBounded()
    {
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("ms"));
        const int s = chart.addSeries(QStringLiteral("p99"), Qt::red);
        // A day of one point per second, with one spike that must survive decimation.
        for (int t = 0; t < 86400; ++t)
            chart.append(s, t, t == 50000 ? 9999.0 : 10.0 + (t % 7));
        chart.refresh();
        QVERIFY(chart.visiblePointCount(s) <= TimeSeriesChart::MaxVisiblePoints);
        QVERIFY(chart.visiblePointCount(s) > TimeSeriesChart::MaxVisiblePoints / 2);
        chart.setPaused(true);
        chart.append(s, 90000, 1);
        chart.refresh();
        const int paused = chart.visiblePointCount(s);
        chart.setPaused(false);
        QVERIFY(chart.visiblePointCount(s) >= paused - 2);
        chart.clear();
        chart.refresh();
        QCOMPARE(chart.visiblePointCount(s), 0);
    }

    void spikesSurviveDecimation()
    {
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("ms"));
        const int s = chart.addSeries(QStringLiteral("p99"), Qt::red);
        QList<QPointF> points;
        for (int t = 0; t < 50000; ++t)
            points.append(QPointF(t, t == 31337 ? 5000.0 : 1.0));
        chart.setData(s, points);
        chart.refresh();
        QVERIFY(chart.visiblePointCount(s) <= TimeSeriesChart::MaxVisiblePoints);
        double maxY = 0;
        for (const QPointF& p : chart.visiblePoints(s))
            maxY = std::max(maxY, p.y());
        QCOMPARE(maxY, 5000.0);
        chart.addMarker(100, QStringLiteral("20 users"));
        chart.resetZoom();
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
