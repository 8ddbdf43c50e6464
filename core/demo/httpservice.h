// SPDX-License-Identifier: MIT

#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHttpServerResponder>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace Stressdeck {

//! A loopback HTTP/1.1 server on QAbstractHttpServer that can answer later without blocking
//! other connections. A delayed answer is scheduled with the socket as timer context, so a
//! client that disconnects first simply cancels it (QtHttpServer 6.4's responder routes crash
//! in that case). Subclasses do their own routing in `handle`; `startStream` sends a chunked
//! response (server-sent events) piece by piece, every stream of the service paced by one timer.
class HttpService : public QAbstractHttpServer {
    Q_OBJECT
public:
    struct Response {
        int status = 200;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    //! An answer to give later; sending is a no-op once the client has gone away.
    class PendingResponse {
    public:
        void send(const Response& response) const;
        bool isConnected() const;

    private:
        friend class HttpService;
        std::shared_ptr<QHttpServerResponder> m_responder;
        QPointer<QTcpSocket> m_socket;
    };

    //! What a stream's producer hands back each time it is due.
    struct StreamStep {
        enum class Then { Continue, Finish, Reset };
        QByteArray data; //!< written as one chunk (nothing when empty)
        Then then = Then::Continue;
        double nextMs = 0; //!< with Continue: when to ask again, counted from this step's due time
    };
    //! Called on the service's thread whenever the stream is due; returns the next piece.
    using StreamProducer = std::function<StreamStep()>;
    //! How a streaming response starts: always 200 with `Transfer-Encoding: chunked`.
    struct StreamHead {
        QByteArray contentType = QByteArrayLiteral("text/event-stream");
        QList<QPair<QByteArray, QByteArray>> headers; //!< besides Content-Type and Cache-Control
        bool buffered = false; //!< hold everything back and write the whole response at its end
    };

    explicit HttpService(QObject* parent = nullptr);
    ~HttpService() override;

    //! Listen on IPv6 loopback (::1) instead of 127.0.0.1 from the next listenOnLoopback() on.
    void setIpv6(bool ipv6) { m_ipv6 = ipv6; }
    //! Serve HTTPS with this certificate and key from the next listenOnLoopback() on.
    void setTls(const QSslConfiguration& configuration);
    //! Listens on 127.0.0.1 with a deep backlog; returns the port or 0 with a message.
    quint16 listenOnLoopback(quint16 port, QString* error);
    quint16 port() const { return m_port; }
    //! TCP connections accepted so far (keep-alive reuse shows as few connections, many requests).
    qint64 connectionsAccepted() const { return m_connections.load(); }

    static Response json(int status, const QByteArray& body);
    static Response detail(int status, const QString& message);

protected:
    virtual void handle(const QHttpServerRequest& request, QTcpSocket* socket) = 0;

    PendingResponse defer(const QHttpServerRequest& request, QTcpSocket* socket);
    void respond(const QHttpServerRequest& request, QTcpSocket* socket, const Response& response,
        std::chrono::milliseconds delay = std::chrono::milliseconds(0));
    //! Closes the connection with a TCP RST (SO_LINGER 0).
    static void resetConnection(QTcpSocket* socket);

    //! Starts a chunked 200 response on `socket` and asks `producer` for its first piece after
    //! `firstMs`. One timer per service drives every stream from a queue ordered by due time, so a
    //! thousand streams cost no more timers than one. When the client leaves before the end,
    //! `onGone` runs once and the producer is dropped; after a Finish or Reset neither happens and
    //! the connection stays open for keep-alive (Finish) or is gone (Reset).
    void startStream(QTcpSocket* socket, const StreamHead& head, double firstMs, StreamProducer producer,
        std::function<void()> onGone = {});
    //! Streams started and not yet finished or abandoned.
    int activeStreams() const;

private:
    struct Stream;
    struct StreamQueue;
    void pumpStreams();
    void scheduleStream(const std::shared_ptr<Stream>& stream, qint64 dueUs);
    void endStream(Stream& stream);

    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) final;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) final;

    quint16 m_port = 0;
    std::optional<QSslConfiguration> m_tls;
    bool m_ipv6 = false;
    std::atomic<qint64> m_connections { 0 };
    std::unique_ptr<StreamQueue> m_streams;
};

//! Runs one HttpService on a thread of its own, so that serving never competes with the
//! caller's event loop (the engine's, or a test's).
class ServiceThread {
public:
    ServiceThread() = default;
    ~ServiceThread();
    ServiceThread(const ServiceThread&) = delete;
    ServiceThread& operator=(const ServiceThread&) = delete;

    //! Creates the service with `make` on the new thread and starts listening.
    quint16 start(const std::function<HttpService*()>& make, quint16 port, QString* error);
    void stop();
    HttpService* service() const { return m_service; }
    //! Runs `f` on the service's thread and waits for it.
    void run(const std::function<void(HttpService*)>& f);

private:
    QThread m_thread;
    QObject* m_context = nullptr;
    HttpService* m_service = nullptr;
};

} // namespace Stressdeck
