// SPDX-License-Identifier: MIT

#include "demoservice.h"
#include "loadrunner.h"

#include <QCoro/QCoroNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include "testhelpers.h"

#include <unistd.h>

using namespace Stressdeck;
using Stressdeck::Testing::criterion;
using Stressdeck::Testing::runToEnd;

namespace {

struct Answer {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray contentType;
    QByteArray location;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

class Client {
public:
    Client() { m_nam.setProxy(QNetworkProxy::NoProxy); }

    Answer send(const QByteArray& method, const QUrl& url, const QByteArray& body = {},
        const QByteArray& contentType = QByteArrayLiteral("application/json"))
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(10000);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
        QCoro::waitFor(qCoro(reply).waitForFinished());
        Answer a { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(), reply->readAll(),
            reply->rawHeader("Content-Type"), reply->rawHeader("location") };
        reply->deleteLater();
        return a;
    }

private:
    QNetworkAccessManager m_nam;
};

Report runAgainst(quint16 port, const Scenario& scenario, double seconds, RunConfig c = {})
{
    c.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    c.durationS = seconds;
    c.concurrency = 5;
    c.thinkMinMs = 10;
    c.thinkMaxMs = 50;
    c.sampleIntervalS = 1;
    return runToEnd(c, scenario).report;
}

} // namespace

class TestDemoService : public QObject {
    Q_OBJECT

    ServiceThread m_thread;
    quint16 m_port = 0;
    DemoOptions m_fast;

