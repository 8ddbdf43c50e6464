// SPDX-License-Identifier: MIT

#include "demooptions.h"

#include "runconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Stressdeck {

namespace {

bool parseRate(const QString& text, double* rate)
{
    bool ok = false;
    double value = 0;
    if (text.endsWith(QLatin1Char('%')))
        value = text.chopped(1).toDouble(&ok) / 100.0;
    else
        value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > 1)
        return false;
    *rate = value;
    return true;
}

} // namespace

QStringList DemoOptions::endpoints()
{
    return { QStringLiteral("health"), QStringLiteral("chat"), QStringLiteral("verify"), QStringLiteral("agent"),
        QStringLiteral("memory_search"), QStringLiteral("code_assist"), QStringLiteral("library_search"),
        QStringLiteral("voice_transcribe"), QStringLiteral("voice_synthesize"), QStringLiteral("metrics"),
        QStringLiteral("llm"), QStringLiteral("*") };
}

EndpointFault DemoOptions::faultFor(const QString& endpoint) const
{
    EndpointFault f = faults.value(QStringLiteral("*"));
    if (const auto it = faults.constFind(endpoint); it != faults.constEnd()) {
        const EndpointFault& own = *it;
        if (own.errorRate > 0) {
            f.errorRate = own.errorRate;
            f.errorStatus = own.errorStatus;
        }
        f.hangRate = std::max(f.hangRate, own.hangRate);
        f.resetRate = std::max(f.resetRate, own.resetRate);
        f.extraLatencyMs += own.extraLatencyMs;
    }
    return f;
}

void DemoOptions::addTo(QCommandLineParser* parser, const QString& prefix)
{
    const QString list = endpoints().join(u", ");
    parser->addOption({ prefix + QStringLiteral("speed"),
        QCoreApplication::translate(
            "DemoOptions", "Demo service: how many times faster than the real service (default 10)."),
        QStringLiteral("factor") });
    parser->addOption({ prefix + QStringLiteral("error-rate"),
        QCoreApplication::translate("DemoOptions",
            "Demo service: answer ENDPOINT with an error at RATE (0-1 or %), status default 500 (repeatable; "
            "endpoints: %1).")
            .arg(list),
        QStringLiteral("endpoint=rate[:status]") });
    parser->addOption({ prefix + QStringLiteral("hang"),
        QCoreApplication::translate("DemoOptions", "Demo service: never answer ENDPOINT at RATE."),
        QStringLiteral("endpoint=rate") });
    parser->addOption({ prefix + QStringLiteral("reset"),
        QCoreApplication::translate("DemoOptions", "Demo service: reset the connection of ENDPOINT at RATE."),
        QStringLiteral("endpoint=rate") });
    parser->addOption({ prefix + QStringLiteral("extra-latency"),
        QCoreApplication::translate("DemoOptions", "Demo service: add latency to ENDPOINT."),
        QStringLiteral("endpoint=duration") });
    parser->addOption({ prefix + QStringLiteral("leak-kb"),
        QCoreApplication::translate("DemoOptions", "Demo service: grow its resident memory by N KB per request."),
        QStringLiteral("n") });
    parser->addOption({ prefix + QStringLiteral("slow-start"),
        QCoreApplication::translate("DemoOptions", "Demo service: answer 503 for the first D after start."),
        QStringLiteral("duration") });
    parser->addOption({ prefix + QStringLiteral("rate-limit"),
        QCoreApplication::translate(
            "DemoOptions", "Demo service: 30 requests per minute per client on /chat and /verify (429 beyond).") });
    parser->addOption({ prefix + QStringLiteral("model-slots"),
        QCoreApplication::translate(
            "DemoOptions", "Demo service: parallel slots of the shared model queue (default 8)."),
        QStringLiteral("n") });
}

