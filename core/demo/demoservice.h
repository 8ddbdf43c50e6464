// SPDX-License-Identifier: MIT

#pragma once

#include "demooptions.h"
#include "httpservice.h"
#include "processsampler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>

#include <deque>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace Stressdeck {

//! A stand-in for the Archive-AI "Brain" API: the same routes, validation and error bodies,
//! latencies drawn from the real service's ranges (divided by a speed factor), a shared model
//! queue so latency rises with concurrency, and fault knobs that change while it runs.
class DemoService : public HttpService {
    Q_OBJECT
public:
    explicit DemoService(const DemoOptions& options = {}, QObject* parent = nullptr);
    ~DemoService() override;

    DemoOptions options() const { return m_options; }
    void setOptions(const DemoOptions& options);
    //! Sequences the /v1 engine is decoding now, and requests waiting for a place in its batch.
    int llmBatchSize() const { return m_llm.decoding; }
    int llmWaiting() const { return int(m_llm.waiting.size()); }

protected:
    void handle(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Route {
        QByteArray method;
        QString endpoint; //!< knob name
    };
    //! A limited number of parallel slots with a FIFO of waiting jobs.
    struct SlotQueue {
        int slots = 1;
        int busy = 0;
        std::deque<std::function<void()>> waiting;
    };

    //! The OpenAI-compatible engine's shared batch: `slots` sequences at most, the rest wait in order.
    struct LlmBatch {
        int slots = 16;
        int decoding = 0;
        std::deque<std::pair<QPointer<QTcpSocket>, std::function<void()>>> waiting;
    };

    void serve(const QHttpServerRequest& request, QTcpSocket* socket, const QString& path, const Route& route);
    // The /v1 routes (demollm.cpp).
    void serveLlm(const QHttpServerRequest& request, QTcpSocket* socket, const QString& path, double extraMs);
    void joinLlmBatch(QTcpSocket* socket, std::function<void()> start);
    void leaveLlmBatch();
    void fillLlmBatch();
    //! How much slower prefill and decode run with the batch as it is now.
    double llmBatchFactor() const;
    //! Runs a job in a slot of `queue` for `serviceMs`, then calls `done`.
    void occupy(SlotQueue& queue, double serviceMs, std::function<void()> done);
    void release(SlotQueue& queue);
    double drawLatencyMs(double typicalMs, double minMs, double maxMs);
    bool chance(double probability);
    void leak();
    QJsonObject metricsSnapshot();

    DemoOptions m_options;
    QMultiHash<QString, Route> m_routes;
    std::mt19937_64 m_rng;
    QElapsedTimer m_uptime;
    QElapsedTimer m_sinceOptions; //!< the slow start counts from when the knob was set
    SlotQueue m_modelQueue;
    SlotQueue m_blockingQueue; // the single event loop's synchronous work (search encode, metrics)
    SlotQueue m_voiceQueue;
    bool m_libraryWarm = false;
    QHash<QString, std::deque<qint64>> m_rateWindows;
    std::vector<std::unique_ptr<char[]>> m_leaked;
    ProcessSampler m_self;
    qint64 m_served = 0;
    LlmBatch m_llm;
    qint64 m_llmRequests = 0;
};

//! Starts a DemoService on a thread of its own; returns the port or 0 with a message.
quint16 startDemoService(ServiceThread* thread, const DemoOptions& options, quint16 port, QString* error);

} // namespace Stressdeck
