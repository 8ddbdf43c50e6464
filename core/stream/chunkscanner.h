// SPDX-License-Identifier: MIT

#pragma once

#include "openaistreamreader.h"

#include <QByteArrayView>

#include <optional>

namespace Stressdeck {

//! The fast path of OpenAiChunk::classify: one pass over a chunk's JSON text that validates it
//! and reads only what the classification needs (the choices' deltas and texts, usage, the error
//! markers), without building a document or allocating. At 50,000 events a second a
//! QJsonDocument per event costs the engine thread more than the network does.
//!
//! It only answers when it is sure QJsonDocument would read the text the same way, and gives up
//! (nullopt) on everything else, so the caller falls back to QJsonDocument and the result is the
//! same either way: any syntax error, an escape in a key, a second copy of a key that matters, a
//! number that is not a plain decimal (or a count that is not a whole number), non-ASCII that is
//! not well-formed UTF-8, a lone surrogate escape, control characters in a string, deep nesting,
//! and any error member or `"object": "error"` (the message is the slow path's job).
class ChunkScanner {
public:
    static std::optional<OpenAiChunk> scan(QByteArrayView json);

private:
    explicit ChunkScanner(QByteArrayView json);

    enum class Text { Empty, NonEmpty };
    struct String {
        QByteArrayView raw; //!< between the quotes, escapes as written
        bool escaped = false;
    };

    bool topLevel(OpenAiChunk* chunk);
    bool choices(bool* content, bool* role);
    bool choice(bool* content, bool* role);
    bool delta(bool* content, bool* role);
    bool usage(OpenAiChunk* chunk);
    //! Walks `open` item, item … `close`; item() reads one.
    template <typename F> bool sequence(char open, char close, F&& item);
    //! Walks the members of an object whose '{' is next; key(name) reads each member's value.
    template <typename F> bool members(F&& key);
    //! Validates and skips one value.
    bool value(int depth);
    bool string(String* out);
    bool utf8();
    //! After a backslash: one escape, a surrogate pair as a whole.
    bool escape();
    bool number(std::optional<std::int64_t>* integer);
    bool literal(QByteArrayView word);
    //! Reads a string value as content (non-empty?) or skips any other value.
    bool text(bool* nonEmpty, int depth);
    void space();
    bool eat(char c);
    char peek() const { return m_p < m_end ? *m_p : '\0'; }

    static constexpr int MaxDepth = 32;

    const char* m_p;
    const char* m_end;
};

} // namespace Stressdeck
