#pragma once

#include "httpservice.h"

#include <atomic>

namespace Stressdeck::Testing {

//! A loopback server with controllable behaviour, for engine tests:
//!   /health            200
//!   /delay/<ms>        200 after <ms>
//!   /status/<code>     that status at once
//!   /status/<code>/<ms> that status after <ms>
//!   /hang              never answers
//!   /reset             resets the connection
//!   /mix               every 10th request after 200 ms, the others after 10 ms
//!   /redirect          307 to /delay/0
class TestServer : public HttpService {
    Q_OBJECT
public:
    using HttpService::HttpService;

    std::atomic<int> pending { 0 };
    std::atomic<int> maxPending { 0 };
    std::atomic<qint64> received { 0 };

protected:
    void handle(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void answerLater(const QHttpServerRequest& request, QTcpSocket* socket, const Response& response, int ms);
    qint64 m_mixCounter = 0;
};

//! Starts a TestServer on its own thread; stops it on destruction.
class TestServerThread {
public:
    enum class Tls { Off, SelfSigned };
    explicit TestServerThread(Tls tls = Tls::Off);
    quint16 port() const { return m_port; }
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(m_port);
    }
    TestServer* server() const { return static_cast<TestServer*>(m_thread.service()); }

private:
    ServiceThread m_thread;
    quint16 m_port = 0;
    bool m_tls = false;
};

} // namespace Stressdeck::Testing
