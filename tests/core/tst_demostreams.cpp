// SPDX-License-Identifier: MIT

// The demo service's OpenAI-compatible engine: /v1/models, chat and completions, streamed and not.

#include "demoservice.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include "streamclient.h"

using namespace Stressdeck;
using namespace Stressdeck::Testing;

namespace {

int wordsIn(const QList<SseEvent>& events)
{
    int words = 0;
    for (const SseEvent& e : events)
        words += int(e.text().count(QLatin1Char(' ')));
    return words;
}

const SseEvent* usageEvent(const StreamAnswer& a)
{
    for (const SseEvent& e : a.events) {
        if (e.json().value(QStringLiteral("usage")).isObject()
            && e.json().value(QStringLiteral("choices")).toArray().isEmpty())
            return &e;
    }
    return nullptr;
}

QByteArray chatBody(int maxTokens, bool stream, bool includeUsage = true, const QByteArray& content = "Hello there")
{
    QByteArray body = R"({"model":"Llama-3.2-3B-Instruct","messages":[{"role":"user","content":")" + content + "\"}]";
    if (maxTokens > 0)
        body += ",\"max_tokens\":" + QByteArray::number(maxTokens);
    if (stream)
        body += R"(,"stream":true)";
    if (stream && includeUsage)
        body += R"(,"stream_options":{"include_usage":true})";
    return body + '}';
}

} // namespace

class TestDemoStreams : public QObject {
    Q_OBJECT

    ServiceThread m_thread;
    quint16 m_port = 0;
    DemoOptions m_fast;

    void setOptions(const DemoOptions& options)
    {
        m_thread.run([options](HttpService* s) { static_cast<DemoService*>(s)->setOptions(options); });
    }
    std::pair<int, int> batch()
    {
        std::pair<int, int> b;
        m_thread.run([&b](HttpService* s) {
            auto* demo = static_cast<DemoService*>(s);
            b = { demo->llmBatchSize(), demo->llmWaiting() };
        });
        return b;
    }
    StreamAnswer post(const char* path, const QByteArray& body)
    {
        StreamClient client;
        if (!client.connectTo(m_port))
            return {};
        return client.request("POST", path, body);
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

    void modelsAreListed()
    {
        StreamClient client;
        QVERIFY(client.connectTo(m_port));
        const StreamAnswer a = client.request("GET", "/v1/models");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
        const QJsonObject model = a.json().value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(model.value(QStringLiteral("id")).toString(), QStringLiteral("Llama-3.2-3B-Instruct"));
        QCOMPARE(model.value(QStringLiteral("object")).toString(), QStringLiteral("model"));
    }

    void nonStreamingAnswersCarryUsage_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("completionTokens");
        QTest::addColumn<QString>("finishReason");
        QTest::addRow("chat, max_tokens")
            << QByteArray("/v1/chat/completions") << chatBody(20, false) << 20 << QStringLiteral("length");
        QTest::addRow("chat, natural end")
            << QByteArray("/v1/chat/completions") << chatBody(0, false) << 200 << QStringLiteral("stop");
        QTest::addRow("completions") << QByteArray("/v1/completions")
                                     << QByteArray(R"({"model":"Llama-3.2-3B-Instruct","prompt":"Once upon a time",)"
                                                   R"("max_tokens":7})")
                                     << 7 << QStringLiteral("length");
    }

