// SPDX-License-Identifier: MIT

#include "requesttransport.h"

#include "fastconnection.h"
#include "fasttransport.h"
#include "qnamtransport.h"
#include "runconfig.h"

namespace Stressdeck {

PreparedRequest PreparedRequest::of(const RequestType& type, const QUrl& url)
{
    return { type, url, FastConnection::requestHead(type.method, url, type.headers),
        type.isStreaming() ? std::make_shared<std::atomic<bool>>(false) : nullptr };
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

QCoro::Task<Exchange> RequestTransport::send(std::size_t userSlot, const PreparedRequest& request, QByteArray body)
{
    if (!request.dropStreamOptions || !body.contains("stream_options"))
        co_return co_await sendOnce(userSlot, request, std::move(body));
    if (request.streamOptionsDropped())
        co_return co_await sendOnce(userSlot, request, RequestType::withoutStreamOptions(body));
    Exchange first = co_await sendOnce(userSlot, request, body);
    const bool rejected = first.outcome.kind == Outcome::HttpStatus && first.outcome.httpStatus == 400 && first.stream
        && first.stream->namesStreamOptions;
    if (!rejected || !first.sent)
        co_return first;
    request.dropStreamOptions->store(true);
    co_return co_await sendOnce(userSlot, request, RequestType::withoutStreamOptions(body));
}

RequestTransport* RequestTransport::create(Transport kind, const TransportSettings& settings, QObject* parent)
{
    if (kind == Transport::Fast)
        return new FastTransport(settings, parent);
    return new QnamTransport(settings, parent);
}

} // namespace Stressdeck
