// SPDX-License-Identifier: MIT

#include "intervalaggregator.h"
#include "loadrunner.h"
#include "testhelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace Stressdeck;
using namespace Stressdeck::Testing;

Q_DECLARE_METATYPE(Stressdeck::Transport)

namespace {

//! What the little streaming server below sends for every request.
struct StreamShape {
    int firstMs = 150; //!< first content event after the request
    int intervalMs = 20; //!< between content events
    int tokens = 20;
    int perEvent = 1; //!< tokens per content event
    bool usage = true; //!< the usage event before [DONE]
    bool buffered = false; //!< everything in one write at the time of the last event
    bool done = true; //!< `data: [DONE]` at the end
    bool error = false; //!< an in-band error event instead of the second content event
};

//! An OpenAI-style streaming endpoint on 127.0.0.1: a role event at once, then content events as
//! the shape says, each event in a chunk of its own (a chunked HTTP/1.1 body), usage and [DONE].
//! Keep-alive, one request at a time per connection, as both transports send them.
class SseServer : public QObject {
public:
    explicit SseServer(const StreamShape& shape)
        : m_shape(shape)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { take(socket); });
            }
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    const QList<QByteArray>& bodies() const { return m_bodies; }

private:
    void take(QTcpSocket* socket)
    {
        QByteArray& in = m_pending[socket];
        in += socket->readAll();
        for (;;) {
            const qsizetype headEnd = in.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            const QList<QByteArray> lines = in.left(headEnd).split('\n');
            for (const QByteArray& line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (in.size() < headEnd + 4 + length)
                return;
            m_bodies.append(in.mid(headEnd + 4, length));
            in.remove(0, headEnd + 4 + length);
            respond(socket);
        }
    }

    static QByteArray chunk(const QByteArray& data)
    {
        return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
    }

    static QByteArray event(const QByteArray& json) { return "data: " + json + "\n\n"; }

    void respond(QTcpSocket* socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray role = event(R"({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":)"
                                      R"("assistant","content":""}}]})");
        const int events = (m_shape.tokens + m_shape.perEvent - 1) / m_shape.perEvent;
        QByteArray tail;
        if (m_shape.usage)
            tail += event(R"({"object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":7,)"
                          R"("completion_tokens":)"
                + QByteArray::number(m_shape.tokens) + R"(,"total_tokens":)" + QByteArray::number(m_shape.tokens + 7)
                + "}}");
        if (m_shape.done)
            tail += event("[DONE]");
        auto content = [this](int k) {
            if (m_shape.error && k == 1)
                return event(R"({"error":{"message":"out of memory","type":"server_error"}})");
            const int n = std::min(m_shape.perEvent, m_shape.tokens - k * m_shape.perEvent);
            return event(R"({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":")"
                + QByteArray("tok ").repeated(n) + R"("}}]})");
        };
        if (m_shape.buffered) {
            QByteArray all = chunk(role);
            for (int k = 0; k < events; ++k)
                all += chunk(content(k));
            all += chunk(tail) + "0\r\n\r\n";
            send(socket, m_shape.firstMs + (events - 1) * m_shape.intervalMs, all);
            return;
        }
        socket->write(chunk(role));
        for (int k = 0; k < events; ++k) {
            QByteArray bytes = chunk(content(k));
            if (k == events - 1)
                bytes += chunk(tail) + "0\r\n\r\n";
            send(socket, m_shape.firstMs + k * m_shape.intervalMs, bytes);
        }
    }

    static void send(QTcpSocket* socket, int atMs, const QByteArray& bytes)
    {
        // The socket as the context: a connection the client closed cancels what is left.
        QTimer::singleShot(atMs, Qt::PreciseTimer, socket, [socket, bytes] {
            socket->write(bytes);
            socket->flush();
        });
    }

    StreamShape m_shape;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_pending;
    QList<QByteArray> m_bodies;
};

