// SPDX-License-Identifier: MIT

#include "latencyspectrum.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace Stressdeck;

namespace {

//! The nearest-rank percentile of sorted values, as a reference independent of the histogram.
double nearestRank(const std::vector<std::int64_t>& sorted, double p)
{
    const auto rank = std::max<std::size_t>(1, std::size_t(std::ceil(p / 100.0 * double(sorted.size()))));
    return double(sorted[std::min(rank, sorted.size()) - 1]);
}

} // namespace

class TestLatencySpectrum : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ninesAxis_data()
    {
        QTest::addColumn<double>("percentile");
        QTest::addColumn<double>("nines");
        QTest::addRow("0") << 0.0 << 0.0;
        QTest::addRow("90") << 90.0 << 1.0;
        QTest::addRow("99") << 99.0 << 2.0;
        QTest::addRow("99.9") << 99.9 << 3.0;
        QTest::addRow("99.99") << 99.99 << 4.0;
    }
    void ninesAxis()
    {
        QFETCH(double, percentile);
        QFETCH(double, nines);
        QVERIFY(std::abs(LatencySpectrum::ninesOf(percentile) - nines) < 1e-9);
        QVERIFY(std::abs(LatencySpectrum::percentileOf(nines) - percentile) < 1e-9);
    }

    void pointsArePercentilesOfTheRecordedValues()
    {
        std::mt19937_64 rng(7);
        std::lognormal_distribution<double> ms(std::log(40.0), 0.9);
        std::vector<std::int64_t> values;
        Histogram h;
        for (int i = 0; i < 50000; ++i) {
            values.push_back(std::int64_t(ms(rng) * 1e6));
            h.record(values.back());
        }
        std::sort(values.begin(), values.end());
        const LatencySpectrum s = LatencySpectrum::of(QStringLiteral("chat"), h);
        QCOMPARE(s.name, QStringLiteral("chat"));
        QCOMPARE(s.count, 50000);
        QCOMPARE(s.nines.size(), s.latencyMs.size());
        QCOMPARE(s.nines.constFirst(), 0.0);
        QVERIFY(std::abs(s.nines.constLast() - LatencySpectrum::MaxNines) < 1e-9);
        QCOMPARE(s.latencyMs.constFirst(), double(values.front()) / 1e6);
        QVERIFY(std::is_sorted(s.latencyMs.begin(), s.latencyMs.end()));
        for (double p : { 50.0, 90.0, 99.0, 99.9, 99.99 }) {
            const double expected = nearestRank(values, p) / 1e6;
            const double got = s.latencyAtMs(p);
            QVERIFY2(std::abs(got - expected) / expected < 0.002,
                qPrintable(QStringLiteral("p%1: %2 ms, expected %3 ms").arg(p).arg(got).arg(expected)));
        }
    }

    void aSmallCountStopsAtItsMaximum()
    {
        Histogram h;
        for (int i = 1; i <= 50; ++i)
            h.record(std::int64_t(i) * 1'000'000);
        const LatencySpectrum s = LatencySpectrum::of(QStringLiteral("all"), h);
        // 50 requests tell 1.7 nines apart, no more; the last point is the slowest request.
        QVERIFY(std::abs(s.nines.constLast() - std::log10(50.0)) < 1e-9);
        QVERIFY(std::abs(s.latencyMs.constLast() - 50.0) < 0.05);
        QVERIFY(std::abs(s.latencyAtMs(90) - 45.0) < 0.05);
    }

    void anEmptyHistogramHasNoPoints()
    {
        const LatencySpectrum s = LatencySpectrum::of(QStringLiteral("all"), Histogram());
        QVERIFY(s.isEmpty());
        QVERIFY(s.nines.isEmpty());
        QCOMPARE(s.latencyAtMs(99), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLatencySpectrum)
#include "tst_latencyspectrum.moc"
