// SPDX-License-Identifier: MIT

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
    case TooManyRedirects:
        return QStringLiteral("Too many redirects");
    case ProtocolError:
        return QStringLiteral("Protocol error");
    case BodyTooLarge:
        return QStringLiteral("Body too large");
    case Stuck:
        return QStringLiteral("Stuck");
    case StreamError:
        return QStringLiteral("Stream error");
    case StreamIncomplete:
        return QStringLiteral("Stream incomplete");
    case Other:
        break;
    }
    return QStringLiteral("Other: %1").arg(detail);
}

Outcome Outcome::fromReply(QNetworkReply* reply, const QList<int>& acceptedStatus)
{
    const QNetworkReply::NetworkError error = reply->error();
    // Transport and protocol failures win over a status line that may already have arrived:
    // a 200 whose body was cut off is not a success.
    const bool transportFailure = (error > QNetworkReply::NoError && error < QNetworkReply::ProxyConnectionRefusedError)
        || (error >= QNetworkReply::ProtocolUnknownError
            && error <= QNetworkReply::ProtocolFailure
            // …except the one QNAM sets for an answer of 400 itself: that is the status, not a failure.
            && error != QNetworkReply::ProtocolInvalidOperationError);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!transportFailure && status.isValid() && status.toInt() > 0) {
        const int code = status.toInt();
        if (acceptedStatus.contains(code))
            return { Success, code, {} };
        return { HttpStatus, code, {} };
    }
    switch (error) {
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
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return { TooManyRedirects, 0, {} };
    case QNetworkReply::TimeoutError:
        return { Timeout, 0, {} };
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::ProtocolFailure:
        return { ProtocolError, 0, reply->errorString() };
    default:
        break;
    }
    return { Other, 0, reply->errorString() };
}

} // namespace Stressdeck
