// SPDX-License-Identifier: MIT

#include "shardplan.h"

#include "report.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <tuple>

namespace Stressdeck {

namespace {

quint64 splitMix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

std::optional<int> nonNegative(const QString& text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok && value >= 0 ? std::optional<int>(value) : std::nullopt;
}

QString badVariable(const char* name, const QString& value)
{
    return QCoreApplication::translate("Shard", "--shard auto: %1=\"%2\" is not a valid shard number")
        .arg(QLatin1String(name), value);
}

//! The plan without the seed: the configuration's load and the requests.
QJsonObject planJson(const RunConfig& config, const Scenario& scenario, bool withSeed)
{
    Report shape;
    shape.config = config;
    shape.scenarioName = scenario.name;
    QJsonObject cfg = shape.toJson().value(QStringLiteral("config")).toObject();
    // Where a shard sends, what it watches and how it writes are its own.
    for (const char* key : { "target", "monitor_pid", "monitor_name", "threads", "transport", "checkpoint_interval_s",
             "sample_interval_s", "health_check", "health_path", "insecure", "profile" })
        cfg.remove(QLatin1String(key));
    if (!withSeed)
        cfg.remove(QStringLiteral("seed"));
    QJsonArray types;
    for (const RequestType& t : scenario.requestTypes) {
        QJsonArray bodies;
        for (const QByteArray& b : t.bodies)
            bodies.append(QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex()));
        types.append(QJsonObject { { QStringLiteral("name"), t.name },
            { QStringLiteral("method"), QString::fromLatin1(t.method) }, { QStringLiteral("path"), t.path },
            { QStringLiteral("weight"), t.weight }, { QStringLiteral("bodies"), bodies } });
    }
    cfg.insert(QStringLiteral("request_types"), types);
    return cfg;
}

QByteArray digest(const QJsonObject& plan)
{
    return QCryptographicHash::hash(QJsonDocument(plan).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
}

} // namespace

std::optional<ShardSpec> ShardSpec::parse(const QString& text, QString* error)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    const std::optional<int> index = parts.size() == 2 ? nonNegative(parts[0]) : std::nullopt;
    const std::optional<int> count = parts.size() == 2 ? nonNegative(parts[1]) : std::nullopt;
    if (!index || !count || *count < 1 || *index >= *count) {
        *error = QCoreApplication::translate("Shard", "--shard: \"%1\" is not I/N with 0 ≤ I < N, or auto").arg(text);
        return std::nullopt;
    }
    return ShardSpec { *index, *count, QStringLiteral("explicit") };
}

std::optional<ShardSpec> ShardSpec::fromEnvironment(const QProcessEnvironment& env, QString* error)
{
    for (const auto& [indexName, countName, source] :
        { std::tuple { "JOB_COMPLETION_INDEX", "STRESSDECK_SHARD_COUNT", "kubernetes" },
            std::tuple { "SLURM_PROCID", "SLURM_NTASKS", "slurm" } }) {
        const QString indexText = env.value(QLatin1String(indexName));
        const QString countText = env.value(QLatin1String(countName));
        if (indexText.isEmpty() || countText.isEmpty())
            continue;
        const std::optional<int> index = nonNegative(indexText);
        const std::optional<int> count = nonNegative(countText);
        if (!count || *count < 1) {
            *error = badVariable(countName, countText);
            return std::nullopt;
        }
        if (!index || *index >= *count) {
            *error = badVariable(indexName, indexText);
            return std::nullopt;
        }
        return ShardSpec { *index, *count, QLatin1String(source) };
    }
    return ShardSpec {};
}

namespace ShardPlan {

double uniform(quint64 seed, Draw what, qint64 a, qint64 b)
{
    quint64 x = splitMix(seed ^ splitMix(quint64(what)));
    x = splitMix(x ^ quint64(a));
    x = splitMix(x ^ quint64(b));
    return double(x >> 11) * 0x1.0p-53;
}

int pickType(const std::vector<double>& cumulativeWeights, quint64 seed, qint64 a, qint64 b)
{
    if (cumulativeWeights.size() <= 1)
        return 0;
    const double at = uniform(seed, Draw::Type, a, b) * cumulativeWeights.back();
    const auto it = std::upper_bound(cumulativeWeights.begin(), cumulativeWeights.end(), at);
    return int(std::min<std::ptrdiff_t>(it - cumulativeWeights.begin(), std::ptrdiff_t(cumulativeWeights.size() - 1)));
}

qsizetype pickBody(qsizetype count, quint64 seed, qint64 a, qint64 b)
{
    if (count <= 1)
        return 0;
    return std::min(count - 1, qsizetype(uniform(seed, Draw::Body, a, b) * double(count)));
}

QString planHash(const RunConfig& config, const Scenario& scenario)
{
    return QString::fromLatin1(digest(planJson(config, scenario, true)).toHex().left(16));
}

quint64 derivedSeed(const RunConfig& config, const Scenario& scenario)
{
    const QByteArray d = digest(planJson(config, scenario, false));
    quint64 seed = 0;
    for (int i = 0; i < 8; ++i)
        seed = seed << 8 | quint64(quint8(d[i]));
    // At most 53 bits, so the seed survives the JSON report exactly, and never 0 ("pick one").
    return (seed & ((1ULL << 53) - 1)) | 1;
}

} // namespace ShardPlan

} // namespace Stressdeck
