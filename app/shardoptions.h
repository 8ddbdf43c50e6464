// SPDX-License-Identifier: MIT

#pragma once

#include "shardplan.h"

#include <QProcessEnvironment>

class QCommandLineParser;

namespace Stressdeck::Cli {

//! `--shard`, `--start-at`, `--late-tolerance`, `--late-start`, `--report-stdout` and `--checkpoint-dir` of
//! `stressdeck run` (issue #17).
struct ShardOptions {
    bool given = false; //!< --shard or --start-at on the command line: the report is a shard's
    ShardSpec spec;
    StartBarrier barrier;
    bool reportStdout = false; //!< the report as the last line of stdout (ReportFrame)
    QString checkpointDir; //!< every checkpoint and the final report also go there (ShardFollower)

    //! `runOnly`: also --report-stdout and --checkpoint-dir, which only `run` takes.
    static void addTo(QCommandLineParser* parser, bool runOnly = true);
    //! False with a message naming the flag (or the environment variable of `--shard auto`).
    static bool read(
        const QCommandLineParser& parser, const QProcessEnvironment& env, ShardOptions* out, QString* error);
};

} // namespace Stressdeck::Cli
