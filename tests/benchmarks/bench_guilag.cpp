// SPDX-License-Identifier: MIT

// Benchmark: the window's event-loop lag during a maximum-rate run against the built-in demo
// service. Prints p50/p99/max lag and the run's throughput; the target is p99 < 50 ms.
// STRESSDECK_BENCH_SECONDS sets the run length (the smoke test uses 2 s), STRESSDECK_BENCH_TRANSPORT
// the transport (default fast, the highest rate).
#include "histogram.h"
#include "lagprobe.h"
#include "mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Stressdeck;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("StressdeckBench"));
    const double seconds = qEnvironmentVariableIsSet("STRESSDECK_BENCH_SECONDS")
        ? qEnvironmentVariable("STRESSDECK_BENCH_SECONDS").toDouble()
        : 20.0;
    QTemporaryDir dir;
    const QString scenario = dir.filePath(QStringLiteral("max-rate.json"));
    {
        QFile f(scenario);
        f.open(QIODevice::WriteOnly);
        f.write(R"({"name": "max rate", "request_types": [{"name": "health", "path": "/health"}]})");
    }
    GuiOptions options;
    QString message;
    bool help = false;
    if (parseGuiOptions({ QStringLiteral("bench_guilag"), QStringLiteral("--scenario"), scenario, QStringLiteral("-c"),
                            QStringLiteral("64"), QStringLiteral("-d"), QString::number(seconds) },
            &options, &message, &help)
        != 0)
        qFatal("%s", qPrintable(message));
    MainWindow window(options);
    window.findChild<QLineEdit*>(QStringLiteral("target"))->clear();
    window.findChild<QLineEdit*>(QStringLiteral("thinkTime"))->setText(QStringLiteral("0"));
    const QString wanted = qEnvironmentVariable("STRESSDECK_BENCH_TRANSPORT", QStringLiteral("fast"));
    auto* transport = window.findChild<QComboBox*>(QStringLiteral("transport"));
    transport->setCurrentIndex(transport->findData(wanted));
    auto* threads = window.findChild<QSpinBox*>(QStringLiteral("threads"));
    threads->setValue(0);
    window.show();

    LagProbe probe(std::chrono::milliseconds(10));
    QObject::connect(&window, &MainWindow::runFinished, &app, [&] {
        probe.stop();
        const Histogram lag = probe.histogram();
        const Report& r = window.lastReport();
        QTextStream(stdout) << QStringLiteral(
            "GUI event-loop lag during a %1 s maximum-rate run (%2 req/s, %3 users, %9 transport, %10 engine "
            "thread(s)):\n"
            "  p50 %4 ms  p99 %5 ms  max %6 ms  (target: p99 < 50 ms) %7\n"
            "  engine thread lag p99 %8 ms\n")
                                   .arg(seconds)
                                   .arg(r.overall.throughputRps, 0, 'f', 0)
                                   .arg(r.config.concurrency)
                                   .arg(nsToMs(lag.percentileNs(50)), 0, 'f', 2)
                                   .arg(nsToMs(lag.percentileNs(99)), 0, 'f', 2)
                                   .arg(nsToMs(lag.maxNs()), 0, 'f', 2)
                                   .arg(nsToMs(lag.percentileNs(99)) < 50 ? QStringLiteral("MET")
                                                                          : QStringLiteral("MISSED"))
                                   .arg(r.loopLagP99Ms, 0, 'f', 2)
                                   .arg(transportId(r.config.transport))
                                   .arg(r.config.threads);
        QCoreApplication::quit();
    });
    QTimer::singleShot(0, &window, [&] {
        probe.start();
        window.startRun();
    });
    const int rc = app.exec();
    return rc == 0 && window.lastReport().overall.success > 0 ? 0 : 1;
}
