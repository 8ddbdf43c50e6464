// SPDX-License-Identifier: MIT

#include "scenario.h"

#include "savefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <cmath>
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

//! Reads `"multipart"` of a request type; on failure sets *field (the key at fault, under `at`)
//! and *why. Files are read relative to `base`, at most 64 MiB each.
bool parseMultipart(const QJsonValue& value, const QString& at, const QDir& base, QList<MultipartPart>* parts,
    QString* field, QString* why)
{
    auto failAt = [&](const QString& key, const QString& reason) {
        *field = key;
        *why = reason;
        return false;
    };
    if (!value.isArray() || value.toArray().isEmpty())
        return failAt(at, QCoreApplication::translate("Scenario", "must be a non-empty array of parts"));
    const QJsonArray list = value.toArray();
    for (qsizetype j = 0; j < list.size(); ++j) {
        const QString partAt = at + QStringLiteral("[%1]").arg(j);
        if (!list[j].isObject())
            return failAt(partAt, QCoreApplication::translate("Scenario", "must be an object"));
        const QJsonObject o = list[j].toObject();
        MultipartPart part;
        for (const auto& [key, target] : { std::pair { "name", &part.name }, std::pair { "filename", &part.filename },
                 std::pair { "content_type", &part.contentType } }) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined())
                continue;
            if (!v.isString())
                return failAt(partAt + QLatin1Char('.') + QLatin1String(key),
                    QCoreApplication::translate("Scenario", "must be a string"));
            *target = v.toString();
        }
        const int sources = int(o.contains(QStringLiteral("value"))) + int(o.contains(QStringLiteral("file")))
            + int(o.contains(QStringLiteral("wav")));
        if (sources != 1)
            return failAt(partAt,
                QCoreApplication::translate("Scenario", "needs exactly one of \"value\", \"file\" and \"wav\""));
        if (o.contains(QStringLiteral("value"))) {
            if (!o.value(QStringLiteral("value")).isString())
                return failAt(
                    partAt + QStringLiteral(".value"), QCoreApplication::translate("Scenario", "must be a string"));
            part.source = MultipartPart::Source::Value;
            part.value = o.value(QStringLiteral("value")).toString();
            part.data = part.value.toUtf8();
        } else if (o.contains(QStringLiteral("file"))) {
            if (!o.value(QStringLiteral("file")).isString())
                return failAt(
                    partAt + QStringLiteral(".file"), QCoreApplication::translate("Scenario", "must be a string"));
            part.source = MultipartPart::Source::File;
            part.file = o.value(QStringLiteral("file")).toString();
            QFile file(base.absoluteFilePath(part.file));
            constexpr qint64 maxBytes = 64 << 20;
            const QString shown = QDir::toNativeSeparators(file.fileName());
            // A regular file only: a device or a pipe might never end.
            if (QFileInfo::exists(file.fileName()) && !QFileInfo(file.fileName()).isFile())
                return failAt(partAt + QStringLiteral(".file"),
                    QCoreApplication::translate("Scenario", "%1 is not a regular file").arg(shown));
            if (!file.open(QIODevice::ReadOnly))
                return failAt(partAt + QStringLiteral(".file"),
                    QCoreApplication::translate("Scenario", "cannot read %1: %2").arg(shown, file.errorString()));
            part.data = file.read(maxBytes + 1);
            if (part.data.size() > maxBytes)
                return failAt(partAt + QStringLiteral(".file"),
                    QCoreApplication::translate("Scenario", "%1 is larger than 64 MiB").arg(shown));
            if (part.filename.isEmpty())
                part.filename = QFileInfo(part.file).fileName();
            if (part.contentType.isEmpty())
                part.contentType = part.file.endsWith(QLatin1String(".wav"), Qt::CaseInsensitive)
                    ? QStringLiteral("audio/wav")
                    : QStringLiteral("application/octet-stream");
        } else {
            const QJsonValue wav = o.value(QStringLiteral("wav"));
            if (!wav.isObject())
                return failAt(partAt + QStringLiteral(".wav"),
                    QCoreApplication::translate("Scenario", "must be an object such as {\"seconds\": 2}"));
            part.source = MultipartPart::Source::Wav;
            const QJsonObject w = wav.toObject();
            const QJsonValue seconds = w.value(QStringLiteral("seconds"));
            if (!seconds.isUndefined()) {
                if (!seconds.isDouble() || !(seconds.toDouble() >= 0.1 && seconds.toDouble() <= 600))
                    return failAt(partAt + QStringLiteral(".wav.seconds"),
                        QCoreApplication::translate("Scenario", "must be a number from 0.1 to 600"));
                part.wavSeconds = seconds.toDouble();
            }
            const QJsonValue rate = w.value(QStringLiteral("sample_rate"));
            if (!rate.isUndefined()) {
                if (!rate.isDouble() || rate.toDouble() != std::floor(rate.toDouble()) || rate.toDouble() < 8000
                    || rate.toDouble() > 48000)
                    return failAt(partAt + QStringLiteral(".wav.sample_rate"),
                        QCoreApplication::translate("Scenario", "must be a whole number from 8000 to 48000"));
                part.wavSampleRate = rate.toInt();
            }
            part.data = Multipart::toneWav(part.wavSeconds, part.wavSampleRate);
            if (part.filename.isEmpty())
                part.filename = QStringLiteral("speech.wav");
            if (part.contentType.isEmpty())
                part.contentType = QStringLiteral("audio/wav");
        }
        parts->append(part);
    }
    return true;
}

