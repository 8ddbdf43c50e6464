// SPDX-License-Identifier: MIT

#include "testhelpers.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

//! `stressdeck capacity` end to end against the loopback test server's slot service, whose
//! capacity is known: n slots of ms each serve n ÷ (ms / 1000) requests per second.
class TestCapacity : public QObject {
    Q_OBJECT

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        return env;
    }

    CliResult capacityCli(const QStringList& args, int timeoutMs = 120000) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(stressdeckBinary(), QStringList { QStringLiteral("capacity") } + args);
        if (!p.waitForStarted())
            qFatal("cannot start %s", qPrintable(stressdeckBinary()));
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            qFatal("stressdeck capacity %s did not finish", qPrintable(args.join(u' ')));
        }
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()), 0 };
    }

    static QJsonObject readJson(const QString& file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(stressdeckBinary()), "STRESSDECK_BINARY must point to the stressdeck executable");
        QVERIFY(m_dir.isValid());
    }

    void findsTheKnownCapacity()
    {
        // 4 slots of 50 ms: 80 req/s. Steps 20, 32, 51.2, 81.9, 131, then a bisection.
        const QString json = m_dir.filePath(QStringLiteral("capacity.json"));
        const QString pdf = m_dir.filePath(QStringLiteral("capacity.pdf"));
        const CliResult r = capacityCli({ QStringLiteral("--target"), m_server.url(), QStringLiteral("--request"),
            QStringLiteral("GET /slots/4/50"), QStringLiteral("--slo"), QStringLiteral("p95<300ms"),
            QStringLiteral("--step-duration"), QStringLiteral("4s"), QStringLiteral("--start-rate"),
            QStringLiteral("20"), QStringLiteral("--growth"), QStringLiteral("1.6"), QStringLiteral("--max-rate"),
            QStringLiteral("400"), QStringLiteral("--transport"), QStringLiteral("fast"), QStringLiteral("--json"),
            json, QStringLiteral("--pdf"), pdf });
        qInfo("%s", qPrintable(r.out));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("step 1 of about")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Sustains ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("first failure at")), qPrintable(r.out));

        const QJsonObject root = readJson(json);
        QCOMPARE(root.value(QStringLiteral("schema")).toString(), QStringLiteral("stressdeck-capacity/1"));
        QCOMPARE(root.value(QStringLiteral("tool")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("stressdeck"));
        QCOMPARE(
            root.value(QStringLiteral("config")).toObject().value(QStringLiteral("target")).toString(), m_server.url());
        const QJsonObject capacity = root.value(QStringLiteral("capacity")).toObject();
        for (const char* key : { "max_sustainable_rps", "first_failing_rps", "slo", "steps" })
            QVERIFY2(capacity.contains(QLatin1String(key)), key);
        const double found = capacity.value(QStringLiteral("max_sustainable_rps")).toDouble();
        qInfo("found capacity %.1f req/s (known: 80)", found);
        QVERIFY2(found >= 80 * 0.85 && found <= 80 * 1.15, qPrintable(QString::number(found)));
        QVERIFY2(found <= 80 * 1.05, qPrintable(QString::number(found)));
        QVERIFY(capacity.value(QStringLiteral("first_failing_rps")).toDouble() > found);
        const QJsonArray steps = capacity.value(QStringLiteral("steps")).toArray();
        QVERIFY(steps.size() >= 5);
        bool sawPass = false;
        bool sawFail = false;
        for (const QJsonValue& v : steps) {
            const QJsonObject step = v.toObject();
            for (const char* key : { "rate_rps", "achieved_rps", "passed", "p50_ms", "p95_ms", "p99_ms", "error_pct",
                     "in_flight_growth", "reason" })
                QVERIFY2(step.contains(QLatin1String(key)), key);
            const bool passed = step.value(QStringLiteral("passed")).toBool();
            (passed ? sawPass : sawFail) = true;
            QCOMPARE(step.value(QStringLiteral("reason")).toString().isEmpty(), passed);
        }
        QVERIFY(sawPass && sawFail);

        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
    }

    //! The closed model's search against the same 4 slots of 50 ms: users 1 and 4 scale (20 and
    //! 80 req/s), 16 users cannot do better than 80, so throughput stops growing at 4.
    void usersFindTheKnee()
    {
        const QString json = m_dir.filePath(QStringLiteral("users.json"));
        const QString pdf = m_dir.filePath(QStringLiteral("users.pdf"));
        const CliResult r = capacityCli({ QStringLiteral("--target"), m_server.url(), QStringLiteral("--request"),
            QStringLiteral("GET /slots/4/50"), QStringLiteral("--users"), QStringLiteral("--growth"),
            QStringLiteral("4"), QStringLiteral("--step-duration"), QStringLiteral("3s"), QStringLiteral("--max-users"),
            QStringLiteral("64"), QStringLiteral("--transport"), QStringLiteral("fast"), QStringLiteral("--json"), json,
            QStringLiteral("--pdf"), pdf });
        qInfo("%s", qPrintable(r.out));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("step 1 of about 4: 1 user(s)")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Throughput stops growing at 4 user(s) (")), qPrintable(r.out));
        const QJsonObject root = readJson(json);
        QCOMPARE(root.value(QStringLiteral("config")).toObject().value(QStringLiteral("load_model")).toString(),
            QStringLiteral("closed"));
        const QJsonObject capacity = root.value(QStringLiteral("capacity")).toObject();
        QCOMPARE(capacity.value(QStringLiteral("mode")).toString(), QStringLiteral("users"));
        QCOMPARE(capacity.value(QStringLiteral("outcome")).toString(), QStringLiteral("found"));
        QCOMPARE(capacity.value(QStringLiteral("knee_users")).toInt(), 4);
        QCOMPARE(capacity.value(QStringLiteral("flat_users")).toInt(), 16);
        const double peak = capacity.value(QStringLiteral("peak_throughput_rps")).toDouble();
        QVERIFY2(peak >= 80 * 0.85 && peak <= 80 * 1.05, qPrintable(QString::number(peak)));
        const QJsonArray steps = capacity.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 3);
        const double one = steps.at(0).toObject().value(QStringLiteral("throughput_rps")).toDouble();
        QVERIFY2(one >= 20 * 0.85 && one <= 20 * 1.05, qPrintable(QString::number(one)));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
    }

    void failingStartRateExitsOne()
    {
        const CliResult r = capacityCli({ QStringLiteral("--target"), m_server.url(), QStringLiteral("--request"),
            QStringLiteral("GET /status/503"), QStringLiteral("--slo"), QStringLiteral("errors<1%"),
            QStringLiteral("--step-duration"), QStringLiteral("2s"), QStringLiteral("--start-rate"),
            QStringLiteral("20") });
        QVERIFY2(r.exitCode == 1, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(QLatin1String("Does not sustain even the start rate")), qPrintable(r.out));
        QCOMPARE(r.err.count(QLatin1String("step ")), 1);
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::addRow("bad slo") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<fast") }
                                 << QStringLiteral("--slo");
        QTest::addRow("no slo") << QStringList {} << QStringLiteral("--slo");
        QTest::addRow("growth below 1") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--growth"), QStringLiteral("0.5") }
                                        << QStringLiteral("--growth");
        QTest::addRow("max below start") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--start-rate"), QStringLiteral("50"), QStringLiteral("--max-rate"), QStringLiteral("10") }
                                         << QStringLiteral("--max-rate");
        QTest::addRow("zero start") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--start-rate"), QStringLiteral("0") }
                                    << QStringLiteral("--start-rate");
        QTest::addRow("short step") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--step-duration"), QStringLiteral("500ms") }
                                    << QStringLiteral("--step-duration");
        QTest::addRow("rate is the search's") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--rate"), QStringLiteral("5") }
                                              << QStringLiteral("--rate");
        QTest::addRow("rate with users") << QStringList { QStringLiteral("--users"), QStringLiteral("--start-rate"),
            QStringLiteral("5") } << QStringLiteral("--start-rate");
        QTest::addRow("users without --users") << QStringList { QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--max-users"), QStringLiteral("5") }
                                               << QStringLiteral("--max-users");
        QTest::addRow("think time of the rate search") << QStringList { QStringLiteral("--slo"),
            QStringLiteral("p95<1s"), QStringLiteral("--think-time"), QStringLiteral("1s") }
                                                       << QStringLiteral("--think-time");
        QTest::addRow("max users below start") << QStringList { QStringLiteral("--users"),
            QStringLiteral("--start-users"), QStringLiteral("8"), QStringLiteral("--max-users"), QStringLiteral("4") }
                                               << QStringLiteral("--max-users");
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const CliResult r = capacityCli(QStringList { QStringLiteral("--target"), m_server.url() } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("step 1")), qPrintable(r.err));
    }

    void unreachableTargetExitsThree()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const CliResult r = capacityCli({ QStringLiteral("--target"), QStringLiteral("http://127.0.0.1:%1").arg(port),
            QStringLiteral("--request"), QStringLiteral("GET /x"), QStringLiteral("--slo"), QStringLiteral("p95<1s"),
            QStringLiteral("--step-duration"), QStringLiteral("2s") });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("unavailable")), qPrintable(r.err));
    }

    void interruptEndsWithTheStepsSoFar()
    {
        const QString json = m_dir.filePath(QStringLiteral("interrupted.json"));
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(stressdeckBinary(),
            { QStringLiteral("capacity"), QStringLiteral("--target"), m_server.url(), QStringLiteral("--request"),
                QStringLiteral("GET /slots/4/5"), QStringLiteral("--slo"), QStringLiteral("p95<1s"),
                QStringLiteral("--step-duration"), QStringLiteral("2s"), QStringLiteral("--start-rate"),
                QStringLiteral("10"), QStringLiteral("--json"), json });
        QVERIFY(p.waitForStarted());
        // Interrupt once the second step has begun: the first is judged, the cut one is not.
        QString err;
        for (int waited = 0; waited < 30000 && !err.contains(QLatin1String("step 2 of")); waited += 50) {
            p.waitForReadyRead(50);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QLatin1String("step 2 of")), qPrintable(err));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 130);
        const QJsonObject capacity = readJson(json).value(QStringLiteral("capacity")).toObject();
        QCOMPARE(capacity.value(QStringLiteral("interrupted")).toBool(), true);
        QCOMPARE(capacity.value(QStringLiteral("steps")).toArray().size(), 1);
    }

private:
    QTemporaryDir m_dir;
    TestServerThread m_server;
};

QTEST_GUILESS_MAIN(TestCapacity)
#include "tst_capacity.moc"
