// SPDX-License-Identifier: MIT

#include "stages.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Stressdeck;

Q_DECLARE_METATYPE(Stages::Unit)

namespace {

Stages parsed(const char* text, Stages::Unit unit = Stages::Unit::Rate)
{
    QString error;
    const auto stages = Stages::parse(QString::fromUtf8(text), unit, &error);
    if (!stages)
        qFatal("%s: %s", text, qPrintable(error));
    return *stages;
}

} // namespace

class TestStages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Stages::Unit>("unit");
        QTest::addColumn<QList<Stage>>("expected");
        QTest::addRow("k6 example") << QStringLiteral("30s:10,2m:10,30s:50,2m:50,30s:0") << Stages::Unit::Users
                                    << QList<Stage> { { 30, 10 }, { 120, 10 }, { 30, 50 }, { 120, 50 }, { 30, 0 } };
        QTest::addRow("compound and ms") << QStringLiteral("1m30s:5,500ms:5,1h:0") << Stages::Unit::Users
                                         << QList<Stage> { { 90, 5 }, { 0.5, 5 }, { 3600, 0 } };
        QTest::addRow("step and spaces") << QStringLiteral(" 0s : 20 , 10s:20 ") << Stages::Unit::Users
                                         << QList<Stage> { { 0, 20 }, { 10, 20 } };
        QTest::addRow("real rates") << QStringLiteral("1m:100,2m:100.5,1m:0.25") << Stages::Unit::Rate
                                    << QList<Stage> { { 60, 100 }, { 120, 100.5 }, { 60, 0.25 } };
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(Stages::Unit, unit);
        QFETCH(QList<Stage>, expected);
        QString error;
        const auto stages = Stages::parse(text, unit, &error);
        QVERIFY2(stages, qPrintable(error));
        QCOMPARE(stages->stages(), expected);
        QCOMPARE(stages->unit(), unit);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Stages::Unit>("unit");
        QTest::addColumn<QString>("message");
        const auto users = Stages::Unit::Users;
        const auto rate = Stages::Unit::Rate;
        QTest::addRow("empty") << QString() << users << QStringLiteral("stages: none given");
        QTest::addRow("no target") << QStringLiteral("30s") << users
                                   << QStringLiteral("stage 1: \"30s\" is not DURATION:TARGET");
        QTest::addRow("two colons") << QStringLiteral("30s:10:5") << users
                                    << QStringLiteral("stage 1: \"30s:10:5\" is not DURATION:TARGET");
        QTest::addRow("bad duration") << QStringLiteral("30s:10,abc:5") << users
                                      << QStringLiteral("stage 2: \"abc\" is not a duration");
        QTest::addRow("negative duration")
            << QStringLiteral("30s:10,-5s:5") << users << QStringLiteral("stage 2: \"-5s\" is not a duration");
        QTest::addRow("negative target")
            << QStringLiteral("30s:10,1m:-1") << rate
            << QStringLiteral("stage 2: \"-1\" is not a rate (requests per second from 0 to 10000000)");
        QTest::addRow("fractional users")
            << QStringLiteral("1m:2.5") << users
            << QStringLiteral("stage 1: \"2.5\" is not a number of users (a whole number from 0 to 100000)");
        QTest::addRow("too many users")
            << QStringLiteral("1m:10,1m:100001") << users
            << QStringLiteral("stage 2: \"100001\" is not a number of users (a whole number from 0 to 100000)");
        QTest::addRow("not a number") << QStringLiteral(
            "1m:x") << rate << QStringLiteral("stage 1: \"x\" is not a rate (requests per second from 0 to 10000000)");
        QTest::addRow("trailing comma") << QStringLiteral("30s:10,") << users
                                        << QStringLiteral("stage 2: \"\" is not DURATION:TARGET");
        QTest::addRow("no time at all") << QStringLiteral(
            "0s:10") << users << QStringLiteral("stages: the total duration must be above 0 and at most 7 days");
        QTest::addRow("longer than a week")
            << QStringLiteral("100h:1,100h:1") << users
            << QStringLiteral("stages: the total duration must be above 0 and at most 7 days");
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(Stages::Unit, unit);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!Stages::parse(text, unit, &error));
        QCOMPARE(error, message);
    }

    void targetAt_data()
    {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("target");
        QTest::addColumn<int>("stage");
        // 0 → 10 over 10 s, flat 10 s, a step to 50, then 50 → 0 over 10 s.
        QTest::addRow("before") << -1.0 << 0.0 << 0;
        QTest::addRow("start") << 0.0 << 0.0 << 0;
        QTest::addRow("mid ramp") << 5.0 << 5.0 << 0;
        QTest::addRow("end of ramp") << 10.0 << 10.0 << 1;
        QTest::addRow("flat") << 15.0 << 10.0 << 1;
        QTest::addRow("step applies at its boundary") << 20.0 << 50.0 << 3;
        QTest::addRow("ramp down") << 25.0 << 25.0 << 3;
        QTest::addRow("end") << 30.0 << 0.0 << 3;
        QTest::addRow("after") << 100.0 << 0.0 << 3;
    }
    void targetAt()
    {
        QFETCH(double, t);
        QFETCH(double, target);
        QFETCH(int, stage);
        const Stages stages = parsed("10s:10,10s:10,0s:50,10s:0");
        QCOMPARE(stages.targetAt(t), target);
        QCOMPARE(stages.stageAt(t), stage);
        QCOMPARE(stages.totalDuration(), 30.0);
    }

    void leadingStep()
    {
        const Stages stages = parsed("0s:5,10s:5");
        QCOMPARE(stages.targetAt(0), 5.0);
        QCOMPARE(stages.stageAt(0), 1);
        QCOMPARE(Stages().stageAt(0), -1);
        QCOMPARE(Stages().targetAt(1), 0.0);
    }

    void spans()
    {
        const QList<StageSpan> spans = parsed("10s:10,0s:50,5s:50").spans();
        QCOMPARE(spans.size(), 3);
        QCOMPARE(spans[0].startS, 0.0);
        QCOMPARE(spans[0].endS, 10.0);
        QCOMPARE(spans[0].fromTarget, 0.0);
        QCOMPARE(spans[1].startS, 10.0);
        QCOMPARE(spans[1].endS, 10.0);
        QCOMPARE(spans[1].fromTarget, 10.0);
        QCOMPARE(spans[1].target, 50.0);
        QCOMPARE(spans[2].startS, 10.0);
        QCOMPARE(spans[2].endS, 15.0);
        QCOMPARE(spans[2].fromTarget, 50.0);
    }

    void arrivalTime_data()
    {
        QTest::addColumn<QString>("stages");
        QTest::addColumn<qint64>("k");
        QTest::addColumn<double>("expected"); // NaN: none
        const double none = std::nan("");
        // Ramp 0 → 10 over 10 s: ∫ = t²/2, so arrival k is at √(2k).
        const QString up = QStringLiteral("10s:10");
        QTest::addRow("ramp up, first") << up << qint64(1) << std::sqrt(2.0);
        QTest::addRow("ramp up, 18th") << up << qint64(18) << 6.0;
        QTest::addRow("ramp up, last") << up << qint64(50) << 10.0;
        QTest::addRow("ramp up, past the end") << up << qint64(51) << none;
        QTest::addRow("k = 0 is no arrival") << up << qint64(0) << none;
        // Flat 4 req/s: k / 4.
        const QString flat = QStringLiteral("0s:4,10s:4");
        QTest::addRow("flat, first") << flat << qint64(1) << 0.25;
        QTest::addRow("flat, 40th") << flat << qint64(40) << 10.0;
        // Then 10 → 0 over 10 s: 50 + 10τ − τ²/2 = k, τ = 10 − √(100 − 2(k − 50)).
        const QString down = QStringLiteral("10s:10,10s:0");
        QTest::addRow("ramp down, 68th") << down << qint64(68) << 12.0;
        QTest::addRow("ramp down, 82nd") << down << qint64(82) << 14.0;
        QTest::addRow("ramp down, last at the end") << down << qint64(100) << 20.0;
        QTest::addRow("ramp down, past the end") << down << qint64(101) << none;
        // 10 req/s for 1 s, a step to 20 req/s for 1 s.
        const QString step = QStringLiteral("0s:10,1s:10,0s:20,1s:20");
        QTest::addRow("step, at the boundary") << step << qint64(10) << 1.0;
        QTest::addRow("step, after") << step << qint64(12) << 1.1;
        QTest::addRow("step, last") << step << qint64(30) << 2.0;
        // 10 req/s for 1 s, nothing for 5 s, 10 req/s for 1 s.
        const QString gap = QStringLiteral("0s:10,1s:10,0s:0,5s:0,0s:10,1s:10");
        QTest::addRow("gap, before it") << gap << qint64(10) << 1.0;
        QTest::addRow("gap, after it") << gap << qint64(11) << 6.1;
        QTest::addRow("gap, last") << gap << qint64(20) << 7.0;
        QTest::addRow("gap, past the end") << gap << qint64(21) << none;
        // A schedule that ends at 0 and never picks up again.
        QTest::addRow("ends at zero") << QStringLiteral("2s:2,10s:0") << qint64(13) << none;
    }
    void arrivalTime()
    {
        QFETCH(QString, stages);
        QFETCH(qint64, k);
        QFETCH(double, expected);
        QString error;
        const auto s = Stages::parse(stages, Stages::Unit::Rate, &error);
        QVERIFY2(s, qPrintable(error));
        const auto t = s->arrivalTime(k);
        if (std::isnan(expected)) {
            QVERIFY2(!t, qPrintable(QString::number(t.value_or(-1))));
            return;
        }
        QVERIFY(t);
        QVERIFY2(std::abs(*t - expected) <= 1e-12 * std::max(1.0, expected),
            qPrintable(QStringLiteral("%1 instead of %2").arg(*t, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }

    void tinySlopeIsExact()
    {
        // 100 → 100.000001 req/s over 1000 s: the textbook root (−b + √(b² + 4ac)) / 2a would lose
        // every digit here; the stable one keeps the flat-rate answer k / 100 to rounding.
        const Stages stages = parsed("0s:100,1000s:100.000001");
        for (qint64 k : { qint64(1), qint64(7), qint64(1000), qint64(99999) }) {
            const double t = *stages.arrivalTime(k);
            const double slope = 0.000001 / 1000;
            const double residual = 100 * t + slope * t * t / 2 - double(k);
            QVERIFY2(std::abs(residual) <= 1e-9 * double(k), qPrintable(QString::number(residual)));
        }
        QVERIFY(std::abs(*stages.arrivalTime(1) - 0.01) < 1e-15);
    }

    void integralAndExpectedArrivals()
    {
        const Stages up = parsed("10s:10");
        QCOMPARE(up.integral(4), 8.0);
        QCOMPARE(up.expectedArrivals(2, 4), 6.0);
        QCOMPARE(up.integral(-1), 0.0);
        QCOMPARE(up.integral(99), 50.0);
        const Stages down = parsed("10s:10,10s:0");
        QCOMPARE(down.integral(12), 68.0);
        QCOMPARE(down.expectedArrivals(0, 20), 100.0);
    }

    void arrivalsMatchTheIntegral_data()
    {
        QTest::addColumn<QString>("stages");
        QTest::addRow("k6 shape") << QStringLiteral("30s:10,2m:10,30s:50,2m:50,30s:0");
        QTest::addRow("steps and gaps") << QStringLiteral("0s:3.5,7s:3.5,0s:0,3s:0,0s:12,4s:0.5,2s:9");
        QTest::addRow("slow ramp") << QStringLiteral("1m:0.7,30s:0.01");
    }
    void arrivalsMatchTheIntegral()
    {
        QFETCH(QString, stages);
        QString error;
        const auto s = Stages::parse(stages, Stages::Unit::Rate, &error);
        QVERIFY2(s, qPrintable(error));
        std::vector<double> times;
        ArrivalCursor cursor(*s);
        while (const auto t = cursor.next()) {
            QCOMPARE(cursor.index(), qint64(times.size() + 1));
            // The cursor agrees exactly with the random-access answer.
            QCOMPARE(*t, *s->arrivalTime(cursor.index()));
            if (!times.empty())
                QVERIFY(*t >= times.back());
            // The integral at an arrival is its number.
            QVERIFY(std::abs(s->integral(*t) - double(times.size() + 1)) < 1e-6);
            times.push_back(*t);
        }
        QVERIFY(!cursor.next()); // stays ended
        QCOMPARE(qint64(times.size()), qint64(std::floor(s->integral(s->totalDuration()) + 1e-9)));
        QVERIFY(!times.empty());
        // Over any [0, T]: floor(∫₀ᵀ rate) arrivals (T chosen off the integer crossings).
        for (double fraction : { 0.013, 0.31, 0.5, 0.77, 0.999 }) {
            const double end = fraction * s->totalDuration();
            const double integral = s->integral(end);
            if (std::abs(integral - std::round(integral)) < 1e-6)
                continue;
            const auto count = std::count_if(times.begin(), times.end(), [end](double t) { return t <= end; });
            QCOMPARE(qint64(count), qint64(std::floor(integral)));
        }
    }

    void stringRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Stages::Unit>("unit");
        QTest::addColumn<QString>("canonical");
        QTest::addRow("users") << QStringLiteral("30s:10,2m:10,30s:50,2m:50,30s:0") << Stages::Unit::Users
                               << QStringLiteral("30s:10,2m00s:10,30s:50,2m00s:50,30s:0");
        QTest::addRow("rates") << QStringLiteral("90s:0.25, 500ms:100.5,0s:7,1h:7") << Stages::Unit::Rate
                               << QStringLiteral("1m30s:0.25,500ms:100.5,0s:7,1h00m00s:7");
    }
    void stringRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(Stages::Unit, unit);
        QFETCH(QString, canonical);
        QString error;
        const auto stages = Stages::parse(text, unit, &error);
        QVERIFY2(stages, qPrintable(error));
        QCOMPARE(stages->toString(), canonical);
        const auto again = Stages::parse(canonical, unit, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(*again, *stages);

        const QJsonArray json = stages->toJson();
        QCOMPARE(json.size(), stages->stages().size());
        QCOMPARE(json[0].toObject().value(QLatin1String("duration_s")).toDouble(), stages->stages()[0].durationS);
        QCOMPARE(json[0].toObject().value(QLatin1String("target")).toDouble(), stages->stages()[0].target);
        const auto fromJson = Stages::fromJson(json, unit, &error);
        QVERIFY2(fromJson, qPrintable(error));
        QCOMPARE(*fromJson, *stages);
    }

    void jsonErrors()
    {
        QString error;
        QVERIFY(!Stages::fromJson(QJsonArray {}, Stages::Unit::Users, &error));
        QCOMPARE(error, QStringLiteral("stages: none given"));
        const QJsonObject good { { QStringLiteral("duration_s"), 10 }, { QStringLiteral("target"), 3 } };
        QVERIFY(!Stages::fromJson(
            QJsonArray { good, QJsonObject { { QStringLiteral("duration_s"), 10 } } }, Stages::Unit::Users, &error));
        QCOMPARE(
            error, QStringLiteral("stage 2: \"(missing)\" is not a number of users (a whole number from 0 to 100000)"));
        QVERIFY(!Stages::fromJson(
            QJsonArray { QJsonObject { { QStringLiteral("duration_s"), -1 }, { QStringLiteral("target"), 3 } } },
            Stages::Unit::Rate, &error));
        QCOMPARE(error, QStringLiteral("stage 1: \"-1\" is not a duration"));
        QVERIFY(!Stages::fromJson(
            QJsonArray { QJsonObject { { QStringLiteral("duration_s"), 5 }, { QStringLiteral("target"), 1.5 } } },
            Stages::Unit::Users, &error));
        QVERIFY(error.startsWith(QStringLiteral("stage 1: \"1.5\"")));
        QVERIFY(Stages::fromJson(QJsonArray { good }, Stages::Unit::Users, &error));
    }
};

QTEST_GUILESS_MAIN(TestStages)
#include "tst_stages.moc"
