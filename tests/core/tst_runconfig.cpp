// SPDX-License-Identifier: MIT

#include "runconfig.h"

#include <QTest>

#include <functional>

using namespace Stressdeck;

Q_DECLARE_METATYPE(std::function<void(Stressdeck::RunConfig*)>)
Q_DECLARE_METATYPE(Stressdeck::ConfigField)

class TestRunConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds");
        QTest::addRow("seconds suffix") << QStringLiteral("30s") << 30.0;
        QTest::addRow("milliseconds") << QStringLiteral("500ms") << 0.5;
        QTest::addRow("minutes") << QStringLiteral("5m") << 300.0;
        QTest::addRow("hours") << QStringLiteral("1h") << 3600.0;
        QTest::addRow("plain seconds") << QStringLiteral("12") << 12.0;
        QTest::addRow("decimal") << QStringLiteral("1.5") << 1.5;
        QTest::addRow("negative") << QStringLiteral("-3s") << -1.0;
        QTest::addRow("minutes and seconds") << QStringLiteral("5m00s") << 300.0;
        QTest::addRow("hours, minutes, seconds") << QStringLiteral("1h02m03s") << 3723.0;
        QTest::addRow("hours and minutes") << QStringLiteral("1h30m") << 5400.0;
        QTest::addRow("units out of order") << QStringLiteral("3s1m") << -1.0;
        QTest::addRow("garbage") << QStringLiteral("soon") << -1.0;
        QTest::addRow("empty") << QString() << -1.0;
        QTest::addRow("unknown unit") << QStringLiteral("3d") << -1.0;
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto parsed = parseDuration(text);
        if (seconds < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, seconds);
        }
    }

    // What the window writes into its fields (a profile's duration, say) must read back.
    void formattedDurationsReadBack()
    {
        for (const double seconds : { 0.0, 1.0, 59.0, 60.0, 300.0, 3599.0, 3600.0, 3723.0, 86400.0 }) {
            const auto parsed = parseDuration(formatDuration(seconds));
            QVERIFY2(parsed && *parsed == seconds, qPrintable(formatDuration(seconds)));
        }
        for (const double seconds : { 0.5, 0.25, 1.5, 300.0 }) {
            const auto parsed = parseDuration(formatDurationExact(seconds));
            QVERIFY2(parsed && *parsed == seconds, qPrintable(formatDurationExact(seconds)));
        }
    }

    void thinkTime()
    {
        QCOMPARE(parseThinkTime(QStringLiteral("100ms-500ms")), std::make_pair(100.0, 500.0));
        QCOMPARE(parseThinkTime(QStringLiteral("0")), std::make_pair(0.0, 0.0));
        QCOMPARE(parseThinkTime(QStringLiteral("0.1-0.5")), std::make_pair(100.0, 500.0));
        QVERIFY(!parseThinkTime(QStringLiteral("500ms-100ms")));
        QVERIFY(!parseThinkTime(QStringLiteral("a-b")));
    }

    void profiles()
    {
        QCOMPARE(Profile::builtIns().size(), 4);
        QVERIFY(Profile::builtIn(QStringLiteral("capacity"))->capacitySearch); // the window's search
        QVERIFY(!Profile::builtIn(QStringLiteral("quick"))->capacitySearch);
        const auto normal = Profile::builtIn(QStringLiteral("normal"));
        QVERIFY(normal);
        QCOMPARE(normal->concurrency, 10);
        QCOMPARE(normal->durationS, 300.0);
        QCOMPARE(Profile::builtIn(QStringLiteral("extended"))->concurrency, 20);
        QVERIFY(!Profile::builtIn(QStringLiteral("huge")));
    }

    void validation()
    {
        RunConfig c;
        c.target = QUrl(QStringLiteral("http://127.0.0.1:1"));
        QString error;
        QVERIFY2(c.validate(&error), qPrintable(error));
        c.concurrency = 0;
        QVERIFY(!c.validate(&error));
        QVERIFY(error.contains(QLatin1String("concurrency")));
        c.concurrency = 1;
        c.loadModel = LoadModel::Open;
        QVERIFY(!c.validate(&error));
        QVERIFY(error.contains(QLatin1String("rate")));
        c.rateRps = 5;
        c.target = QUrl(QStringLiteral("ftp://x"));
        QVERIFY(!c.validate(&error));
        QVERIFY(error.contains(QLatin1String("target")));
        c.target = QUrl(QStringLiteral("http://127.0.0.1:1"));
        c.threads = -1;
        QVERIFY(!c.validate(&error));
        QVERIFY(error.contains(QLatin1String("threads")));
        c.threads = 0; // automatic
        QVERIFY2(c.validate(&error), qPrintable(error));
        QVERIFY(defaultEngineThreads() >= 1);
    }

    void stagesSetTheShapeOfTheRun()
    {
        QString error;
        const auto users = Stages::parse(QStringLiteral("30s:10,2m:10,30s:50,30s:0"), Stages::Unit::Users, &error);
        QVERIFY2(users, qPrintable(error));
        RunConfig c;
        c.target = QUrl(QStringLiteral("http://127.0.0.1:1"));
        c.loadModel = LoadModel::Open;
        c.setStages(*users);
        QCOMPARE(c.loadModel, LoadModel::Closed);
        QCOMPARE(c.durationS, 210.0);
        QCOMPARE(c.concurrency, 50); // the largest target
        QVERIFY(c.isStaged());
        QVERIFY2(c.validate(&error), qPrintable(error));

        const auto rates = Stages::parse(QStringLiteral("1m:100,1m:400"), Stages::Unit::Rate, &error);
        QVERIFY2(rates, qPrintable(error));
        c.concurrency = 7;
        c.setStages(*rates);
        QCOMPARE(c.loadModel, LoadModel::Open);
        QCOMPARE(c.durationS, 120.0);
        QCOMPARE(c.concurrency, 7); // the open model's in-flight cap stays
        QCOMPARE(c.rateRps, 0.0);
        QVERIFY2(c.validate(&error), qPrintable(error)); // no constant rate needed

        Profile profile { QStringLiteral("ramp"), 5, 30 };
        profile.stages = *users;
        profile.applyTo(&c);
        QCOMPARE(c.stages, *users);
        QCOMPARE(c.durationS, 210.0);
        Profile::builtIn(QStringLiteral("quick"))->applyTo(&c);
        QVERIFY(!c.isStaged());
        QCOMPARE(c.durationS, 30.0);
    }

    // The window flags the wrong field from this code, not from the (translated) message.
    void validationNamesTheField_data()
    {
        QTest::addColumn<std::function<void(RunConfig*)>>("breakIt");
        QTest::addColumn<ConfigField>("field");
        using Break = std::function<void(RunConfig*)>;
        QTest::addRow("target") << Break([](RunConfig* c) { c->target = QUrl(QStringLiteral("ftp://x")); })
                                << ConfigField::Target;
        QTest::addRow("concurrency") << Break([](RunConfig* c) { c->concurrency = 0; }) << ConfigField::Concurrency;
        QTest::addRow("duration") << Break([](RunConfig* c) { c->durationS = 0; }) << ConfigField::Duration;
        QTest::addRow("timeout") << Break([](RunConfig* c) { c->timeoutS = -1; }) << ConfigField::Timeout;
        QTest::addRow("think time") << Break([](RunConfig* c) { c->thinkMinMs = 900; }) << ConfigField::ThinkTime;
        QTest::addRow("rate") << Break([](RunConfig* c) { c->loadModel = LoadModel::Open; }) << ConfigField::Rate;
        QTest::addRow("sample interval") << Break([](RunConfig* c) { c->sampleIntervalS = 0.5; })
                                         << ConfigField::SampleInterval;
        QTest::addRow("leak threshold") << Break([](RunConfig* c) { c->thresholds.leakMb = 0; })
                                        << ConfigField::LeakThreshold;
        QTest::addRow("health path") << Break([](RunConfig* c) { c->healthPath = QStringLiteral("health"); })
                                     << ConfigField::HealthPath;
        QTest::addRow("checkpoint") << Break([](RunConfig* c) { c->checkpointIntervalS = 0; })
                                    << ConfigField::CheckpointInterval;
        QTest::addRow("body") << Break([](RunConfig* c) { c->maxBodyBytes = 0; }) << ConfigField::MaxBody;
        QTest::addRow("threads") << Break([](RunConfig* c) { c->threads = 300; }) << ConfigField::Threads;
        QTest::addRow("monitor") << Break([](RunConfig* c) { c->monitorPid = -2; }) << ConfigField::MonitorPid;
        QTest::addRow("stages unit") << Break([](RunConfig* c) {
            c->setStages(Stages(Stages::Unit::Users, { { 5, 3 } }));
            c->loadModel = LoadModel::Open;
            c->rateRps = 10;
        }) << ConfigField::Stages;
        QTest::addRow("stages duration") << Break([](RunConfig* c) {
            c->setStages(Stages(Stages::Unit::Rate, { { 5, 3 } }));
            c->durationS = 30;
        }) << ConfigField::Stages;
    }

    void validationNamesTheField()
    {
        QFETCH(std::function<void(RunConfig*)>, breakIt);
        QFETCH(ConfigField, field);
        RunConfig c;
        c.target = QUrl(QStringLiteral("http://127.0.0.1:1"));
        QString error;
        ConfigField reported = ConfigField::Threads;
        QVERIFY(c.validate(&error, &reported));
        QCOMPARE(reported, ConfigField::None);
        breakIt(&c);
        QVERIFY(!c.validate(&error, &reported));
        QCOMPARE(reported, field);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_runconfig.moc"
