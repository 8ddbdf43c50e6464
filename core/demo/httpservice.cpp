// SPDX-License-Identifier: MIT

#include "httpservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>
#include <queue>
#include <vector>

#include <sys/socket.h>

namespace Stressdeck {

struct HttpService::Stream {
    QPointer<QTcpSocket> socket;
    StreamProducer producer;
    std::function<void()> onGone;
    QMetaObject::Connection disconnected;
    QMetaObject::Connection destroyed;
    QByteArray held; //!< buffered mode: the whole response so far
    bool buffered = false;
    bool over = false;
};

struct HttpService::StreamQueue {
    struct Due {
        qint64 atUs;
        std::shared_ptr<Stream> stream;
        bool operator>(const Due& other) const { return atUs > other.atUs; }
    };
    std::priority_queue<Due, std::vector<Due>, std::greater<>> due;
    QTimer timer;
    QElapsedTimer clock;
    qint64 armedAtUs = -1; //!< when the timer fires, or -1 while it is stopped
    int active = 0;

    qint64 nowUs() const { return clock.nsecsElapsed() / 1000; }
};

HttpService::HttpService(QObject* parent)
    : QAbstractHttpServer(parent)
    , m_streams(std::make_unique<StreamQueue>())
{
    m_streams->clock.start();
    m_streams->timer.setSingleShot(true);
    m_streams->timer.setTimerType(Qt::PreciseTimer);
    connect(&m_streams->timer, &QTimer::timeout, this, &HttpService::pumpStreams);
}

HttpService::~HttpService()
{
    // Producers may hold on to a subclass's state, which is gone by now: never call them again.
    while (!m_streams->due.empty()) {
        Stream& s = *m_streams->due.top().stream;
        QObject::disconnect(s.disconnected);
        QObject::disconnect(s.destroyed);
        s.over = true;
        m_streams->due.pop();
    }
}

quint16 HttpService::listenOnLoopback(quint16 port, QString* error)
{
    QTcpServer* server = nullptr;
    if (m_tls) {
        auto* ssl = new QSslServer(this);
        ssl->setSslConfiguration(*m_tls);
        server = ssl;
    } else {
        server = new QTcpServer(this);
    }
    // The default backlog of 50 overflows under bursts of new connections (SYN retries of 1-3 s).
    server->setListenBacklogSize(4096);
    const QHostAddress address(m_ipv6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost);
    if (!server->listen(address, port)) {
        *error = QCoreApplication::translate("HttpService", "cannot listen on %1 port %2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(server->errorString());
        delete server;
        return 0;
    }
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this] { ++m_connections; });
    bind(server);
    m_port = server->serverPort();
    return m_port;
}

void HttpService::setTls(const QSslConfiguration& configuration)
{
    m_tls = configuration;
}

HttpService::Response HttpService::json(int status, const QByteArray& body)
{
    Response r;
    r.status = status;
    r.body = body;
    return r;
}

HttpService::Response HttpService::detail(int status, const QString& message)
{
    return json(
        status, QJsonDocument(QJsonObject { { QStringLiteral("detail"), message } }).toJson(QJsonDocument::Compact));
}

bool HttpService::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    handle(request, socket);
    return true;
}

void HttpService::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    respond(request, socket, detail(404, QStringLiteral("Not Found")));
}

namespace {

void writeResponse(QHttpServerResponder& responder, const HttpService::Response& response)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

} // namespace

HttpService::PendingResponse HttpService::defer(const QHttpServerRequest& request, QTcpSocket* socket)
{
    PendingResponse pending;
    pending.m_responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    pending.m_socket = socket;
    return pending;
}

bool HttpService::PendingResponse::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpService::PendingResponse::send(const Response& response) const
{
    // The 6.4 responder only writes to its socket and its destructor does nothing, so holding
    // it past the request is safe as long as the socket is checked first.
    if (isConnected())
        writeResponse(*m_responder, response);
}

void HttpService::respond(
    const QHttpServerRequest& request, QTcpSocket* socket, const Response& response, std::chrono::milliseconds delay)
{
    const PendingResponse pending = defer(request, socket);
    if (delay.count() <= 0) {
        pending.send(response);
        return;
    }
    QTimer::singleShot(delay, Qt::PreciseTimer, socket, [pending, response] { pending.send(response); });
}

void HttpService::resetConnection(QTcpSocket* socket)
{
    struct linger lingerOption {
        1, 0
    };
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
    socket->abort();
}

