// SPDX-License-Identifier: MIT

#include "servedemocommand.h"

#include "demoservice.h"
#include "runcommand.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Stressdeck::Cli {

int serveDemo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli",
        "Serve the built-in Archive-AI stand-in on 127.0.0.1 until interrupted. Its knobs can also be read and "
        "changed while it runs: GET or PUT /_demo/config."));
    parser.addHelpOption();
    const QCommandLineOption portOpt(QStringLiteral("port"),
        QCoreApplication::translate("Cli", "Port on 127.0.0.1 (default 8080; 0 picks a free one)."),
        QStringLiteral("n"), QStringLiteral("8080"));
    parser.addOption(portOpt);
    DemoOptions::addTo(&parser, {});
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "stressdeck serve-demo: " << parser.errorText() << Qt::endl;
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("serve-demo"));
        return Passed;
    }
    bool ok = false;
    const int port = parser.value(portOpt).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err << "stressdeck serve-demo: "
            << QCoreApplication::translate("Cli", "--port: \"%1\" is not a port number (0-65535)")
                   .arg(parser.value(portOpt))
            << Qt::endl;
        return BadInput;
    }
    DemoOptions options;
    QString error;
    if (!options.parse(parser, {}, &error)) {
        err << "stressdeck serve-demo: " << error << Qt::endl;
        return BadInput;
    }
    ServiceThread service;
    const quint16 bound = startDemoService(&service, options, quint16(port), &error);
    if (bound == 0) {
        err << "stressdeck serve-demo: " << error << Qt::endl;
        return TargetUnavailable;
    }
    QTextStream(stdout) << QStringLiteral("Listening on http://127.0.0.1:%1").arg(bound) << Qt::endl;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &watcher, [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    return Passed;
}

} // namespace Stressdeck::Cli
