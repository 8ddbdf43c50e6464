// SPDX-License-Identifier: MIT

#include "timeserieschart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

using namespace Stressdeck;

class TestTimeSeriesChart : public QObject {
    Q_OBJECT

    static const QValueAxis* timeAxis(const TimeSeriesChart& chart)
    {
        const auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).value(0));
        if (!axis)
            qFatal("the chart has no time axis");
        return axis;
    }

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
    }

    void pauseFreezesTheChartUntilResumed()
    {
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("ms"));
        const int s = chart.addSeries(QStringLiteral("p99"), Qt::red);
        for (int t = 0; t < 100; ++t)
            chart.append(s, t, 10.0 + (t % 7));
        chart.refresh();
        const QList<QPointF> shown = chart.visiblePoints(s);
        QCOMPARE(shown.size(), 100);
        const QValueAxis* x = timeAxis(chart);
        QCOMPARE(x->max(), 99.0);

        chart.setPaused(true);
        QVERIFY(chart.isPaused());
        chart.append(s, 150, 900.0);
        chart.refresh();
        QCOMPARE(chart.visiblePoints(s), shown);
        QCOMPARE(x->max(), 99.0);

        chart.setPaused(false); // shows what arrived meanwhile without waiting for the next refresh
        QVERIFY(!chart.isPaused());
        QCOMPARE(chart.visiblePointCount(s), 101);
        QCOMPARE(chart.visiblePoints(s).constLast(), QPointF(150, 900.0));
        QCOMPARE(x->max(), 150.0);
    }

    void markerSpansThePlotAndZoomResets()
    {
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("ms"));
        const int s = chart.addSeries(QStringLiteral("p99"), Qt::red);
        QList<QPointF> points;
        for (int t = 0; t <= 300; ++t)
            points.append(QPointF(t, t == 200 ? 500.0 : 20.0));
        chart.setData(s, points);
        chart.refresh();
        chart.addMarker(100, QStringLiteral("20 users"));
        const QValueAxis* x = timeAxis(chart);
        const auto* y = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QLineSeries* marker = nullptr;
        for (QAbstractSeries* series : chart.chart()->series()) {
            if (series->name() == QLatin1String("20 users"))
                marker = qobject_cast<QLineSeries*>(series);
        }
        QVERIFY(marker);
        QCOMPARE(marker->points(), QList<QPointF>({ QPointF(100, 0), QPointF(100, y->max()) }));
        QVERIFY(y->max() >= 500);

        chart.resize(720, 340);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.chart()->zoom(4);
        QVERIFY(x->max() < 300);
        const double zoomedMax = x->max();
        chart.append(s, 400, 20); // new data does not undo the user's zoom
        chart.refresh();
        QCOMPARE(x->max(), zoomedMax);
        chart.resetZoom();
        QCOMPARE(x->min(), 0.0);
        QCOMPARE(x->max(), 400.0);
    }

    void followsTheDesktopsLightOrDarkScheme()
    {
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("ms"));
        const int s = chart.addSeries(QStringLiteral("p95"), QColor(0xe69f00));
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(0x20, 0x20, 0x20));
        QCOMPARE(chart.chart()->titleBrush().color(), QColor(0xee, 0xee, 0xee));
        auto* axis = qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->labelsColor(), QColor(0xee, 0xee, 0xee));
        // The grid stands out from the background, and the lines keep their colours.
        QVERIFY(axis->gridLineColor() != QColor(0x20, 0x20, 0x20));
        QCOMPARE(chart.seriesColor(s), QColor(0xe69f00));
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        chart.setPalette(light);
        QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(Qt::white));
    }

    void aBandShadesTheStartSkew()
    {
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("ms"));
        const int s = chart.addSeries(QStringLiteral("p95"), Qt::red);
        chart.append(s, 30, 5);
        chart.refresh();
        QVERIFY(!chart.hasBand());
        chart.setBand(0, 0.4, QStringLiteral("start skew 400 ms"));
        QVERIFY(chart.hasBand());
        const auto* band = qobject_cast<QAreaSeries*>(chart.chart()->series().constLast());
        QVERIFY(band);
        QCOMPARE(band->name(), QStringLiteral("start skew 400 ms"));
        QCOMPARE(band->upperSeries()->points().value(1).x(), 0.4);
        QCOMPARE(timeAxis(chart)->max(), 30.0); // the band does not stretch the axis
        chart.clear();
        QVERIFY(!chart.hasBand());
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
