// SPDX-License-Identifier: MIT

#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace Stressdeck {

struct Scenario;
struct RunConfig;

//! Which stripe of one global, seeded plan this process runs (issue #17). Every shard computes
//! the whole plan and keeps its stripe: global user u runs on shard u mod count (closed model),
//! arrival k of the global schedule on shard k mod count (open model). What a request is (its
//! type, its body, the think time after it) is a pure function of the seed and the global user
//! and iteration, or the global arrival, so the union of the shards is the one-shard run.
struct ShardSpec {
    int index = 0;
    int count = 1;
    //! Where the value came from: "explicit", "kubernetes", "slurm" or "default".
    QString source = QStringLiteral("default");

    bool isSharded() const { return count > 1; }
    //! "I/N" with 0 ≤ I < N; nullopt (and *error) otherwise.
    static std::optional<ShardSpec> parse(const QString& text, QString* error);
    //! `--shard auto`: JOB_COMPLETION_INDEX with STRESSDECK_SHARD_COUNT, then SLURM_PROCID with
    //! SLURM_NTASKS, else 0/1; nullopt (and *error naming the variable) for a bad value.
    static std::optional<ShardSpec> fromEnvironment(const QProcessEnvironment& env, QString* error);

    //! How many of the global users 0…globalUsers−1 run on this shard.
    int localCount(int globalUsers) const
    {
        return globalUsers > index ? (globalUsers - index + count - 1) / count : 0;
    }
    //! The global number of this shard's local user `local`.
    qint64 globalUser(qint64 local) const { return local * count + index; }
    bool owns(qint64 globalIndex) const { return globalIndex % count == index; }
    friend bool operator==(const ShardSpec&, const ShardSpec&) = default;
};

//! `--start-at`: when this process starts its stripe, and what it does when it wakes too late.
struct StartBarrier {
    std::optional<qint64> atUnixNs; //!< none: at once
    double toleranceS = 1.0;
    bool join = false; //!< late by more than the tolerance: join the schedule where it stands (else exit 75)
};

//! The plan's draws: a counter-based generator (SplitMix64 over the seed and a key), so a draw
//! depends on nothing but its key, never on which thread or shard makes it.
namespace ShardPlan {

enum class Draw : quint64 { Type = 1, Body = 2, Think = 3 };

//! A uniform number in [0, 1) for (seed, what, a, b).
double uniform(quint64 seed, Draw what, qint64 a, qint64 b = 0);
//! The request type for the key: by the cumulative weights.
int pickType(const std::vector<double>& cumulativeWeights, quint64 seed, qint64 a, qint64 b = 0);
//! The body (0…count−1) for the key; 0 when there is at most one.
qsizetype pickBody(qsizetype count, quint64 seed, qint64 a, qint64 b = 0);
//! The hash of what every shard must agree on: the load's shape, the seed and the requests.
//! Where each shard sends, monitors or writes does not enter it.
QString planHash(const RunConfig& config, const Scenario& scenario);
//! A seed all shards derive alike when none was given: from the plan without a seed.
quint64 derivedSeed(const RunConfig& config, const Scenario& scenario);

} // namespace ShardPlan

} // namespace Stressdeck
