// SPDX-License-Identifier: MIT

#include "capacitycommand.h"

#include "runcommand.h"
#include "runoptions.h"

#include "capacitypdf.h"
#include "capacitysearch.h"
#include "capacitystep.h"
#include "demoservice.h"
#include "format.h"
#include "loadrunner.h"
#include "savefile.h"
#include "signalwatcher.h"
#include "slo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Stressdeck::Cli {

namespace {

constexpr double s_warmupFraction = 0.2;
constexpr int s_maxInFlightCap = 100000;

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString& message)
{
    err() << "stressdeck capacity: " << message << "\n"
          << QCoreApplication::translate("Cli", "Try 'stressdeck capacity --help'.") << Qt::endl;
    return BadInput;
}

std::optional<double> positiveNumber(const QString& text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || !(value > 0))
        return std::nullopt;
    return value;
}

//! The open model's in-flight cap for a step: enough for every request of `timeoutS` at the
//! step's rate, so the cap never limits a step; a step whose requests would need more fails on
//! its latency or achieved rate anyway.
int inFlightCap(double rps, double timeoutS)
{
    return int(std::clamp(std::ceil(rps * timeoutS), 10.0, double(s_maxInFlightCap)));
}

QString stepTable(const CapacityResult& result)
{
    QString text = QCoreApplication::translate("Cli", "%1 %2 %3 %4 %5 %6  %7\n")
                       .arg(QCoreApplication::translate("Cli", "rate/s"), 9)
                       .arg(QCoreApplication::translate("Cli", "achieved/s"), 11)
                       .arg(QCoreApplication::translate("Cli", "p50"), 10)
                       .arg(QCoreApplication::translate("Cli", "p95"), 10)
                       .arg(QCoreApplication::translate("Cli", "p99"), 10)
                       .arg(QCoreApplication::translate("Cli", "errors"), 8)
                       .arg(QCoreApplication::translate("Cli", "verdict"));
    for (const CapacityStep& s : result.steps) {
        const CapacityStepResult& m = s.measured;
        text += QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
                    .arg(formatRate(m.rateRps), 9)
                    .arg(formatRate(m.achievedRps), 11)
                    .arg(formatLatency(m.p50Ms, LatencyStyle::Compact), 10)
                    .arg(formatLatency(m.p95Ms, LatencyStyle::Compact), 10)
                    .arg(formatLatency(m.p99Ms, LatencyStyle::Compact), 10)
                    .arg(QStringLiteral("%1%").arg(m.errorPct, 0, 'f', 1), 8)
                    .arg(s.passed ? QCoreApplication::translate("Cli", "passed")
                                  : QCoreApplication::translate("Cli", "failed (%1)").arg(s.reason));
    }
    return text;
}

} // namespace

