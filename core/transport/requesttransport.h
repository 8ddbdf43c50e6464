// SPDX-License-Identifier: MIT

#pragma once

#include "engineclock.h"
#include "outcome.h"
#include "scenario.h"
#include "streamsummary.h"

#include <QByteArray>
#include <QCoro/QCoroTask>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>

namespace Stressdeck {

enum class Transport;

//! What every request of a run shares: the limits a transport enforces.
struct TransportSettings {
    std::chrono::milliseconds timeout { 30000 };
    bool insecure = false; //!< https certificates are not verified
    qint64 maxBodyBytes = 0;
};

//! One request type made ready once per run: the type with ${NAME} resolved, its URL and, for
//! transports that write HTTP/1.1 themselves, its request line and headers.
struct PreparedRequest {
    RequestType type;
    QUrl url;
    QByteArray head;
    //! A streaming type's: set (for every user of every thread) once a server answered 400 naming
    //! `stream_options`; from then on they are left out of its bodies.
    std::shared_ptr<std::atomic<bool>> dropStreamOptions;

    bool streamOptionsDropped() const { return dropStreamOptions && dropStreamOptions->load(); }

    static PreparedRequest of(const RequestType& type, const QUrl& url);
};

//! How one exchange ended: its outcome and completion time on the engine's clock. `sent` is false
//! for a request given up at a stop before any of it was sent; such a request is not counted.
//! A streaming request type's exchange also carries what its event stream looked like, its
//! times on the engine clock (nanoseconds since the clock's epoch), and the time it was handed
//! to the wire; a plain request leaves both empty.
struct Exchange {
    Outcome outcome;
    EngineClock::time_point done;
    bool sent = true;
    std::optional<StreamSummary> stream;
    EngineClock::time_point sentAt {};

    //! A successful HTTP answer whose stream broke is a failure of the stream's own class.
    void applyStreamOutcome();
};

//! The engine clock's time as a stream reader's timestamp.
inline std::int64_t streamNow()
{
    return nanos(EngineClock::now().time_since_epoch());
}

//! Sends one request and returns its outcome: the seam between the virtual users and the wire.
//! A transport belongs to one engine thread and keeps per-user connection state keyed by the
//! user's slot on that thread. `qnam` (QNetworkAccessManager: TLS, HTTP/2, redirects by Qt) and
//! `fast` (FastConnection: one keep-alive HTTP/1.1 connection per user) implement it.
class RequestTransport : public QObject {
public:
    using QObject::QObject;
    ~RequestTransport() override;

    static RequestTransport* create(Transport kind, const TransportSettings& settings, QObject* parent);

    //! Sends `request` with `body` for the user in `userSlot` and waits for the end: the answer,
    //! the timeout, an error or a cut-off. A streaming request that a server rejects with a 400
    //! naming `stream_options` is sent once more without them (PreparedRequest::dropStreamOptions).
    QCoro::Task<Exchange> send(std::size_t userSlot, const PreparedRequest& request, QByteArray body);
    //! At a stop: gives up every connect in progress for a request not sent yet (it ends with
    //! `sent` false); requests already sent keep their timeout.
    virtual void drain() = 0;
    //! Cuts off every request in flight; they end as `Stuck`.
    virtual void abortAll() = 0;

protected:
    //! One exchange on the wire, as the implementation sends it.
    virtual QCoro::Task<Exchange> sendOnce(std::size_t userSlot, const PreparedRequest& request, QByteArray body) = 0;
};

} // namespace Stressdeck