namespace {

QByteArray chunk(const QByteArray& data)
{
    if (data.isEmpty())
        return {};
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

} // namespace

void HttpService::startStream(
    QTcpSocket* socket, const StreamHead& head, double firstMs, StreamProducer producer, std::function<void()> onGone)
{
    auto stream = std::make_shared<Stream>();
    stream->socket = socket;
    stream->producer = std::move(producer);
    stream->onGone = std::move(onGone);
    stream->buffered = head.buffered;
    // Events are small writes spaced in time: without TCP_NODELAY, Nagle's algorithm holds each one
    // back until the previous is acknowledged, and delayed ACKs cap a stream near 25 events/s.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray start = QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: ") + head.contentType
        + "\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n";
    for (const auto& [name, value] : head.headers)
        start += name + ": " + value + "\r\n";
    start += "\r\n";
    if (stream->buffered)
        stream->held = start;
    else
        socket->write(start);
    const std::weak_ptr<Stream> weak = stream;
    auto gone = [this, weak] {
        const auto s = weak.lock();
        if (!s || s->over)
            return;
        endStream(*s);
        if (auto notify = std::move(s->onGone))
            notify();
    };
    stream->disconnected = connect(socket, &QAbstractSocket::disconnected, this, gone);
    stream->destroyed = connect(socket, &QObject::destroyed, this, gone);
    ++m_streams->active;
    scheduleStream(stream, m_streams->nowUs() + qint64(std::max(0.0, firstMs) * 1000));
}

int HttpService::activeStreams() const
{
    return m_streams->active;
}

void HttpService::endStream(Stream& stream)
{
    stream.over = true;
    QObject::disconnect(stream.disconnected);
    QObject::disconnect(stream.destroyed);
    stream.producer = nullptr; // frees what it captured now, not when its queue entry comes up
    stream.held.clear();
    --m_streams->active;
}

void HttpService::scheduleStream(const std::shared_ptr<Stream>& stream, qint64 dueUs)
{
    StreamQueue& q = *m_streams;
    q.due.push({ dueUs, stream });
    if (q.armedAtUs >= 0 && q.armedAtUs <= dueUs)
        return;
    const qint64 waitUs = std::max<qint64>(0, dueUs - q.nowUs());
    q.timer.start(int((waitUs + 999) / 1000));
    q.armedAtUs = dueUs;
}

namespace {

//! Paced from the due time, not from now, so a tick that comes late (a busy thread, a descheduled
//! process) does not slow the stream down; after a stall of more than 100 ms it starts afresh
//! instead of bursting.
qint64 nextDue(qint64 dueUs, double afterMs, qint64 nowUs)
{
    const qint64 next = dueUs + qint64(std::max(0.0, afterMs) * 1000);
    return next < nowUs - 100000 ? nowUs : next;
}

} // namespace

void HttpService::pumpStreams()
{
    StreamQueue& q = *m_streams;
    q.armedAtUs = -1;
    // A step that is due within half a millisecond goes now: the timer has millisecond resolution.
    const qint64 now = q.nowUs() + 500;
    while (!q.due.empty() && q.due.top().atUs <= now) {
        const StreamQueue::Due due = q.due.top();
        q.due.pop();
        Stream& s = *due.stream;
        if (s.over)
            continue;
        if (!s.socket || s.socket->state() != QAbstractSocket::ConnectedState) {
            endStream(s);
            if (auto notify = std::move(s.onGone))
                notify();
            continue;
        }
        const StreamStep step = s.producer();
        if (s.over) // the producer may have reset the connection itself
            continue;
        QByteArray out = chunk(step.data);
        switch (step.then) {
        case StreamStep::Then::Continue:
            if (s.buffered)
                s.held += out;
            else if (!out.isEmpty())
                s.socket->write(out);
            q.due.push({ nextDue(due.atUs, step.nextMs, now - 500), due.stream });
            break;
        case StreamStep::Then::Finish:
            out += "0\r\n\r\n";
            s.socket->write(s.buffered ? s.held + out : out);
            endStream(s);
            break;
        case StreamStep::Then::Reset: {
            if (!s.buffered && !out.isEmpty()) {
                s.socket->write(out);
                s.socket->flush();
            }
            QTcpSocket* socket = s.socket;
            endStream(s);
            resetConnection(socket);
            break;
        }
        }
    }
    if (!q.due.empty()) {
        const qint64 dueUs = q.due.top().atUs;
        q.timer.start(int((std::max<qint64>(0, dueUs - q.nowUs()) + 999) / 1000));
        q.armedAtUs = dueUs;
    }
}

ServiceThread::~ServiceThread()
{
    stop();
}

quint16 ServiceThread::start(const std::function<HttpService*()>& make, quint16 port, QString* error)
{
    m_thread.setObjectName(QStringLiteral("stressdeck-service"));
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    quint16 bound = 0;
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            m_service = make();
            bound = m_service->listenOnLoopback(port, error);
        },
        Qt::BlockingQueuedConnection);
    if (bound == 0)
        stop();
    return bound;
}

void ServiceThread::run(const std::function<void(HttpService*)>& f)
{
    if (m_context && m_service)
        QMetaObject::invokeMethod(
            m_context, [&] { f(m_service); }, Qt::BlockingQueuedConnection);
}

void ServiceThread::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_service;
            m_service = nullptr;
            delete m_context;
            m_context = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace Stressdeck
