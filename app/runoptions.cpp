// SPDX-License-Identifier: MIT

#include "runoptions.h"

#include "processsampler.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace Stressdeck::Cli {

namespace {

const QString s_demoPrefix = QStringLiteral("demo-");

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

QString cannotCombine(const char* a, const char* b)
{
    return QCoreApplication::translate("Cli", "%1 and %2 cannot be combined")
        .arg(QStringLiteral("--") + QLatin1String(a), QStringLiteral("--") + QLatin1String(b));
}

//! --stages, --rate-stages and a scenario file's stages, after --concurrency, --duration and --rate
//! are read: the command line's load wins over the file's, and a staged run lasts as long as its stages.
bool readStages(const QCommandLineParser& parser, RunOptions* o, QString* error)
{
    auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    for (const auto& [flag, others] : { std::pair { "stages", std::vector { "rate-stages", "rate", "concurrency" } },
             std::pair { "rate-stages", std::vector { "rate" } } }) {
        if (!isSet(flag))
            continue;
        for (const char* other : others) {
            if (isSet(other)) {
                *error = cannotCombine(flag, other);
                return false;
            }
        }
    }
    Stages shape;
    QString flag;
    for (const auto& [name, unit] :
        { std::pair { "stages", Stages::Unit::Users }, std::pair { "rate-stages", Stages::Unit::Rate } }) {
        if (!isSet(name))
            continue;
        flag = QStringLiteral("--") + QLatin1String(name);
        QString why;
        const std::optional<Stages> parsed = Stages::parse(parser.value(QLatin1String(name)), unit, &why);
        if (!parsed) {
            *error = QStringLiteral("%1: %2").arg(flag, why);
            return false;
        }
        shape = *parsed;
    }
    // The scenario file's stages, unless the command line sets the load itself.
    const Stages& fromFile = o->scenario.stages;
    const bool fileOverridden = isSet("rate") || (fromFile.unit() == Stages::Unit::Users && isSet("concurrency"));
    if (flag.isEmpty() && !fromFile.isEmpty() && !fileOverridden) {
        shape = fromFile;
        flag = QStringLiteral("--scenario");
    }
    if (shape.isEmpty())
        return true;
    const double givenDurationS = o->config.durationS;
    o->config.setStages(shape);
    if (isSet("duration") && std::abs(givenDurationS - shape.totalDuration()) > 1e-6) {
        *error = QCoreApplication::translate(
            "Cli", "--duration: %1 differs from the %2 of the stages of %3 (a staged run lasts as long as its stages)")
                     .arg(formatDurationExact(givenDurationS), formatDurationExact(shape.totalDuration()), flag);
        return false;
    }
    return true;
}

} // namespace