Scenario chatScenario()
{
    RequestType chat;
    chat.name = QStringLiteral("chat");
    chat.method = QByteArrayLiteral("POST");
    chat.path = QStringLiteral("/v1/chat/completions");
    chat.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
    chat.bodies = { QByteArrayLiteral(R"({"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":20})") };
    chat.stream = RequestType::Stream::OpenAi;
    Scenario s;
    s.name = QStringLiteral("stream");
    s.requestTypes = { chat };
    return s;
}

Report runAgainst(const SseServer& server)
{
    QFETCH_GLOBAL(Transport, transport);
    QFETCH_GLOBAL(int, threads);
    RunConfig c;
    c.transport = transport;
    c.threads = threads;
    c.target = QUrl(server.url());
    c.concurrency = 2;
    c.durationS = 2;
    c.timeoutS = 5;
    c.thinkMinMs = c.thinkMaxMs = 0;
    c.sampleIntervalS = 1;
    c.healthCheck = false;
    c.seed = 7;
    return runToEnd(c, chatScenario()).report;
}

bool hasWarning(const StreamingSummary& s, const char* start)
{
    return std::any_of(
        s.warnings.begin(), s.warnings.end(), [start](const QString& w) { return w.startsWith(QLatin1String(start)); });
}

QString figures(const StatsSummary& s)
{
    const StreamingSummary& st = *s.streaming;
    return QStringLiteral("requests %1 ok %2 (%3); TTFT p50 %4, TPOT p50 %5, ICL p50 %6, E2E p50 %7 ms; tokens %8; "
                          "chunks/token %9; warnings: %10")
        .arg(s.total)
        .arg(s.success)
        .arg(errorNames(s.errors))
        .arg(st.ttft.p50)
        .arg(st.tpot.p50)
        .arg(st.icl.p50)
        .arg(st.e2e.p50)
        .arg(st.outputTokens)
        .arg(st.chunksPerToken)
        .arg(st.warnings.join(u"; "));
}

//! Runs against a server of this shape and returns the report, its figures printed.
Report runShape(const StreamShape& shape)
{
    SseServer server(shape);
    Report r = runAgainst(server);
    if (!r.requestTypes.isEmpty() && r.requestTypes.first().streaming)
        qInfo("%s", qPrintable(figures(r.requestTypes.first())));
    return r;
}

StreamSample sample(std::int64_t ttftMs, std::optional<std::int64_t> tokens, int events)
{
    StreamSample s;
    s.ttftNs = ttftMs * 1'000'000;
    s.ttftSchedNs = s.ttftNs;
    s.e2eNs = (ttftMs + 100) * 1'000'000;
    s.tpotNs = 5e6;
    for (int i = 1; i < events; ++i)
        s.gapsNs.push_back(std::int64_t(i) * 1'000'000);
    s.outputTokens = tokens;
    s.contentEvents = events;
    return s;
}

} // namespace