int capacity(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli",
        "Find the highest request rate the target sustains within a service-level objective: open-model steps "
        "growing geometrically from the start rate, then a bisection between the last passing and the first "
        "failing rate down to 5 %. A step is judged after its first fifth; it fails on the SLO, on an achieved "
        "rate more than 5 % short of the scheduled one, or on requests in flight that keep growing. Exit codes: "
        "0 a capacity was found, 1 even the start rate fails, 2 bad usage, 3 target unavailable, 130 "
        "interrupted."));
    parser.addHelpOption();
    RunOptionTable table;
    // The search sets the load itself; the options that shape a run's load make no sense here.
    const QStringList notHere { QStringLiteral("profile"), QStringLiteral("duration"), QStringLiteral("rate"),
        QStringLiteral("stages"), QStringLiteral("rate-stages"), QStringLiteral("think-time"),
        QStringLiteral("checkpoint-interval"), QStringLiteral("no-history") };
    table.hideFromHelp(notHere);
    table.describe(QStringLiteral("json"),
        QCoreApplication::translate("Cli", "Write the search as JSON (stressdeck-capacity/1) to this file."));
    table.describe(QStringLiteral("pdf"),
        QCoreApplication::translate("Cli",
            "Write the search as a PDF to this file: the steps, the load curve and latency against throughput."));
    table.describe(QStringLiteral("concurrency"),
        QCoreApplication::translate(
            "Cli", "In-flight cap of every step (default: the step's rate times the timeout, at most 100000)."));
    table.addTo(&parser);
    const QCommandLineOption sloOpt(QStringLiteral("slo"),
        QCoreApplication::translate("Cli",
            "The objective, e.g. \"p95<500ms,errors<1%\": p50|p90|p95|p99<DURATION, errors<PCT, each optionally for "
            "one request type (\"chat.p95<800ms\"). Required."),
        QStringLiteral("slo"));
    const QCommandLineOption startOpt(QStringLiteral("start-rate"),
        QCoreApplication::translate("Cli", "Rate of the first step in requests per second (default 10)."),
        QStringLiteral("rps"), QStringLiteral("10"));
    const QCommandLineOption maxOpt(QStringLiteral("max-rate"),
        QCoreApplication::translate("Cli", "Highest rate tried (default 10000)."), QStringLiteral("rps"),
        QStringLiteral("10000"));
    const QCommandLineOption stepOpt(QStringLiteral("step-duration"),
        QCoreApplication::translate("Cli", "Length of every step, at least 2s (default 30s)."),
        QStringLiteral("duration"), QStringLiteral("30s"));
    const QCommandLineOption growthOpt(QStringLiteral("growth"),
        QCoreApplication::translate("Cli", "Factor from one step's rate to the next's, above 1 (default 1.5)."),
        QStringLiteral("factor"), QStringLiteral("1.5"));
    parser.addOptions({ sloOpt, startOpt, maxOpt, stepOpt, growthOpt });

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("capacity"));
        return Passed;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("Cli", "unexpected argument \"%1\"")
                              .arg(parser.positionalArguments().constFirst()));
    for (const QString& name : notHere) {
        if (parser.isSet(name))
            return usageError(
                QCoreApplication::translate("Cli", "--%1 does not apply: the capacity search sets the load itself")
                    .arg(name));
    }

    RunOptions o;
    QString error;
    if (!table.read(parser, &o, &error))
        return usageError(error);
    if (!parser.isSet(sloOpt))
        return usageError(QCoreApplication::translate("Cli", "--slo: required, e.g. --slo \"p95<500ms,errors<1%\""));
    const std::optional<Slo> slo = Slo::parse(parser.value(sloOpt), &error);
    if (!slo)
        return usageError(QStringLiteral("--slo: ") + error);

    CapacitySearch::Options search;
    const auto start = positiveNumber(parser.value(startOpt));
    if (!start)
        return usageError(QCoreApplication::translate("Cli", "--start-rate: \"%1\" is not a rate above 0")
                              .arg(parser.value(startOpt)));
    search.startRps = *start;
    const auto max = positiveNumber(parser.value(maxOpt));
    if (!max || *max < *start)
        return usageError(
            QCoreApplication::translate("Cli", "--max-rate: \"%1\" is not a rate at or above the start rate")
                .arg(parser.value(maxOpt)));
    search.maxRps = *max;
    const auto growth = positiveNumber(parser.value(growthOpt));
    if (!growth || *growth <= 1 || *growth > 100)
        return usageError(QCoreApplication::translate("Cli", "--growth: \"%1\" is not a factor above 1 and at most 100")
                              .arg(parser.value(growthOpt)));
    search.growth = *growth;
    const auto stepS = parseDuration(parser.value(stepOpt));
    if (!stepS || *stepS < 2)
        return usageError(QCoreApplication::translate("Cli", "--step-duration: \"%1\" is not a duration of at least 2s")
                              .arg(parser.value(stepOpt)));
    if (!CapacitySearch::validate(search, &error))
        return usageError(error);

    ServiceThread demo;
    if (o.useDemo && !startDemoTarget(&demo, &o, &error)) {
        err() << "stressdeck capacity: " << error << Qt::endl;
        return TargetUnavailable;
    }
    RunConfig base = o.config;
    base.loadModel = LoadModel::Open;
    base.durationS = *stepS;
    base.rateRps = search.startRps;
    base.thinkMinMs = base.thinkMaxMs = 0;
    base.stages = {};
    base.checkpointIntervalS = std::max(base.checkpointIntervalS, *stepS + 60);
    const bool fixedCap = o.isGiven("concurrency");
    if (!fixedCap)
        base.concurrency = inFlightCap(search.startRps, base.timeoutS);
    if (!base.validate(&error))
        return usageError(error);

    CapacitySearch searcher(search);
    LoadRunner runner;
    SignalWatcher watcher;
    bool interrupted = false;
    bool unavailable = false;
    int exitCode = Passed;
    bool firstStep = true;
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();

    auto finish = [&] {
        const CapacityResult& result = searcher.result();
        const QString summary = capacitySummaryLine(result, *slo, search.startRps, interrupted);
        QTextStream out(stdout);
        if (!result.steps.isEmpty())
            out << stepTable(result) << "\n";
        out << summary << Qt::endl;
        QJsonObject capacityJson = result.toJson();
        capacityJson.insert(QStringLiteral("slo"), slo->toJson());
        capacityJson.insert(QStringLiteral("slo_text"), slo->toString());
        capacityJson.insert(QStringLiteral("interrupted"), interrupted);
        capacityJson.insert(QStringLiteral("summary"), summary);
        QJsonArray types;
        for (const RequestType& t : o.scenario.requestTypes)
            types.append(t.name);
        const QJsonObject config {
            { QStringLiteral("target"), o.config.target.toString() },
            { QStringLiteral("scenario"), o.scenario.name },
            { QStringLiteral("request_types"), types },
            { QStringLiteral("transport"), transportId(base.transport) },
            { QStringLiteral("timeout_s"), base.timeoutS },
            { QStringLiteral("threads"), base.threads },
            { QStringLiteral("in_flight_cap"),
                fixedCap ? QJsonValue(base.concurrency) : QJsonValue(QStringLiteral("rate_x_timeout")) },
            { QStringLiteral("insecure"), base.insecure },
            { QStringLiteral("start_rps"), search.startRps },
            { QStringLiteral("max_rps"), search.maxRps },
            { QStringLiteral("growth"), search.growth },
            { QStringLiteral("tolerance"), search.tolerance },
            { QStringLiteral("step_duration_s"), *stepS },
            { QStringLiteral("warmup_fraction"), s_warmupFraction },
            { QStringLiteral("started_at"), startedAt.toString(Qt::ISODate) },
        };
        if (!o.jsonFile.isEmpty()) {
            const QJsonObject root {
                { QStringLiteral("schema"), QStringLiteral("stressdeck-capacity/1") },
                { QStringLiteral("tool"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("stressdeck") },
                        { QStringLiteral("version"), QStringLiteral(STRESSDECK_VERSION) } } },
                { QStringLiteral("config"), config },
                { QStringLiteral("capacity"), capacityJson },
            };
            QString saveError;
            if (!saveWholeFile(o.jsonFile, QJsonDocument(root).toJson(QJsonDocument::Indented), &saveError)) {
                err() << "stressdeck capacity: " << saveError << Qt::endl;
                exitCode = BadInput;
                QCoreApplication::exit(0);
                return;
            }
            err() << QCoreApplication::translate("Cli", "Capacity search written to %1").arg(o.jsonFile) << Qt::endl;
        }
        if (!o.pdfFile.isEmpty()) {
            CapacityPdf pdf(result, *slo, summary);
            pdf.setStepDuration(*stepS);
            pdf.setSubject(QCoreApplication::translate("Cli", "\"%1\" against %2, %3 transport, steps of %4")
                               .arg(o.scenario.name, o.config.target.toString(), transportId(base.transport),
                                   formatDurationExact(*stepS)));
            pdf.setStartedAt(startedAt);
            QString pdfError;
            if (!pdf.write(o.pdfFile, &pdfError)) {
                err() << "stressdeck capacity: " << pdfError << Qt::endl;
                exitCode = BadInput;
                QCoreApplication::exit(0);
                return;
            }
            err() << QCoreApplication::translate("Cli", "PDF written to %1").arg(o.pdfFile) << Qt::endl;
        }
        exitCode = interrupted ? Interrupted
            : result.outcome == CapacityResult::Outcome::Found || result.outcome == CapacityResult::Outcome::AboveMax
            ? Passed
            : CriterionFailed;
        QCoreApplication::exit(0);
    };

    auto startStep = [&] {
        if (interrupted || searcher.isDone()) {
            finish();
            return;
        }
        const double rate = *searcher.nextRate();
        RunConfig step = base;
        step.rateRps = rate;
        if (!fixedCap)
            step.concurrency = inFlightCap(rate, base.timeoutS);
        step.healthCheck = firstStep && o.config.healthCheck;
        firstStep = false;
        err() << QCoreApplication::translate("Cli", "step %1 of about %2: %3 req/s …")
                     .arg(searcher.stepsDone() + 1)
                     .arg(searcher.estimatedTotalSteps())
                     .arg(formatRate(rate))
              << Qt::flush;
        QString startError;
        if (!runner.start(step, o.scenario, &startError)) {
            err() << Qt::endl << "stressdeck capacity: " << startError << Qt::endl;
            exitCode = BadInput;
            QCoreApplication::exit(0);
        }
    };

    QObject::connect(&watcher, &SignalWatcher::interrupted, &runner, [&](int) {
        if (!interrupted) {
            interrupted = true;
            err() << QCoreApplication::translate("Cli",
                "\nInterrupted: ending the search with the steps so far (interrupt again to abort the requests in "
                "flight)")
                  << Qt::endl;
            if (runner.isRunning())
                runner.stop();
        } else {
            runner.stopNow();
        }
    });
    QObject::connect(&runner, &LoadRunner::unavailable, &runner, [&](const QString& message) {
        unavailable = true;
        err() << Qt::endl << "stressdeck capacity: " << message << Qt::endl;
    });
    QObject::connect(&runner, &LoadRunner::finished, &runner, [&](const Report& report) {
        if (unavailable) {
            exitCode = TargetUnavailable;
            QCoreApplication::exit(0);
            return;
        }
        if (interrupted) { // the cut-short step is not judged
            QTimer::singleShot(0, &runner, finish);
            return;
        }
        searcher.report(measureCapacityStep(report, *slo, s_warmupFraction));
        const CapacityStep& done = searcher.result().steps.constLast();
        const CapacityStepResult& m = done.measured;
        const QString figures = QCoreApplication::translate("Cli", "achieved %1 req/s, p50 %2, p95 %3, errors %4 %")
                                    .arg(formatRate(m.achievedRps), formatLatency(m.p50Ms), formatLatency(m.p95Ms))
                                    .arg(m.errorPct, 0, 'f', 1);
        err() << " "
              << (done.passed ? QCoreApplication::translate("Cli", "passed — %1").arg(figures)
                              : QCoreApplication::translate("Cli", "failed (%1) — %2").arg(done.reason, figures))
              << Qt::endl;
        QTimer::singleShot(0, &runner, startStep);
    });

    err() << QCoreApplication::translate("Cli",
        "Capacity search of \"%1\" against %2 with %3: from %4 req/s (×%5, at most %6), steps of %7, in flight at "
        "most %8")
                 .arg(o.scenario.name, o.config.target.toString(), sloInWords(*slo), formatRate(search.startRps))
                 .arg(search.growth)
                 .arg(formatRate(search.maxRps), formatDurationExact(*stepS),
                     fixedCap ? QString::number(base.concurrency)
                              : QCoreApplication::translate("Cli", "the step's rate × the %1 timeout")
                                    .arg(formatDurationExact(base.timeoutS)))
          << Qt::endl;
    QTimer::singleShot(0, &runner, startStep);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Stressdeck::Cli
