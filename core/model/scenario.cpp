// SPDX-License-Identifier: MIT

#include "scenario.h"

#include "savefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <tuple>

namespace Stressdeck {

namespace {

int lineOf(const QByteArray& data, int offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QStringList s_methods { QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
    QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS") };

} // namespace

bool Scenario::load(const QString& fileName, Scenario* scenario, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Scenario", "%1: cannot read: %2").arg(fileName, file.errorString());
        return false;
    }
    return fromJson(file.readAll(), fileName, scenario, error);
}

bool Scenario::fromJson(const QByteArray& json, const QString& origin, Scenario* scenario, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("Scenario", "%1:%2: invalid JSON: %3")
                     .arg(origin)
                     .arg(lineOf(json, parseError.offset))
                     .arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("Scenario", "%1: a scenario must be a JSON object").arg(origin);
        return false;
    }
    const QJsonObject root = doc.object();
    auto fieldError = [&](const QString& field, const QString& why) {
        *error = QCoreApplication::translate("Scenario", "%1: field \"%2\": %3").arg(origin, field, why);
        return false;
    };

    Scenario result;
    if (!root.value(QStringLiteral("name")).isString() || root.value(QStringLiteral("name")).toString().isEmpty())
        return fieldError(
            QStringLiteral("name"), QCoreApplication::translate("Scenario", "must be a non-empty string"));
    result.name = root.value(QStringLiteral("name")).toString();
    result.description = root.value(QStringLiteral("description")).toString();
    const QJsonValue typesValue = root.value(QStringLiteral("request_types"));
    if (!typesValue.isArray())
        return fieldError(QStringLiteral("request_types"),
            QCoreApplication::translate("Scenario", "must be an array of request types"));

    const QJsonArray types = typesValue.toArray();
    for (qsizetype i = 0; i < types.size(); ++i) {
        const QString at = QStringLiteral("request_types[%1]").arg(i);
        if (!types[i].isObject())
            return fieldError(at, QCoreApplication::translate("Scenario", "must be an object"));
        const QJsonObject t = types[i].toObject();
        RequestType type;
        auto field = [&](const char* key) -> QString { return at + QLatin1Char('.') + QLatin1String(key); };

        if (!t.value(QStringLiteral("name")).isString())
            return fieldError(field("name"), QCoreApplication::translate("Scenario", "must be a non-empty string"));
        type.name = t.value(QStringLiteral("name")).toString();

        const QJsonValue method = t.value(QStringLiteral("method"));
        if (!method.isUndefined()) {
            if (!method.isString())
                return fieldError(field("method"),
                    QCoreApplication::translate("Scenario", "must be a string such as \"GET\" or \"POST\""));
            type.method = method.toString().toUpper().toLatin1();
        }
        const QJsonValue path = t.value(QStringLiteral("path"));
        if (!path.isString())
            return fieldError(
                field("path"), QCoreApplication::translate("Scenario", "must be a string starting with \"/\""));
        type.path = path.toString();

        const QJsonValue headers = t.value(QStringLiteral("headers"));
        if (!headers.isUndefined()) {
            if (!headers.isObject())
                return fieldError(field("headers"),
                    QCoreApplication::translate("Scenario", "must be an object of header names to string values"));
            const QJsonObject h = headers.toObject();
            for (auto it = h.begin(); it != h.end(); ++it) {
                if (!it.value().isString())
                    return fieldError(field("headers") + QLatin1Char('.') + it.key(),
                        QCoreApplication::translate("Scenario", "must be a string"));
                type.headers.append({ it.key().toUtf8(), it.value().toString().toUtf8() });
            }
        }

        const QJsonValue bodies = t.value(QStringLiteral("bodies"));
        if (!bodies.isUndefined()) {
            if (!bodies.isArray())
                return fieldError(
                    field("bodies"), QCoreApplication::translate("Scenario", "must be an array of JSON bodies"));
            const QJsonArray list = bodies.toArray();
            for (qsizetype b = 0; b < list.size(); ++b) {
                const QJsonValue body = list[b];
                if (body.isObject())
                    type.bodies.append(compactJson(body.toObject()));
                else if (body.isArray())
                    type.bodies.append(QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact));
                else if (body.isString())
                    type.bodies.append(body.toString().toUtf8());
                else
                    return fieldError(field("bodies") + QStringLiteral("[%1]").arg(b),
                        QCoreApplication::translate("Scenario", "must be a JSON object, an array or a string"));
            }
        }

