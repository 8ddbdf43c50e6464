// SPDX-License-Identifier: MIT

#include "qnamtransport.h"

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

QCoro::Task<Exchange> QnamTransport::send(std::size_t userSlot, const PreparedRequest& prepared, QByteArray body)
{
    const RequestType& type = prepared.type;
    QNetworkRequest request = QnamTransport::request(prepared.url, m_settings.insecure);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        type.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy : QNetworkRequest::ManualRedirectPolicy);
    request.setMaximumRedirectsAllowed(10);
    for (const auto& [name, value] : type.headers)
        request.setRawHeader(name, value);

    QNetworkAccessManager* nam = managerFor(userSlot);
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
    // The captured locals live in this coroutine's frame until the reply has finished, and the
    // connection is cut (disconnect below) before the frame goes.
    connect(
        reply, &QIODevice::readyRead, reply, [reply, &bodyBytes, &tooLarge, cap] { // clazy:exclude=lambda-in-connect
            char sink[16384];
            qint64 n = 0;
            while ((n = reply->read(sink, sizeof sink)) > 0)
                bodyBytes += n;
            if (bodyBytes > cap && !tooLarge) {
                tooLarge = true;
                reply->abort();
            }
        });

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
    Exchange exchange { {}, EngineClock::now() };
    m_inFlight.remove(reply);

    if (m_stuck.remove(reply))
        exchange.outcome = { Outcome::Stuck, 0, {} };
    else if (timedOut)
        exchange.outcome = { Outcome::Timeout, 0, {} };
    else if (tooLarge)
        exchange.outcome = { Outcome::BodyTooLarge, 0, {} };
    else
        exchange.outcome = Outcome::fromReply(reply, type.acceptedStatus);
    disconnect(reply, &QIODevice::readyRead, reply, nullptr);
    reply->deleteLater();
    co_return exchange;
}

} // namespace Stressdeck
