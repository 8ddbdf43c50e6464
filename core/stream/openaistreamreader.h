// SPDX-License-Identifier: MIT

#pragma once

#include "sseparser.h"
#include "streamsummary.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace Stressdeck {

//! What one event of an OpenAI-compatible stream says.
struct OpenAiChunk {
    enum class Kind {
        Other, //!< data that is neither JSON nor `[DONE]` (ignored)
        Json, //!< a chunk object; see the flags
        Done, //!< `[DONE]`
        Error, //!< an error object, or an event of type `error`
        Malformed, //!< started like a JSON object but did not parse
    };
    Kind kind = Kind::Other;
    //! A non-empty `delta.content`, `delta.reasoning_content`, `delta.reasoning`, `delta.tool_calls`
    //! or (completions) `text` in any choice.
    bool content = false;
    bool roleOnly = false; //!< a delta with a role and no content
    std::optional<std::int64_t> completionTokens; //!< from a `usage` object
    std::optional<std::int64_t> promptTokens;
    QString errorMessage;

    bool hasUsage() const { return completionTokens.has_value() || promptTokens.has_value(); }

    //! Classifies one event's payload (`type` is its `event:` field, usually empty): ChunkScanner
    //! where it is sure, else classifyWithQJson.
    static OpenAiChunk classify(const QByteArray& type, const QByteArray& data);
    //! The same through QJsonDocument: the reference the fast path is tested against.
    static OpenAiChunk classifyWithQJson(const QByteArray& type, const QByteArray& data);
};

//! Reads the response body of a streaming `/v1/chat/completions` or `/v1/completions` request
//! and sums it up as a StreamSummary. The caller hands in each read with the engine-clock time
//! it returned: every event completed by a read gets that time, so events that one read
//! delivered together share a timestamp and the later content events among them count as
//! coalesced. The stream ends at `[DONE]` or an in-band error (later events are ignored), or
//! at finish(); an event cut off by the end of the stream still counts when it is `[DONE]` or
//! a whole JSON object, as vLLM's own client accepts it. The reader never touches a clock or
//! the network, so the engine decides what "send" and "end" mean.
class OpenAiStreamReader {
public:
    explicit OpenAiStreamReader(qsizetype limit = SseParser::DefaultLimit);

    //! One read of the body, returned at readNs.
    void feed(QByteArrayView bytes, std::int64_t readNs);
    //! One event from a parser of the caller's own; readNs is the time of its read.
    void add(const SseEvent& event, std::int64_t readNs);
    //! The end of the body at endNs; returns the summary (call once).
    StreamSummary finish(std::int64_t endNs);

    //! `[DONE]`, an error or an oversized line arrived: the rest of the body does not matter.
    bool isFinished() const { return m_finished; }
    const StreamSummary& summary() const { return m_summary; }

private:
    void take(const OpenAiChunk& chunk, int readIndex, std::int64_t readNs);
    void end(StreamSummary::Completion completion, std::int64_t atNs);

    static constexpr qsizetype HeadBytes = 4096;

    SseParser m_parser;
    StreamSummary m_summary;
    QByteArray m_head; //!< the body's start until the first event
    int m_lastContentRead = -1;
    bool m_finished = false;
};

} // namespace Stressdeck