        const QJsonValue weight = t.value(QStringLiteral("weight"));
        if (!weight.isUndefined()) {
            if (!weight.isDouble())
                return fieldError(field("weight"), QCoreApplication::translate("Scenario", "must be a number"));
            type.weight = weight.toDouble();
        }

        const QJsonValue accepted = t.value(QStringLiteral("accepted_status"));
        if (!accepted.isUndefined()) {
            if (!accepted.isArray())
                return fieldError(field("accepted_status"),
                    QCoreApplication::translate("Scenario", "must be an array of status codes"));
            type.acceptedStatus.clear();
            const QJsonArray codes = accepted.toArray();
            for (const QJsonValue& code : codes) {
                if (!code.isDouble())
                    return fieldError(
                        field("accepted_status"), QCoreApplication::translate("Scenario", "must contain only numbers"));
                type.acceptedStatus.append(code.toInt());
            }
        }
        const QJsonValue follow = t.value(QStringLiteral("follow_redirects"));
        if (!follow.isUndefined()) {
            if (!follow.isBool())
                return fieldError(
                    field("follow_redirects"), QCoreApplication::translate("Scenario", "must be true or false"));
            type.followRedirects = follow.toBool();
        }
        const QJsonValue stream = t.value(QStringLiteral("stream"));
        if (!stream.isUndefined()) {
            if (!stream.isString())
                return fieldError(field("stream"), QCoreApplication::translate("Scenario", "must be a string"));
            if (stream.toString() != QLatin1String("openai"))
                return fieldError(field("stream"),
                    QCoreApplication::translate("Scenario", "\"%1\" is not one of %2")
                        .arg(stream.toString(), QStringLiteral("openai")));
            type.stream = RequestType::Stream::OpenAi;
        }
        result.requestTypes.append(type);
    }
    const QJsonValue userStages = root.value(QStringLiteral("stages"));
    const QJsonValue rateStages = root.value(QStringLiteral("rate_stages"));
    if (!userStages.isUndefined() && !rateStages.isUndefined())
        return fieldError(QStringLiteral("rate_stages"),
            QCoreApplication::translate("Scenario", "cannot be combined with \"stages\""));
    for (const auto& [key, value, unit] : { std::tuple { QStringLiteral("stages"), userStages, Stages::Unit::Users },
             std::tuple { QStringLiteral("rate_stages"), rateStages, Stages::Unit::Rate } }) {
        if (value.isUndefined())
            continue;
        QString why;
        std::optional<Stages> shape;
        if (value.isString())
            shape = Stages::parse(value.toString(), unit, &why);
        else if (value.isArray())
            shape = Stages::fromJson(value.toArray(), unit, &why);
        else
            why = QCoreApplication::translate("Scenario", "must be a text such as \"30s:10,1m:10\" or an array");
        if (!shape)
            return fieldError(key, why);
        result.stages = *shape;
    }
    QString why;
    if (!result.validate(&why)) {
        *error = QStringLiteral("%1: %2").arg(origin, why);
        return false;
    }
    *scenario = result;
    return true;
}

