// SPDX-License-Identifier: MIT

#pragma once

#include <QCoro/QCoroTask>
#include <QString>
#include <QUrl>

#include <chrono>

namespace Stressdeck {

//! The model a run's streaming bodies name when the user gave none: the first `id` in the
//! answer of an OpenAI-compatible server to `GET <target>/v1/models`, asked once before the run.
struct ModelLookup {
    QString model; //!< empty when the lookup failed
    QString error; //!< translated, names the URL and what went wrong

    static QCoro::Task<ModelLookup> firstModel(QUrl target, std::chrono::milliseconds timeout, bool insecure);
    //! The models URL of a target (its path kept as a prefix: http://h/api → http://h/api/v1/models).
    static QUrl modelsUrl(const QUrl& target);
    //! The first id of a `/v1/models` answer; empty with `*error` set when there is none.
    static QString firstId(const QByteArray& json, QString* error);
};

} // namespace Stressdeck
