// SPDX-License-Identifier: MIT

#include "fastconnection.h"

#include "engineclock.h"
#include "openaistreamreader.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace Stressdeck {

namespace {

std::chrono::milliseconds remaining(FastConnection::Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - FastConnection::Clock::now());
    return std::max(left, std::chrono::milliseconds(0));
}

Outcome socketFailure(QAbstractSocket::SocketError error, const QString& text)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return { Outcome::ConnectionRefused, 0, {} };
    case QAbstractSocket::RemoteHostClosedError:
        return { Outcome::ConnectionReset, 0, {} };
    case QAbstractSocket::HostNotFoundError:
        return { Outcome::HostNotFound, 0, {} };
    case QAbstractSocket::SocketTimeoutError:
        return { Outcome::Timeout, 0, {} };
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return { Outcome::TlsError, 0, text };
    default:
        return { Outcome::Other, 0, text };
    }
}

} // namespace

FastConnection::FastConnection(const QString& host, quint16 port, bool tls, bool insecure, QObject* parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
    , m_tls(tls)
    , m_insecure(insecure)
{
    http_parser_settings_init(&m_settings);
    m_settings.on_header_field = &FastConnection::onHeaderField;
    m_settings.on_header_value = &FastConnection::onHeaderValue;
    m_settings.on_headers_complete = &FastConnection::onHeadersComplete;
    m_settings.on_body = &FastConnection::onBody;
    m_settings.on_message_complete = &FastConnection::onMessageComplete;
    m_wakeTimer = new QTimer(this);
    m_wakeTimer->setSingleShot(true);
    m_wakeTimer->setTimerType(Qt::PreciseTimer);
    connect(m_wakeTimer, &QTimer::timeout, this, &FastConnection::wake);
}

void FastConnection::Wait::await_suspend(std::coroutine_handle<> handle)
{
    self->m_waiter = handle;
    const auto wait = std::max(timeout, std::chrono::milliseconds(0));
    const auto due = Clock::now() + wait;
    // A timer already due no later than this wait is kept: at worst it wakes the waiter early.
    if (!self->m_wakeTimer->isActive() || self->m_wakeDue > due) {
        self->m_wakeTimer->start(wait);
        self->m_wakeDue = due;
    }
}

void FastConnection::wake()
{
    if (auto waiter = std::exchange(m_waiter, {}))
        waiter.resume();
}

void FastConnection::onReadyRead()
{
    m_readable = true;
    if (m_waiter) {
        wake();
        return;
    }
    if (!m_unbuffered || m_busy || !m_socket)
        return;
    // Nobody reads between requests: an unbuffered socket is read here, or Qt would switch its
    // notifier off and a close by the server would go unnoticed. The bytes wait for the next
    // request, as they would in Qt's buffer; a close leaves the socket unconnected.
    char buffer[4096];
    qint64 n = 0;
    while ((n = m_socket->read(buffer, sizeof buffer)) > 0)
        m_pending.append(buffer, qsizetype(n));
    m_readable = false;
}

bool FastConnection::readable() const
{
    return m_unbuffered ? m_readable : m_socket->bytesAvailable() > 0;
}

bool FastConnection::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

FastConnection::~FastConnection()
{
    delete m_socket;
}

void FastConnection::dropSocket()
{
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void FastConnection::abort()
{
    if (!m_busy)
        return;
    m_aborted = true;
    if (m_socket)
        m_socket->abort();
    wake();
}

QByteArray FastConnection::requestHead(
    const QByteArray& method, const QUrl& url, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QByteArray head = method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment)
        + " HTTP/1.1\r\nHost: " + url.host().toUtf8()
        + (url.port() > 0 ? ':' + QByteArray::number(url.port()) : QByteArray())
        + "\r\nUser-Agent: stressdeck/" STRESSDECK_VERSION "\r\nAccept: */*\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    return head;
}

QByteArray FastConnection::request(const QByteArray& head, const QByteArray& method, const QByteArray& body)
{
    if (!body.isEmpty())
        return head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return head
        + (method == "GET" || method == "HEAD" ? QByteArrayLiteral("\r\n")
                                               : QByteArrayLiteral("Content-Length: 0\r\n\r\n"));
}

int FastConnection::onHeaderField(http_parser* parser, const char* at, size_t length)
{
    if (parser->status_code < 300 || parser->status_code >= 400)
        return 0; // only a redirect's headers matter
    auto* self = static_cast<FastConnection*>(parser->data);
    if (self->m_inValue)
        self->endHeader();
    self->m_field.append(at, qsizetype(length));
    return 0;
}

int FastConnection::onHeaderValue(http_parser* parser, const char* at, size_t length)
{
    if (parser->status_code < 300 || parser->status_code >= 400)
        return 0;
    auto* self = static_cast<FastConnection*>(parser->data);
    self->m_inValue = true;
    self->m_value.append(at, qsizetype(length));
    return 0;
}

void FastConnection::endHeader()
{
    if (m_field.compare("location", Qt::CaseInsensitive) == 0)
        m_location = m_value.trimmed();
    m_field.resize(0);
    m_value.resize(0);
    m_inValue = false;
}

int FastConnection::onHeadersComplete(http_parser* parser)
{
    static_cast<FastConnection*>(parser->data)->endHeader();
    // A HEAD response announces a body it never sends.
    return static_cast<FastConnection*>(parser->data)->m_head ? 1 : 0;
}

int FastConnection::onBody(http_parser* parser, const char* at, size_t length)
{
    auto* self = static_cast<FastConnection*>(parser->data);
    self->m_bodyBytes += qint64(length);
    if (self->m_stream)
        self->m_streamBytes.append(at, qsizetype(length));
    if (self->m_bodyBytes > self->m_maxBody) {
        self->m_tooLarge = true;
        return 1;
    }
    return 0;
}

int FastConnection::onMessageComplete(http_parser* parser)
{
    static_cast<FastConnection*>(parser->data)->m_complete = true;
    return 0;
}

QCoro::Task<std::optional<Outcome>> FastConnection::connectIfNeeded(Clock::time_point deadline)
{
    if (isConnected())
        co_return std::nullopt;
    dropSocket();
    m_pending.clear();
    m_readable = false;
    m_unbuffered = !m_tls;
    QSslSocket* ssl = nullptr;
    if (m_tls) {
        ssl = new QSslSocket(this);
        if (m_insecure)
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket = ssl;
        connect(ssl, &QSslSocket::encrypted, this, &FastConnection::wake);
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &FastConnection::wake);
    }
    // Whichever comes first ends the wait: ready, an error (refused, reset, unreachable), the
    // connection closing, or abort(). QCoro's waitForConnected() only ends on `connected` or
    // its timeout, so a refused connect would sit out the whole request timeout.
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &FastConnection::wake);
    connect(m_socket, &QAbstractSocket::disconnected, this, &FastConnection::wake);
    auto ready
        = [this, ssl] { return ssl ? ssl->isEncrypted() : m_socket->state() == QAbstractSocket::ConnectedState; };
    if (ssl)
        ssl->connectToHostEncrypted(m_host, m_port);
    else
        m_socket->connectToHost(m_host, m_port, QIODevice::ReadWrite | QIODevice::Unbuffered);
    m_connecting = true;
    while (!m_aborted && !ready() && m_socket->error() == QAbstractSocket::UnknownSocketError
        && m_socket->state() != QAbstractSocket::UnconnectedState && remaining(deadline).count() > 0)
        co_await news(remaining(deadline));
    m_connecting = false;
    if (m_aborted) {
        dropSocket();
        co_return Outcome { Outcome::Stuck, 0, {} };
    }
    if (!ready()) {
        const Outcome failure = m_socket->error() == QAbstractSocket::UnknownSocketError
            ? Outcome { Outcome::Timeout, 0, {} }
            : socketFailure(m_socket->error(), m_socket->errorString());
        dropSocket();
        co_return failure;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // One wake-up signal for data, a closed connection and errors alike: waiting for readyRead
    // alone would sleep through a reset until the timeout.
    disconnect(m_socket, nullptr, this, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &FastConnection::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &FastConnection::wake);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &FastConnection::wake);
    co_return std::nullopt;
}

