// SPDX-License-Identifier: MIT

#include "report.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

namespace {

using Result = CliResult;

Result runCli(const QStringList& args, int timeoutMs = 60000, int interruptAfterMs = -1, int signalNumber = SIGINT)
{
    QProcess p;
    QElapsedTimer wall;
    wall.start();
    p.start(stressdeckBinary(), args);
    if (!p.waitForStarted())
        qFatal("cannot start %s", qPrintable(stressdeckBinary()));
    if (interruptAfterMs >= 0) {
        QTest::qWait(interruptAfterMs);
        ::kill(pid_t(p.processId()), signalNumber);
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        qFatal("stressdeck %s did not finish", qPrintable(args.join(u' ')));
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()), wall.elapsed() };
}

//! Starts stressdeck with these environment variables added.
void startWith(QProcess& p, const QStringList& args, const QList<QPair<QString, QString>>& variables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : variables)
        env.insert(name, value);
    p.setProcessEnvironment(env);
    p.start(stressdeckBinary(), args);
}

//! Runs stressdeck with XDG_DATA_HOME (where the run history lives) set to `dataHome`.
Result runCliWithData(const QStringList& args, const QString& dataHome, int timeoutMs = 60000)
{
    QProcess p;
    startWith(p, args, { { QStringLiteral("XDG_DATA_HOME"), dataHome } });
    if (!p.waitForStarted())
        qFatal("cannot start %s", qPrintable(stressdeckBinary()));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        qFatal("stressdeck %s did not finish", qPrintable(args.join(u' ')));
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()), 0 };
}

//! A one-second run against the loopback test server.
QStringList shortRun(const QString& url)
{
    return { QStringLiteral("run"), QStringLiteral("--target"), url, QStringLiteral("--request"),
        QStringLiteral("GET /delay/5"), QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-d"),
        QStringLiteral("1s"), QStringLiteral("--think-time"), QStringLiteral("0"), QStringLiteral("--sample-interval"),
        QStringLiteral("1s"), QStringLiteral("--leak-threshold-mb"), QStringLiteral("100000") };
}

