// SPDX-License-Identifier: MIT

#pragma once

#include "multipart.h"
#include "stages.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Stressdeck {

//! How a streaming request type's bodies are completed for sending (issue #16).
struct StreamSendOptions {
    QString model; //!< `"model"` for a body that names none; empty: leave it out
    bool streamUsage = true; //!< merge `"stream_options": {"include_usage": true}`
};

//! One kind of request in a scenario: where it goes, what it sends, how often, and which
//! answers count as success.
struct RequestType {
    //! How the answer is read: as one body, or as an OpenAI-compatible event stream (issue #16).
    enum class Stream { None, OpenAi };

    QString name;
    QByteArray method = QByteArrayLiteral("GET");
    QString path = QStringLiteral("/");
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QByteArray> bodies; //!< one is picked at random per request; empty = no body
    double weight = 1.0;
    QList<int> acceptedStatus { 200 };
    bool followRedirects = false;
    Stream stream = Stream::None; //!< `"stream": "openai"` in a scenario file
    //! `"multipart": [...]`: the body is multipart/form-data of these parts (instead of `bodies`).
    QList<MultipartPart> multipart;

    bool isStreaming() const { return stream != Stream::None; }
    //! The bodies as sent: for a streaming type each JSON object with `"stream": true` and
    //! `"stream_options": {"include_usage": true}` merged in (one such object when there are no
    //! bodies); the bodies as they are otherwise. Scenario files keep what the user wrote.
    QList<QByteArray> bodiesToSend(const StreamSendOptions& options = {}) const;
    //! The headers as sent: with multipart parts, the Content-Type that names their boundary.
    QList<QPair<QByteArray, QByteArray>> headersToSend() const;
    //! A streaming body without a model of its own, so one must be given or asked for.
    bool needsModel() const;
    //! `body` (a JSON object) without `stream_options`: what is sent once a server rejected them.
    static QByteArray withoutStreamOptions(const QByteArray& body);

    friend bool operator==(const RequestType&, const RequestType&) = default;
};

//! A named, weighted mix of request types, loaded from and saved to JSON.
struct Scenario {
    QString name;
    QString description;
    QList<RequestType> requestTypes;
    //! The file's load shape (`"stages"`: users, `"rate_stages"`: requests per second; text or the
    //! Stages::toJson form); empty: none. A load given on the command line wins over it.
    Stages stages;

    friend bool operator==(const Scenario&, const Scenario&) = default;

    //! Reads a scenario file; on failure returns false and sets *error to a message that
    //! names the file and the line or field at fault.
    static bool load(const QString& fileName, Scenario* scenario, QString* error);
    static bool fromJson(const QByteArray& json, const QString& origin, Scenario* scenario, QString* error);
    QByteArray toJson() const;
    bool save(const QString& fileName, QString* error) const;

    //! Checks the semantic rules; the message names the field ("request_types[2].weight").
    bool validate(QString* error) const;

    //! The five request types of the original Archive-AI stress script on the real routes.
    static Scenario archiveAi();
    //! The same mix with the original script's (wrong) paths, to reproduce its results.
    static Scenario archiveAiOriginal();
    //! The five types with voice (synthesis as JSON, transcription as a multipart WAV upload) and
    //! a streamed chat completion of the OpenAI-compatible engine beneath (issue #16).
    static Scenario archiveAiMultiModal();
    //! Streamed `POST /v1/chat/completions` with a fixed pool of short, medium and long prompts,
    //! each with its `max_tokens`; no model of its own (`--model`, or the server's first).
    static Scenario openAiChat();
    static QList<Scenario> builtIns();
    //! Their ids, in the same order ("archive-ai", …), as `--scenario` takes them.
    static QStringList builtInIds();
    //! A built-in by name or id ("archive-ai", "archive-ai-original", "archive-ai-multimodal",
    //! "openai-chat"); empty name if none.
    static Scenario builtIn(const QString& nameOrId);

    //! A streaming request type needs a model (see RequestType::needsModel).
    bool needsModel() const;

    //! Replaces ${NAME} in header values with environment variables; false (naming the request
    //! type, header and variable) when one is not set. Files keep the ${NAME} form.
    bool resolveEnvironment(Scenario* resolved, QString* error) const;
    //! Header values as reports and screens may show them: credentials replaced by "***".
    static QList<QPair<QString, QString>> redactedHeaders(const RequestType& type);
    static bool isSensitiveHeader(const QByteArray& name);

    //! An ad-hoc request type from "METHOD /path" or "METHOD /path {json}".
    static bool parseRequestSpec(const QString& spec, RequestType* type, QString* error);
};

} // namespace Stressdeck
