// SPDX-License-Identifier: MIT

#pragma once

#include "outcome.h"

#include <QByteArray>
#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <coroutine>
#include <memory>

#include <http_parser.h>

class QTcpSocket;
class QTimer;

namespace Stressdeck {

class OpenAiStreamReader;

//! One keep-alive HTTP/1.1 connection of the `fast` transport: a QTcpSocket (or QSslSocket)
//! driven by QCoro, with responses parsed by http-parser (Debian's libhttp-parser). One request
//! at a time; the connection is opened on first use, reused while the server keeps it alive,
//! and reopened after an error. Outcomes are the same classes as the QNAM transport's.
class FastConnection : public QObject {
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;

    FastConnection(const QString& host, quint16 port, bool tls, bool insecure, QObject* parent = nullptr);
    ~FastConnection() override;

    //! Sends `request` (a complete HTTP/1.1 request) and reads the answer until `deadline`. With a
    //! `stream` reader the body goes to it, once per socket read with that read's time (the body
    //! bytes of one read together, however many chunks they were framed in), and is not kept.
    QCoro::Task<Outcome> send(QByteArray request, bool head, Clock::time_point deadline, qint64 maxBodyBytes,
        QList<int> acceptedStatus, OpenAiStreamReader* stream = nullptr);
    //! Cuts off the request in progress, a connect too; it ends as `Stuck`.
    void abort();
    //! True while the request waits for its connection: nothing of it has been sent yet.
    bool isConnecting() const { return m_connecting; }
    //! The Location header of the last response, when it was a redirect (3xx).
    QByteArray location() const { return m_location; }

    //! The request line and headers (up to, not including, the body's framing) for `url`.
    static QByteArray requestHead(
        const QByteArray& method, const QUrl& url, const QList<QPair<QByteArray, QByteArray>>& headers);
    //! A complete request: `head` plus the body and its length.
    static QByteArray request(const QByteArray& head, const QByteArray& method, const QByteArray& body);

    //! What scanPlainResponse() read from a response.
    struct PlainResponse {
        int status = 0;
        bool keepAlive = true;
        qint64 bodyBytes = 0;
    };
    //! The common case read without http-parser: `data` is exactly one complete HTTP/1.1 response
    //! with a status of 200–299 but 204, or 400–599, one Content-Length, no Transfer-Encoding, at
    //! most one Connection header of "keep-alive" or "close", and nothing but printable ASCII in
    //! its head. Anything else (a redirect, chunks, a partial or longer read, an unusual byte)
    //! returns false and goes to http-parser, so both read every accepted response the same way.
    static bool scanPlainResponse(const char* data, qint64 size, PlainResponse* out);

private:
    //! Suspends the calling coroutine until the socket has news (connected, data, closed,
    //! error, TLS ready), abort() is called or `timeout` passes. One waiter at a time; resumed
    //! exactly once. (QCoro 0.8's signal awaiter is not safe for signals that fire twice in a row.)
    struct Wait {
        FastConnection* self;
        std::chrono::milliseconds timeout;
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> handle);
        void await_resume() const noexcept { }
    };
    Wait news(std::chrono::milliseconds timeout) { return { this, timeout }; }
    void wake();
    void onReadyRead();
    //! True when a read may return data: Qt's buffer holds some (TLS), or the socket signalled
    //! news since the last read came back short (plain TCP, unbuffered).
    bool readable() const;
    bool isConnected() const;

    QCoro::Task<std::optional<Outcome>> connectIfNeeded(Clock::time_point deadline);
    void dropSocket();
    static int onHeaderField(http_parser* parser, const char* at, size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, size_t length);
    void endHeader();
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, size_t length);
    static int onMessageComplete(http_parser* parser);

    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    bool m_insecure = false;
    QPointer<QTcpSocket> m_socket;
    std::coroutine_handle<> m_waiter;
    QTimer* m_wakeTimer = nullptr;
    //! When m_wakeTimer fires. It is left running between waits (a restart per request costs more
    //! than the occasional early wake-up, after which the waiter simply waits again).
    Clock::time_point m_wakeDue {};
    //! Plain TCP sockets are opened unbuffered: a request goes straight to the socket (no write
    //! notifier to switch on and off, each switch an eventfd write in Qt's glib event loop) and a
    //! read goes straight into the parser's buffer.
    bool m_unbuffered = false;
    bool m_readable = false;
    QByteArray m_pending; //!< bytes an unbuffered socket delivered between requests, for the next one
    http_parser m_parser {};
    http_parser_settings m_settings {};
    bool m_busy = false;
    bool m_aborted = false;
    bool m_connecting = false;
    bool m_head = false;
    bool m_complete = false;
    bool m_tooLarge = false;
    qint64 m_bodyBytes = 0;
    // Headers are only looked at in redirects, for Location.
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    QByteArray m_location;
    qint64 m_maxBody = 0;
    OpenAiStreamReader* m_stream = nullptr;
    QByteArray m_streamBytes; //!< the body bytes of the current read, for m_stream
};

} // namespace Stressdeck