//! The runs `stressdeck history --json` lists; `ok` says whether it exited with 0 and printed
//! {"runs": [...]}, so that an empty list cannot pass for a broken command.
QJsonArray historyRuns(const QString& dataHome, const QStringList& extra = {}, bool* ok = nullptr)
{
    const Result r
        = runCliWithData(QStringList { QStringLiteral("history"), QStringLiteral("--json") } + extra, dataHome);
    if (r.exitCode != 0)
        qWarning("history: %s", qPrintable(r.err));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || doc.object().keys() != QStringList { QStringLiteral("runs") })
        qWarning("history --json printed: %s", qPrintable(r.out));
    if (ok)
        *ok = r.exitCode == 0 && doc.isObject() && doc.object().keys() == QStringList { QStringLiteral("runs") }
            && doc.object().value(QLatin1String("runs")).isArray();
    return doc.object().value(QLatin1String("runs")).toArray();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(stressdeckBinary()), "STRESSDECK_BINARY must point to the stressdeck executable");
        QVERIFY2(QFile::exists(stressdeckBinary()), "STRESSDECK_BINARY must point to the stressdeck executable");
        // Every child records its runs (and recovery copies) here, never in the user's data folder.
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
    }

    void historyListsRunsNewestFirst()
    {
        TestServerThread server;
        QTemporaryDir data;
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("second.json"));
        const Result first = runCliWithData(shortRun(server.url()), data.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const Result second
            = runCliWithData(shortRun(server.url()) + QStringList { QStringLiteral("--json"), json }, data.path());
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));

        const QJsonArray runs = historyRuns(data.path());
        QCOMPARE(runs.size(), 2);
        QStringList keys { QStringLiteral("started_at"), QStringLiteral("target"), QStringLiteral("scenario"),
            QStringLiteral("profile"), QStringLiteral("throughput_rps"), QStringLiteral("p95_ms"),
            QStringLiteral("error_pct"), QStringLiteral("passed"), QStringLiteral("report") };
        keys.sort();
        Report saved;
        QString error;
        QVERIFY2(Report::load(json, &saved, &error), qPrintable(error));
        for (const QJsonValue& value : runs) {
            const QJsonObject run = value.toObject();
            QCOMPARE(run.keys(), keys);
            QCOMPARE(run.value(QLatin1String("target")).toString(), server.url());
            QCOMPARE(run.value(QLatin1String("scenario")).toString(), QStringLiteral("ad hoc"));
            QCOMPARE(run.value(QLatin1String("profile")).toString(), QStringLiteral("quick"));
            QVERIFY(run.value(QLatin1String("throughput_rps")).toDouble() > 10);
            QVERIFY(run.value(QLatin1String("p95_ms")).toDouble() >= 5);
            QCOMPARE(run.value(QLatin1String("error_pct")).toDouble(), 0.0);
            QVERIFY(run.value(QLatin1String("passed")).isBool());
            const QString report = run.value(QLatin1String("report")).toString();
            QVERIFY2(
                report.startsWith(data.path() + QStringLiteral("/Stressdeck/stressdeck/reports/")), qPrintable(report));
            Report copy;
            QVERIFY2(Report::load(report, &copy, &error), qPrintable(error));
        }
        const QDateTime newer = QDateTime::fromString(
            runs[0].toObject().value(QLatin1String("started_at")).toString(), Qt::ISODateWithMs);
        const QDateTime older = QDateTime::fromString(
            runs[1].toObject().value(QLatin1String("started_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(older.isValid());
        QVERIFY(newer > older);
        QCOMPARE(newer, saved.startedAt); // the second run is the first listed
        QCOMPARE(runs[0].toObject().value(QLatin1String("passed")).toBool(), saved.passed);
        QCOMPARE(runs[0].toObject().value(QLatin1String("p95_ms")).toDouble(), saved.overall.latency.p95);

        const QJsonArray last = historyRuns(data.path(), { QStringLiteral("--last"), QStringLiteral("1") });
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0].toObject().value(QLatin1String("started_at")),
            runs[0].toObject().value(QLatin1String("started_at")));
        QCOMPARE(historyRuns(data.path(), { QStringLiteral("--target"), server.url() }).size(), 2);
        bool ok = false;
        QCOMPARE(
            historyRuns(data.path(), { QStringLiteral("--target"), QStringLiteral("http://example.org") }, &ok).size(),
            0);
        QVERIFY(ok);

        const Result table = runCliWithData({ QStringLiteral("history") }, data.path());
        QCOMPARE(table.exitCode, 0);
        const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // a header and two runs
        QVERIFY2(lines[1].startsWith(newer.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))), qPrintable(table.out));
        QVERIFY(lines[2].startsWith(older.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        QVERIFY(lines[1].contains(server.url()));
    }

    void noHistoryRecordsNothing()
    {
        TestServerThread server;
        QTemporaryDir data;
        const Result r
            = runCliWithData(shortRun(server.url()) + QStringList { QStringLiteral("--no-history") }, data.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString reports = data.filePath(QStringLiteral("Stressdeck/stressdeck/reports"));
        QVERIFY(QDir(reports).entryList(QDir::Files).isEmpty());
        bool ok = false;
        QCOMPARE(historyRuns(data.path(), {}, &ok).size(), 0);
        QVERIFY(ok);
        // The same run without the flag is recorded: the check above can fail.
        QCOMPARE(runCliWithData(shortRun(server.url()), data.path()).exitCode, 0);
        QCOMPARE(historyRuns(data.path()).size(), 1);
        QCOMPARE(QDir(reports).entryList(QDir::Files).size(), 1);
    }

    void unavailableRunIsNotRecorded()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        QTemporaryDir data;
        const Result r = runCliWithData(
            { QStringLiteral("run"), QStringLiteral("--target"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                QStringLiteral("-d"), QStringLiteral("2s") },
            data.path());
        QCOMPARE(r.exitCode, 3);
        bool ok = false;
        QCOMPARE(historyRuns(data.path(), {}, &ok).size(), 0);
        QVERIFY(ok);
    }

    void failingToRecordKeepsTheExitCode()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString notAFolder = dir.filePath(QStringLiteral("file"));
        QFile f(notAFolder);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Result r = runCliWithData(shortRun(server.url()), notAFolder);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("not recorded in the history")), qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("STRESS TEST PASSED")));
    }

    void historyBadUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::addRow("last x") << QStringList { QStringLiteral("--last"), QStringLiteral("x") }
                                << QStringLiteral("--last");
        QTest::addRow("last 0") << QStringList { QStringLiteral("--last"), QStringLiteral("0") }
                                << QStringLiteral("--last");
        QTest::addRow("last without a value") << QStringList { QStringLiteral("--last") } << QStringLiteral("last");
        QTest::addRow("bad target") << QStringList { QStringLiteral("--target"), QStringLiteral("ftp://x") }
                                    << QStringLiteral("--target");
        QTest::addRow("argument") << QStringList { QStringLiteral("runs") } << QStringLiteral("runs");
        QTest::addRow("unknown flag") << QStringList { QStringLiteral("--frobnicate") } << QStringLiteral("frobnicate");
    }

    void historyBadUsageExitsWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QTemporaryDir data;
        const Result r = runCliWithData(QStringList { QStringLiteral("history") } + args, data.path(), 15000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("stressdeck history --help")));
        QVERIFY(r.out.isEmpty());
    }

    void badInputExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString t = QStringLiteral("--target=http://127.0.0.1:9");
        QTest::addRow("zero users") << QStringList { t, QStringLiteral("-c"), QStringLiteral("0") }
                                    << QStringLiteral("--concurrency");
        QTest::addRow("negative users") << QStringList { t, QStringLiteral("-c"), QStringLiteral("-5") }
                                        << QStringLiteral("--concurrency");
        QTest::addRow("huge users") << QStringList { t, QStringLiteral("-c"), QStringLiteral("1e12") }
                                    << QStringLiteral("--concurrency");
        QTest::addRow("word users") << QStringList { t, QStringLiteral("-c"), QStringLiteral("many") }
                                    << QStringLiteral("--concurrency");
        QTest::addRow("fractional users")
            << QStringList { t, QStringLiteral("-c"), QStringLiteral("2.5") } << QStringLiteral("whole number");
        QTest::addRow("bad duration") << QStringList { t, QStringLiteral("-d"), QStringLiteral("soon") }
                                      << QStringLiteral("--duration");
        QTest::addRow("zero duration") << QStringList { t, QStringLiteral("-d"), QStringLiteral("0") }
                                       << QStringLiteral("duration");
        QTest::addRow("zero timeout") << QStringList { t, QStringLiteral("--timeout"), QStringLiteral("0s") }
                                      << QStringLiteral("timeout");
        QTest::addRow("negative rate") << QStringList { t, QStringLiteral("--rate"), QStringLiteral("-1") }
                                       << QStringLiteral("--rate");
        QTest::addRow("bad think time") << QStringList { t, QStringLiteral("--think-time"), QStringLiteral("5s-1s") }
                                        << QStringLiteral("--think-time");
        QTest::addRow("unknown profile") << QStringList { t, QStringLiteral("--profile"), QStringLiteral("huge") }
                                         << QStringLiteral("--profile");
        QTest::addRow("the window's capacity profile") << QStringList { t, QStringLiteral("--profile"),
            QStringLiteral("capacity") } << QStringLiteral("stressdeck capacity");
        QTest::addRow("bad target") << QStringList { QStringLiteral("--target"), QStringLiteral("ftp://x") }
                                    << QStringLiteral("--target");
        QTest::addRow("missing scenario")
            << QStringList { t, QStringLiteral("--scenario"), QStringLiteral("/nonexistent/s.json") }
            << QStringLiteral("/nonexistent/s.json");
        QTest::addRow("sample interval too short") << QStringList { t, QStringLiteral("--sample-interval"),
            QStringLiteral("500ms") } << QStringLiteral("--sample-interval");
        QTest::addRow("no such pid") << QStringList { t, QStringLiteral("--monitor-pid"), QStringLiteral("4000000") }
                                     << QStringLiteral("--monitor-pid");
        QTest::addRow("no such process") << QStringList { t, QStringLiteral("--monitor-name"),
            QStringLiteral("no-such-process-xyz") }
                                         << QStringLiteral("--monitor-name");
        QTest::addRow("negative leak threshold") << QStringList { t, QStringLiteral("--leak-threshold-mb"),
            QStringLiteral("-3") } << QStringLiteral("--leak-threshold-mb");
        QTest::addRow("unknown flag") << QStringList { t, QStringLiteral("--frobnicate") }
                                      << QStringLiteral("frobnicate");
        QTest::addRow("bad request spec")
            << QStringList { t, QStringLiteral("--request"), QStringLiteral("FETCH") } << QStringLiteral("--request");
        QTest::addRow("bad demo knob") << QStringList { QStringLiteral("--demo-error-rate"), QStringLiteral("bogus=1") }
                                       << QStringLiteral("--demo-error-rate");
        QTest::addRow("bad seed") << QStringList { t, QStringLiteral("--seed"), QStringLiteral("x") }
                                  << QStringLiteral("--seed");
        QTest::addRow("bad stage") << QStringList { t, QStringLiteral("--stages"), QStringLiteral("10s:3,5q:2") }
                                   << QStringLiteral("--stages: stage 2");
        QTest::addRow("fractional stage users")
            << QStringList { t, QStringLiteral("--stages"), QStringLiteral("5s:2.5") } << QStringLiteral("--stages");
        QTest::addRow("negative stage rate") << QStringList { t, QStringLiteral("--rate-stages"),
            QStringLiteral("5s:-1") } << QStringLiteral("--rate-stages: stage 1");
        QTest::addRow("stages and rate") << QStringList { t, QStringLiteral("--stages"), QStringLiteral("5s:2"),
            QStringLiteral("--rate"), QStringLiteral("5") }
                                         << QStringLiteral("--stages and --rate");
        QTest::addRow("stages and concurrency") << QStringList { t, QStringLiteral("--stages"), QStringLiteral("5s:2"),
            QStringLiteral("-c"), QStringLiteral("5") }
                                                << QStringLiteral("--stages and --concurrency");
        QTest::addRow("both kinds of stages") << QStringList { t, QStringLiteral("--stages"), QStringLiteral("5s:2"),
            QStringLiteral("--rate-stages"), QStringLiteral("5s:2") }
                                              << QStringLiteral("--stages and --rate-stages");
        QTest::addRow("rate stages and rate") << QStringList { t, QStringLiteral("--rate-stages"),
            QStringLiteral("5s:2"), QStringLiteral("--rate"), QStringLiteral("5") }
                                              << QStringLiteral("--rate-stages and --rate");
        QTest::addRow("stages and another duration") << QStringList { t, QStringLiteral("--stages"),
            QStringLiteral("5s:2"), QStringLiteral("-d"), QStringLiteral("10s") }
                                                     << QStringLiteral("--duration");
        QTest::addRow("zero threads") << QStringList { t, QStringLiteral("--threads"), QStringLiteral("0") }
                                      << QStringLiteral("--threads");
        QTest::addRow("bad stream usage") << QStringList { t, QStringLiteral("--stream-usage"),
            QStringLiteral("maybe") } << QStringLiteral("--stream-usage");
        QTest::addRow("bad slo") << QStringList { t, QStringLiteral("--slo"), QStringLiteral("ttft_p42<1s") }
                                 << QStringLiteral("--slo");
        QTest::addRow("empty model") << QStringList { t, QStringLiteral("--model"), QStringLiteral(" ") }
                                     << QStringLiteral("--model");
        QTest::addRow("too many threads")
            << QStringList { t, QStringLiteral("--threads"), QStringLiteral("1000") } << QStringLiteral("--threads");
    }

    void badInputExitsWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = runCli(QStringList { QStringLiteral("run") } + args, 15000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void badScenarioFileNamesFileAndLine()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"name\": \"x\",\n  \"request_types\": [\n    {\"name\": \"a\" \"path\": \"/\"}\n  ]\n}\n");
        f.close();
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target=http://127.0.0.1:9"),
            QStringLiteral("--scenario"), file });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(file + QStringLiteral(":4:")), qPrintable(r.err));
    }

    void unavailableTargetExitsWithThree()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"),
            QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("-d"), QStringLiteral("5s") });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("unavailable")), qPrintable(r.err));
    }

    //! More users than descriptors: refused before the run, naming the limit, not a run of errors.
    void tooFewOpenFilesIsAClearError()
    {
        QProcess p;
        // The shell lowers the hard limit for stressdeck alone, which cannot raise it back.
        p.start(QStringLiteral("/bin/sh"),
            { QStringLiteral("-c"), QStringLiteral("ulimit -n 300 && exec \"$0\" \"$@\""), stressdeckBinary(),
                QStringLiteral("run"), QStringLiteral("--target"), QStringLiteral("http://127.0.0.1:9"),
                QStringLiteral("-c"), QStringLiteral("1000"), QStringLiteral("-d"), QStringLiteral("1s"),
                QStringLiteral("--no-history") });
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains(QLatin1String("1000 connections need about 1064 open files")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("only 300")), qPrintable(err));

        // The open model's concurrency is a cap on requests in flight, not connections it needs:
        // not refused (the run goes on to find the target unavailable, exit 3).
        QProcess open;
        open.start(QStringLiteral("/bin/sh"),
            { QStringLiteral("-c"), QStringLiteral("ulimit -n 300 && exec \"$0\" \"$@\""), stressdeckBinary(),
                QStringLiteral("run"), QStringLiteral("--target"), QStringLiteral("http://127.0.0.1:9"),
                QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("-c"), QStringLiteral("1000"),
                QStringLiteral("-d"), QStringLiteral("1s"), QStringLiteral("--no-history") });
        QVERIFY(open.waitForFinished(30000));
        const QString openErr = QString::fromUtf8(open.readAllStandardError());
        QCOMPARE(open.exitCode(), 3);
        QVERIFY2(!openErr.contains(QLatin1String("open files")), qPrintable(openErr));
    }

    void openAiChatAsksTheDemoForItsModel()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("chat.json"));
        const Result r = runCli(
            { QStringLiteral("run"), QStringLiteral("--scenario"), QStringLiteral("openai-chat"), QStringLiteral("-c"),
                QStringLiteral("2"), QStringLiteral("-d"), QStringLiteral("2s"), QStringLiteral("--think-time"),
                QStringLiteral("0"), QStringLiteral("--demo-speed"), QStringLiteral("50"), QStringLiteral("--slo"),
                QStringLiteral("ttft_p95<30s"), QStringLiteral("--no-history"), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("No --model given: using Llama-3.2-3B-Instruct")), qPrintable(r.err));
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QCOMPARE(report.config.model, QStringLiteral("Llama-3.2-3B-Instruct"));
        QCOMPARE(report.scenarioName, Scenario::openAiChat().name);
        QCOMPARE(report.requestTypes.size(), 1);
        QVERIFY2(report.requestTypes.first().success > 0, qPrintable(errorNames(report.requestTypes.first().errors)));
        QVERIFY(report.requestTypes.first().streaming && report.requestTypes.first().streaming->goodPct);
        QVERIFY2(r.out.contains(QLatin1String("good_pct=")), qPrintable(r.out));
    }

    void openAiChatWithoutAModelExitsWithThree()
    {
        // The test server has no /v1/models and no --model is given.
        TestServerThread server;
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--scenario"), QStringLiteral("openai-chat"), QStringLiteral("-d"), QStringLiteral("1s"),
            QStringLiteral("--no-history") });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(server.url() + QStringLiteral("/v1/models")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("--model")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void knownLatencyMixIsReported()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("mix.json"));
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--request"), QStringLiteral("GET /mix"), QStringLiteral("-c"), QStringLiteral("10"),
            QStringLiteral("--leak-threshold-mb"), QStringLiteral("100000"), QStringLiteral("-d"), QStringLiteral("4s"),
            QStringLiteral("--think-time"), QStringLiteral("0"), QStringLiteral("--sample-interval"),
            QStringLiteral("1s"), QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--json"), json });
        QCOMPARE(r.exitCode, 0);
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QCOMPARE(report.config.threads, 2);
        QVERIFY2(report.overall.latency.p50 >= 9.5 && report.overall.latency.p50 < 30,
            qPrintable(QString::number(report.overall.latency.p50)));
        QVERIFY2(report.overall.latency.p99 >= 195 && report.overall.latency.p99 < 320,
            qPrintable(QString::number(report.overall.latency.p99)));
        QVERIFY(r.out.contains(QLatin1String("STRESS TEST PASSED")));
        QVERIFY(r.err.contains(QLatin1String("req/s"))); // progress lines
    }

    void multiModalScenarioUploadsVoiceAndStreams()
    {
        // The built-in demo service (no --target), ten times faster, so its 3–8 s voice answers
        // come back within the run.
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("mm.json"));
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--scenario"),
            QStringLiteral("archive-ai-multimodal"), QStringLiteral("-c"), QStringLiteral("8"), QStringLiteral("-d"),
            QStringLiteral("5s"), QStringLiteral("--think-time"), QStringLiteral("0"), QStringLiteral("--demo-speed"),
            QStringLiteral("10"), QStringLiteral("--no-history"), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        QHash<QString, QJsonObject> types;
        const QJsonArray list = report.value(QStringLiteral("request_types")).toArray();
        for (const QJsonValue& t : list)
            types.insert(t.toObject().value(QStringLiteral("name")).toString(), t.toObject());
        QCOMPARE(types.size(), 8);
        for (const char* name : { "voice_transcribe", "voice_synthesize", "llm_stream", "chat" }) {
            const QJsonObject t = types.value(QLatin1String(name));
            // The demo answers a transcription without a multipart "audio" part with 500.
            QVERIFY2(t.value(QStringLiteral("success")).toInt() > 0, name);
            QVERIFY2(t.value(QStringLiteral("failure")).toInt() == 0, name);
        }
        const QJsonObject stream
            = types.value(QStringLiteral("llm_stream")).value(QStringLiteral("streaming")).toObject();
        QVERIFY(stream.value(QStringLiteral("output_tokens")).toInt() > 0);
        QVERIFY(stream.value(QStringLiteral("ttft_ms")).toObject().value(QStringLiteral("p50")).toDouble() > 0);
        QVERIFY(!types.value(QStringLiteral("voice_transcribe")).contains(QStringLiteral("streaming")));
    }

    void rateStagesRunAndReport()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("stages.json"));
        // ∫ = 5 + 20 = 25 requests; the same --duration as the stages is accepted.
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--request"), QStringLiteral("GET /delay/5"), QStringLiteral("--rate-stages"),
            QStringLiteral("1s:10,2s:10"), QStringLiteral("-d"), QStringLiteral("3s"), QStringLiteral("-c"),
            QStringLiteral("8"), QStringLiteral("--leak-threshold-mb"), QStringLiteral("100000"),
            QStringLiteral("--sample-interval"), QStringLiteral("1s"), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QCOMPARE(report.config.loadModel, LoadModel::Open);
        QCOMPARE(report.config.stages.toString(), QStringLiteral("1s:10,2s:10"));
        QCOMPARE(report.config.concurrency, 8);
        QCOMPARE(report.config.durationS, 3.0);
        QCOMPARE(report.stages.size(), 2);
        QCOMPARE(report.stages[1].startS, 1.0);
        QCOMPARE(report.stages[1].endS, 3.0);
        QCOMPARE(report.stages[1].target, 10.0);
        QVERIFY2(report.overall.total >= 23 && report.overall.total <= 25,
            qPrintable(QString::number(report.overall.total)));
        QCOMPARE(report.stages[0].stats.total + report.stages[1].stats.total, report.overall.total);
        QVERIFY2(report.stages[0].stats.total >= 4 && report.stages[0].stats.total <= 5,
            qPrintable(QString::number(report.stages[0].stats.total)));
        QVERIFY2(r.out.contains(QLatin1String("Stages (by the requests that started in each)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("1s–3s")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("rate stages 1s:10,2s:10")), qPrintable(r.err));
    }

    void failingChatFailsSuccessRate()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("s.json"));
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "five", "request_types": [
            {"name": "chat", "path": "/status/503"}, {"name": "a", "path": "/delay/2"},
            {"name": "b", "path": "/delay/2"}, {"name": "c", "path": "/delay/2"}, {"name": "d", "path": "/delay/2"}]})");
        f.close();
        const QString json = dir.filePath(QStringLiteral("r.json"));
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--scenario"), scenario, QStringLiteral("-c"), QStringLiteral("5"), QStringLiteral("-d"),
            QStringLiteral("3s"), QStringLiteral("--think-time"), QStringLiteral("5ms-10ms"), QStringLiteral("--seed"),
            QStringLiteral("7"), QStringLiteral("--json"), json });
        QCOMPARE(r.exitCode, 1);
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QVERIFY(report.overall.successRatePct > 70 && report.overall.successRatePct < 90);
        QVERIFY(!report.criteria[1].passed);
        QCOMPARE(report.criteria[1].id, QStringLiteral("success_rate"));
        QVERIFY(r.out.contains(QLatin1String("STRESS TEST FAILED")));
    }

    void hangingEndpointStillEndsOnTime()
    {
        TestServerThread server;
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--request"), QStringLiteral("GET /hang"), QStringLiteral("-c"), QStringLiteral("2"),
            QStringLiteral("-d"), QStringLiteral("2s"), QStringLiteral("--timeout"), QStringLiteral("1s") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QLatin1String("Timeout")));
        QVERIFY2(r.wallMs < 2000 + 1000 + 5000, qPrintable(QString::number(r.wallMs)));
    }

    void interruptStillWritesTheReport_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addRow("SIGINT") << int(SIGINT);
        QTest::addRow("SIGTERM") << int(SIGTERM);
    }

    void interruptStillWritesTheReport()
    {
        QFETCH(int, signalNumber);
        TestServerThread server;
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("r.json"));
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
                                    QStringLiteral("--request"), QStringLiteral("GET /delay/10"), QStringLiteral("-d"),
                                    QStringLiteral("60s"), QStringLiteral("--json"), json },
            30000, 1500, signalNumber);
        QCOMPARE(r.exitCode, 130);
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QCOMPARE(report.stopReason, QStringLiteral("stopped"));
        QVERIFY(report.overall.total > 0);
    }

    void serveDemoServesUntilInterrupted()
    {
        QProcess p;
        p.start(stressdeckBinary(),
            { QStringLiteral("serve-demo"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--error-rate"), QStringLiteral("chat=1:503") });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 10000);
        const QString line = QString::fromUtf8(p.readLine()).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("Listening on http://127.0.0.1:")), qPrintable(line));
        const QString url = line.section(QLatin1Char(' '), 2);
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), url, QStringLiteral("-d"),
            QStringLiteral("2s"), QStringLiteral("--think-time"), QStringLiteral("10ms") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains(QLatin1String("HTTP 503")));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);

        const Result bad = runCli({ QStringLiteral("serve-demo"), QStringLiteral("--port"), QStringLiteral("99999") });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("--port")));
        const Result badKnob
            = runCli({ QStringLiteral("serve-demo"), QStringLiteral("--hang"), QStringLiteral("chat=2") });
        QCOMPARE(badKnob.exitCode, 2);
        QVERIFY(badKnob.err.contains(QLatin1String("--hang")));
    }

    void reportCommandPrintsAndRenders()
    {
        const QString known = QStringLiteral(STRESSDECK_TEST_DATA_DIR "/known-report.json");
        const Result text = runCli({ QStringLiteral("report"), known });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("STRESS TEST FAILED")));
        QVERIFY(text.out.contains(QLatin1String("CHAT (POST /chat)")));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        QProcess headless; // no display at all
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        headless.setProcessEnvironment(env);
        headless.start(stressdeckBinary(), { QStringLiteral("report"), known, QStringLiteral("--pdf"), pdf });
        QVERIFY(headless.waitForFinished(60000));
        QCOMPARE(headless.exitCode(), 0);
        QFile out(pdf);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QVERIFY(out.read(5) == "%PDF-");
    }

    void reportCommandRejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addRow("foreign") << QByteArrayLiteral("{\"name\": \"x\"}") << QStringLiteral("not a Stressdeck report");
        QTest::addRow("truncated") << QByteArrayLiteral("{\"schema\": \"stressdeck-report/1\", \"tool\": {")
                                   << QStringLiteral("truncated");
        QTest::addRow("future schema") << QByteArrayLiteral("{\"schema\": \"stressdeck-report/2\"}")
                                       << QStringLiteral("unsupported report schema");
        QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n", 8) << QStringLiteral("not a Stressdeck report");
    }

    void reportCommandRejectsBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        for (const QStringList& extra :
            { QStringList {}, QStringList { QStringLiteral("--pdf"), dir.filePath(QStringLiteral("x.pdf")) } }) {
            const Result r = runCli(QStringList { QStringLiteral("report"), file } + extra);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
            QVERIFY2(r.err.contains(file), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
        const Result missing = runCli({ QStringLiteral("report"), dir.filePath(QStringLiteral("nope.json")) });
        QCOMPARE(missing.exitCode, 2);
    }

    void runWritesAPdf()
    {
        TestServerThread server;
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("run.pdf"));
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("--target"), server.url(),
            QStringLiteral("--request"), QStringLiteral("GET /delay/5"), QStringLiteral("-d"), QStringLiteral("2s"),
            QStringLiteral("--pdf"), pdf, QStringLiteral("--leak-threshold-mb"), QStringLiteral("100000") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void killedRunIsRecovered()
    {
        TestServerThread server;
        QTemporaryDir data;
        QProcess p;
        startWith(p,
            { QStringLiteral("run"), QStringLiteral("--target"), server.url(), QStringLiteral("--request"),
                QStringLiteral("GET /delay/5"), QStringLiteral("-d"), QStringLiteral("60s"),
                QStringLiteral("--checkpoint-interval"), QStringLiteral("1s") },
            { { QStringLiteral("XDG_DATA_HOME"), data.path() } });
        QVERIFY(p.waitForStarted());
        QTest::qWait(3500);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QDir recovery(data.path() + QStringLiteral("/Stressdeck/stressdeck/recovery"));
        const QStringList files = recovery.entryList({ QStringLiteral("run-*.json") }, QDir::Files);
        QVERIFY2(files.size() == 1, qPrintable(err + recovery.path()));
        QVERIFY(err.contains(files.first()));
        const QString file = recovery.filePath(files.first());
        const Result r = runCli({ QStringLiteral("report"), file });
        QCOMPARE(r.exitCode, 0);
        Report report;
        QString error;
        QVERIFY2(Report::load(file, &report, &error), qPrintable(error));
        QCOMPARE(report.stopReason, QStringLiteral("checkpoint"));
        QVERIFY2(report.elapsedS >= 1.5, qPrintable(QString::number(report.elapsedS))); // at most ~1 interval lost
        QVERIFY(report.overall.success > 10);
    }

    void finishedRunLeavesNoRecoveryFile()
    {
        TestServerThread server;
        QTemporaryDir data;
        QProcess p;
        startWith(p,
            { QStringLiteral("run"), QStringLiteral("--target"), server.url(), QStringLiteral("--request"),
                QStringLiteral("GET /delay/5"), QStringLiteral("-d"), QStringLiteral("2500ms"),
                QStringLiteral("--leak-threshold-mb"), QStringLiteral("100000"),
                QStringLiteral("--checkpoint-interval"), QStringLiteral("1s") },
            { { QStringLiteral("XDG_DATA_HOME"), data.path() } });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QDir recovery(data.path() + QStringLiteral("/Stressdeck/stressdeck/recovery"));
        QVERIFY(recovery.entryList({ QStringLiteral("run-*.json") }, QDir::Files).isEmpty());
        QVERIFY(recovery.entryList({ QStringLiteral("run-*.journal") }, QDir::Files).isEmpty());
    }

    void guiAutomationRunsAndExitsLikeRun()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("gui.json"));
        QProcess p;
        startWith(p,
            { QStringLiteral("gui"), QStringLiteral("-d"), QStringLiteral("3s"), QStringLiteral("-c"),
                QStringLiteral("3"), QStringLiteral("--autostart"), QStringLiteral("--save-json"), json,
                QStringLiteral("--quit-when-done") },
            { { QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen") },
                { QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")) } });
        QVERIFY(p.waitForFinished(60000));
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        // The same contract as `run`: 0 when every criterion passed, 1 when one failed (a slow
        // sanitizer build may fail one; the code must still match the report).
        QCOMPARE(p.exitCode(), report.passed ? 0 : 1);
        QCOMPARE(report.config.concurrency, 3);
        QCOMPARE(report.config.durationS, 3.0);

        p.start(stressdeckBinary(), { QStringLiteral("gui"), QStringLiteral("-c"), QStringLiteral("zero") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
    }

    void guiRunsTheOpenAiChatScenario_data()
    {
        QTest::addColumn<QStringList>("model");
        QTest::addRow("--model given") << QStringList { QStringLiteral("--model"),
            QStringLiteral("Llama-3.2-3B-Instruct") };
        // Without it the window asks the demo's /v1/models, whose first (only) id is that model.
        QTest::addRow("asked of /v1/models") << QStringList {};
    }

    void guiRunsTheOpenAiChatScenario()
    {
        QFETCH(QStringList, model);
        // Chosen on the command line, the built-in goes through the window's scenario list.
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("gui-chat.json"));
        QProcess p;
        startWith(p,
            QStringList { QStringLiteral("gui"), QStringLiteral("--scenario"), QStringLiteral("openai-chat") } + model
                + QStringList { QStringLiteral("--slo"), QStringLiteral("ttft_p95<30s"), QStringLiteral("--demo-speed"),
                    QStringLiteral("50"), QStringLiteral("-d"), QStringLiteral("2s"), QStringLiteral("-c"),
                    QStringLiteral("2"), QStringLiteral("--autostart"), QStringLiteral("--save-json"), json,
                    QStringLiteral("--quit-when-done") },
            { { QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen") },
                { QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")) },
                { QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")) } });
        QVERIFY(p.waitForFinished(60000));
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error + QString::fromUtf8(p.readAllStandardError())));
        QCOMPARE(report.scenarioName, Scenario::openAiChat().name);
        QCOMPARE(report.requestTypes.size(), 1);
        QCOMPARE(report.requestTypes.first().path, QStringLiteral("/v1/chat/completions"));
        QCOMPARE(report.config.model, QStringLiteral("Llama-3.2-3B-Instruct"));
        QCOMPARE(report.config.slo.toString(), QStringLiteral("ttft_p95<30s"));
        QVERIFY(report.requestTypes.first().success > 0);
        QVERIFY(report.requestTypes.first().streaming && report.requestTypes.first().streaming->goodPct);
    }

    void guiWithoutAModelExitsWithThree()
    {
        // The test server has no /v1/models: the window names the URL and does not start.
        TestServerThread server;
        QTemporaryDir dir;
        QProcess p;
        startWith(p,
            { QStringLiteral("gui"), QStringLiteral("--scenario"), QStringLiteral("openai-chat"),
                QStringLiteral("--target"), server.url(), QStringLiteral("-d"), QStringLiteral("2s"),
                QStringLiteral("--autostart"), QStringLiteral("--quit-when-done") },
            { { QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen") },
                { QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")) },
                { QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")) } });
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 3);
        QVERIFY2(err.contains(QLatin1String("/v1/models")), qPrintable(err));
    }

    void guiHelpNeedsNoDisplayAndListsEveryRunOption()
    {
        QProcess headless;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        headless.setProcessEnvironment(env);
        headless.start(stressdeckBinary(), { QStringLiteral("gui"), QStringLiteral("--help") });
        QVERIFY(headless.waitForFinished(30000));
        QCOMPARE(headless.exitCode(), 0);
        const QString guiHelp = QString::fromUtf8(headless.readAllStandardOutput());
        QVERIFY2(guiHelp.contains(QLatin1String("--autostart")), qPrintable(guiHelp));
        QVERIFY2(guiHelp.startsWith(QLatin1String("Usage: stressdeck gui [options]")), qPrintable(guiHelp));

        // One option table: every option of run is one of gui too.
        const Result runHelp = runCli({ QStringLiteral("run"), QStringLiteral("--help") });
        QCOMPARE(runHelp.exitCode, 0);
        QVERIFY2(runHelp.out.startsWith(QLatin1String("Usage: stressdeck run [options]")), qPrintable(runHelp.out));
        static const QRegularExpression option(QStringLiteral("(?:^|\\s)(--[a-z][a-z0-9-]+)"));
        QStringList runOptions;
        for (auto it = option.globalMatch(runHelp.out); it.hasNext();)
            runOptions.append(it.next().captured(1));
        runOptions.removeDuplicates();
        QVERIFY2(runOptions.size() > 30, qPrintable(runOptions.join(u' ')));
        QVERIFY(runOptions.contains(QStringLiteral("--demo-error-rate")));
        // A shard of a distributed run (issue #17) is headless: those options are run's alone.
        static const QStringList shardOnly { QStringLiteral("--shard"), QStringLiteral("--start-at"),
            QStringLiteral("--late-tolerance"), QStringLiteral("--late-start"), QStringLiteral("--report-stdout") };
        for (const QString& o : shardOnly)
            QVERIFY2(runOptions.contains(o), qPrintable(o));
        for (const QString& o : std::as_const(runOptions))
            QVERIFY2(shardOnly.contains(o) || guiHelp.contains(o), qPrintable(o));

        // Bad input is reported before any window, with the flag named and exit code 2.
        headless.start(
            stressdeckBinary(), { QStringLiteral("gui"), QStringLiteral("--demo-error-rate"), QStringLiteral("x") });
        QVERIFY(headless.waitForFinished(30000));
        QCOMPARE(headless.exitCode(), 2);
        QVERIFY(QString::fromUtf8(headless.readAllStandardError()).contains(QLatin1String("--demo-error-rate")));
    }

    void guiLeavesQtsOwnOptionsToQt()
    {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        // Without -platform offscreen reaching Qt there is no display here at all.
        p.start(stressdeckBinary(),
            { QStringLiteral("gui"), QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("-style"),
                QStringLiteral("fusion"), QStringLiteral("-reverse"), QStringLiteral("-d"), QStringLiteral("1s"),
                QStringLiteral("--autostart"), QStringLiteral("--quit-when-done") });
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0 || p.exitCode() == 1, qPrintable(QString::fromUtf8(p.readAllStandardError())));
    }

    void guiScreenshotWithoutARun()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        const QList<QPair<QString, QString>> env { { QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen") },
            { QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")) } };
        QProcess p;
        startWith(
            p, { QStringLiteral("gui"), QStringLiteral("--screenshot"), png, QStringLiteral("--quit-when-done") }, env);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QFile shot(png);
        QVERIFY(shot.open(QIODevice::ReadOnly));
        QCOMPARE(shot.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));

        // A screenshot that cannot be written is a failure a script hears of.
        const QString nowhere = dir.filePath(QStringLiteral("no-such-folder/window.png"));
        startWith(p,
            { QStringLiteral("gui"), QStringLiteral("--screenshot"), nowhere, QStringLiteral("--quit-when-done") },
            env);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(nowhere));
    }

    void guiTakesTheDemoKnobsAndRunOptions()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("gui.json"));
        QProcess p;
        startWith(p,
            { QStringLiteral("gui"), QStringLiteral("-d"), QStringLiteral("2s"), QStringLiteral("-c"),
                QStringLiteral("4"), QStringLiteral("--think-time"), QStringLiteral("10ms"),
                QStringLiteral("--demo-error-rate"), QStringLiteral("chat=1:503"), QStringLiteral("--seed"),
                QStringLiteral("42"), QStringLiteral("--leak-threshold-mb"), QStringLiteral("500"),
                QStringLiteral("--autostart"), QStringLiteral("--json"), json, QStringLiteral("--quit-when-done") },
            { { QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen") },
                { QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")) } });
        QVERIFY(p.waitForFinished(60000));
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QCOMPARE(p.exitCode(), 1); // every chat request fails: success_rate cannot pass
        QCOMPARE(report.config.seed, quint64(42));
        QCOMPARE(report.config.thresholds.leakMb, 500.0);
        QCOMPARE(report.config.thinkMaxMs, 10.0);
        bool chatFailed = false;
        for (const StatsSummary& t : report.requestTypes) {
            if (t.name == QLatin1String("chat"))
                chatFailed = t.total > 0 && t.failure == t.total && t.errors.contains(QStringLiteral("HTTP 503"));
        }
        QVERIFY(chatFailed);
    }

    void defaultTargetIsTheDemoService()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("demo.json"));
        const Result r = runCli({ QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("4s"),
            QStringLiteral("--sample-interval"), QStringLiteral("1s"), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        Report report;
        QString error;
        QVERIFY2(Report::load(json, &report, &error), qPrintable(error));
        QCOMPARE(report.scenarioName, QStringLiteral("Archive-AI"));
        QCOMPARE(report.overall.successRatePct, 100.0);
        QCOMPARE(report.system.source, QStringLiteral("pid"));
        QVERIFY(report.system.samples.size() >= 3);
    }

private:
    QTemporaryDir m_dataHome;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
