#include "runcommand.h"

#include "demoservice.h"
#include "loadrunner.h"
#include "pdfreport.h"
#include "processsampler.h"
#include "signalwatcher.h"
#include "textsummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cmath>
#include <csignal>
#include <unistd.h>

namespace Stressdeck::Cli {

namespace {

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString& message)
{
    err() << "stressdeck run: " << message << "\n"
          << QCoreApplication::translate("Cli", "Try 'stressdeck run --help'.") << Qt::endl;
    return BadInput;
}

struct Options {
    RunConfig config;
    Scenario scenario;
    QString jsonFile;
    bool useDemo = false;
    DemoOptions demo;
};

bool parseNumber(const QString& flag, const QString& text, double min, double max, double* out, QString* error)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < min || value > max) {
        *error = QCoreApplication::translate("Cli", "%1: \"%2\" is not a number from %3 to %4")
                     .arg(flag, text)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *out = value;
    return true;
}

bool parseDurationFlag(const QString& flag, const QString& text, double* out, QString* error)
{
    const auto value = parseDuration(text);
    if (!value) {
        *error = QCoreApplication::translate("Cli", "%1: \"%2\" is not a duration (e.g. 30s, 500ms, 5m, 1h)")
                     .arg(flag, text);
        return false;
    }
    *out = *value;
    return true;
}

} // namespace

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", "Run a stress test headless and report."));
    parser.addHelpOption();
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
        QCoreApplication::translate("Cli", "Load profile: quick, normal or extended."), QStringLiteral("name"),
        QStringLiteral("quick"));
    const QCommandLineOption targetOpt(QStringLiteral("target"),
        QCoreApplication::translate("Cli", "Base URL of the service (default: the built-in demo service)."),
        QStringLiteral("url"));
    const QCommandLineOption scenarioOpt(QStringLiteral("scenario"),
        QCoreApplication::translate("Cli", "Scenario JSON file, or a built-in: archive-ai, archive-ai-original."),
        QStringLiteral("file"));
    const QCommandLineOption requestOpt(QStringLiteral("request"),
        QCoreApplication::translate("Cli", "Ad-hoc request type \"METHOD /path [json]\" (repeatable)."),
        QStringLiteral("spec"));
    const QCommandLineOption concurrencyOpt({ QStringLiteral("c"), QStringLiteral("concurrency") },
        QCoreApplication::translate("Cli", "Concurrent users (closed model) or in-flight cap (open model)."),
        QStringLiteral("n"));
    const QCommandLineOption durationOpt({ QStringLiteral("d"), QStringLiteral("duration") },
        QCoreApplication::translate("Cli", "Run length: 30s, 5m, 1h or seconds."), QStringLiteral("duration"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
        QCoreApplication::translate("Cli", "Timeout per request (default 30s)."), QStringLiteral("duration"));
    const QCommandLineOption thinkOpt(QStringLiteral("think-time"),
        QCoreApplication::translate("Cli", "Think time range, e.g. 100ms-500ms, or 0."), QStringLiteral("min-max"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"),
        QCoreApplication::translate("Cli", "Open model: requests per second on a fixed schedule."),
        QStringLiteral("rps"));
    const QCommandLineOption pidOpt(QStringLiteral("monitor-pid"),
        QCoreApplication::translate("Cli", "Monitor this process's CPU and memory."), QStringLiteral("pid"));
    const QCommandLineOption nameOpt(QStringLiteral("monitor-name"),
        QCoreApplication::translate("Cli", "Monitor the process with this name."), QStringLiteral("name"));
    const QCommandLineOption sampleOpt(QStringLiteral("sample-interval"),
        QCoreApplication::translate("Cli", "Monitoring interval (default 5s, at least 1s)."),
        QStringLiteral("duration"));
    const QCommandLineOption leakOpt(QStringLiteral("leak-threshold-mb"),
        QCoreApplication::translate("Cli", "Memory growth that counts as a leak (default 100)."), QStringLiteral("mb"));
    const QCommandLineOption healthOpt(QStringLiteral("health-path"),
        QCoreApplication::translate("Cli", "Availability check path (default /health)."), QStringLiteral("path"));
    const QCommandLineOption noHealthOpt(
        QStringLiteral("no-health-check"), QCoreApplication::translate("Cli", "Skip the availability check."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"),
        QCoreApplication::translate("Cli", "Write the JSON report to this file."), QStringLiteral("file"));
    const QCommandLineOption maxBodyOpt(QStringLiteral("max-body-mb"),
        QCoreApplication::translate("Cli",
            "Longest response body read, in MB (default 8); longer ones count as "
            "\"Body too large\"."),
        QStringLiteral("mb"));
    const QCommandLineOption checkpointOpt(QStringLiteral("checkpoint-interval"),
        QCoreApplication::translate("Cli", "How often a recovery copy of the report is written (default 30s)."),
        QStringLiteral("duration"));
    const QCommandLineOption transportOpt(QStringLiteral("transport"),
        QCoreApplication::translate("Cli",
            "qnam (default: Qt's HTTP client with TLS, HTTP/2, redirects) or fast "
            "(lean HTTP/1.1 keep-alive client for high rates)."),
        QStringLiteral("name"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
        QCoreApplication::translate(
            "Cli", "Engine threads the users are spread over (default: one per core, minus one)."),
        QStringLiteral("n"));
    const QCommandLineOption pdfOpt(QStringLiteral("pdf"),
        QCoreApplication::translate("Cli", "Write a PDF report to this file."), QStringLiteral("file"));
    const QCommandLineOption insecureOpt(QStringLiteral("insecure"),
        QCoreApplication::translate("Cli", "Do not verify TLS certificates (the report says so)."));
    const QCommandLineOption seedOpt(QStringLiteral("seed"),
        QCoreApplication::translate("Cli", "Random seed for a reproducible request mix."), QStringLiteral("n"));
    for (const auto& o : { profileOpt, targetOpt, scenarioOpt, requestOpt, concurrencyOpt, durationOpt, timeoutOpt,
             thinkOpt, rateOpt, pidOpt, nameOpt, sampleOpt, leakOpt, healthOpt, noHealthOpt, jsonOpt, seedOpt,
             insecureOpt, pdfOpt, maxBodyOpt, checkpointOpt, transportOpt, threadsOpt })
        parser.addOption(o);
    DemoOptions::addTo(&parser, QStringLiteral("demo-"));

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Passed;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QCoreApplication::translate("Cli", "unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    Options o;
    QString error;
    const auto profile = Profile::builtIn(parser.value(profileOpt));
    if (!profile)
        return usageError(QCoreApplication::translate("Cli", "--profile: \"%1\" is not one of quick, normal, extended")
                              .arg(parser.value(profileOpt)));
    profile->applyTo(&o.config);

    if (parser.isSet(targetOpt)) {
        o.config.target = QUrl(parser.value(targetOpt), QUrl::StrictMode);
        if (!o.config.target.isValid() || o.config.target.host().isEmpty()
            || (o.config.target.scheme() != QLatin1String("http")
                && o.config.target.scheme() != QLatin1String("https")))
            return usageError(QCoreApplication::translate("Cli", "--target: \"%1\" is not an http:// or https:// URL")
                                  .arg(parser.value(targetOpt)));
    } else {
        o.useDemo = true;
    }
    if (!o.demo.parse(parser, QStringLiteral("demo-"), &error))
        return usageError(error);

    if (parser.isSet(scenarioOpt) && parser.isSet(requestOpt))
        return usageError(QCoreApplication::translate("Cli", "--scenario and --request cannot be combined"));
    if (parser.isSet(requestOpt)) {
        o.scenario.name = QStringLiteral("ad hoc");
        for (const QString& spec : parser.values(requestOpt)) {
            RequestType type;
            if (!Scenario::parseRequestSpec(spec, &type, &error))
                return usageError(error);
            if (std::any_of(o.scenario.requestTypes.begin(), o.scenario.requestTypes.end(),
                    [&](const RequestType& t) { return t.name == type.name; }))
                return usageError(QCoreApplication::translate("Cli", "--request \"%1\" is given twice").arg(spec));
            o.scenario.requestTypes.append(type);
        }
    } else if (parser.isSet(scenarioOpt)) {
        o.scenario = Scenario::builtIn(parser.value(scenarioOpt));
        if (o.scenario.name.isEmpty() && !Scenario::load(parser.value(scenarioOpt), &o.scenario, &error))
            return usageError(error);
    } else {
        o.scenario = Scenario::archiveAi();
    }

    if (parser.isSet(concurrencyOpt)) {
        double users = 0;
        if (!parseNumber(QStringLiteral("--concurrency"), parser.value(concurrencyOpt), 1, 100000, &users, &error)
            || users != std::floor(users))
            return usageError(
                error.isEmpty() ? QCoreApplication::translate("Cli", "--concurrency: must be a whole number") : error);
        o.config.concurrency = int(users);
    }
    if (parser.isSet(durationOpt)
        && !parseDurationFlag(QStringLiteral("--duration"), parser.value(durationOpt), &o.config.durationS, &error))
        return usageError(error);
    if (parser.isSet(timeoutOpt)
        && !parseDurationFlag(QStringLiteral("--timeout"), parser.value(timeoutOpt), &o.config.timeoutS, &error))
        return usageError(error);
    if (parser.isSet(thinkOpt)) {
        const auto think = parseThinkTime(parser.value(thinkOpt));
        if (!think)
            return usageError(
                QCoreApplication::translate("Cli", "--think-time: \"%1\" is not a range like 100ms-500ms or 0")
                    .arg(parser.value(thinkOpt)));
        std::tie(o.config.thinkMinMs, o.config.thinkMaxMs) = *think;
    }
    if (parser.isSet(rateOpt)) {
        if (!parseNumber(QStringLiteral("--rate"), parser.value(rateOpt), 0.001, 1e7, &o.config.rateRps, &error))
            return usageError(error);
        o.config.loadModel = LoadModel::Open;
    }
    if (parser.isSet(pidOpt) && parser.isSet(nameOpt))
        return usageError(QCoreApplication::translate("Cli", "--monitor-pid and --monitor-name cannot be combined"));
    if (parser.isSet(pidOpt)) {
        double pid = 0;
        if (!parseNumber(QStringLiteral("--monitor-pid"), parser.value(pidOpt), 1, 4194304, &pid, &error))
            return usageError(error);
        if (!ProcessSampler::processExists(qint64(pid)))
            return usageError(QCoreApplication::translate("Cli", "--monitor-pid: no process %1").arg(qint64(pid)));
        o.config.monitorPid = qint64(pid);
    }
    if (parser.isSet(nameOpt)) {
        const auto pid = ProcessSampler::findPidByName(parser.value(nameOpt));
        if (!pid)
            return usageError(QCoreApplication::translate("Cli", "--monitor-name: no running process named \"%1\"")
                                  .arg(parser.value(nameOpt)));
        o.config.monitorPid = *pid;
        o.config.monitorName = parser.value(nameOpt);
    }
    if (parser.isSet(sampleOpt)) {
        if (!parseDurationFlag(
                QStringLiteral("--sample-interval"), parser.value(sampleOpt), &o.config.sampleIntervalS, &error))
            return usageError(error);
        if (o.config.sampleIntervalS < 1)
            return usageError(QCoreApplication::translate("Cli", "--sample-interval: must be at least 1s"));
    }
    if (parser.isSet(leakOpt)
        && !parseNumber(QStringLiteral("--leak-threshold-mb"), parser.value(leakOpt), 0.001, 1e9,
            &o.config.thresholds.leakMb, &error))
        return usageError(error);
    if (parser.isSet(healthOpt) && parser.isSet(noHealthOpt))
        return usageError(QCoreApplication::translate("Cli", "--health-path and --no-health-check cannot be combined"));
    if (parser.isSet(healthOpt))
        o.config.healthPath = parser.value(healthOpt);
    o.config.healthCheck = !parser.isSet(noHealthOpt);
    if (parser.isSet(seedOpt)) {
        bool ok = false;
        o.config.seed = parser.value(seedOpt).toULongLong(&ok);
        if (!ok || o.config.seed == 0 || o.config.seed >= (1ULL << 53))
            return usageError(QCoreApplication::translate("Cli", "--seed: must be a whole number from 1 to 2^53-1"));
    }
    o.jsonFile = parser.value(jsonOpt);
    const QString pdfFile = parser.value(pdfOpt);
    o.config.insecure = parser.isSet(insecureOpt);
    if (parser.isSet(transportOpt)) {
        const auto transport = transportFromId(parser.value(transportOpt));
        if (!transport)
            return usageError(QCoreApplication::translate("Cli", "--transport: \"%1\" is not qnam or fast")
                                  .arg(parser.value(transportOpt)));
        o.config.transport = *transport;
    }
    if (parser.isSet(threadsOpt)) {
        bool ok = false;
        o.config.threads = parser.value(threadsOpt).toInt(&ok);
        if (!ok || o.config.threads < 1 || o.config.threads > 256)
            return usageError(QCoreApplication::translate("Cli", "--threads: \"%1\" is not a number from 1 to 256")
                                  .arg(parser.value(threadsOpt)));
    }
    if (parser.isSet(checkpointOpt)
        && !parseDurationFlag(QStringLiteral("--checkpoint-interval"), parser.value(checkpointOpt),
            &o.config.checkpointIntervalS, &error))
        return usageError(error);
    if (parser.isSet(maxBodyOpt)) {
        double mb = 0;
        if (!parseNumber(QStringLiteral("--max-body-mb"), parser.value(maxBodyOpt), 0.001, 1024 * 1024, &mb, &error))
            return usageError(error);
        o.config.maxBodyBytes = qint64(mb * 1024 * 1024);
    }

    // The embedded demo service: the default target, monitored automatically.
    ServiceThread demo;
    if (o.useDemo) {
        const quint16 port = startDemoService(&demo, o.demo, 0, &error);
        if (port == 0) {
            err() << "stressdeck run: " << error << Qt::endl;
            return TargetUnavailable;
        }
        o.config.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        if (o.config.monitorPid == 0) {
            o.config.monitorPid = qint64(::getpid());
            o.config.monitorName = QStringLiteral("stressdeck (demo service)");
        }
        err() << QCoreApplication::translate("Cli", "No --target given: using the built-in demo service at %1")
                     .arg(o.config.target.toString())
              << Qt::endl;
    }
    if (!o.config.validate(&error))
        return usageError(error);

    LoadRunner runner;
    SignalWatcher watcher;
    int exitCode = Passed;
    bool interrupted = false;
    QElapsedTimer lastProgress;
    lastProgress.start();
    QObject::connect(&watcher, &SignalWatcher::interrupted, &runner, [&](int) {
        if (!interrupted) {
            interrupted = true;
            err() << QCoreApplication::translate(
                "Cli", "\nInterrupted: stopping, waiting for requests in flight (interrupt again to abort them)")
                  << Qt::endl;
            runner.stop();
        } else {
            runner.stopNow();
        }
    });
    QObject::connect(&runner, &LoadRunner::snapshotReady, &runner, [&](const LiveSnapshot& s) {
        if (lastProgress.elapsed() >= 1000) {
            lastProgress.restart();
            err() << progressLine(s) << Qt::endl;
        }
    });
    bool unavailable = false;
    QObject::connect(&runner, &LoadRunner::unavailable, &runner, [&](const QString& message) {
        unavailable = true;
        err() << "stressdeck run: " << message << Qt::endl;
    });
    QObject::connect(&runner, &LoadRunner::finished, &runner, [&](const Report& report) {
        if (!unavailable)
            QTextStream(stdout) << textSummary(report) << Qt::flush;
        if (!o.jsonFile.isEmpty()) {
            QString saveError;
            if (!report.save(o.jsonFile, &saveError)) {
                err() << "stressdeck run: " << saveError << Qt::endl;
                exitCode = BadInput;
                QCoreApplication::exit(0);
                return;
            }
            err() << QCoreApplication::translate("Cli", "Report written to %1").arg(o.jsonFile) << Qt::endl;
        }
        if (!pdfFile.isEmpty() && !unavailable) {
            QString pdfError;
            if (!PdfReport(report).write(pdfFile, &pdfError)) {
                err() << "stressdeck run: " << pdfError << Qt::endl;
                exitCode = BadInput;
                QCoreApplication::exit(0);
                return;
            }
            err() << QCoreApplication::translate("Cli", "PDF written to %1").arg(pdfFile) << Qt::endl;
        }
        exitCode = unavailable ? TargetUnavailable
            : interrupted      ? Interrupted
            : report.passed    ? Passed
                               : CriterionFailed;
        QCoreApplication::exit(0);
    });

    err() << QCoreApplication::translate("Cli", "Running \"%1\" against %2: %3 for %4")
                 .arg(o.scenario.name, o.config.target.toString(),
                     o.config.loadModel == LoadModel::Open
                         ? QCoreApplication::translate("Cli", "%1 req/s (at most %2 in flight)")
                               .arg(o.config.rateRps)
                               .arg(o.config.concurrency)
                         : QCoreApplication::translate("Cli", "%1 users").arg(o.config.concurrency),
                     formatDuration(o.config.durationS))
          << Qt::endl;
    if (!runner.start(o.config, o.scenario, &error))
        return usageError(error);
    err() << QCoreApplication::translate("Cli", "A recovery copy of the report is kept every %1 in %2")
                 .arg(formatDuration(o.config.checkpointIntervalS), runner.recoveryFile())
          << Qt::endl;
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Stressdeck::Cli
