// SPDX-License-Identifier: MIT

#include "demoservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>
#include <cstring>

namespace Stressdeck {

namespace {

const QString s_engine = QStringLiteral("vorpal/Llama-3.2-3B-Instruct");

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

//! FastAPI/pydantic-v2-style validation of a JSON body.
class Body {
public:
    QJsonObject object;
    QJsonArray problems;

    explicit Body(const QByteArray& data)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError) {
            problems.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("json_invalid") },
                { QStringLiteral("loc"), QJsonArray { QStringLiteral("body"), error.offset } },
                { QStringLiteral("msg"), QStringLiteral("JSON decode error") },
                { QStringLiteral("input"), QJsonObject {} },
                { QStringLiteral("ctx"), QJsonObject { { QStringLiteral("error"), error.errorString() } } } });
        } else if (!doc.isObject()) {
            problems.append(problem(QStringLiteral("model_attributes_type"), {},
                QStringLiteral("Input should be a valid dictionary or object to extract fields from"), QJsonValue()));
        } else {
            object = doc.object();
        }
    }

    bool ok() const { return problems.isEmpty(); }

    QString requiredString(const char* key)
    {
        if (!problems.isEmpty() && object.isEmpty())
            return {};
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isUndefined())
            problems.append(
                problem(QStringLiteral("missing"), QLatin1String(key), QStringLiteral("Field required"), object));
        else if (!v.isString())
            problems.append(problem(QStringLiteral("string_type"), QLatin1String(key),
                QStringLiteral("Input should be a valid string"), v));
        return v.toString();
    }

    int optionalInt(const char* key, int fallback)
    {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (v.isDouble() && v.toDouble() == std::floor(v.toDouble()))
            return v.toInt();
        bool ok = false;
        const int parsed = v.isString() ? v.toString().trimmed().toInt(&ok) : 0;
        if (!ok)
            problems.append(problem(QStringLiteral("int_parsing"), QLatin1String(key),
                QStringLiteral("Input should be a valid integer, unable to parse string as an integer"), v));
        return parsed;
    }

    HttpService::Response error() const
    {
        return HttpService::json(422, compact({ { QStringLiteral("detail"), problems } }));
    }

private:
    static QJsonObject problem(const QString& type, const QString& field, const QString& msg, const QJsonValue& input)
    {
        QJsonArray loc { QStringLiteral("body") };
        if (!field.isEmpty())
            loc.append(field);
        return { { QStringLiteral("type"), type }, { QStringLiteral("loc"), loc }, { QStringLiteral("msg"), msg },
            { QStringLiteral("input"), input } };
    }
};

QByteArray wavBytes(double seconds)
{
    const int rate = 24000;
    const auto samples = qint32(seconds * rate);
    QByteArray wav;
    auto put32 = [&](quint32 v) {
        for (int i = 0; i < 4; ++i)
            wav.append(char((v >> (8 * i)) & 0xff));
    };
    auto put16 = [&](quint16 v) {
        wav.append(char(v & 0xff));
        wav.append(char(v >> 8));
    };
    wav.append("RIFF");
    put32(quint32(36 + samples * 2));
    wav.append("WAVEfmt ");
    put32(16);
    put16(1); // PCM
    put16(1); // mono
    put32(rate);
    put32(rate * 2);
    put16(2);
    put16(16);
    wav.append("data");
    put32(quint32(samples * 2));
    for (qint32 i = 0; i < samples; ++i)
        put16(quint16(qint16(8000 * std::sin(2 * M_PI * 440.0 * i / rate))));
    return wav;
}

} // namespace

DemoService::DemoService(const DemoOptions& options, QObject* parent)
    : HttpService(parent)
    , m_rng(std::random_device {}())
    , m_self(qint64(QCoreApplication::applicationPid()))
{
    const auto add = [&](const char* method, const char* path, const char* endpoint) {
        m_routes.insert(QLatin1String(path), { QByteArray(method), QLatin1String(endpoint) });
    };
    add("GET", "/", "health");
    add("GET", "/health", "health");
    add("POST", "/chat", "chat");
    add("POST", "/verify", "verify");
    add("POST", "/agent/", "agent");
    add("POST", "/agent/advanced", "agent");
    add("POST", "/memories/search", "memory_search");
    add("GET", "/memories/", "memory_search");
    add("POST", "/code_assist", "code_assist");
    add("POST", "/library/search", "library_search");
    add("POST", "/voice/transcribe", "voice_transcribe");
    add("POST", "/voice/synthesize", "voice_synthesize");
    add("GET", "/metrics/current", "metrics");
    add("GET", "/_demo/config", "admin");
    add("PUT", "/_demo/config", "admin");
    add("GET", "/v1/models", "llm");
    add("POST", "/v1/chat/completions", "llm");
    add("POST", "/v1/completions", "llm");
    m_uptime.start();
    m_blockingQueue.slots = 1;
    m_voiceQueue.slots = 2;
    setOptions(options);
}

