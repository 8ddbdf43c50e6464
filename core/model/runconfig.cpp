// SPDX-License-Identifier: MIT

#include "runconfig.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace Stressdeck {

bool RunConfig::validate(QString* error, ConfigField* field) const
{
    auto fail = [&](ConfigField which, const QString& why) {
        *error = why;
        if (field)
            *field = which;
        return false;
    };
    if (field)
        *field = ConfigField::None;
    if (!isValidTarget(target))
        return fail(ConfigField::Target,
            QCoreApplication::translate("RunConfig", "target: \"%1\" is not an http:// or https:// URL")
                .arg(target.toString()));
    if (concurrency < 1 || concurrency > 100000)
        return fail(ConfigField::Concurrency,
            QCoreApplication::translate("RunConfig", "concurrency: %1 is out of range (1–100000)").arg(concurrency));
    if (!(durationS > 0) || durationS > 7 * 24 * 3600)
        return fail(ConfigField::Duration,
            QCoreApplication::translate("RunConfig", "duration: must be above 0 and at most 7 days"));
    if (!(timeoutS > 0) || timeoutS > 3600)
        return fail(ConfigField::Timeout,
            QCoreApplication::translate("RunConfig", "timeout: must be above 0 and at most 1 hour"));
    if (!(thinkMinMs >= 0) || !(thinkMaxMs >= thinkMinMs) || thinkMaxMs > 3600000)
        return fail(ConfigField::ThinkTime,
            QCoreApplication::translate(
                "RunConfig", "think time: minimum must be ≥ 0 and not above the maximum (at most 1 hour)"));
    if (isStaged()) {
        const bool matches = (stages.unit() == Stages::Unit::Rate) == (loadModel == LoadModel::Open);
        if (!matches)
            return fail(ConfigField::Stages,
                QCoreApplication::translate(
                    "RunConfig", "stages: user stages belong to the closed model, rate stages to the open model"));
        if (std::abs(durationS - stages.totalDuration()) > 1e-6)
            return fail(ConfigField::Stages,
                QCoreApplication::translate("RunConfig", "stages: the run lasts as long as its stages (%1), not %2")
                    .arg(formatDurationExact(stages.totalDuration()), formatDurationExact(durationS)));
    }
    if (loadModel == LoadModel::Open && !isStaged() && (!(rateRps > 0) || rateRps > 10000000))
        return fail(
            ConfigField::Rate, QCoreApplication::translate("RunConfig", "rate: must be above 0 requests per second"));
    if (!(sampleIntervalS >= 1) || sampleIntervalS > 3600)
        return fail(ConfigField::SampleInterval,
            QCoreApplication::translate("RunConfig", "sample interval: must be from 1 s to 1 hour"));
    if (!(thresholds.leakMb > 0))
        return fail(
            ConfigField::LeakThreshold, QCoreApplication::translate("RunConfig", "leak threshold: must be above 0 MB"));
    if (healthCheck && !healthPath.startsWith(QLatin1Char('/')))
        return fail(ConfigField::HealthPath,
            QCoreApplication::translate("RunConfig", "health path: \"%1\" must start with \"/\"").arg(healthPath));
    if (!(checkpointIntervalS >= 1) || checkpointIntervalS > 3600)
        return fail(ConfigField::CheckpointInterval,
            QCoreApplication::translate("RunConfig", "checkpoint interval: must be from 1 s to 1 hour"));
    if (maxBodyBytes < 1)
        return fail(ConfigField::MaxBody,
            QCoreApplication::translate("RunConfig", "maximum body size: must be at least 1 byte"));
    if (threads < 0 || threads > 256)
        return fail(ConfigField::Threads,
            QCoreApplication::translate("RunConfig", "threads: %1 is out of range (0 for automatic, up to 256)")
                .arg(threads));
    if (monitorPid < 0)
        return fail(ConfigField::MonitorPid,
            QCoreApplication::translate("RunConfig", "monitored PID: must be a positive number"));
    return true;
}

bool RunConfig::isValidTarget(const QUrl& url)
{
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && !url.host().isEmpty();
}

void RunConfig::setStages(const Stages& shape)
{
    stages = shape;
    if (shape.isEmpty())
        return;
    durationS = shape.totalDuration();
    if (shape.unit() == Stages::Unit::Rate) {
        loadModel = LoadModel::Open;
        return;
    }
    loadModel = LoadModel::Closed;
    double most = 1;
    for (const Stage& stage : shape.stages())
        most = std::max(most, stage.target);
    concurrency = int(most);
}

void Profile::applyTo(RunConfig* config) const
{
    config->profile = name;
    config->concurrency = concurrency;
    config->durationS = durationS;
    config->timeoutS = timeoutS;
    config->thinkMinMs = thinkMinMs;
    config->thinkMaxMs = thinkMaxMs;
    config->setStages(stages);
}

QList<Profile> Profile::builtIns()
{
    return {
        { QStringLiteral("quick"), 5, 30 },
        { QStringLiteral("normal"), 10, 300 },
        { QStringLiteral("extended"), 20, 900 },
        { QStringLiteral("capacity"), 5, 30, 30, 0, 0, {}, true },
    };
}

std::optional<Profile> Profile::builtIn(const QString& name)
{
    for (const Profile& p : builtIns()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

std::optional<double> parseDuration(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|s|m|min|h)?\\s*$"));
    const auto match = re.match(text);
    if (!match.hasMatch()) {
        // What formatDuration() writes: "5m00s", "1h02m03s", also "1h30m".
        static const QRegularExpression compound(
            QStringLiteral("^\\s*(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?\\s*$"));
        const auto parts = compound.match(text);
        if (!parts.hasMatch() || text.trimmed().isEmpty())
            return std::nullopt;
        return parts.captured(1).toDouble() * 3600.0 + parts.captured(2).toDouble() * 60.0
            + parts.captured(3).toDouble();
    }
    double value = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    if (unit == QLatin1String("ms"))
        value /= 1000.0;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        value *= 60.0;
    else if (unit == QLatin1String("h"))
        value *= 3600.0;
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::pair<double, double>> parseThinkTime(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() > 2)
        return std::nullopt;
    const auto low = parseDuration(parts[0]);
    const auto high = parseDuration(parts.size() == 2 ? parts[1] : parts[0]);
    if (!low || !high || *low > *high)
        return std::nullopt;
    return std::make_pair(*low * 1000.0, *high * 1000.0);
}

QString formatDuration(double seconds)
{
    const auto total = qint64(std::llround(seconds));
    if (total < 60)
        return QStringLiteral("%1s").arg(total);
    if (total < 3600)
        return QStringLiteral("%1m%2s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m%3s")
        .arg(total / 3600)
        .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString formatDurationExact(double seconds)
{
    if (seconds == std::floor(seconds))
        return formatDuration(seconds);
    return QStringLiteral("%1ms").arg(seconds * 1000.0);
}

int defaultEngineThreads()
{
    return std::max(1, QThread::idealThreadCount() - 1);
}

QString transportId(Transport transport)
{
    return transport == Transport::Fast ? QStringLiteral("fast") : QStringLiteral("qnam");
}

std::optional<Transport> transportFromId(const QString& id)
{
    if (id == QLatin1String("qnam"))
        return Transport::Qnam;
    if (id == QLatin1String("fast"))
        return Transport::Fast;
    return std::nullopt;
}

QString loadModelId(LoadModel model)
{
    return model == LoadModel::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

} // namespace Stressdeck
