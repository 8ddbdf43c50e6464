// SPDX-License-Identifier: MIT

#include "qnamtransport.h"

#include "openaistreamreader.h"

#include <QCoro/QCoroNetworkReply>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

namespace Stressdeck {

QnamTransport::QnamTransport(const TransportSettings& settings, QObject* parent)
    : RequestTransport(parent)
    , m_settings(settings)
{
}

QNetworkAccessManager* QnamTransport::newManager(QObject* parent)
{
    auto* nam = new QNetworkAccessManager(parent);
    // Never route a stress test through a proxy from the environment by accident.
    nam->setProxy(QNetworkProxy::NoProxy);
    nam->setCookieJar(nullptr);
    return nam;
}

QNetworkRequest QnamTransport::request(const QUrl& url, bool insecure)
{
    QNetworkRequest request(url);
    if (insecure && url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    return request;
}

QNetworkAccessManager* QnamTransport::managerFor(std::size_t userSlot)
{
    const std::size_t index
        = userSlot < SoloManagers ? userSlot : SoloManagers + (userSlot - SoloManagers) / UsersPerManager;
    while (m_managers.size() <= index)
        m_managers.push_back(newManager(this));
    return m_managers[index];
}

void QnamTransport::abortAll()
{
    const QList<QNetworkReply*> replies = m_inFlight.values();
    for (QNetworkReply* reply : replies)
        m_stuck.insert(reply);
    for (QNetworkReply* reply : replies)
        reply->abort();
}

QCoro::Task<Exchange> QnamTransport::sendOnce(std::size_t userSlot, const PreparedRequest& prepared, QByteArray body)
{
    const RequestType& type = prepared.type;
    QNetworkRequest request = QnamTransport::request(prepared.url, m_settings.insecure);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        type.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy : QNetworkRequest::ManualRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    for (const auto& [name, value] : type.headers)
        request.setRawHeader(name, value);

    QNetworkAccessManager* nam = managerFor(userSlot);
    const auto sentAt = type.isStreaming() ? EngineClock::now() : EngineClock::time_point {};
    QNetworkReply* reply = nullptr;
    if (type.method == "GET" && body.isEmpty())
        reply = nam->get(request);
    else if (type.method == "HEAD")
        reply = nam->head(request);
    else
        reply = nam->sendCustomRequest(request, type.method, body);
    m_inFlight.insert(reply);

    // Past the cap the request is cut off.
    bool tooLarge = false;
    qint64 bodyBytes = 0;
    reply->setReadBufferSize(256 * 1024);
    const qint64 cap = m_settings.maxBodyBytes;
    // A streaming type's body goes through the reader read by read; nothing else of it is kept.
    std::optional<OpenAiStreamReader> stream;
    if (type.isStreaming())
        stream.emplace();
    OpenAiStreamReader* reader = stream ? &*stream : nullptr;
    // The captured locals live in this coroutine's frame until the reply has finished, and the
    // connection is cut (disconnect below) before the frame goes.
    auto readBody = [reply, &bodyBytes, &tooLarge, cap, reader] {
        char sink[16384];
        qint64 n = 0;
        const std::int64_t readNs = reader ? streamNow() : 0;
        while ((n = reply->read(sink, sizeof sink)) > 0) {
            bodyBytes += n;
            if (reader)
                reader->feed(QByteArrayView(sink, n), readNs);
        }
        if (bodyBytes > cap && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QIODevice::readyRead, reply, readBody); // clazy:exclude=lambda-in-connect

    // A precise timer of our own: QCoro's coarse one may fire up to 5 % early.
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    timeout.setTimerType(Qt::PreciseTimer);
    connect(&timeout, &QTimer::timeout, reply, [&timedOut, reply] {
        timedOut = true;
        reply->abort();
    });
    timeout.start(m_settings.timeout);
    co_await qCoro(reply).waitForFinished();
    timeout.stop();
    if (reader && reply->isOpen())
        readBody(); // what arrived with the end
    Exchange exchange;
    exchange.done = EngineClock::now();
    m_inFlight.remove(reply);

    if (m_stuck.remove(reply))
        exchange.outcome = { Outcome::Stuck, 0, {} };
    else if (timedOut)
        exchange.outcome = { Outcome::Timeout, 0, {} };
    else if (tooLarge)
        exchange.outcome = { Outcome::BodyTooLarge, 0, {} };
    else
        exchange.outcome = Outcome::fromReply(reply, type.acceptedStatus);
    if (reader) {
        exchange.stream = stream->finish(nanos(exchange.done.time_since_epoch()));
        exchange.sentAt = sentAt;
        exchange.applyStreamOutcome();
    }
    disconnect(reply, &QIODevice::readyRead, reply, nullptr);
    reply->deleteLater();
    co_return exchange;
}

} // namespace Stressdeck
