// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace Stressdeck {

//! What one streamed LLM response looked like, on the engine clock (nanoseconds, the same
//! origin as the caller's send and intended times). Content events are those that carried
//! generated text, reasoning or tool calls; see OpenAiStreamReader. The figures of
//! next-wave §A.4 are derived from it by the member functions, each empty when undefined.
struct StreamSummary {
    enum class Completion {
        Complete, //!< `data: [DONE]` arrived
        StreamError, //!< an `{"error": …}` event inside the stream (errorMessage says what)
        Incomplete, //!< the stream ended before `[DONE]`
        Oversized, //!< a line or an event exceeded the parser's limit
    };
    enum class TokenSource { None, Usage };

    Completion completion = Completion::Incomplete;
    QString errorMessage; //!< the server's own words (not translated)

    std::optional<std::int64_t> firstEventNs; //!< the first event with data, of any kind
    std::optional<std::int64_t> roleNs; //!< a role-only event before any content
    std::optional<std::int64_t> firstContentNs;
    std::optional<std::int64_t> lastContentNs;
    std::int64_t endNs = 0; //!< the `[DONE]` event's read, or the end of the stream
    int contentEvents = 0;
    //! Content events completed by the same read as the content event before them: their gap is
    //! zero because the bytes were buffered somewhere, not because tokens came that fast.
    int coalescedEvents = 0;
    int emptyEvents = 0; //!< JSON events with neither content nor usage nor an error
    int malformedEvents = 0; //!< data that looked like JSON but did not parse
    //! Gaps between successive content events (ICL samples), contentEvents − 1 of them.
    std::vector<std::int64_t> gapsNs;

    TokenSource tokenSource = TokenSource::None;
    std::optional<std::int64_t> outputTokens; //!< usage.completion_tokens of the last usage seen
    std::optional<std::int64_t> promptTokens;
    //! The body had no event and named `stream_options` in its first 4 KiB: a server's refusal.
    bool namesStreamOptions = false;

    //! Time to first token: first content − send.
    std::optional<std::int64_t> ttftNs(std::int64_t sentNs) const;
    //! The same from the intended (scheduled) start, so a late send counts against it.
    std::optional<std::int64_t> ttftSchedNs(std::int64_t intendedNs) const;
    //! End to end: end of stream − send.
    std::int64_t e2eNs(std::int64_t sentNs) const;
    //! Decode time: last content − first content.
    std::optional<std::int64_t> decodeNs() const;
    //! Time per output token after the first: decode time / (N − 1), N from usage, N ≥ 2.
    std::optional<double> tpotNs() const;
    //! Content events per output token (below 1: several tokens per event, ICL is no per-token figure).
    std::optional<double> chunksPerToken() const;
    //! First content − first event: how long a role-only or empty event ran ahead of the text.
    std::optional<std::int64_t> leadBeforeContentNs() const;
};

} // namespace Stressdeck
