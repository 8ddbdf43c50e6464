// SPDX-License-Identifier: MIT

#include "sseparser.h"

#include <algorithm>

namespace Stressdeck {

namespace {

constexpr char Bom[] = "\xEF\xBB\xBF";
constexpr qsizetype BomSize = 3;
//! More digits could overflow; no reconnection time is that long anyway.
constexpr qsizetype MaxRetryDigits = 15;

bool isLineEnd(char c)
{
    return c == '\n' || c == '\r';
}

} // namespace

SseParser::SseParser(qsizetype limit)
    : m_limit(limit)
{
}

void SseParser::begin(QByteArrayView bytes)
{
    m_input = bytes;
    m_pos = 0;
}

bool SseParser::takeBom()
{
    while (m_pos < m_input.size() && m_bom.size() < BomSize) {
        const char c = m_input[m_pos];
        if (c != Bom[m_bom.size()]) {
            // Not a BOM after all: what matched so far begins the first line.
            m_partial = m_bom;
            m_bom.clear();
            m_atStart = false;
            return true;
        }
        m_bom.append(c);
        ++m_pos;
    }
    if (m_bom.size() < BomSize)
        return false;
    m_bom.clear();
    m_atStart = false;
    return true;
}

bool SseParser::next()
{
    if (m_error != Error::None || (m_atStart && !takeBom()))
        return false;
    const char* const end = m_input.data() + m_input.size();
    while (m_pos < m_input.size()) {
        if (m_skipLf) {
            m_skipLf = false;
            if (m_input[m_pos] == '\n') {
                ++m_pos;
                continue;
            }
        }
        const char* const start = m_input.data() + m_pos;
        const char* const eol = std::find_if(start, end, isLineEnd);
        const qsizetype length = eol - start;
        if (m_partial.size() + length > m_limit) {
            fail(Error::LineTooLong);
            return false;
        }
        if (eol == end) {
            m_partial.append(start, length);
            m_pos = m_input.size();
            return false;
        }
        m_pos += length + 1;
        if (*eol == '\r') {
            if (m_pos == m_input.size())
                m_skipLf = true;
            else if (m_input[m_pos] == '\n')
                ++m_pos;
        }
        bool dispatched = false;
        if (m_partial.isEmpty()) {
            dispatched = line(QByteArrayView(start, length));
        } else {
            m_partial.append(start, length);
            dispatched = line(m_partial);
            m_partial.resize(0);
        }
        if (dispatched)
            return true;
        if (m_error != Error::None)
            return false;
    }
    return false;
}

bool SseParser::line(QByteArrayView text)
{
    if (text.isEmpty())
        return dispatch();
    if (text.front() == ':')
        return false;
    QByteArrayView field = text;
    QByteArrayView value;
    if (const qsizetype colon = text.indexOf(':'); colon >= 0) {
        field = text.first(colon);
        value = text.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_limit) {
            fail(Error::EventTooLarge);
            return false;
        }
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "event") {
        m_type.resize(0);
        m_type.append(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value.toByteArray();
    } else if (field == "retry") {
        const bool digits = !value.isEmpty() && value.size() <= MaxRetryDigits
            && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits)
            m_retryMs = value.toLongLong();
    }
    return false;
}

bool SseParser::dispatch()
{
    if (m_data.isEmpty()) {
        m_type.resize(0);
        return false;
    }
    m_data.chop(1);
    // Swapping hands the buffers back and forth, so a caller that keeps no copy costs no allocation.
    m_event.data.swap(m_data);
    m_data.resize(0);
    m_event.type.swap(m_type);
    m_type.resize(0);
    m_event.id = m_lastId;
    m_event.readIndex = m_reads;
    m_event.incomplete = false;
    return true;
}

std::optional<SseEvent> SseParser::finish()
{
    if (m_error != Error::None)
        return std::nullopt;
    if (m_atStart) {
        m_partial = m_bom;
        m_bom.clear();
        m_atStart = false;
    }
    if (!m_partial.isEmpty()) {
        line(m_partial);
        m_partial.resize(0);
    }
    m_skipLf = false;
    if (m_error != Error::None || !dispatch())
        return std::nullopt;
    SseEvent event = m_event;
    event.readIndex = m_reads;
    event.incomplete = true;
    return event;
}

void SseParser::fail(Error error)
{
    m_error = error;
    m_partial.clear();
    m_data.clear();
}

} // namespace Stressdeck