RunOptionTable::RunOptionTable()
{
    auto add = [this](const QStringList& names, const char* description, const QString& value = {},
                   const QString& defaultValue = {}) {
        m_options.append(
            QCommandLineOption(names, QCoreApplication::translate("Cli", description), value, defaultValue));
    };
    add({ QStringLiteral("profile") },
        QT_TRANSLATE_NOOP("Cli", "Load profile: quick, normal or extended (in the window also capacity)."),
        QStringLiteral("name"), QStringLiteral("quick"));
    add({ QStringLiteral("target") },
        QT_TRANSLATE_NOOP("Cli", "Base URL of the service (default: the built-in demo service)."),
        QStringLiteral("url"));
    add({ QStringLiteral("scenario") },
        QT_TRANSLATE_NOOP("Cli",
            "Scenario JSON file, or a built-in: archive-ai, archive-ai-original, archive-ai-multimodal, openai-chat."),
        QStringLiteral("file"));
    add({ QStringLiteral("request") },
        QT_TRANSLATE_NOOP("Cli", "Ad-hoc request type \"METHOD /path [json]\" (repeatable)."), QStringLiteral("spec"));
    add({ QStringLiteral("c"), QStringLiteral("concurrency") },
        QT_TRANSLATE_NOOP("Cli", "Concurrent users (closed model) or in-flight cap (open model)."),
        QStringLiteral("n"));
    add({ QStringLiteral("d"), QStringLiteral("duration") },
        QT_TRANSLATE_NOOP("Cli", "Run length: 30s, 5m, 1h or seconds."), QStringLiteral("duration"));
    add({ QStringLiteral("timeout") }, QT_TRANSLATE_NOOP("Cli", "Timeout per request (default 30s)."),
        QStringLiteral("duration"));
    add({ QStringLiteral("think-time") }, QT_TRANSLATE_NOOP("Cli", "Think time range, e.g. 100ms-500ms, or 0."),
        QStringLiteral("min-max"));
    add({ QStringLiteral("rate") }, QT_TRANSLATE_NOOP("Cli", "Open model: requests per second on a fixed schedule."),
        QStringLiteral("rps"));
    add({ QStringLiteral("stages") },
        QT_TRANSLATE_NOOP("Cli",
            "Closed model: users in stages DURATION:USERS, each a linear ramp from the one before (from 0), e.g. "
            "\"30s:10,2m:10,30s:0\"; a 0s stage is a step. The run lasts as long as its stages (a --duration must "
            "match). Not with --concurrency, --rate or --rate-stages."),
        QStringLiteral("stages"));
    add({ QStringLiteral("rate-stages") },
        QT_TRANSLATE_NOOP("Cli",
            "Open model: requests per second in stages DURATION:RATE, e.g. \"1m:100,2m:100,1m:400\"; the schedule "
            "follows the rate exactly and the run lasts as long as its stages. --concurrency stays the in-flight cap. "
            "Not with --rate or --stages."),
        QStringLiteral("stages"));
    add({ QStringLiteral("monitor-pid") }, QT_TRANSLATE_NOOP("Cli", "Monitor this process's CPU and memory."),
        QStringLiteral("pid"));
    add({ QStringLiteral("monitor-name") }, QT_TRANSLATE_NOOP("Cli", "Monitor the process with this name."),
        QStringLiteral("name"));
    add({ QStringLiteral("sample-interval") },
        QT_TRANSLATE_NOOP("Cli", "Monitoring interval (default 5s, at least 1s)."), QStringLiteral("duration"));
    add({ QStringLiteral("leak-threshold-mb") },
        QT_TRANSLATE_NOOP("Cli", "Memory growth that counts as a leak (default 100)."), QStringLiteral("mb"));
    add({ QStringLiteral("health-path") }, QT_TRANSLATE_NOOP("Cli", "Availability check path (default /health)."),
        QStringLiteral("path"));
    add({ QStringLiteral("no-health-check") }, QT_TRANSLATE_NOOP("Cli", "Skip the availability check."));
    add({ QStringLiteral("json") }, QT_TRANSLATE_NOOP("Cli", "Write the JSON report to this file."),
        QStringLiteral("file"));
    add({ QStringLiteral("seed") }, QT_TRANSLATE_NOOP("Cli", "Random seed for a reproducible request mix."),
        QStringLiteral("n"));
    add({ QStringLiteral("insecure") },
        QT_TRANSLATE_NOOP("Cli", "Do not verify TLS certificates (the report says so)."));
    add({ QStringLiteral("pdf") }, QT_TRANSLATE_NOOP("Cli", "Write a PDF report to this file."),
        QStringLiteral("file"));
    add({ QStringLiteral("max-body-mb") },
        QT_TRANSLATE_NOOP(
            "Cli", "Longest response body read, in MB (default 8); longer ones count as \"Body too large\"."),
        QStringLiteral("mb"));
    add({ QStringLiteral("checkpoint-interval") },
        QT_TRANSLATE_NOOP("Cli", "How often a recovery copy of the report is written (default 30s)."),
        QStringLiteral("duration"));
    add({ QStringLiteral("transport") },
        QT_TRANSLATE_NOOP("Cli",
            "qnam (default: Qt's HTTP client with TLS, HTTP/2, redirects) or fast (lean HTTP/1.1 keep-alive client for "
            "high rates)."),
        QStringLiteral("name"));
    add({ QStringLiteral("no-history") },
        QT_TRANSLATE_NOOP("Cli", "Do not record this run in the run history ('stressdeck history')."));
    add({ QStringLiteral("model") },
        QT_TRANSLATE_NOOP("Cli",
            "Model for streaming request bodies that name none, such as the built-in openai-chat's (default: the "
            "first id from GET <target>/v1/models)."),
        QStringLiteral("name"));
    add({ QStringLiteral("stream-usage") },
        QT_TRANSLATE_NOOP("Cli",
            "on (default) or off: whether streaming requests ask for usage with \"stream_options\": "
            "{\"include_usage\": true}."),
        QStringLiteral("on|off"));
    add({ QStringLiteral("slo") },
        QT_TRANSLATE_NOOP("Cli",
            "Objectives each streamed request is judged on for goodput, e.g. \"ttft_p95<300ms,tpot_p95<30ms\": "
            "its TTFT, TPOT (and with p50|p90|p95|p99<DURATION its latency) under the limits, optionally after "
            "\"TYPE.\"; the report gives goodput_rps and good_pct."),
        QStringLiteral("slo"));
    add({ QStringLiteral("threads") },
        QT_TRANSLATE_NOOP("Cli", "Engine threads the users are spread over (default: one per core, minus one)."),
        QStringLiteral("n"));
}

