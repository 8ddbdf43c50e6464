// SPDX-License-Identifier: MIT

#include "testserver.h"

#include <random>

#include <QFile>
#include <QHttpServerRequest>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace Stressdeck::Testing {

void TestServer::answerLater(const QHttpServerRequest& request, QTcpSocket* socket, const Response& response, int ms)
{
    const int now = ++pending;
    int seen = maxPending.load();
    while (now > seen && !maxPending.compare_exchange_weak(seen, now)) { }
    // Count the request as answered when the answer goes out, or when the client gives up.
    auto done = std::make_shared<bool>(false);
    auto finish = [this, done] {
        if (!*done) {
            *done = true;
            --pending;
        }
    };
    connect(socket, &QObject::destroyed, this, finish);
    connect(socket, &QAbstractSocket::disconnected, this, finish);
    if (ms < 0)
        return; // hang
    QTimer::singleShot(std::max(ms, 0), Qt::PreciseTimer, socket, finish);
    respond(request, socket, response, std::chrono::milliseconds(ms));
}

void TestServer::serveInSlot(const SlotKey& key, const PendingResponse& pending)
{
    SlotService& service = m_slotServices[key];
    if (service.busy < key.first) {
        startService(key, pending);
        return;
    }
    service.waiting.push_back(pending);
    ++slotsWaiting;
}

void TestServer::startService(const SlotKey& key, const PendingResponse& pending)
{
    ++m_slotServices[key].busy;
    ++slotsBusy;
    // The server is the timer's context, not the socket: a client that leaves mid-service still
    // holds its slot for the whole service time, as on a real server.
    QTimer::singleShot(key.second, Qt::PreciseTimer, this, [this, key, pending] {
        pending.send(json(200, QByteArrayLiteral("{\"ok\":true}")));
        ++slotsServed;
        --slotsBusy;
        SlotService& service = m_slotServices[key];
        --service.busy;
        while (!service.waiting.empty()) {
            const PendingResponse next = service.waiting.front();
            service.waiting.pop_front();
            --slotsWaiting;
            if (next.isConnected()) {
                startService(key, next);
                break;
            }
        }
    });
}