bool DemoOptions::parse(const QCommandLineParser& parser, const QString& prefix, QString* error)
{
    auto flag = [&](const char* name) -> QString { return QStringLiteral("--") + prefix + QLatin1String(name); };
    auto value = [&](const char* name) -> QString { return parser.value(prefix + QLatin1String(name)); };
    auto isSet = [&](const char* name) { return parser.isSet(prefix + QLatin1String(name)); };
    auto fail = [&](const QString& why) {
        *error = why;
        return false;
    };
    DemoOptions o;
    if (isSet("speed")) {
        bool ok = false;
        o.speed = value("speed").toDouble(&ok);
        if (!ok || !std::isfinite(o.speed) || o.speed < 0.01 || o.speed > 100000)
            return fail(QCoreApplication::translate("DemoOptions", "%1: \"%2\" is not a factor from 0.01 to 100000")
                            .arg(flag("speed"), value("speed")));
    }
    auto endpointOf = [&](const QString& spec, const char* name, QString* rest) -> std::optional<QString> {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        const QString endpoint = spec.left(eq);
        if (eq < 0 || !endpoints().contains(endpoint)) {
            *error = QCoreApplication::translate(
                "DemoOptions", "%1: \"%2\" must be ENDPOINT=VALUE with ENDPOINT one of %3")
                         .arg(flag(name), spec, endpoints().join(u", "));
            return std::nullopt;
        }
        *rest = spec.mid(eq + 1);
        return endpoint;
    };
    for (const QString& spec : parser.values(prefix + QStringLiteral("error-rate"))) {
        QString rest;
        const auto endpoint = endpointOf(spec, "error-rate", &rest);
        if (!endpoint)
            return false;
        const QStringList parts = rest.split(QLatin1Char(':'));
        EndpointFault& f = o.faults[*endpoint];
        bool ok = parts.size() <= 2 && parseRate(parts[0], &f.errorRate);
        if (ok && parts.size() == 2) {
            f.errorStatus = parts[1].toInt(&ok);
            ok = ok && f.errorStatus >= 400 && f.errorStatus <= 599;
        }
        if (!ok)
            return fail(QCoreApplication::translate(
                "DemoOptions", "%1: \"%2\": the rate must be 0-1 (or 0-100%) and the status 400-599")
                            .arg(flag("error-rate"), spec));
    }
    for (const char* name : { "hang", "reset" }) {
        for (const QString& spec : parser.values(prefix + QLatin1String(name))) {
            QString rest;
            const auto endpoint = endpointOf(spec, name, &rest);
            if (!endpoint)
                return false;
            EndpointFault& f = o.faults[*endpoint];
            if (!parseRate(rest, qstrcmp(name, "hang") == 0 ? &f.hangRate : &f.resetRate))
                return fail(QCoreApplication::translate("DemoOptions", "%1: \"%2\": the rate must be 0-1 (or 0-100%)")
                                .arg(flag(name), spec));
        }
    }
    for (const QString& spec : parser.values(prefix + QStringLiteral("extra-latency"))) {
        QString rest;
        const auto endpoint = endpointOf(spec, "extra-latency", &rest);
        if (!endpoint)
            return false;
        const auto seconds = parseDuration(rest);
        if (!seconds || *seconds > 3600)
            return fail(QCoreApplication::translate("DemoOptions", "%1: \"%2\": not a duration up to 1h")
                            .arg(flag("extra-latency"), spec));
        o.faults[*endpoint].extraLatencyMs = *seconds * 1000;
    }
    if (isSet("leak-kb")) {
        bool ok = false;
        o.leakKbPerRequest = value("leak-kb").toDouble(&ok);
        if (!ok || !std::isfinite(o.leakKbPerRequest) || o.leakKbPerRequest < 0 || o.leakKbPerRequest > 102400)
            return fail(QCoreApplication::translate("DemoOptions", "%1: \"%2\" is not a number of KB from 0 to 102400")
                            .arg(flag("leak-kb"), value("leak-kb")));
    }
    if (isSet("slow-start")) {
        const auto seconds = parseDuration(value("slow-start"));
        if (!seconds || *seconds > 3600)
            return fail(QCoreApplication::translate("DemoOptions", "%1: \"%2\" is not a duration up to 1h")
                            .arg(flag("slow-start"), value("slow-start")));
        o.slowStartS = *seconds;
    }
    o.rateLimit = isSet("rate-limit");
    if (isSet("model-slots")) {
        bool ok = false;
        o.modelSlots = value("model-slots").toInt(&ok);
        if (!ok || o.modelSlots < 1 || o.modelSlots > 10000)
            return fail(QCoreApplication::translate("DemoOptions", "%1: \"%2\" is not a number from 1 to 10000")
                            .arg(flag("model-slots"), value("model-slots")));
    }
    *this = o;
    return true;
}

