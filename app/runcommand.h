// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Stressdeck {
class ServiceThread;
}

namespace Stressdeck::Cli {

struct RunOptions;

enum ExitCode {
    Passed = 0,
    CriterionFailed = 1,
    BadInput = 2,
    TargetUnavailable = 3,
    LateStart = 75, //!< a shard woke later than --late-tolerance after --start-at (EX_TEMPFAIL)
    Interrupted = 130
};

//! A command's --help text, its usage line naming "stressdeck COMMAND" rather than the binary's path.
QString helpText(const QCommandLineParser& parser, const QString& command);

//! Starts the built-in demo service in `demo` as the target of `options` (monitored, when no other
//! process is) and says so on stderr; false with the reason when it cannot start.
bool startDemoTarget(ServiceThread* demo, RunOptions* options, QString* error);

//! With a streaming body that names no model and no --model: asks the target for its first model
//! (`GET /v1/models`) into the configuration and says so on stderr; false with the reason when it cannot.
bool resolveModel(RunOptions* options, QString* error);

//! `stressdeck run …`: a headless run; returns the process exit code.
int run(const QStringList& arguments);

} // namespace Stressdeck::Cli