bool Scenario::validate(QString* error) const
{
    if (requestTypes.isEmpty()) {
        *error = QCoreApplication::translate("Scenario", "field \"request_types\": needs at least one request type");
        return false;
    }
    double totalWeight = 0;
    QStringList names;
    for (qsizetype i = 0; i < requestTypes.size(); ++i) {
        const RequestType& t = requestTypes[i];
        const QString at = QStringLiteral("request_types[%1]").arg(i);
        auto fail = [&](const char* key, const QString& why) {
            *error = QCoreApplication::translate("Scenario", "field \"%1\": %2")
                         .arg(at + QLatin1Char('.') + QLatin1String(key), why);
            return false;
        };
        if (t.name.trimmed().isEmpty())
            return fail("name", QCoreApplication::translate("Scenario", "must be a non-empty string"));
        if (names.contains(t.name))
            return fail("name", QCoreApplication::translate("Scenario", "\"%1\" is used twice").arg(t.name));
        names.append(t.name);
        if (!s_methods.contains(QString::fromLatin1(t.method)))
            return fail("method",
                QCoreApplication::translate("Scenario", "\"%1\" is not one of %2")
                    .arg(QString::fromLatin1(t.method), s_methods.join(u", ")));
        if (!t.path.startsWith(QLatin1Char('/')))
            return fail("path", QCoreApplication::translate("Scenario", "\"%1\" must start with \"/\"").arg(t.path));
        if (std::any_of(t.path.begin(), t.path.end(),
                [](QChar c) { return c.isSpace() || c.unicode() < 0x20 || c.unicode() == 0x7f; }))
            return fail(
                "path", QCoreApplication::translate("Scenario", "must not contain spaces or control characters"));
        for (const auto& [name, value] : t.headers) {
            // RFC 9110 token characters only; values without line breaks, so nothing can be
            // smuggled into the request.
            static const QByteArray tokenSpecials("!#$%&'*+-.^_`|~");
            const bool validName = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || tokenSpecials.contains(c);
            });
            if (!validName)
                return fail("headers",
                    QCoreApplication::translate("Scenario", "\"%1\" is not a valid header name")
                        .arg(QString::fromLatin1(name)));
            if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
                return fail("headers",
                    QCoreApplication::translate("Scenario", "the value of \"%1\" contains a line break")
                        .arg(QString::fromLatin1(name)));
        }
        if (!(t.weight >= 0) || t.weight > 1e6)
            return fail("weight", QCoreApplication::translate("Scenario", "must be a number from 0 to 1000000"));
        if (t.acceptedStatus.isEmpty())
            return fail("accepted_status", QCoreApplication::translate("Scenario", "needs at least one status code"));
        for (int code : t.acceptedStatus) {
            if (code < 100 || code > 599)
                return fail("accepted_status",
                    QCoreApplication::translate("Scenario", "%1 is not an HTTP status code (100–599)").arg(code));
        }
        if (t.isStreaming()) {
            // The stream options are merged into the body, so it has to be one JSON object.
            for (qsizetype b = 0; b < t.bodies.size(); ++b) {
                if (!QJsonDocument::fromJson(t.bodies[b]).isObject()) {
                    *error = QCoreApplication::translate("Scenario", "field \"%1\": %2")
                                 .arg(at + QStringLiteral(".bodies[%1] (\"%2\")").arg(b).arg(t.name),
                                     QCoreApplication::translate("Scenario", "must be an object"));
                    return false;
                }
            }
        }
        totalWeight += t.weight;
    }
    if (totalWeight <= 0) {
        *error
            = QCoreApplication::translate("Scenario", "field \"request_types\": at least one weight must be above 0");
        return false;
    }
    return true;
}

QList<QByteArray> RequestType::bodiesToSend(const StreamSendOptions& options) const
{
    if (!isStreaming())
        return bodies;
    auto merged = [&options](QJsonObject body) {
        body.insert(QStringLiteral("stream"), true);
        if (options.streamUsage)
            body.insert(QStringLiteral("stream_options"), QJsonObject { { QStringLiteral("include_usage"), true } });
        if (!options.model.isEmpty() && !body.contains(QStringLiteral("model")))
            body.insert(QStringLiteral("model"), options.model);
        return compactJson(body);
    };
    if (bodies.isEmpty())
        return { merged({}) };
    QList<QByteArray> sent;
    sent.reserve(bodies.size());
    for (const QByteArray& body : bodies)
        sent.append(merged(QJsonDocument::fromJson(body).object()));
    return sent;
}

