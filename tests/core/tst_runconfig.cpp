#include "runconfig.h"

#include <QTest>

using namespace Stressdeck;

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
        QCOMPARE(Profile::builtIns().size(), 3);
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
};

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_runconfig.moc"
