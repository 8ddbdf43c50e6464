// SPDX-License-Identifier: MIT

#include "chunkscanner.h"

#include <charconv>
#include <cstdint>

namespace Stressdeck {

namespace {

//! True the first time; a key that matters seen twice makes the scanner give up, as which copy
//! QJsonObject keeps is its business.
bool once(bool* seen)
{
    const bool first = !*seen;
    *seen = true;
    return first;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

ChunkScanner::ChunkScanner(QByteArrayView json)
    : m_p(json.data())
    , m_end(json.data() + json.size())
{
}

std::optional<OpenAiChunk> ChunkScanner::scan(QByteArrayView json)
{
    ChunkScanner scanner(json);
    OpenAiChunk chunk;
    chunk.kind = OpenAiChunk::Kind::Json;
    if (!scanner.topLevel(&chunk))
        return std::nullopt;
    scanner.space();
    if (scanner.m_p != scanner.m_end)
        return std::nullopt;
    return chunk;
}

template <typename F> bool ChunkScanner::sequence(char open, char close, F&& item)
{
    if (!eat(open))
        return false;
    space();
    if (peek() == close) {
        ++m_p;
        return true;
    }
    do {
        space();
        if (!item())
            return false;
    } while (eat(','));
    return eat(close);
}

template <typename F> bool ChunkScanner::members(F&& key)
{
    return sequence('{', '}', [&] {
        String name;
        if (!string(&name) || name.escaped || !eat(':'))
            return false;
        space();
        return key(name.raw);
    });
}

bool ChunkScanner::topLevel(OpenAiChunk* chunk)
{
    bool seenChoices = false;
    bool seenUsage = false;
    bool seenError = false;
    bool seenObject = false;
    bool content = false;
    bool role = false;
    const bool ok = members([&](QByteArrayView key) {
        if (key == "choices")
            return once(&seenChoices) && (peek() == '[' ? choices(&content, &role) : value(1));
        if (key == "usage")
            return once(&seenUsage) && (peek() == '{' ? usage(chunk) : value(1));
        if (key == "error")
            return once(&seenError) && literal("null");
        if (key == "object") {
            if (!once(&seenObject))
                return false;
            if (peek() != '"')
                return value(1);
            String name;
            return string(&name) && !name.escaped && name.raw != "error";
        }
        return value(1);
    });
    chunk->content = content;
    chunk->roleOnly = role && !content;
    return ok;
}

bool ChunkScanner::choices(bool* content, bool* role)
{
    return sequence('[', ']', [&] { return peek() == '{' ? choice(content, role) : value(2); });
}

bool ChunkScanner::choice(bool* content, bool* role)
{
    bool seenText = false;
    bool seenDelta = false;
    return members([&](QByteArrayView key) {
        if (key == "text") {
            bool nonEmpty = false;
            if (!once(&seenText) || !text(&nonEmpty, 3))
                return false;
            *content = *content || nonEmpty;
            return true;
        }
        if (key == "delta")
            return once(&seenDelta) && (peek() == '{' ? delta(content, role) : value(3));
        return value(3);
    });
}

bool ChunkScanner::delta(bool* content, bool* role)
{
    bool seenContent = false;
    bool seenReasoningContent = false;
    bool seenReasoning = false;
    bool seenToolCalls = false;
    return members([&](QByteArrayView key) {
        bool* seen = key == "content"    ? &seenContent
            : key == "reasoning_content" ? &seenReasoningContent
            : key == "reasoning"         ? &seenReasoning
                                         : nullptr;
        if (seen) {
            bool nonEmpty = false;
            if (!once(seen) || !text(&nonEmpty, 4))
                return false;
            *content = *content || nonEmpty;
            return true;
        }
        if (key == "role") {
            *role = true; // QJsonObject::contains: whatever the value
            return value(4);
        }
        if (key == "tool_calls") {
            if (!once(&seenToolCalls))
                return false;
            if (peek() == '[') {
                const char* open = m_p++;
                space();
                *content = *content || peek() != ']';
                m_p = open;
            }
            return value(4);
        }
        return value(4);
    });
}

bool ChunkScanner::usage(OpenAiChunk* chunk)
{
    bool seenCompletion = false;
    bool seenPrompt = false;
    const auto count = [this](std::optional<std::int64_t>* out) {
        if (peek() != '-' && !isDigit(peek()))
            return value(2); // not a number: no count, as QJsonValue::isDouble() says
        std::optional<std::int64_t> integer;
        if (!number(&integer) || !integer)
            return false;
        *out = integer;
        return true;
    };
    return members([&](QByteArrayView key) {
        if (key == "completion_tokens")
            return once(&seenCompletion) && count(&chunk->completionTokens);
        if (key == "prompt_tokens")
            return once(&seenPrompt) && count(&chunk->promptTokens);
        return value(2);
    });
}

bool ChunkScanner::value(int depth)
{
    if (depth > MaxDepth)
        return false;
    space();
    switch (peek()) {
    case '{':
        return members([&](QByteArrayView) { return value(depth + 1); });
    case '[':
        return sequence('[', ']', [&] { return value(depth + 1); });
    case '"': {
        String skipped;
        return string(&skipped);
    }
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        return number(nullptr);
    }
}

bool ChunkScanner::text(bool* nonEmpty, int depth)
{
    if (peek() != '"')
        return value(depth);
    String content;
    if (!string(&content))
        return false;
    *nonEmpty = !content.raw.isEmpty(); // an escape is never empty
    return true;
}

bool ChunkScanner::string(String* out)
{
    if (peek() != '"')
        return false;
    const char* start = ++m_p;
    bool escaped = false;
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            out->raw = QByteArrayView(start, m_p - start);
            out->escaped = escaped;
            ++m_p;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            escaped = true;
            ++m_p;
            if (!escape())
                return false;
        } else if (c >= 0x80) {
            if (!utf8())
                return false;
        } else {
            ++m_p;
        }
    }
    return false;
}

bool ChunkScanner::escape()
{
    const auto code = [this]() -> int {
        if (m_end - m_p < 5 || *m_p != 'u')
            return -1;
        int value = 0;
        for (int i = 1; i <= 4; ++i) {
            const int digit = hexValue(m_p[i]);
            if (digit < 0)
                return -1;
            value = value * 16 + digit;
        }
        m_p += 5;
        return value;
    };
    switch (peek()) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        ++m_p;
        return true;
    case 'u':
        break;
    default:
        return false;
    }
    const int unit = code();
    if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
        return false; // malformed, or a lone low surrogate
    if (unit < 0xD800 || unit > 0xDBFF)
        return true;
    if (m_end - m_p < 6 || *m_p != '\\')
        return false; // a high surrogate must be followed by its low one
    ++m_p;
    const int low = code();
    return low >= 0xDC00 && low <= 0xDFFF;
}