void RunOptionTable::addTo(QCommandLineParser* parser) const
{
    for (const QCommandLineOption& o : m_options)
        parser->addOption(o);
    DemoOptions::addTo(parser, s_demoPrefix);
}

void RunOptionTable::hideFromHelp(const QStringList& names)
{
    for (QCommandLineOption& o : m_options) {
        if (names.contains(o.names().constLast()))
            o.setFlags(o.flags() | QCommandLineOption::HiddenFromHelp);
    }
}

void RunOptionTable::describe(const QString& name, const QString& description)
{
    for (QCommandLineOption& o : m_options) {
        if (o.names().constLast() == name)
            o.setDescription(description);
    }
}

bool RunOptionTable::read(const QCommandLineParser& parser, RunOptions* out, QString* error) const
{
    auto fail = [&](const QString& why) {
        *error = why;
        return false;
    };
    auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    RunOptions& o = *out;
    for (const QCommandLineOption& option : m_options) {
        if (parser.isSet(option.names().constLast()))
            o.given.insert(option.names().constLast());
    }

    const QString profileName = value("profile");
    const auto profile = Profile::builtIn(profileName);
    if (!profile || (profile->capacitySearch && !m_capacityProfile))
        return fail(QCoreApplication::translate("Cli", "--profile: \"%1\" is not one of quick, normal, extended%2")
                        .arg(profileName,
                            profile ? QCoreApplication::translate("Cli", " (a capacity search is stressdeck capacity)")
                                    : QString()));
    profile->applyTo(&o.config);

    if (isSet("target")) {
        o.config.target = QUrl(value("target"), QUrl::StrictMode);
        if (!RunConfig::isValidTarget(o.config.target))
            return fail(QCoreApplication::translate("Cli", "--target: \"%1\" is not an http:// or https:// URL")
                            .arg(value("target")));
        o.useDemo = false;
    }
    if (!o.demo.parse(parser, s_demoPrefix, error))
        return false;

    if (isSet("scenario") && isSet("request"))
        return fail(QCoreApplication::translate("Cli", "--scenario and --request cannot be combined"));
    if (isSet("request")) {
        o.scenario.name = QStringLiteral("ad hoc");
        for (const QString& spec : parser.values(QStringLiteral("request"))) {
            RequestType type;
            if (!Scenario::parseRequestSpec(spec, &type, error))
                return false;
            if (std::any_of(o.scenario.requestTypes.begin(), o.scenario.requestTypes.end(),
                    [&](const RequestType& t) { return t.name == type.name; }))
                return fail(QCoreApplication::translate("Cli", "--request \"%1\" is given twice").arg(spec));
            o.scenario.requestTypes.append(type);
        }
    } else if (isSet("scenario")) {
        o.scenarioArgument = value("scenario");
        o.scenario = Scenario::builtIn(o.scenarioArgument);
        if (o.scenario.name.isEmpty() && !Scenario::load(o.scenarioArgument, &o.scenario, error))
            return false;
    } else {
        o.scenario = Scenario::archiveAi();
    }

    if (isSet("concurrency")) {
        double users = 0;
        if (!parseNumber(QStringLiteral("--concurrency"), value("concurrency"), 1, 100000, &users, error)
            || users != std::floor(users))
            return fail(error->isEmpty() ? QCoreApplication::translate("Cli", "--concurrency: must be a whole number")
                                         : *error);
        o.config.concurrency = int(users);
    }
    if (isSet("duration")
        && !parseDurationFlag(QStringLiteral("--duration"), value("duration"), &o.config.durationS, error))
        return false;
    if (isSet("timeout")
        && !parseDurationFlag(QStringLiteral("--timeout"), value("timeout"), &o.config.timeoutS, error))
        return false;
    if (isSet("think-time")) {
        const auto think = parseThinkTime(value("think-time"));
        if (!think)
            return fail(QCoreApplication::translate("Cli", "--think-time: \"%1\" is not a range like 100ms-500ms or 0")
                            .arg(value("think-time")));
        std::tie(o.config.thinkMinMs, o.config.thinkMaxMs) = *think;
    }
    if (isSet("rate")) {
        if (!parseNumber(QStringLiteral("--rate"), value("rate"), 0.001, 1e7, &o.config.rateRps, error))
            return false;
        o.config.loadModel = LoadModel::Open;
    }
    if (!readStages(parser, &o, error))
        return false;
    if (isSet("monitor-pid") && isSet("monitor-name"))
        return fail(QCoreApplication::translate("Cli", "--monitor-pid and --monitor-name cannot be combined"));
    if (isSet("monitor-pid")) {
        double pid = 0;
        if (!parseNumber(QStringLiteral("--monitor-pid"), value("monitor-pid"), 1, 4194304, &pid, error))
            return false;
        const ProcessSampler::Lookup found = ProcessSampler::resolvePid(qint64(pid));
        if (found.result != ProcessSampler::Lookup::Found)
            return fail(QCoreApplication::translate("Cli", "--monitor-pid: no process %1").arg(found.pid));
        o.config.monitorPid = found.pid;
        o.monitorArgument = value("monitor-pid");
    }
    if (isSet("monitor-name")) {
        const ProcessSampler::Lookup found = ProcessSampler::resolveName(value("monitor-name"));
        if (found.result != ProcessSampler::Lookup::Found)
            return fail(
                QCoreApplication::translate("Cli", "--monitor-name: no running process named \"%1\"").arg(found.name));
        o.config.monitorPid = found.pid;
        o.config.monitorName = found.name;
        o.monitorArgument = value("monitor-name");
    }
    if (isSet("sample-interval")) {
        if (!parseDurationFlag(
                QStringLiteral("--sample-interval"), value("sample-interval"), &o.config.sampleIntervalS, error))
            return false;
        if (o.config.sampleIntervalS < 1)
            return fail(QCoreApplication::translate("Cli", "--sample-interval: must be at least 1s"));
    }
    if (isSet("leak-threshold-mb")
        && !parseNumber(QStringLiteral("--leak-threshold-mb"), value("leak-threshold-mb"), 0.001, 1e9,
            &o.config.thresholds.leakMb, error))
        return false;
    if (isSet("health-path") && isSet("no-health-check"))
        return fail(QCoreApplication::translate("Cli", "--health-path and --no-health-check cannot be combined"));
    if (isSet("health-path"))
        o.config.healthPath = value("health-path");
    o.config.healthCheck = !isSet("no-health-check");
    if (isSet("seed")) {
        bool ok = false;
        o.config.seed = value("seed").toULongLong(&ok);
        if (!ok || o.config.seed == 0 || o.config.seed >= (1ULL << 53))
            return fail(QCoreApplication::translate("Cli", "--seed: must be a whole number from 1 to 2^53-1"));
    }
    o.jsonFile = value("json");
    o.pdfFile = value("pdf");
    o.config.insecure = isSet("insecure");
    o.recordHistory = !isSet("no-history");
    if (isSet("transport")) {
        const auto transport = transportFromId(value("transport"));
        if (!transport)
            return fail(
                QCoreApplication::translate("Cli", "--transport: \"%1\" is not qnam or fast").arg(value("transport")));
        o.config.transport = *transport;
    }
    if (isSet("threads")) {
        bool ok = false;
        o.config.threads = value("threads").toInt(&ok);
        if (!ok || o.config.threads < 1 || o.config.threads > 256)
            return fail(QCoreApplication::translate("Cli", "--threads: \"%1\" is not a number from 1 to 256")
                            .arg(value("threads")));
    }
    if (isSet("model")) {
        o.config.model = value("model").trimmed();
        if (o.config.model.isEmpty())
            return fail(QCoreApplication::translate("Cli", "--model: must not be empty"));
    }
    if (isSet("stream-usage")) {
        const QString usage = value("stream-usage");
        if (usage != QLatin1String("on") && usage != QLatin1String("off"))
            return fail(QCoreApplication::translate("Cli", "--stream-usage: \"%1\" is not on or off").arg(usage));
        o.config.streamUsage = usage == QLatin1String("on");
    }
    if (isSet("slo")) {
        const std::optional<Slo> slo = Slo::parse(value("slo"), error);
        if (!slo)
            return fail(QStringLiteral("--slo: ") + *error);
        o.config.slo = *slo;
    }
    if (isSet("checkpoint-interval")
        && !parseDurationFlag(QStringLiteral("--checkpoint-interval"), value("checkpoint-interval"),
            &o.config.checkpointIntervalS, error))
        return false;
    if (isSet("max-body-mb")) {
        double mb = 0;
        if (!parseNumber(QStringLiteral("--max-body-mb"), value("max-body-mb"), 0.001, 1024 * 1024, &mb, error))
            return false;
        o.config.maxBodyBytes = qint64(mb * 1024 * 1024);
    }
    return true;
}

} // namespace Stressdeck::Cli
