// SPDX-License-Identifier: MIT

#include "palette.h"
#include "report.h"
#include "summarystrip.h"

#include <QImage>
#include <QLabel>
#include <QTest>

using namespace Stressdeck;

namespace {

TimelineRow rowWith(double rps, double p95OneSecond, double p95TenSeconds, double p95Minute)
{
    TimelineRow row;
    row.tS = 12;
    row.rps = rps;
    row.all.p95 = p95OneSecond;
    row.slidingAll[0].p95 = p95TenSeconds;
    row.slidingAll[1].p95 = p95Minute;
    return row;
}

//! How many pixels of `widget` as drawn are `colour`.
int pixelsOf(QWidget* widget, QColor colour)
{
    const QImage image = widget->grab().toImage();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == colour;
    }
    return n;
}

} // namespace

class TestSummaryStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheSnapshotsFiguresColouredByState()
    {
        SummaryStrip strip;
        Thresholds t;
        t.p95Ms = 500;
        t.successRatePct = 95; // 5 % errors allowed
        strip.start(t);
        LiveSnapshot s;
        s.state = RunState::Running;
        s.elapsedS = 12;
        s.durationS = 60;
        s.inFlight = 7;
        s.overall.total = 1000;
        s.overall.failure = 80; // 8 %: above the 5 % allowed
        s.newRows = { rowWith(40, 900, 450, 300), rowWith(42.5, 950, 420, 310) };
        s.diagnosis.criteria = { { QStringLiteral("no_deadlocks"), true, QStringLiteral("no stall") },
            { QStringLiteral("success_rate"), false, QStringLiteral("92.0 % < 95 %") } };
        strip.applySnapshot(s);

        const QStringList texts = strip.texts();
        QCOMPARE(texts.size(), 5);
        QVERIFY2(texts[0].contains(QLatin1String("42.5 req/s")), qPrintable(texts[0])); // the newest row
        QVERIFY2(texts[1].startsWith(QLatin1String("p95 (10 s)")), qPrintable(texts[1]));
        QVERIFY2(texts[1].contains(QLatin1String("420")), qPrintable(texts[1])); // the 10 s window, not 950
        QVERIFY2(texts[2].contains(QLatin1String("8.00 %")), qPrintable(texts[2]));
        QVERIFY2(texts[3].contains(QLatin1String("7")), qPrintable(texts[3]));
        QVERIFY2(texts[4].contains(QLatin1String("48s left")) || texts[4].contains(QLatin1String("left")),
            qPrintable(texts[4]));

        auto state
            = [&](const char* name) { return SummaryStrip::stateOf(strip.findChild<QLabel*>(QLatin1String(name))); };
        QCOMPARE(state("stripP95"), QStringLiteral("warn")); // 420 ms > 80 % of 500 ms
        QCOMPARE(state("stripErrors"), QStringLiteral("fail"));
        QCOMPARE(state("badge_no_deadlocks"), QStringLiteral("pass"));
        QCOMPARE(state("badge_success_rate"), QStringLiteral("fail"));
        QCOMPARE(state("badge_no_memory_leak"), QStringLiteral("neutral")); // not judged yet
        QVERIFY(
            strip.findChild<QLabel*>(QStringLiteral("badge_success_rate"))->toolTip().contains(QLatin1String("92.0")));
        // The state is drawn: a bar of its colour down the tile's left side (as tall as the tile).
        strip.resize(1200, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        auto* errors = strip.findChild<QLabel*>(QStringLiteral("stripErrors"));
        QVERIFY2(pixelsOf(errors, Palette::colour(Palette::Fail)) >= 3 * errors->height(),
            qPrintable(QString::number(pixelsOf(errors, Palette::colour(Palette::Fail)))));
        QCOMPARE(pixelsOf(errors, Palette::colour(Palette::Warn)), 0);
        auto* p95 = strip.findChild<QLabel*>(QStringLiteral("stripP95"));
        QVERIFY(pixelsOf(p95, Palette::colour(Palette::Warn)) >= 3 * p95->height());

        // The window follows the chart's selector.
        strip.setWindowSeconds(60);
        QVERIFY2(strip.texts().at(1).contains(QLatin1String("310")), qPrintable(strip.texts().at(1)));
        QCOMPARE(state("stripP95"), QStringLiteral("pass"));
        strip.setWindowSeconds(1);
        QVERIFY2(strip.texts().at(1).contains(QLatin1String("950")), qPrintable(strip.texts().at(1)));
        QCOMPARE(state("stripP95"), QStringLiteral("fail"));

        // A snapshot without a new row keeps the last window's figure.
        strip.setWindowSeconds(10);
        s.newRows.clear();
        s.overall.failure = 10; // 1 %: within the limit
        strip.applySnapshot(s);
        QVERIFY(strip.texts().at(1).contains(QLatin1String("420")));
        QCOMPARE(state("stripErrors"), QStringLiteral("pass"));
    }

    void aBaselineShowsItsValueAndTheChange()
    {
        SummaryStrip strip;
        strip.start(Thresholds {});
        LiveSnapshot s;
        s.newRows = { rowWith(80, 100, 100, 100) };
        CompareReport c;
        MetricComparison throughput;
        throughput.requestType = QStringLiteral("all");
        throughput.metric = ComparisonOptions::Throughput;
        throughput.baseline = 100;
        throughput.changePct = -20;
        throughput.verdict = MetricComparison::Regression;
        c.comparisons = { throughput };
        s.comparison = c;
        strip.applySnapshot(s);
        QVERIFY2(strip.texts().at(0).contains(QLatin1String("baseline 100.0 req/s (-20.0 %)")),
            qPrintable(strip.texts().at(0)));
        QCOMPARE(
            SummaryStrip::stateOf(strip.findChild<QLabel*>(QStringLiteral("stripThroughput"))), QStringLiteral("fail"));
    }

    void aReportShowsTheWholeRun()
    {
        SummaryStrip strip;
        Report r;
        r.overall.total = 200;
        r.overall.failure = 0;
        r.overall.throughputRps = 20;
        r.overall.latency.p95 = 123;
        r.elapsedS = 10;
        r.criteria = { { QStringLiteral("metrics_collected"), true, {} } };
        strip.start(r.config.thresholds);
        strip.showReport(r);
        QVERIFY(strip.texts().at(0).contains(QLatin1String("20.0 req/s")));
        QVERIFY2(strip.texts().at(1).startsWith(QLatin1String("p95 (run) 123")), qPrintable(strip.texts().at(1)));
        QVERIFY(strip.texts().at(4).contains(QLatin1String("finished")));
        QCOMPARE(SummaryStrip::stateOf(strip.findChild<QLabel*>(QStringLiteral("badge_metrics_collected"))),
            QStringLiteral("pass"));
    }
};

QTEST_MAIN(TestSummaryStrip)
#include "tst_summarystrip.moc"
