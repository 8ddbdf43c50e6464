// SPDX-License-Identifier: MIT

#include "fasttransport.h"

#include "fastconnection.h"
#include "openaistreamreader.h"
#include "redirectpolicy.h"

namespace Stressdeck {

FastTransport::FastTransport(const TransportSettings& settings, QObject* parent)
    : RequestTransport(parent)
    , m_settings(settings)
{
}

FastConnection* FastTransport::connectionTo(const QUrl& url, QObject* parent) const
{
    const bool tls = url.scheme() == QLatin1String("https");
    return new FastConnection(url.host(), quint16(url.port(tls ? 443 : 80)), tls, m_settings.insecure, parent);
}

const QByteArray& FastTransport::bodiless(const PreparedRequest& prepared)
{
    auto it = m_bodiless.find(&prepared);
    if (it == m_bodiless.end())
        it = m_bodiless.insert(&prepared, FastConnection::request(prepared.head, prepared.type.method, {}));
    return *it;
}

void FastTransport::drain()
{
    const QList<FastConnection*> connections = m_inFlight.keys(true);
    for (FastConnection* connection : connections) {
        if (connection->isConnecting()) {
            // Before abort(): the user resumes inside it.
            m_abandoned.insert(connection);
            connection->abort();
        }
    }
}

void FastTransport::abortAll()
{
    const QList<FastConnection*> connections = m_inFlight.keys();
    for (FastConnection* connection : connections)
        connection->abort();
}

QCoro::Task<Exchange> FastTransport::sendOnce(std::size_t userSlot, const PreparedRequest& prepared, QByteArray body)
{
    const RequestType& type = prepared.type;
    if (m_connections.size() <= userSlot)
        m_connections.resize(userSlot + 1, nullptr);
    const QUrl& base = prepared.url;
    // By index, never by reference: other users may grow the vector while this one waits.
    if (!m_connections[userSlot])
        m_connections[userSlot] = connectionTo(base, this);
    QByteArray method = type.method;
    const auto deadline = EngineClock::now() + m_settings.timeout;

    FastConnection* used = m_connections[userSlot];
    m_inFlight.insert(used, true);
    Exchange exchange;
    // A streaming type's body goes through the reader read by read; nothing else of it is kept.
    std::optional<OpenAiStreamReader> stream;
    if (type.isStreaming()) {
        stream.emplace();
        exchange.sentAt = EngineClock::now();
    }
    OpenAiStreamReader* reader = stream ? &*stream : nullptr;
    // Not a conditional inside the co_await: GCC 12 mishandles such a temporary's lifetime there.
    QByteArray wire;
    if (body.isEmpty())
        wire = bodiless(prepared);
    else
        wire = FastConnection::request(prepared.head, method, body);
    exchange.outcome = co_await used->send(
        std::move(wire), method == "HEAD", deadline, m_settings.maxBodyBytes, type.acceptedStatus, reader);
    if (m_abandoned.remove(used)) {
        // The run stopped before the request had a connection: it was never sent.
        m_inFlight.remove(used);
        exchange.sent = false;
        exchange.done = EngineClock::now();
        co_return exchange;
    }

    // Redirects end as with QNAM's policy; another host gets a connection of its own.
    std::unique_ptr<FastConnection> elsewhere;
    QUrl url = prepared.url;
    int redirects = 0;
    Outcome& outcome = exchange.outcome;
    while (type.followRedirects && (outcome.kind == Outcome::HttpStatus || outcome.kind == Outcome::Success)
        && RedirectPolicy::isRedirect(outcome.httpStatus) && !used->location().isEmpty()) {
        const auto hop = RedirectPolicy::next(url, outcome.httpStatus, used->location(), method, redirects++);
        if (!hop) {
            outcome = { Outcome::TooManyRedirects, 0, {} };
            break;
        }
        url = hop->url;
        method = hop->method;
        if (hop->dropBody)
            body.clear();
        m_inFlight.remove(used);
        if (RedirectPolicy::sameOrigin(url, base)) {
            used = m_connections[userSlot];
        } else {
            elsewhere.reset(connectionTo(url, nullptr));
            used = elsewhere.get();
        }
        m_inFlight.insert(used, false);
        if (stream) {
            // Only the last hop's body is the stream.
            stream.emplace();
            reader = &*stream;
        }
        outcome = co_await used->send(
            FastConnection::request(FastConnection::requestHead(method, url, type.headers), method, body),
            method == "HEAD", deadline, m_settings.maxBodyBytes, type.acceptedStatus, reader);
    }
    m_inFlight.remove(used);
    exchange.done = EngineClock::now();
    if (stream) {
        exchange.stream = stream->finish(nanos(exchange.done.time_since_epoch()));
        exchange.applyStreamOutcome();
    }
    co_return exchange;
}

} // namespace Stressdeck
