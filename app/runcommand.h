// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Stressdeck::Cli {

enum ExitCode { Passed = 0, CriterionFailed = 1, BadInput = 2, TargetUnavailable = 3, Interrupted = 130 };

//! A command's --help text, its usage line naming "stressdeck COMMAND" rather than the binary's path.
QString helpText(const QCommandLineParser& parser, const QString& command);

//! `stressdeck run …`: a headless run; returns the process exit code.
int run(const QStringList& arguments);

} // namespace Stressdeck::Cli