DemoService::~DemoService() = default;

void DemoService::setOptions(const DemoOptions& options)
{
    if (options.slowStartS != m_options.slowStartS || !m_sinceOptions.isValid())
        m_sinceOptions.start();
    m_options = options;
    m_modelQueue.slots = options.modelSlots;
    m_llm.slots = options.llmBatchSlots;
    fillLlmBatch();
    // Freed slots may let waiting jobs start.
    for (SlotQueue* q : { &m_modelQueue }) {
        while (q->busy < q->slots && !q->waiting.empty()) {
            auto job = std::move(q->waiting.front());
            q->waiting.pop_front();
            job();
        }
    }
}

bool DemoService::chance(double probability)
{
    return probability > 0 && std::uniform_real_distribution<double>(0, 1)(m_rng) < probability;
}

double DemoService::drawLatencyMs(double typicalMs, double minMs, double maxMs)
{
    // Right-skewed: lognormal with the median at the typical value and ~95 % below the maximum.
    const double sigma = std::max(0.05, std::log(maxMs / typicalMs) / 1.645);
    std::lognormal_distribution<double> dist(std::log(typicalMs), sigma);
    return std::clamp(dist(m_rng), minMs, maxMs) / m_options.speed;
}

void DemoService::leak()
{
    if (m_options.leakKbPerRequest <= 0)
        return;
    const auto bytes = size_t(m_options.leakKbPerRequest * 1024);
    auto block = std::make_unique<char[]>(bytes);
    std::memset(block.get(), 0x5a, bytes); // touch every page so resident memory really grows
    m_leaked.push_back(std::move(block));
}

void DemoService::occupy(SlotQueue& queue, double serviceMs, std::function<void()> done)
{
    auto job = [this, &queue, serviceMs, done = std::move(done)] {
        ++queue.busy;
        QTimer::singleShot(
            std::chrono::milliseconds(qint64(std::ceil(serviceMs))), Qt::PreciseTimer, this, [this, &queue, done] {
                release(queue);
                if (done)
                    done();
            });
    };
    if (queue.busy < queue.slots)
        job();
    else
        queue.waiting.push_back(std::move(job));
}

void DemoService::release(SlotQueue& queue)
{
    --queue.busy;
    if (queue.busy < queue.slots && !queue.waiting.empty()) {
        auto job = std::move(queue.waiting.front());
        queue.waiting.pop_front();
        job();
    }
}

QJsonObject DemoService::metricsSnapshot()
{
    const auto sample = m_self.sample(double(m_uptime.elapsed()) / 1000.0).value_or(SystemSample {});
    return { { QStringLiteral("timestamp"), double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 },
        { QStringLiteral("cpu_percent"), sample.cpuPercent }, { QStringLiteral("memory_mb"), sample.memoryMb },
        { QStringLiteral("memory_percent"), sample.memoryPercent },
        { QStringLiteral("request_count"), double(m_served) }, { QStringLiteral("avg_latency"), 0.0 },
        { QStringLiteral("error_rate"), 0.0 }, { QStringLiteral("vorpal_status"), QStringLiteral("healthy") } };
}

void DemoService::handle(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ++m_served;
    const QString path = request.url().path();
    // A fixed delay, outside the model: the reference for accuracy benchmarks.
    if (path.startsWith(QLatin1String("/_demo/delay/"))) {
        bool ok = false;
        const int ms = path.mid(13).toInt(&ok);
        respond(request, socket,
            ok && ms >= 0 ? json(200, QByteArrayLiteral("{\"ok\":true}")) : detail(404, QStringLiteral("Not Found")),
            std::chrono::milliseconds(ok ? std::clamp(ms, 0, 600000) : 0));
        return;
    }
    const QByteArray method = methodName(request.method());
    if (const auto it = m_routes.constFind(path); it != m_routes.constEnd()) {
        // A path may have several methods (the admin route); find one that matches.
        for (auto r = m_routes.constFind(path); r != m_routes.constEnd() && r.key() == path; ++r) {
            if (r->method == method) {
                serve(request, socket, path, *r);
                return;
            }
        }
        respond(request, socket, detail(405, QStringLiteral("Method Not Allowed")));
        return;
    }
    // Starlette's redirect_slashes: the same path with the trailing slash toggled is a 307.
    const QString toggled = path.endsWith(QLatin1Char('/')) ? path.chopped(1) : path + QLatin1Char('/');
    if (m_routes.contains(toggled)) {
        QUrl location = request.url();
        location.setPath(toggled);
        if (location.host().isEmpty()) {
            location.setScheme(QStringLiteral("http"));
            location.setHost(QString::fromLatin1(request.value("Host").split(':').value(0)));
            location.setPort(port());
        }
        Response r;
        r.status = 307;
        r.contentType.clear();
        r.headers.append({ QByteArrayLiteral("location"), location.toString(QUrl::FullyEncoded).toLatin1() });
        respond(request, socket, r);
        return;
    }
    respond(request, socket, detail(404, QStringLiteral("Not Found")));
}

