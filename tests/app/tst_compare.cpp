// SPDX-License-Identifier: MIT

#include "report.h"
#include "runcomparison.h"
#include "testhelpers.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

namespace {

using Result = CliResult;

Result compareCli(const QStringList& args)
{
    QProcess p;
    p.start(stressdeckBinary(), QStringList { QStringLiteral("compare") } + args);
    if (!p.waitForFinished(60000))
        qFatal("stressdeck compare did not finish");
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()), 0 };
}

//! A scenario of three routes; `chatMs` sets how slow chat is.
QByteArray scenario(int chatMs)
{
    auto type = [](const char* name, const QString& path) {
        return QJsonObject { { QStringLiteral("name"), QLatin1String(name) }, { QStringLiteral("path"), path } };
    };
    return QJsonDocument(
        QJsonObject { { QStringLiteral("name"), QStringLiteral("three routes") },
            { QStringLiteral("request_types"),
                QJsonArray { type("chat", QStringLiteral("/jitter/%1").arg(chatMs)),
                    type("agent", QStringLiteral("/jitter/20")), type("search", QStringLiteral("/jitter/10")) } } })
        .toJson();
}

QJsonObject comparison(const QString& file, const QString& type, const QString& metric)
{
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    const QJsonArray list
        = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("comparisons")).toArray();
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("request_type")).toString() == type
            && o.value(QStringLiteral("metric")).toString() == metric)
            return o;
    }
    return {};
}

} // namespace

