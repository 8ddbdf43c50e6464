#include "outcome.h"

#include <QNetworkReply>

namespace Stressdeck {

QString Outcome::label() const
{
    switch (kind) {
    case Success:
        return QStringLiteral("Success");
    case HttpStatus:
        return QStringLiteral("HTTP %1").arg(httpStatus);
    case Timeout:
        return QStringLiteral("Timeout");
    case ConnectionRefused:
        return QStringLiteral("Connection refused");
    case ConnectionReset:
        return QStringLiteral("Connection reset");
    case HostNotFound:
        return QStringLiteral("Host not found");
    case TlsError:
        return QStringLiteral("TLS error");
    case Stuck:
        return QStringLiteral("Stuck");
    case Other:
        break;
    }
    return QStringLiteral("Other: %1").arg(detail);
}

Outcome Outcome::fromReply(QNetworkReply* reply, const QList<int>& acceptedStatus)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() > 0) {
        const int code = status.toInt();
        if (acceptedStatus.contains(code))
            return { Success, code, {} };
        return { HttpStatus, code, {} };
    }
    switch (reply->error()) {
    case QNetworkReply::NoError:
        return { Other, 0, QStringLiteral("no HTTP status") };
    case QNetworkReply::ConnectionRefusedError:
        return { ConnectionRefused, 0, {} };
    case QNetworkReply::RemoteHostClosedError:
        return { ConnectionReset, 0, {} };
    case QNetworkReply::HostNotFoundError:
        return { HostNotFound, 0, {} };
    case QNetworkReply::SslHandshakeFailedError:
        return { TlsError, 0, reply->errorString() };
    case QNetworkReply::TimeoutError:
        return { Timeout, 0, {} };
    default:
        break;
    }
    return { Other, 0, reply->errorString() };
}

} // namespace Stressdeck
