// SPDX-License-Identifier: MIT

// Benchmark: how many stream events the demo service writes on its one thread. N clients
// (STRESSDECK_BENCH_STREAMS, default 1000) each hold a chat stream paced at 50 events/s
// (llm_decode_ms 20, no batch slowdown); prints the events/s that arrived, the per-stream rate
// against its target and the service thread's CPU. STRESSDECK_BENCH_SECONDS sets the measured time.
#include "demoservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <vector>

#include <time.h>

using namespace Stressdeck;

namespace {

double threadCpuS()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Client {
    QTcpSocket socket;
    qint64 events = 0; //!< event ends ("\n\n") seen
    bool lastWasNewline = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const double seconds = qEnvironmentVariableIsSet("STRESSDECK_BENCH_SECONDS")
        ? qEnvironmentVariable("STRESSDECK_BENCH_SECONDS").toDouble()
        : 10.0;
    const int streams = qEnvironmentVariableIsSet("STRESSDECK_BENCH_STREAMS")
        ? qEnvironmentVariable("STRESSDECK_BENCH_STREAMS").toInt()
        : 1000;
    DemoOptions options;
    options.speed = 1;
    options.llmDecodeMs = 20;
    options.llmPrefillMsPerToken = 0;
    options.llmBatchSlowdown = 0;
    options.llmBatchSlots = streams;
    ServiceThread service;
    QString error;
    const quint16 port = startDemoService(&service, options, 0, &error);
    if (port == 0)
        qFatal("%s", qPrintable(error));

    const QByteArray body = R"({"messages":[{"role":"user","content":"Tell me a long story."}],)"
                            R"("max_tokens":100000,"ignore_eos":true,"stream":true})";
    const QByteArray request = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < streams; ++i) {
        clients.push_back(std::make_unique<Client>());
        Client* c = clients.back().get();
        QObject::connect(&c->socket, &QTcpSocket::connected, &c->socket, [c, request] { c->socket.write(request); });
        QObject::connect(&c->socket, &QTcpSocket::readyRead, &c->socket, [c] {
            const QByteArray bytes = c->socket.readAll();
            for (const char ch : bytes) {
                if (ch == '\n') {
                    if (c->lastWasNewline)
                        ++c->events;
                    c->lastWasNewline = !c->lastWasNewline;
                } else if (ch != '\r') {
                    c->lastWasNewline = false;
                }
            }
        });
        c->socket.connectToHost(QHostAddress::LocalHost, port);
    }

    auto total = [&] {
        qint64 n = 0;
        for (const auto& c : clients)
            n += c->events;
        return n;
    };
    qint64 startEvents = 0;
    double startClientCpu = 0;
    double startCpu = 0;
    QElapsedTimer wall;
    // Two seconds to connect everyone and reach the steady state, then the measured time.
    QTimer::singleShot(2000, &app, [&] {
        startEvents = total();
        startClientCpu = threadCpuS();
        service.run([&](HttpService*) { startCpu = threadCpuS(); });
        wall.start();
        QTimer::singleShot(qint64(seconds * 1000), &app, [&] {
            const double elapsed = double(wall.elapsed()) / 1000.0;
            const double clientCpu = threadCpuS() - startClientCpu;
            const qint64 events = total() - startEvents;
            double endCpu = 0;
            int active = 0;
            service.run([&](HttpService* s) {
                endCpu = threadCpuS();
                active = static_cast<DemoService*>(s)->llmBatchSize();
            });
            const double rate = double(events) / elapsed;
            QTextStream(stdout) << QStringLiteral(
                "streams %1 (decoding %2), %3 s: %4 events/s arrived "
                "(%5 per stream, target 50), service thread CPU %6 %, client thread CPU %7 %\n")
                                       .arg(streams)
                                       .arg(active)
                                       .arg(elapsed, 0, 'f', 1)
                                       .arg(rate, 0, 'f', 0)
                                       .arg(rate / streams, 0, 'f', 1)
                                       .arg(100.0 * (endCpu - startCpu) / elapsed, 0, 'f', 0)
                                       .arg(100.0 * clientCpu / elapsed, 0, 'f', 0);
            // Only a stream that stopped altogether fails: rates are for reading, not for a verdict.
            app.exit(events > 0 ? 0 : 1);
        });
    });
    const int code = app.exec();
    clients.clear();
    service.stop();
    return code;
}
