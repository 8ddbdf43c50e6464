// SPDX-License-Identifier: MIT

#include "requesttransport.h"

#include "fastconnection.h"
#include "fasttransport.h"
#include "qnamtransport.h"
#include "runconfig.h"

namespace Stressdeck {

PreparedRequest PreparedRequest::of(const RequestType& type, const QUrl& url)
{
    return { type, url, FastConnection::requestHead(type.method, url, type.headers) };
}

RequestTransport::~RequestTransport() = default;

RequestTransport* RequestTransport::create(Transport kind, const TransportSettings& settings, QObject* parent)
{
    if (kind == Transport::Fast)
        return new FastTransport(settings, parent);
    return new QnamTransport(settings, parent);
}

} // namespace Stressdeck