bool RequestType::needsModel() const
{
    if (!isStreaming())
        return false;
    return bodies.isEmpty() || std::any_of(bodies.begin(), bodies.end(), [](const QByteArray& body) {
        return !QJsonDocument::fromJson(body).object().contains(QStringLiteral("model"));
    });
}

QByteArray RequestType::withoutStreamOptions(const QByteArray& body)
{
    QJsonObject object = QJsonDocument::fromJson(body).object();
    object.remove(QStringLiteral("stream_options"));
    return compactJson(object);
}

bool Scenario::needsModel() const
{
    return std::any_of(requestTypes.begin(), requestTypes.end(), [](const RequestType& t) { return t.needsModel(); });
}

QByteArray Scenario::toJson() const
{
    QJsonArray types;
    for (const RequestType& t : requestTypes) {
        QJsonObject headers;
        for (const auto& [key, value] : t.headers)
            headers.insert(QString::fromLatin1(key), QString::fromUtf8(value));
        QJsonArray bodies;
        for (const QByteArray& body : t.bodies) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (doc.isObject())
                bodies.append(doc.object());
            else if (doc.isArray())
                bodies.append(doc.array());
            else
                bodies.append(QString::fromUtf8(body));
        }
        QJsonArray accepted;
        for (int code : t.acceptedStatus)
            accepted.append(code);
        QJsonObject object { { QStringLiteral("name"), t.name },
            { QStringLiteral("method"), QString::fromLatin1(t.method) }, { QStringLiteral("path"), t.path },
            { QStringLiteral("weight"), t.weight }, { QStringLiteral("accepted_status"), accepted },
            { QStringLiteral("follow_redirects"), t.followRedirects } };
        if (!headers.isEmpty())
            object.insert(QStringLiteral("headers"), headers);
        if (!bodies.isEmpty())
            object.insert(QStringLiteral("bodies"), bodies);
        if (t.stream == RequestType::Stream::OpenAi)
            object.insert(QStringLiteral("stream"), QStringLiteral("openai"));
        types.append(object);
    }
    QJsonObject root { { QStringLiteral("name"), name }, { QStringLiteral("request_types"), types } };
    if (!description.isEmpty())
        root.insert(QStringLiteral("description"), description);
    if (!stages.isEmpty())
        root.insert(stages.unit() == Stages::Unit::Rate ? QStringLiteral("rate_stages") : QStringLiteral("stages"),
            stages.toJson());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Scenario::save(const QString& fileName, QString* error) const
{
    QString reason;
    if (!saveWholeFile(fileName, toJson(), &reason)) {
        *error = QCoreApplication::translate("Scenario", "%1: cannot write: %2").arg(fileName, reason);
        return false;
    }
    return true;
}

namespace {

RequestType jsonPost(const char* name, const char* path, const QList<QJsonObject>& bodies)
{
    RequestType t;
    t.name = QString::fromLatin1(name);
    t.method = QByteArrayLiteral("POST");
    t.path = QString::fromLatin1(path);
    t.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
    for (const QJsonObject& body : bodies)
        t.bodies.append(compactJson(body));
    return t;
}

QList<QJsonObject> bodiesWith(const char* key, const QStringList& values, const QString& prefix = {}, bool topK = false)
{
    QList<QJsonObject> bodies;
    for (const QString& v : values) {
        QJsonObject body { { QString::fromLatin1(key), QString(prefix + v) } };
        if (topK)
            body.insert(QStringLiteral("top_k"), 5);
        bodies.append(body);
    }
    return bodies;
}

Scenario archiveAiWithPaths(
    const QString& name, const QString& description, const char* agent, const char* memory, const char* code)
{
    // Payload pools exactly as the original concurrent_test.py sends them.
    const QStringList tasks { QStringLiteral("Calculate 7 factorial"), QStringLiteral("What is the capital of France?"),
        QStringLiteral("Count to 10"), QStringLiteral("What day is it today?") };
    const QStringList memoryQueries { QStringLiteral("recent conversations"), QStringLiteral("math calculations"),
        QStringLiteral("questions about cities"), QStringLiteral("code examples") };
    const QStringList snippets { QStringLiteral("print(2 + 2)"), QStringLiteral("import math\nprint(math.pi)"),
        QStringLiteral("result = sum(range(10))\nprint(result)"), QStringLiteral("print('Hello, World!')") };
    const QStringList libraryQueries { QStringLiteral("machine learning"), QStringLiteral("database design"),
        QStringLiteral("python programming"), QStringLiteral("system architecture") };

    Scenario s;
    s.name = name;
    s.description = description;
    s.requestTypes = {
        jsonPost("chat", "/chat", bodiesWith("message", { QStringLiteral("What is 2+2?") })),
        jsonPost("agent", agent, bodiesWith("question", tasks)),
        jsonPost("memory_search", memory, bodiesWith("query", memoryQueries, {}, true)),
        jsonPost("code_execution", code, bodiesWith("task", snippets, QStringLiteral("Execute this code: "))),
        jsonPost("library_search", "/library/search", bodiesWith("query", libraryQueries, {}, true)),
    };
    return s;
}

} // namespace

