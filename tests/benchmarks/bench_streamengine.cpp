// SPDX-License-Identifier: MIT

// Benchmark (issue #16): Stressdeck's engine reading N concurrent token streams (default 1000,
// STRESSDECK_BENCH_STREAMS) from the demo service at 50 tokens per second each, one token per
// event (50,000 events per second at 1000), while the window's dashboard draws the snapshots.
// Prints the events per second that arrived against the target, the inter-chunk latency the
// engine measured (20 ms when it keeps up), the engine's and the window's event-loop lag (target
// p99 < 50 ms) and, first, the stream parser's cost per event. STRESSDECK_BENCH_SECONDS sets the
// run length (default 12).
#include "dashboard.h"
#include "demoservice.h"
#include "engineclock.h"
#include "lagprobe.h"
#include "loadrunner.h"
#include "openaistreamreader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

using namespace Stressdeck;

namespace {

//! ns per event of OpenAiStreamReader over a vLLM-style stream fed in reads of four events.
double parseNsPerEvent()
{
    const QByteArray event = R"(data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,)"
                             R"("model":"Llama-3.2-3B-Instruct","choices":[{"index":0,"delta":{"content":"token "},)"
                             R"("logprobs":null,"finish_reason":null}]})"
                             "\n\n";
    const QByteArray read = event + event + event + event;
    constexpr int reads = 50000;
    QElapsedTimer timer;
    timer.start();
    std::int64_t sink = 0;
    for (int stream = 0; stream < 10; ++stream) {
        OpenAiStreamReader reader;
        for (int i = 0; i < reads / 10; ++i)
            reader.feed(read, i);
        sink += reader.finish(reads).contentEvents;
    }
    const double ns = double(timer.nsecsElapsed());
    return sink > 0 ? ns / double(reads * 4) : 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const double seconds = qEnvironmentVariableIsSet("STRESSDECK_BENCH_SECONDS")
        ? qEnvironmentVariable("STRESSDECK_BENCH_SECONDS").toDouble()
        : 12.0;
    const int streams = qEnvironmentVariableIsSet("STRESSDECK_BENCH_STREAMS")
        ? qEnvironmentVariable("STRESSDECK_BENCH_STREAMS").toInt()
        : 1000;
    QTextStream out(stdout);
    out << QStringLiteral("stream parser: %1 ns per event (OpenAiStreamReader, reads of 4 events)\n")
               .arg(parseNsPerEvent(), 0, 'f', 0);
    out.flush();

    DemoOptions demo;
    demo.speed = 1;
    demo.llmDecodeMs = 20;
    demo.llmPrefillMsPerToken = 0;
    demo.llmBatchSlowdown = 0;
    demo.llmBatchSlots = streams;
    ServiceThread service;
    QString error;
    const quint16 port = startDemoService(&service, demo, 0, &error);
    if (port == 0)
        qFatal("%s", qPrintable(error));

    Scenario scenario;
    scenario.name = QStringLiteral("streams");
    RequestType type;
    type.name = QStringLiteral("stream");
    type.method = QByteArrayLiteral("POST");
    type.path = QStringLiteral("/v1/chat/completions");
    type.headers = { { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") } };
    // Five seconds a stream, so every user streams all the time and the run drains quickly.
    type.bodies = { QByteArrayLiteral(R"({"model":"Llama-3.2-3B-Instruct","messages":[{"role":"user","content":)"
                                      R"("Tell me a long story."}],"max_tokens":250,"ignore_eos":true})") };
    type.stream = RequestType::Stream::OpenAi;
    scenario.requestTypes = { type };

    RunConfig config;
    config.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.concurrency = streams;
    config.durationS = seconds;
    config.timeoutS = 30;
    config.thinkMinMs = config.thinkMaxMs = 0;
    config.transport = Transport::Fast;
    config.sampleIntervalS = 1;
    config.healthCheck = false;

    Dashboard dashboard;
    dashboard.resize(1600, 1000);
    dashboard.reset({ type.name }, config);
    dashboard.show();
    LoadRunner::raiseFileLimit();
    LoadRunner runner;
    LagProbe probe(std::chrono::milliseconds(10));
    QObject::connect(&runner, &LoadRunner::snapshotReady, &dashboard, &Dashboard::applySnapshot);
    int rc = 1;
    QObject::connect(&runner, &LoadRunner::finished, &app, [&](const Report& r) {
        probe.stop();
        const Histogram lag = probe.histogram();
        const std::optional<StreamingSummary>& s = r.overall.streaming;
        const double eventsPerS = s ? s->outputTokensPerS : 0;
        const double target = 50.0 * streams;
        out << QStringLiteral(
            "%1 streams for %2 s (fast transport, %3 engine thread(s)): %4 tokens/s arrived, %5 % of the "
            "50 per stream\n"
            "  ICL p50 %6 ms  p99 %7 ms (the demo sends one every 20 ms)  TTFT p99 %8 ms\n"
            "  engine event-loop lag p99 %9 ms; window lag p50 %10 ms  p99 %11 ms  max %12 ms (target: p99 < 50 ms) "
            "%13\n"
            "  %14 streams, %15 failed\n")
                   .arg(streams)
                   .arg(seconds)
                   .arg(r.config.threads)
                   .arg(eventsPerS, 0, 'f', 0)
                   .arg(100.0 * eventsPerS / target, 0, 'f', 1)
                   .arg(s ? s->icl.p50 : 0, 0, 'f', 1)
                   .arg(s ? s->icl.p99 : 0, 0, 'f', 1)
                   .arg(s ? s->ttft.p99 : 0, 0, 'f', 1)
                   .arg(r.loopLagP99Ms, 0, 'f', 1)
                   .arg(nsToMs(lag.percentileNs(50)), 0, 'f', 1)
                   .arg(nsToMs(lag.percentileNs(99)), 0, 'f', 1)
                   .arg(nsToMs(lag.maxNs()), 0, 'f', 1)
                   .arg(nsToMs(lag.percentileNs(99)) < 50 ? QStringLiteral("MET") : QStringLiteral("MISSED"))
                   .arg(r.overall.success)
                   .arg(r.overall.failure);
        rc = r.overall.success > 0 ? 0 : 1;
        QCoreApplication::quit();
    });
    QTimer::singleShot(0, &app, [&] {
        probe.start();
        QString why;
        if (!runner.start(config, scenario, &why))
            qFatal("%s", qPrintable(why));
    });
    app.exec();
    return rc;
}
