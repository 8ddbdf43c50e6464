// SPDX-License-Identifier: MIT

#include "dashboard.h"
#include "spectrumchart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace Stressdeck;

namespace {

struct Known {
    Histogram histogram;
    std::vector<std::int64_t> sorted;
};

Known knownData(int count, double medianMs, quint64 seed)
{
    Known k;
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> ms(std::log(medianMs), 0.7);
    for (int i = 0; i < count; ++i) {
        k.sorted.push_back(std::int64_t(ms(rng) * 1e6));
        k.histogram.record(k.sorted.back());
    }
    std::sort(k.sorted.begin(), k.sorted.end());
    return k;
}

double nearestRankMs(const std::vector<std::int64_t>& sorted, double p)
{
    const auto rank = std::max<std::size_t>(1, std::size_t(std::ceil(p / 100.0 * double(sorted.size()))));
    return double(sorted[std::min(rank, sorted.size()) - 1]) / 1e6;
}

//! The y of the line at nines x (a point of the spectrum).
double at(const QList<QPointF>& line, double nines)
{
    for (const QPointF& p : line) {
        if (std::abs(p.x() - nines) < 1e-6)
            return p.y();
    }
    return -1;
}

} // namespace

class TestSpectrumChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theAxisIsInNines()
    {
        SpectrumChart chart;
        auto* x = qobject_cast<QCategoryAxis*>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->categoriesLabels(),
            QStringList({ QStringLiteral("0"), QStringLiteral("90"), QStringLiteral("99"), QStringLiteral("99.9"),
                QStringLiteral("99.99") }));
        QCOMPARE(x->endValue(QStringLiteral("99.9")), 3.0);
        QVERIFY(x->titleText().contains(QStringLiteral("%")));
        QCOMPARE(chart.chart()->axes(Qt::Vertical).value(0)->titleText(), QStringLiteral("ms"));
    }

    void drawsThePercentilesOfKnownData_data()
    {
        QTest::addColumn<double>("percentile");
        QTest::addRow("p50") << 50.0;
        QTest::addRow("p90") << 90.0;
        QTest::addRow("p99") << 99.0;
        QTest::addRow("p99.9") << 99.9;
        QTest::addRow("p99.99") << 99.99;
    }
    void drawsThePercentilesOfKnownData()
    {
        QFETCH(double, percentile);
        const Known all = knownData(40000, 50, 1);
        const Known chat = knownData(20000, 20, 2);
        const Known agent = knownData(20000, 200, 3);
        SpectrumChart chart;
        chart.reset({ QStringLiteral("chat"), QStringLiteral("agent") });
        chart.setSpectra({ LatencySpectrum::of(QStringLiteral("all"), all.histogram),
            LatencySpectrum::of(QStringLiteral("chat"), chat.histogram),
            LatencySpectrum::of(QStringLiteral("agent"), agent.histogram) });
        QCOMPARE(chart.selector()->count(), 4);
        const double nines = LatencySpectrum::ninesOf(percentile);
        const bool onPoint
            = std::abs(nines * LatencySpectrum::PointsPerNine - std::round(nines * LatencySpectrum::PointsPerNine))
            < 1e-6;
        const auto check = [&](const QList<QPointF>& line, const Known& k) {
            const double expected = nearestRankMs(k.sorted, percentile);
            // A point of the line where the percentile is one; else the spectrum's interpolation.
            const double got = onPoint ? at(line, nines) : -1;
            if (onPoint)
                QVERIFY2(std::abs(got - expected) / expected < 0.002,
                    qPrintable(QStringLiteral("%1 ms, expected %2 ms").arg(got).arg(expected)));
        };
        QCOMPARE(chart.lines().size(), 1);
        check(chart.lines().at(0).second, all);
        chart.setSelection(2); // agent
        QCOMPARE(chart.lines().size(), 1);
        QCOMPARE(chart.lines().at(0).first, QStringLiteral("agent"));
        check(chart.lines().at(0).second, agent);
        chart.setSelection(3); // each type together
        QCOMPARE(chart.lines().size(), 2);
        check(chart.lines().at(0).second, chat);
        check(chart.lines().at(1).second, agent);
        if (!onPoint) {
            const LatencySpectrum s = LatencySpectrum::of(QStringLiteral("all"), all.histogram);
            QVERIFY(std::abs(s.latencyAtMs(percentile) - nearestRankMs(all.sorted, percentile))
                    / nearestRankMs(all.sorted, percentile)
                < 0.01);
        }
    }

    void aBaselineIsDashedBesideTheRun()
    {
        const Known run = knownData(5000, 50, 4);
        const Known base = knownData(5000, 30, 5);
        SpectrumChart chart;
        chart.reset({ QStringLiteral("chat") });
        chart.setSpectra({ LatencySpectrum::of(QStringLiteral("all"), run.histogram),
            LatencySpectrum::of(QStringLiteral("chat"), run.histogram) });
        chart.setBaseline({ LatencySpectrum::of(QStringLiteral("all"), base.histogram),
            LatencySpectrum::of(QStringLiteral("chat"), base.histogram) });
        QCOMPARE(chart.lines().size(), 2);
        QVERIFY(chart.lines().at(1).first.contains(QStringLiteral("baseline")));
        QVERIFY(std::abs(at(chart.lines().at(1).second, 1) - nearestRankMs(base.sorted, 90)) < 0.1);
        chart.setBaseline({});
        QCOMPARE(chart.lines().size(), 1);
    }

    void aNewSnapshotReplacesThePointsOfTheSameLines()
    {
        const Known first = knownData(500, 50, 7);
        const Known second = knownData(5000, 80, 8);
        SpectrumChart chart;
        chart.reset({ QStringLiteral("chat") });
        chart.setSpectra({ LatencySpectrum::of(QStringLiteral("all"), first.histogram) });
        const QList<QAbstractSeries*> before = chart.chart()->series();
        QCOMPARE(before.size(), 1);
        chart.setSpectra({ LatencySpectrum::of(QStringLiteral("all"), second.histogram) });
        QCOMPARE(chart.chart()->series(), before); // the same line, its points replaced
        QVERIFY(std::abs(at(chart.lines().at(0).second, 1) - nearestRankMs(second.sorted, 90)) < 0.2);
    }

    void theDashboardDrawsTheSnapshotsAndTheReportsSpectra()
    {
        const Known known = knownData(3000, 80, 6);
        Dashboard dashboard;
        dashboard.reset({ QStringLiteral("chat") });
        LiveSnapshot s;
        s.spectra = { LatencySpectrum::of(QStringLiteral("all"), known.histogram),
            LatencySpectrum::of(QStringLiteral("chat"), known.histogram) };
        dashboard.applySnapshot(s);
        SpectrumChart* chart = dashboard.spectrumChart();
        QCOMPARE(chart->lines().size(), 1);
        QVERIFY(std::abs(at(chart->lines().at(0).second, 2) - nearestRankMs(known.sorted, 99)) < 0.2);

        Report r;
        r.overall.histogram = known.histogram;
        r.requestTypes.append(StatsSummary {});
        r.requestTypes[0].name = QStringLiteral("chat");
        r.requestTypes[0].histogram = known.histogram;
        r.timeline.append(TimelineRow {});
        dashboard.showReport(r);
        QCOMPARE(chart->lines().size(), 1);
        QVERIFY(std::abs(at(chart->lines().at(0).second, 1) - nearestRankMs(known.sorted, 90)) < 0.2);
        dashboard.setBaseline(r);
        QCOMPARE(chart->lines().size(), 2);
    }
};

QTEST_MAIN(TestSpectrumChart)
#include "tst_spectrumchart.moc"
