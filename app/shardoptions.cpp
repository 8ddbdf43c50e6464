// SPDX-License-Identifier: MIT

#include "shardoptions.h"

#include "runconfig.h"
#include "wallclock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Stressdeck::Cli {

void ShardOptions::addTo(QCommandLineParser* parser, bool runOnly)
{
    parser->addOption({ QStringLiteral("shard"),
        QCoreApplication::translate("Cli",
            "Run shard I of N of the global plan (I/N), or auto: JOB_COMPLETION_INDEX with "
            "STRESSDECK_SHARD_COUNT, SLURM_PROCID with SLURM_NTASKS, else 0/1."),
        QStringLiteral("I/N|auto") });
    parser->addOption({ QStringLiteral("start-at"),
        QCoreApplication::translate(
            "Cli", "Prepare, then start at this wall-clock time (RFC 3339 with a zone, or Unix seconds)."),
        QStringLiteral("time") });
    parser->addOption({ QStringLiteral("late-tolerance"),
        QCoreApplication::translate("Cli", "How late after --start-at a start still counts as on time (default 1s)."),
        QStringLiteral("duration"), QStringLiteral("1s") });
    parser->addOption({ QStringLiteral("late-start"),
        QCoreApplication::translate("Cli",
            "Later than that: fail (exit 75, the default) or join (skip what was missed, marked in the report)."),
        QStringLiteral("fail|join"), QStringLiteral("fail") });
    if (!runOnly)
        return;
    parser->addOption({ QStringLiteral("report-stdout"),
        QCoreApplication::translate("Cli",
            "Also print the report as the last line of stdout (STRESSDECK-REPORT, base64 of gzipped JSON), which "
            "stressdeck merge reads from a log.") });
    parser->addOption({ QStringLiteral("checkpoint-dir"),
        QCoreApplication::translate("Cli",
            "Also write every checkpoint (--checkpoint-interval) and the final report to DIR/shard-I-of-N.json, "
            "for stressdeck gui --follow DIR."),
        QStringLiteral("dir") });
}

bool ShardOptions::read(
    const QCommandLineParser& parser, const QProcessEnvironment& env, ShardOptions* out, QString* error)
{
    ShardOptions o;
    if (parser.isSet(QStringLiteral("shard"))) {
        o.given = true;
        const QString value = parser.value(QStringLiteral("shard"));
        const std::optional<ShardSpec> spec
            = value == QLatin1String("auto") ? ShardSpec::fromEnvironment(env, error) : ShardSpec::parse(value, error);
        if (!spec)
            return false;
        o.spec = *spec;
    }
    if (parser.isSet(QStringLiteral("start-at"))) {
        o.given = true;
        o.barrier.atUnixNs = WallClock::parseTime(parser.value(QStringLiteral("start-at")), error);
        if (!o.barrier.atUnixNs)
            return false;
    }
    const QString tolerance = parser.value(QStringLiteral("late-tolerance"));
    const std::optional<double> toleranceS = parseDuration(tolerance);
    if (!toleranceS) {
        *error = QCoreApplication::translate("Cli", "--late-tolerance: \"%1\" is not a duration (e.g. 1s, 500ms)")
                     .arg(tolerance);
        return false;
    }
    o.barrier.toleranceS = *toleranceS;
    const QString late = parser.value(QStringLiteral("late-start"));
    if (late != QLatin1String("fail") && late != QLatin1String("join")) {
        *error = QCoreApplication::translate("Cli", "--late-start: \"%1\" is neither fail nor join").arg(late);
        return false;
    }
    o.barrier.join = late == QLatin1String("join");
    // optionNames(): what was given, so a parser without the run-only options is not asked about them.
    const QStringList given = parser.optionNames();
    o.reportStdout = given.contains(QStringLiteral("report-stdout"));
    if (given.contains(QStringLiteral("checkpoint-dir"))) {
        o.given = true; // a followed run is a shard's, 0/1 at least, so its files merge
        o.checkpointDir = parser.value(QStringLiteral("checkpoint-dir"));
        if (!QDir().mkpath(o.checkpointDir) || !QFileInfo(o.checkpointDir).isWritable()) {
            *error
                = QCoreApplication::translate("Cli", "--checkpoint-dir: cannot write to \"%1\"").arg(o.checkpointDir);
            return false;
        }
    }
    *out = o;
    return true;
}

} // namespace Stressdeck::Cli
