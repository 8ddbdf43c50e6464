// SPDX-License-Identifier: MIT

#pragma once

#include "requesttransport.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace Stressdeck {

class FastConnection;

//! The `fast` transport: one keep-alive FastConnection per user, redirects followed as QNAM's
//! policy would (RedirectPolicy), another host on a connection of its own for that request.
class FastTransport final : public RequestTransport {
public:
    FastTransport(const TransportSettings& settings, QObject* parent);

    QCoro::Task<Exchange> sendOnce(std::size_t userSlot, const PreparedRequest& request, QByteArray body) override;
    void drain() override;
    void abortAll() override;

private:
    FastConnection* connectionTo(const QUrl& url, QObject* parent) const;
    //! The complete request of a type sent without a body: made once per run, not per request.
    const QByteArray& bodiless(const PreparedRequest& prepared);

    const TransportSettings m_settings;
    std::vector<FastConnection*> m_connections; //!< by user slot, children of this transport
    QHash<FastConnection*, bool> m_inFlight; //!< true on a request's first hop
    QSet<FastConnection*> m_abandoned; //!< connects given up by drain()
    QHash<const PreparedRequest*, QByteArray> m_bodiless; //!< the run's PreparedRequests outlive the transport's use
};

} // namespace Stressdeck