    QUrl url(const char* path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QLatin1String(path)));
    }
    void setOptions(const DemoOptions& options)
    {
        m_thread.run([options](HttpService* s) { static_cast<DemoService*>(s)->setOptions(options); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fast.speed = 50;
        QString error;
        m_port = startDemoService(&m_thread, m_fast, 0, &error);
        QVERIFY2(m_port != 0, qPrintable(error));
    }

    void init() { setOptions(m_fast); }

    void routesAnswerLikeArchiveAi_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("keys");
        auto add = [](const char* name, const char* method, const char* path, const char* body, int status,
                       QStringList keys) {
            QTest::addRow("%s", name) << QByteArray(method) << QByteArray(path) << QByteArray(body) << status << keys;
        };
        add("health", "GET", "/health", "", 200,
            { QStringLiteral("status"), QStringLiteral("vorpal_url"), QStringLiteral("async_memory") });
        add("root", "GET", "/", "", 200, { QStringLiteral("service"), QStringLiteral("version") });
        add("chat", "POST", "/chat", R"({"message":"What is 2+2?"})", 200,
            { QStringLiteral("response"), QStringLiteral("engine") });
        add("verify", "POST", "/verify", R"({"message":"Is water wet?"})", 200,
            { QStringLiteral("initial_response"), QStringLiteral("verification_qa"), QStringLiteral("final_response"),
                QStringLiteral("revised") });
        add("agent", "POST", "/agent/", R"({"question":"Calculate 7 factorial"})", 200,
            { QStringLiteral("answer"), QStringLiteral("steps"), QStringLiteral("total_steps"),
                QStringLiteral("success"), QStringLiteral("error") });
        add("agent advanced", "POST", "/agent/advanced", R"({"question":"x","max_steps":"5"})", 200,
            { QStringLiteral("answer") });
        add("memory search", "POST", "/memories/search", R"({"query":"code examples","top_k":5})", 200,
            { QStringLiteral("memories"), QStringLiteral("total") });
        add("code assist", "POST", "/code_assist", R"({"task":"print 1"})", 200,
            { QStringLiteral("task"), QStringLiteral("code"), QStringLiteral("test_output"),
                QStringLiteral("attempts") });
        add("library search", "POST", "/library/search", R"({"query":"machine learning","top_k":2})", 200,
            { QStringLiteral("chunks"), QStringLiteral("total"), QStringLiteral("query") });
        add("metrics", "GET", "/metrics/current", "", 200,
            { QStringLiteral("memory_mb"), QStringLiteral("cpu_percent") });
        add("unknown path", "POST", "/memory/search", R"({"query":"x"})", 404, { QStringLiteral("detail") });
        add("original code path", "POST", "/code-assist", R"({"task":"x"})", 404, { QStringLiteral("detail") });
        add("wrong method", "GET", "/chat", "", 405, { QStringLiteral("detail") });
        add("invalid json", "POST", "/chat", "{oops", 422, { QStringLiteral("detail") });
        add("missing field", "POST", "/chat", R"({"msg":"hi"})", 422, { QStringLiteral("detail") });
        add("wrong type", "POST", "/library/search", R"({"query":"x","top_k":"many"})", 422,
            { QStringLiteral("detail") });
        add("empty message", "POST", "/chat", R"({"message":"   "})", 400, { QStringLiteral("detail") });
        add("empty query", "POST", "/memories/search", R"({"query":""})", 400, { QStringLiteral("detail") });
        add("bad attempts", "POST", "/code_assist", R"({"task":"x","max_attempts":9})", 400,
            { QStringLiteral("detail") });
        add("empty tts text", "POST", "/voice/synthesize", R"({"text":""})", 400, { QStringLiteral("detail") });
        add("transcribe without file", "POST", "/voice/transcribe", R"({})", 500, { QStringLiteral("detail") });
    }

    void routesAnswerLikeArchiveAi()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QStringList, keys);
        Client client;
        const Answer a = client.send(method, url(path.constData()), body);
        QCOMPARE(a.status, status);
        QVERIFY2(a.contentType.startsWith("application/json"), a.contentType.constData());
        const QJsonObject json = a.json();
        for (const QString& key : keys)
            QVERIFY2(json.contains(key), qPrintable(key + QLatin1String(" in ") + QString::fromUtf8(a.body)));
        if (status == 422) {
            const QJsonObject problem = json.value(QStringLiteral("detail")).toArray().first().toObject();
            QVERIFY(problem.contains(QStringLiteral("type")));
            QCOMPARE(problem.value(QStringLiteral("loc")).toArray().first().toString(), QStringLiteral("body"));
        }
    }

    void missingTrailingSlashRedirects()
    {
        Client client;
        const Answer a = client.send("POST", url("/agent"), R"({"question":"x"})");
        QCOMPARE(a.status, 307);
        QVERIFY2(a.location.endsWith("/agent/"), a.location.constData());
        QVERIFY(a.body.isEmpty());
    }

    void voiceEndpoints()
    {
        Client client;
        const Answer wav = client.send("POST", url("/voice/synthesize"), R"({"text":"Hello"})");
        QCOMPARE(wav.status, 200);
        QCOMPARE(wav.contentType, QByteArray("audio/wav"));
        QVERIFY(wav.body.startsWith("RIFF"));
        QCOMPARE(wav.body.mid(8, 4), QByteArray("WAVE"));
        const QByteArray multipart = "--b\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"a.wav\"\r\n"
                                     "Content-Type: audio/wav\r\n\r\n"
            + wav.body + "\r\n--b--\r\n";
        const Answer text = client.send("POST", url("/voice/transcribe"), multipart, "multipart/form-data; boundary=b");
        QCOMPARE(text.status, 200);
        QVERIFY(text.json().contains(QStringLiteral("text")));
    }

    void knobsChangeWhileRunning()
    {
        Client client;
        QCOMPARE(client.send("POST", url("/chat"), R"({"message":"hi"})").status, 200);
        DemoOptions failing = m_fast;
        failing.faults[QStringLiteral("chat")].errorRate = 1;
        failing.faults[QStringLiteral("chat")].errorStatus = 503;
        setOptions(failing);
        QCOMPARE(client.send("POST", url("/chat"), R"({"message":"hi"})").status, 503);
        QCOMPARE(client.send("POST", url("/library/search"), R"({"query":"x"})").status, 200);

        // Over HTTP, as a stand-alone demo is tuned.
        const Answer put
            = client.send("PUT", url("/_demo/config"), R"({"speed": 50, "faults": {"*": {"reset_rate": 1}}})");
        QCOMPARE(put.status, 200);
        QCOMPARE(client.send("GET", url("/health")).error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(client.send("PUT", url("/_demo/config"), R"({"speed": -1})").status, 422);
        client.send("PUT", url("/_demo/config"), R"({"speed": 50, "faults": {"agent": {"hang_rate": 1}}})");
        QCOMPARE(client.send("GET", url("/health")).status, 200);

        DemoOptions slow = m_fast;
        slow.slowStartS = 3600;
        setOptions(slow);
        QCOMPARE(client.send("GET", url("/health")).status, 503);
        DemoOptions limited = m_fast;
        limited.rateLimit = true;
        setOptions(limited);
        int tooMany = 0;
        for (int i = 0; i < 32; ++i)
            tooMany += client.send("POST", url("/chat"), R"({"message":"hi"})").status == 429 ? 1 : 0;
        QCOMPARE(tooMany, 2);
    }

    void hangKnobGivesTimeouts()
    {
        DemoOptions hanging = m_fast;
        hanging.faults[QStringLiteral("agent")].hangRate = 1;
        setOptions(hanging);
        RunConfig c;
        c.timeoutS = 0.5;
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 2.5, c);
        const auto& agent = r.requestTypes[1];
        QCOMPARE(agent.name, QStringLiteral("agent"));
        QVERIFY(agent.timeouts > 0);
        QCOMPARE(agent.timeouts, agent.total);
        QVERIFY(std::any_of(r.bottlenecks.begin(), r.bottlenecks.end(), [](const Bottleneck& b) {
            return b.requestType == QLatin1String("agent") && b.kind == QLatin1String("timeout_rate");
        }));
    }

    void resetKnobShowsAsErrorRate()
    {
        DemoOptions resetting = m_fast;
        resetting.faults[QStringLiteral("memory_search")].resetRate = 1;
        setOptions(resetting);
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 2.5);
        const StatsSummary& memory = r.requestTypes[2];
        QVERIFY(memory.total > 0);
        QCOMPARE(memory.errors.value(QStringLiteral("Connection reset")), memory.total);
        QVERIFY(std::any_of(r.bottlenecks.begin(), r.bottlenecks.end(), [](const Bottleneck& b) {
            return b.requestType == QLatin1String("memory_search") && b.kind == QLatin1String("error_rate");
        }));
    }

    void extraLatencyShowsAsSlowP95()
    {
        DemoOptions slow = m_fast;
        slow.faults[QStringLiteral("library_search")].extraLatencyMs = 300;
        setOptions(slow);
        RunConfig c;
        c.thresholds.p95Ms = 200;
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 2.5, c);
        QVERIFY(r.requestTypes[4].latency.p50 >= 300);
        QVERIFY(std::any_of(r.bottlenecks.begin(), r.bottlenecks.end(), [](const Bottleneck& b) {
            return b.requestType == QLatin1String("library_search") && b.kind == QLatin1String("p95_latency");
        }));
    }

    void slowStartAnswers503First()
    {
        DemoOptions starting = m_fast;
        starting.slowStartS = 2;
        setOptions(starting);
        RunConfig c;
        c.healthCheck = false;
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 4, c);
        QVERIFY(r.overall.errors.value(QStringLiteral("HTTP 503")) > 0);
        QVERIFY(r.overall.success > 0);
        QCOMPARE(r.timeline.first().all.successes, 0);
        QVERIFY(r.timeline.last().all.errors == 0);
    }

    void archiveAiScenarioSucceedsCompletely()
    {
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 3);
        QVERIFY(r.overall.total > 20);
        QCOMPARE(r.overall.successRatePct, 100.0);
        QVERIFY(criterion(r, "success_rate").passed);
        QVERIFY(criterion(r, "bottleneck_analysis").passed);
    }

    void originalScriptReproducesItsFailures()
    {
        const Report r = runAgainst(m_port, Scenario::archiveAiOriginal(), 3);
        QCOMPARE(r.requestTypes[1].errors.value(QStringLiteral("HTTP 307")), r.requestTypes[1].total);
        QCOMPARE(r.requestTypes[2].errors.value(QStringLiteral("HTTP 404")), r.requestTypes[2].total);
        QCOMPARE(r.requestTypes[3].errors.value(QStringLiteral("HTTP 404")), r.requestTypes[3].total);
        QCOMPARE(r.requestTypes[0].failure, 0);
        QVERIFY(r.overall.successRatePct < 60);
        QVERIFY(!criterion(r, "success_rate").passed);
    }

    void errorKnobFailsSuccessRate()
    {
        DemoOptions failing = m_fast;
        failing.faults[QStringLiteral("chat")].errorRate = 1;
        failing.faults[QStringLiteral("chat")].errorStatus = 503;
        setOptions(failing);
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 3);
        QVERIFY(r.requestTypes[0].errors.value(QStringLiteral("HTTP 503")) > 0);
        QVERIFY(!criterion(r, "success_rate").passed);
        QVERIFY(!r.passed);
    }

    void leakKnobFailsTheLeakCriterion()
    {
        DemoOptions leaking = m_fast;
        leaking.leakKbPerRequest = 1024;
        setOptions(leaking);
        RunConfig c;
        c.monitorPid = qint64(::getpid());
        c.thresholds.leakMb = 20;
        const Report r = runAgainst(m_port, Scenario::archiveAi(), 3, c);
        QVERIFY2(r.system.memoryGrowthMb > 20, qPrintable(QString::number(r.system.memoryGrowthMb)));
        QVERIFY(!criterion(r, "no_memory_leak").passed);
        QVERIFY(criterion(r, "success_rate").passed);
    }
};

QTEST_GUILESS_MAIN(TestDemoService)
#include "tst_demoservice.moc"
