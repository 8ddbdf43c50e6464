// SPDX-License-Identifier: MIT

#include "httpservice.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace Stressdeck {

HttpService::HttpService(QObject* parent)
    : QAbstractHttpServer(parent)
{
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
