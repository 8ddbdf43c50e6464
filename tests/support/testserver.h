// SPDX-License-Identifier: MIT

#pragma once

#include "httpservice.h"

#include <QMutex>

#include <atomic>
#include <deque>
#include <map>
#include <random>
#include <utility>

namespace Stressdeck::Testing {

//! A loopback server with controllable behaviour, for engine tests:
//!   /health            200
//!   /delay/<ms>        200 after <ms>
//!   /status/<code>     that status at once
//!   /status/<code>/<ms> that status after <ms>
//!   /hang              never answers
//!   /reset             resets the connection
//!   /jitter/<ms>       200 after about <ms> (lognormal, σ 0.3)
//!   /mix               every 10th request after 200 ms, the others after 10 ms
//!   /redirect          307 to /delay/0
//!   /loop              307 to itself
//!   /malformed         a broken status line
//!   /premature         200 with Content-Length 100, 5 bytes, then close
//!   /resetmid          200 with Content-Length 100, 4 bytes, then a reset
//!   /trickle/<n>       n body bytes, one per second
//!   /huge/<mb>         a body of <mb> MB
//!   /slots/<n>/<ms>    200 after <ms> of service in one of <n> slots, waiting first in a FIFO queue
//!                      while all are busy: capacity n ÷ (ms / 1000) req/s, beyond it the queue
//!                      grows without bound. Each (n, ms) pair is a service of its own. These
//!                      requests are counted in the slot counters below, not in `pending`.
//!   /stream?…          an OpenAI-style chat stream (text/event-stream, chunked), from these query
//!                      parameters (defaults in brackets), times in ms:
//!                        first [100]     first content event after this
//!                        interval [20]   between content events
//!                        tokens [10]     content tokens in all ("tok " each)
//!                        per_event [1]   tokens per content event
//!                        role_delay [0]  the role-only event this long before the first content
//!                                        (-1: none; 0: in the same write)
//!                        usage [1]       a usage event (choices [], usage {…}) after the last content
//!                        done [1]        data: [DONE] at the end (0: the body just ends)
//!                        error_at [-1]   content event k (from 0) is data: {"error": …}, then the end
//!                        reset_at [-1]   a TCP reset after k content events
//!                        buffered [0]    the whole response in one write at its end
//!                        event [""]      an event: line with this name before every data line
//!                        keepalive [0]   a ": keep-alive" comment before every content event
//!                        crlf [0]        CRLF line ends instead of LF
//!                        reject_stream_options [0]  a 400 with a JSON error naming stream_options
//!                                        when the request body contains them (vLLM before 0.5.4)
//!                      `streaming` counts the streams in progress.
class TestServer : public HttpService {
    Q_OBJECT
public:
    using HttpService::HttpService;

    std::atomic<int> pending { 0 };
    std::atomic<int> maxPending { 0 };
    std::atomic<qint64> received { 0 };
    std::atomic<int> slotsBusy { 0 }; //!< /slots requests in service, over all (n, ms) services
    std::atomic<int> slotsWaiting { 0 }; //!< /slots requests queued for a slot
    std::atomic<qint64> slotsServed { 0 };
    std::atomic<int> streaming { 0 }; //!< /stream responses not yet ended or abandoned
    std::atomic<int> streamOptionsRejected { 0 }; //!< /stream requests answered 400 (reject_stream_options)
    std::atomic<int> streamsStarted { 0 }; //!< /stream responses begun
    //! The body of the last /stream request.
    QByteArray lastStreamBody() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_lastStreamBody;
    }
    QByteArray lastAuthorization() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_lastAuthorization;
    }

protected:
    void handle(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void answerLater(const QHttpServerRequest& request, QTcpSocket* socket, const Response& response, int ms);
    struct SlotService {
        int busy = 0;
        std::deque<PendingResponse> waiting;
    };
    using SlotKey = std::pair<int, int>; // slots, service time in ms
    void serveStream(const QHttpServerRequest& request, QTcpSocket* socket);
    void serveInSlot(const SlotKey& key, const PendingResponse& pending);
    void startService(const SlotKey& key, const PendingResponse& pending);
    std::map<SlotKey, SlotService> m_slotServices; // only touched on the server's thread
    qint64 m_mixCounter = 0;
    std::mt19937 m_jitter { 42 };
    mutable QMutex m_mutex;
    QByteArray m_lastAuthorization;
    QByteArray m_lastStreamBody;
};

//! Starts a TestServer on its own thread; stops it on destruction.
class TestServerThread {
public:
    enum class Tls { Off, SelfSigned };
    struct Options {
        Tls tls = Tls::Off;
        bool ipv6 = false;
        quint16 port = 0;
    };
    explicit TestServerThread(Tls tls = Tls::Off);
    explicit TestServerThread(const Options& options);
    //! Stops serving (connections are refused) and starts again on the same port.
    void stop();
    void restart();
    quint16 port() const { return m_port; }
    QString url() const
    {
        return QStringLiteral("%1://%2:%3")
            .arg(m_options.tls == Tls::SelfSigned ? QStringLiteral("https") : QStringLiteral("http"),
                m_options.ipv6 ? QStringLiteral("[::1]") : QStringLiteral("127.0.0.1"))
            .arg(m_port);
    }
    TestServer* server() const { return static_cast<TestServer*>(m_thread.service()); }

private:
    void start();

    ServiceThread m_thread;
    Options m_options;
    quint16 m_port = 0;
};

} // namespace Stressdeck::Testing
