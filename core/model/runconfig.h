// SPDX-License-Identifier: MIT

#pragma once

#include "scenario.h"
#include "slo.h"
#include "stages.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace Stressdeck {

enum class LoadModel { Closed, Open };
//! How requests travel: Qt's QNetworkAccessManager (TLS, HTTP/2, proxies, redirects) or the
//! lean HTTP/1.1 keep-alive client on QTcpSocket with http-parser.
enum class Transport { Qnam, Fast };

//! The setting a validation error is about, so a form can flag its field whatever the language.
enum class ConfigField {
    None,
    Target,
    Concurrency,
    Duration,
    Timeout,
    ThinkTime,
    Rate,
    SampleInterval,
    LeakThreshold,
    HealthPath,
    CheckpointInterval,
    MaxBody,
    Threads,
    MonitorPid,
    Stages
};

//! Thresholds for the analysis; the defaults are the original script's plus an error rate.
struct Thresholds {
    double successRatePct = 95.0;
    double leakMb = 100.0;
    double timeoutRatePct = 10.0;
    double p95Ms = 10000.0;
    double errorRatePct = 5.0;
    double stallS = 10.0;

    friend bool operator==(const Thresholds&, const Thresholds&) = default;
};

//! Everything a run needs besides the scenario: load shape, timing, target and monitoring.
struct RunConfig {
    QString profile = QStringLiteral("quick");
    QUrl target;
    int concurrency = 5;
    double durationS = 30;
    double timeoutS = 30;
    double thinkMinMs = 100;
    double thinkMaxMs = 500;
    LoadModel loadModel = LoadModel::Closed;
    double rateRps = 0;
    bool healthCheck = true;
    QString healthPath = QStringLiteral("/health");
    qint64 monitorPid = 0; //!< 0: whole system
    QString monitorName;
    double sampleIntervalS = 5;
    Thresholds thresholds;
    quint64 seed = 0; //!< 0: pick one at start and report it
    bool insecure = false; //!< do not verify TLS certificates (reported)
    qint64 maxBodyBytes = 8 * 1024 * 1024; //!< a longer response body is cut off as "Body too large"
    double checkpointIntervalS = 30; //!< how often a recovery copy of the report is handed out
    Transport transport = Transport::Qnam;
    int threads = 0; //!< engine threads the users are spread over; 0: one per core minus one (at least 1)
    //! A load shape instead of a constant load: users (Unit::Users) in the closed model, requests
    //! per second (Unit::Rate) in the open model; empty: constant. With stages the run lasts as
    //! long as they do (setStages keeps durationS equal to their total) and `concurrency` is the
    //! in-flight cap in the open model, the largest target in the closed one.
    Stressdeck::Stages stages {};
    //! Streaming request types (issue #16): the model for bodies that name none (`--model`, or the
    //! server's first), whether `stream_options` asks for usage (`--stream-usage`), and the
    //! objectives each request is judged on for goodput (`--slo`; empty: no goodput).
    QString model;
    bool streamUsage = true;
    Slo slo;

    friend bool operator==(const RunConfig&, const RunConfig&) = default;

    //! False with a translated message in `error` (and the setting in `field`) when a value is out of range.
    bool validate(QString* error, ConfigField* field = nullptr) const;
    //! An http:// or https:// URL with a host: what a run can be aimed at.
    static bool isValidTarget(const QUrl& url);
    bool isStaged() const { return !stages.isEmpty(); }
    //! Sets (or, with empty stages, clears) the load shape, and with it the load model, the
    //! duration and, for user stages, the concurrency (the largest target, at least 1).
    void setStages(const Stressdeck::Stages& shape);
};

//! A named starting point for a run's load shape.
struct Profile {
    QString name;
    int concurrency;
    double durationS;
    double timeoutS = 30;
    double thinkMinMs = 100;
    double thinkMaxMs = 500;
    Stressdeck::Stages stages {}; //!< empty: a constant load
    bool capacitySearch = false; //!< the window's capacity search (the built-in "capacity")

    void applyTo(RunConfig* config) const;
    static QList<Profile> builtIns();
    static std::optional<Profile> builtIn(const QString& name);
};

//! "30s", "500ms", "5m", "1h", "1.5" (seconds); nullopt when malformed or negative.
std::optional<double> parseDuration(const QString& text);
//! "100ms-500ms", "0.1-0.5", "0", "200ms" → milliseconds.
std::optional<std::pair<double, double>> parseThinkTime(const QString& text);
//! Whole seconds: "45s", "5m00s", "1h02m03s" (parseDuration reads them back).
QString formatDuration(double seconds);
//! As formatDuration, but fractions of a second stay ("500ms"): for fields that are read back.
QString formatDurationExact(double seconds);

//! Engine threads when a configuration says 0: one per core, minus one for the GUI (at least 1).
int defaultEngineThreads();

QString loadModelId(LoadModel model);
QString transportId(Transport transport);
std::optional<Transport> transportFromId(const QString& id);

} // namespace Stressdeck