    void nonStreamingAnswersCarryUsage()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(int, completionTokens);
        QFETCH(QString, finishReason);
        const StreamAnswer a = post(path.constData(), body);
        QCOMPARE(a.status, 200);
        QVERIFY(!a.chunked);
        const QJsonObject usage = a.json().value(QStringLiteral("usage")).toObject();
        QCOMPARE(usage.value(QStringLiteral("completion_tokens")).toInt(), completionTokens);
        QVERIFY(usage.value(QStringLiteral("prompt_tokens")).toInt() >= 1);
        QCOMPARE(usage.value(QStringLiteral("total_tokens")).toInt(),
            completionTokens + usage.value(QStringLiteral("prompt_tokens")).toInt());
        const QJsonObject choice = a.json().value(QStringLiteral("choices")).toArray().first().toObject();
        QCOMPARE(choice.value(QStringLiteral("finish_reason")).toString(), finishReason);
        const QString text = path.contains("chat")
            ? choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")).toString()
            : choice.value(QStringLiteral("text")).toString();
        QCOMPARE(int(text.count(QLatin1Char(' '))), completionTokens);
    }

    void chatStreamsLikeVllm()
    {
        StreamClient client;
        QVERIFY(client.connectTo(m_port));
        const StreamAnswer a = client.request("POST", "/v1/chat/completions", chatBody(12, true));
        QCOMPARE(a.status, 200);
        QVERIFY(a.chunked);
        QVERIFY(a.complete);
        QVERIFY(a.hasHeader("content-type: text/event-stream"));
        QVERIFY(a.hasHeader("cache-control: no-cache"));
        const QJsonObject role = a.events.first().delta();
        QCOMPARE(role.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QVERIFY(role.value(QStringLiteral("content")).toString().isEmpty());
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 12);
        QCOMPARE(wordsIn(content), 12);
        QCOMPARE(content.last().choice().value(QStringLiteral("finish_reason")).toString(), QStringLiteral("length"));
        QVERIFY(content.first().choice().value(QStringLiteral("finish_reason")).isNull());
        const SseEvent* usage = usageEvent(a);
        QVERIFY(usage);
        QCOMPARE(
            usage->json().value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInt(),
            12);
        QCOMPARE(a.events.at(a.events.size() - 2).data, usage->data);
        QVERIFY(a.events.last().isDone());
        // Keep-alive after the stream.
        QCOMPARE(client.request("GET", "/v1/models").status, 200);
    }

    void completionsStreamText()
    {
        const StreamAnswer a = post("/v1/completions", R"({"prompt":"Say hi","max_tokens":5,"stream":true})");
        QCOMPARE(a.status, 200);
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 5);
        QCOMPARE(content.size(), a.events.size() - 1); // no role event, no usage: content and [DONE]
        QCOMPARE(a.events.first().json().value(QStringLiteral("object")).toString(), QStringLiteral("text_completion"));
        QVERIFY(a.events.last().isDone());
    }

    void usageOnlyWhenAskedAndNotOmitted()
    {
        QVERIFY(!usageEvent(post("/v1/chat/completions", chatBody(4, true, false))));
        QVERIFY(usageEvent(post("/v1/chat/completions", chatBody(4, true, true))));
        DemoOptions omitting = m_fast;
        omitting.llmOmitUsage = true;
        setOptions(omitting);
        const StreamAnswer a = post("/v1/chat/completions", chatBody(4, true, true));
        QCOMPARE(a.contentEvents().size(), 4);
        QVERIFY(!usageEvent(a));
        QVERIFY(a.events.last().isDone());
    }

    void continuousUsageCountsEveryEvent()
    {
        const StreamAnswer a = post("/v1/chat/completions",
            R"({"messages":[{"role":"user","content":"x"}],"max_tokens":3,"stream":true,)"
            R"("stream_options":{"include_usage":true,"continuous_usage_stats":true}})");
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(content[i]
                         .json()
                         .value(QStringLiteral("usage"))
                         .toObject()
                         .value(QStringLiteral("completion_tokens"))
                         .toInt(),
                i + 1);
    }

    void tokensPerEventKnob()
    {
        DemoOptions grouped = m_fast;
        grouped.llmTokensPerEvent = 4;
        setOptions(grouped);
        const StreamAnswer a = post("/v1/chat/completions", chatBody(10, true));
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 3); // 4 + 4 + 2
        QCOMPARE(wordsIn(content), 10);
        QCOMPARE(usageEvent(a)
                     ->json()
                     .value(QStringLiteral("usage"))
                     .toObject()
                     .value(QStringLiteral("completion_tokens"))
                     .toInt(),
            10);
    }

    void knobsOverHttp()
    {
        StreamClient client;
        QVERIFY(client.connectTo(m_port));
        const StreamAnswer put = client.request("PUT", "/_demo/config",
            R"({"speed": 50, "llm_tokens_per_event": 5, "llm_omit_usage": true, "llm_batch_slots": 3})");
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(QStringLiteral("llm_tokens_per_event")).toInt(), 5);
        QCOMPARE(put.json().value(QStringLiteral("llm_batch_slots")).toInt(), 3);
        const StreamAnswer a = client.request("POST", "/v1/chat/completions", chatBody(10, true));
        QCOMPARE(a.contentEvents().size(), 2);
        QVERIFY(!usageEvent(a));
        QCOMPARE(client.request("PUT", "/_demo/config", R"({"llm_tokens_per_event": 0})").status, 422);
        QCOMPARE(client.request("PUT", "/_demo/config", R"({"llm_decode_ms": "fast"})").status, 422);
    }

    void bufferedKnobWritesTheStreamAtOnce()
    {
        DemoOptions paced = m_fast;
        paced.speed = 1;
        paced.llmDecodeMs = 10;
        paced.llmPrefillMsPerToken = 0;
        setOptions(paced);
        const StreamAnswer live = post("/v1/chat/completions", chatBody(30, true));
        const QList<SseEvent> liveContent = live.contentEvents();
        QCOMPARE(liveContent.size(), 30);
        QVERIFY2(liveContent.last().atMs - liveContent.first().atMs >= 0.9 * 29 * 10,
            qPrintable(QString::number(liveContent.last().atMs - liveContent.first().atMs)));

        paced.llmBuffered = true;
        setOptions(paced);
        const StreamAnswer buffered = post("/v1/chat/completions", chatBody(30, true));
        QVERIFY(buffered.complete);
        QCOMPARE(buffered.contentEvents().size(), 30);
        QVERIFY(buffered.events.last().atMs - buffered.events.first().atMs < 30);
        QVERIFY2(buffered.headersAtMs >= 0.9 * 29 * 10, qPrintable(QString::number(buffered.headersAtMs)));
    }

    void badRequestsGetOpenAiErrors_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("param");
        const QByteArray chat("/v1/chat/completions");
        QTest::addRow("bad json") << chat << QByteArray("{oops") << QString();
        QTest::addRow("not an object") << chat << QByteArray("[1]") << QString();
        QTest::addRow("no messages") << chat << QByteArray(R"({"model":"Llama-3.2-3B-Instruct"})")
                                     << QStringLiteral("messages");
        QTest::addRow("empty messages") << chat << QByteArray(R"({"messages":[]})") << QStringLiteral("messages");
        QTest::addRow("message without content")
            << chat << QByteArray(R"({"messages":[{"role":"user"}]})") << QStringLiteral("messages");
        QTest::addRow("unknown model") << chat
                                       << QByteArray(R"({"model":"gpt-9","messages":[{"role":"user","content":"x"}]})")
                                       << QStringLiteral("model");
        QTest::addRow("max_tokens 0") << chat
                                      << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"max_tokens":0})")
                                      << QStringLiteral("max_tokens");
        QTest::addRow("max_tokens text") << chat
                                         << QByteArray(
                                                R"({"messages":[{"role":"user","content":"x"}],"max_tokens":"many"})")
                                         << QStringLiteral("max_tokens");
        QTest::addRow("stream_options without stream")
            << chat
            << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":true}})")
            << QStringLiteral("stream_options");
        QTest::addRow("stream not a boolean")
            << chat << QByteArray(R"({"messages":[{"role":"user","content":"x"}],"stream":"yes"})")
            << QStringLiteral("stream");
        QTest::addRow("no prompt") << QByteArray("/v1/completions") << QByteArray(R"({"max_tokens":5})")
                                   << QStringLiteral("prompt");
    }

    void badRequestsGetOpenAiErrors()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, param);
        const StreamAnswer a = post(path.constData(), body);
        QCOMPARE(a.status, 400);
        const QJsonObject error = a.json().value(QStringLiteral("error")).toObject();
        QVERIFY2(!error.value(QStringLiteral("message")).toString().isEmpty(), a.body.constData());
        QCOMPARE(error.value(QStringLiteral("type")).toString(), QStringLiteral("invalid_request_error"));
        QVERIFY(error.contains(QStringLiteral("code")));
        QVERIFY(error.contains(QStringLiteral("param")));
        QCOMPARE(error.value(QStringLiteral("param")).toString(), param);
    }

    void faultKnobsReachTheEngine()
    {
        DemoOptions faulty = m_fast;
        faulty.faults[QStringLiteral("llm")].extraLatencyMs = 300;
        setOptions(faulty);
        const StreamAnswer slow = post("/v1/chat/completions", chatBody(2, true));
        QVERIFY2(slow.contentEvents().constFirst().atMs >= 0.9 * 300,
            qPrintable(QString::number(slow.contentEvents().constFirst().atMs)));
        faulty.faults[QStringLiteral("llm")].errorRate = 1;
        faulty.faults[QStringLiteral("llm")].errorStatus = 503;
        setOptions(faulty);
        QCOMPARE(post("/v1/chat/completions", chatBody(2, true)).status, 503);
        QCOMPARE(post("/v1/completions", R"({"prompt":"x"})").status, 503);
    }

    void clientLeavingMidStreamFreesItsPlace()
    {
        DemoOptions slow = m_fast;
        slow.speed = 1;
        slow.llmDecodeMs = 50;
        setOptions(slow);
        {
            StreamClient client;
            QVERIFY(client.connectTo(m_port));
            const StreamAnswer a = client.request("POST", "/v1/chat/completions", chatBody(1000, true), 10000, 3);
            QCOMPARE(a.events.size(), 3);
            QCOMPARE(batch().first, 1);
            client.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(batch().first, 0, 5000);
        setOptions(m_fast);
        const StreamAnswer after = post("/v1/chat/completions", chatBody(3, true));
        QCOMPARE(after.contentEvents().size(), 3);
        QVERIFY(after.events.last().isDone());
    }

    void longerPromptsTakeLongerToPrefill()
    {
        DemoOptions prefill = m_fast;
        prefill.speed = 1;
        prefill.llmPrefillMsPerToken = 1;
        prefill.llmDecodeMs = 1;
        setOptions(prefill);
        const StreamAnswer shortPrompt = post("/v1/chat/completions", chatBody(2, true, false, "hi"));
        const StreamAnswer longPrompt = post("/v1/chat/completions", chatBody(2, true, false, QByteArray(4000, 'a')));
        const qint64 shortTtft = shortPrompt.contentEvents().constFirst().atMs;
        const qint64 longTtft = longPrompt.contentEvents().constFirst().atMs;
        QVERIFY2(longTtft >= 0.9 * 1000, qPrintable(QString::number(longTtft)));
        QVERIFY2(shortTtft < 500, qPrintable(QString::number(shortTtft)));
    }

    void latencyRisesWithConcurrentStreams()
    {
        DemoOptions batched = m_fast;
        batched.speed = 1;
        batched.llmDecodeMs = 10;
        batched.llmPrefillMsPerToken = 0;
        batched.llmBatchSlots = 4;
        batched.llmBatchSlowdown = 0.2;
        setOptions(batched);
        QElapsedTimer alone;
        alone.start();
        QCOMPARE(post("/v1/chat/completions", chatBody(20, true)).contentEvents().size(), 20);
        const qint64 aloneMs = alone.elapsed();
        QVERIFY2(aloneMs >= 0.9 * (20 + 19 * 10), qPrintable(QString::number(aloneMs)));

        std::vector<std::unique_ptr<StreamClient>> clients;
        QElapsedTimer together;
        together.start();
        for (int i = 0; i < 8; ++i) {
            clients.push_back(std::make_unique<StreamClient>());
            QVERIFY(clients.back()->connectTo(m_port));
            clients.back()->send("POST", "/v1/chat/completions", chatBody(20, true));
        }
        // Four decode together, four wait for a place.
        QTRY_VERIFY_WITH_TIMEOUT(batch() == std::make_pair(4, 4), 5000);
        for (auto& client : clients)
            QCOMPARE(client->read().contentEvents().size(), 20);
        const qint64 togetherMs = together.elapsed();
        // Two waves, each 20 ms of prefill and 19 tokens at 10 ms × (1 + 0.2 × 3): at least 648 ms,
        // against 210 ms alone. A busy machine can only make the first figure larger.
        QVERIFY2(togetherMs >= 0.9 * 2 * (20 + 19 * 10 * 1.6),
            qPrintable(QStringLiteral("%1 vs %2 alone").arg(togetherMs).arg(aloneMs)));
        QCOMPARE(batch(), std::make_pair(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestDemoStreams)
#include "tst_demostreams.moc"
