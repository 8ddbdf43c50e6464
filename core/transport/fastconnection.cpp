// SPDX-License-Identifier: MIT

#include "fastconnection.h"

#include "engineclock.h"
#include "openaistreamreader.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <array>
#include <string_view>

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

namespace {

// Byte classes of a plain response head: 1 a token character (header names), 2 printable ASCII or
// space (values, the reason phrase); a token character is both. No tab: http-parser treats a tab
// differently in different headers (a trailing one ends a Content-Length with an error).
constexpr std::array<unsigned char, 256> plainClasses()
{
    std::array<unsigned char, 256> classes {};
    for (int c = 0x20; c < 0x7f; ++c)
        classes[size_t(c)] = 2;
    for (const char c :
        std::string_view("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        classes[static_cast<unsigned char>(c)] |= 1;
    return classes;
}
constexpr auto PlainClasses = plainClasses();

bool isTokenChar(char c)
{
    return PlainClasses[static_cast<unsigned char>(c)] & 1;
}

bool isPlainValueChar(char c)
{
    return PlainClasses[static_cast<unsigned char>(c)] & 2;
}

bool equalsLower(const char* data, qsizetype size, std::string_view lower)
{
    if (size_t(size) != lower.size())
        return false;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if ((c >= 'A' && c <= 'Z' ? char(c + 32) : char(c)) != lower[size_t(i)])
            return false;
    }
    return true;
}

} // namespace

bool FastConnection::scanPlainResponse(const char* data, qint64 size, PlainResponse* out)
{
    static constexpr std::string_view Version = "HTTP/1.1 ";
    if (size < qint64(Version.size()) + 5 || std::string_view(data, Version.size()) != Version)
        return false;
    const char* p = data + Version.size();
    const char* const end = data + size;
    if (!(p[0] >= '1' && p[0] <= '5' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] == ' '))
        return false;
    const int status = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    if (!((status >= 200 && status <= 299 && status != 204) || (status >= 400 && status <= 599)))
        return false;
    p += 4;
    while (p < end && *p != '\r') { // the reason phrase
        if (!isPlainValueChar(*p))
            return false;
        ++p;
    }
    qint64 length = -1;
    bool keepAlive = true;
    bool sawConnection = false;
    for (;;) {
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return false;
        p += 2;
        if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
            p += 2;
            break; // the end of the head
        }
        const char* name = p;
        while (p < end && isTokenChar(*p))
            ++p;
        if (p == name || p == end || *p != ':')
            return false;
        const qsizetype nameSize = p - name;
        ++p;
        while (p < end && *p == ' ')
            ++p;
        const char* value = p;
        while (p < end && *p != '\r') {
            if (!isPlainValueChar(*p))
                return false;
            ++p;
        }
        const char* valueEnd = p;
        while (valueEnd > value && valueEnd[-1] == ' ')
            --valueEnd;
        const qsizetype valueSize = valueEnd - value;
        if (equalsLower(name, nameSize, "content-length")) {
            if (length >= 0 || valueSize == 0 || valueSize > 15)
                return false;
            length = 0;
            for (const char* d = value; d < valueEnd; ++d) {
                if (*d < '0' || *d > '9')
                    return false;
                length = length * 10 + (*d - '0');
            }
        } else if (equalsLower(name, nameSize, "connection")) {
            if (sawConnection)
                return false;
            sawConnection = true;
            if (equalsLower(value, valueSize, "close"))
                keepAlive = false;
            else if (!equalsLower(value, valueSize, "keep-alive"))
                return false;
        } else if (equalsLower(name, nameSize, "transfer-encoding") || equalsLower(name, nameSize, "proxy-connection")
            || equalsLower(name, nameSize, "upgrade")) {
            return false;
        }
    }
    if (length < 0 || end - p != length)
        return false;
    *out = { status, keepAlive, length };
    return true;
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
    // A response that came whole in the first read is usually plain enough to scan directly.
    bool fresh = !m_stream && !m_head;
    PlainResponse plain;
    auto parse = [this, &fresh, &plain](const char* data, qint64 n) -> std::optional<Outcome> {
        if (std::exchange(fresh, false) && scanPlainResponse(data, n, &plain) && plain.bodyBytes <= m_maxBody) {
            m_complete = true;
            return std::nullopt;
        }
        plain.status = 0;
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

    // One buffer per thread rather than 64 KiB in every request's coroutine frame: each read is
    // parsed before the coroutine suspends again.
    static thread_local char buffer[65536];
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
    const int status = plain.status ? plain.status : int(m_parser.status_code);
    if (plain.status ? !plain.keepAlive : !http_should_keep_alive(&m_parser))
        dropSocket();
    if (acceptedStatus.contains(status))
        co_return Outcome { Outcome::Success, status, {} };
    co_return Outcome { Outcome::HttpStatus, status, {} };
}

} // namespace Stressdeck
