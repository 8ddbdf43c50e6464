// SPDX-License-Identifier: MIT

#include "streamsummary.h"

namespace Stressdeck {

std::optional<std::int64_t> StreamSummary::ttftNs(std::int64_t sentNs) const
{
    if (!firstContentNs)
        return std::nullopt;
    return *firstContentNs - sentNs;
}

std::optional<std::int64_t> StreamSummary::ttftSchedNs(std::int64_t intendedNs) const
{
    return ttftNs(intendedNs);
}

std::int64_t StreamSummary::e2eNs(std::int64_t sentNs) const
{
    return endNs - sentNs;
}

std::optional<std::int64_t> StreamSummary::decodeNs() const
{
    if (!firstContentNs || !lastContentNs)
        return std::nullopt;
    return *lastContentNs - *firstContentNs;
}

std::optional<double> StreamSummary::tpotNs() const
{
    const auto decode = decodeNs();
    if (!decode || !outputTokens || *outputTokens < 2)
        return std::nullopt;
    return double(*decode) / double(*outputTokens - 1);
}

std::optional<double> StreamSummary::chunksPerToken() const
{
    if (!outputTokens || *outputTokens < 1)
        return std::nullopt;
    return double(contentEvents) / double(*outputTokens);
}

std::optional<std::int64_t> StreamSummary::leadBeforeContentNs() const
{
    if (!firstContentNs || !firstEventNs)
        return std::nullopt;
    return *firstContentNs - *firstEventNs;
}

} // namespace Stressdeck