QCoro::Task<Outcome> FastConnection::send(QByteArray request, bool head, Clock::time_point deadline,
    qint64 maxBodyBytes, QList<int> acceptedStatus, OpenAiStreamReader* stream)
{
    m_busy = true;
    m_aborted = false;
    struct Idle {
        bool& busy;
        ~Idle() { busy = false; }
    } idle { m_busy };

    // Connected already, as nearly always: no coroutine frame for the check.
    if (!isConnected()) {
        if (const auto failure = co_await connectIfNeeded(deadline))
            co_return *failure;
    }

    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_head = head;
    m_complete = m_tooLarge = false;
    m_location.clear();
    m_field.resize(0);
    m_value.resize(0);
    m_inValue = false;
    m_bodyBytes = 0;
    m_maxBody = maxBodyBytes;
    m_stream = stream;
    m_streamBytes.resize(0);
    struct Unhook {
        OpenAiStreamReader*& stream;
        ~Unhook() { stream = nullptr; }
    } unhook { m_stream };
    m_socket->write(request);

    // What a read of the response hands the parser (and the stream reader); an outcome ends it.
    auto parse = [this](const char* data, qint64 n) -> std::optional<Outcome> {
        http_parser_execute(&m_parser, &m_settings, data, size_t(n));
        if (m_stream && !m_streamBytes.isEmpty()) {
            m_stream->feed(m_streamBytes, nanos(EngineClock::now().time_since_epoch()));
            m_streamBytes.resize(0);
        }
        if (m_tooLarge) {
            dropSocket();
            return Outcome { Outcome::BodyTooLarge, 0, {} };
        }
        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        if (error != HPE_OK && !m_complete) {
            const QString what = QString::fromLatin1(http_errno_description(error));
            dropSocket();
            return Outcome { Outcome::ProtocolError, 0, what };
        }
        return std::nullopt;
    };
    if (!m_pending.isEmpty()) {
        const QByteArray early = std::exchange(m_pending, {});
        if (const auto failure = parse(early.constData(), early.size()))
            co_return *failure;
    }

    char buffer[65536];
    while (!m_complete) {
        while (m_socket && !readable()) {
            if (m_aborted) {
                dropSocket();
                co_return Outcome { Outcome::Stuck, 0, {} };
            }
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                // The server closed: that ends a body without a length, and nothing else.
                http_parser_execute(&m_parser, &m_settings, nullptr, 0);
                dropSocket();
                if (m_complete)
                    break;
                co_return Outcome { Outcome::ConnectionReset, 0, {} };
            }
            if (remaining(deadline).count() <= 0) {
                dropSocket();
                co_return Outcome { Outcome::Timeout, 0, {} };
            }
            co_await news(remaining(deadline));
        }
        if (m_complete || !m_socket)
            break;
        const qint64 n = m_socket->read(buffer, sizeof buffer);
        // A short read took all there was; the socket signals again when more arrives.
        m_readable = n == qint64(sizeof buffer);
        if (n <= 0)
            continue;
        if (const auto failure = parse(buffer, n))
            co_return *failure;
    }
    const int status = int(m_parser.status_code);
    if (!http_should_keep_alive(&m_parser))
        dropSocket();
    if (acceptedStatus.contains(status))
        co_return Outcome { Outcome::Success, status, {} };
    co_return Outcome { Outcome::HttpStatus, status, {} };
}

} // namespace Stressdeck