void DemoService::serve(const QHttpServerRequest& request, QTcpSocket* socket, const QString& path, const Route& route)
{
    if (route.endpoint == QLatin1String("admin")) {
        if (route.method == "PUT") {
            const QJsonDocument doc = QJsonDocument::fromJson(request.body());
            DemoOptions options;
            QString error;
            if (!doc.isObject() || !DemoOptions::fromJson(doc.object(), &options, &error)) {
                respond(
                    request, socket, detail(422, error.isEmpty() ? QStringLiteral("expected a JSON object") : error));
                return;
            }
            setOptions(options);
        }
        respond(request, socket, json(200, compact(m_options.toJson())));
        return;
    }

    leak();
    const EndpointFault fault = m_options.faultFor(route.endpoint);
    const auto extra = std::chrono::milliseconds(qint64(fault.extraLatencyMs));
    if (m_options.slowStartS > 0 && double(m_sinceOptions.elapsed()) / 1000.0 < m_options.slowStartS) {
        respond(request, socket, detail(503, QStringLiteral("Service starting: models are still loading")), extra);
        return;
    }
    if (chance(fault.hangRate))
        return; // never answers; the client's timeout has to deal with it
    if (chance(fault.resetRate)) {
        resetConnection(socket);
        return;
    }
    if (chance(fault.errorRate)) {
        respond(request, socket,
            detail(fault.errorStatus, QStringLiteral("All engines failed. Last error: injected fault (demo service)")),
            extra + std::chrono::milliseconds(qint64(drawLatencyMs(20, 5, 100))));
        return;
    }

    if (route.endpoint == QLatin1String("llm"))
        return serveLlm(request, socket, path, fault.extraLatencyMs);

    const PendingResponse pending = defer(request, socket);
    const double extraMs = fault.extraLatencyMs;
    auto answerAfter = [this, pending, extraMs](SlotQueue* queue, double ms, Response response) {
        auto send = [this, pending, response, extraMs] {
            QTimer::singleShot(std::chrono::milliseconds(qint64(extraMs)), Qt::PreciseTimer, this,
                [pending, response] { pending.send(response); });
        };
        if (queue)
            occupy(*queue, ms, send);
        else
            QTimer::singleShot(std::chrono::milliseconds(qint64(ms)), Qt::PreciseTimer, this, send);
    };
    // Each chat, verify and agent request makes the memory worker ask the model once more.
    auto backgroundModelCall = [this] { occupy(m_modelQueue, drawLatencyMs(500, 300, 1000), {}); };

    if (route.endpoint == QLatin1String("health")) {
        const QJsonObject body = path == QLatin1String("/")
            ? QJsonObject { { QStringLiteral("status"), QStringLiteral("healthy") },
                  { QStringLiteral("service"), QStringLiteral("archive-brain") },
                  { QStringLiteral("version"), QStringLiteral("0.4.0") } }
            : QJsonObject { { QStringLiteral("status"), QStringLiteral("healthy") },
                  { QStringLiteral("vorpal_url"), QStringLiteral("http://vorpal:8000") },
                  { QStringLiteral("vorpal_model"), QStringLiteral("Llama-3.2-3B-Instruct") },
                  { QStringLiteral("async_memory"),
                      QJsonObject { { QStringLiteral("enabled"), true }, { QStringLiteral("start_from_latest"), true },
                          { QStringLiteral("last_id"), QStringLiteral("$") },
                          { QStringLiteral("stream_length"), double(std::min<qint64>(m_served, 1000)) } } } };
        answerAfter(nullptr, drawLatencyMs(5, 2, 10), json(200, compact(body)));
        return;
    }
    if (route.endpoint == QLatin1String("metrics")) {
        answerAfter(&m_blockingQueue, 1000.0 / m_options.speed, json(200, compact(metricsSnapshot())));
        return;
    }
    if (route.endpoint == QLatin1String("voice_transcribe")) {
        const QByteArray type = request.value("Content-Type");
        const QByteArray body = request.body();
        if (!type.startsWith("multipart/form-data") || !body.contains("name=\"audio\"")) {
            answerAfter(nullptr, 1, detail(500, QStringLiteral("400: No audio file provided")));
            return;
        }
        answerAfter(&m_voiceQueue, drawLatencyMs(3000, 2000, 5000),
            json(200,
                compact({ { QStringLiteral("text"), QStringLiteral("This is a transcription from the demo service.") },
                    { QStringLiteral("language"), QStringLiteral("en") }, { QStringLiteral("duration"), 2.5 } })));
        return;
    }
    if (route.method == "GET") { // GET /memories/
        answerAfter(&m_blockingQueue, drawLatencyMs(50, 20, 100),
            json(200, compact({ { QStringLiteral("memories"), QJsonArray {} }, { QStringLiteral("total"), 0 } })));
        return;
    }

    Body body(request.body());
    auto reject = [&](const QString& message) { answerAfter(nullptr, 1, detail(400, message)); };

    if (route.endpoint == QLatin1String("chat") || route.endpoint == QLatin1String("verify")) {
        const QString message = body.requiredString("message");
        if (!body.ok())
            return answerAfter(nullptr, 1, body.error());
        if (m_options.rateLimit) {
            auto& window = m_rateWindows[request.remoteAddress().toString()];
            const qint64 now = m_uptime.elapsed();
            while (!window.empty() && now - window.front() >= 60000)
                window.pop_front();
            if (window.size() >= 30)
                return answerAfter(
                    nullptr, 1, detail(429, QStringLiteral("Rate limit exceeded. Maximum 30 requests per minute.")));
            window.push_back(now);
        }
        if (message.trimmed().isEmpty())
            return reject(QStringLiteral("Message cannot be empty"));
        backgroundModelCall();
        if (route.endpoint == QLatin1String("chat")) {
            const bool shortPrompt = message.size() < 40;
            const double ms = shortPrompt ? drawLatencyMs(200, 150, 2000) : drawLatencyMs(3300, 900, 4800);
            const QString text = message.contains(QLatin1String("2+2"))
                ? QStringLiteral("2 + 2 = 4.")
                : QStringLiteral("Here is a thoughtful answer from the demo service.");
            return answerAfter(&m_modelQueue, ms,
                json(200,
                    compact({ { QStringLiteral("response"), text },
                        { QStringLiteral("engine"), QStringLiteral("bolt-xl") } })));
        }
        const QJsonObject qa { { QStringLiteral("question"), QStringLiteral("Is the answer correct?") },
            { QStringLiteral("answer"), QStringLiteral("Yes.") } };
        return answerAfter(&m_modelQueue, drawLatencyMs(8000, 6000, 10000),
            json(200,
                compact({ { QStringLiteral("initial_response"), QStringLiteral("Initial answer.") },
                    { QStringLiteral("verification_questions"), QJsonArray { qa.value(QStringLiteral("question")) } },
                    { QStringLiteral("verification_qa"), QJsonArray { qa } },
                    { QStringLiteral("final_response"), QStringLiteral("Verified answer.") },
                    { QStringLiteral("revised"), false }, { QStringLiteral("engine"), s_engine } })));
    }
    if (route.endpoint == QLatin1String("agent")) {
        const QString question = body.requiredString("question");
        const int maxSteps = body.optionalInt("max_steps", 10);
        if (!body.ok())
            return answerAfter(nullptr, 1, body.error());
        if (question.trimmed().isEmpty())
            return reject(QStringLiteral("Question cannot be empty"));
        backgroundModelCall();
        const QJsonObject step { { QStringLiteral("step_number"), 1 },
            { QStringLiteral("thought"), QStringLiteral("I should use a tool.") },
            { QStringLiteral("action"), QStringLiteral("Calculator") }, { QStringLiteral("action_input"), question },
            { QStringLiteral("observation"), QStringLiteral("5040") } };
        return answerAfter(&m_modelQueue, drawLatencyMs(4000, 1000, 10000),
            json(200,
                compact({ { QStringLiteral("answer"), QStringLiteral("The answer is 5040.") },
                    { QStringLiteral("steps"), QJsonArray { step } },
                    { QStringLiteral("total_steps"), std::min(1, maxSteps) }, { QStringLiteral("success"), true },
                    { QStringLiteral("engine"), s_engine }, { QStringLiteral("error"), QJsonValue() } })));
    }
    if (route.endpoint == QLatin1String("code_assist")) {
        const QString task = body.requiredString("task");
        const int attempts = body.optionalInt("max_attempts", 3);
        const int timeout = body.optionalInt("timeout", 10);
        if (!body.ok())
            return answerAfter(nullptr, 1, body.error());
        if (task.trimmed().isEmpty())
            return reject(QStringLiteral("Task cannot be empty"));
        if (attempts < 1 || attempts > 5)
            return reject(QStringLiteral("max_attempts must be between 1 and 5"));
        if (timeout < 1 || timeout > 30)
            return reject(QStringLiteral("timeout must be between 1 and 30 seconds"));
        return answerAfter(&m_modelQueue, drawLatencyMs(4000, 3000, 5000),
            json(200,
                compact({ { QStringLiteral("task"), task }, { QStringLiteral("code"), QStringLiteral("print(2 + 2)") },
                    { QStringLiteral("explanation"), QStringLiteral("Prints the sum.") },
                    { QStringLiteral("test_output"), QStringLiteral("4\n") }, { QStringLiteral("success"), true },
                    { QStringLiteral("attempts"), 1 }, { QStringLiteral("engine"), s_engine },
                    { QStringLiteral("error"), QJsonValue() } })));
    }
    if (route.endpoint == QLatin1String("memory_search") || route.endpoint == QLatin1String("library_search")) {
        const bool library = route.endpoint == QLatin1String("library_search");
        const QString query = body.requiredString("query");
        const int topK = body.optionalInt("top_k", library ? 5 : 10);
        if (!body.ok())
            return answerAfter(nullptr, 1, body.error());
        if (query.trimmed().isEmpty())
            return reject(QStringLiteral("Query cannot be empty"));
        QJsonArray items;
        for (int i = 0; i < std::clamp(topK, 0, 3); ++i) {
            if (library) {
                items.append(QJsonObject { { QStringLiteral("text"), QStringLiteral("A passage about %1.").arg(query) },
                    { QStringLiteral("filename"), QStringLiteral("notes-%1.md").arg(i + 1) },
                    { QStringLiteral("file_type"), QStringLiteral("md") }, { QStringLiteral("chunk_index"), i },
                    { QStringLiteral("total_chunks"), 3 }, { QStringLiteral("tokens"), 120 },
                    { QStringLiteral("timestamp"), 1767225600 }, { QStringLiteral("similarity_score"), 0.2 + 0.1 * i },
                    { QStringLiteral("similarity_pct"), 80.0 - 10.0 * i } });
            } else {
                items.append(
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("memory:%1").arg(1767225600000LL + i) },
                        { QStringLiteral("message"), QStringLiteral("Remembered: %1").arg(query) },
                        { QStringLiteral("perplexity"), 12.5 }, { QStringLiteral("surprise_score"), 0.75 },
                        { QStringLiteral("timestamp"), 1767225600.0 + i },
                        { QStringLiteral("session_id"), QStringLiteral("demo") },
                        { QStringLiteral("similarity_score"), 0.15 + 0.1 * i } });
            }
        }
        // The first library search loads the vectorizer: a cold-start stall of a few seconds.
        double ms = drawLatencyMs(60, 30, 150);
        if (library && !m_libraryWarm) {
            m_libraryWarm = true;
            ms = 3000.0 / m_options.speed;
        }
        const QJsonObject result = library
            ? QJsonObject { { QStringLiteral("chunks"), items }, { QStringLiteral("total"), items.size() },
                  { QStringLiteral("query"), query } }
            : QJsonObject { { QStringLiteral("memories"), items }, { QStringLiteral("total"), items.size() } };
        return answerAfter(&m_blockingQueue, ms, json(200, compact(result)));
    }
    if (route.endpoint == QLatin1String("voice_synthesize")) {
        const QString text = body.requiredString("text");
        if (!body.ok())
            return answerAfter(nullptr, 1, body.error());
        if (text.trimmed().isEmpty())
            return reject(QStringLiteral("Text cannot be empty"));
        Response wav;
        wav.contentType = QByteArrayLiteral("audio/wav");
        wav.body = wavBytes(0.25);
        wav.headers.append(
            { QByteArrayLiteral("Content-Disposition"), QByteArrayLiteral("attachment; filename=speech.wav") });
        return answerAfter(&m_voiceQueue, drawLatencyMs(5000, 3000, 8000), wav);
    }
    answerAfter(nullptr, 1, detail(404, QStringLiteral("Not Found")));
}

quint16 startDemoService(ServiceThread* thread, const DemoOptions& options, quint16 port, QString* error)
{
    return thread->start([options] { return new DemoService(options); }, port, error);
}

} // namespace Stressdeck