bool ChunkScanner::utf8()
{
    const auto* s = reinterpret_cast<const unsigned char*>(m_p);
    const auto lead = s[0];
    int follow = 0;
    std::uint32_t point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        follow = 1;
        point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        follow = 2;
        point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        follow = 3;
        point = lead & 0x07u;
    } else {
        return false;
    }
    if (m_end - m_p <= follow)
        return false;
    for (int i = 1; i <= follow; ++i) {
        if ((s[i] & 0xC0u) != 0x80u)
            return false;
        point = (point << 6) | (s[i] & 0x3Fu);
    }
    const bool overlong = (follow == 2 && point < 0x800) || (follow == 3 && point < 0x10000);
    const bool surrogate = point >= 0xD800 && point <= 0xDFFF;
    // Non-characters are well-formed, but whether a decoder takes them is not worth betting on.
    const bool nonCharacter = (point >= 0xFDD0 && point <= 0xFDEF) || (point & 0xFFFEu) == 0xFFFEu;
    if (overlong || surrogate || nonCharacter || point > 0x10FFFF)
        return false;
    m_p += follow + 1;
    return true;
}

bool ChunkScanner::number(std::optional<std::int64_t>* integer)
{
    const char* start = m_p;
    if (peek() == '-')
        ++m_p;
    if (peek() == '0') {
        ++m_p;
    } else if (isDigit(peek())) {
        while (isDigit(peek()))
            ++m_p;
    } else {
        return false;
    }
    bool whole = true;
    if (peek() == '.') {
        ++m_p;
        if (!isDigit(peek()))
            return false;
        while (isDigit(peek()))
            ++m_p;
        whole = false;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++m_p;
        if (peek() == '+' || peek() == '-')
            ++m_p;
        const char* digits = m_p;
        while (isDigit(peek()))
            ++m_p;
        if (m_p == digits || m_p - digits > 2)
            return false; // no exponent, or one that might overflow a double
        whole = false;
    }
    if (m_p - start > 40)
        return false;
    if (integer) {
        if (!whole || m_p - start > 15)
            return false; // QJsonValue::toInteger's rules for the rest are the slow path's
        std::int64_t parsed = 0;
        if (std::from_chars(start, m_p, parsed).ec != std::errc())
            return false;
        *integer = parsed;
    }
    return true;
}

bool ChunkScanner::literal(QByteArrayView word)
{
    space();
    if (m_end - m_p < word.size() || QByteArrayView(m_p, word.size()) != word)
        return false;
    m_p += word.size();
    return true;
}

void ChunkScanner::space()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
        ++m_p;
}

bool ChunkScanner::eat(char c)
{
    space();
    if (peek() != c)
        return false;
    ++m_p;
    return true;
}

} // namespace Stressdeck
