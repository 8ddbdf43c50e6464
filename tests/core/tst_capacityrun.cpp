// SPDX-License-Identifier: MIT

#include "capacityrun.h"
#include "testserver.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

//! CapacityRun's life: what it emits and when, started, refused, stopped between and during
//! steps, against the loopback test server's slot service (4 slots of 5 ms: 800 req/s).
class TestCapacityRun : public QObject {
    Q_OBJECT

    TestServerThread m_server;

    RunConfig base() const
    {
        RunConfig c;
        c.target = QUrl(m_server.url());
        c.timeoutS = 5;
        c.healthCheck = false;
        return c;
    }

    static Scenario slots(const QByteArray& header = {})
    {
        RequestType t;
        t.name = QStringLiteral("slots");
        t.path = QStringLiteral("/slots/4/5");
        if (!header.isEmpty())
            t.headers.append({ QByteArrayLiteral("Authorization"), header });
        Scenario s;
        s.name = QStringLiteral("slots");
        s.requestTypes = { t };
        return s;
    }

    static CapacityRun::Options rateSearch(double start, double max)
    {
        CapacityRun::Options o;
        o.rate.startRps = start;
        o.rate.maxRps = max;
        o.rate.growth = 2;
        o.stepS = 2;
        QString error;
        o.slo = *Slo::parse(QStringLiteral("p95<1s"), &error);
        return o;
    }

private Q_SLOTS:
    void runsEveryStepAndFinishesOnce()
    {
        CapacityRun run;
        QSignalSpy started(&run, &CapacityRun::stepStarted);
        QSignalSpy judged(&run, &CapacityRun::stepFinished);
        QSignalSpy finished(&run, &CapacityRun::finished);
        QString error;
        QVERIFY2(run.start(base(), slots(), rateSearch(10, 20), &error), qPrintable(error));
        QVERIFY(run.isRunning());
        QCOMPARE(started.count(), 1); // the first step starts at once
        QCOMPARE(started.first().at(2).toDouble(), 10.0);
        QVERIFY(finished.wait(30000));
        QTest::qWait(200); // nothing more comes
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started.count(), 2);
        QCOMPARE(judged.count(), 2);
        QVERIFY(!run.isRunning());
        QVERIFY(!run.wasInterrupted());
        QVERIFY(run.found());
        QCOMPARE(run.rateResult().outcome, CapacityResult::Outcome::AboveMax);
        QVERIFY2(run.summary().startsWith(QLatin1String("Sustains at least 20.0 req/s")), qPrintable(run.summary()));
        const QJsonObject json = run.document();
        QCOMPARE(json.value(QStringLiteral("schema")).toString(), QStringLiteral("stressdeck-capacity/1"));
        QCOMPARE(json.value(QStringLiteral("capacity")).toObject().value(QStringLiteral("mode")).toString(),
            QStringLiteral("rate"));
        // Stopping a finished search changes nothing.
        run.stop();
        run.stopNow();
        QVERIFY(!run.wasInterrupted());
    }

    void aRefusedFirstStepIsAnErrorNotASearch()
    {
        CapacityRun run;
        QSignalSpy started(&run, &CapacityRun::stepStarted);
        QSignalSpy failed(&run, &CapacityRun::failed);
        QSignalSpy finished(&run, &CapacityRun::finished);
        QString error;
        QVERIFY(!run.start(
            base(), slots(QByteArrayLiteral("Bearer ${STRESSDECK_TEST_SURELY_UNSET}")), rateSearch(10, 20), &error));
        QVERIFY2(error.contains(QLatin1String("STRESSDECK_TEST_SURELY_UNSET")), qPrintable(error));
        QVERIFY(!run.isRunning());
        QTest::qWait(100);
        QCOMPARE(started.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.count(), 0);

        CapacityRun::Options noSlo = rateSearch(10, 20);
        noSlo.slo = {};
        QVERIFY(!run.start(base(), slots(), noSlo, &error));
        QVERIFY(error.contains(QLatin1String("SLO")));
        CapacityRun::Options users;
        users.mode = CapacityRun::Mode::Users;
        users.users.maxUsers = 200000;
        QVERIFY(!run.start(base(), slots(), users, &error));
        QVERIFY(error.contains(QLatin1String("100000")));
    }

    void stoppingEndsWithTheStepsJudged()
    {
        CapacityRun run;
        QSignalSpy judged(&run, &CapacityRun::stepFinished);
        QSignalSpy finished(&run, &CapacityRun::finished);
        QString error;
        QVERIFY2(run.start(base(), slots(), rateSearch(10, 1000), &error), qPrintable(error));
        QVERIFY(judged.wait(15000)); // step 1 judged; step 2 starts
        QTRY_VERIFY(run.currentLoad() == 20.0);
        run.stop(); // during step 2: it is not judged
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(run.wasInterrupted());
        QCOMPARE(run.stepsDone(), 1);
        QVERIFY2(run.summary().startsWith(QLatin1String("Interrupted: sustains at least 10.0 req/s")),
            qPrintable(run.summary()));
        QCOMPARE(run.toJson().value(QStringLiteral("interrupted")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestCapacityRun)
#include "tst_capacityrun.moc"
