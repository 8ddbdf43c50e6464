// SPDX-License-Identifier: MIT

#include "openaistreamreader.h"
#include "streamfixtures.h"

#include <QTest>

#include <numeric>

using namespace Stressdeck;

namespace {

constexpr std::int64_t Ms = 1000000;
using Completion = StreamSummary::Completion;
using Source = StreamSummary::TokenSource;

//! The fixture's blocks, each up to and including its blank line (events and comments alike).
QByteArrayList blocks(const QByteArray& body)
{
    QByteArrayList list;
    qsizetype from = 0;
    for (qsizetype at = body.indexOf("\n\n"); at >= 0; at = body.indexOf("\n\n", from)) {
        list.append(body.mid(from, at + 2 - from));
        from = at + 2;
    }
    if (from < body.size())
        list.append(body.mid(from));
    return list;
}

std::int64_t orNone(std::optional<std::int64_t> value)
{
    return value ? *value : -1;
}

double orNone(std::optional<double> value)
{
    return value ? *value : -1.0;
}

//! Milliseconds of a table column to nanoseconds; -1 stays "none".
std::int64_t ns(int ms)
{
    return ms < 0 ? -1 : ms * Ms;
}

} // namespace

class TestOpenAiStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("content");
        QTest::addColumn<bool>("roleOnly");
        QTest::addColumn<int>("completionTokens"); // -1: none
        QTest::addColumn<QString>("error");
        const int json = int(OpenAiChunk::Kind::Json);
        const int failed = int(OpenAiChunk::Kind::Error);
        const QByteArray none;

        QTest::addRow("role, empty content")
            << none << QByteArray("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}")
            << json << false << true << -1 << QString();
        QTest::addRow("role, null content")
            << none << QByteArray("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}")
            << json << false << true << -1 << QString();
        QTest::addRow("role with content")
            << none << QByteArray("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}") << json
            << true << false << -1 << QString();
        QTest::addRow("content") << none << QByteArray("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" x\"}}]}")
                                 << json << true << false << -1 << QString();
        QTest::addRow("empty delta") << none
                                     << QByteArray(
                                            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}")
                                     << json << false << false << -1 << QString();
        QTest::addRow("empty content") << none << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"\"}}]}") << json
                                       << false << false << -1 << QString();
        QTest::addRow("null content") << none << QByteArray("{\"choices\":[{\"delta\":{\"content\":null}}]}") << json
                                      << false << false << -1 << QString();
        QTest::addRow("reasoning_content")
            << none << QByteArray("{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"hmm\"}}]}")
            << json << true << false << -1 << QString();
        QTest::addRow("reasoning") << none << QByteArray("{\"choices\":[{\"delta\":{\"reasoning\":\"so\"}}]}") << json
                                   << true << false << -1 << QString();
        QTest::addRow("tool_calls")
            << none
            << QByteArray(
                   "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\"}}]}}]}")
            << json << true << false << -1 << QString();
        QTest::addRow("empty tool_calls") << none << QByteArray("{\"choices\":[{\"delta\":{\"tool_calls\":[]}}]}")
                                          << json << false << false << -1 << QString();
        QTest::addRow("completions text") << none << QByteArray("{\"choices\":[{\"index\":0,\"text\":\" upon\"}]}")
                                          << json << true << false << -1 << QString();
        QTest::addRow("completions empty text")
            << none << QByteArray("{\"choices\":[{\"index\":0,\"text\":\"\",\"finish_reason\":\"length\"}]}") << json
            << false << false << -1 << QString();
        QTest::addRow("content in the second choice")
            << none
            << QByteArray("{\"choices\":[{\"index\":0,\"delta\":{}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}")
            << json << true << false << -1 << QString();
        QTest::addRow("usage, choices []")
            << none << QByteArray("{\"choices\":[],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":6}}") << json
            << false << false << 6 << QString();
        QTest::addRow("usage, choices null")
            << none << QByteArray("{\"choices\":null,\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":3}}") << json
            << false << false << 3 << QString();
        QTest::addRow("usage, no choices")
            << none << QByteArray("{\"usage\":{\"completion_tokens\":9}}") << json << false << false << 9 << QString();
        QTest::addRow("usage null") << none << QByteArray("{\"choices\":[],\"usage\":null}") << json << false << false
                                    << -1 << QString();
        QTest::addRow("continuous usage on content")
            << none << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":{\"completion_tokens\":7}}")
            << json << true << false << 7 << QString();
        QTest::addRow("[DONE]") << none << QByteArray("[DONE]") << int(OpenAiChunk::Kind::Done) << false << false << -1
                                << QString();
        QTest::addRow("[DONE] with spaces")
            << none << QByteArray(" [DONE] ") << int(OpenAiChunk::Kind::Done) << false << false << -1 << QString();
        QTest::addRow("error object") << none << QByteArray("{\"error\":{\"message\":\"boom\",\"code\":500}}") << failed
                                      << false << false << -1 << QStringLiteral("boom");
        QTest::addRow("error string") << none << QByteArray("{\"error\":\"overloaded\"}") << failed << false << false
                                      << -1 << QStringLiteral("overloaded");
        QTest::addRow("vLLM ErrorResponse")
            << none
            << QByteArray("{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\",\"code\":400}")
            << failed << false << false << -1 << QStringLiteral("bad");
        QTest::addRow("error null") << none
                                    << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"error\":null}")
                                    << json << true << false << -1 << QString();
        QTest::addRow("event type error, JSON") << QByteArray("error") << QByteArray("{\"message\":\"rate limited\"}")
                                                << failed << false << false << -1 << QStringLiteral("rate limited");
        QTest::addRow("event type error, text") << QByteArray("error") << QByteArray("overloaded") << failed << false
                                                << false << -1 << QStringLiteral("overloaded");
        QTest::addRow("malformed") << none << QByteArray("{\"choices\":[") << int(OpenAiChunk::Kind::Malformed) << false
                                   << false << -1 << QString();
        QTest::addRow("plain text") << none << QByteArray("keep-alive") << int(OpenAiChunk::Kind::Other) << false
                                    << false << -1 << QString();
        QTest::addRow("JSON array") << none << QByteArray("[1,2]") << int(OpenAiChunk::Kind::Other) << false << false
                                    << -1 << QString();
    }

    void classify()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, data);
        QFETCH(int, kind);
        QFETCH(bool, content);
        QFETCH(bool, roleOnly);
        QFETCH(int, completionTokens);
        QFETCH(QString, error);
        const OpenAiChunk chunk = OpenAiChunk::classify(type, data);
        QCOMPARE(int(chunk.kind), kind);
        QCOMPARE(chunk.content, content);
        QCOMPARE(chunk.roleOnly, roleOnly);
        QCOMPARE(orNone(chunk.completionTokens), std::int64_t(completionTokens));
        QCOMPARE(chunk.errorMessage, error);
    }

    void goldens_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("keep"); // blocks of the fixture kept; -1: all
        QTest::addColumn<QList<int>>("perRead"); // blocks per read
        QTest::addColumn<QList<int>>("readMs"); // each read's time
        QTest::addColumn<int>("eofMs");
        QTest::addColumn<int>("completion");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("content");
        QTest::addColumn<int>("coalesced");
        QTest::addColumn<int>("empty");
        QTest::addColumn<int>("ttft"); // ms from the send at 10 ms; -1: none
        QTest::addColumn<int>("ttftSched"); // ms from the intended start at 0
        QTest::addColumn<int>("e2e");
        QTest::addColumn<double>("tpot"); // ms
        QTest::addColumn<double>("chunksPerToken");
        QTest::addColumn<QList<int>>("gaps");
        QTest::addColumn<int>("roleMs");
        QTest::addColumn<int>("leadMs"); // first content − first event
        QTest::addColumn<int>("outputTokens");
        QTest::addColumn<int>("promptTokens");
        QTest::addColumn<int>("source");
        const int complete = int(Completion::Complete);
        const int usage = int(Source::Usage);

        QTest::addRow("vLLM chat, a token every 20 ms")
            << QStringLiteral("vllm-chat.sse") << -1 << QList<int> { 1, 1, 1, 1, 1, 1, 1, 1, 2 }
            << QList<int> { 50, 160, 180, 200, 220, 240, 260, 265, 270 } << 275 << complete << QString() << 6 << 0 << 1
            << 150 << 160 << 260 << 20.0 << 1.0 << QList<int> { 20, 20, 20, 20, 20 } << 50 << 110 << 6 << 42 << usage;
        // vllm-project/vllm#15106: with chunked prefill the role chunk comes long before the text.
        QTest::addRow("vLLM chat, role 1.3 s before the text")
            << QStringLiteral("vllm-chat.sse") << -1 << QList<int> { 1, 1, 1, 1, 1, 1, 1, 3 }
            << QList<int> { 900, 2200, 2215, 2230, 2245, 2260, 2275, 2280 } << 2290 << complete << QString() << 6 << 0
            << 1 << 2190 << 2200 << 2270 << 15.0 << 1.0 << QList<int> { 15, 15, 15, 15, 15 } << 900 << 1300 << 6 << 42
            << usage;
        QTest::addRow("vLLM chat, all in one read (a buffering proxy)")
            << QStringLiteral("vllm-chat.sse") << -1 << QList<int> { 10 } << QList<int> { 300 } << 300 << complete
            << QString() << 6 << 5 << 1 << 290 << 300 << 290 << 0.0 << 1.0 << QList<int> { 0, 0, 0, 0, 0 } << 300 << 0
            << 6 << 42 << usage;
        // Five events of four tokens, 80 ms apart: TPOT = (420 − 100) / (20 − 1) = 320/19 ms.
        QTest::addRow("llama.cpp, four tokens per event")
            << QStringLiteral("llamacpp-speculative.sse") << -1 << QList<int> { 1, 1, 1, 1, 1, 1, 1, 2 }
            << QList<int> { 30, 100, 180, 260, 340, 420, 425, 430 } << 431 << complete << QString() << 5 << 0 << 1 << 90
            << 100 << 420 << 320.0 / 19.0 << 0.25 << QList<int> { 80, 80, 80, 80 } << 30 << 70 << 20 << 31 << usage;
        QTest::addRow("vLLM completions")
            << QStringLiteral("vllm-completions.sse") << -1 << QList<int> { 1, 1, 1, 1, 1, 2 }
            << QList<int> { 60, 85, 110, 135, 140, 145 } << 150 << complete << QString() << 4 << 0 << 1 << 50 << 60
            << 135 << 25.0 << 1.0 << QList<int> { 25, 25, 25 } << -1 << 0 << 4 << 5 << usage;
        // Reasoning and tool-call deltas are content; 13 tokens over four events: (190 − 100) / 12 = 7.5 ms.
        QTest::addRow("vLLM reasoning and tool calls")
            << QStringLiteral("vllm-reasoning-tools.sse") << -1 << QList<int> { 1, 1, 1, 1, 1, 1, 2 }
            << QList<int> { 20, 100, 130, 160, 190, 200, 205 } << 210 << complete << QString() << 4 << 0 << 1 << 90
            << 100 << 195 << 7.5 << 4.0 / 13.0 << QList<int> { 30, 30, 30 } << 20 << 80 << 13 << 88 << usage;
        // Word chunks with the role on every delta, keep-alive comments, no usage: chunks only, no TPOT.
        QTest::addRow("TGI words, no usage, two in one read")
            << QStringLiteral("tgi-chat.sse") << -1 << QList<int> { 1, 1, 2, 1, 1, 1, 2 }
            << QList<int> { 5, 120, 200, 260, 330, 340, 350 } << 360 << complete << QString() << 5 << 1 << 0 << 110
            << 120 << 340 << -1.0 << -1.0 << QList<int> { 80, 0, 60, 70 } << -1 << 0 << -1 << -1 << int(Source::None);
        QTest::addRow("error inside a 200 stream")
            << QStringLiteral("vllm-error.sse") << -1 << QList<int> { 1, 1, 1, 1, 1 }
            << QList<int> { 30, 100, 120, 130, 140 } << 150 << int(Completion::StreamError)
            << QStringLiteral("The decoder ran out of KV cache blocks") << 2 << 0 << 0 << 90 << 100 << 120 << -1.0
            << -1.0 << QList<int> { 20 } << 30 << 70 << -1 << -1 << int(Source::None);
        QTest::addRow("cut off before [DONE]")
            << QStringLiteral("vllm-chat.sse") << 5 << QList<int> { 1, 1, 1, 1, 1 }
            << QList<int> { 50, 160, 180, 200, 220 } << 300 << int(Completion::Incomplete) << QString() << 4 << 0 << 0
            << 150 << 160 << 290 << -1.0 << -1.0 << QList<int> { 20, 20, 20 } << 50 << 110 << -1 << -1
            << int(Source::None);
    }

    void goldens()
    {
        QFETCH(QString, name);
        QFETCH(int, keep);
        QFETCH(QList<int>, perRead);
        QFETCH(QList<int>, readMs);
        QFETCH(int, eofMs);
        QFETCH(int, completion);
        QFETCH(QString, error);
        QFETCH(int, content);
        QFETCH(int, coalesced);
        QFETCH(int, empty);
        QFETCH(int, ttft);
        QFETCH(int, ttftSched);
        QFETCH(int, e2e);
        QFETCH(double, tpot);
        QFETCH(double, chunksPerToken);
        QFETCH(QList<int>, gaps);
        QFETCH(int, roleMs);
        QFETCH(int, leadMs);
        QFETCH(int, outputTokens);
        QFETCH(int, promptTokens);
        QFETCH(int, source);

        QByteArrayList parts = blocks(streamFixture(name));
        if (keep >= 0)
            parts = parts.mid(0, keep);
        QCOMPARE(perRead.size(), readMs.size());
        QCOMPARE(std::accumulate(perRead.begin(), perRead.end(), 0), int(parts.size()));
        OpenAiStreamReader reader;
        qsizetype next = 0;
        for (qsizetype r = 0; r < perRead.size(); ++r) {
            QByteArray bytes;
            for (int b = 0; b < perRead[r]; ++b)
                bytes += parts[next++];
            reader.feed(bytes, readMs[r] * Ms);
        }
        const StreamSummary s = reader.finish(eofMs * Ms);
        const std::int64_t intended = 0;
        const std::int64_t sent = 10 * Ms;

        QCOMPARE(int(s.completion), completion);
        QCOMPARE(s.errorMessage, error);
        QCOMPARE(s.contentEvents, content);
        QCOMPARE(s.coalescedEvents, coalesced);
        QCOMPARE(s.emptyEvents, empty);
        QCOMPARE(s.malformedEvents, 0);
        QCOMPARE(orNone(s.ttftNs(sent)), ns(ttft));
        QCOMPARE(orNone(s.ttftSchedNs(intended)), ns(ttftSched));
        QCOMPARE(s.e2eNs(sent), ns(e2e));
        if (tpot < 0)
            QVERIFY(!s.tpotNs());
        else
            QCOMPARE(orNone(s.tpotNs()), tpot * double(Ms));
        if (chunksPerToken < 0)
            QVERIFY(!s.chunksPerToken());
        else
            QCOMPARE(orNone(s.chunksPerToken()), chunksPerToken);
        QList<int> gapsMs;
        for (std::int64_t gap : s.gapsNs) {
            QCOMPARE(gap % Ms, std::int64_t(0));
            gapsMs.append(int(gap / Ms));
        }
        QCOMPARE(gapsMs, gaps);
        QCOMPARE(orNone(s.roleNs), ns(roleMs));
        QCOMPARE(orNone(s.leadBeforeContentNs()), ns(leadMs));
        QCOMPARE(orNone(s.outputTokens), std::int64_t(outputTokens));
        QCOMPARE(orNone(s.promptTokens), std::int64_t(promptTokens));
        QCOMPARE(int(s.tokenSource), source);
    }

    void eventTimeIsThatOfTheReadCompletingIt()
    {
        // Reads of 7 bytes, read r returned at r ms: an event's time is that of the read holding
        // its blank line's last byte.
        const QByteArray body = streamFixture(QStringLiteral("vllm-chat.sse"));
        const QByteArrayList parts = blocks(body);
        OpenAiStreamReader reader;
        for (qsizetype at = 0, r = 0; at < body.size(); at += 7, ++r)
            reader.feed(QByteArrayView(body).sliced(at, std::min<qsizetype>(7, body.size() - at)), r * Ms);
        const StreamSummary s = reader.finish(9999 * Ms);
        const auto endOfBlock = [&](int k) {
            qsizetype end = 0;
            for (int b = 0; b <= k; ++b)
                end += parts[b].size();
            return std::int64_t((end - 1) / 7) * Ms;
        };
        QCOMPARE(s.completion, Completion::Complete);
        QCOMPARE(orNone(s.roleNs), endOfBlock(0));
        QCOMPARE(orNone(s.firstContentNs), endOfBlock(1));
        QCOMPARE(orNone(s.lastContentNs), endOfBlock(6));
        QCOMPARE(s.endNs, endOfBlock(9));
        QCOMPARE(s.contentEvents, 6);
        QCOMPARE(s.coalescedEvents, 0);
    }

    void coalescedMeansOneRead()
    {
        // Two reads on the same clock tick are not coalesced; two events of one read are.
        const QByteArray event("data: {\"choices\":[{\"delta\":{\"content\":\"w\"}}]}\n\n");
        OpenAiStreamReader reader;
        reader.feed(event, 100 * Ms);
        reader.feed(event, 100 * Ms);
        reader.feed(event.repeated(2), 120 * Ms);
        const StreamSummary s = reader.finish(130 * Ms);
        QCOMPARE(s.contentEvents, 4);
        QCOMPARE(s.coalescedEvents, 1);
        QCOMPARE(s.gapsNs, (std::vector<std::int64_t> { 0, 20 * Ms, 0 }));
    }

    void eventsFromTheCallersParser()
    {
        SseParser parser;
        OpenAiStreamReader reader;
        const QByteArray body = streamFixture(QStringLiteral("vllm-completions.sse"));
        const std::int64_t times[] = { 40 * Ms, 70 * Ms };
        for (int r = 0; r < 2; ++r) {
            const QByteArrayView half
                = r == 0 ? QByteArrayView(body).first(body.size() / 2) : QByteArrayView(body).sliced(body.size() / 2);
            parser.feed(half, [&](const SseEvent& event) { reader.add(event, times[r]); });
        }
        QVERIFY(reader.isFinished());
        const StreamSummary s = reader.finish(80 * Ms);
        QCOMPARE(s.completion, Completion::Complete);
        QCOMPARE(s.contentEvents, 4);
        QCOMPARE(s.endNs, 70 * Ms);
        QCOMPARE(orNone(s.outputTokens), std::int64_t(4));
        QCOMPARE(orNone(s.firstContentNs), 40 * Ms);
    }

    void sameSummaryWhereverTheReadsSplit_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : { "vllm-chat.sse", "vllm-completions.sse", "vllm-error.sse", "vllm-reasoning-tools.sse",
                 "llamacpp-speculative.sse", "tgi-chat.sse" })
            QTest::addRow("%s", name) << QString::fromLatin1(name);
    }

    void sameSummaryWhereverTheReadsSplit()
    {
        // Two reads, cut at every offset: what the stream says never depends on where it was cut.
        QFETCH(QString, name);
        const QByteArray body = streamFixture(name);
        OpenAiStreamReader whole;
        whole.feed(body, Ms);
        const StreamSummary w = whole.finish(3 * Ms);
        QVERIFY(w.contentEvents > 0);
        for (qsizetype cut = 0; cut <= body.size(); ++cut) {
            OpenAiStreamReader reader;
            reader.feed(QByteArrayView(body).first(cut), Ms);
            reader.feed(QByteArrayView(body).sliced(cut), 2 * Ms);
            const StreamSummary s = reader.finish(3 * Ms);
            const QString at = QString::number(cut);
            QVERIFY2(s.completion == w.completion, qPrintable(at));
            QVERIFY2(s.errorMessage == w.errorMessage, qPrintable(at));
            QVERIFY2(s.contentEvents == w.contentEvents, qPrintable(at));
            QVERIFY2(s.emptyEvents == w.emptyEvents, qPrintable(at));
            QVERIFY2(s.outputTokens == w.outputTokens && s.promptTokens == w.promptTokens, qPrintable(at));
            // All content in one read is coalesced but the first; a cut between content events parts one run.
            QVERIFY2(
                s.coalescedEvents == w.coalescedEvents || s.coalescedEvents == w.coalescedEvents - 1, qPrintable(at));
            QVERIFY2(s.gapsNs.size() == w.gapsNs.size(), qPrintable(at));
        }
    }

    void cutOffTail_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<int>("completion");
        QTest::addColumn<int>("content");
        QTest::addColumn<int>("lastMs");
        QTest::addRow("[DONE] without its blank line")
            << QByteArray("data: [DONE]") << int(Completion::Complete) << 1 << 100;
        QTest::addRow("a whole content object") << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"!\"}}]}"
                                                              "\n")
                                                << int(Completion::Incomplete) << 2 << 500;
        QTest::addRow("half an object") << QByteArray("data: {\"choices\":[{\"delta\":{\"cont")
                                        << int(Completion::Incomplete) << 1 << 100;
    }

    void cutOffTail()
    {
        QFETCH(QByteArray, tail);
        QFETCH(int, completion);
        QFETCH(int, content);
        QFETCH(int, lastMs);
        OpenAiStreamReader reader;
        reader.feed("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"
                    "\n\n",
            100 * Ms);
        reader.feed(tail, 200 * Ms);
        const StreamSummary s = reader.finish(500 * Ms);
        QCOMPARE(int(s.completion), completion);
        QCOMPARE(s.contentEvents, content);
        QCOMPARE(orNone(s.lastContentNs), ns(lastMs));
        QCOMPARE(s.endNs, 500 * Ms);
        QCOMPARE(s.malformedEvents, 0);
    }

    void nothingCountsAfterDone()
    {
        OpenAiStreamReader reader;
        reader.feed("data: [DONE]\n\n", 100 * Ms);
        QVERIFY(reader.isFinished());
        reader.feed("data: {\"choices\":[{\"delta\":{\"content\":\"late\"}}]}"
                    "\n\n",
            200 * Ms);
        const StreamSummary s = reader.finish(300 * Ms);
        QCOMPARE(s.completion, Completion::Complete);
        QCOMPARE(s.contentEvents, 0);
        QCOMPARE(s.endNs, 100 * Ms);
        QVERIFY(!s.ttftNs(0));
        QCOMPARE(s.e2eNs(0), 100 * Ms);
    }

    void malformedIsCounted()
    {
        OpenAiStreamReader reader;
        reader.feed("data: {\"choices\":[\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n", 10 * Ms);
        const StreamSummary s = reader.finish(20 * Ms);
        QCOMPARE(s.malformedEvents, 1);
        QCOMPARE(s.contentEvents, 1);
        QCOMPARE(s.completion, Completion::Incomplete);
    }

    void oversizedLineEndsTheStream()
    {
        OpenAiStreamReader reader(64);
        const QByteArray body = streamFixture(QStringLiteral("vllm-chat.sse"));
        reader.feed(body.first(100), 10 * Ms);
        QVERIFY(reader.isFinished());
        reader.feed(body.sliced(100), 20 * Ms);
        const StreamSummary s = reader.finish(30 * Ms);
        QCOMPARE(s.completion, Completion::Oversized);
        QCOMPARE(s.endNs, 10 * Ms);
        QCOMPARE(s.contentEvents, 0);
    }

    void derivedFiguresNeedTheirInputs()
    {
        StreamSummary s;
        s.endNs = 50 * Ms;
        QVERIFY(!s.ttftNs(0));
        QVERIFY(!s.ttftSchedNs(0));
        QVERIFY(!s.decodeNs());
        QCOMPARE(s.e2eNs(5 * Ms), 45 * Ms);
        s.firstContentNs = 20 * Ms;
        s.lastContentNs = 20 * Ms;
        s.contentEvents = 1;
        QCOMPARE(orNone(s.ttftNs(5 * Ms)), 15 * Ms);
        QCOMPARE(orNone(s.ttftSchedNs(0)), 20 * Ms);
        QCOMPARE(orNone(s.decodeNs()), std::int64_t(0));
        QVERIFY(!s.tpotNs());
        s.outputTokens = 1; // one token: no time per output token, but a ratio
        QVERIFY(!s.tpotNs());
        QCOMPARE(orNone(s.chunksPerToken()), 1.0);
        s.outputTokens = 0;
        QVERIFY(!s.chunksPerToken());
        s.lastContentNs = 80 * Ms;
        s.outputTokens = 4;
        QCOMPARE(orNone(s.tpotNs()), 20.0 * double(Ms));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiStream)
#include "tst_openaistream.moc"