class TestStreaming : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data()
    {
        // Three engine threads: the workers' stream records meet in the aggregator.
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<int>("threads");
        QTest::addRow("qnam") << Transport::Qnam << 1;
        QTest::addRow("fast") << Transport::Fast << 1;
        QTest::addRow("fast, 3 threads") << Transport::Fast << 3;
    }

    void countersMergeLikeAddingEverySample()
    {
        StreamCounters a, b, all;
        for (int i = 0; i < 6; ++i) {
            const StreamSample s = sample(100 + i, i % 3 ? std::optional<std::int64_t>(10) : std::nullopt, 4);
            (i < 2 ? a : b).add(s);
            all.add(s);
        }
        a.merge(b);
        QCOMPARE(a.streams, 6);
        QCOMPARE(a.ttft.count(), 6);
        QCOMPARE(a.icl.count(), 18);
        QCOMPARE(a.outputTokens, 40);
        QCOMPARE(a.usage, 4);
        QCOMPARE(a.none, 2);
        QCOMPARE(a.contentEventsWithTokens, 16);
        QVERIFY(a == all);
        const StreamingSummary s = StreamingSummary::of(a, 2.0);
        QCOMPARE(s.outputTokensPerS, 20.0);
        QCOMPARE(s.chunksPerToken, 0.4);
        QVERIFY(hasWarning(s, "ICL is per event, not per token"));
        QVERIFY(hasWarning(s, "usage missing"));
        QVERIFY(!hasWarning(s, "buffered stream"));
        QCOMPARE(s.ttft.min, 100.0);
        QCOMPARE(s.ttft.max, 105.0);
    }

    void theAggregatorKeepsStreamsApart()
    {
        IntervalAggregator aggregator({ QStringLiteral("chat"), QStringLiteral("plain") });
        aggregator.setStreams(true);
        RequestRecord streamed { 0, { Outcome::Success, 200, {} }, 300'000'000, 500'000'000, -1,
            std::make_shared<const StreamSample>(sample(150, 20, 20)) };
        RequestRecord plain { 1, { Outcome::Success, 200, {} }, 1'000'000, 600'000'000, -1, {} };
        aggregator.record(streamed);
        aggregator.record(streamed);
        aggregator.record(plain);
        aggregator.closeLast(1.0, 0);
        QVERIFY(aggregator.byType()[0].stream.has_value());
        QVERIFY(!aggregator.byType()[1].stream.has_value()); // a plain type pays for no histograms
        QCOMPARE(aggregator.byType()[0].stream->outputTokens, 40);
        QCOMPARE(aggregator.overall().stream->streams, 2);
        QCOMPARE(aggregator.overall().total, 3);
        QCOMPARE(aggregator.timeline().size(), 1);
        const auto& row = aggregator.timeline().first();
        QVERIFY(row.streaming.has_value());
        QCOMPARE(row.streaming->outputTokensPerS, 40.0);
        QVERIFY(row.streaming->ttftP50 > 149 && row.streaming->ttftP50 < 151);
        // Both streams had a TPOT of 5 ms; the plain request adds none.
        QVERIFY2(row.streaming->tpotP50 > 4.9 && row.streaming->tpotP50 < 5.1,
            qPrintable(QString::number(row.streaming->tpotP50)));
        QVERIFY(row.streaming->tpotP95 > 4.9 && row.streaming->tpotP95 < 5.1);
    }

    void tpotPerSecondIsOfTheStreamsThatEndedInIt()
    {
        IntervalAggregator aggregator({ QStringLiteral("chat") });
        aggregator.setStreams(true);
        auto streamed = [](std::int64_t doneMs, double tpotMs) {
            StreamSample s = sample(150, 20, 20);
            s.tpotNs = tpotMs * 1e6;
            return RequestRecord { 0, { Outcome::Success, 200, {} }, 300'000'000, doneMs * 1'000'000, -1,
                std::make_shared<const StreamSample>(s) };
        };
        // Second 1: ten streams at 10 ms and one at 40 ms (p95: the 11th of 11); second 2: one
        // without usage (no TPOT).
        for (int i = 0; i < 10; ++i)
            aggregator.record(streamed(200 + i, 10));
        aggregator.record(streamed(900, 40));
        StreamSample noUsage = sample(150, std::nullopt, 5);
        noUsage.tpotNs.reset();
        aggregator.record({ 0, { Outcome::Success, 200, {} }, 300'000'000, 1'500'000'000, -1,
            std::make_shared<const StreamSample>(noUsage) });
        aggregator.closeLast(2.0, 0);
        const QList<TimelineRow>& rows = aggregator.timeline();
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows[0].streaming && rows[1].streaming);
        const auto& first = *rows[0].streaming;
        QVERIFY2(first.tpotP50 > 9.9 && first.tpotP50 < 10.1, qPrintable(QString::number(first.tpotP50)));
        QVERIFY2(first.tpotP95 > 39.5 && first.tpotP95 < 40.5, qPrintable(QString::number(first.tpotP95)));
        QCOMPARE(rows[1].streaming->tpotP50, 0.0);
        QCOMPARE(rows[1].streaming->tpotP95, 0.0);
        QVERIFY(rows[1].streaming->ttftP50 > 149); // it still has its TTFT
    }

    void aStreamOneTokenPerEvent()
    {
        SseServer server({});
        const Report r = runAgainst(server);
        QCOMPARE(r.requestTypes.size(), 1);
        const StatsSummary& s = r.requestTypes.first();
        QVERIFY(s.streaming.has_value());
        QVERIFY(r.overall.streaming.has_value());
        const StreamingSummary& st = *s.streaming;
        qInfo("%s", qPrintable(figures(s)));
        QVERIFY2(s.failure == 0, qPrintable(figures(s)));
        QVERIFY2(s.success >= 2, qPrintable(figures(s)));
        QCOMPARE(st.outputTokens, 20 * s.success);
        QCOMPARE(st.usage, s.success);
        QCOMPARE(st.none, 0);
        QVERIFY2(st.ttft.p50 >= 140 && st.ttft.p50 <= 400, qPrintable(figures(s)));
        QVERIFY2(st.ttftSched.p50 >= st.ttft.p50 - 1, qPrintable(figures(s)));
        QVERIFY2(st.tpot.p50 >= 15 && st.tpot.p50 <= 45, qPrintable(figures(s)));
        QVERIFY2(st.icl.p50 >= 15 && st.icl.p50 <= 45, qPrintable(figures(s)));
        QVERIFY2(st.e2e.p50 >= 520 && st.e2e.p50 <= 1500, qPrintable(figures(s)));
        QCOMPARE(st.chunksPerToken, 1.0);
        QVERIFY2(!hasWarning(st, "ICL is per event"), qPrintable(figures(s)));
        QVERIFY2(!hasWarning(st, "buffered stream"), qPrintable(figures(s)));
        QVERIFY2(!hasWarning(st, "usage missing"), qPrintable(figures(s)));
        // What was sent: the scenario's body with the stream options merged in.
        QVERIFY(!server.bodies().isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(server.bodies().first()).object();
        QCOMPARE(body.value(QStringLiteral("stream")), QJsonValue(true));
        QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")),
            QJsonValue(true));
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 20);
        // Every row of a streaming run has the streaming figures; their tokens add up.
        QVERIFY(!r.timeline.isEmpty());
        double tokens = 0, lastS = 0;
        for (const TimelineRow& row : r.timeline) {
            QVERIFY(row.streaming.has_value());
            tokens += row.streaming->outputTokensPerS * (row.tS - lastS);
            lastS = row.tS;
        }
        QCOMPARE(qRound64(tokens), st.outputTokens);
        // TPOT per second: 20 ms a token in every second a stream ended in.
        int withTpot = 0;
        for (const TimelineRow& row : r.timeline) {
            if (row.streaming->outputTokensPerS == 0)
                continue;
            ++withTpot;
            QVERIFY2(row.streaming->tpotP50 >= 15 && row.streaming->tpotP50 <= 45,
                qPrintable(QStringLiteral("at %1 s: TPOT p50 %2 ms").arg(row.tS).arg(row.streaming->tpotP50)));
            QVERIFY(row.streaming->tpotP95 >= row.streaming->tpotP50);
            QVERIFY(row.streaming->tpotP95 <= 60);
        }
        QVERIFY(withTpot >= 1);
    }

    void fourTokensPerEventWarns()
    {
        // A token every 20 ms, four to an event: an event every 80 ms. Forty tokens, the issue's
        // example: TPOT = 9 × 80 ms / 39 = 18.5 ms, ICL 80 ms.
        StreamShape shape;
        shape.intervalMs = 80;
        shape.perEvent = 4;
        shape.tokens = 40;
        const Report r = runShape(shape);
        const StatsSummary& s = r.requestTypes.first();
        QVERIFY(s.streaming.has_value());
        const StreamingSummary& st = *s.streaming;
        QVERIFY2(s.failure == 0 && s.success >= 2, qPrintable(figures(s)));
        QCOMPARE(st.outputTokens, 40 * s.success);
        QVERIFY2(st.icl.p50 >= 70 && st.icl.p50 <= 160, qPrintable(figures(s)));
        QVERIFY2(st.tpot.p50 >= 12 && st.tpot.p50 <= 45, qPrintable(figures(s)));
        QCOMPARE(st.chunksPerToken, 0.25);
        for (const TimelineRow& row : r.timeline) {
            if (row.streaming && row.streaming->outputTokensPerS > 0)
                QVERIFY2(row.streaming->tpotP50 >= 12 && row.streaming->tpotP50 <= 45,
                    qPrintable(QString::number(row.streaming->tpotP50)));
        }
        QVERIFY2(hasWarning(st, "ICL is per event, not per token"), qPrintable(figures(s)));
        QVERIFY2(!hasWarning(st, "buffered stream"), qPrintable(figures(s)));
    }

    void aBufferedStreamIsFlagged()
    {
        StreamShape shape;
        shape.buffered = true;
        const Report r = runShape(shape);
        const StatsSummary& s = r.requestTypes.first();
        QVERIFY(s.streaming.has_value());
        const StreamingSummary& st = *s.streaming;
        QVERIFY2(s.failure == 0 && s.success >= 1, qPrintable(figures(s)));
        QVERIFY2(hasWarning(st, "buffered stream"), qPrintable(figures(s)));
        QVERIFY2(hasWarning(st, "coalesced events"), qPrintable(figures(s)));
        // The whole answer came at once, so the first token came as late as the last.
        QVERIFY2(st.ttft.p50 >= 520, qPrintable(figures(s)));
    }

    void usageMissingIsCountedAndWarned()
    {
        StreamShape shape;
        shape.usage = false;
        const Report r = runShape(shape);
        const StatsSummary& s = r.requestTypes.first();
        QVERIFY(s.streaming.has_value());
        const StreamingSummary& st = *s.streaming;
        QVERIFY2(s.failure == 0 && s.success >= 2, qPrintable(figures(s)));
        QCOMPARE(st.outputTokens, 0);
        QCOMPARE(st.none, s.success);
        QCOMPARE(st.tpot.p50, 0.0); // not defined without a token count
        QVERIFY2(st.icl.p50 >= 15 && st.icl.p50 <= 45, qPrintable(figures(s)));
        QVERIFY2(hasWarning(st, "usage missing"), qPrintable(figures(s)));
    }

    void brokenStreamsFailWithTheirOwnClass_data()
    {
        QTest::addColumn<bool>("error");
        QTest::addColumn<QString>("label");
        QTest::addRow("in-band error") << true << QStringLiteral("Stream error");
        QTest::addRow("no [DONE]") << false << QStringLiteral("Stream incomplete");
    }

    void brokenStreamsFailWithTheirOwnClass()
    {
        QFETCH(bool, error);
        QFETCH(QString, label);
        StreamShape shape;
        shape.tokens = 5;
        shape.error = error;
        shape.done = error; // the error case ends properly after its error
        const Report r = runShape(shape);
        const StatsSummary& s = r.requestTypes.first();
        QVERIFY2(s.total >= 2, qPrintable(errorNames(s.errors)));
        QCOMPARE(s.success, 0);
        QCOMPARE(s.errors.value(label), s.total);
        // Only successful streams go into the streaming figures, but the type still has its block.
        QVERIFY(s.streaming.has_value());
        QCOMPARE(s.streaming->usage + s.streaming->none, 0);
        QCOMPARE(s.streaming->outputTokens, 0);
        QVERIFY(r.overall.streaming.has_value());
    }
};

QTEST_GUILESS_MAIN(TestStreaming)
#include "tst_streaming.moc"
