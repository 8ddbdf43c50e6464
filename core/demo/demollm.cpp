// SPDX-License-Identifier: MIT

// The demo service's OpenAI-compatible engine (the /v1 routes): vLLM's request validation, error
// bodies and stream format, with a shared batch that makes prefill and decode slower as it fills.

#include "demoservice.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <cmath>

namespace Stressdeck {

namespace {

const QString s_model = QStringLiteral("Llama-3.2-3B-Instruct");
//! Where an answer ends by itself ("stop") unless max_tokens ends it sooner ("length").
constexpr int s_answerTokens = 200;
constexpr double s_prefillBaseMs = 20;

//! Plain words without characters that JSON escapes, so events are put together without a JSON writer.
const char* const s_vocabulary[] = { "The ", "demo ", "engine ", "streams ", "one ", "token ", "at ", "a ", "time ",
    "so ", "that ", "clients ", "can ", "measure ", "latency ", "here. " };
constexpr int s_vocabularySize = int(std::size(s_vocabulary));

QByteArray tokenText(int first, int count)
{
    QByteArray text;
    for (int i = first; i < first + count; ++i)
        text += s_vocabulary[i % s_vocabularySize];
    return text;
}

QByteArray compactJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpService::Response openAiError(const QString& message, const QString& param, const QString& code = {})
{
    const QJsonObject error { { QStringLiteral("message"), message },
        { QStringLiteral("type"), QStringLiteral("invalid_request_error") },
        { QStringLiteral("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param) },
        { QStringLiteral("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code) } };
    return HttpService::json(400, compactJson({ { QStringLiteral("error"), error } }));
}

QJsonObject usageJson(int prompt, int completion)
{
    return { { QStringLiteral("prompt_tokens"), prompt }, { QStringLiteral("completion_tokens"), completion },
        { QStringLiteral("total_tokens"), prompt + completion } };
}

QByteArray usageBytes(int prompt, int completion)
{
    return "{\"prompt_tokens\":" + QByteArray::number(prompt) + ",\"completion_tokens\":"
        + QByteArray::number(completion) + ",\"total_tokens\":" + QByteArray::number(prompt + completion) + '}';
}

//! One request to the engine, as validated.
struct Generation {
    bool chat = true;
    bool stream = false;
    bool includeUsage = false;
    bool continuousUsage = false;
    int promptTokens = 0;
    int target = 0; //!< tokens to generate
    QByteArray finishReason;
    QByteArray id;
    qint64 created = 0;
    // While streaming:
    int sent = 0;
    bool roleSent = false;
    bool inBatch = false;
    QByteArray prefix; //!< every event's start, up to the choice's text
};

//! Reads the body like vLLM's pydantic models do; `error` is set when the request is refused.
std::optional<Generation> parseGeneration(const QByteArray& data, bool chat, HttpService::Response* error)
{
    auto fail = [&](const QString& message, const QString& param, const QString& code = {}) {
        *error = openAiError(message, param, code);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("Invalid JSON body: %1")
                        .arg(doc.isNull() ? parseError.errorString() : QStringLiteral("expected an object")),
            {});
    const QJsonObject body = doc.object();
    Generation g;
    g.chat = chat;
    const QJsonValue model = body.value(QStringLiteral("model"));
    if (!model.isUndefined() && model.toString() != s_model)
        return fail(QStringLiteral("The model `%1` does not exist.").arg(model.toString()), QStringLiteral("model"),
            QStringLiteral("model_not_found"));
    qsizetype promptChars = 0;
    if (chat) {
        const QJsonValue messages = body.value(QStringLiteral("messages"));
        if (!messages.isArray() || messages.toArray().isEmpty())
            return fail(QStringLiteral("'messages' is a required property and must be a non-empty array"),
                QStringLiteral("messages"));
        const QJsonArray list = messages.toArray();
        for (const QJsonValue& m : list) {
            const QJsonObject message = m.toObject();
            const QJsonValue content = message.value(QStringLiteral("content"));
            if (!message.value(QStringLiteral("role")).isString() || !(content.isString() || content.isArray()))
                return fail(QStringLiteral("each message needs a 'role' and a 'content'"), QStringLiteral("messages"));
            if (content.isString()) {
                promptChars += content.toString().size();
            } else {
                const QJsonArray parts = content.toArray();
                for (const QJsonValue& part : parts)
                    promptChars += part.toObject().value(QStringLiteral("text")).toString().size();
            }
        }
    } else {
        const QJsonValue prompt = body.value(QStringLiteral("prompt"));
        if (prompt.isString()) {
            promptChars = prompt.toString().size();
        } else if (prompt.isArray() && !prompt.toArray().isEmpty()) {
            const QJsonArray prompts = prompt.toArray();
            for (const QJsonValue& p : prompts)
                promptChars += p.toString().size();
        } else {
            return fail(QStringLiteral("'prompt' is a required property (a string or a list of strings)"),
                QStringLiteral("prompt"));
        }
    }
    g.promptTokens = std::max<int>(1, int(promptChars / 4));

    QJsonValue maxTokens = body.value(QStringLiteral("max_tokens"));
    if (chat && (maxTokens.isUndefined() || maxTokens.isNull()))
        maxTokens = body.value(QStringLiteral("max_completion_tokens"));
    int limit = s_answerTokens;
    bool limited = false;
    if (!maxTokens.isUndefined() && !maxTokens.isNull()) {
        const double v = maxTokens.toDouble(-1);
        if (!maxTokens.isDouble() || v != std::floor(v) || v < 1 || v > 100000)
            return fail(QStringLiteral("max_tokens must be an integer from 1 to 100000"), QStringLiteral("max_tokens"));
        limit = int(v);
        limited = true;
    }
    const bool ignoreEos = body.value(QStringLiteral("ignore_eos")).toBool();
    if (limited && (ignoreEos || limit <= s_answerTokens)) {
        g.target = limit;
        g.finishReason = "length";
    } else {
        g.target = s_answerTokens;
        g.finishReason = "stop";
    }

    const QJsonValue stream = body.value(QStringLiteral("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return fail(QStringLiteral("'stream' must be a boolean"), QStringLiteral("stream"));
    g.stream = stream.toBool();
    const QJsonValue options = body.value(QStringLiteral("stream_options"));
    if (!options.isUndefined() && !options.isNull()) {
        if (!g.stream)
            return fail(QStringLiteral("Stream options can only be defined when `stream=True`."),
                QStringLiteral("stream_options"));
        if (!options.isObject())
            return fail(QStringLiteral("'stream_options' must be an object"), QStringLiteral("stream_options"));
        g.includeUsage = options.toObject().value(QStringLiteral("include_usage")).toBool();
        g.continuousUsage
            = g.includeUsage && options.toObject().value(QStringLiteral("continuous_usage_stats")).toBool();
    }
    return g;
}

} // namespace

double DemoService::llmBatchFactor() const
{
    return 1 + m_options.llmBatchSlowdown * std::max(0, m_llm.decoding - 1);
}

void DemoService::joinLlmBatch(QTcpSocket* socket, std::function<void()> start)
{
    m_llm.waiting.emplace_back(socket, std::move(start));
    fillLlmBatch();
}

void DemoService::leaveLlmBatch()
{
    --m_llm.decoding;
    fillLlmBatch();
}

void DemoService::fillLlmBatch()
{
    while (m_llm.decoding < m_llm.slots && !m_llm.waiting.empty()) {
        auto [socket, start] = std::move(m_llm.waiting.front());
        m_llm.waiting.pop_front();
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            continue; // the client gave up while waiting
        ++m_llm.decoding;
        start();
    }
}

void DemoService::serveLlm(const QHttpServerRequest& request, QTcpSocket* socket, const QString& path, double extraMs)
{
    const double speed = m_options.speed;
    if (path == QLatin1String("/v1/models")) {
        const QJsonObject model { { QStringLiteral("id"), s_model },
            { QStringLiteral("object"), QStringLiteral("model") },
            { QStringLiteral("created"), double(QDateTime::currentSecsSinceEpoch()) },
            { QStringLiteral("owned_by"), QStringLiteral("vllm") }, { QStringLiteral("root"), s_model },
            { QStringLiteral("parent"), QJsonValue() }, { QStringLiteral("max_model_len"), 8192 } };
        respond(request, socket,
            json(200,
                compactJson({ { QStringLiteral("object"), QStringLiteral("list") },
                    { QStringLiteral("data"), QJsonArray { model } } })),
            std::chrono::milliseconds(qint64(std::ceil(drawLatencyMs(2, 1, 5) + extraMs))));
        return;
    }
    const bool chat = path == QLatin1String("/v1/chat/completions");
    Response refusal;
    const std::optional<Generation> parsed = parseGeneration(request.body(), chat, &refusal);
    if (!parsed) {
        respond(request, socket, refusal);
        return;
    }
    auto g = std::make_shared<Generation>(*parsed);
    g->id = (chat ? "chatcmpl-demo" : "cmpl-demo") + QByteArray::number(++m_llmRequests, 16);
    g->created = QDateTime::currentSecsSinceEpoch();
    if (m_options.llmOmitUsage)
        g->includeUsage = g->continuousUsage = false;

    const double prefillMs = s_prefillBaseMs + m_options.llmPrefillMsPerToken * g->promptTokens;
    if (!g->stream) {
        const PendingResponse pending = defer(request, socket);
        joinLlmBatch(socket, [this, g, pending, prefillMs, speed, extraMs] {
            const double ms
                = (prefillMs + (g->target - 1) * m_options.llmDecodeMs) * llmBatchFactor() / speed + extraMs;
            QTimer::singleShot(qint64(std::ceil(ms)), Qt::PreciseTimer, this, [this, g, pending] {
                leaveLlmBatch();
                const QString text = QString::fromLatin1(tokenText(0, g->target));
                const QJsonObject choice = g->chat
                    ? QJsonObject { { QStringLiteral("index"), 0 },
                          { QStringLiteral("message"),
                              QJsonObject { { QStringLiteral("role"), QStringLiteral("assistant") },
                                  { QStringLiteral("content"), text } } },
                          { QStringLiteral("logprobs"), QJsonValue() },
                          { QStringLiteral("finish_reason"), QString::fromLatin1(g->finishReason) } }
                    : QJsonObject { { QStringLiteral("index"), 0 }, { QStringLiteral("text"), text },
                          { QStringLiteral("logprobs"), QJsonValue() },
                          { QStringLiteral("finish_reason"), QString::fromLatin1(g->finishReason) } };
                pending.send(json(200,
                    compactJson({ { QStringLiteral("id"), QString::fromLatin1(g->id) },
                        { QStringLiteral("object"),
                            g->chat ? QStringLiteral("chat.completion") : QStringLiteral("text_completion") },
                        { QStringLiteral("created"), double(g->created) }, { QStringLiteral("model"), s_model },
                        { QStringLiteral("choices"), QJsonArray { choice } },
                        { QStringLiteral("usage"), usageJson(g->promptTokens, g->target) } })));
            });
        });
        return;
    }

    g->prefix = "data: {\"id\":\"" + g->id + "\",\"object\":\""
        + (g->chat ? "chat.completion.chunk" : "text_completion") + "\",\"created\":" + QByteArray::number(g->created)
        + ",\"model\":\"" + s_model.toLatin1() + "\",\"choices\":[{\"index\":0,";
    const int perEvent = m_options.llmTokensPerEvent;
    const bool buffered = m_options.llmBuffered;
    const QPointer<QTcpSocket> client = socket;
    joinLlmBatch(socket, [this, g, client, prefillMs, speed, perEvent, buffered, extraMs] {
        if (!client)
            return leaveLlmBatch();
        g->inBatch = true;
        auto producer = [this, g, speed, perEvent]() -> StreamStep {
            auto event = [&](const QByteArray& choice, int completion) -> QByteArray {
                QByteArray e = g->prefix + choice + "}]";
                if (g->continuousUsage)
                    e += ",\"usage\":" + usageBytes(g->promptTokens, completion);
                else if (g->includeUsage)
                    e += ",\"usage\":null";
                return e + "}\n\n";
            };
            if (g->chat && !g->roleSent) {
                g->roleSent = true;
                return { event("\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                               "\"finish_reason\":null",
                             0),
                    StreamStep::Then::Continue,
                    (std::min(perEvent, g->target) - 1) * m_options.llmDecodeMs * llmBatchFactor() / speed };
            }
            const int n = std::min(perEvent, g->target - g->sent);
            const QByteArray text = tokenText(g->sent, n);
            g->sent += n;
            const bool last = g->sent >= g->target;
            const QByteArray finish = last ? QByteArray('"' + g->finishReason + '"') : QByteArrayLiteral("null");
            const QByteArray choice = g->chat ? QByteArray("\"delta\":{\"content\":\"" + text + "\"},")
                                              : QByteArray("\"text\":\"" + text + "\",");
            QByteArray data = event(choice + "\"logprobs\":null,\"finish_reason\":" + finish, g->sent);
            if (!last) {
                const int next = std::min(perEvent, g->target - g->sent);
                return { data, StreamStep::Then::Continue, next * m_options.llmDecodeMs * llmBatchFactor() / speed };
            }
            g->inBatch = false;
            leaveLlmBatch();
            if (g->includeUsage)
                data += "data: {\"id\":\"" + g->id + "\",\"object\":\""
                    + (g->chat ? "chat.completion.chunk" : "text_completion")
                    + "\",\"created\":" + QByteArray::number(g->created) + ",\"model\":\"" + s_model.toLatin1()
                    + "\",\"choices\":[],\"usage\":" + usageBytes(g->promptTokens, g->target) + "}\n\n";
            data += "data: [DONE]\n\n";
            return { data, StreamStep::Then::Finish, 0 };
        };
        // The first token (and chat's role-only event) comes out of the prefill; a multi-token event
        // waits for the rest of its tokens.
        const double restOfEventMs = g->chat ? 0 : (std::min(perEvent, g->target) - 1) * m_options.llmDecodeMs;
        const double firstMs = (prefillMs + restOfEventMs) * llmBatchFactor() / speed + extraMs;
        StreamHead head;
        head.buffered = buffered;
        startStream(client, head, firstMs, producer, [this, g] {
            if (g->inBatch) {
                g->inBatch = false;
                leaveLlmBatch();
            }
        });
    });
}

} // namespace Stressdeck