Scenario Scenario::archiveAi()
{
    return archiveAiWithPaths(QStringLiteral("Archive-AI"),
        QCoreApplication::translate(
            "Scenario", "The five request types of the Archive-AI stress script on the service's real routes."),
        "/agent/", "/memories/search", "/code_assist");
}

Scenario Scenario::archiveAiOriginal()
{
    return archiveAiWithPaths(QStringLiteral("Archive-AI (original script)"),
        QCoreApplication::translate("Scenario",
            "The original concurrent_test.py paths (/agent, /memory/search, /code-assist), which the real service "
            "answers with 307 and 404."),
        "/agent", "/memory/search", "/code-assist");
}

namespace {

//! A prompt of about `words` words, the same every time: a small linear congruential generator
//! over a fixed vocabulary, so the pool needs no file and a run can be repeated exactly.
QString generatedPrompt(int words, quint32 seed)
{
    static const QStringList vocabulary { QStringLiteral("system"), QStringLiteral("latency"),
        QStringLiteral("archive"), QStringLiteral("memory"), QStringLiteral("request"), QStringLiteral("service"),
        QStringLiteral("model"), QStringLiteral("token"), QStringLiteral("queue"), QStringLiteral("server"),
        QStringLiteral("library"), QStringLiteral("search"), QStringLiteral("answer"), QStringLiteral("record"),
        QStringLiteral("history"), QStringLiteral("network"), QStringLiteral("document"), QStringLiteral("summary") };
    QStringList text;
    quint32 state = seed;
    for (int i = 0; i < words; ++i) {
        state = state * 1664525U + 1013904223U;
        text.append(vocabulary[qsizetype((state >> 16) % quint32(vocabulary.size()))]);
    }
    return text.join(QLatin1Char(' '));
}

} // namespace

Scenario Scenario::openAiChat()
{
    struct Length {
        const char* ask;
        int words;
        int maxTokens;
    };
    // Short questions, a paragraph to summarise and a long document: prefill grows with the prompt.
    static constexpr Length lengths[] { { "Answer briefly:", 12, 32 }, { "Summarise this paragraph:", 120, 128 },
        { "Summarise this document in detail:", 900, 256 } };
    QList<QJsonObject> bodies;
    quint32 seed = 16;
    for (const Length& length : lengths) {
        for (int i = 0; i < 4; ++i) {
            const QString prompt = QLatin1String(length.ask) + QLatin1Char(' ') + generatedPrompt(length.words, ++seed);
            bodies.append({ { QStringLiteral("messages"),
                                QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                    { QStringLiteral("content"), prompt } } } },
                { QStringLiteral("max_tokens"), length.maxTokens } });
        }
    }
    Scenario s;
    s.name = QStringLiteral("OpenAI chat (streaming)");
    s.description = QCoreApplication::translate("Scenario",
        "Streamed POST /v1/chat/completions with short, medium and long prompts: time to first token and time per "
        "output token of an OpenAI-compatible engine.");
    RequestType chat = jsonPost("chat_completions", "/v1/chat/completions", bodies);
    chat.stream = RequestType::Stream::OpenAi;
    s.requestTypes = { chat };
    return s;
}

