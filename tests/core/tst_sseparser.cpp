// SPDX-License-Identifier: MIT

#include "sseparser.h"
#include "streamfixtures.h"

#include <QTest>

using namespace Stressdeck;

namespace {

//! One event as a line of text, so whole lists compare and print readably.
QByteArray describe(const SseEvent& event)
{
    QByteArray text = event.type + '|' + event.id + '|' + event.data;
    if (event.incomplete)
        text += "|incomplete";
    return text;
}

struct Parsed {
    QByteArrayList events;
    SseParser::Error error = SseParser::Error::None;
};

//! Feeds `stream` cut at `cuts` (ascending offsets), then ends it.
Parsed parse(QByteArrayView stream, const QList<qsizetype>& cuts, qsizetype limit = SseParser::DefaultLimit)
{
    SseParser parser(limit);
    Parsed parsed;
    const auto keep = [&](const SseEvent& event) { parsed.events.append(describe(event)); };
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        parser.feed(stream.sliced(from, cut - from), keep);
        from = cut;
    }
    parser.feed(stream.sliced(from), keep);
    if (const auto tail = parser.finish())
        parsed.events.append(describe(*tail));
    parsed.error = parser.error();
    return parsed;
}

Parsed parseBytewise(QByteArrayView stream, qsizetype limit = SseParser::DefaultLimit)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < stream.size(); ++i)
        cuts.append(i);
    return parse(stream, cuts, limit);
}

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void events_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::addColumn<qsizetype>("limit");
        QTest::addColumn<int>("error"); // SseParser::Error
        const qsizetype big = SseParser::DefaultLimit;
        const int none = int(SseParser::Error::None);

        QTest::addRow("LF") << QByteArray("data: a\n\ndata: b\n\n") << QByteArrayList { "||a", "||b" } << big << none;
        QTest::addRow("CR") << QByteArray("data: a\r\rdata: b\r\r") << QByteArrayList { "||a", "||b" } << big << none;
        QTest::addRow("CRLF") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n") << QByteArrayList { "||a", "||b" } << big
                              << none;
        // CR, CRLF, LF: three line ends, so the second line end dispatches and the third is an empty event.
        QTest::addRow("CR CRLF LF is three line ends")
            << QByteArray("data: a\r\r\n\ndata: b\n\n") << QByteArrayList { "||a", "||b" } << big << none;
        QTest::addRow("LF CR is two line ends")
            << QByteArray("data: a\n\rdata: b\r\n\n") << QByteArrayList { "||a", "||b" } << big << none;
        QTest::addRow("mixed in one event")
            << QByteArray("data: a\rdata: b\r\ndata: c\n\r\n") << QByteArrayList { "||a\nb\nc" } << big << none;
        QTest::addRow("CR inside a value ends the line")
            << QByteArray("data: x\ry\n\n") << QByteArrayList { "||x" } << big << none;
        QTest::addRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                           "data: a\n\n")
                             << QByteArrayList { "||a" } << big << none;
        QTest::addRow("only one BOM is stripped") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                                "data: a\n\ndata: b\n\n")
                                                  << QByteArrayList { "||b" } << big << none;
        QTest::addRow("half a BOM is kept") << QByteArray("\xEF\xBB"
                                                          "data: a\n\ndata: b\n\n")
                                            << QByteArrayList { "||b" } << big << none;
        QTest::addRow("BOM alone on a line")
            << QByteArray("\xEF\xBB\xBF\ndata: a\n\n") << QByteArrayList { "||a" } << big << none;
        QTest::addRow("comments") << QByteArray(": ping\n\ndata: a\n:note\ndata: b\n\n:\n\n")
                                  << QByteArrayList { "||a\nb" } << big << none;
        QTest::addRow("multi-line data") << QByteArray("data: a\ndata:\ndata: c\n\n") << QByteArrayList { "||a\n\nc" }
                                         << big << none;
        QTest::addRow("one space is removed, no more")
            << QByteArray("data:x\n\ndata: x\n\ndata:  x\n\ndata:\tx\n\n")
            << QByteArrayList { "||x", "||x", "|| x", "||\tx" } << big << none;
        QTest::addRow("a colon in the value")
            << QByteArray("data: a: b:c\n\n") << QByteArrayList { "||a: b:c" } << big << none;
        QTest::addRow("field without colon")
            << QByteArray("data\n\ndata\ndata\n\n") << QByteArrayList { "||", "||\n" } << big << none;
        QTest::addRow("space before the colon is another field")
            << QByteArray("data : x\n\ndata: y\n\n") << QByteArrayList { "||y" } << big << none;
        QTest::addRow("unknown fields") << QByteArray("foo: bar\nDATA: x\ndata: y\n\n") << QByteArrayList { "||y" }
                                        << big << none;
        QTest::addRow("event type, reset after dispatch")
            << QByteArray("event: ping\ndata: x\n\ndata: y\n\nevent: a\nevent: b\ndata: z\n\n")
            << QByteArrayList { "ping||x", "||y", "b||z" } << big << none;
        QTest::addRow("empty data is not dispatched, and forgets its type")
            << QByteArray("event: lonely\n\nid: 3\n\ndata: x\n\n") << QByteArrayList { "|3|x" } << big << none;
        QTest::addRow("id carries over, NUL ignored, empty resets")
            << QByteArray("id: 7\ndata: a\n\ndata: b\n\nid: 8") + '\0' + QByteArray("z\ndata: c\n\nid\ndata: d\n\n")
            << QByteArrayList { "|7|a", "|7|b", "|7|c", "||d" } << big << none;
        QTest::addRow("Responses API events")
            << QByteArray("event: response.output_text.delta\ndata: {\"delta\":\"Hi\"}\n\n"
                          "event: response.completed\ndata: {}\n\n")
            << QByteArrayList { "response.output_text.delta||{\"delta\":\"Hi\"}", "response.completed||{}" } << big
            << none;
        QTest::addRow("unterminated last event")
            << QByteArray("data: a\n\ndata: b") << QByteArrayList { "||a", "||b|incomplete" } << big << none;
        QTest::addRow("last event without its blank line")
            << QByteArray("data: a\n\nevent: t\ndata: b\r") << QByteArrayList { "||a", "t||b|incomplete" } << big
            << none;
        QTest::addRow("trailing comment is no event")
            << QByteArray("data: a\n\n: bye") << QByteArrayList { "||a" } << big << none;
        QTest::addRow("trailing type without data is no event")
            << QByteArray("data: a\n\nevent: x\n") << QByteArrayList { "||a" } << big << none;
        QTest::addRow("empty stream") << QByteArray() << QByteArrayList {} << big << none;
        QTest::addRow("line at the limit")
            << QByteArray("data: 0123456789\n\n") << QByteArrayList { "||0123456789" } << qsizetype(16) << none;
        QTest::addRow("line over the limit")
            << QByteArray("data: a\n\ndata: 0123456789X\n\ndata: b\n\n") << QByteArrayList { "||a" } << qsizetype(16)
            << int(SseParser::Error::LineTooLong);
        QTest::addRow("unterminated line over the limit")
            << QByteArray("data: a\n\n: 0123456789ABCDEF") << QByteArrayList { "||a" } << qsizetype(16)
            << int(SseParser::Error::LineTooLong);
        QTest::addRow("event over the limit")
            << QByteArray("data: a\n\ndata: 0123456789\ndata: 0123456789\n\ndata: b\n\n") << QByteArrayList { "||a" }
            << qsizetype(16) << int(SseParser::Error::EventTooLarge);
    }

    void events()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArrayList, expected);
        QFETCH(qsizetype, limit);
        QFETCH(int, error);
        const Parsed whole = parse(stream, {}, limit);
        QCOMPARE(whole.events, expected);
        QCOMPARE(int(whole.error), error);
        const Parsed bytewise = parseBytewise(stream, limit);
        QCOMPARE(bytewise.events, expected);
        QCOMPARE(int(bytewise.error), error);
        // Every pair of cuts, which puts each CR and LF pair, and each BOM, across two or three reads.
        for (qsizetype i = 0; i <= stream.size(); ++i) {
            for (qsizetype j = i; j <= stream.size(); ++j) {
                const Parsed cut = parse(stream, { i, j }, limit);
                QVERIFY2(cut.events == expected && int(cut.error) == error,
                    qPrintable(QStringLiteral("cut at %1 and %2").arg(i).arg(j)));
            }
        }
    }

    void fixturesSplitAnywhere_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("count");
        QTest::addRow("vllm-chat") << QStringLiteral("vllm-chat.sse") << 10;
        QTest::addRow("vllm-completions") << QStringLiteral("vllm-completions.sse") << 7;
        QTest::addRow("vllm-error") << QStringLiteral("vllm-error.sse") << 5;
        QTest::addRow("vllm-reasoning-tools") << QStringLiteral("vllm-reasoning-tools.sse") << 8;
        QTest::addRow("llamacpp-speculative") << QStringLiteral("llamacpp-speculative.sse") << 9;
        QTest::addRow("tgi-chat") << QStringLiteral("tgi-chat.sse") << 7;
    }

    void fixturesSplitAnywhere()
    {
        QFETCH(QString, name);
        QFETCH(int, count);
        const QByteArray lf = streamFixture(name);
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        QByteArray cr = lf;
        cr.replace('\n', '\r');
        const Parsed whole = parse(lf, {});
        QCOMPARE(whole.events.size(), count);
        QVERIFY(whole.events.last().endsWith("[DONE]"));
        for (const QByteArray& stream : QByteArrayList { lf, crlf, cr, QByteArray("\xEF\xBB\xBF") + crlf }) {
            QCOMPARE(parse(stream, {}).events, whole.events);
            QCOMPARE(parseBytewise(stream).events, whole.events);
            for (qsizetype i = 0; i <= stream.size(); ++i)
                QVERIFY2(parse(stream, { i }).events == whole.events, qPrintable(QString::number(i)));
        }
    }

    void readIndexNamesTheCompletingRead()
    {
        SseParser parser;
        QList<SseEvent> events;
        const auto keep = [&](const SseEvent& event) { events.append(event); };
        parser.feed("data: a\n\ndata: b\r", keep);
        QCOMPARE(parser.reads(), 1);
        parser.feed("\n\r", keep); // the LF belongs to the CR before it; the CR ends b
        parser.feed("\ndata: c\n\ndata: d\n\n", keep);
        parser.feed("data: e", keep);
        const auto tail = parser.finish();
        QCOMPARE(events.size(), 4);
        QCOMPARE(events[0].data, QByteArray("a"));
        QCOMPARE(events[0].readIndex, 0);
        QCOMPARE(events[1].data, QByteArray("b"));
        QCOMPARE(events[1].readIndex, 1);
        QCOMPARE(events[2].data, QByteArray("c"));
        QCOMPARE(events[2].readIndex, 2);
        QCOMPARE(events[3].readIndex, 2);
        QVERIFY(!events[3].incomplete);
        QVERIFY(tail);
        QCOMPARE(tail->data, QByteArray("e"));
        QCOMPARE(tail->readIndex, 4);
        QVERIFY(tail->incomplete);
    }

    void keptEventsSurviveLaterOnes()
    {
        SseParser parser;
        QList<SseEvent> events;
        parser.feed("event: one\ndata: first\n\nevent: two\ndata: second\n\n",
            [&](const SseEvent& event) { events.append(event); });
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].type, QByteArray("one"));
        QCOMPARE(events[0].data, QByteArray("first"));
        QCOMPARE(events[1].type, QByteArray("two"));
        QCOMPARE(events[1].data, QByteArray("second"));
    }

    void retry()
    {
        SseParser parser;
        int dispatched = 0;
        const auto count = [&](const SseEvent&) { ++dispatched; };
        parser.feed("retry: 3000\n\n", count);
        QCOMPARE(parser.retryMs(), std::optional<std::int64_t>(3000));
        parser.feed("retry: 12x\n\nretry:\n\nretry: -5\n\nretry: 1.5\n\n", count);
        QCOMPARE(parser.retryMs(), std::optional<std::int64_t>(3000));
        parser.feed("retry:250\n\n", count);
        QCOMPARE(parser.retryMs(), std::optional<std::int64_t>(250));
        QCOMPARE(dispatched, 0);
    }

    void errorIsFinal()
    {
        SseParser parser(16);
        int dispatched = 0;
        const auto count = [&](const SseEvent&) { ++dispatched; };
        const QByteArray line(8, 'x');
        parser.feed("data: ", count);
        for (int i = 0; i < 3; ++i)
            parser.feed(line, count);
        QCOMPARE(parser.error(), SseParser::Error::LineTooLong);
        parser.feed("\n\ndata: fine\n\n", count);
        QCOMPARE(dispatched, 0);
        QVERIFY(!parser.finish());
    }

    void longStreamInManyReads()
    {
        // 50,000 events in reads of 4,096 bytes: every event arrives, in order, with its read.
        QByteArray stream;
        for (int i = 0; i < 50000; ++i)
            stream += "data: {\"n\":" + QByteArray::number(i) + "}\n\n";
        SseParser parser;
        int next = 0;
        bool inOrder = true;
        int lastRead = 0;
        for (qsizetype at = 0; at < stream.size(); at += 4096) {
            parser.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(4096, stream.size() - at)),
                [&](const SseEvent& event) {
                    inOrder = inOrder && event.data == "{\"n\":" + QByteArray::number(next) + '}';
                    lastRead = event.readIndex;
                    ++next;
                });
        }
        QCOMPARE(next, 50000);
        QVERIFY(inOrder);
        QCOMPARE(lastRead, int((stream.size() - 1) / 4096));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