void TestServer::serveStream(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QUrlQuery query(request.url());
    auto number = [&](const char* name, int fallback) {
        bool ok = false;
        const int v = query.queryItemValue(QLatin1String(name)).toInt(&ok);
        return ok ? v : fallback;
    };
    {
        const QMutexLocker lock(&m_mutex);
        m_lastStreamBody = request.body();
    }
    if (number("reject_stream_options", 0) != 0 && request.body().contains("stream_options")) {
        ++streamOptionsRejected;
        respond(request, socket,
            json(400,
                R"({"object":"error","message":"[{'type': 'extra_forbidden', 'loc': ('body', 'stream_options'), 'msg': 'Extra inputs are not permitted'}]","type":"BadRequestError","param":null,"code":400})"));
        return;
    }
    ++streamsStarted;
    struct State {
        int first, interval, tokens, perEvent, roleDelay, errorAt, resetAt;
        bool usage, done, keepalive, crlf;
        QByteArray eventName;
        int sent = 0;
        int events = 0;
        bool roleSent = false;
    };
    auto st = std::make_shared<State>(State { std::max(0, number("first", 100)), std::max(0, number("interval", 20)),
        std::max(0, number("tokens", 10)), std::max(1, number("per_event", 1)), number("role_delay", 0),
        number("error_at", -1), number("reset_at", -1), number("usage", 1) != 0, number("done", 1) != 0,
        number("keepalive", 0) != 0, number("crlf", 0) != 0,
        query.queryItemValue(QStringLiteral("event")).toLatin1() });
    auto event = [st](const QByteArray& payload) {
        QByteArray e;
        if (!st->eventName.isEmpty())
            e += "event: " + st->eventName + '\n';
        e += "data: " + payload + "\n\n";
        return st->crlf ? e.replace("\n", "\r\n") : e;
    };
    const QByteArray chunkStart
        = R"({"id":"chatcmpl-test","object":"chat.completion.chunk","created":1767225600,"model":"test","choices":[)";
    auto end = [st, event, chunkStart](QByteArray data) -> StreamStep {
        if (st->usage)
            data += event(chunkStart + R"(],"usage":{"prompt_tokens":10,"completion_tokens":)"
                + QByteArray::number(st->sent) + R"(,"total_tokens":)" + QByteArray::number(10 + st->sent) + "}}");
        if (st->done)
            data += event("[DONE]");
        return { data, StreamStep::Then::Finish, 0 };
    };
    auto producer = [st, event, end, chunkStart]() -> StreamStep {
        QByteArray data;
        if (st->roleDelay >= 0 && !st->roleSent) {
            st->roleSent = true;
            data = event(chunkStart
                + R"({"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]})");
            if (st->roleDelay > 0)
                return { data, StreamStep::Then::Continue, double(st->roleDelay) };
        }
        if (st->resetAt >= 0 && st->events >= st->resetAt)
            return { data, StreamStep::Then::Reset, 0 };
        if (st->sent >= st->tokens)
            return end(data);
        if (st->keepalive)
            data += st->crlf ? ": keep-alive\r\n\r\n" : ": keep-alive\n\n";
        if (st->errorAt >= 0 && st->events == st->errorAt) {
            data += event(
                R"({"error":{"message":"injected stream error","type":"server_error","param":null,"code":500}})");
            st->usage = false;
            return end(data);
        }
        const int n = std::min(st->perEvent, st->tokens - st->sent);
        st->sent += n;
        ++st->events;
        QByteArray text;
        for (int i = 0; i < n; ++i)
            text += "tok ";
        const QByteArray finish = st->sent >= st->tokens ? QByteArrayLiteral("\"length\"") : QByteArrayLiteral("null");
        data += event(chunkStart + R"({"index":0,"delta":{"content":")" + text
            + R"("},"logprobs":null,"finish_reason":)" + finish + "}]}");
        if (st->sent >= st->tokens && (st->resetAt < 0 || st->events < st->resetAt))
            return end(data);
        return { data, StreamStep::Then::Continue, double(st->interval) };
    };
    StreamHead head;
    head.buffered = number("buffered", 0) != 0;
    ++streaming;
    auto over = std::make_shared<bool>(false);
    auto finished = [this, over] {
        if (!*over) {
            *over = true;
            --streaming;
        }
    };
    const double firstMs = st->roleDelay > 0 ? std::max(0, st->first - st->roleDelay) : st->first;
    startStream(
        socket, head, firstMs,
        [producer, finished] {
            StreamStep step = producer();
            if (step.then != StreamStep::Then::Continue)
                finished();
            return step;
        },
        finished);
}