QJsonArray multipartToJson(const QList<MultipartPart>& parts)
{
    QJsonArray list;
    for (const MultipartPart& p : parts) {
        QJsonObject o { { QStringLiteral("name"), p.name } };
        switch (p.source) {
        case MultipartPart::Source::Value:
            o.insert(QStringLiteral("value"), p.value);
            break;
        case MultipartPart::Source::File:
            o.insert(QStringLiteral("file"), p.file);
            break;
        case MultipartPart::Source::Wav:
            o.insert(QStringLiteral("wav"),
                QJsonObject {
                    { QStringLiteral("seconds"), p.wavSeconds }, { QStringLiteral("sample_rate"), p.wavSampleRate } });
            break;
        }
        if (!p.filename.isEmpty())
            o.insert(QStringLiteral("filename"), p.filename);
        if (!p.contentType.isEmpty())
            o.insert(QStringLiteral("content_type"), p.contentType);
        list.append(o);
    }
    return list;
}

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
        const QJsonValue multipart = t.value(QStringLiteral("multipart"));
        if (!multipart.isUndefined()) {
            QString key;
            QString why;
            const QFileInfo originFile(origin);
            if (!parseMultipart(multipart, field("multipart"), originFile.exists() ? originFile.absoluteDir() : QDir(),
                    &type.multipart, &key, &why))
                return fieldError(key, why);
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
        if (!t.multipart.isEmpty()) {
            if (!t.bodies.isEmpty())
                return fail("multipart", QCoreApplication::translate("Scenario", "cannot be combined with \"bodies\""));
            if (t.isStreaming())
                return fail("multipart", QCoreApplication::translate("Scenario", "cannot be combined with \"stream\""));
            if (t.method == "GET" || t.method == "HEAD")
                return fail("multipart",
                    QCoreApplication::translate("Scenario", "needs a method that sends a body, such as POST"));
            for (const auto& [name, value] : t.headers) {
                if (name.compare("content-type", Qt::CaseInsensitive) == 0)
                    return fail("headers",
                        QCoreApplication::translate(
                            "Scenario", "Content-Type is set by \"multipart\" (it names the boundary); leave it out"));
            }
            for (const MultipartPart& p : t.multipart) {
                auto unsafe = [](const QString& text) {
                    return std::any_of(text.begin(), text.end(),
                        [](QChar c) { return c == QLatin1Char('"') || c.unicode() < 0x20 || c.unicode() == 0x7f; });
                };
                if (p.name.isEmpty() || unsafe(p.name) || unsafe(p.filename) || unsafe(p.contentType))
                    return fail("multipart",
                        QCoreApplication::translate("Scenario",
                            "part \"%1\": needs a name, and names, file names and content types without quotes or "
                            "control characters")
                            .arg(p.name));
            }
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
    if (!multipart.isEmpty())
        return { Multipart::encode(multipart, Multipart::boundaryFor(multipart)) };
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

QList<QPair<QByteArray, QByteArray>> RequestType::headersToSend() const
{
    if (multipart.isEmpty())
        return headers;
    QList<QPair<QByteArray, QByteArray>> sent = headers;
    sent.append(
        { QByteArrayLiteral("Content-Type"), "multipart/form-data; boundary=" + Multipart::boundaryFor(multipart) });
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
        if (!t.multipart.isEmpty())
            object.insert(QStringLiteral("multipart"), multipartToJson(t.multipart));
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

Scenario Scenario::archiveAiMultiModal()
{
    Scenario s = archiveAi();
    s.name = QStringLiteral("Archive-AI multi-modal");
    s.description = QCoreApplication::translate("Scenario",
        "The five Archive-AI request types with voice (text to speech as JSON, speech to text as a multipart WAV "
        "upload) and a streamed chat completion of the OpenAI-compatible engine beneath.");
    s.requestTypes.append(jsonPost("voice_synthesize", "/voice/synthesize",
        bodiesWith("text", { QStringLiteral("Hello, this is Archive."), QStringLiteral("Your build finished.") })));
    RequestType transcribe;
    transcribe.name = QStringLiteral("voice_transcribe");
    transcribe.method = QByteArrayLiteral("POST");
    transcribe.path = QStringLiteral("/voice/transcribe");
    MultipartPart audio;
    audio.name = QStringLiteral("audio");
    audio.source = MultipartPart::Source::Wav;
    audio.filename = QStringLiteral("speech.wav");
    audio.contentType = QStringLiteral("audio/wav");
    audio.data = Multipart::toneWav(audio.wavSeconds, audio.wavSampleRate);
    transcribe.multipart = { audio };
    s.requestTypes.append(transcribe);
    QList<QJsonObject> prompts;
    for (const char* prompt :
        { "Summarise the last meeting in two sentences.", "What is 2+2?", "Write a haiku about load testing." }) {
        prompts.append({ { QStringLiteral("model"), QStringLiteral("Llama-3.2-3B-Instruct") },
            { QStringLiteral("messages"),
                QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"), QString::fromLatin1(prompt) } } } },
            { QStringLiteral("max_tokens"), 64 } });
    }
    RequestType llm = jsonPost("llm_stream", "/v1/chat/completions", prompts);
    llm.stream = RequestType::Stream::OpenAi;
    s.requestTypes.append(llm);
    return s;
}

namespace {

struct BuiltInScenario {
    const char* id;
    Scenario (*make)();
};
const BuiltInScenario s_builtIns[]
    = { { "archive-ai", &Scenario::archiveAi }, { "archive-ai-original", &Scenario::archiveAiOriginal },
          { "archive-ai-multimodal", &Scenario::archiveAiMultiModal }, { "openai-chat", &Scenario::openAiChat } };

} // namespace

QList<Scenario> Scenario::builtIns()
{
    QList<Scenario> list;
    for (const BuiltInScenario& b : s_builtIns)
        list.append(b.make());
    return list;
}

QStringList Scenario::builtInIds()
{
    QStringList ids;
    for (const BuiltInScenario& b : s_builtIns)
        ids.append(QString::fromLatin1(b.id));
    return ids;
}

Scenario Scenario::builtIn(const QString& nameOrId)
{
    const QString key = nameOrId.trimmed();
    for (const BuiltInScenario& b : s_builtIns) {
        if (key.compare(QLatin1String(b.id), Qt::CaseInsensitive) == 0)
            return b.make();
        const Scenario s = b.make();
        if (key.compare(s.name, Qt::CaseInsensitive) == 0)
            return s;
    }
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
