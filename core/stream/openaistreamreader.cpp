// SPDX-License-Identifier: MIT

#include "openaistreamreader.h"

#include "chunkscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Stressdeck {

namespace {

bool nonEmptyString(const QJsonValue& value)
{
    return value.isString() && !value.toString().isEmpty();
}

bool hasContent(const QJsonObject& choice)
{
    if (nonEmptyString(choice.value(QLatin1String("text"))))
        return true;
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
    if (nonEmptyString(delta.value(QLatin1String("content")))
        || nonEmptyString(delta.value(QLatin1String("reasoning_content")))
        || nonEmptyString(delta.value(QLatin1String("reasoning"))))
        return true;
    const QJsonValue toolCalls = delta.value(QLatin1String("tool_calls"));
    return toolCalls.isArray() && !toolCalls.toArray().isEmpty();
}

std::optional<std::int64_t> count(const QJsonObject& usage, QLatin1String key)
{
    const QJsonValue value = usage.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

QString errorText(const QJsonValue& error, const QByteArray& data)
{
    if (error.isString())
        return error.toString();
    const QJsonValue message = error.toObject().value(QLatin1String("message"));
    if (message.isString())
        return message.toString();
    return QString::fromUtf8(data.trimmed());
}

} // namespace

OpenAiChunk OpenAiChunk::classify(const QByteArray& type, const QByteArray& data)
{
    if (type != "error") {
        const QByteArrayView trimmed = QByteArrayView(data).trimmed();
        if (trimmed.startsWith('{')) {
            if (std::optional<OpenAiChunk> chunk = ChunkScanner::scan(trimmed))
                return *chunk;
        }
    }
    return classifyWithQJson(type, data);
}

OpenAiChunk OpenAiChunk::classifyWithQJson(const QByteArray& type, const QByteArray& data)
{
    OpenAiChunk chunk;
    const QByteArray trimmed = data.trimmed();
    if (trimmed == "[DONE]") {
        chunk.kind = Kind::Done;
        return chunk;
    }
    const bool looksJson = trimmed.startsWith('{');
    QJsonObject object;
    if (looksJson) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            chunk.kind = Kind::Malformed;
        } else {
            chunk.kind = Kind::Json;
            object = document.object();
        }
    }
    // An event of type error, an error member, or vLLM's older ErrorResponse ({"object": "error", "message": …}).
    const QJsonValue error = object.value(QLatin1String("error"));
    const bool hasError = !error.isUndefined() && !error.isNull();
    if (type == "error" || hasError || object.value(QLatin1String("object")).toString() == QLatin1String("error")) {
        chunk.kind = Kind::Error;
        chunk.errorMessage = errorText(hasError ? error : QJsonValue(object), data);
        return chunk;
    }
    if (chunk.kind != Kind::Json)
        return chunk;

    const QJsonValue usage = object.value(QLatin1String("usage"));
    if (usage.isObject()) {
        chunk.completionTokens = count(usage.toObject(), QLatin1String("completion_tokens"));
        chunk.promptTokens = count(usage.toObject(), QLatin1String("prompt_tokens"));
    }
    bool role = false;
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    for (const QJsonValue& value : choices) {
        const QJsonObject choice = value.toObject();
        chunk.content = chunk.content || hasContent(choice);
        role = role || choice.value(QLatin1String("delta")).toObject().contains(QLatin1String("role"));
    }
    chunk.roleOnly = role && !chunk.content;
    return chunk;
}

OpenAiStreamReader::OpenAiStreamReader(qsizetype limit)
    : m_parser(limit)
{
}

void OpenAiStreamReader::feed(QByteArrayView bytes, std::int64_t readNs)
{
    if (m_finished)
        return;
    // An error body instead of a stream (a 400 JSON object) has no events: its start is kept to
    // tell whether it names stream_options. A stream stops keeping it at its first event.
    if (!m_summary.firstEventNs && m_head.size() < HeadBytes)
        m_head.append(bytes.first(std::min<qsizetype>(bytes.size(), HeadBytes - m_head.size())));
    m_parser.feed(bytes, [&](const SseEvent& event) { add(event, readNs); });
    if (m_summary.firstEventNs && !m_head.isEmpty())
        m_head = QByteArray();
    if (!m_finished && m_parser.error() != SseParser::Error::None)
        end(StreamSummary::Completion::Oversized, readNs);
}

void OpenAiStreamReader::add(const SseEvent& event, std::int64_t readNs)
{
    if (!m_finished)
        take(OpenAiChunk::classify(event.type, event.data), event.readIndex, readNs);
}

void OpenAiStreamReader::take(const OpenAiChunk& chunk, int readIndex, std::int64_t readNs)
{
    if (!m_summary.firstEventNs)
        m_summary.firstEventNs = readNs;
    switch (chunk.kind) {
    case OpenAiChunk::Kind::Done:
        end(StreamSummary::Completion::Complete, readNs);
        return;
    case OpenAiChunk::Kind::Error:
        m_summary.errorMessage = chunk.errorMessage;
        end(StreamSummary::Completion::StreamError, readNs);
        return;
    case OpenAiChunk::Kind::Malformed:
        ++m_summary.malformedEvents;
        return;
    case OpenAiChunk::Kind::Other:
        return;
    case OpenAiChunk::Kind::Json:
        break;
    }
    if (chunk.hasUsage()) {
        m_summary.tokenSource = StreamSummary::TokenSource::Usage;
        if (chunk.completionTokens)
            m_summary.outputTokens = chunk.completionTokens;
        if (chunk.promptTokens)
            m_summary.promptTokens = chunk.promptTokens;
    }
    if (chunk.roleOnly && !m_summary.firstContentNs && !m_summary.roleNs)
        m_summary.roleNs = readNs;
    if (!chunk.content) {
        if (!chunk.roleOnly && !chunk.hasUsage())
            ++m_summary.emptyEvents;
        return;
    }
    if (m_summary.lastContentNs) {
        m_summary.gapsNs.push_back(readNs - *m_summary.lastContentNs);
        if (readIndex == m_lastContentRead)
            ++m_summary.coalescedEvents;
    } else {
        m_summary.firstContentNs = readNs;
    }
    m_summary.lastContentNs = readNs;
    m_lastContentRead = readIndex;
    ++m_summary.contentEvents;
}

StreamSummary OpenAiStreamReader::finish(std::int64_t endNs)
{
    if (!m_finished) {
        // A cut-off event counts only when nothing of it can be missing.
        if (const auto tail = m_parser.finish()) {
            const OpenAiChunk chunk = OpenAiChunk::classify(tail->type, tail->data);
            if (chunk.kind == OpenAiChunk::Kind::Done || chunk.kind == OpenAiChunk::Kind::Json
                || chunk.kind == OpenAiChunk::Kind::Error)
                take(chunk, tail->readIndex, endNs);
        }
    }
    if (!m_finished)
        end(StreamSummary::Completion::Incomplete, endNs);
    m_summary.namesStreamOptions = !m_summary.firstEventNs && m_head.contains("stream_options");
    return m_summary;
}

void OpenAiStreamReader::end(StreamSummary::Completion completion, std::int64_t atNs)
{
    m_summary.completion = completion;
    m_summary.endNs = atNs;
    m_finished = true;
}

} // namespace Stressdeck
