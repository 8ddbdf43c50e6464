// SPDX-License-Identifier: MIT

// The built-in openai-chat scenario, the model lookup, stream_options refused by a server, and
// goodput under an SLO (issue #16), against the demo's OpenAI-compatible engine and the test
// server's /stream route on 127.0.0.1.

#include "capacityrun.h"
#include "demoservice.h"
#include "goodput.h"
#include "modellookup.h"
#include "testhelpers.h"
#include "testserver.h"
#include "textsummary.h"

#include <QCoro/QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <chrono>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

Q_DECLARE_METATYPE(Stressdeck::Transport)

namespace {

Slo slo(const char* text)
{
    QString error;
    const std::optional<Slo> parsed = Slo::parse(QLatin1String(text), &error);
    if (!parsed)
        qFatal("bad SLO %s: %s", text, qPrintable(error));
    return *parsed;
}

//! One streaming type on the test server's /stream route with these query parameters.
Scenario streamScenario(const QString& query)
{
    RequestType t;
    t.name = QStringLiteral("chat");
    t.method = QByteArrayLiteral("POST");
    t.path = QStringLiteral("/stream?") + query;
    t.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
    t.bodies = { QByteArrayLiteral(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":5})") };
    t.stream = RequestType::Stream::OpenAi;
    Scenario s;
    s.name = QStringLiteral("stream");
    s.requestTypes = { t };
    return s;
}

RunConfig shortRun(const QString& target, Transport transport = Transport::Qnam)
{
    RunConfig c;
    c.target = QUrl(target);
    c.transport = transport;
    c.concurrency = 2;
    c.durationS = 1.5;
    c.timeoutS = 5;
    c.thinkMinMs = c.thinkMaxMs = 20;
    c.sampleIntervalS = 1;
    c.healthCheck = false;
    c.seed = 16;
    c.threads = 1;
    return c;
}

StreamSample sample(double ttftMs, std::optional<double> tpotMs, std::optional<std::int64_t> tokens)
{
    StreamSample s;
    s.ttftNs = std::int64_t(ttftMs * 1e6);
    s.e2eNs = std::int64_t((ttftMs + 100) * 1e6);
    if (tpotMs)
        s.tpotNs = *tpotMs * 1e6;
    s.outputTokens = tokens;
    return s;
}

QString promptOf(const QByteArray& body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("messages"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("content"))
        .toString();
}

} // namespace

class TestOpenAiChat : public QObject {
    Q_OBJECT

    ServiceThread m_demo;
    quint16 m_demoPort = 0;
    TestServerThread m_server;

