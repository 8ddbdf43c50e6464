#include "testserver.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>

namespace Stressdeck::Testing {

void TestServer::answerLater(const QHttpServerRequest& request, QTcpSocket* socket, const Response& response, int ms)
{
    const int now = ++pending;
    int seen = maxPending.load();
    while (now > seen && !maxPending.compare_exchange_weak(seen, now)) { }
    // Count the request as answered when the answer goes out, or when the client gives up.
    auto done = std::make_shared<bool>(false);
    auto finish = [this, done] {
        if (!*done) {
            *done = true;
            --pending;
        }
    };
    connect(socket, &QObject::destroyed, this, finish);
    connect(socket, &QAbstractSocket::disconnected, this, finish);
    if (ms < 0)
        return; // hang
    QTimer::singleShot(std::max(ms, 0), Qt::PreciseTimer, socket, finish);
    respond(request, socket, response, std::chrono::milliseconds(ms));
}

void TestServer::handle(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ++received;
    const QStringList parts = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString route = parts.value(0);
    const QByteArray ok = QByteArrayLiteral("{\"ok\":true}");
    if (route == QLatin1String("health")) {
        respond(request, socket, json(200, ok));
    } else if (route == QLatin1String("delay") && parts.size() == 2) {
        answerLater(request, socket, json(200, ok), parts[1].toInt());
    } else if (route == QLatin1String("status") && parts.size() >= 2) {
        answerLater(request, socket, json(parts[1].toInt(), ok), parts.value(2).toInt());
    } else if (route == QLatin1String("hang")) {
        answerLater(request, socket, {}, -1);
    } else if (route == QLatin1String("reset")) {
        resetConnection(socket);
    } else if (route == QLatin1String("mix")) {
        answerLater(request, socket, json(200, ok), (m_mixCounter++ % 10 == 9) ? 200 : 10);
    } else if (route == QLatin1String("redirect")) {
        Response r = json(307, {});
        r.headers.append({ QByteArrayLiteral("Location"), QByteArrayLiteral("/delay/0") });
        respond(request, socket, r);
    } else {
        respond(request, socket, detail(404, QStringLiteral("Not Found")));
    }
}

TestServerThread::TestServerThread(Tls tls)
    : m_tls(tls == Tls::SelfSigned)
{
    QString error;
    const bool useTls = m_tls;
    m_port = m_thread.start(
        [useTls] {
            auto* server = new TestServer;
            if (useTls) {
                // A self-signed certificate for 127.0.0.1, made once with openssl for these tests.
                QFile cert(QStringLiteral(STRESSDECK_TEST_SUPPORT_DIR "/test-cert.pem"));
                QFile key(QStringLiteral(STRESSDECK_TEST_SUPPORT_DIR "/test-key.pem"));
                if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
                    qFatal("test server: cannot read the test certificate");
                QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
                tls.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
                tls.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
                server->setTls(tls);
            }
            return server;
        },
        0, &error);
    if (m_port == 0)
        qFatal("test server: %s", qPrintable(error));
}

} // namespace Stressdeck::Testing