QList<Scenario> Scenario::builtIns()
{
    return { archiveAi(), archiveAiOriginal(), openAiChat() };
}

Scenario Scenario::builtIn(const QString& nameOrId)
{
    const QString key = nameOrId.trimmed().toLower();
    if (key == QLatin1String("archive-ai"))
        return archiveAi();
    if (key == QLatin1String("archive-ai-original") || key == QLatin1String("archive-ai (original script)"))
        return archiveAiOriginal();
    if (key == QLatin1String("openai-chat") || key == openAiChat().name.toLower())
        return openAiChat();
    return {};
}

namespace {
const QRegularExpression s_variable(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
} // namespace

bool Scenario::resolveEnvironment(Scenario* resolved, QString* error) const
{
    Scenario out = *this;
    for (RequestType& type : out.requestTypes) {
        for (auto& [name, value] : type.headers) {
            QString text = QString::fromUtf8(value);
            auto it = s_variable.globalMatch(text);
            QString expanded;
            qsizetype last = 0;
            while (it.hasNext()) {
                const auto match = it.next();
                const QString variable = match.captured(1);
                if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData())) {
                    *error = QCoreApplication::translate(
                        "Scenario", "request type \"%1\", header \"%2\": environment variable %3 is not set")
                                 .arg(type.name, QString::fromLatin1(name), variable);
                    return false;
                }
                expanded += text.mid(last, match.capturedStart() - last)
                    + qEnvironmentVariable(variable.toLocal8Bit().constData());
                last = match.capturedEnd();
            }
            expanded += text.mid(last);
            value = expanded.toUtf8();
        }
    }
    *resolved = out;
    return true;
}

bool Scenario::isSensitiveHeader(const QByteArray& name)
{
    const QByteArray n = name.toLower();
    static const QList<QByteArray> exact { "authorization", "proxy-authorization", "cookie", "set-cookie" };
    static const QList<QByteArray> parts { "token", "secret", "password", "api-key", "apikey", "api_key", "auth" };
    return exact.contains(n)
        || std::any_of(parts.begin(), parts.end(), [&](const QByteArray& p) { return n.contains(p); });
}

QList<QPair<QString, QString>> Scenario::redactedHeaders(const RequestType& type)
{
    QList<QPair<QString, QString>> out;
    for (const auto& [name, value] : type.headers) {
        const bool secret = isSensitiveHeader(name) || s_variable.match(QString::fromUtf8(value)).hasMatch();
        out.append({ QString::fromLatin1(name), secret ? QStringLiteral("***") : QString::fromUtf8(value) });
    }
    return out;
}

bool Scenario::parseRequestSpec(const QString& spec, RequestType* type, QString* error)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([A-Za-z]+)\\s+(/\\S*)\\s*(.*)$"), QRegularExpression::DotMatchesEverythingOption);
    const auto match = re.match(spec);
    if (!match.hasMatch()) {
        *error = QCoreApplication::translate(
            "Scenario", "--request \"%1\": expected \"METHOD /path\" or \"METHOD /path {json}\"")
                     .arg(spec);
        return false;
    }
    RequestType t;
    t.method = match.captured(1).toUpper().toLatin1();
    t.path = match.captured(2);
    t.name = QString::fromLatin1(t.method) + QLatin1Char(' ') + t.path;
    const QString body = match.captured(3).trimmed();
    if (!body.isEmpty()) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *error = QCoreApplication::translate("Scenario", "--request \"%1\": the body is not valid JSON: %2")
                         .arg(spec, parseError.errorString());
            return false;
        }
        t.bodies.append(body.toUtf8());
        t.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    }
    if (!s_methods.contains(QString::fromLatin1(t.method))) {
        *error = QCoreApplication::translate("Scenario", "--request \"%1\": \"%2\" is not one of %3")
                     .arg(spec, QString::fromLatin1(t.method), s_methods.join(u", "));
        return false;
    }
    *type = t;
    return true;
}

} // namespace Stressdeck