QJsonObject DemoOptions::toJson() const
{
    QJsonObject faultsJson;
    for (auto it = faults.begin(); it != faults.end(); ++it) {
        faultsJson.insert(it.key(),
            QJsonObject { { QStringLiteral("error_rate"), it->errorRate },
                { QStringLiteral("error_status"), it->errorStatus }, { QStringLiteral("hang_rate"), it->hangRate },
                { QStringLiteral("reset_rate"), it->resetRate },
                { QStringLiteral("extra_latency_ms"), it->extraLatencyMs } });
    }
    return { { QStringLiteral("speed"), speed }, { QStringLiteral("faults"), faultsJson },
        { QStringLiteral("leak_kb_per_request"), leakKbPerRequest }, { QStringLiteral("slow_start_s"), slowStartS },
        { QStringLiteral("rate_limit"), rateLimit }, { QStringLiteral("model_slots"), modelSlots },
        { QStringLiteral("llm_prefill_ms_per_token"), llmPrefillMsPerToken },
        { QStringLiteral("llm_decode_ms"), llmDecodeMs }, { QStringLiteral("llm_batch_slowdown"), llmBatchSlowdown },
        { QStringLiteral("llm_batch_slots"), llmBatchSlots },
        { QStringLiteral("llm_tokens_per_event"), llmTokensPerEvent }, { QStringLiteral("llm_buffered"), llmBuffered },
        { QStringLiteral("llm_omit_usage"), llmOmitUsage } };
}

bool DemoOptions::fromJson(const QJsonObject& json, DemoOptions* options, QString* error)
{
    DemoOptions o;
    auto number = [&](const QJsonObject& obj, const char* key, double fallback, double min, double max, double* out) {
        const QJsonValue v = obj.value(QLatin1String(key));
        if (v.isUndefined()) {
            *out = fallback;
            return true;
        }
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
            *error = QCoreApplication::translate("DemoOptions", "field \"%1\" must be a number from %2 to %3")
                         .arg(QLatin1String(key))
                         .arg(min)
                         .arg(max);
            return false;
        }
        *out = v.toDouble();
        return true;
    };
    double slots = 8;
    double batchSlots = o.llmBatchSlots;
    double tokensPerEvent = o.llmTokensPerEvent;
    if (!number(json, "speed", 10, 0.01, 100000, &o.speed)
        || !number(json, "leak_kb_per_request", 0, 0, 102400, &o.leakKbPerRequest)
        || !number(json, "slow_start_s", 0, 0, 3600, &o.slowStartS) || !number(json, "model_slots", 8, 1, 10000, &slots)
        || !number(json, "llm_prefill_ms_per_token", o.llmPrefillMsPerToken, 0, 1000, &o.llmPrefillMsPerToken)
        || !number(json, "llm_decode_ms", o.llmDecodeMs, 0, 10000, &o.llmDecodeMs)
        || !number(json, "llm_batch_slowdown", o.llmBatchSlowdown, 0, 10, &o.llmBatchSlowdown)
        || !number(json, "llm_batch_slots", batchSlots, 1, 100000, &batchSlots)
        || !number(json, "llm_tokens_per_event", tokensPerEvent, 1, 1000, &tokensPerEvent))
        return false;
    o.modelSlots = int(slots);
    o.llmBatchSlots = int(batchSlots);
    o.llmTokensPerEvent = int(tokensPerEvent);
    o.rateLimit = json.value(QStringLiteral("rate_limit")).toBool();
    o.llmBuffered = json.value(QStringLiteral("llm_buffered")).toBool();
    o.llmOmitUsage = json.value(QStringLiteral("llm_omit_usage")).toBool();
    const QJsonObject faults = json.value(QStringLiteral("faults")).toObject();
    for (auto it = faults.begin(); it != faults.end(); ++it) {
        if (!endpoints().contains(it.key())) {
            *error = QCoreApplication::translate("DemoOptions", "unknown endpoint \"%1\" in \"faults\"").arg(it.key());
            return false;
        }
        const QJsonObject f = it.value().toObject();
        EndpointFault fault;
        double status = 500;
        if (!number(f, "error_rate", 0, 0, 1, &fault.errorRate) || !number(f, "error_status", 500, 400, 599, &status)
            || !number(f, "hang_rate", 0, 0, 1, &fault.hangRate) || !number(f, "reset_rate", 0, 0, 1, &fault.resetRate)
            || !number(f, "extra_latency_ms", 0, 0, 3600000, &fault.extraLatencyMs))
            return false;
        fault.errorStatus = int(status);
        o.faults.insert(it.key(), fault);
    }
    *options = o;
    return true;
}

} // namespace Stressdeck
