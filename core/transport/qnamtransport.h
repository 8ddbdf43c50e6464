// SPDX-License-Identifier: MIT

#pragma once

#include "requesttransport.h"

#include <QNetworkRequest>
#include <QSet>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace Stressdeck {

//! The `qnam` transport: QNetworkReplies from QNetworkAccessManagers of this thread. A thread's
//! first users get a manager each; further users share one per six (Qt 6.4's per-host connection
//! limit), so N users still mean N requests in flight. Bodies are read as they arrive and thrown
//! away, so memory stays flat whatever the server sends.
class QnamTransport final : public RequestTransport {
public:
    //! Users sharing one QNetworkAccessManager (its per-host connection limit in Qt 6.4)…
    static constexpr std::size_t UsersPerManager = 6;
    //! …except for a thread's first users, who get one each: a manager handles its replies one at
    //! a time, and small runs are where single-request latency is looked at.
    static constexpr std::size_t SoloManagers = 12;

    QnamTransport(const TransportSettings& settings, QObject* parent);

    QCoro::Task<Exchange> sendOnce(std::size_t userSlot, const PreparedRequest& request, QByteArray body) override;
    void drain() override { }
    void abortAll() override;

    //! A QNetworkAccessManager as the engine uses it: no proxy from the environment, no cookies.
    static QNetworkAccessManager* newManager(QObject* parent);
    //! A request for `url`; with `insecure`, an https certificate is not verified.
    static QNetworkRequest request(const QUrl& url, bool insecure);

private:
    QNetworkAccessManager* managerFor(std::size_t userSlot);

    const TransportSettings m_settings;
    std::vector<QNetworkAccessManager*> m_managers;
    QSet<QNetworkReply*> m_inFlight;
    QSet<QNetworkReply*> m_stuck;
};

} // namespace Stressdeck
