// SPDX-License-Identifier: MIT

#include "histogram.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace Stressdeck;

class TestHistogram : public QObject {
    Q_OBJECT

    static std::int64_t exactPercentile(std::vector<std::int64_t> sorted, double p)
    {
        const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(p / 100.0 * double(sorted.size()))));
        return sorted[size_t(rank - 1)];
    }

private Q_SLOTS:
    void percentilesMatchExactData_data()
    {
        QTest::addColumn<int>("distribution");
        QTest::addRow("lognormal around 50 ms") << 0;
        QTest::addRow("uniform 1 us to 10 s") << 1;
        QTest::addRow("bimodal 10 ms / 200 ms") << 2;
        QTest::addRow("sub-microsecond to seconds") << 3;
    }

    void percentilesMatchExactData()
    {
        QFETCH(int, distribution);
        std::mt19937_64 rng(42 + distribution);
        std::vector<std::int64_t> values;
        for (int i = 0; i < 200000; ++i) {
            double v = 0;
            switch (distribution) {
            case 0:
                v = std::lognormal_distribution<double>(std::log(50e6), 0.8)(rng);
                break;
            case 1:
                v = std::uniform_real_distribution<double>(1e3, 10e9)(rng);
                break;
            case 2:
                v = (i % 10 == 9) ? 200e6 + double(i % 1000) * 1000 : 10e6 + double(i % 500) * 1000;
                break;
            default:
                v = std::exp(std::uniform_real_distribution<double>(std::log(100.0), std::log(5e9))(rng));
                break;
            }
            values.push_back(std::int64_t(v));
        }
        Histogram h;
        for (auto v : values)
            h.record(v);
        std::sort(values.begin(), values.end());
        QCOMPARE(h.count(), std::int64_t(values.size()));
        QCOMPARE(h.minNs(), values.front());
        QCOMPARE(h.maxNs(), values.back());
        for (double p : { 1.0, 10.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0 }) {
            const double exact = double(exactPercentile(values, p));
            const double got = double(h.percentileNs(p));
            QVERIFY2(std::abs(got - exact) <= exact * 0.001 + 0.5,
                qPrintable(QStringLiteral("p%1: got %2, exact %3").arg(p).arg(got).arg(exact)));
        }
    }

    void everyBucketIsNarrowerThanATenthOfAPercent()
    {
        for (int i = Histogram::SubBucketCount; i < Histogram::BucketCount; i += 97) {
            const auto low = Histogram::lowestEquivalent(i);
            QVERIFY(double(Histogram::bucketWidth(i)) / double(low) <= 1.0 / 1024.0 + 1e-12);
            QCOMPARE(Histogram::indexFor(low), i);
            QCOMPARE(Histogram::indexFor(low + Histogram::bucketWidth(i) - 1), i);
        }
    }

    void mergeEqualsRecordingEverything()
    {
        Histogram a, b, all;
        std::mt19937_64 rng(7);
        for (int i = 0; i < 10000; ++i) {
            const auto v = std::int64_t(std::uniform_real_distribution<double>(1, 1e9)(rng));
            (i % 3 ? a : b).record(v);
            all.record(v);
        }
        a.merge(b);
        QVERIFY(a == all);
        QCOMPARE(a.percentileNs(99), all.percentileNs(99));
    }

    void jsonRoundTripIsLossless()
    {
        Histogram h;
        for (int i = 1; i < 5000; ++i)
            h.record(std::int64_t(i) * 7919);
        const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(h.toJson()).toJson()).object();
        Histogram back;
        QString error;
        QVERIFY2(back.fromJson(json, &error), qPrintable(error));
        QCOMPARE(back.count(), h.count());
        QCOMPARE(back.minNs(), h.minNs());
        QCOMPARE(back.maxNs(), h.maxNs());
        for (double p : { 50.0, 99.0, 99.9 })
            QCOMPARE(back.percentileNs(p), h.percentileNs(p));
        QVERIFY(back == h);
    }

    void rejectsCorruptJson()
    {
        Histogram h;
        h.record(1000);
        QJsonObject json = h.toJson();
        json.insert(QStringLiteral("count"), 5);
        Histogram back;
        QString error;
        QVERIFY(!back.fromJson(json, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(back.isEmpty());
        QVERIFY(!back.fromJson(QJsonObject {}, &error));
    }

    void memoryDoesNotGrowWithRecords()
    {
        Histogram h;
        const std::size_t fresh = h.memoryBytes();
        // Millions of values spread log-uniformly over the whole trackable range, and past both ends.
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> exponent(0, std::log(double(Histogram::HighestTrackable) * 2));
        constexpr int Records = 3'000'000;
        for (int i = 0; i < Records; ++i)
            h.record(std::int64_t(std::exp(exponent(rng))) - 1);
        h.record(-1);
        h.record(Histogram::HighestTrackable * 2);
        QCOMPARE(h.count(), Records + 2);
        QCOMPARE(h.minNs(), 0);
        QCOMPARE(h.maxNs(), Histogram::HighestTrackable);
        QCOMPARE(h.memoryBytes(), fresh);
        // The figure is honest: it holds a count for every bucket of the layout.
        QVERIFY(fresh >= std::size_t(Histogram::BucketCount) * sizeof(std::int64_t));

        Histogram merged;
        merged.merge(h);
        QCOMPARE(merged.memoryBytes(), fresh);
        Histogram parsed;
        QString error;
        QVERIFY2(parsed.fromJson(h.toJson(), &error), qPrintable(error));
        QCOMPARE(parsed.memoryBytes(), fresh);

        h.reset();
        QVERIFY(h.isEmpty());
        QCOMPARE(h.percentileNs(50), 0);
        QCOMPARE(h.memoryBytes(), fresh);
    }

    void clampsOutOfRangeValues()
    {
        Histogram h;
        h.record(-5);
        h.record(Histogram::HighestTrackable * 4);
        QCOMPARE(h.minNs(), 0);
        QCOMPARE(h.maxNs(), Histogram::HighestTrackable);
    }
};

QTEST_GUILESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
