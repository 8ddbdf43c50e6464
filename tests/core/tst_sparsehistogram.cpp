// SPDX-License-Identifier: MIT

#include "sparsehistogram.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace Stressdeck;

namespace {

Histogram lognormal(int count, quint64 seed, double medianMs = 50)
{
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> ms(std::log(medianMs), 0.8);
    Histogram h;
    for (int i = 0; i < count; ++i)
        h.record(std::int64_t(ms(rng) * 1e6));
    return h;
}

} // namespace

class TestSparseHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentilesAreWithinHalfAPercentOfTheDenseOnes()
    {
        const Histogram dense = lognormal(20000, 1);
        const SparseHistogram sparse = SparseHistogram::of(dense);
        QCOMPARE(sparse.count(), dense.count());
        QCOMPARE(sparse.minNs(), dense.minNs());
        QCOMPARE(sparse.maxNs(), dense.maxNs());
        for (double p : { 1.0, 25.0, 50.0, 90.0, 95.0, 99.0, 99.9 }) {
            const double a = double(sparse.percentileNs(p));
            const double b = double(dense.percentileNs(p));
            QVERIFY2(std::abs(a - b) / b < 0.005, qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(a).arg(b)));
        }
        QCOMPARE(sparse.percentileNs(100), dense.maxNs());
    }

    void recordingAndFoldingAgree()
    {
        // The two ways in (record, and folding a dense histogram) give the same buckets.
        std::mt19937_64 rng(3);
        std::uniform_int_distribution<std::int64_t> ns(1, 4'000'000'000);
        Histogram dense;
        SparseHistogram direct;
        for (int i = 0; i < 5000; ++i) {
            const std::int64_t v = ns(rng);
            dense.record(v);
            direct.record(v);
        }
        QVERIFY(direct == SparseHistogram::of(dense));
    }

    void mergeEqualsFoldingTheMergedDenseHistograms()
    {
        Histogram a = lognormal(3000, 5, 20);
        const Histogram b = lognormal(3000, 6, 200);
        SparseHistogram merged = SparseHistogram::of(a);
        merged.merge(SparseHistogram::of(b));
        merged.merge(SparseHistogram {}); // an empty one changes nothing
        a.merge(b);
        QVERIFY(merged == SparseHistogram::of(a));
        SparseHistogram fromEmpty;
        fromEmpty.merge(SparseHistogram::of(b));
        QVERIFY(fromEmpty == SparseHistogram::of(b));
    }

    void bucketsAreBoundedByTheLatencyRangeNotTheRequests()
    {
        // 200 000 requests between 1 ms and 1 s: about ten powers of two, at most 128 buckets each.
        const SparseHistogram h = SparseHistogram::of(lognormal(200000, 9));
        QVERIFY2(h.bucketCount() <= 128 * 14, qPrintable(QString::number(h.bucketCount())));
        QVERIFY(h.bucketCount() > 300); // and it is not a coarse sketch either
    }

    void jsonRoundTripIsLossless()
    {
        const SparseHistogram h = SparseHistogram::of(lognormal(5000, 11));
        const QJsonObject json = QJsonDocument::fromJson(QJsonDocument(h.toJson()).toJson()).object();
        SparseHistogram back;
        QString error;
        QVERIFY2(back.fromJson(json, &error), qPrintable(error));
        QVERIFY(back == h);
        QVERIFY(back.fromJson(SparseHistogram {}.toJson(), &error));
        QVERIFY(back.isEmpty());
    }

    void largeCountsAndTheHighestBucketSurvive()
    {
        // A bucket is 8 bytes, the count above the index bits: a count of 2^49 and the highest
        // index stay what they were through records, merges and JSON.
        constexpr std::int64_t Big = std::int64_t(1) << 49;
        SparseHistogram h;
        h.record(1'000, Big);
        h.record(Histogram::HighestTrackable, 3);
        SparseHistogram other;
        other.record(1'000, 5);
        other.record(2'000'000, 7);
        h.merge(other);
        QCOMPARE(h.count(), Big + 15);
        QCOMPARE(h.bucketCount(), std::size_t(3));
        QCOMPARE(h.percentileNs(50), std::clamp(h.percentileNs(50), std::int64_t(1'000), std::int64_t(1'008)));
        QCOMPARE(h.maxNs(), Histogram::HighestTrackable);
        QVERIFY(h.percentileNs(100) > Histogram::HighestTrackable / 100 * 99); // the highest bucket's midpoint
        SparseHistogram back;
        QString error;
        QVERIFY2(back.fromJson(QJsonDocument::fromJson(QJsonDocument(h.toJson()).toJson()).object(), &error),
            qPrintable(error));
        QVERIFY(back == h);
        // A count the bucket cannot hold is refused, naming the bucket.
        QJsonObject tooBig = h.toJson();
        QJsonArray b = tooBig.value(QStringLiteral("buckets")).toArray();
        b[1] = double(std::int64_t(1) << 50);
        tooBig.insert(QStringLiteral("buckets"), b);
        QVERIFY(!back.fromJson(tooBig, &error));
        QVERIFY2(error.contains(QStringLiteral("bucket 0")), qPrintable(error));
    }

    void rejectsCorruptJson_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("expected");
        SparseHistogram h;
        h.record(1'000'000, 3);
        h.record(9'000'000, 2);
        const QJsonObject good = h.toJson();
        QJsonObject odd = good;
        odd.insert(QStringLiteral("buckets"), QJsonArray { 5 });
        QTest::addRow("odd length") << odd << QStringLiteral("index steps and counts");
        QJsonObject backwards = good;
        QJsonArray b = good.value(QStringLiteral("buckets")).toArray();
        b[2] = 0;
        backwards.insert(QStringLiteral("buckets"), b);
        QTest::addRow("repeated index") << backwards << QStringLiteral("bucket 1");
        QJsonObject zero = good;
        b = good.value(QStringLiteral("buckets")).toArray();
        b[1] = 0;
        zero.insert(QStringLiteral("buckets"), b);
        QTest::addRow("zero count") << zero << QStringLiteral("bucket 0");
        QJsonObject minMax = good;
        minMax.insert(QStringLiteral("min"), 5);
        QTest::addRow("min outside") << minMax << QStringLiteral("\"min\"/\"max\"");
        QTest::addRow("no buckets") << QJsonObject {} << QStringLiteral("\"buckets\"");
    }

    void rejectsCorruptJson()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, expected);
        SparseHistogram back;
        back.record(5);
        QString error;
        QVERIFY(!back.fromJson(json, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(back.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSparseHistogram)
#include "tst_sparsehistogram.moc"