//! `stressdeck compare` end to end: real runs against the loopback test server, compared.
class TestCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(stressdeckBinary()), "STRESSDECK_BINARY must point to the stressdeck executable");
        QVERIFY(m_dir.isValid());
        // Three open-model runs at once, 30 s each: two of the same service, one with chat 30 % slower.
        const QList<std::pair<QString, int>> runs { { QStringLiteral("base"), 40 }, { QStringLiteral("same"), 40 },
            { QStringLiteral("slow"), 52 }, { QStringLiteral("short"), 40 } };
        QList<QProcess*> processes;
        for (const auto& [name, chatMs] : runs) {
            const QString scenarioFile = m_dir.filePath(name + QStringLiteral(".scenario.json"));
            QFile f(scenarioFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(scenario(chatMs));
            f.close();
            auto* p = new QProcess(this);
            // Never into the user's own data (run history) or settings.
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
            p->setProcessEnvironment(env);
            p->start(stressdeckBinary(),
                { QStringLiteral("run"), QStringLiteral("--target"), m_server.url(), QStringLiteral("--scenario"),
                    scenarioFile, QStringLiteral("--rate"), QStringLiteral("45"), QStringLiteral("--duration"),
                    name == QLatin1String("short") ? QStringLiteral("2s") : QStringLiteral("30s"),
                    QStringLiteral("--transport"), QStringLiteral("fast"), QStringLiteral("--seed"),
                    QStringLiteral("7"), QStringLiteral("--json"), report(name) });
            processes.append(p);
        }
        for (QProcess* p : processes) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(
                p->exitCode() == 0 || p->exitCode() == 1, qPrintable(QString::fromUtf8(p->readAllStandardError())));
        }
        Report r;
        QString error;
        QVERIFY2(Report::load(report(QStringLiteral("base")), &r, &error), qPrintable(error));
        QVERIFY(r.latencyWindows.size() >= 6);
    }

    void anUnchangedServiceIsNoRegression()
    {
        const QString json = m_dir.filePath(QStringLiteral("same.compare.json"));
        const Result r = compareCli(
            { report(QStringLiteral("base")), report(QStringLiteral("same")), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("REGRESSION")), qPrintable(r.out));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("stressdeck-compare/1"));
        QCOMPARE(o.value(QStringLiteral("regressions")).toInt(-1), 0);
        QVERIFY(o.value(QStringLiteral("verdict")).toString() != QLatin1String("regression"));
        QVERIFY(o.value(QStringLiteral("batch_s")).toInt() >= 5);
        // 4 types (all, chat, agent, search) × 6 metrics.
        QCOMPARE(o.value(QStringLiteral("comparisons")).toArray().size(), 24);
        for (const char* key : { "baseline", "candidate", "margin_pct", "confidence_pct", "batch_s", "comparisons",
                 "warnings", "regressions", "verdict", "tool" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const QJsonObject c = comparison(json, QStringLiteral("chat"), QStringLiteral("p50"));
        for (const char* key : { "request_type", "metric", "baseline", "candidate", "change_pct", "ci_low_pct",
                 "ci_high_pct", "mde_pct", "verdict" })
            QVERIFY2(c.contains(QLatin1String(key)), key);
        QVERIFY(std::abs(c.value(QStringLiteral("change_pct")).toDouble()) < 10);
    }

    void aSlowerChatIsAChatRegressionOnly()
    {
        const QString json = m_dir.filePath(QStringLiteral("slow.compare.json"));
        const Result r = compareCli(
            { report(QStringLiteral("base")), report(QStringLiteral("slow")), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("REGRESSION")) && r.out.contains(QStringLiteral("chat p50")),
            qPrintable(r.out));
        const QJsonObject p50 = comparison(json, QStringLiteral("chat"), QStringLiteral("p50"));
        QCOMPARE(p50.value(QStringLiteral("verdict")).toString(), QStringLiteral("regression"));
        const double change = p50.value(QStringLiteral("change_pct")).toDouble();
        QVERIFY2(change > 15 && change < 50, qPrintable(QString::number(change)));
        // The tail moves as much, but on a loaded machine (the sanitizer run) its batches scatter
        // enough that the honest answer can be "inconclusive": never "no change" or "improvement".
        const QJsonObject p95 = comparison(json, QStringLiteral("chat"), QStringLiteral("p95"));
        const QString p95Verdict = p95.value(QStringLiteral("verdict")).toString();
        QVERIFY2(p95Verdict == QLatin1String("regression") || p95Verdict == QLatin1String("inconclusive"),
            qPrintable(p95Verdict));
        QVERIFY2(p95.value(QStringLiteral("change_pct")).toDouble() > 0,
            qPrintable(QString::number(p95.value(QStringLiteral("change_pct")).toDouble())));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray list
            = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("comparisons")).toArray();
        for (const QJsonValue& v : list) {
            const QJsonObject o = v.toObject();
            const QString type = o.value(QStringLiteral("request_type")).toString();
            if (type == QLatin1String("agent") || type == QLatin1String("search"))
                QVERIFY2(o.value(QStringLiteral("verdict")).toString() != QLatin1String("regression"),
                    qPrintable(type + QLatin1Char(' ') + o.value(QStringLiteral("metric")).toString()));
        }
    }

    void theOtherWayRoundIsAnImprovement()
    {
        const QString json = m_dir.filePath(QStringLiteral("fast.compare.json"));
        const Result r = compareCli({ report(QStringLiteral("slow")), report(QStringLiteral("base")),
            QStringLiteral("--json"), json, QStringLiteral("--metrics"), QStringLiteral("p50,p95") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(
            comparison(json, QStringLiteral("chat"), QStringLiteral("p50")).value(QStringLiteral("verdict")).toString(),
            QStringLiteral("improvement"));
        QVERIFY(comparison(json, QStringLiteral("chat"), QStringLiteral("p99")).isEmpty()); // not asked for
    }

    void aTwoSecondRunIsInconclusive()
    {
        const QString json = m_dir.filePath(QStringLiteral("short.compare.json"));
        const Result r = compareCli(
            { report(QStringLiteral("base")), report(QStringLiteral("short")), QStringLiteral("--json"), json });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject c = comparison(json, QStringLiteral("all"), QStringLiteral("p95"));
        QCOMPARE(c.value(QStringLiteral("verdict")).toString(), QStringLiteral("inconclusive"));
        QVERIFY2(r.out.contains(QStringLiteral("INCONCLUSIVE")), qPrintable(r.out));
    }

    void theJsonReadsBackAndThePdfIsWritten()
    {
        const QString json = m_dir.filePath(QStringLiteral("pdf.compare.json"));
        const QString pdf = m_dir.filePath(QStringLiteral("compare.pdf"));
        const Result r = compareCli({ report(QStringLiteral("base")), report(QStringLiteral("slow")),
            QStringLiteral("--json"), json, QStringLiteral("--pdf"), pdf });
        QCOMPARE(r.exitCode, 1);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        CompareReport back;
        QString error;
        QVERIFY2(CompareReport::fromJson(bytes, json, &back, &error), qPrintable(error));
        QCOMPARE(back.toJsonBytes(), bytes);
        QCOMPARE(
            back.regressions, QJsonDocument::fromJson(bytes).object().value(QStringLiteral("regressions")).toInt());
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        QVERIFY(p.size() > 5000);
        if (!qEnvironmentVariableIsEmpty("STRESSDECK_KEEP_PDF"))
            QFile::copy(pdf, qEnvironmentVariable("STRESSDECK_KEEP_PDF"));
    }

    void badInputExitsWithTwoNamingTheFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString base = report(QStringLiteral("base"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.json"));
        QTest::addRow("missing file") << QStringList { base, missing } << missing;
        const QString notReport = m_dir.filePath(QStringLiteral("base.scenario.json"));
        QTest::addRow("not a report") << QStringList { notReport, base } << notReport;
        const QString old = QStringLiteral(STRESSDECK_TEST_DATA_DIR "/known-report.json");
        QTest::addRow("no latency windows") << QStringList { old, base } << QStringLiteral("no latency windows");
        QTest::addRow("one report") << QStringList { base } << QStringLiteral("a baseline and a candidate");
        QTest::addRow("bad margin") << QStringList { base, base, QStringLiteral("--margin"), QStringLiteral("lots") }
                                    << QStringLiteral("--margin");
        QTest::addRow("bad metric") << QStringList { base, base, QStringLiteral("--metrics"), QStringLiteral("p42") }
                                    << QStringLiteral("p42");
    }

    void badInputExitsWithTwoNamingTheFile()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = compareCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void noTypeInCommonExitsWithTwo()
    {
        Report r;
        QString error;
        QVERIFY(Report::load(report(QStringLiteral("base")), &r, &error));
        for (StatsSummary& s : r.requestTypes)
            s.name += QStringLiteral("-renamed");
        const QString renamed = m_dir.filePath(QStringLiteral("renamed.json"));
        QVERIFY(r.save(renamed, &error));
        const Result result = compareCli({ report(QStringLiteral("base")), renamed });
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("no request type in common")), qPrintable(result.err));
    }

private:
    QString report(const QString& name) const { return m_dir.filePath(name + QStringLiteral(".json")); }

    TestServerThread m_server;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
