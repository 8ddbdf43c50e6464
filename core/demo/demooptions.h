// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

class QCommandLineParser;

namespace Stressdeck {

//! Misbehaviour of one endpoint of the demo service.
struct EndpointFault {
    double errorRate = 0; //!< 0..1
    int errorStatus = 500;
    double hangRate = 0;
    double resetRate = 0;
    double extraLatencyMs = 0;

    friend bool operator==(const EndpointFault&, const EndpointFault&) = default;
};

//! The demo service's knobs; all of them can change while it runs.
struct DemoOptions {
    double speed = 10; //!< latency divisor against the real service's reference latencies
    QMap<QString, EndpointFault> faults; //!< by endpoint name (chat, agent, …) or "*" for all
    double leakKbPerRequest = 0;
    double slowStartS = 0;
    bool rateLimit = false;
    int modelSlots = 8;

    friend bool operator==(const DemoOptions&, const DemoOptions&) = default;

    EndpointFault faultFor(const QString& endpoint) const;

    //! Registers --speed, --error-rate, --hang, --reset, --extra-latency, --leak-kb,
    //! --slow-start, --rate-limit, --model-slots (each with `prefix` before the name).
    static void addTo(QCommandLineParser* parser, const QString& prefix);
    bool parse(const QCommandLineParser& parser, const QString& prefix, QString* error);

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject& json, DemoOptions* options, QString* error);

    //! The endpoint names the fault knobs accept.
    static QStringList endpoints();
};

} // namespace Stressdeck
