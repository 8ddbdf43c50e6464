// SPDX-License-Identifier: MIT

// The test server's /stream route and, through it, HttpService's streaming writer.

#include <QJsonArray>
#include <QTest>

#include "streamclient.h"
#include "testserver.h"

using namespace Stressdeck;
using namespace Stressdeck::Testing;

class TestStreamServer : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServerThread> m_server;

    StreamAnswer get(const QByteArray& path, StreamClient* client = nullptr)
    {
        StreamClient own;
        if (!client) {
            client = &own;
            if (!client->connectTo(m_server->port()))
                return {};
        }
        return client->request("GET", path);
    }

private Q_SLOTS:
    void initTestCase() { m_server = std::make_unique<TestServerThread>(); }

    void firstTokenComesAfterTheDelay()
    {
        const StreamAnswer a = get("/stream?first=300&interval=10&tokens=5");
        QCOMPARE(a.status, 200);
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 5);
        QVERIFY2(content.first().atMs >= 270, qPrintable(QString::number(content.first().atMs)));
        QVERIFY2(content.first().atMs < 3 * 300 + 200, qPrintable(QString::number(content.first().atMs)));
        QVERIFY(a.headersAtMs < content.first().atMs); // headers go out at once, before any token
    }

    void tokensAreGroupedIntoEvents_data()
    {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("perEvent");
        QTest::addColumn<int>("events");
        QTest::addRow("one per event") << 10 << 1 << 10;
        QTest::addRow("three per event") << 10 << 3 << 4;
        QTest::addRow("all in one") << 7 << 50 << 1;
    }

    void tokensAreGroupedIntoEvents()
    {
        QFETCH(int, tokens);
        QFETCH(int, perEvent);
        QFETCH(int, events);
        StreamClient client;
        QVERIFY(client.connectTo(m_server->port()));
        const StreamAnswer a = get(QByteArray("/stream?first=0&interval=5&tokens=") + QByteArray::number(tokens)
                + "&per_event=" + QByteArray::number(perEvent),
            &client);
        QCOMPARE(a.status, 200);
        QVERIFY(a.chunked);
        QVERIFY(a.complete);
        QVERIFY(a.hasHeader("content-type: text/event-stream"));
        QVERIFY(a.hasHeader("cache-control: no-cache"));
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), events);
        QCOMPARE(a.contentText(), QStringLiteral("tok ").repeated(tokens));
        // The role-only event comes first, then content, usage, [DONE].
        QCOMPARE(a.events.first().delta().value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QVERIFY(a.events.last().isDone());
        const QJsonObject usage = a.events.at(a.events.size() - 2).json();
        QVERIFY(usage.value(QStringLiteral("choices")).toArray().isEmpty());
        QCOMPARE(
            usage.value(QStringLiteral("usage")).toObject().value(QStringLiteral("completion_tokens")).toInt(), tokens);
        // The connection is kept alive after the zero chunk.
        QCOMPARE(client.request("GET", "/health").status, 200);
    }

    void usageAndDoneCanBeLeftOut()
    {
        const StreamAnswer a = get("/stream?first=0&interval=1&tokens=3&usage=0&done=0");
        QVERIFY(a.complete);
        QCOMPARE(a.contentEvents().size(), 3);
        QCOMPARE(a.events.size(), 4); // role + 3
        QVERIFY(!a.events.last().isDone());
        for (const SseEvent& e : a.events)
            QVERIFY(!e.json().contains(QStringLiteral("usage")));
    }

    void errorEventInsideA200Stream()
    {
        const StreamAnswer a = get("/stream?first=0&interval=1&tokens=10&error_at=2");
        QCOMPARE(a.status, 200);
        QVERIFY(a.complete);
        QCOMPARE(a.contentEvents().size(), 2);
        QVERIFY(a.events.last().isDone());
        const QJsonObject error = a.events.at(a.events.size() - 2).json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("injected stream error"));
    }

    void resetMidStream()
    {
        const StreamAnswer a = get("/stream?first=0&interval=5&tokens=10&reset_at=3");
        QCOMPARE(a.status, 200);
        QVERIFY(!a.complete);
        QVERIFY(a.closed);
        QCOMPARE(a.contentEvents().size(), 3);
        QVERIFY(!a.events.last().isDone());
    }

    void roleEventComesBeforeTheFirstToken()
    {
        const StreamAnswer a = get("/stream?first=400&role_delay=200&interval=1&tokens=2");
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 2);
        const SseEvent& role = a.events.first();
        QVERIFY(role.json()
                    .value(QStringLiteral("choices"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QStringLiteral("delta")));
        QVERIFY2(content.first().atMs - role.atMs >= 180,
            qPrintable(QStringLiteral("%1 %2").arg(role.atMs).arg(content.first().atMs)));
        QVERIFY(content.first().atMs >= 360);
        QVERIFY(role.atMs >= 180);
    }

    void bufferedStreamArrivesAtOnce()
    {
        const StreamAnswer a = get("/stream?first=50&interval=20&tokens=10&buffered=1");
        QVERIFY(a.complete);
        const QList<SseEvent> content = a.contentEvents();
        QCOMPARE(content.size(), 10);
        QVERIFY(content.last().atMs - a.events.first().atMs < 30);
        QVERIFY2(a.headersAtMs >= 0.9 * (50 + 9 * 20), qPrintable(QString::number(a.headersAtMs)));
        const StreamAnswer paced = get("/stream?first=50&interval=20&tokens=10");
        QVERIFY(paced.contentEvents().constLast().atMs - paced.contentEvents().constFirst().atMs >= 0.9 * 9 * 20);
    }

    void eventLinesCommentsAndCrlf()
    {
        const StreamAnswer a = get("/stream?first=0&interval=1&tokens=4&event=message&keepalive=1&crlf=1");
        QVERIFY(a.complete);
        QVERIFY(a.body.contains("\r\n\r\n"));
        QCOMPARE(a.contentEvents().size(), 4);
        QCOMPARE(a.comments.size(), 4);
        QCOMPARE(a.comments.first(), QByteArray("keep-alive"));
        for (const SseEvent& e : a.events)
            QCOMPARE(e.name, QByteArray("message"));
    }

    void serverStoppingMidStreamClosesIt()
    {
        auto server = std::make_unique<TestServerThread>();
        StreamClient client;
        QVERIFY(client.connectTo(server->port()));
        const StreamAnswer first = client.request("GET", "/stream?first=0&interval=20&tokens=1000", {}, 10000, 2);
        QCOMPARE(first.events.size(), 2);
        server.reset();
        const StreamAnswer rest = client.read(5000);
        QVERIFY(!rest.complete);
        QVERIFY(rest.closed);
    }

    void clientLeavingMidStreamFreesTheStream()
    {
        TestServer* server = m_server->server();
        {
            StreamClient client;
            QVERIFY(client.connectTo(m_server->port()));
            const StreamAnswer a = client.request("GET", "/stream?first=0&interval=50&tokens=1000", {}, 10000, 3);
            QCOMPARE(a.events.size(), 3);
            QCOMPARE(server->streaming.load(), 1);
            client.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->streaming.load(), 0, 5000);
        QCOMPARE(get("/stream?first=0&interval=1&tokens=2").events.size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestStreamServer)
#include "tst_streamserver.moc"
