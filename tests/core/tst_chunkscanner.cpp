// SPDX-License-Identifier: MIT

// ChunkScanner, the fast path of OpenAiChunk::classify, against its reference (QJsonDocument):
// on real servers' chunks it must answer, and on every small corruption of them the answer of
// classify() must be that of the reference, whichever path gave it.
#include "chunkscanner.h"
#include "sseparser.h"
#include "streamfixtures.h"

#include <QDir>
#include <QTest>

using namespace Stressdeck;

namespace {

QString describe(const OpenAiChunk& chunk)
{
    const auto count
        = [](std::optional<std::int64_t> value) { return value ? QString::number(*value) : QStringLiteral("none"); };
    return QStringLiteral("kind %1 content %2 roleOnly %3 completion %4 prompt %5 error \"%6\"")
        .arg(int(chunk.kind))
        .arg(chunk.content)
        .arg(chunk.roleOnly)
        .arg(count(chunk.completionTokens), count(chunk.promptTokens), chunk.errorMessage);
}

//! Chunks as vLLM, llama.cpp, TGI and transformers-style servers write them, plus the shapes
//! the scanner must read without help: escapes, surrogate pairs, raw UTF-8, exponents, deep
//! but not too deep nesting, pretty-printing.
QByteArrayList seeds()
{
    QByteArrayList list = {
        R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1733000000,"model":"Llama-3.2-3B-Instruct","choices":[{"index":0,"delta":{"content":" token"},"logprobs":null,"finish_reason":null}]})",
        R"({"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})",
        R"({"id":"c","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":17,"total_tokens":267,"completion_tokens":250}})",
        R"({"choices":[{"delta":{"content":"caf\u00e9 \ud83d\ude00\n\t\"q\" \\ \/"}}],"usage":null})",
        "{\"choices\":[{\"delta\":{\"content\":\"Gr\xc3\xbc\xc3\x9f"
        "e \xf0\x9f\x98\x80 \xe4\xb8\xad\"}}]}",
        R"({"choices":[{"index":0,"text":" upon","logprobs":{"tokens":[" upon"],"token_logprobs":[-1.1920928955078125e-07],"top_logprobs":[{" upon":-0.5E+1}]},"finish_reason":null}]})",
        R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"search","arguments":"{\"q\": 1}"}}]}}]})",
        R"({"choices":[{"delta":{"tool_calls":[]}}]})",
        R"({"choices":[{"delta":{"reasoning_content":"hmm","content":null}},{"delta":{"role":"assistant"}}],"error":null})",
        "{\r\n\t\"choices\" : [ {\n \"delta\" : { \"content\" : \"x\" } } ] ,\n \"usage\" : { \"completion_tokens\" : "
        "0 }\r\n}",
        R"({"a":[[[[[[{"b":[true,false,null,-0,0.5,12e3]}]]]]]],"choices":{"not":"an array"},"usage":"none"})",
        R"({"choices":[{"delta":"not an object","text":7}],"object":"text_completion"})",
        R"({"choices":[{"finish_reason":null,"index":0,"delta":{"content":"Boxes"}}],"created":1,"id":"x","model":"m.gguf","system_fingerprint":"b1","object":"chat.completion.chunk","timings":{"prompt_n":5,"predicted_per_second":43.25}})",
        R"({})",
    };
    // And every chunk of the canned streams.
    const QStringList names = QDir(QStringLiteral(STRESSDECK_TEST_DATA_DIR "/streams")).entryList(QDir::Files);
    for (const QString& name : names) {
        SseParser parser;
        parser.feed(streamFixture(name), [&](const SseEvent& event) {
            if (event.data.trimmed().startsWith('{'))
                list.append(event.data);
        });
    }
    return list;
}

} // namespace

class TestChunkScanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answersForRealChunks()
    {
        int answered = 0;
        int fixtures = 0;
        for (const QByteArray& seed : seeds()) {
            const OpenAiChunk reference = OpenAiChunk::classifyWithQJson({}, seed);
            const std::optional<OpenAiChunk> fast = ChunkScanner::scan(seed.trimmed());
            if (reference.kind == OpenAiChunk::Kind::Error) {
                QVERIFY2(!fast, seed.constData()); // the message is the reference's job
                continue;
            }
            ++fixtures;
            QVERIFY2(fast, seed.constData());
            QCOMPARE(describe(*fast), describe(reference));
            ++answered;
        }
        QCOMPARE(answered, fixtures);
        QVERIFY(fixtures > 40); // the canned streams were read
    }

    void givesUpWhereItCannotBeSure_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("error member") << QByteArray(R"({"error":{"message":"boom"}})");
        QTest::addRow("object error") << QByteArray(R"({"object":"error","message":"bad"})");
        QTest::addRow("escaped key") << QByteArray(R"({"choices":[{"delta":{"con\u0074ent":"x"}}]})");
        QTest::addRow("duplicate content") << QByteArray(R"({"choices":[{"delta":{"content":"","content":"x"}}]})");
        QTest::addRow("duplicate choices") << QByteArray(R"({"choices":[],"choices":[{"text":"x"}]})");
        QTest::addRow("fractional count") << QByteArray(R"({"usage":{"completion_tokens":12.0}})");
        QTest::addRow("huge exponent") << QByteArray(R"({"x":1e400})");
        QTest::addRow("lone high surrogate") << QByteArray(R"({"choices":[{"text":"\ud83d"}]})");
        QTest::addRow("lone low surrogate") << QByteArray(R"({"choices":[{"text":"\ude00 "}]})");
        QTest::addRow("bad UTF-8") << QByteArray("{\"choices\":[{\"text\":\"\xc3(\"}]}");
        QTest::addRow("overlong UTF-8") << QByteArray("{\"choices\":[{\"text\":\"\xc0\xaf\"}]}");
        QTest::addRow("control character") << QByteArray("{\"choices\":[{\"text\":\"a\x01\"}]}");
        QTest::addRow("trailing comma") << QByteArray(R"({"choices":[],})");
        QTest::addRow("garbage after") << QByteArray(R"({"choices":[]} x)");
        QTest::addRow("too deep") << QByteArray(QByteArray(40, '[').prepend("{\"a\":") + QByteArray(40, ']') + "}");
        QTest::addRow("cut") << QByteArray(R"({"choices":[{"delta":{"content":"x")");
    }

    void givesUpWhereItCannotBeSure()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!ChunkScanner::scan(json));
        // classify() still answers, through the reference.
        QCOMPARE(describe(OpenAiChunk::classify({}, json)), describe(OpenAiChunk::classifyWithQJson({}, json)));
    }

    // Every truncation, deletion, and replacement or insertion of a byte from a set that breaks
    // or bends JSON: classify() agrees with the reference on each, and the fast path answered on
    // a good share of them (so the agreement says something about it).
    void agreesWithTheReferenceOnEveryCorruption()
    {
        const QByteArray bytes = QByteArrayLiteral(" \"\\{}[],:0-.eEun\x01\x7f\x80\xbf\xc3\xe2\xf0\xff");
        qsizetype compared = 0;
        qsizetype fast = 0;
        const auto check = [&](const QByteArray& json) {
            const OpenAiChunk chunk = OpenAiChunk::classify({}, json);
            const OpenAiChunk reference = OpenAiChunk::classifyWithQJson({}, json);
            if (describe(chunk) != describe(reference)) {
                qWarning("input: %s", json.toPercentEncoding(" {}[]\":,").constData());
                return false;
            }
            ++compared;
            fast += ChunkScanner::scan(json.trimmed()).has_value();
            return true;
        };
        for (const QByteArray& seed : seeds()) {
            for (qsizetype at = 0; at < seed.size(); ++at) {
                QVERIFY(check(seed.left(at)));
                QVERIFY(check(QByteArray(seed).remove(at, 1)));
                for (const char byte : bytes) {
                    QByteArray replaced = seed;
                    replaced[at] = byte;
                    QVERIFY(check(replaced));
                    QVERIFY(check(QByteArray(seed).insert(at, byte)));
                }
            }
        }
        qInfo("%lld inputs compared, %lld answered by the fast path", qlonglong(compared), qlonglong(fast));
        QVERIFY(compared > 100000);
        QVERIFY(fast > compared / 20);
    }

    // Event type error is never the fast path's: the reference reads its message.
    void errorEventTypeUsesTheReference()
    {
        const OpenAiChunk chunk = OpenAiChunk::classify("error", R"({"choices":[],"message":"rate limited"})");
        QCOMPARE(chunk.kind, OpenAiChunk::Kind::Error);
        QCOMPARE(chunk.errorMessage, QStringLiteral("rate limited"));
    }
};

QTEST_GUILESS_MAIN(TestChunkScanner)
#include "tst_chunkscanner.moc"
