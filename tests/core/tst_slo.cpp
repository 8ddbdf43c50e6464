// SPDX-License-Identifier: MIT

#include "slo.h"

#include <QJsonObject>
#include <QTest>

using namespace Stressdeck;

namespace {

SloFigures figures(double p95Ms, double errorPct)
{
    SloFigures f;
    f.p50Ms = p95Ms / 4;
    f.p90Ms = p95Ms / 2;
    f.p95Ms = p95Ms;
    f.p99Ms = p95Ms * 2;
    f.errorPct = errorPct;
    return f;
}

} // namespace

class TestSlo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<SloTerm>>("terms");
        QTest::addColumn<QString>("canonical");
        QTest::addRow("issue example") << QStringLiteral("p95<500ms,errors<1%")
                                       << QList<SloTerm> { { {}, SloMetric::P95, 500 }, { {}, SloMetric::Errors, 1 } }
                                       << QStringLiteral("p95<500ms,errors<1%");
        QTest::addRow("every metric")
            << QStringLiteral("p50<0.1s, p90<200ms,p99<2s,errors<0.5,ttft_p95<1s,tpot_p95<50ms")
            << QList<SloTerm> { { {}, SloMetric::P50, 100 }, { {}, SloMetric::P90, 200 }, { {}, SloMetric::P99, 2000 },
                   { {}, SloMetric::Errors, 0.5 }, { {}, SloMetric::TtftP95, 1000 }, { {}, SloMetric::TpotP95, 50 } }
            << QStringLiteral("p50<100ms,p90<200ms,p99<2s,errors<0.5%,ttft_p95<1s,tpot_p95<50ms");
        QTest::addRow("per type") << QStringLiteral("chat.p95<800ms,all.p99<1m,search-v2.errors<2%")
                                  << QList<SloTerm> { { QStringLiteral("chat"), SloMetric::P95, 800 },
                                         { {}, SloMetric::P99, 60000 },
                                         { QStringLiteral("search-v2"), SloMetric::Errors, 2 } }
                                  << QStringLiteral("chat.p95<800ms,p99<1m00s,search-v2.errors<2%");
        QTest::addRow("same metric, other type")
            << QStringLiteral("p95<1s,chat.p95<800ms")
            << QList<SloTerm> { { {}, SloMetric::P95, 1000 }, { QStringLiteral("chat"), SloMetric::P95, 800 } }
            << QStringLiteral("p95<1s,chat.p95<800ms");
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QList<SloTerm>, terms);
        QFETCH(QString, canonical);
        QString error;
        const auto slo = Slo::parse(text, &error);
        QVERIFY2(slo, qPrintable(error));
        QCOMPARE(slo->terms(), terms);
        QCOMPARE(slo->toString(), canonical);
        const auto again = Slo::parse(canonical, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(*again, *slo);
        const auto fromJson = Slo::fromJson(slo->toJson(), &error);
        QVERIFY2(fromJson, qPrintable(error));
        QCOMPARE(*fromJson, *slo);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << QStringLiteral(" ") << QStringLiteral("SLO: no terms given");
        QTest::addRow("unknown metric") << QStringLiteral("p95<500ms,p97<1s")
                                        << QStringLiteral("SLO term \"p97<1s\": not one of p50|p90|p95|p99<DURATION, "
                                                          "errors<PCT, ttft_p95<DURATION, tpot_p95<DURATION, "
                                                          "optionally after \"TYPE.\"");
        QTest::addRow("greater than") << QStringLiteral("p95>500ms")
                                      << QStringLiteral("SLO term \"p95>500ms\": not one of p50|p90|p95|p99<DURATION, "
                                                        "errors<PCT, ttft_p95<DURATION, tpot_p95<DURATION, "
                                                        "optionally after \"TYPE.\"");
        QTest::addRow("bad duration") << QStringLiteral("p95<fast")
                                      << QStringLiteral("SLO term \"p95<fast\": \"fast\" is not a duration above 0");
        QTest::addRow("zero duration") << QStringLiteral(
            "errors<1%,chat.p99<0ms") << QStringLiteral("SLO term \"chat.p99<0ms\": \"0ms\" is not a duration above 0");
        QTest::addRow("bad percentage")
            << QStringLiteral("errors<lots")
            << QStringLiteral("SLO term \"errors<lots\": \"lots\" is not a percentage above 0 and at most 100");
        QTest::addRow("over 100 percent")
            << QStringLiteral("errors<150%")
            << QStringLiteral("SLO term \"errors<150%\": \"150%\" is not a percentage above 0 and at most 100");
        QTest::addRow("twice") << QStringLiteral("p95<1s,all.p95<2s")
                               << QStringLiteral("SLO term \"all.p95<2s\": p95 is limited twice");
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!Slo::parse(text, &error));
        QCOMPARE(error, message);
    }

    void jsonShape()
    {
        QString error;
        const auto slo = Slo::parse(QStringLiteral("chat.p95<800ms,errors<1%"), &error);
        QVERIFY(slo);
        const QJsonArray json = slo->toJson();
        QCOMPARE(json.size(), 2);
        QCOMPARE(json[0].toObject(),
            (QJsonObject { { QStringLiteral("metric"), QStringLiteral("p95") },
                { QStringLiteral("type"), QStringLiteral("chat") }, { QStringLiteral("limit_ms"), 800 } }));
        QCOMPARE(json[1].toObject(),
            (QJsonObject {
                { QStringLiteral("metric"), QStringLiteral("errors") }, { QStringLiteral("limit_pct"), 1 } }));
        QVERIFY(
            !Slo::fromJson(QJsonArray { QJsonObject { { QStringLiteral("metric"), QStringLiteral("p42") } } }, &error));
        QCOMPARE(error, QStringLiteral("SLO term \"p42\": not a valid term"));
        QVERIFY(!Slo::fromJson(QJsonArray { QJsonObject { { QStringLiteral("metric"), QStringLiteral("p95") },
                                   { QStringLiteral("limit_ms"), -3 } } },
            &error));
        QCOMPARE(error, QStringLiteral("SLO term \"p95\": not a valid term"));
        QVERIFY(!Slo::fromJson(QJsonArray {}, &error));
    }

    void evaluate()
    {
        QString error;
        const auto slo = Slo::parse(QStringLiteral("p95<500ms,errors<1%,chat.p95<800ms,p99<5s"), &error);
        QVERIFY(slo);
        SloInput input;
        input.insert(QStringLiteral("all"), figures(1900, 0.5));
        input.insert(QStringLiteral("chat"), figures(300, 4));
        const QList<SloTermResult> results = slo->evaluate(input);
        QCOMPARE(results.size(), 4);
        QCOMPARE(results[0].verdict, SloVerdict::Fail);
        QCOMPARE(results[0].actual, 1900.0);
        QCOMPARE(results[0].detail, QStringLiteral("p95 1.90 s ≥ 500.0 ms"));
        QCOMPARE(results[1].verdict, SloVerdict::Pass);
        QCOMPARE(results[1].detail, QStringLiteral("errors 0.5 % < 1 %"));
        QCOMPARE(results[2].verdict, SloVerdict::Pass);
        QCOMPARE(results[2].detail, QStringLiteral("chat.p95 300.0 ms < 800.0 ms"));
        QCOMPARE(results[3].verdict, SloVerdict::Pass); // p99 3.8 s
        QVERIFY(!Slo::met(results));
        QCOMPARE(Slo::failures(results), QStringLiteral("p95 1.90 s ≥ 500.0 ms"));

        input.insert(QStringLiteral("all"), figures(499, 0.99));
        QVERIFY(Slo::met(slo->evaluate(input)));
        input.insert(QStringLiteral("all"), figures(500, 0)); // the limit itself breaks a strict "<"
        QCOMPARE(slo->evaluate(input)[0].verdict, SloVerdict::Fail);
        input.insert(QStringLiteral("all"), figures(100, 1));
        QCOMPARE(slo->evaluate(input)[1].verdict, SloVerdict::Fail);
        QCOMPARE(slo->evaluate(input)[1].detail, QStringLiteral("errors 1 % ≥ 1 %"));
    }

    void missingFiguresAreNoData()
    {
        QString error;
        const auto slo = Slo::parse(QStringLiteral("errors<5%,chat.p95<800ms,ttft_p95<1s,p50<1s"), &error);
        QVERIFY(slo);
        SloInput input;
        SloFigures all = figures(100, 100);
        all.hasLatencies = false; // every request failed
        input.insert(QStringLiteral("all"), all);
        const QList<SloTermResult> results = slo->evaluate(input);
        QCOMPARE(results[0].verdict, SloVerdict::Fail);
        QCOMPARE(results[1].verdict, SloVerdict::NoData);
        QCOMPARE(results[1].detail, QStringLiteral("chat.p95: no data"));
        QCOMPARE(results[2].verdict, SloVerdict::NoData);
        QCOMPARE(results[3].verdict, SloVerdict::NoData);
        QVERIFY(!Slo::met(results));

        all = figures(100, 0);
        all.ttftP95Ms = 900;
        input.insert(QStringLiteral("all"), all);
        input.insert(QStringLiteral("chat"), figures(700, 0));
        const QList<SloTermResult> passing = slo->evaluate(input);
        QCOMPARE(passing[2].verdict, SloVerdict::Pass);
        QCOMPARE(passing[2].actual, 900.0);
        QVERIFY(Slo::met(passing));
        QVERIFY(Slo::met({}));
    }
};

QTEST_GUILESS_MAIN(TestSlo)
#include "tst_slo.moc"
