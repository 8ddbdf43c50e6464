// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

class QNetworkReply;

namespace Stressdeck {

//! How one request ended. The labels are report keys ("HTTP 503", "Timeout", …), so they
//! are fixed English and never translated.
struct Outcome {
    enum Kind {
        Success,
        HttpStatus,
        Timeout,
        ConnectionRefused,
        ConnectionReset,
        HostNotFound,
        TlsError,
        TooManyRedirects,
        ProtocolError,
        BodyTooLarge,
        Stuck,
        StreamError, //!< an `{"error": …}` event inside a streamed 200 (detail: the server's words)
        StreamIncomplete, //!< a stream that ended before `[DONE]`
        Other
    };

    Kind kind = Other;
    int httpStatus = 0;
    QString detail;

    bool isSuccess() const { return kind == Success; }
    //! Failures where the connection itself failed: the caller should back off. An unreachable
    //! network or host has no class of its own and ends as Other.
    bool isConnectionFailure() const
    {
        return kind == ConnectionRefused || kind == ConnectionReset || kind == HostNotFound || kind == TlsError
            || kind == ProtocolError || kind == Other;
    }
    QString label() const;

    //! Classifies a finished reply: accepted status → success, other status → "HTTP n",
    //! otherwise the network error.
    static Outcome fromReply(QNetworkReply* reply, const QList<int>& acceptedStatus);
};

} // namespace Stressdeck