void TestServer::handle(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ++received;
    if (const QByteArray auth = request.value("Authorization"); !auth.isEmpty()) {
        const QMutexLocker lock(&m_mutex);
        m_lastAuthorization = auth;
    }
    const QStringList parts = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString route = parts.value(0);
    const QByteArray ok = QByteArrayLiteral("{\"ok\":true}");
    if (route == QLatin1String("health")) {
        respond(request, socket, json(200, ok));
    } else if (route == QLatin1String("delay") && parts.size() == 2) {
        answerLater(request, socket, json(200, ok), parts[1].toInt());
    } else if (route == QLatin1String("status") && parts.size() >= 2) {
        answerLater(request, socket, json(parts[1].toInt(), ok), parts.value(2).toInt());
    } else if (route == QLatin1String("hang")) {
        answerLater(request, socket, {}, -1);
    } else if (route == QLatin1String("reset")) {
        resetConnection(socket);
    } else if (route == QLatin1String("jitter") && parts.size() == 2) {
        // A service time that varies like a real one: lognormal around <ms>, at most 4× it.
        std::lognormal_distribution<double> factor(0.0, 0.3);
        answerLater(request, socket, json(200, ok), int(parts[1].toInt() * std::min(4.0, factor(m_jitter))));
    } else if (route == QLatin1String("mix")) {
        answerLater(request, socket, json(200, ok), (m_mixCounter++ % 10 == 9) ? 200 : 10);
    } else if (route == QLatin1String("loop")) {
        Response r = json(307, {});
        r.headers.append({ QByteArrayLiteral("Location"), QByteArrayLiteral("/loop") });
        respond(request, socket, r);
    } else if (route == QLatin1String("malformed")) {
        socket->write("HTTP/1.1 twohundred OK\r\nContent-Length: 2\r\n\r\nok");
    } else if (route == QLatin1String("resetmid")) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nhalf");
        socket->flush();
        resetConnection(socket);
    } else if (route == QLatin1String("premature")) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nshort");
        socket->flush();
        socket->disconnectFromHost();
    } else if (route == QLatin1String("trickle") && parts.size() == 2) {
        const int n = parts[1].toInt();
        socket->write(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ")
            + QByteArray::number(n) + "\r\n\r\n");
        auto* timer = new QTimer(socket); // dies with the connection
        auto left = std::make_shared<int>(n);
        connect(timer, &QTimer::timeout, socket, [socket, timer, left] {
            if ((*left)-- <= 0) {
                timer->stop();
                return;
            }
            socket->write("x");
        });
        timer->start(1000);
    } else if (route == QLatin1String("huge") && parts.size() == 2) {
        const qint64 total = parts[1].toLongLong() * 1024 * 1024;
        socket->write(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: ")
            + QByteArray::number(total) + "\r\n\r\n");
        auto sent = std::make_shared<qint64>(0);
        const QByteArray chunk(64 * 1024, 'z');
        auto pump = [socket, sent, total, chunk] {
            // Keep about 1 MB queued; write more as the client reads.
            while (*sent < total && socket->bytesToWrite() < 1024 * 1024) {
                const qint64 n = std::min<qint64>(chunk.size(), total - *sent);
                socket->write(chunk.constData(), n);
                *sent += n;
            }
        };
        connect(socket, &QIODevice::bytesWritten, socket, pump);
        pump();
    } else if (route == QLatin1String("slots") && parts.size() == 3 && parts[1].toInt() > 0 && parts[2].toInt() >= 0) {
        serveInSlot({ parts[1].toInt(), parts[2].toInt() }, defer(request, socket));
    } else if (route == QLatin1String("stream")) {
        serveStream(request, socket);
    } else if (route == QLatin1String("redirect")) {
        Response r = json(307, {});
        r.headers.append({ QByteArrayLiteral("Location"), QByteArrayLiteral("/delay/0") });
        respond(request, socket, r);
    } else {
        respond(request, socket, detail(404, QStringLiteral("Not Found")));
    }
}

TestServerThread::TestServerThread(Tls tls)
    : TestServerThread(Options { tls, false, 0 })
{
}

TestServerThread::TestServerThread(const Options& options)
    : m_options(options)
{
    start();
}

void TestServerThread::start()
{
    QString error;
    const Options options = m_options;
    m_port = m_thread.start(
        [options] {
            auto* server = new TestServer;
            server->setIpv6(options.ipv6);
            if (options.tls == Tls::SelfSigned) {
                // A self-signed certificate for 127.0.0.1, made once with openssl for these tests.
                QFile cert(QStringLiteral(STRESSDECK_TEST_SUPPORT_DIR "/test-cert.pem"));
                QFile key(QStringLiteral(STRESSDECK_TEST_SUPPORT_DIR "/test-key.pem"));
                if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
                    qFatal("test server: cannot read the test certificate");
                QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
                tls.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
                tls.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
                server->setTls(tls);
            }
            return server;
        },
        m_options.port ? m_options.port : m_port, &error);
    if (m_port == 0)
        qFatal("test server: %s", qPrintable(error));
}

void TestServerThread::stop()
{
    m_thread.stop();
}

void TestServerThread::restart()
{
    m_thread.stop();
    start();
}

} // namespace Stressdeck::Testing