    QString demoUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_demoPort); }

    void setDemo(const DemoOptions& options)
    {
        m_demo.run([options](HttpService* s) { static_cast<DemoService*>(s)->setOptions(options); });
    }

    static DemoOptions fastDemo()
    {
        DemoOptions o;
        o.speed = 50;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_demoPort = startDemoService(&m_demo, fastDemo(), 0, &error);
        QVERIFY2(m_demoPort != 0, qPrintable(error));
    }

    void init() { setDemo(fastDemo()); }

    void theBuiltInScenario()
    {
        const Scenario s = Scenario::builtIn(QStringLiteral("openai-chat"));
        QCOMPARE(s.name, Scenario::openAiChat().name);
        const QList<Scenario> builtIns = Scenario::builtIns();
        QVERIFY(std::any_of(builtIns.begin(), builtIns.end(), [&](const Scenario& b) { return b.name == s.name; }));
        QCOMPARE(Scenario::builtIn(s.name).name, s.name); // the window selects it by name
        QString error;
        QVERIFY2(s.validate(&error), qPrintable(error));
        QCOMPARE(s.requestTypes.size(), 1);
        const RequestType& chat = s.requestTypes.first();
        QCOMPARE(chat.method, QByteArray("POST"));
        QCOMPARE(chat.path, QStringLiteral("/v1/chat/completions"));
        QVERIFY(chat.isStreaming());
        QVERIFY(s.needsModel());
        QCOMPARE(chat.bodies.size(), 12);
        // Three lengths of prompt, each with its max_tokens, the same every time.
        QMap<int, QList<qsizetype>> lengthsByMaxTokens;
        for (const QByteArray& body : chat.bodies) {
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            QVERIFY(!o.contains(QStringLiteral("model")));
            lengthsByMaxTokens[o.value(QStringLiteral("max_tokens")).toInt()].append(promptOf(body).size());
        }
        QCOMPARE(lengthsByMaxTokens.keys(), QList<int>({ 32, 128, 256 }));
        const qsizetype shortest = *std::max_element(lengthsByMaxTokens[32].begin(), lengthsByMaxTokens[32].end());
        const qsizetype medium = *std::min_element(lengthsByMaxTokens[128].begin(), lengthsByMaxTokens[128].end());
        const qsizetype mediumMost = *std::max_element(lengthsByMaxTokens[128].begin(), lengthsByMaxTokens[128].end());
        const qsizetype longest = *std::min_element(lengthsByMaxTokens[256].begin(), lengthsByMaxTokens[256].end());
        QVERIFY2(shortest < medium && mediumMost < longest,
            qPrintable(QStringLiteral("%1 %2 %3").arg(shortest).arg(medium).arg(longest)));
        QVERIFY2(longest > 4000, qPrintable(QString::number(longest)));
        QCOMPARE(Scenario::openAiChat(), s);
        QVERIFY(promptOf(chat.bodies[0]) != promptOf(chat.bodies[1]));
    }

    void bodiesGainTheModelAndLoseTheUsageRequest()
    {
        RequestType chat = Scenario::openAiChat().requestTypes.first();
        chat.bodies.append(QByteArrayLiteral(R"({"model":"own","messages":[]})"));
        const QList<QByteArray> sent = chat.bodiesToSend({ QStringLiteral("given"), false });
        QCOMPARE(sent.size(), 13);
        for (qsizetype i = 0; i < sent.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(sent[i]).object();
            QCOMPARE(o.value(QStringLiteral("stream")), QJsonValue(true));
            QVERIFY(!o.contains(QStringLiteral("stream_options")));
            QCOMPARE(
                o.value(QStringLiteral("model")).toString(), i == 12 ? QStringLiteral("own") : QStringLiteral("given"));
        }
        const QByteArray usualBody = chat.bodiesToSend().constFirst();
        const QJsonObject usual = QJsonDocument::fromJson(usualBody).object();
        QVERIFY(usual.contains(QStringLiteral("stream_options")));
        QVERIFY(!usual.contains(QStringLiteral("model")));
        const QJsonObject stripped = QJsonDocument::fromJson(RequestType::withoutStreamOptions(usualBody)).object();
        QVERIFY(!stripped.contains(QStringLiteral("stream_options")));
        QCOMPARE(stripped.value(QStringLiteral("max_tokens")), usual.value(QStringLiteral("max_tokens")));
        // A scenario whose bodies all name a model needs none.
        Scenario named = streamScenario(QStringLiteral("first=0"));
        QVERIFY(!named.needsModel());
        named.requestTypes.first().bodies.clear();
        QVERIFY(named.needsModel());
    }

    void theModelIsTheServersFirst()
    {
        const ModelLookup found
            = QCoro::waitFor(ModelLookup::firstModel(QUrl(demoUrl()), std::chrono::milliseconds(5000), false));
        QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
        QCOMPARE(found.model, QStringLiteral("Llama-3.2-3B-Instruct"));
        QCOMPARE(ModelLookup::modelsUrl(QUrl(QStringLiteral("http://h:1/api/?x=1"))).toString(),
            QStringLiteral("http://h:1/api/v1/models"));

        // The test server has no /v1/models: a 404, named with the URL.
        const ModelLookup missing
            = QCoro::waitFor(ModelLookup::firstModel(QUrl(m_server.url()), std::chrono::milliseconds(5000), false));
        QVERIFY(missing.model.isEmpty());
        QVERIFY2(missing.error.contains(QLatin1String("HTTP 404")), qPrintable(missing.error));
        QVERIFY2(missing.error.contains(m_server.url() + QStringLiteral("/v1/models")), qPrintable(missing.error));
        QVERIFY2(missing.error.contains(QLatin1String("--model")), qPrintable(missing.error));

        // Nothing listens on a port just closed.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        const ModelLookup refused = QCoro::waitFor(ModelLookup::firstModel(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), std::chrono::milliseconds(5000), false));
        QVERIFY(refused.model.isEmpty());
        QVERIFY(!refused.error.isEmpty());

        QString why;
        QCOMPARE(ModelLookup::firstId(R"({"object":"list","data":[]})", &why), QString());
        QVERIFY(why.contains(QLatin1String("no model")));
        QCOMPARE(ModelLookup::firstId(R"({"data":[{"id":"a"},{"id":"b"}]})", &why), QStringLiteral("a"));
    }

    void aRunOfTheBuiltInAgainstTheDemo()
    {
        RunConfig c = shortRun(demoUrl());
        c.model = QStringLiteral("Llama-3.2-3B-Instruct");
        c.slo = slo("ttft_p95<30s,tpot_p95<10s");
        const Report r = runToEnd(c, Scenario::openAiChat()).report;
        QCOMPARE(r.requestTypes.size(), 1);
        const StatsSummary& chat = r.requestTypes.first();
        QVERIFY2(chat.success >= 2 && chat.failure == 0,
            qPrintable(QStringLiteral("%1 ok, %2 failed: %3")
                           .arg(chat.success)
                           .arg(chat.failure)
                           .arg(errorNames(chat.errors))));
        QVERIFY(chat.streaming.has_value());
        QCOMPARE(chat.streaming->usage, chat.success);
        QVERIFY(chat.streaming->outputTokens > 0);
        // Every request was good under generous limits.
        QVERIFY(chat.streaming->goodPct.has_value());
        QCOMPARE(*chat.streaming->goodPct, 100.0);
        QVERIFY(qAbs(*chat.streaming->goodputRps - double(chat.total) / r.elapsedS) < 1e-9);
        QCOMPARE(r.config.model, QStringLiteral("Llama-3.2-3B-Instruct"));
        const QJsonObject json = r.toJson();
        const QJsonObject config = json.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("model")).toString(), QStringLiteral("Llama-3.2-3B-Instruct"));
        QCOMPARE(config.value(QStringLiteral("slo")).toString(), c.slo.toString());
        const QJsonObject streaming = json.value(QStringLiteral("request_types"))
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(QStringLiteral("streaming"))
                                          .toObject();
        QCOMPARE(streaming.value(QStringLiteral("good_pct")).toDouble(), 100.0);
        QVERIFY(streaming.contains(QStringLiteral("goodput_rps")));
        Report back;
        QString error;
        QVERIFY2(Report::fromJson(r.toJsonBytes(), QStringLiteral("report"), &back, &error), qPrintable(error));
        QCOMPARE(back.config.model, r.config.model);
        QCOMPARE(back.config.slo, r.config.slo);
        QCOMPARE(back.requestTypes.first().streaming->goodPct, chat.streaming->goodPct);
        QVERIFY(textSummary(r).contains(QLatin1String("good_pct=100.0")));

        // A model the demo does not serve: every request is an HTTP 404 naming it.
        c.model = QStringLiteral("no-such-model");
        const Report wrong = runToEnd(c, Scenario::openAiChat()).report;
        QVERIFY(wrong.requestTypes.first().failure > 0);
        QCOMPARE(wrong.requestTypes.first().success, 0);
        QCOMPARE(*wrong.requestTypes.first().streaming->goodPct, 0.0);
    }

    void goodputJudgesEachRequest()
    {
        Scenario s = streamScenario(QStringLiteral("first=0"));
        RequestType plain;
        plain.name = QStringLiteral("plain");
        s.requestTypes.append(plain);
        const Goodput g(slo("ttft_p95<300ms,tpot_p95<30ms,chat.p99<2s,errors<1%,other.ttft_p95<1ms"), s);
        QVERIFY(!g.isEmpty());
        QVERIFY(g.judges(0));
        QVERIFY(!g.judges(1)); // not streaming
        QVERIFY(!g.judges(7));
        const StreamSample good = sample(200, 20, 50);
        QVERIFY(g.isGood(0, true, 1'000'000'000, &good));
        QVERIFY(!g.isGood(0, false, 1'000'000'000, nullptr)); // a failure counts against it
        QVERIFY(!g.isGood(0, true, 2'000'000'000, &good)); // chat.p99<2s limits its latency
        const StreamSample slowFirst = sample(300, 20, 50);
        QVERIFY(!g.isGood(0, true, 1'000'000'000, &slowFirst)); // strict, as every SLO limit
        const StreamSample slowTokens = sample(100, 31, 50);
        QVERIFY(!g.isGood(0, true, 1'000'000'000, &slowTokens));
        const StreamSample oneToken = sample(100, std::nullopt, 1);
        QVERIFY(g.isGood(0, true, 1'000'000'000, &oneToken));
        const StreamSample unknown = sample(100, std::nullopt, std::nullopt);
        QVERIFY(!g.isGood(0, true, 1'000'000'000, &unknown));
        QVERIFY(Goodput(slo("errors<1%"), s).isEmpty());
        QVERIFY(Goodput(slo("plain.ttft_p95<1s"), s).isEmpty());
    }

    void goodputInARun_data()
    {
        QTest::addColumn<QString>("objective");
        QTest::addColumn<bool>("allGood");
        QTest::addRow("met") << QStringLiteral("ttft_p95<3s,tpot_p95<1s") << true;
        // The first token comes after 100 ms: no request meets 50 ms.
        QTest::addRow("missed") << QStringLiteral("ttft_p95<50ms") << false;
    }

    void goodputInARun()
    {
        QFETCH(QString, objective);
        QFETCH(bool, allGood);
        RunConfig c = shortRun(m_server.url());
        QString error;
        c.slo = *Slo::parse(objective, &error);
        const Report r = runToEnd(c, streamScenario(QStringLiteral("first=100&interval=5&tokens=5"))).report;
        const StatsSummary& chat = r.requestTypes.first();
        QVERIFY2(chat.success >= 2 && chat.failure == 0, qPrintable(errorNames(chat.errors)));
        QVERIFY(chat.streaming && chat.streaming->goodPct && r.overall.streaming && r.overall.streaming->goodPct);
        QCOMPARE(*chat.streaming->goodPct, allGood ? 100.0 : 0.0);
        QCOMPARE(*r.overall.streaming->goodPct, *chat.streaming->goodPct);
        QCOMPARE(*chat.streaming->goodputRps, allGood ? double(chat.total) / r.elapsedS : 0.0);
        QVERIFY2(textSummary(r).contains(QLatin1String("Goodput (")), qPrintable(textSummary(r)));

        // Without an SLO there is no goodput.
        c.slo = {};
        const Report none = runToEnd(c, streamScenario(QStringLiteral("first=0&interval=1&tokens=2"))).report;
        QVERIFY(!none.requestTypes.first().streaming->goodPct.has_value());
        QVERIFY(!none.toJson()
                     .value(QStringLiteral("overall"))
                     .toObject()
                     .value(QStringLiteral("streaming"))
                     .toObject()
                     .contains(QStringLiteral("good_pct")));
    }

    void refusedStreamOptionsAreDropped_data()
    {
        QTest::addColumn<Transport>("transport");
        QTest::addRow("qnam") << Transport::Qnam;
        QTest::addRow("fast") << Transport::Fast;
    }

    void refusedStreamOptionsAreDropped()
    {
        QFETCH(Transport, transport);
        TestServer* server = m_server.server();
        const int rejectedBefore = server->streamOptionsRejected.load();
        const int startedBefore = server->streamsStarted.load();
        const RunConfig c = shortRun(m_server.url(), transport);
        const Report r
            = runToEnd(c, streamScenario(QStringLiteral("reject_stream_options=1&first=0&interval=2&tokens=5"))).report;
        const StatsSummary& chat = r.requestTypes.first();
        const int rejected = server->streamOptionsRejected.load() - rejectedBefore;
        const int started = server->streamsStarted.load() - startedBefore;
        // Each user's first request may meet the 400 before any other learnt of it; after that
        // no request asks again, and each refused one is sent once more, so none fails.
        QVERIFY2(rejected >= 1 && rejected <= c.concurrency,
            qPrintable(QStringLiteral("%1 refused, %2 started, %3 ok, %4")
                           .arg(rejected)
                           .arg(started)
                           .arg(chat.success)
                           .arg(errorNames(chat.errors))));
        QVERIFY2(chat.failure == 0, qPrintable(errorNames(chat.errors)));
        QVERIFY2(chat.success >= 3, qPrintable(QString::number(chat.success)));
        QCOMPARE(qint64(started), chat.total);
        QVERIFY(chat.streaming && chat.streaming->streamOptionsDropped);
        QVERIFY(r.overall.streaming && r.overall.streaming->streamOptionsDropped);
        QVERIFY(std::any_of(chat.streaming->warnings.begin(), chat.streaming->warnings.end(),
            [](const QString& w) { return w.startsWith(QLatin1String("stream_options dropped")); }));
        QVERIFY(!server->lastStreamBody().contains("stream_options"));
        QVERIFY(server->lastStreamBody().contains("\"stream\":true"));
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("overall"))
                     .toObject()
                     .value(QStringLiteral("streaming"))
                     .toObject()
                     .value(QStringLiteral("stream_options_dropped")),
            QJsonValue(true));
        Report back;
        QString error;
        QVERIFY2(Report::fromJson(r.toJsonBytes(), QStringLiteral("report"), &back, &error), qPrintable(error));
        QVERIFY(back.requestTypes.first().streaming->streamOptionsDropped);
    }

    void otherRefusalsAreNotRetried_data() { refusedStreamOptionsAreDropped_data(); }

    void otherRefusalsAreNotRetried()
    {
        // A 400 that does not name stream_options is a failure as it is, on both transports.
        QFETCH(Transport, transport);
        RunConfig c = shortRun(m_server.url(), transport);
        c.durationS = 1;
        Scenario s = streamScenario({});
        s.requestTypes.first().path = QStringLiteral("/status/400");
        const Report r = runToEnd(c, s).report;
        const StatsSummary& chat = r.requestTypes.first();
        QVERIFY(chat.failure > 0);
        QCOMPARE(chat.errors.keys(), QStringList { QStringLiteral("HTTP 400") });
        QCOMPARE(chat.success, 0);
        QVERIFY(!chat.streaming->streamOptionsDropped);
    }

    void streamUsageOffSendsNoStreamOptions()
    {
        TestServer* server = m_server.server();
        const int rejectedBefore = server->streamOptionsRejected.load();
        RunConfig c = shortRun(m_server.url());
        c.streamUsage = false;
        const Report r
            = runToEnd(c, streamScenario(QStringLiteral("reject_stream_options=1&first=0&interval=2&tokens=5"))).report;
        const StatsSummary& chat = r.requestTypes.first();
        QCOMPARE(server->streamOptionsRejected.load(), rejectedBefore);
        QVERIFY2(chat.failure == 0 && chat.success >= 3, qPrintable(errorNames(chat.errors)));
        QVERIFY(!chat.streaming->streamOptionsDropped);
        QVERIFY(!server->lastStreamBody().contains("stream_options"));
        QVERIFY(!r.config.streamUsage);
        QCOMPARE(r.toJson().value(QStringLiteral("config")).toObject().value(QStringLiteral("stream_usage")),
            QJsonValue(false));
    }

    void theCapacitySearchJudgesTtft()
    {
        // Two sequences decode at a time, 10 tokens of 5 ms each: about 30 streams a second. Past
        // that the queue before the batch grows and with it the time to the first token.
        DemoOptions batched = fastDemo();
        batched.speed = 1;
        batched.llmPrefillMsPerToken = 0;
        batched.llmDecodeMs = 5;
        batched.llmBatchSlots = 2;
        batched.llmBatchSlowdown = 0.2;
        setDemo(batched);
        Scenario s = Scenario::openAiChat();
        for (QByteArray& body : s.requestTypes.first().bodies) {
            QJsonObject o = QJsonDocument::fromJson(body).object();
            o.insert(QStringLiteral("max_tokens"), 10);
            body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
        RunConfig c = shortRun(demoUrl());
        c.model = QStringLiteral("Llama-3.2-3B-Instruct");
        c.timeoutS = 10;
        CapacityRun::Options search;
        search.rate.startRps = 4;
        search.rate.maxRps = 64;
        search.rate.growth = 4;
        search.rate.tolerance = 0.9;
        search.stepS = 2;
        search.slo = slo("ttft_p95<300ms");
        CapacityRun run;
        QSignalSpy finished(&run, &CapacityRun::finished);
        QString error;
        QVERIFY2(run.start(c, s, search, &error), qPrintable(error));
        QVERIFY(finished.wait(90000));
        const CapacityResult& result = run.rateResult();
        QString steps = run.summary();
        for (const CapacityStep& step : result.steps)
            steps += QStringLiteral("\n%1 req/s: errors %2 %, p95 %3 ms: %4")
                         .arg(step.measured.rateRps)
                         .arg(step.measured.errorPct)
                         .arg(step.measured.p95Ms)
                         .arg(step.reason);
        qInfo("%s", qPrintable(steps));
        QVERIFY2(result.maxSustainableRps.has_value(), qPrintable(steps));
        QVERIFY2(result.firstFailingRps.has_value(), qPrintable(steps));
        QVERIFY2(*result.maxSustainableRps >= 4 && *result.firstFailingRps <= 64, qPrintable(steps));
        bool failedOnTtft = false;
        for (const CapacityStep& step : result.steps) {
            if (!step.measured.sloPassed && step.measured.sloDetail.contains(QLatin1String("ttft_p95")))
                failedOnTtft = true;
        }
        QVERIFY2(failedOnTtft, qPrintable(steps));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChat)

#include "tst_openaichat.moc"
