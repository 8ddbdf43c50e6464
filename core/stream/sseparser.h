// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <optional>
#include <utility>

namespace Stressdeck {

//! One dispatched server-sent event.
struct SseEvent {
    QByteArray type; //!< the `event:` field; empty means the default type, "message"
    QByteArray data; //!< the `data:` lines joined by "\n", without the final "\n"
    QByteArray id; //!< the last event ID at dispatch (it carries over between events, as in a browser)
    int readIndex = 0; //!< the feed() call that completed it, from 0; finish() counts as one more read
    bool incomplete = false; //!< only from finish(): the stream ended before its blank line
};

//! An incremental text/event-stream parser after the WHATWG "Server-sent events" rules: LF, CR
//! and CRLF line ends (also a CR and LF split between two reads), one leading BOM stripped,
//! comments, the one-space rule, multi-line data, `event`, `id` (ignored with a NUL) and `retry`
//! (digits only), dispatch on an empty line and never of an event with no data. Bytes may be
//! split anywhere; only a line that straddles two reads is copied, every other line is parsed
//! in place. A line or an event larger than the limit stops the parser in an error state
//! instead of growing without bound. At the end of the stream, finish() hands out what the
//! WHATWG algorithm discards: the last event when its blank line never came, flagged incomplete,
//! so a load test can tell a cut-off stream from a finished one.
class SseParser {
public:
    enum class Error { None, LineTooLong, EventTooLarge };
    static constexpr qsizetype DefaultLimit = 1024 * 1024;

    //! `limit` bounds one line and one event's data, in bytes.
    explicit SseParser(qsizetype limit = DefaultLimit);

    //! Parses the next read of the stream and calls onEvent(const SseEvent&) for every event it
    //! completes. The event is only valid during the call (copy it to keep it: the copy is cheap,
    //! its arrays are implicitly shared).
    template <typename F> void feed(QByteArrayView bytes, F&& onEvent)
    {
        begin(bytes);
        while (next())
            onEvent(std::as_const(m_event));
        m_input = {};
        ++m_reads;
    }

    //! Ends the stream: the unterminated last line counts as ended, and an event still being
    //! built (with data) is returned flagged incomplete; nothing after an error. Call it once: a
    //! parser reads one stream.
    std::optional<SseEvent> finish();

    Error error() const { return m_error; }
    //! The number of feed() calls so far (the readIndex the next one will give its events).
    int reads() const { return m_reads; }
    //! The last valid `retry:` value in milliseconds, if any.
    std::optional<std::int64_t> retryMs() const { return m_retryMs; }

private:
    void begin(QByteArrayView bytes);
    bool next();
    bool takeBom();
    //! Handles one complete line; true when it dispatched an event into m_event.
    bool line(QByteArrayView text);
    bool dispatch();
    void fail(Error error);

    qsizetype m_limit;
    QByteArrayView m_input;
    qsizetype m_pos = 0;
    QByteArray m_partial; //!< the start of a line that the previous read did not end
    QByteArray m_data;
    QByteArray m_type;
    QByteArray m_lastId;
    QByteArray m_bom; //!< the first bytes while they may still be a BOM
    SseEvent m_event;
    std::optional<std::int64_t> m_retryMs;
    Error m_error = Error::None;
    int m_reads = 0;
    bool m_atStart = true;
    bool m_skipLf = false; //!< the previous read ended with a CR: a LF first is the same line end
};

} // namespace Stressdeck
