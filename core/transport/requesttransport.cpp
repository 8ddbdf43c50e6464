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

void Exchange::applyStreamOutcome()
{
    if (!stream || !outcome.isSuccess())
        return;
    switch (stream->completion) {
    case StreamSummary::Completion::Complete:
        break;
    case StreamSummary::Completion::StreamError:
        outcome = { Outcome::StreamError, outcome.httpStatus, stream->errorMessage };
        break;
    case StreamSummary::Completion::Incomplete:
        outcome = { Outcome::StreamIncomplete, outcome.httpStatus, {} };
        break;
    case StreamSummary::Completion::Oversized:
        outcome = { Outcome::BodyTooLarge, outcome.httpStatus, {} };
        break;
    }
}

RequestTransport::~RequestTransport() = default;

RequestTransport* RequestTransport::create(Transport kind, const TransportSettings& settings, QObject* parent)
{
    if (kind == Transport::Fast)
        return new FastTransport(settings, parent);
    return new QnamTransport(settings, parent);
}

} // namespace Stressdeck
