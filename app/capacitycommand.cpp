// SPDX-License-Identifier: MIT

#include "capacitycommand.h"

#include "runcommand.h"
#include "runoptions.h"

#include "capacitypdf.h"
#include "capacityrun.h"
#include "capacitystep.h"
#include "demoservice.h"
#include "format.h"
#include "savefile.h"
#include "shardoptions.h"
#include "shardplan.h"
#include "signalwatcher.h"
#include "slo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTextStream>
#include <QTimer>

#include <cmath>

namespace Stressdeck::Cli {

namespace {

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

std::optional<int> wholeNumber(const QString& text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

QString stepTable(const CapacityChartData& data)
{
    QString text = QCoreApplication::translate("Cli", "%1 %2 %3 %4 %5 %6  %7\n")
                       .arg(data.users ? QCoreApplication::translate("Cli", "users")
                                       : QCoreApplication::translate("Cli", "rate/s"),
                           9)
                       .arg(QCoreApplication::translate("Cli", "achieved/s"), 11)
                       .arg(QCoreApplication::translate("Cli", "p50"), 10)
                       .arg(QCoreApplication::translate("Cli", "p95"), 10)
                       .arg(QCoreApplication::translate("Cli", "p99"), 10)
                       .arg(QCoreApplication::translate("Cli", "errors"), 8)
                       .arg(QCoreApplication::translate("Cli", "verdict"));
    for (const CapacityChartStep& s : data.steps) {
        text += QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
                    .arg(data.users ? QString::number(s.load, 'f', 0) : formatRate(s.load), 9)
                    .arg(formatRate(s.achievedRps), 11)
                    .arg(formatLatency(s.p50Ms, LatencyStyle::Compact), 10)
                    .arg(formatLatency(s.p95Ms, LatencyStyle::Compact), 10)
                    .arg(formatLatency(s.p99Ms, LatencyStyle::Compact), 10)
                    .arg(QStringLiteral("%1%").arg(s.errorPct, 0, 'f', 1), 8)
                    .arg(s.passed ? QCoreApplication::translate("Cli", "passed")
                                  : QCoreApplication::translate("Cli", "failed (%1)").arg(s.reason));
    }
    return text;
}

} // namespace

int capacityExitCode(const CapacityRun& run, bool interruptionCounts)
{
    return run.wasInterrupted() && interruptionCounts ? Interrupted : run.found() ? Passed : CriterionFailed;
}

int capacity(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli",
        "Find the highest request rate the target sustains within a service-level objective: open-model steps "
        "growing geometrically from the start rate, then a bisection between the last passing and the first "
        "failing rate down to 5 %. A step is judged after its first fifth; it fails on the SLO, on an achieved "
        "rate more than 5 % short of the scheduled one, or on requests in flight that keep growing. With --users, "
        "the closed model instead: users grow step by step until throughput stops growing with them (or the SLO "
        "breaks). With --shard I/N and --exchange-dir, N processes search together, each step judged on the merge of "
        "all shards' step reports. Exit codes: 0 a capacity was found, 1 even the start fails, 2 bad usage, 3 target "
        "unavailable, 75 a shard started a step too late, 130 interrupted."));
    parser.addHelpOption();
    RunOptionTable table;
    // The search sets the load itself; the options that shape a run's load make no sense here.
    const QStringList notHere { QStringLiteral("profile"), QStringLiteral("duration"), QStringLiteral("rate"),
        QStringLiteral("stages"), QStringLiteral("rate-stages"), QStringLiteral("checkpoint-interval"),
        QStringLiteral("no-history") };
    table.hideFromHelp(notHere);
    table.describe(QStringLiteral("json"),
        QCoreApplication::translate("Cli", "Write the search as JSON (stressdeck-capacity/1) to this file."));
    table.describe(QStringLiteral("pdf"),
        QCoreApplication::translate("Cli",
            "Write the search as a PDF to this file: the steps, the load curve and latency against throughput."));
    table.describe(QStringLiteral("concurrency"),
        QCoreApplication::translate("Cli",
            "In-flight cap of every step of the rate search (default: the step's rate times the timeout, at most "
            "100000)."));
    table.describe(QStringLiteral("think-time"),
        QCoreApplication::translate("Cli", "Pause of every user between requests, with --users only (default 0)."));
    table.describe(QStringLiteral("slo"),
        QCoreApplication::translate("Cli",
            "The objective, e.g. \"p95<500ms,errors<1%\": p50|p90|p95|p99<DURATION, errors<PCT, for streamed "
            "requests ttft_p95|tpot_p95<DURATION, each optionally for one request type (\"chat.p95<800ms\"). "
            "Required for the rate search; with --users a step that breaks it ends the search."));
    table.addTo(&parser);
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
        QCoreApplication::translate(
            "Cli", "Factor from one step's load to the next's, above 1 (default 1.5; users grow by at least 1)."),
        QStringLiteral("factor"), QStringLiteral("1.5"));
    const QCommandLineOption usersOpt(QStringLiteral("users"),
        QCoreApplication::translate(
            "Cli", "Search the closed model: the number of users at which throughput stops growing (Little's law)."));
    const QCommandLineOption startUsersOpt(QStringLiteral("start-users"),
        QCoreApplication::translate("Cli", "Users of the first step, with --users (default 1)."), QStringLiteral("n"),
        QStringLiteral("1"));
    const QCommandLineOption maxUsersOpt(QStringLiteral("max-users"),
        QCoreApplication::translate("Cli", "Most users tried, with --users (default 1024)."), QStringLiteral("n"),
        QStringLiteral("1024"));
    const QCommandLineOption exchangeOpt(QStringLiteral("exchange-dir"),
        QCoreApplication::translate("Cli",
            "With --shard: a directory every shard can read and write (an empty one per search). After each step "
            "each shard saves its step report there, merges all shards' and judges the merged step, so all shards "
            "take the same next load; the next step starts 3 s after the last shard's step ended."),
        QStringLiteral("dir"));
    parser.addOptions({ startOpt, maxOpt, stepOpt, growthOpt, usersOpt, startUsersOpt, maxUsersOpt, exchangeOpt });
    ShardOptions::addTo(&parser, false);

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
    const bool users = parser.isSet(usersOpt);
    const QList<const QCommandLineOption*> otherMode = users
        ? QList<const QCommandLineOption*> { &startOpt, &maxOpt }
        : QList<const QCommandLineOption*> { &startUsersOpt, &maxUsersOpt };
    for (const QCommandLineOption* option : otherMode) {
        if (parser.isSet(*option))
            return usageError(users
                    ? QCoreApplication::translate("Cli", "--%1 does not apply to the user search (--users)")
                          .arg(option->names().constFirst())
                    : QCoreApplication::translate("Cli", "--%1 applies only with --users")
                          .arg(option->names().constFirst()));
    }
    if (!users && parser.isSet(QStringLiteral("think-time")))
        return usageError(QCoreApplication::translate("Cli", "--think-time applies only with --users"));
    if (users && parser.isSet(QStringLiteral("concurrency")))
        return usageError(
            QCoreApplication::translate("Cli", "--concurrency does not apply: the user search sets the users itself"));

    RunOptions o;
    QString error;
    if (!table.read(parser, &o, &error))
        return usageError(error);

    CapacityRun::Options search;
    search.mode = users ? CapacityRun::Mode::Users : CapacityRun::Mode::Rate;
    if (o.isGiven("slo")) {
        search.slo = o.config.slo;
    } else if (!users) {
        return usageError(QCoreApplication::translate("Cli", "--slo: required, e.g. --slo \"p95<500ms,errors<1%\""));
    }
    const auto growth = positiveNumber(parser.value(growthOpt));
    if (!growth || *growth <= 1 || *growth > 100)
        return usageError(QCoreApplication::translate("Cli", "--growth: \"%1\" is not a factor above 1 and at most 100")
                              .arg(parser.value(growthOpt)));
    if (users) {
        const auto start = wholeNumber(parser.value(startUsersOpt));
        if (!start)
            return usageError(QCoreApplication::translate("Cli", "--start-users: \"%1\" is not a whole number above 0")
                                  .arg(parser.value(startUsersOpt)));
        const auto max = wholeNumber(parser.value(maxUsersOpt));
        if (!max || *max < *start || *max > 100000)
            return usageError(QCoreApplication::translate(
                "Cli", "--max-users: \"%1\" is not a whole number from the start users up to 100000")
                                  .arg(parser.value(maxUsersOpt)));
        search.users.startUsers = *start;
        search.users.maxUsers = *max;
        search.users.growth = *growth;
        if (!o.isGiven("think-time"))
            o.config.thinkMinMs = o.config.thinkMaxMs = 0;
    } else {
        const auto start = positiveNumber(parser.value(startOpt));
        if (!start)
            return usageError(QCoreApplication::translate("Cli", "--start-rate: \"%1\" is not a rate above 0")
                                  .arg(parser.value(startOpt)));
        const auto max = positiveNumber(parser.value(maxOpt));
        if (!max || *max < *start)
            return usageError(
                QCoreApplication::translate("Cli", "--max-rate: \"%1\" is not a rate at or above the start rate")
                    .arg(parser.value(maxOpt)));
        search.rate.startRps = *start;
        search.rate.maxRps = *max;
        search.rate.growth = *growth;
        if (o.isGiven("concurrency"))
            search.inFlightCap = o.config.concurrency;
    }
    const auto stepS = parseDuration(parser.value(stepOpt));
    if (!stepS || *stepS < 2)
        return usageError(QCoreApplication::translate("Cli", "--step-duration: \"%1\" is not a duration of at least 2s")
                              .arg(parser.value(stepOpt)));
    search.stepS = *stepS;
    if (!CapacityRun::validate(search, &error))
        return usageError(error);

    ShardOptions shard;
    if (!ShardOptions::read(parser, QProcessEnvironment::systemEnvironment(), &shard, &error))
        return usageError(error);
    if (shard.given && !parser.isSet(exchangeOpt))
        return usageError(QCoreApplication::translate(
            "Cli", "--shard/--start-at: a sharded search needs --exchange-dir, where the shards share their steps"));
    if (parser.isSet(exchangeOpt) && !shard.spec.isSharded() && !shard.given)
        return usageError(QCoreApplication::translate("Cli", "--exchange-dir applies only with --shard"));
    // Every shard must draw the same plan: without --seed they all derive it from the plan.
    if (shard.spec.isSharded() && o.config.seed == 0)
        o.config.seed = ShardPlan::derivedSeed(o.config, o.scenario);

    ServiceThread demo;
    if (o.useDemo && !startDemoTarget(&demo, &o, &error)) {
        err() << "stressdeck capacity: " << error << Qt::endl;
        return TargetUnavailable;
    }
    if (!resolveModel(&o, &error)) {
        err() << "stressdeck capacity: " << error << Qt::endl;
        return TargetUnavailable;
    }

    CapacityRun run;
    if (shard.given) {
        CapacityRun::Sharding sharding;
        sharding.spec = shard.spec;
        sharding.firstStart = shard.barrier;
        sharding.exchangeDir = parser.value(exchangeOpt);
        sharding.waitS = std::max(60.0, *stepS);
        if (!run.setSharding(sharding, &error))
            return usageError(error);
        err() << QCoreApplication::translate("Cli", "Shard %1/%2 (from %3), steps shared in %4")
                     .arg(shard.spec.index)
                     .arg(shard.spec.count)
                     .arg(shard.spec.source, sharding.exchangeDir)
              << Qt::endl;
    }
    SignalWatcher watcher;
    bool unavailable = false;
    bool failed = false;
    int exitCode = Passed;

    auto finish = [&] {
        if (run.startedLate()) {
            exitCode = LateStart;
            QCoreApplication::exit(0);
            return;
        }
        if (unavailable || failed) {
            exitCode = unavailable ? TargetUnavailable : BadInput;
            QCoreApplication::exit(0);
            return;
        }
        const CapacityChartData data = CapacityChartData::of(run);
        const QString summary = run.summary();
        QTextStream out(stdout);
        if (!data.steps.isEmpty())
            out << stepTable(data) << "\n";
        out << summary << Qt::endl;
        if (!o.jsonFile.isEmpty()) {
            QString saveError;
            if (!saveWholeFile(o.jsonFile, QJsonDocument(run.document()).toJson(QJsonDocument::Indented), &saveError)) {
                err() << "stressdeck capacity: " << saveError << Qt::endl;
                exitCode = BadInput;
                QCoreApplication::exit(0);
                return;
            }
            err() << QCoreApplication::translate("Cli", "Capacity search written to %1").arg(o.jsonFile) << Qt::endl;
        }
        if (!o.pdfFile.isEmpty()) {
            CapacityPdf pdf(data, summary, run.found());
            pdf.setSubject(run.subject());
            pdf.setStartedAt(run.startedAt());
            QString pdfError;
            if (!pdf.write(o.pdfFile, &pdfError)) {
                err() << "stressdeck capacity: " << pdfError << Qt::endl;
                exitCode = BadInput;
                QCoreApplication::exit(0);
                return;
            }
            err() << QCoreApplication::translate("Cli", "PDF written to %1").arg(o.pdfFile) << Qt::endl;
        }
        exitCode = capacityExitCode(run, true);
        QCoreApplication::exit(0);
    };

    QObject::connect(&watcher, &SignalWatcher::interrupted, &run, [&](int) {
        if (!run.wasInterrupted()) {
            err() << QCoreApplication::translate("Cli",
                "\nInterrupted: ending the search with the steps so far (interrupt again to abort the requests in "
                "flight)")
                  << Qt::endl;
            run.stop();
        } else {
            run.stopNow();
        }
    });
    QObject::connect(&run, &CapacityRun::stepStarted, &run, [&](int number, int total, double load) {
        err() << (users ? QCoreApplication::translate("Cli", "step %1 of about %2: %n user(s) …", nullptr, int(load))
                              .arg(number)
                              .arg(total)
                        : QCoreApplication::translate("Cli", "step %1 of about %2: %3 req/s …")
                              .arg(number)
                              .arg(total)
                              .arg(formatRate(load)))
              << Qt::flush;
    });
    QObject::connect(&run, &CapacityRun::stepFinished, &run, [&](int) {
        const CapacityChartData data = CapacityChartData::of(run);
        const CapacityChartStep& done = data.steps.constLast();
        const QString figures
            = QCoreApplication::translate("Cli", "achieved %1 req/s, p50 %2, p95 %3, errors %4 %")
                  .arg(formatRate(done.achievedRps), formatLatency(done.p50Ms), formatLatency(done.p95Ms))
                  .arg(done.errorPct, 0, 'f', 1);
        err() << " "
              << (done.passed ? QCoreApplication::translate("Cli", "passed — %1").arg(figures)
                              : QCoreApplication::translate("Cli", "failed (%1) — %2").arg(done.reason, figures))
              << Qt::endl;
    });
    QObject::connect(&run, &CapacityRun::unavailable, &run, [&](const QString& message) {
        unavailable = true;
        err() << Qt::endl << "stressdeck capacity: " << message << Qt::endl;
    });
    QObject::connect(&run, &CapacityRun::failed, &run, [&](const QString& message) {
        failed = true;
        err() << Qt::endl << "stressdeck capacity: " << message << Qt::endl;
    });
    QObject::connect(&run, &CapacityRun::lateStart, &run, [&](double lateMs) {
        err() << Qt::endl
              << "stressdeck capacity: "
              << QCoreApplication::translate(
                     "Cli", "woke %1 ms after the step's start time, more than --late-tolerance: ending the search")
                     .arg(lateMs, 0, 'f', 1)
              << Qt::endl;
    });
    QObject::connect(&run, &CapacityRun::finished, &run, [&] { QTimer::singleShot(0, &run, finish); });

    if (users)
        err() << QCoreApplication::translate(
            "Cli", "User search of \"%1\" against %2%3: from %4 users (×%5, at most %6), steps of %7")
                     .arg(o.scenario.name, o.config.target.toString(),
                         search.slo.isEmpty()
                             ? QString()
                             : QCoreApplication::translate("Cli", " with %1").arg(sloInWords(search.slo)))
                     .arg(search.users.startUsers)
                     .arg(search.users.growth)
                     .arg(search.users.maxUsers)
                     .arg(formatDurationExact(*stepS))
              << Qt::endl;
    else
        err() << QCoreApplication::translate("Cli",
            "Capacity search of \"%1\" against %2 with %3: from %4 req/s (×%5, at most %6), steps of %7, in flight at "
            "most %8")
                     .arg(o.scenario.name, o.config.target.toString(), sloInWords(search.slo),
                         formatRate(search.rate.startRps))
                     .arg(search.rate.growth)
                     .arg(formatRate(search.rate.maxRps), formatDurationExact(*stepS),
                         search.inFlightCap ? QString::number(*search.inFlightCap)
                                            : QCoreApplication::translate("Cli", "the step's rate × the %1 timeout")
                                                  .arg(formatDurationExact(o.config.timeoutS)))
              << Qt::endl;
    if (!run.start(o.config, o.scenario, search, &error))
        return usageError(error);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Stressdeck::Cli
