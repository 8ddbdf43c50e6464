// SPDX-License-Identifier: MIT

#include "runcommand.h"

#include "runoptions.h"

#include "demoservice.h"
#include "loadrunner.h"
#include "modellookup.h"
#include "pdfreport.h"
#include "reportframe.h"
#include "runhistory.h"
#include "shardfollower.h"
#include "shardoptions.h"
#include "signalwatcher.h"
#include "textsummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTextStream>

#include <algorithm>
#include <chrono>
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

} // namespace

QString helpText(const QCommandLineParser& parser, const QString& command)
{
    QString text = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    const QString program = arguments.isEmpty() ? QString() : arguments.constFirst();
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, program.size(), QStringLiteral("stressdeck ") + command);
    return text;
}

bool startDemoTarget(ServiceThread* demo, RunOptions* o, QString* error)
{
    const quint16 port = startDemoService(demo, o->demo, 0, error);
    if (port == 0)
        return false;
    o->config.target = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    if (o->config.monitorPid == 0) {
        o->config.monitorPid = qint64(::getpid());
        o->config.monitorName = QStringLiteral("stressdeck (demo service)");
    }
    err() << QCoreApplication::translate("Cli", "No --target given: using the built-in demo service at %1")
                 .arg(o->config.target.toString())
          << Qt::endl;
    return true;
}

bool resolveModel(RunOptions* o, QString* error)
{
    if (!o->config.model.isEmpty() || !o->scenario.needsModel())
        return true;
    const ModelLookup found = QCoro::waitFor(ModelLookup::firstModel(o->config.target,
        std::chrono::milliseconds(qint64(std::min(o->config.timeoutS, 30.0) * 1000)), o->config.insecure));
    if (found.model.isEmpty()) {
        *error = found.error;
        return false;
    }
    o->config.model = found.model;
    err() << QCoreApplication::translate("Cli", "No --model given: using %1, the first model of %2")
                 .arg(found.model, ModelLookup::modelsUrl(o->config.target).toString())
          << Qt::endl;
    return true;
}

int run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli", "Run a stress test headless and report."));
    parser.addHelpOption();
    const RunOptionTable table;
    table.addTo(&parser);
    ShardOptions::addTo(&parser);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("run"));
        return Passed;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("Cli", "unexpected argument \"%1\"")
                              .arg(parser.positionalArguments().constFirst()));

    RunOptions o;
    QString error;
    if (!table.read(parser, &o, &error))
        return usageError(error);
    const QString pdfFile = o.pdfFile;
    ShardOptions shard;
    if (!ShardOptions::read(parser, QProcessEnvironment::systemEnvironment(), &shard, &error))
        return usageError(error);
    // Every shard must draw the same plan: without --seed they all derive it from the plan.
    if (shard.spec.isSharded() && o.config.seed == 0)
        o.config.seed = ShardPlan::derivedSeed(o.config, o.scenario);

    // The embedded demo service: the default target, monitored automatically.
    ServiceThread demo;
    if (o.useDemo && !startDemoTarget(&demo, &o, &error)) {
        err() << "stressdeck run: " << error << Qt::endl;
        return TargetUnavailable;
    }
    if (!o.config.validate(&error))
        return usageError(error);
    if (!resolveModel(&o, &error)) {
        err() << "stressdeck run: " << error << Qt::endl;
        return TargetUnavailable;
    }

    LoadRunner runner;
    const QString followFile = shard.checkpointDir.isEmpty()
        ? QString()
        : QDir(shard.checkpointDir).filePath(ShardFollower::fileName(shard.spec.index, shard.spec.count));
    runner.setCheckpointCopy(followFile);
    if (shard.given) {
        runner.setShard(shard.spec, shard.barrier);
        err() << QCoreApplication::translate("Cli", "Shard %1/%2 (from %3)")
                     .arg(shard.spec.index)
                     .arg(shard.spec.count)
                     .arg(shard.spec.source)
              << Qt::endl;
    }
    bool lateStart = false;
    QObject::connect(&runner, &LoadRunner::lateStart, &runner, [&](double lateMs) {
        lateStart = true;
        err() << "stressdeck run: "
              << QCoreApplication::translate("Cli",
                     "woke %1 ms after --start-at, more than --late-tolerance: not starting (--late-start join "
                     "would join the schedule where it stands)")
                     .arg(lateMs, 0, 'f', 1)
              << Qt::endl;
    });
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
        if (lateStart) {
            exitCode = LateStart;
            QCoreApplication::exit(0);
            return;
        }
        if (!unavailable)
            QTextStream(stdout) << textSummary(report) << Qt::flush;
        // The history is a convenience: failing to record warns and never changes the exit code.
        QString historyError;
        if (o.recordHistory && !unavailable && RunHistory::isRecordable(report)
            && !RunHistory::recordFinished(report, o.jsonFile, &historyError))
            err() << QCoreApplication::translate(
                "Cli", "stressdeck run: warning: the run was not recorded in the history: %1")
                         .arg(historyError)
                  << Qt::endl;
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
        QString followError;
        if (!followFile.isEmpty() && !unavailable && !report.save(followFile, &followError))
            err() << "stressdeck run: " << followError << Qt::endl;
        if (shard.reportStdout && !unavailable)
            QTextStream(stdout) << ReportFrame::line(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact))
                                << Qt::endl;
        exitCode = unavailable ? TargetUnavailable
            : interrupted      ? Interrupted
            : report.passed    ? Passed
                               : CriterionFailed;
        QCoreApplication::exit(0);
    });

    err() << QCoreApplication::translate("Cli", "Running \"%1\" against %2: %3 for %4")
                 .arg(o.scenario.name, o.config.target.toString(),
                     o.config.isStaged() ? (o.config.loadModel == LoadModel::Open
                             ? QCoreApplication::translate("Cli", "rate stages %1 (at most %2 in flight)")
                                   .arg(o.config.stages.toString())
                                   .arg(o.config.concurrency)
                             : QCoreApplication::translate("Cli", "user stages %1").arg(o.config.stages.toString()))
                         : o.config.loadModel == LoadModel::Open
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
