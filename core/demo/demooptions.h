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
    // The OpenAI-compatible engine (/v1/…): reference times, divided by `speed` like the rest.
    double llmPrefillMsPerToken = 0.5; //!< prefill time per prompt token (prompt tokens = characters / 4)
    double llmDecodeMs = 30; //!< time per generated token with a batch of one
    double llmBatchSlowdown = 0.05; //!< each further sequence in the batch makes prefill and decode this much slower
    int llmBatchSlots = 16; //!< sequences decoded together; further requests wait in a FIFO
    int llmTokensPerEvent = 1; //!< tokens per streamed event
    bool llmBuffered = false; //!< the whole stream in one write at its end, as behind a buffering proxy
    bool llmOmitUsage = false; //!< never send the usage event, even when asked for

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
