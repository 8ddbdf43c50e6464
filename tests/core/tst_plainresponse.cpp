// SPDX-License-Identifier: MIT

#include "fastconnection.h"

#include <QTest>

#include <http_parser.h>

using namespace Stressdeck;

namespace {

//! How http-parser reads `data` as one response: complete exactly at its end, or not.
struct Parsed {
    bool completeAtEnd = false;
    int status = 0;
    bool keepAlive = false;
    qint64 bodyBytes = 0;
};

Parsed parse(const QByteArray& data)
{
    struct State {
        bool complete = false;
        qint64 body = 0;
        size_t completeAt = 0;
        const char* start = nullptr;
    } state;
    http_parser parser;
    http_parser_init(&parser, HTTP_RESPONSE);
    parser.data = &state;
    http_parser_settings settings;
    http_parser_settings_init(&settings);
    settings.on_body = [](http_parser* p, const char*, size_t length) {
        static_cast<State*>(p->data)->body += qint64(length);
        return 0;
    };
    settings.on_message_complete = [](http_parser* p) {
        static_cast<State*>(p->data)->complete = true;
        return 1; // stop here, so a longer input shows up as not ending with the message
    };
    const size_t used = http_parser_execute(&parser, &settings, data.constData(), size_t(data.size()));
    Parsed parsed;
    // Stopped by the callback: the errno is HPE_CB_message_complete and `used` counts the last byte.
    parsed.completeAtEnd = state.complete && used == size_t(data.size());
    parsed.status = int(parser.status_code);
    parsed.keepAlive = http_should_keep_alive(&parser) != 0;
    parsed.bodyBytes = state.body;
    return parsed;
}

QList<QByteArray> realResponses()
{
    return {
        // nginx's answer to the benchmark's GET
        QByteArrayLiteral("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Wed, 02 Dec 2026 14:00:00 GMT\r\n"
                          "Content-Type: text/html\r\nContent-Length: 10\r\nLast-Modified: Wed, 02 Dec 2026 13:00:00 "
                          "GMT\r\nConnection: keep-alive\r\nETag: \"1-64\"\r\nAccept-Ranges: bytes\r\n\r\n0123456789"),
        QByteArrayLiteral("HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\nconnection: close\r\n\r\nno!"),
        QByteArrayLiteral("HTTP/1.1 503 Service Unavailable\r\nContent-Length:  0 \r\nRetry-After: 1\r\n\r\n"),
        QByteArrayLiteral("HTTP/1.1 200 \r\nContent-Length: 2\r\nX-Empty:\r\n\r\nok"),
        QByteArrayLiteral("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: Keep-Alive\r\n\r\n"),
    };
}

} // namespace

class TestPlainResponse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realResponsesAreScanned()
    {
        for (const QByteArray& response : realResponses()) {
            FastConnection::PlainResponse plain;
            QVERIFY2(
                FastConnection::scanPlainResponse(response.constData(), response.size(), &plain), response.constData());
            const Parsed parsed = parse(response);
            QVERIFY(parsed.completeAtEnd);
            QCOMPARE(plain.status, parsed.status);
            QCOMPARE(plain.keepAlive, parsed.keepAlive);
            QCOMPARE(plain.bodyBytes, parsed.bodyBytes);
        }
    }

    void othersGoToTheParser_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addRow("redirect") << QByteArray("HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n");
        QTest::addRow("204") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n");
        QTest::addRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QTest::addRow("no length") << QByteArray("HTTP/1.1 200 OK\r\n\r\nuntil close");
        QTest::addRow("HTTP/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        QTest::addRow("two lengths") << QByteArray(
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx");
        QTest::addRow("partial body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab");
        QTest::addRow("a second response")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        QTest::addRow("connection list") << QByteArray(
            "HTTP/1.1 200 OK\r\nConnection: close, te\r\nContent-Length: 0\r\n\r\n");
        QTest::addRow("folded header") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\nContent-Length: 0\r\n\r\n");
        QTest::addRow("UTF-8 value") << QByteArray("HTTP/1.1 200 OK\r\nX-A: \xc3\xa9\r\nContent-Length: 0\r\n\r\n");
    }
    void othersGoToTheParser()
    {
        QFETCH(QByteArray, response);
        FastConnection::PlainResponse plain;
        QVERIFY(!FastConnection::scanPlainResponse(response.constData(), response.size(), &plain));
    }

    //! Every truncation and every one-byte replacement, deletion and insertion of the real
    //! responses: whatever the scanner accepts, http-parser reads as the same complete response.
    void acceptedMutationsReadAsTheParserReadsThem()
    {
        const QByteArray alphabet = QByteArrayLiteral("\0\t\r\n :,0159AZaz\"\x7f\x80-kecl");
        qint64 accepted = 0;
        qint64 tried = 0;
        auto check = [&](const QByteArray& input) {
            ++tried;
            FastConnection::PlainResponse plain;
            if (!FastConnection::scanPlainResponse(input.constData(), input.size(), &plain))
                return true;
            ++accepted;
            const Parsed parsed = parse(input);
            return parsed.completeAtEnd && plain.status == parsed.status && plain.keepAlive == parsed.keepAlive
                && plain.bodyBytes == parsed.bodyBytes;
        };
        for (const QByteArray& response : realResponses()) {
            for (qsizetype i = 0; i <= response.size(); ++i) {
                QVERIFY2(check(response.left(i)), qPrintable(QStringLiteral("truncated at %1").arg(i)));
                if (i < response.size())
                    QVERIFY2(check(QByteArray(response).remove(i, 1)), qPrintable(QStringLiteral("deleted %1").arg(i)));
                for (const char c : alphabet) {
                    if (i < response.size()) {
                        QByteArray replaced = response;
                        replaced[i] = c;
                        QVERIFY2(check(replaced), qPrintable(QStringLiteral("replaced %1").arg(i)));
                    }
                    QVERIFY2(
                        check(QByteArray(response).insert(i, c)), qPrintable(QStringLiteral("inserted %1").arg(i)));
                }
            }
        }
        // Both sides of the comparison were exercised.
        QVERIFY(accepted > 100);
        QVERIFY(accepted < tried);
    }
};

QTEST_GUILESS_MAIN(TestPlainResponse)
#include "tst_plainresponse.moc"
